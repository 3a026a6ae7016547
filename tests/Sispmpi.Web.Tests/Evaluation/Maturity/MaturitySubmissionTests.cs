using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Features.Evaluation;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Evaluation.Maturity.MaturityTestData;
using ExecutionData = Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Evaluation.Maturity;

/// <summary>
/// Submission freezes a cycle (the acceptance: "a submitted cycle refuses edits"): only internal control submits,
/// never an empty cycle; afterwards every write answers 403 with the date of submission and changes nothing. The list
/// compares the dimension scores of the last submitted cycles and the open one.
/// </summary>
/// <remarks>The class starts its own application: it creates and submits cycles of the demo organization.</remarks>
public sealed class MaturitySubmissionTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task A_submitted_cycle_refuses_every_write_with_the_date_and_stays_unchanged()
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", 2011);
        var (_, model, _, _) = await app.CycleAsync(cycleId);
        var questions = model.Questions.ToList();
        var url = $"/maturidade/{cycleId}";
        var auditor = await app.LoginAsync(InternalControl);
        (await AnswerAsync(auditor, cycleId, questions[0].Id, 3, "Prática integrada.")).ShouldRedirectToQuestion(cycleId, questions[0].Id);
        (await AnswerAsync(auditor, cycleId, questions[1].Id, 4, "Prática gerenciada.")).ShouldRedirectToQuestion(cycleId, questions[1].Id);
        (await AddLinkAsync(auditor, cycleId, questions[0].Id, "Relatório publicado", "https://www.mg.gov.br/relatorio")).ShouldRedirectToQuestion(cycleId, questions[0].Id);
        (await AddFileAsync(auditor, cycleId, questions[1].Id, "Ata", "ata.pdf", ExecutionData.Pdf)).ShouldRedirectToQuestion(cycleId, questions[1].Id);
        var expected = await app.ExpectedScoreAsync(cycleId);

        var page = await SispmpiAppFactory.GetDocumentAsync(auditor, url);
        var submitButton = page.QuerySelector("button[data-submit]");
        submitButton.ShouldNotBeNull();
        submitButton.GetAttribute("data-confirm")!.ShouldContain($"Enviar o ciclo de 2011? Há {questions.Count - 2} questões sem resposta.");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using (var response = await SispmpiAppFactory.PostFormAsync(auditor, $"{url}?handler=Submit", new Dictionary<string, string>(), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe(url);
        }
        var submitted = await app.CycleAsync(cycleId);
        submitted.Cycle.Status.ShouldBe(MaturityCycleStatus.Submitted);
        submitted.Cycle.SubmittedAt!.Value.ShouldBeGreaterThan(before);
        submitted.Cycle.SubmittedById.ShouldBe(await app.WithDbAsync(db => db.Users.Where(u => u.Email == InternalControl).Select(u => (int?)u.Id).SingleAsync()));
        submitted.Cycle.OverallScore.ShouldBe(expected.Overall);
        var message = $"Este ciclo foi enviado em {BrasiliaDate(submitted.Cycle.SubmittedAt.Value)} e não pode mais ser alterado.";

        // The page is read-only and says why.
        page = await SispmpiAppFactory.GetDocumentAsync(auditor, url);
        page.Text("[data-read-only-reason]").ShouldBe(message);
        page.Text("[data-cycle-status]").ShouldBe($"Enviado em {BrasiliaDate(submitted.Cycle.SubmittedAt.Value)}");
        page.QuerySelector("button[data-submit]").ShouldBeNull();
        page.QuerySelectorAll("form[action*='handler=']").ShouldBeEmpty("no form writes to a submitted cycle");
        page.Text("[data-overall-score]").ShouldBe(Score(expected.Overall));

        // Every write, by each profile that could write before, is refused with the date and changes nothing.
        var fileEvidence = submitted.Evidence.Single(e => e.FileKey is not null);
        var filesBefore = ExecutionData.FilesOf(app);
        foreach (var email in new[] { InternalControl, Commission })
        {
            var client = await app.LoginAsync(email);
            var posts = new (string Url, Dictionary<string, string> Fields)[]
            {
                ($"{url}?handler=Answer&questionId={questions[0].Id}", new() { ["Answer.Level"] = "5", ["Answer.Justification"] = "Alteração tardia." }),
                ($"{url}?handler=Answer&questionId={questions[5].Id}", new() { ["Answer.Level"] = "1", ["Answer.Justification"] = "Resposta nova." }),
                ($"{url}?handler=Link&questionId={questions[0].Id}", new() { ["Link.Description"] = "Link tardio", ["Link.Url"] = "https://www.mg.gov.br/" }),
                ($"{url}?handler=Process&questionId={questions[0].Id}", new() { ["Process.Description"] = "Processo tardio", ["Process.Number"] = "19973.011749/2025-70" }),
                ($"{url}?handler=RemoveEvidence&maturityEvidenceId={fileEvidence.Id}", new()),
                ($"{url}?handler=Submit", new()),
            };
            foreach (var (postUrl, fields) in posts)
            {
                using var response = await SispmpiAppFactory.PostFormAsync(client, postUrl, fields, url);
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{email}: {postUrl}");
                (await response.BodyTextAsync()).ShouldContain(message, Case.Sensitive, $"{email}: {postUrl}");
            }
            using (var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File&questionId={questions[0].Id}",
                new Dictionary<string, string> { ["Upload.Description"] = "Arquivo tardio" }, "Upload.File", "tardio.pdf", ExecutionData.Pdf, "application/pdf", url))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
                (await response.BodyTextAsync()).ShouldContain(message);
            }
        }

        var after = await app.CycleAsync(cycleId);
        after.Cycle.Status.ShouldBe(MaturityCycleStatus.Submitted);
        after.Cycle.SubmittedAt.ShouldBe(submitted.Cycle.SubmittedAt);
        after.Cycle.OverallScore.ShouldBe(submitted.Cycle.OverallScore);
        after.Answers.Select(a => (a.Id, a.QuestionId, a.Level, a.Justification, a.UpdatedAt))
            .ShouldBe(submitted.Answers.Select(a => (a.Id, a.QuestionId, a.Level, a.Justification, a.UpdatedAt)));
        after.Evidence.Select(e => (e.Id, e.Description, e.FileKey)).ShouldBe(submitted.Evidence.Select(e => (e.Id, e.Description, e.FileKey)));
        ExecutionData.FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order(), "no file written or deleted");

        // Reading goes on: the evidence file is still downloaded.
        (await auditor.GetAsync($"{url}/evidencias/{fileEvidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_commission_answers_but_cannot_submit()
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", 2012, MaturityLevel.Integrated, MaturityLevel.Integrated);
        var client = await app.LoginAsync(Commission);
        var url = $"/maturidade/{cycleId}";

        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.QuerySelector("button[data-submit]").ShouldBeNull("the commission sees no submit button");
        page.QuerySelector("form[action*='handler=Answer']").ShouldNotBeNull("the commission answers");

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Submit", new Dictionary<string, string>(), url);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.BodyTextAsync()).ShouldContain("Somente o controle interno envia o ciclo de autoavaliação.");
        var cycle = (await app.CycleAsync(cycleId)).Cycle;
        cycle.Status.ShouldBe(MaturityCycleStatus.InProgress);
        cycle.SubmittedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_cycle_without_answers_is_not_submitted()
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", 2013);
        var client = await app.LoginAsync(InternalControl);
        var url = $"/maturidade/{cycleId}";

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Submit", new Dictionary<string, string>(), url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.Text("[data-submit-error]").ShouldBe("Responda pelo menos uma questão antes de enviar o ciclo.");
        (await app.CycleAsync(cycleId)).Cycle.Status.ShouldBe(MaturityCycleStatus.InProgress);
    }

    [Fact]
    public async Task The_list_compares_the_last_three_submitted_cycles_and_the_open_one_dimension_by_dimension()
    {
        // Four submitted cycles (the oldest is left out of the comparison) and one open, levels rising over time. Years
        // in the next century: newer than any other cycle of the organization (this class's, the demo's).
        var ids = new Dictionary<int, int>();
        foreach (var (year, level) in new[] { (2101, 1), (2102, 2), (2103, 3), (2104, 4) })
        {
            ids[year] = await app.CreateCycleAsync("SEPLAG", year, Enumerable.Repeat((MaturityLevel)level, 6).ToArray());
        }
        ids[2105] = await app.CreateCycleAsync("SEPLAG", 2105, MaturityLevel.Optimized, MaturityLevel.Managed, MaturityLevel.Managed);
        await app.WithDbAsync(async db =>
        {
            foreach (var year in new[] { 2101, 2102, 2103, 2104 })
            {
                var cycle = await db.MaturityCycles.SingleAsync(c => c.Id == ids[year]);
                cycle.Status = MaturityCycleStatus.Submitted;
                cycle.SubmittedAt = new DateTimeOffset(year, 12, 10, 15, 0, 0, TimeSpan.Zero);
            }
            await db.SaveChangesAsync();
        });
        var client = await app.LoginAsync(SeniorManagement);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/maturidade");

        var headers = page.QuerySelectorAll("table[data-comparison] thead th[data-compared-cycle]").Select(th => th.TextContent.Trim()).ToList();
        headers.ShouldBe(["2102", "2103", "2104", "2105 (em andamento)"]);
        page.Text($"tr[data-cycle='{ids[2104]}']").ShouldContain("Enviado em 10/12/2104");

        var (_, model, _, _) = await app.CycleAsync(ids[2104]);
        var expected = new Dictionary<int, MaturityScore>();
        foreach (var year in new[] { 2102, 2103, 2104, 2105 })
        {
            expected[year] = await app.ExpectedScoreAsync(ids[year]);
        }
        foreach (var dimension in model.Dimensions)
        {
            var row = page.QuerySelector($"table[data-comparison] tr[data-compared-dimension='{dimension.Id}']");
            row.ShouldNotBeNull(dimension.Id);
            row.QuerySelector("th")!.TextContent.ShouldBe(dimension.Title);
            foreach (var (year, score) in expected)
            {
                row.QuerySelector($"td[data-year='{year}']")!.TextContent.ShouldBe(Score(score.Dimensions.Single(d => d.DimensionId == dimension.Id).Score));
            }
        }
        // Six answers at level 3 fill the first two dimensions of three questions: 3,00, 3,00 and nothing after.
        page.Text($"tr[data-compared-dimension='{model.Dimensions[0].Id}'] td[data-year='2103']").ShouldBe("3,00");
        page.Text($"tr[data-compared-dimension='{model.Dimensions[1].Id}'] td[data-year='2103']").ShouldBe("3,00");
        page.Text($"tr[data-compared-dimension='{model.Dimensions[2].Id}'] td[data-year='2103']").ShouldBe("—");
        page.Text($"tr[data-compared-dimension='{model.Dimensions[0].Id}'] td[data-year='2105']").ShouldBe("4,33");

        // The radar reads the same numbers from the page's JSON (no inline script: the CSP forbids it).
        var json = page.QuerySelector("script#dados-da-maturidade[type='application/json']");
        json.ShouldNotBeNull();
        page.QuerySelector("canvas#grafico-maturidade").ShouldNotBeNull();
        page.QuerySelector("script[src^='/js/maturity.js']").ShouldNotBeNull();
        page.QuerySelector("script[src^='/lib/chartjs/chart.umd.js']").ShouldNotBeNull();
        using var data = JsonDocument.Parse(json.TextContent);
        data.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldBe(model.Dimensions.Select(d => d.Title));
        var datasets = data.RootElement.GetProperty("datasets").EnumerateArray().ToList();
        datasets.Select(d => d.GetProperty("label").GetString()).ShouldBe(headers);
        datasets.Select(d => d.GetProperty("open").GetBoolean()).ShouldBe([false, false, false, true]);
        for (var i = 0; i < datasets.Count; i++)
        {
            datasets[i].GetProperty("data").EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetDecimal())
                .ShouldBe(expected[2102 + i].Dimensions.Select(d => d.Score), headers[i]);
        }
    }
}
