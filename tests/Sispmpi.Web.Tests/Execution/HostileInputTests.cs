using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Infrastructure.Web;
using Sispmpi.Web.Tests.Api;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// The eight requests of issue 20 that answered 500 — a null byte in each field of the execution record, of a
/// measurement and of a link, and a multipart upload with a broken or missing boundary — answer 400 with the reason in
/// Portuguese and change nothing; and the mechanism behind the fix (control characters refused in any bound text, on
/// the pages and on /api) shows its message next to the field.
/// </summary>
public sealed class HostileInputTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    /// <summary>Everything a refused post to the Execução tab must leave untouched.</summary>
    private sealed record ActionState(DateOnly? StartedOn, DateOnly? ConcludedOn, decimal? Budget, string? Notes, DateTimeOffset? LastUpdateAt,
        decimal? CurrentValue, int Evidence, int Measurements);

    private Task<ActionState> StateAsync(int actionId) => app.WithDbAsync(db => db.PlanActions.AsNoTracking().Where(a => a.Id == actionId)
        .Select(a => new ActionState(a.StartedOn, a.ConcludedOn, a.BudgetSpent, a.ExecutionNotes, a.LastUpdateAt, a.CurrentValue,
            db.ActionEvidence.Count(e => e.ActionId == a.Id), db.ActionMeasurements.Count(m => m.ActionId == a.Id)))
        .SingleAsync());

    private Task<int> NewActionAsync() => app.CreateActionAsync("Ação de teste de entrada hostil", a =>
    {
        a.StartedOn = Today.AddDays(-20);
        a.BudgetSpent = 250m;
        a.ExecutionNotes = "Anotação anterior";
        a.GoalBaseline = 0m;
        a.GoalTarget = 10m;
        a.GoalUnit = "eventos";
        a.LastUpdateAt = DateTimeOffset.UtcNow.AddDays(-10);
    });

    /// <summary>A complete, valid form of each handler, so the null byte is the only thing wrong.</summary>
    private static Dictionary<string, string> ValidForm(string handler) => handler switch
    {
        "" => new()
        {
            ["Record.StartedOn"] = Iso(Today.AddDays(-15)), ["Record.BudgetSpent"] = "300,00", ["Record.Notes"] = "Nova anotação",
            ["Record.ConcludedOn"] = Iso(Today.AddDays(-1)),
        },
        "Measurement" => new() { ["Measurement.MeasuredOn"] = Iso(Today.AddDays(-1)), ["Measurement.Value"] = "4", ["Measurement.Note"] = "Medição" },
        _ => new() { ["Link.Description"] = "Página do projeto", ["Link.Url"] = "https://www.example.gov.br/projeto" },
    };

    public static TheoryData<string, string> NullByteFields => new()
    {
        { "", "Record.StartedOn" },
        { "", "Record.BudgetSpent" },
        { "", "Record.Notes" },
        { "", "Record.ConcludedOn" },
        { "Measurement", "Measurement.MeasuredOn" },
        { "Measurement", "Measurement.Value" },
        { "Measurement", "Measurement.Note" },
        { "Link", "Link.Description" },
        { "Link", "Link.Url" },
    };

    [Theory]
    [MemberData(nameof(NullByteFields))]
    public async Task A_null_byte_in_a_url_encoded_field_answers_400_in_portuguese_and_saves_nothing(string handler, string field)
    {
        var actionId = await NewActionAsync();
        var before = await StateAsync(actionId);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var form = ValidForm(handler);
        form[field] = "a\0b";

        using var response = await SispmpiAppFactory.PostFormAsync(client, handler == "" ? url : $"{url}?handler={handler}", form, url);

        // FormUrlEncodedContent sends the null byte as %00, as the attacker did.
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("h1")!.TextContent.ShouldBe("Requisição inválida");
        page.Body!.TextContent.ShouldContain(RequestBodyGuard.InvalidCharactersMessage);
        (await StateAsync(actionId)).ShouldBe(before, "nothing is saved");
    }

    public static TheoryData<string> BrokenMultipart => new()
    {
        "multipart/form-data; boundary=xx",
        "multipart/form-data",
    };

    [Theory]
    [MemberData(nameof(BrokenMultipart))]
    public async Task An_upload_with_a_broken_or_missing_boundary_answers_400_in_portuguese_and_stores_nothing(string contentType)
    {
        var actionId = await NewActionAsync();
        var before = await StateAsync(actionId);
        var filesBefore = FilesOf(app);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var token = await AntiforgeryTokenAsync(client, url);
        // The body opens a part and never closes it: no final boundary, the file cut short.
        var body = Encoding.ASCII.GetBytes(
            $"--xx\r\nContent-Disposition: form-data; name=\"{SispmpiAppFactory.AntiforgeryField}\"\r\n\r\n{token}\r\n" +
            "--xx\r\nContent-Disposition: form-data; name=\"Upload.Description\"\r\n\r\nRelatório\r\n" +
            "--xx\r\nContent-Disposition: form-data; name=\"Upload.File\"; filename=\"relatorio.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n1 0 obj");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync($"{url}?handler=File", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("h1")!.TextContent.ShouldBe("Requisição inválida");
        page.Body!.TextContent.ShouldContain(RequestBodyGuard.MalformedMessage);
        (await StateAsync(actionId)).ShouldBe(before, "no evidence row");
        FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order(), "no file left behind");
    }

    [Fact]
    public async Task A_form_with_more_fields_than_the_limit_answers_400_in_portuguese()
    {
        var actionId = await NewActionAsync();
        var before = await StateAsync(actionId);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var form = ValidForm("");
        for (var i = 0; i < 1100; i++)
        {
            form[$"Campo{i}"] = "x";
        }

        using var response = await SispmpiAppFactory.PostFormAsync(client, url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(RequestBodyGuard.TooLargeMessage);
        (await StateAsync(actionId)).ShouldBe(before);
    }

    public static TheoryData<string, string, string> ControlCharacterFields => new()
    {
        // The form decoder lets every control character but the null byte through: these reach model binding.
        { "", "Record.Notes", "Linha\u0001com\u001Bcontrole" },
        { "", "Record.StartedOn", "2025-01-0\u00071" },
        { "", "Record.BudgetSpent", "300\u000B,00" },
        { "Measurement", "Measurement.Note", "Medição\u007F" },
        { "Link", "Link.Description", "Página\u0085do projeto" },
    };

    [Theory]
    [MemberData(nameof(ControlCharacterFields))]
    public async Task Other_control_characters_are_refused_next_to_the_field_with_400_and_nothing_saved(string handler, string field, string value)
    {
        var actionId = await NewActionAsync();
        var before = await StateAsync(actionId);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var form = ValidForm(handler);
        form[field] = value;

        using var response = await SispmpiAppFactory.PostFormAsync(client, handler == "" ? url : $"{url}?handler={handler}", form, url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        var id = field.Replace('.', '_');
        page.QuerySelector($"#{id}-error")!.TextContent.ShouldContain(SafeText.RefusedMessage);
        var input = page.QuerySelector($"#{id}")!;
        input.GetAttribute("aria-invalid").ShouldBe("true");
        // The form comes back as typed, without the refused characters.
        var shown = input.LocalName == "textarea" ? input.TextContent.Trim() : input.GetAttribute("value");
        shown.ShouldBe(SafeText.Strip(value));
        (await StateAsync(actionId)).ShouldBe(before, "nothing is saved");
    }

    [Fact]
    public async Task A_null_byte_in_a_multipart_text_field_is_refused_next_to_the_field()
    {
        var actionId = await NewActionAsync();
        var before = await StateAsync(actionId);
        var filesBefore = FilesOf(app);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";

        using var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = "Relatório\0final" }, "Upload.File", "relatorio.pdf", Pdf, "application/pdf", url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Upload_Description-error")!.TextContent.ShouldContain(SafeText.RefusedMessage);
        page.QuerySelector("#Upload_Description")!.GetAttribute("value").ShouldBe("Relatóriofinal");
        (await StateAsync(actionId)).ShouldBe(before);
        FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order());
    }

    [Fact]
    public async Task Text_without_control_characters_is_still_saved_tabs_and_line_breaks_included()
    {
        var actionId = await NewActionAsync();
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var form = ValidForm("");
        form["Record.Notes"] = "Primeira linha\r\n\tSegunda linha — “aspas” e acentuação 😀";

        using var response = await SispmpiAppFactory.PostFormAsync(client, url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ActionAsync(actionId)).ExecutionNotes.ShouldBe("Primeira linha\r\n\tSegunda linha — “aspas” e acentuação 😀");
    }

    [Theory]
    [InlineData("""{"startedOn":"2025-01-01","notes":"a\u0000b"}""", "notes")]
    [InlineData("""{"startedOn":"2025-01-01","notes":"a\u001bb"}""", "notes")]
    [InlineData("""{"startedOn":"2025-01-01","limitingFactors":["a\u0000b"]}""", "limitingFactors[0]")]
    public async Task The_api_refuses_control_characters_in_json_with_a_portuguese_problem(string json, string field)
    {
        var actionId = await NewActionAsync();
        var before = await StateAsync(actionId);
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Executor, "SEPLAG", canWrite: true));

        using var response = await api.PutAsync($"/api/v1/actions/{actionId}/execution", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(SafeText.RefusedApiMessage);
        (await StateAsync(actionId)).ShouldBe(before);
    }

    [Fact]
    public async Task The_api_refuses_control_characters_in_the_query_string()
    {
        var actionId = await NewActionAsync();
        var planId = (await app.ActionAsync(actionId)).PlanId;
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Executor, "SEPLAG", canWrite: false));

        using var response = await api.GetAsync($"/api/v1/plans/{planId}/actions?q=a%00b");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("q")[0].GetString().ShouldBe(SafeText.RefusedApiMessage);
    }

    [Fact]
    public async Task A_form_posted_to_the_api_without_a_boundary_is_a_portuguese_problem_not_a_500()
    {
        var actionId = await NewActionAsync();
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Executor, "SEPLAG", canWrite: true));
        using var content = new ByteArrayContent("--xx\r\nContent-Disposition: form-data; name=\"a\""u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");

        using var response = await api.PutAsync($"/api/v1/actions/{actionId}/execution", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("detail").GetString().ShouldBe(RequestBodyGuard.MalformedMessage);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        return page.QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;
    }
}
