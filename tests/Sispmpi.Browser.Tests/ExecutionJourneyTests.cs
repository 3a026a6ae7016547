using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sispmpi.Web.Infrastructure.Web;
using static Microsoft.Playwright.Assertions;

using static Sispmpi.Browser.Tests.Journeys;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// The execution of one action, recorded only through the pages: the executor finds a not-started action among his
/// own, starts it, proves it with a PDF and concludes it, and the light follows (white, then not white, then blue).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ExecutionJourneyTests(SiteFixture site)
{
    /// <summary>A not-started SEPLAG action the executor answers for; no other browser test touches it.</summary>
    private const string ActionTitle = "Divulgar dados abertos de contratos e convênios";
    private const string EvidenceFileName = "dados-abertos-publicados.pdf";
    private const string EvidenceDescription = "Relatório da publicação dos dados abertos";

    [Fact]
    public async Task The_executor_starts_proves_and_concludes_one_of_his_actions()
    {
        await using var context = await site.SignedInContextAsync("executor@demo.gov.br");
        var page = await context.NewPageAsync();
        // The app dates the record in Brasília: so does the test.
        var today = Iso(TimeProvider.System.Today());

        // "Minhas ações": the action is there, not started.
        await page.GotoAsync("/execucao");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Minhas ações");
        var row = page.Locator("tr[data-action-id]").Filter(new()
        {
            Has = page.Locator($"a:text-is(\"{ActionTitle}\")"),
        });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-light]")).ToHaveAttributeAsync("data-light", "White");
        var actionId = await row.GetAttributeAsync("data-action-id");
        actionId.ShouldNotBeNull();
        actionId.ShouldMatch(@"^\d+$");

        // Opening it, then going through the tabs to "Execução".
        await row.GetByRole(AriaRole.Link, new() { Name = ActionTitle, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ActionTitle);
        var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = "Seções da ação", Exact = true });
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Informações", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/acoes/{actionId}$"));
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Execução", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/acoes/{actionId}/execucao$"));
        await Expect(tabs.Locator("a[aria-current=page]")).ToHaveTextAsync("Execução");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registro da execução", Exact = true })).ToBeVisibleAsync();

        var status = page.Locator("[data-action-summary] [data-status]");
        var light = page.Locator("[data-action-summary] span[data-light]");
        await Expect(status).ToHaveTextAsync("Não iniciada");
        await Expect(light).ToHaveAttributeAsync("data-light", "White");

        // Started today: in progress, and the light leaves white.
        await SiteFixture.Field(page, "Início da execução").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar execução", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/acoes/{actionId}/execucao$"));
        await Expect(page.GetByText("Execução registrada.")).ToBeVisibleAsync();
        await Expect(status).ToHaveTextAsync("Em andamento");
        await Expect(light).Not.ToHaveAttributeAsync("data-light", "White");
        await Expect(SiteFixture.Field(page, "Início da execução")).ToHaveValueAsync(today);

        // A PDF as evidence, listed with its name.
        await Expect(page.Locator("[data-evidence-empty]")).ToBeVisibleAsync();
        var upload = page.Locator("details").Filter(new() { Has = page.Locator("summary", new() { HasText = "Enviar arquivo" }) });
        await upload.Locator("summary").ClickAsync();
        await upload.GetByLabel("Descrição").FillAsync(EvidenceDescription);
        await upload.GetByLabel("Arquivo", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = EvidenceFileName, MimeType = "application/pdf", Buffer = MinimalPdf(),
        });
        await upload.GetByRole(AriaRole.Button, new() { Name = "Enviar arquivo", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/acoes/{actionId}/execucao#evidencias$"));
        await Expect(page.GetByText($"Evidência “{EvidenceDescription}” incluída.")).ToBeVisibleAsync();
        var evidence = page.Locator("table[data-evidence]");
        await Expect(evidence).ToContainTextAsync(EvidenceDescription);
        await Expect(evidence.GetByRole(AriaRole.Link, new() { Name = EvidenceFileName, Exact = true })).ToBeVisibleAsync();
        await Expect(evidence.GetByRole(AriaRole.Link, new() { Name = EvidenceFileName, Exact = true }))
            .ToHaveAttributeAsync("href", new Regex($@"^/acoes/{actionId}/evidencias/\d+$"));

        // Concluded today: blue.
        await SiteFixture.Field(page, "Conclusão").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar execução", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Execução registrada.")).ToBeVisibleAsync();
        await Expect(status).ToHaveTextAsync("Concluída");
        await Expect(light).ToHaveAttributeAsync("data-light", "Blue");
        await Expect(light).ToContainTextAsync("azul");
        await Expect(SiteFixture.Field(page, "Conclusão")).ToHaveValueAsync(today);
        // The evidence is still there.
        await Expect(evidence.GetByRole(AriaRole.Link, new() { Name = EvidenceFileName, Exact = true })).ToBeVisibleAsync();

        // And the list filtered by the blue light has it, blue.
        await page.GotoAsync("/execucao?farol=Blue");
        var blueRow = page.Locator($"tr[data-action-id='{actionId}']");
        await Expect(blueRow).ToHaveCountAsync(1);
        await Expect(blueRow).ToContainTextAsync(ActionTitle);
        await Expect(blueRow.Locator("[data-light]")).ToHaveAttributeAsync("data-light", "Blue");
        await Expect(page.Locator("tr[data-action-id] [data-light]:not([data-light='Blue'])")).ToHaveCountAsync(0);
    }


}
