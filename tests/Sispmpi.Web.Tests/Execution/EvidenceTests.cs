using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// Links and process numbers as evidence (SPEC §3.2): only http(s) links, NUP check digits verified, Sei!MG numbers
/// accepted by format; removing an evidence removes its file.
/// </summary>
public sealed class EvidenceTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string LinkMessage = "Informe um endereço completo, começando por https:// ou http://.";

    [Fact]
    public async Task A_link_is_added_and_listed_as_a_safe_link()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de link");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";

        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Link",
            Link("Página publicada", "  https://www.mg.gov.br/planejamento/integridade?aba=1  "), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe($"{url}#evidencias");
        }

        var evidence = (await EvidenceOfAsync(actionId)).ShouldHaveSingleItem();
        evidence.Kind.ShouldBe(EvidenceKind.Link);
        evidence.Description.ShouldBe("Página publicada");
        evidence.Url.ShouldBe("https://www.mg.gov.br/planejamento/integridade?aba=1");
        evidence.FileKey.ShouldBeNull();

        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var link = page.QuerySelector("table[data-evidence] a[href='https://www.mg.gov.br/planejamento/integridade?aba=1']")!;
        link.GetAttribute("rel")!.ShouldContain("noopener");
        link.Closest("tr")!.TextContent.ShouldContain("Página publicada");
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://arquivos.mg.gov.br/relatorio.pdf")]
    [InlineData("www.mg.gov.br")]
    [InlineData("/acoes/1")]
    public async Task A_link_that_is_not_an_absolute_http_address_is_refused(string address)
    {
        var actionId = await app.CreateActionAsync("Ação de teste de link recusado");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Link", Link("Link suspeito", address), url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Link_Url-error")!.TextContent.Trim().ShouldBe(LinkMessage);
        page.QuerySelector("#Link_Url")!.GetAttribute("value").ShouldBe(address, "what was typed is shown again");
        page.QuerySelector("#Link_Url")!.Closest("details")!.HasAttribute("open").ShouldBeTrue();
        (await EvidenceOfAsync(actionId)).ShouldBeEmpty();
        page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ShouldNotContain(href => href.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("19973.011749/2025-70", "19973.011749/2025-70", ProcessNumberKind.FederalNup)]
    [InlineData(" 19973011749202570 ", "19973.011749/2025-70", ProcessNumberKind.FederalNup)]
    [InlineData("1500.01.0012345/2025-12", "1500.01.0012345/2025-12", ProcessNumberKind.SeiMg)]
    [InlineData("1500010012345202512", "1500.01.0012345/2025-12", ProcessNumberKind.SeiMg)]
    public async Task A_valid_process_number_is_added_in_its_canonical_form(string typed, string stored, ProcessNumberKind kind)
    {
        var actionId = await app.CreateActionAsync("Ação de teste de processo");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";

        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Process", Process("Processo de contratação", typed), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var evidence = (await EvidenceOfAsync(actionId)).ShouldHaveSingleItem();
        evidence.Kind.ShouldBe(EvidenceKind.Process);
        evidence.ProcessNumber.ShouldBe(stored);
        evidence.ProcessNumberKind.ShouldBe(kind);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.QuerySelector("table[data-evidence] [data-process]")!.TextContent.ShouldBe(stored);
    }

    [Theory]
    // The valid NUP 19973.011749/2025-70 with one digit changed: a check digit, the year, the sequence, the unit.
    [InlineData("19973.011749/2025-71")]
    [InlineData("19973.011749/2024-70")]
    [InlineData("19973.011748/2025-70")]
    [InlineData("29973.011749/2025-70")]
    public async Task A_nup_whose_check_digits_do_not_match_is_refused(string typed)
    {
        await RefuseProcessAsync(typed, "Os dígitos verificadores do número do processo (NUP) não conferem.");
    }

    [Theory]
    [InlineData("19973.011749/2025")]
    [InlineData("1500.01.0012345/2025-1")]
    [InlineData("abc")]
    public async Task A_number_in_no_known_format_is_refused(string typed)
    {
        await RefuseProcessAsync(typed,
            "Número de processo inválido: use o formato do NUP (00000.000000/0000-00) ou do SEI!MG (0000.00.0000000/0000-00).");
    }

    [Fact]
    public async Task Removing_a_file_evidence_deletes_its_file_and_its_download()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de exclusão");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        using (var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = "Ata a excluir" }, "Upload.File", "ata.pdf", Pdf, "application/pdf", url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Link", Link("Link que fica", "https://www.mg.gov.br/"), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var file = (await EvidenceOfAsync(actionId)).Single(e => e.Kind == EvidenceKind.File);
        var path = StoredPath(app, file.FileKey!);
        File.Exists(path).ShouldBeTrue();
        (await client.GetAsync($"/acoes/{actionId}/evidencias/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The removal form is on the page, with a confirmation naming the evidence.
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var form = page.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").Contains($"evidenceId={file.Id}"));
        form.GetAttribute("data-confirm")!.ShouldContain("Excluir a evidência “Ata a excluir”?");
        using (var response = await SispmpiAppFactory.PostFormAsync(client, form.GetAttribute("action")!, new Dictionary<string, string>(), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe($"{url}#evidencias");
        }

        var left = await EvidenceOfAsync(actionId);
        left.Select(e => e.Description).ShouldBe(["Link que fica"]);
        File.Exists(path).ShouldBeFalse("the file goes with its evidence");
        (await client.GetAsync($"/acoes/{actionId}/evidencias/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.Body!.TextContent.ShouldContain("Evidência “Ata a excluir” excluída.");
        page.Body.TextContent.ShouldNotContain("ata.pdf");
    }

    [Fact]
    public async Task An_evidence_of_another_action_cannot_be_removed_through_this_one()
    {
        var ownerId = await app.CreateActionAsync("Ação dona da evidência");
        var otherId = await app.CreateActionAsync("Outra ação do executor");
        var client = await app.LoginAsync(Executor);
        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"/acoes/{ownerId}/execucao?handler=Link",
            Link("Link da dona", "https://www.mg.gov.br/"), $"/acoes/{ownerId}/execucao"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var evidence = (await EvidenceOfAsync(ownerId)).ShouldHaveSingleItem();

        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"/acoes/{otherId}/execucao?handler=RemoveEvidence&evidenceId={evidence.Id}",
            new Dictionary<string, string>(), $"/acoes/{otherId}/execucao"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await EvidenceOfAsync(ownerId)).ShouldHaveSingleItem();
    }

    private async Task RefuseProcessAsync(string typed, string message)
    {
        var actionId = await app.CreateActionAsync("Ação de teste de processo recusado");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var lastUpdate = (await app.ActionAsync(actionId)).LastUpdateAt;

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Process", Process("Processo", typed), url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Process_Number-error")!.TextContent.Trim().ShouldBe(message);
        page.QuerySelector("#Process_Number")!.GetAttribute("value").ShouldBe(typed);
        page.QuerySelector("#Process_Number")!.Closest("details")!.HasAttribute("open").ShouldBeTrue();
        (await EvidenceOfAsync(actionId)).ShouldBeEmpty();
        (await app.ActionAsync(actionId)).LastUpdateAt.ShouldBe(lastUpdate);
    }

    private Task<List<ActionEvidence>> EvidenceOfAsync(int actionId) =>
        app.WithDbAsync(db => db.ActionEvidence.AsNoTracking().Where(e => e.ActionId == actionId).OrderBy(e => e.Id).ToListAsync());

    private static Dictionary<string, string> Link(string description, string url) =>
        new() { ["Link.Description"] = description, ["Link.Url"] = url };

    private static Dictionary<string, string> Process(string description, string number) =>
        new() { ["Process.Description"] = description, ["Process.Number"] = number };
}
