using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sispmpi.Web.Infrastructure.Web;
using static Microsoft.Playwright.Assertions;

using static Sispmpi.Browser.Tests.Journeys;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// The full revision cycle of the SEPLAG plan, only through the pages (SPEC §3, §3.3, §3.4): the monitoring committee
/// asks for a new version, internal control authorizes it, the commission formulates and publishes version 2, and
/// version 1 becomes obsolete while each action's history reads across both versions.
/// </summary>
/// <remarks>
/// This test makes the demo plan obsolete, which the other browser tests (run on <see cref="SiteCollection"/>'s
/// shared app) rely on being published: so it runs on an app and a Chromium of its own, through a class fixture,
/// outside that collection.
/// </remarks>
public sealed class RevisionJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string PlanTitle = "Plano de Integridade da SEPLAG";
    /// <summary>The demo seed's pending request (DemoSeeder.SeedMonitoringAsync), which blocks a new one until decided.</summary>
    private const string SeededRequest = "Incluir ações de integridade nas contratações de tecnologia";
    private const string RequestJustification = "A reorganização da secretaria mudou as unidades executoras e os prazos do eixo 2.";
    private const string ActionTitle = "Reestruturar a página de transparência ativa";

    [Fact]
    public async Task The_committee_requests_internal_control_authorizes_and_the_commission_publishes_version_2()
    {
        await using var monitorContext = await site.SignedInContextAsync("monitor@demo.gov.br");
        await using var controlContext = await site.SignedInContextAsync("auditor@demo.gov.br");
        await using var commissionContext = await site.SignedInContextAsync("comissao@demo.gov.br");
        await using var headContext = await site.SignedInContextAsync("alta@demo.gov.br");
        var monitor = await monitorContext.NewPageAsync();
        var control = await controlContext.NewPageAsync();
        var page = await commissionContext.NewPageAsync();
        var head = await headContext.NewPageAsync();
        // Decisions and the publishing ask for a confirmation (data-confirm): accepted, as a user would.
        control.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var today = TimeProvider.System.Today();

        // The committee finds the published plan; the seed's request is still waiting, so no new one can be made yet.
        await monitor.GotoAsync("/monitoramento");
        var card = monitor.Locator("section").Filter(new() { Has = monitor.GetByRole(AriaRole.Heading, new() { Name = PlanTitle, Exact = true }) });
        await Expect(card).ToContainTextAsync("versão 1");
        var dashboard = await card.GetByRole(AriaRole.Link, new() { Name = "Abrir o painel de monitoramento" }).GetAttributeAsync("href");
        var planId = int.Parse(Regex.Match(dashboard!, @"^/monitoramento/planos/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = $"/monitoramento/planos/{planId}/solicitacoes";
        await monitor.GotoAsync(requests);
        await Expect(monitor.GetByText("Há uma solicitação aguardando a decisão do controle interno")).ToBeVisibleAsync();
        await Expect(monitor.GetByRole(AriaRole.Button, new() { Name = "Enviar ao controle interno" })).ToHaveCountAsync(0);

        // Internal control denies the seed's request first.
        await control.GotoAsync("/avaliacao/solicitacoes");
        var seeded = control.Locator("article[data-update-request]").Filter(new() { HasText = SeededRequest });
        await Expect(seeded).ToHaveCountAsync(1);
        await seeded.GetByLabel("Justificativa da decisão").FillAsync("O pedido será refeito com a justificativa atualizada.");
        await seeded.GetByRole(AriaRole.Button, new() { Name = "Negar", Exact = true }).ClickAsync();
        await Expect(control.GetByText("Solicitação negada.")).ToBeVisibleAsync();
        await Expect(seeded.Locator("[data-request-status]")).ToHaveTextAsync("Negada");

        // The committee asks for a new version.
        await monitor.ReloadAsync();
        await SiteFixture.Field(monitor, "Tipo de atualização").SelectOptionAsync(new SelectOptionValue { Label = "Nova versão" });
        await SiteFixture.Field(monitor, "Justificativa").FillAsync(RequestJustification);
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Enviar ao controle interno" }).ClickAsync();
        await Expect(monitor).ToHaveURLAsync(new Regex($"{Regex.Escape(requests)}$"));
        await Expect(monitor.GetByText("Solicitação enviada ao controle interno.")).ToBeVisibleAsync();
        var ownRow = monitor.Locator("table[data-update-requests] tbody tr").Filter(new() { HasText = RequestJustification });
        await Expect(ownRow.Locator("[data-request-status]")).ToHaveTextAsync("Aguardando o controle interno");
        await Expect(ownRow).ToContainTextAsync("Nova versão");

        // Internal control authorizes it: version 2 opens in elaboration.
        await control.GotoAsync("/avaliacao/solicitacoes");
        var request = control.Locator("article[data-update-request]").Filter(new() { HasText = RequestJustification });
        await Expect(request.Locator("[data-request-status]")).ToHaveTextAsync("Aguardando o controle interno");
        await request.GetByLabel("Justificativa da decisão").FillAsync("Autorizada: a nova estrutura da secretaria exige rever o plano.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Autorizar", Exact = true }).ClickAsync();
        await Expect(control.GetByText("Atualização autorizada: o novo plano está em elaboração, com as ações do plano atual.")).ToBeVisibleAsync();
        await Expect(request.Locator("[data-request-status]")).ToHaveTextAsync("Autorizada");
        var resulting = request.Locator("a[data-resulting-plan]");
        var newPlanId = int.Parse((await resulting.GetAttributeAsync("data-resulting-plan"))!, CultureInfo.InvariantCulture);
        newPlanId.ShouldNotBe(planId);
        await resulting.ClickAsync();
        await Expect(control).ToHaveURLAsync(new Regex($@"/planos/{newPlanId}$"));
        await ExpectPlanAsync(control, "versão 2", "Em elaboração");

        // The committee sees the decision and the new plan.
        await monitor.ReloadAsync();
        await Expect(ownRow.Locator("[data-request-status]")).ToHaveTextAsync("Autorizada");
        await Expect(ownRow.GetByRole(AriaRole.Link, new() { Name = "ver o novo plano" })).ToHaveAttributeAsync("href", $"/planos/{newPlanId}");

        // The revision starts from the body's integrity programme: the commission and the diagnosis of version 1 (steps 1
        // and 2) came along with the axes and actions (step 3), so the commission goes on from the validation.
        var plan = $"/planos/{newPlanId}";
        await page.GotoAsync($"{plan}/etapas");
        await Expect(page.Locator("li[data-step='1']")).ToHaveAttributeAsync("data-state", "done");
        await Expect(page.Locator("li[data-step='2']")).ToHaveAttributeAsync("data-state", "done");
        await Expect(page.Locator("li[data-step='3']")).ToHaveAttributeAsync("data-state", "done");
        await page.GotoAsync($"{plan}/editor");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = ActionTitle, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Incluir eixo" })).ToBeVisibleAsync();

        // Step 4: the general validation.
        await page.GotoAsync($"{plan}/etapas/validacao");
        await SiteFixture.Field(page, "Início").FillAsync(Iso(today));
        await SiteFixture.Field(page, "Fim").FillAsync(Iso(today.AddYears(2)));
        await page.GetByRole(AriaRole.Group, new() { Name = "Partes interessadas consultadas", Exact = true })
            .GetByRole(AriaRole.Checkbox).First.CheckAsync(Ticked);
        await page.GetByRole(AriaRole.Button, new() { Name = "Concluir validação" }).ClickAsync();
        await Expect(page.GetByText("Validação geral concluída.")).ToBeVisibleAsync();
        await ExpectStepAsync(page, 4, "done");

        // Steps 5 and 6: both drafts.
        foreach (var draft in new[] { "minuta-do-programa", "minuta-do-plano" })
        {
            await page.GotoAsync($"{plan}/etapas/minutas");
            var button = page.Locator($"[data-draft='{draft}']").GetByRole(AriaRole.Button, new() { Name = "Gerar e baixar" });
            await Expect(button).ToBeEnabledAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
            (await File.ReadAllBytesAsync(await download.PathAsync())).Take(2).ShouldBe("PK"u8.ToArray(), draft);
        }
        await ExpectStepAsync(page, 6, "done");

        // Step 7: the act, the documents, both acknowledgements, and the publishing.
        await page.GotoAsync($"{plan}/etapas/publicacao");
        await SiteFixture.Field(page, "Nome do ato").FillAsync("Resolução SEPLAG");
        await SiteFixture.Field(page, "Número").FillAsync("2/2026");
        await SiteFixture.Field(page, "Data").FillAsync(Iso(today));
        await SiteFixture.Field(page, "Endereço (link) do ato").FillAsync("https://www.demo.gov.br/resolucao-2-2026");
        await page.GetByLabel("Sim", new() { Exact = true }).First.CheckAsync(Ticked);
        await SiteFixture.Field(page, "Data do evento").FillAsync(Iso(today));
        await SiteFixture.Field(page, "Justificativa de não disponibilizar em sítio").FillAsync("O sítio do órgão está em reformulação.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar dados do ato" }).ClickAsync();
        await Expect(SiteFixture.Field(page, "Nome do ato")).ToHaveValueAsync("Resolução SEPLAG");
        foreach (var (kind, fileName) in new[] { ("pdf", "plano-v2-assinado.pdf"), ("comunicacao", "comunicacao-v2.pdf"), ("capacitacao", "capacitacao-v2.pdf") })
        {
            var slot = page.Locator($"[data-file='{kind}']");
            await slot.GetByLabel("Arquivo").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = MinimalPdf() });
            await slot.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();
            await Expect(page.Locator($"[data-file='{kind}']").GetByRole(AriaRole.Link, new() { Name = fileName })).ToBeVisibleAsync();
        }
        await head.GotoAsync($"{plan}/etapas/publicacao/ciencia");
        await head.GetByRole(AriaRole.Button, new() { Name = "Registrar ciência da alta administração" }).ClickAsync();
        await Expect(head.Locator("[data-acknowledgement='head']")).ToContainTextAsync("Registrada por Henrique Secretário");
        await control.GotoAsync($"{plan}/etapas/publicacao/ciencia");
        await control.GetByRole(AriaRole.Button, new() { Name = "Registrar ciência do controle interno" }).ClickAsync();
        await Expect(control.Locator("[data-acknowledgement='internal-control']")).ToContainTextAsync("Registrada por Cláudia Controle");

        await page.GotoAsync($"{plan}/etapas/publicacao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicar plano" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/planos/{newPlanId}$"));

        // Version 2 is published; version 1 is obsolete and read-only.
        await ExpectPlanAsync(page, "versão 2", "Publicado");
        await page.GotoAsync($"/planos/{planId}");
        await ExpectPlanAsync(page, "versão 1", "Obsoleto");
        await Expect(page.GetByText("Plano obsoleto: somente leitura.")).ToBeVisibleAsync();
        // The monitoring module now follows version 2.
        await monitor.GotoAsync("/monitoramento");
        await Expect(card).ToContainTextAsync("versão 2");
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Abrir o painel de monitoramento" }))
            .ToHaveAttributeAsync("href", $"/monitoramento/planos/{newPlanId}");

        // An action of version 1: its "Informações" tab lists both versions, and the links go back and forth.
        await page.GetByRole(AriaRole.Link, new() { Name = ActionTitle, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/acoes/\d+$"));
        var oldActionUrl = new Uri(page.Url).AbsolutePath;
        var history = page.Locator("ol[data-action-versions]");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Histórico da ação nas versões do plano" })).ToBeVisibleAsync();
        await Expect(history.Locator("li[data-version]")).ToHaveCountAsync(2);
        await Expect(history.Locator("li[data-version='1']")).ToContainTextAsync("versão 1 (obsoleto)");
        await Expect(history.Locator("li[data-version='1']")).ToContainTextAsync("(esta página)");
        await Expect(history.Locator("li[data-version='1'] a")).ToHaveCountAsync(0);
        var toVersion2 = history.Locator("li[data-version='2'] a");
        await Expect(toVersion2).ToContainTextAsync("versão 2 (publicado)");
        await toVersion2.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/acoes/\d+$"));
        var newActionUrl = new Uri(page.Url).AbsolutePath;
        newActionUrl.ShouldNotBe(oldActionUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ActionTitle);
        await Expect(page.Locator("p").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = PlanTitle }) }).First.GetByRole(AriaRole.Link))
            .ToHaveAttributeAsync("href", $"/planos/{newPlanId}");
        await Expect(history.Locator("li[data-version]")).ToHaveCountAsync(2);
        await Expect(history.Locator("li[data-version='2']")).ToContainTextAsync("(esta página)");
        var toVersion1 = history.Locator("li[data-version='1'] a");
        await Expect(toVersion1).ToHaveAttributeAsync("href", oldActionUrl);
        await toVersion1.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(oldActionUrl)}$"));
        await Expect(history.Locator("li[data-version='1']")).ToContainTextAsync("(esta página)");
    }

    /// <summary>The gov.br radios and checkboxes draw their box over the input: the click lands on the label.</summary>


    /// <summary>The plan page shows this version and status.</summary>
    private static async Task ExpectPlanAsync(IPage page, string version, string status)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PlanTitle);
        var line = page.Locator("p").Filter(new() { Has = page.Locator(".sispmpi-status") }).First;
        await Expect(line).ToContainTextAsync(version);
        await Expect(line.Locator(".sispmpi-status")).ToHaveTextAsync(status);
    }


    /// <summary>The timeline shows step <paramref name="number"/> in <paramref name="state"/> (done, in-progress, not-started, blocked).</summary>
    private static async Task ExpectStepAsync(IPage page, int number, string state)
    {
        var plan = Regex.Match(page.Url, @"^.*?/planos/\d+").Value;
        var current = page.Url;
        await page.GotoAsync($"{plan}/etapas");
        await Expect(page.Locator($"li[data-step='{number}']")).ToHaveAttributeAsync("data-state", state);
        await page.GotoAsync(current);
    }

}
