using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Evaluation.Maturity.MaturityTestData;

namespace Sispmpi.Web.Tests.Evaluation.Maturity;

/// <summary>
/// The central administrator edits the maturity model as JSON: an invalid model is refused with the parser's Portuguese
/// message and the text kept, an existing version is refused, and a valid new version becomes the one new cycles use,
/// while a cycle started before keeps its own.
/// </summary>
/// <remarks>The class starts its own application: it changes the current model.</remarks>
public sealed class MaturityModelEditorTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string EditorUrl = "/maturidade/modelo";

    [Fact]
    public async Task The_editor_shows_the_current_model_and_its_json()
    {
        var current = await app.CurrentVersionAsync();
        var model = MaturityModel.Parse(current.Json);
        var client = await app.LoginAsync(CentralAdministrator);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, EditorUrl);
        page.Text("[data-model-title]").ShouldBe(model.Title);
        page.Text("[data-model-version]").ShouldBe($"{model.Id}, versão {model.Version}");
        page.Text("[data-model-counts]").ShouldBe($"{model.Dimensions.Count} dimensões e {model.Questions.Count()} questões");
        MaturityModel.Parse(page.QuerySelector("textarea#Input_Json")!.TextContent).ToJson().ShouldBe(model.ToJson());
        page.QuerySelector($"table[data-versions] tr[data-version='{current.Id}']")!.TextContent.ShouldContain("Atual");
    }

    [Theory]
    [InlineData("{ \"id\": \"integridade-publica\", ", "O modelo de maturidade não é um JSON válido")]
    [InlineData("{\"id\":\"x\",\"version\":2,\"title\":\"T\",\"dimensions\":[]}", "Modelo de maturidade: é preciso pelo menos uma dimensão.")]
    public async Task An_invalid_model_is_refused_with_the_reason_and_the_text_is_kept(string json, string message)
    {
        var versionsBefore = await app.WithDbAsync(db => db.MaturityModels.CountAsync());
        var client = await app.LoginAsync(CentralAdministrator);

        using var response = await SispmpiAppFactory.PostFormAsync(client, EditorUrl, new Dictionary<string, string> { ["Input.Json"] = json });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        var error = page.Text("#Input_Json-error");
        error.ShouldStartWith("O modelo não foi salvo.");
        error.ShouldContain(message);
        page.QuerySelector("textarea#Input_Json")!.TextContent.ShouldBe(json);
        page.QuerySelector("textarea#Input_Json")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await app.WithDbAsync(db => db.MaturityModels.CountAsync())).ShouldBe(versionsBefore);
    }

    [Fact]
    public async Task A_model_missing_a_level_description_names_the_question()
    {
        var model = MaturityModel.Parse((await app.CurrentVersionAsync()).Json);
        var question = model.Dimensions[0].Questions[0];
        var json = (model with { Version = model.Version + 50 }).ToJson().Replace($"\"otimizado\": \"{question.Levels[MaturityLevel.Optimized]}\"", "\"otimo\": \"x\"",
            StringComparison.Ordinal);
        var client = await app.LoginAsync(CentralAdministrator);

        using var response = await SispmpiAppFactory.PostFormAsync(client, EditorUrl, new Dictionary<string, string> { ["Input.Json"] = json });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.Text("#Input_Json-error").ShouldContain($"Questão \"{question.Id}\": o nível \"otimo\" não existe");
    }

    [Fact]
    public async Task A_version_that_already_exists_is_refused()
    {
        var current = await app.CurrentVersionAsync();
        var client = await app.LoginAsync(CentralAdministrator);

        using var response = await SispmpiAppFactory.PostFormAsync(client, EditorUrl, new Dictionary<string, string> { ["Input.Json"] = current.Json });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.Text("#Input_Json-error").ShouldStartWith("Aumente a versão do modelo:");
        (await app.CurrentVersionAsync()).Id.ShouldBe(current.Id);
    }

    [Theory]
    [InlineData(InternalControl)]
    [InlineData(Commission)]
    [InlineData(SeniorManagement)]
    public async Task Only_the_central_administrator_edits_the_model(string email)
    {
        var current = await app.CurrentVersionAsync();
        var client = await app.LoginAsync(email);
        (await client.GetAsync(EditorUrl)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var next = MaturityModel.Parse(current.Json) with { Version = 900 };
        using var response = await SispmpiAppFactory.PostFormAsync(client, EditorUrl, new Dictionary<string, string> { ["Input.Json"] = next.ToJson() }, "/maturidade");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.CurrentVersionAsync()).Id.ShouldBe(current.Id);
    }

    [Fact]
    public async Task A_new_version_is_used_by_cycles_started_after_it_while_older_cycles_keep_theirs()
    {
        var oldVersion = await app.CurrentVersionAsync();
        var oldModel = MaturityModel.Parse(oldVersion.Json);
        // The old cycle, submitted, answered in its first dimension; older than this year's, so this year's titles lead.
        var oldCycle = await app.CreateCycleAsync("SEPLAG", 2015, MaturityLevel.Integrated, MaturityLevel.Integrated, MaturityLevel.Integrated);
        await app.WithDbAsync(async db =>
        {
            var cycle = await db.MaturityCycles.SingleAsync(c => c.Id == oldCycle);
            cycle.Status = Sispmpi.Web.Features.Evaluation.MaturityCycleStatus.Submitted;
            cycle.SubmittedAt = DateTimeOffset.UtcNow.AddDays(-1);
            await db.SaveChangesAsync();
        });

        // The new version renames the first dimension's title, drops the last dimension and adds one.
        var added = new MaturityDimension("inovacao", "Inovação em integridade", null, 1m,
        [
            new MaturityQuestion("inovacao-1", "A organização experimenta novas práticas de integridade?",
                MaturityLevels.All.ToDictionary(l => l, l => $"Descrição do nível {MaturityLevels.Name(l).ToLowerInvariant()}.")),
        ]);
        var first = oldModel.Dimensions[0] with { Title = "Liderança e exemplo da alta administração" };
        var newModel = oldModel with
        {
            Version = oldModel.Version + 1,
            Title = "Maturidade do programa de integridade pública — revisão",
            Dimensions = [first, .. oldModel.Dimensions.Skip(1).SkipLast(1), added],
        };
        var client = await app.LoginAsync(CentralAdministrator);
        using (var response = await SispmpiAppFactory.PostFormAsync(client, EditorUrl, new Dictionary<string, string> { ["Input.Json"] = newModel.ToJson() }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe(EditorUrl);
        }
        var newVersion = await app.CurrentVersionAsync();
        newVersion.Id.ShouldNotBe(oldVersion.Id);
        newVersion.Version.ShouldBe(oldModel.Version + 1);
        newVersion.Title.ShouldBe(newModel.Title);
        newVersion.CreatedById.ShouldBe(await app.WithDbAsync(db => db.Users.Where(u => u.Email == CentralAdministrator).Select(u => (int?)u.Id).SingleAsync()));
        (await app.WithDbAsync(db => db.MaturityModels.CountAsync(m => m.IsCurrent))).ShouldBe(1);
        var editor = await SispmpiAppFactory.GetDocumentAsync(client, EditorUrl);
        editor.Text("[data-model-version]").ShouldBe($"{newModel.Id}, versão {newModel.Version}");
        editor.Text($"table[data-versions] tr[data-version='{oldVersion.Id}']").ShouldContain("Anterior");

        // A cycle started now uses the new version; the old one keeps its own.
        await app.RemoveCycleAsync("SEPLAG", ThisYear);
        var auditor = await app.LoginAsync(InternalControl);
        int newCycle;
        using (var response = await SispmpiAppFactory.PostFormAsync(auditor, "/maturidade?handler=Start", new Dictionary<string, string>(), "/maturidade"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            newCycle = int.Parse(response.Headers.Location!.OriginalString["/maturidade/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        (await app.CycleAsync(newCycle)).Cycle.ModelVersionId.ShouldBe(newVersion.Id);
        (await app.CycleAsync(oldCycle)).Cycle.ModelVersionId.ShouldBe(oldVersion.Id);
        (await AnswerAsync(auditor, newCycle, "inovacao-1", 4, "Laboratório de inovação ativo.")).ShouldRedirectToQuestion(newCycle, "inovacao-1");
        // The new dimension does not exist in the old cycle's model.
        using (var response = await AnswerAsync(auditor, oldCycle, "inovacao-1", 4, "Não cabe no modelo antigo."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the old cycle is submitted: refused before anything else");
        }

        var oldPage = await SispmpiAppFactory.GetDocumentAsync(auditor, $"/maturidade/{oldCycle}");
        oldPage.Text($"section[data-dimension='{oldModel.Dimensions[0].Id}'] h2").ShouldBe($"1. {oldModel.Dimensions[0].Title}");
        oldPage.QuerySelector($"section[data-dimension='{oldModel.Dimensions[^1].Id}']").ShouldNotBeNull();
        oldPage.QuerySelector("section[data-dimension='inovacao']").ShouldBeNull();
        var newPage = await SispmpiAppFactory.GetDocumentAsync(auditor, $"/maturidade/{newCycle}");
        newPage.Text($"section[data-dimension='{oldModel.Dimensions[0].Id}'] h2").ShouldBe($"1. {first.Title}");
        newPage.QuerySelector($"section[data-dimension='{oldModel.Dimensions[^1].Id}']").ShouldBeNull();
        newPage.Text("[data-dimension-score='inovacao']").ShouldBe("4,00");

        // The comparison matches dimensions by id: each cycle shows only those of its own version.
        var list = await SispmpiAppFactory.GetDocumentAsync(auditor, "/maturidade");
        list.Text($"tr[data-compared-dimension='{oldModel.Dimensions[0].Id}'] th").ShouldBe(first.Title, "the newest cycle's title");
        list.Text($"tr[data-compared-dimension='{oldModel.Dimensions[0].Id}'] td[data-year='2015']").ShouldBe("3,00");
        list.Text($"tr[data-compared-dimension='inovacao'] td[data-year='2015']").ShouldBe("—");
        list.Text($"tr[data-compared-dimension='inovacao'] td[data-year='{ThisYear}']").ShouldBe("4,00");
        list.Text($"tr[data-compared-dimension='{oldModel.Dimensions[^1].Id}'] td[data-year='{ThisYear}']").ShouldBe("—");
    }
}
