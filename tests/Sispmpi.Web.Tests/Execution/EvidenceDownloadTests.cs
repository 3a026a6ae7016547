using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// Who may download an evidence file: whoever reads the action in its organization; a user of another organization
/// gets 404 (the file's existence is not even confirmed), an anonymous visitor the login page.
/// </summary>
public sealed class EvidenceDownloadTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private sealed record DemoFile(int ActionId, int EvidenceId, string Url, byte[] Content);

    /// <summary>The PDF of the demo action "Reestruturar a página de transparência ativa", read from the file store.</summary>
    private async Task<DemoFile> DemoFileAsync()
    {
        var actionId = await app.DemoActionIdAsync(ActionWithEvidence);
        var evidence = await app.WithDbAsync(db => db.ActionEvidence.AsNoTracking().SingleAsync(e => e.ActionId == actionId && e.Kind == EvidenceKind.File));
        evidence.FileName.ShouldBe("relatorio-de-conclusao.pdf");
        var content = await File.ReadAllBytesAsync(StoredPath(app, evidence.FileKey!));
        return new DemoFile(actionId, evidence.Id, $"/acoes/{actionId}/evidencias/{evidence.Id}", content);
    }

    [Theory]
    [InlineData(Observer)]
    [InlineData(Executor)]
    [InlineData(Commission)]
    [InlineData("auditor@demo.gov.br")]
    public async Task Readers_of_the_organization_download_the_file_as_stored(string email)
    {
        var file = await DemoFileAsync();
        var client = await app.LoginAsync(email);

        using var response = await client.GetAsync(file.Url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(file.Content);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        (disposition.FileNameStar ?? disposition.FileName!.Trim('"')).ShouldBe("relatorio-de-conclusao.pdf");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task The_observer_sees_the_evidence_listed_but_no_form_to_change_it()
    {
        var file = await DemoFileAsync();
        var client = await app.LoginAsync(Observer);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/acoes/{file.ActionId}/execucao");

        page.QuerySelector($"table[data-evidence] a[href='{file.Url}']")!.TextContent.ShouldBe("relatorio-de-conclusao.pdf");
        page.QuerySelector("[data-process]")!.TextContent.ShouldBe("19973.011749/2025-70");
        page.QuerySelector("#Upload_File").ShouldBeNull();
        page.QuerySelectorAll("form").Any(f => (f.GetAttribute("action") ?? "").Contains("handler=RemoveEvidence")).ShouldBeFalse();
        page.QuerySelectorAll("button").Any(b => b.TextContent.Contains("Salvar execução")).ShouldBeFalse();
        page.QuerySelector("fieldset.sispmpi-form-section")!.HasAttribute("disabled").ShouldBeTrue();
    }

    [Theory]
    [InlineData(Profile.Observer)]
    [InlineData(Profile.Executor)]
    [InlineData(Profile.InternalControl)]
    public async Task A_user_of_another_organization_gets_not_found(Profile profile)
    {
        var file = await DemoFileAsync();
        var email = await app.CreateUserAsync("PMOP", "Pessoa da Prefeitura", profile);
        var client = await app.LoginAsync(email);

        foreach (var url in new[] { file.Url, $"/acoes/{file.ActionId}/execucao", $"/acoes/{file.ActionId}" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            var body = await response.Content.ReadAsByteArrayAsync();
            System.Text.Encoding.Latin1.GetString(body).ShouldNotContain("%PDF", customMessage: url);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        }
    }

    [Fact]
    public async Task The_executor_switched_to_the_prefeitura_gets_not_found_and_back_at_seplag_downloads_again()
    {
        var file = await DemoFileAsync();
        var prefeituraId = await app.OrganizationIdAsync("PMOP");
        var seplagId = await app.OrganizationIdAsync("SEPLAG");
        var client = await app.LoginAsync(Executor);
        (await client.GetAsync(file.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SwitchAsync(client, prefeituraId, "Prefeitura Municipal de Ouro Preto");
        using (var response = await client.GetAsync(file.Url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("%PDF");
        }

        await SwitchAsync(client, seplagId, "Secretaria de Estado de Planejamento e Gestão");
        (await client.GetAsync(file.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page()
    {
        var file = await DemoFileAsync();
        var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(file.Url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldContain(SispmpiAppFactory.LoginPath);
        location.ShouldContain(Uri.EscapeDataString(file.Url), Case.Insensitive);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_evidence_is_only_reached_through_its_own_action()
    {
        var file = await DemoFileAsync();
        var otherActionId = await app.DemoActionIdAsync("Capacitar servidores em ética e integridade");
        var client = await app.LoginAsync(Observer);

        (await client.GetAsync($"/acoes/{otherActionId}/evidencias/{file.EvidenceId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/acoes/{file.ActionId}/evidencias/{file.EvidenceId + 100_000}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A link or process evidence has no file.
        var processId = await app.WithDbAsync(db => db.ActionEvidence.Where(e => e.ActionId == file.ActionId && e.Kind == EvidenceKind.Process)
            .Select(e => e.Id).SingleAsync());
        (await client.GetAsync($"/acoes/{file.ActionId}/evidencias/{processId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Uses the organization switcher of the header, then checks the switch took effect.</summary>
    private static async Task SwitchAsync(HttpClient client, int organizationId, string organizationName)
    {
        using (var response = await SispmpiAppFactory.PostFormAsync(client, "/conta/organizacao",
            new Dictionary<string, string> { ["organizationId"] = organizationId.ToString() }, "/"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var home = await SispmpiAppFactory.GetDocumentAsync(client, "/");
        home.QuerySelector("#org-switch option[selected]")!.TextContent.ShouldContain(organizationName);
    }
}
