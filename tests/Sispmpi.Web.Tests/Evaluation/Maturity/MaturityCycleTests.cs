using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Features.Evaluation;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Evaluation.Maturity.MaturityTestData;
using ExecutionData = Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Evaluation.Maturity;

/// <summary>
/// The self-assessment questionnaire: a cycle is started for this year on the current model, questions are answered
/// with a level and a justification (both required, typed values kept on error), the page shows the progress and the
/// scores of <see cref="MaturityScoring.Score"/>, and evidence follows the execution's rules.
/// </summary>
/// <remarks>The class starts its own application: it creates cycles of the demo organization.</remarks>
public sealed class MaturityCycleTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task A_cycle_is_started_for_this_year_answered_and_scored_as_MaturityScoring_scores_it()
    {
        await app.RemoveCycleAsync("SEPLAG", ThisYear);
        var client = await app.LoginAsync(Commission);
        var list = await SispmpiAppFactory.GetDocumentAsync(client, "/maturidade");
        list.Text("button[data-start]").ShouldBe($"Iniciar ciclo de {ThisYear}");

        int cycleId;
        using (var response = await SispmpiAppFactory.PostFormAsync(client, "/maturidade?handler=Start", new Dictionary<string, string>(), "/maturidade"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var location = response.Headers.Location!.OriginalString;
            location.ShouldStartWith("/maturidade/");
            cycleId = int.Parse(location["/maturidade/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        var (cycle, model, answers, _) = await app.CycleAsync(cycleId);
        cycle.Year.ShouldBe(ThisYear);
        cycle.Status.ShouldBe(MaturityCycleStatus.InProgress);
        cycle.ModelVersionId.ShouldBe((await app.CurrentVersionAsync()).Id);
        cycle.OrganizationId.ShouldBe(await app.OrganizationIdAsync("SEPLAG"));
        answers.ShouldBeEmpty();

        // The page offers no second start for the same year.
        list = await SispmpiAppFactory.GetDocumentAsync(client, "/maturidade");
        list.QuerySelector("button[data-start]").ShouldBeNull();

        // Answers over two dimensions, one changed afterwards; the commission answers, internal control too.
        var first = model.Dimensions[0].Questions;
        var second = model.Dimensions[1].Questions;
        (await AnswerAsync(client, cycleId, first[0].Id, 2, "Há ato formal de apoio, pouco retomado.")).ShouldRedirectToQuestion(cycleId, first[0].Id);
        (await AnswerAsync(client, cycleId, first[1].Id, 4, "Recursos revistos anualmente.")).ShouldRedirectToQuestion(cycleId, first[1].Id);
        (await AnswerAsync(client, cycleId, second[0].Id, 5, "Referência para outros órgãos.")).ShouldRedirectToQuestion(cycleId, second[0].Id);
        var auditor = await app.LoginAsync(InternalControl);
        (await AnswerAsync(auditor, cycleId, first[1].Id, 3, "Recursos previstos no orçamento.")).ShouldRedirectToQuestion(cycleId, first[1].Id);

        (_, _, answers, _) = await app.CycleAsync(cycleId);
        answers.Count.ShouldBe(3);
        var changed = answers.Single(a => a.QuestionId == first[1].Id);
        changed.Level.ShouldBe(MaturityLevel.Integrated);
        changed.Justification.ShouldBe("Recursos previstos no orçamento.");
        changed.UpdatedById.ShouldBe(await app.WithDbAsync(db => db.Users.Where(u => u.Email == InternalControl).Select(u => (int?)u.Id).SingleAsync()));

        var expected = await app.ExpectedScoreAsync(cycleId);
        expected.Answered.ShouldBe(3);
        expected.Overall.ShouldNotBeNull();
        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/maturidade/{cycleId}");
        page.Text("[data-progress]").ShouldBe($"3 de {expected.Questions} questões respondidas");
        page.Text("[data-overall-score]").ShouldBe(Score(expected.Overall));
        page.Text("[data-overall-level]").ShouldBe(MaturityLevels.Name(expected.OverallLevel!.Value));
        foreach (var dimension in expected.Dimensions)
        {
            page.Text($"[data-dimension-score='{dimension.DimensionId}']").ShouldBe(Score(dimension.Score), dimension.DimensionId);
            page.Text($"[data-dimension-answered='{dimension.DimensionId}']").ShouldBe($"{dimension.Answered} de {dimension.Questions}");
            page.Text($"section[data-dimension='{dimension.DimensionId}'] [data-dimension-section-score]").ShouldBe(Score(dimension.Score));
        }
        // (2 + 3) / 2 = 2,50 and 5,00 for the first two dimensions: the figures are real, not only consistent.
        page.Text($"[data-dimension-score='{model.Dimensions[0].Id}']").ShouldBe("2,50");
        page.Text($"[data-dimension-score='{model.Dimensions[1].Id}']").ShouldBe("5,00");
        page.Text($"[data-dimension-score='{model.Dimensions[2].Id}']").ShouldBe("—");

        // Every form of the page posts with the antiforgery token (their addresses are explicit, so the tag helper is told to).
        page.QuerySelectorAll("form[method=post]").ShouldAllBe(f => f.QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']") != null);

        // The saved answer shows checked, with its justification; the five levels carry their descriptions.
        var article = page.QuerySelector($"article[data-question='{first[1].Id}']")!;
        article.QuerySelectorAll("input[type=radio][name='Answer.Level']").Length.ShouldBe(5);
        article.QuerySelector("input[type=radio]:checked")!.GetAttribute("value").ShouldBe("3");
        article.QuerySelector("textarea[name='Answer.Justification']")!.TextContent.ShouldBe("Recursos previstos no orçamento.");
        article.QuerySelector($"label[for='q-{first[1].Id}-nivel-5']")!.TextContent.ShouldContain(first[1].Levels[MaturityLevel.Optimized]);

        // The list shows the cycle with the same figures.
        list = await SispmpiAppFactory.GetDocumentAsync(client, "/maturidade");
        list.Text($"tr[data-cycle='{cycleId}'] [data-answered]").ShouldBe($"3 de {expected.Questions}");
        list.Text($"tr[data-cycle='{cycleId}'] [data-overall]").ShouldBe(Score(expected.Overall));
        list.Text($"tr[data-cycle='{cycleId}'] [data-level]").ShouldBe(MaturityLevels.Name(expected.OverallLevel!.Value));
        list.Text($"tr[data-cycle='{cycleId}']").ShouldContain("Em andamento");
    }

    [Fact]
    public async Task An_answer_needs_a_level_and_a_justification_and_keeps_what_was_typed()
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", 2001);
        var (_, model, _, _) = await app.CycleAsync(cycleId);
        var question = model.Questions.Skip(4).First();
        var client = await app.LoginAsync(InternalControl);

        using (var response = await AnswerAsync(client, cycleId, question.Id, null, "Texto digitado que não se perde."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.Text($"#q-{question.Id}-nivel-error").ShouldBe("Escolha o nível que descreve a prática atual da organização.");
            page.QuerySelector($"#q-{question.Id}-justificativa")!.TextContent.ShouldBe("Texto digitado que não se perde.");
            page.QuerySelector($"#q-{question.Id}-justificativa-error").ShouldBeNull();
            // Only the failed question shows the error and the typed text.
            page.QuerySelectorAll(".feedback.danger").Length.ShouldBe(1);
        }
        using (var response = await AnswerAsync(client, cycleId, question.Id, 4, "   "))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.Text($"#q-{question.Id}-justificativa-error").ShouldBe("Justifique o nível escolhido, com base nas evidências.");
            page.QuerySelector($"#q-{question.Id}-nivel-4")!.HasAttribute("checked").ShouldBeTrue("the level chosen is kept");
        }
        using (var response = await AnswerAsync(client, cycleId, question.Id, 9, "Nível inexistente."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.Text($"#q-{question.Id}-nivel-error").ShouldStartWith("Escolha um dos cinco níveis");
        }
        (await app.CycleAsync(cycleId)).Answers.ShouldBeEmpty();

        // A question that is not in the cycle's model does not exist.
        using (var response = await AnswerAsync(client, cycleId, "questao-inexistente", 3, "Justificativa."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Evidence_links_processes_and_files_follow_the_execution_rules_and_a_bad_file_stores_nothing()
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", 2002);
        var (_, model, _, _) = await app.CycleAsync(cycleId);
        var question = model.Questions.First();
        var client = await app.LoginAsync(Commission);
        var url = $"/maturidade/{cycleId}";

        // A link, on a question not answered yet: an answer without level holds it, and the question stays unanswered.
        (await AddLinkAsync(client, cycleId, question.Id, "Portaria de instituição do programa", "https://www.mg.gov.br/portaria"))
            .ShouldRedirectToQuestion(cycleId, question.Id);
        var (_, _, answers, evidence) = await app.CycleAsync(cycleId);
        answers.ShouldHaveSingleItem().Level.ShouldBeNull();
        var link = evidence.ShouldHaveSingleItem();
        link.Kind.ShouldBe(EvidenceKind.Link);
        link.Url.ShouldBe("https://www.mg.gov.br/portaria");
        link.OrganizationId.ShouldBe(await app.OrganizationIdAsync("SEPLAG"));
        (await app.ExpectedScoreAsync(cycleId)).Answered.ShouldBe(0);

        // A link that is not an absolute http(s) address: the execution's message, next to this question's field.
        using (var response = await AddLinkAsync(client, cycleId, question.Id, "Link suspeito", "javascript:alert(1)"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.Text($"#q-{question.Id}-link-endereco-error").ShouldBe("Informe um endereço completo, começando por https:// ou http://.");
            page.QuerySelector($"#q-{question.Id}-link-descricao")!.GetAttribute("value").ShouldBe("Link suspeito");
            page.QuerySelector($"#q-{question.Id}-link-endereco")!.Closest("details")!.HasAttribute("open").ShouldBeTrue();
        }

        // A process number, in its canonical form.
        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Process&questionId={question.Id}",
            new Dictionary<string, string> { ["Process.Description"] = "Processo do plano", ["Process.Number"] = "19973.011749/2025-70" }, url))
        {
            response.ShouldRedirectToQuestion(cycleId, question.Id);
        }

        // A file: stored under a generated name, listed, downloaded byte for byte.
        (await AddFileAsync(client, cycleId, question.Id, "Relatório anual", "relatório.pdf", ExecutionData.Pdf)).ShouldRedirectToQuestion(cycleId, question.Id);
        (_, _, _, evidence) = await app.CycleAsync(cycleId);
        evidence.Count.ShouldBe(3);
        evidence[1].ProcessNumber.ShouldBe("19973.011749/2025-70");
        var file = evidence[2];
        file.Kind.ShouldBe(EvidenceKind.File);
        file.FileName.ShouldBe("relatório.pdf");
        file.ContentType.ShouldBe("application/pdf");
        file.FileSize.ShouldBe(ExecutionData.Pdf.Length);
        file.FileSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ExecutionData.Pdf)));
        (await File.ReadAllBytesAsync(ExecutionData.StoredPath(app, file.FileKey!))).ShouldBe(ExecutionData.Pdf);

        var listed = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var download = listed.QuerySelector($"article[data-question='{question.Id}'] a[href='{url}/evidencias/{file.Id}']");
        download.ShouldNotBeNull();
        download.TextContent.ShouldBe("relatório.pdf");
        listed.Text($"article[data-question='{question.Id}'] summary").ShouldBe("Evidências (3)");
        using (var response = await client.GetAsync($"{url}/evidencias/{file.Id}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(ExecutionData.Pdf);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        }
        // The head reads the evidence too; the download of another cycle's address is not found.
        var head = await app.LoginAsync(SeniorManagement);
        (await head.GetAsync($"{url}/evidencias/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var otherCycle = await app.CreateCycleAsync("SEPLAG", 2003);
        (await client.GetAsync($"/maturidade/{otherCycle}/evidencias/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A disguised executable is refused with the reason next to the field, and leaves neither a row nor a file.
        var filesBefore = ExecutionData.FilesOf(app);
        using (var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File&questionId={question.Id}",
            new Dictionary<string, string> { ["Upload.Description"] = "Arquivo suspeito" }, "Upload.File", "relatorio.pdf",
            ExecutionData.WindowsExecutable, "application/pdf", url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.Text($"#q-{question.Id}-arquivo-erro").ShouldBe("O arquivo é um programa executável, e programas não são aceitos como evidência.");
            page.QuerySelector($"#q-{question.Id}-arquivo")!.GetAttribute("aria-invalid").ShouldBe("true");
            page.QuerySelector($"#q-{question.Id}-arquivo-descricao")!.GetAttribute("value").ShouldBe("Arquivo suspeito");
        }
        using (var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File&questionId={question.Id}",
            new Dictionary<string, string> { ["Upload.Description"] = "Arquivo grande" }, "Upload.File", "grande.pdf",
            [.. ExecutionData.Pdf, .. new byte[5 * 1024 * 1024]], "application/pdf", url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.Text($"#q-{question.Id}-arquivo-erro").ShouldBe("O arquivo excede o limite de 5 MB.");
        }
        (await app.CycleAsync(cycleId)).Evidence.Count.ShouldBe(3, "no evidence row for the refused files");
        ExecutionData.FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order(), "no file written for the refused files");

        // Removing the file evidence deletes its bytes and its download.
        var removeForm = listed.QuerySelector($"form[action='{url}?handler=RemoveEvidence&maturityEvidenceId={file.Id}']");
        removeForm.ShouldNotBeNull();
        removeForm.GetAttribute("data-confirm")!.ShouldContain("Excluir a evidência “Relatório anual”?");
        using (var response = await SispmpiAppFactory.PostFormAsync(client, removeForm.GetAttribute("action")!, new Dictionary<string, string>(), url))
        {
            response.ShouldRedirectToQuestion(cycleId, question.Id);
        }
        File.Exists(ExecutionData.StoredPath(app, file.FileKey!)).ShouldBeFalse();
        (await client.GetAsync($"{url}/evidencias/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CycleAsync(cycleId)).Evidence.Select(e => e.Id).ShouldBe([link.Id, evidence[1].Id]);
    }

    [Fact]
    public async Task Another_organizations_cycle_and_its_files_are_not_found()
    {
        var cycleId = await app.CreateCycleAsync("PMOP", 2004, MaturityLevel.Managed);
        var (_, model, answers, _) = await app.CycleAsync(cycleId);
        var stored = await app.Services.GetRequiredService<IFileStore>().SaveAsync(EvidenceService.FileFolder, ExecutionData.Pdf);
        var key = await app.WithDbAsync(async db =>
        {
            var item = new MaturityEvidence
            {
                OrganizationId = answers[0].OrganizationId, AnswerId = answers[0].Id, Kind = EvidenceKind.File, Description = "Relatório da prefeitura",
                FileName = "prefeitura.pdf", FileKey = stored, ContentType = "application/pdf", FileSize = ExecutionData.Pdf.Length, AddedAt = DateTimeOffset.UtcNow,
            };
            db.MaturityEvidence.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        var question = model.Questions.First();

        foreach (var email in new[] { InternalControl, Commission, SeniorManagement })
        {
            var client = await app.LoginAsync(email);
            (await client.GetAsync($"/maturidade/{cycleId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
            (await client.GetAsync($"/maturidade/{cycleId}/evidencias/{key}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
            var list = await SispmpiAppFactory.GetDocumentAsync(client, "/maturidade");
            list.QuerySelector($"tr[data-cycle='{cycleId}']").ShouldBeNull(email);
        }
        var auditor = await app.LoginAsync(InternalControl);
        using (var response = await AnswerAsync(auditor, cycleId, question.Id, 1, "Tentativa de outra organização.", "/maturidade"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await app.CycleAsync(cycleId)).Answers.Single().Level.ShouldBe(MaturityLevel.Managed);
    }

    [Theory]
    [InlineData(Observer)]
    [InlineData(Executor)]
    public async Task Profiles_outside_the_self_assessment_cannot_see_it(string email)
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", email == Observer ? 2005 : 2006);
        var client = await app.LoginAsync(email);
        (await client.GetAsync("/maturidade")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/maturidade/{cycleId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/maturidade/modelo")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_head_reads_the_questionnaire_but_cannot_answer()
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", 2007, MaturityLevel.Standardized);
        var (_, model, _, _) = await app.CycleAsync(cycleId);
        var client = await app.LoginAsync(SeniorManagement);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/maturidade/{cycleId}");
        page.QuerySelector("[data-read-only-reason]").ShouldNotBeNull();
        page.QuerySelectorAll("button[type=submit]").Where(b => b.Closest("form")?.GetAttribute("action")?.StartsWith("/maturidade", StringComparison.Ordinal) == true)
            .ShouldBeEmpty("no write button for the head");
        page.QuerySelector($"#q-{model.Questions.First().Id}-nivel-2")!.HasAttribute("disabled").ShouldBeTrue();
        page.QuerySelector("button[data-start]").ShouldBeNull();

        var list = await SispmpiAppFactory.GetDocumentAsync(client, "/maturidade");
        list.QuerySelector("button[data-start]").ShouldBeNull();

        using var response = await AnswerAsync(client, cycleId, model.Questions.First().Id, 5, "Alteração da alta administração.");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.CycleAsync(cycleId)).Answers.Single().Level.ShouldBe(MaturityLevel.Standardized);
    }

    [Fact]
    public async Task The_central_administrator_reads_the_cycles_below_but_lists_only_the_own_organizations()
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", 2009, MaturityLevel.Managed);
        var client = await app.LoginAsync(CentralAdministrator);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/maturidade/{cycleId}");
        page.Text("[data-read-only-reason]").ShouldBe("O seu perfil pode consultar a autoavaliação, mas não respondê-la.");
        page.QuerySelectorAll("form[action*='handler=']").ShouldBeEmpty();

        var list = await SispmpiAppFactory.GetDocumentAsync(client, "/maturidade");
        list.QuerySelector($"tr[data-cycle='{cycleId}']").ShouldBeNull("the list is the current organization's (CGE)");
        list.QuerySelector("button[data-start]").ShouldBeNull();
        list.QuerySelector("a[href='/maturidade/modelo']").ShouldNotBeNull();
    }

    [Fact]
    public async Task No_profile_gets_a_server_error_on_any_maturity_route_and_handler()
    {
        // Until the authorization sweep knows a cycle to sweep with, this does the same for the maturity pages: every
        // demo profile, GET and a bare POST to each handler, with a real cycle holding a file.
        var cycleId = await app.CreateCycleAsync("SEPLAG", 2008, MaturityLevel.Initial, MaturityLevel.Integrated);
        var answers = (await app.CycleAsync(cycleId)).Answers;
        var stored = await app.Services.GetRequiredService<IFileStore>().SaveAsync(EvidenceService.FileFolder, ExecutionData.Pdf);
        var evidenceId = await app.WithDbAsync(async db =>
        {
            var item = new MaturityEvidence
            {
                OrganizationId = answers[0].OrganizationId, AnswerId = answers[0].Id, Kind = EvidenceKind.File, Description = "Relatório",
                FileName = "relatorio.pdf", FileKey = stored, ContentType = "application/pdf", FileSize = ExecutionData.Pdf.Length, AddedAt = DateTimeOffset.UtcNow,
            };
            db.MaturityEvidence.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        var requests = new List<(HttpMethod Method, string Url)>
        {
            (HttpMethod.Get, "/maturidade"), (HttpMethod.Post, "/maturidade"), (HttpMethod.Post, "/maturidade?handler=Start"),
            (HttpMethod.Get, "/maturidade/modelo"), (HttpMethod.Post, "/maturidade/modelo"),
            (HttpMethod.Get, $"/maturidade/{cycleId}/evidencias/{evidenceId}"), (HttpMethod.Post, $"/maturidade/{cycleId}/evidencias/{evidenceId}"),
            (HttpMethod.Get, $"/maturidade/{cycleId}"), (HttpMethod.Post, $"/maturidade/{cycleId}"),
        };
        requests.AddRange(new[] { "Answer", "Link", "Process", "File", "RemoveEvidence", "Submit" }
            .Select(handler => (HttpMethod.Post, $"/maturidade/{cycleId}?handler={handler}")));

        var failures = new List<string>();
        foreach (var (email, _, profile) in Sispmpi.Web.Data.DemoSeeder.Accounts)
        {
            var client = await app.LoginAsync(email);
            var token = (await SispmpiAppFactory.GetDocumentAsync(client, "/conta"))
                .QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;
            foreach (var (method, url) in requests)
            {
                using var request = new HttpRequestMessage(method, url);
                if (method == HttpMethod.Post)
                {
                    request.Content = new FormUrlEncodedContent([new(SispmpiAppFactory.AntiforgeryField, token)]);
                }
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{profile}: {method} {url} answered {(int)response.StatusCode}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }
}
