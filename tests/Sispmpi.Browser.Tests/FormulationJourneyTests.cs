using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

using static Sispmpi.Browser.Tests.Journeys;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// The whole formulation of a new plan, entered only through the pages: the commission takes it through the seven
/// steps, the Alta administração acknowledges the diagnosis and the publication, and internal control gives the
/// second publication acknowledgement.
/// </summary>
// Publishing a new SEPLAG plan makes the demo plan obsolete, which the tests on SiteCollection's shared app rely on
// being published: this journey runs on an app and a Chromium of its own.
public sealed class FormulationJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string PlanTitle = "Plano de Integridade — jornada completa";
    private const string Edition = "2090–2092";

    [Fact]
    public async Task The_commission_takes_a_new_plan_through_the_seven_steps_to_publication()
    {
        await using var commissionContext = await site.SignedInContextAsync("comissao@demo.gov.br");
        await using var headContext = await site.SignedInContextAsync("alta@demo.gov.br");
        await using var controlContext = await site.SignedInContextAsync("auditor@demo.gov.br");
        var page = await commissionContext.NewPageAsync();
        var head = await headContext.NewPageAsync();
        var control = await controlContext.NewPageAsync();
        var today = Sispmpi.Web.Infrastructure.Web.BrazilTime.Today(TimeProvider.System);

        // New plan.
        await page.GotoAsync("/elaboracao/novo-plano");
        await SiteFixture.Field(page, "Título do plano").FillAsync(PlanTitle);
        await SiteFixture.Field(page, "Edição (período)").FillAsync(Edition);
        // This journey formulates from scratch, not from the body's current programme.
        await SiteFixture.Field(page, "Partir do programa de integridade atual").UncheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Criar plano" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/planos/\d+/etapas$"));
        var planId = int.Parse(Regex.Match(page.Url, @"/planos/(\d+)/etapas").Groups[1].Value, CultureInfo.InvariantCulture);
        var plan = $"/planos/{planId}";

        // Step 1: the commission, formally instituted, with one member as coordinator.
        await page.GotoAsync($"{plan}/etapas/comissao");
        await page.GetByLabel("Sim, por ato formal").CheckAsync(Ticked);
        await SiteFixture.Field(page, "Tipo do ato").FillAsync("Portaria");
        await SiteFixture.Field(page, "Número").FillAsync("90/2089");
        await SiteFixture.Field(page, "Data do ato").FillAsync(Iso(today.AddDays(-31)));
        await SiteFixture.Field(page, "Endereço (link) do ato").FillAsync("https://www.demo.gov.br/portaria-90-2089");
        await SiteFixture.Field(page, "Início dos trabalhos").FillAsync(Iso(today.AddDays(-30)));
        await SiteFixture.Field(page, "Duração prevista (dias)").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar dados da comissão" }).ClickAsync();
        await Expect(page.GetByText("Dados da comissão salvos.")).ToBeVisibleAsync();

        await SiteFixture.Field(page, "Nome").FillAsync("Joana Jornada");
        await SiteFixture.Field(page, "Unidade administrativa").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await SiteFixture.Field(page, "E-mail").FillAsync("joana.jornada@demo.gov.br");
        await SiteFixture.Field(page, "Coordenador(a) da comissão").CheckAsync(Ticked);
        await page.GetByRole(AriaRole.Button, new() { Name = "Adicionar membro" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Joana Jornada foi incluído(a) na comissão." })).ToBeVisibleAsync();
        // The members table survives the design system's table script.
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Membros da comissão de integridade" })).ToContainTextAsync("Joana Jornada");
        await ExpectStepDoneAsync(page, 1);

        // Step 2: the diagnosis tabs a to c, in order.
        await page.GotoAsync($"{plan}/etapas/diagnostico?aba=informacoes");
        foreach (var label in new[] { "Missão", "Visão", "Valores", "Estrutura organizacional", "Competências", "Atribuições" })
        {
            await SiteFixture.Field(page, label).FillAsync($"{label} da secretaria, conforme o regimento.");
        }
        await SaveAndContinueAsync(page, "instrumentos");

        var instruments = page.GetByRole(AriaRole.Group, new() { Name = "Instrumentos utilizados no diagnóstico", Exact = true })
            .GetByRole(AriaRole.Checkbox);
        await instruments.Nth(0).CheckAsync(Ticked);
        await instruments.Nth(1).CheckAsync(Ticked);
        await SiteFixture.Field(page, "Outros instrumentos").FillAsync("Entrevistas com os gestores das unidades.");
        await SaveAndContinueAsync(page, "resultados");

        foreach (var label in new[]
        {
            "Principais achados", "Situação futura desejada", "Objetivos do programa", "Estrutura de governança do programa",
            "Aspectos de comunicação", "Aspectos de capacitação",
        })
        {
            await SiteFixture.Field(page, label).FillAsync($"{label}: texto da jornada.");
        }
        await SiteFixture.Field(page, "Do monitoramento").FillAsync("trimestral");
        await SiteFixture.Field(page, "Da avaliação").FillAsync("anual");
        await SiteFixture.Field(page, "Da atualização").FillAsync("a cada dois anos");
        var axes = page.GetByRole(AriaRole.Group, new() { Name = "Eixos temáticos", Exact = true }).GetByRole(AriaRole.Checkbox);
        await axes.Nth(0).CheckAsync(Ticked);
        await axes.Nth(1).CheckAsync(Ticked);
        await SiteFixture.Field(page, "Outros eixos temáticos").FillAsync("Gestão de conflitos de interesse");
        await SaveAndContinueAsync(page, "ciencia");
        await Expect(page.GetByText("aguarda a ciência da alta administração").First).ToBeVisibleAsync();

        // ... and the acknowledgement, by the Alta administração.
        await head.GotoAsync($"{plan}/etapas/diagnostico/ciencia");
        await head.GetByLabel("Sim, valido o diagnóstico").CheckAsync(Ticked);
        await SiteFixture.Field(head, "Sugestões à comissão").FillAsync("Acompanhar de perto os conflitos de interesse.");
        await head.GetByRole(AriaRole.Button, new() { Name = "Registrar ciência" }).ClickAsync();
        await Expect(head).ToHaveURLAsync(new Regex(@"/etapas/diagnostico\?aba=ciencia$"));
        await Expect(head.GetByText("Diagnóstico validado", new() { Exact = true })).ToBeVisibleAsync();
        await ExpectStepDoneAsync(page, 2);

        // Step 3: in the editor, an axis suggested by the diagnosis, and two complete actions.
        await page.GotoAsync($"{plan}/editor");
        var suggestion = await page.Locator("#eixos-tematicos option").First.GetAttributeAsync("value");
        suggestion.ShouldNotBeNullOrWhiteSpace();
        await SiteFixture.Field(page, "Novo eixo").FillAsync(suggestion);
        await page.GetByRole(AriaRole.Button, new() { Name = "Incluir eixo" }).ClickAsync();
        var axisHeading = page.GetByRole(AriaRole.Heading, new() { Name = $"Eixo 1 — {suggestion}" });
        await Expect(axisHeading).ToBeVisibleAsync();

        for (var n = 1; n <= 2; n++)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Nova ação" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nova ação");
            await SiteFixture.Field(page, "Eixo ou subeixo").SelectOptionAsync(new SelectOptionValue { Label = $"Eixo 1 — {suggestion}" });
            await SiteFixture.Field(page, "Título").FillAsync($"Ação da jornada {n}");
            await SiteFixture.Field(page, "Descrição").FillAsync($"Descrição da ação da jornada {n}.");
            await SiteFixture.Field(page, "Unidade executora").SelectOptionAsync(new SelectOptionValue { Index = n });
            await SiteFixture.Field(page, "Classificação").SelectOptionAsync(new SelectOptionValue { Index = n - 1 });
            await page.Locator("[data-action-types]").GetByRole(AriaRole.Checkbox).Nth(n - 1).CheckAsync(Ticked);
            await SiteFixture.Field(page, "Início previsto").FillAsync(Iso(today.AddDays(30 * n)));
            await SiteFixture.Field(page, "Término previsto").FillAsync(Iso(today.AddDays(30 * n + 180)));
            await SiteFixture.Field(page, "Orçamento previsto (R$)").FillAsync("15000");
            await SiteFixture.Field(page, "Objetivos").FillAsync("Fortalecer a integridade.");
            await SiteFixture.Field(page, "Benefícios esperados").FillAsync("Menos riscos à integridade.");
            await SiteFixture.Field(page, "Evidência sugerida").FillAsync("Relatório publicado.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Incluir ação" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($@"/planos/{planId}/editor(#acao-\d+)?$"));
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Ação da jornada {n}" })).ToBeVisibleAsync();
        }
        await ExpectStepDoneAsync(page, 3);

        // Step 4: the general validation.
        await page.GotoAsync($"{plan}/etapas/validacao");
        await SiteFixture.Field(page, "Início").FillAsync(Iso(today.AddDays(30)));
        await SiteFixture.Field(page, "Fim").FillAsync(Iso(today.AddYears(2).AddDays(30)));
        await page.GetByRole(AriaRole.Group, new() { Name = "Partes interessadas consultadas", Exact = true })
            .GetByRole(AriaRole.Checkbox).First.CheckAsync(Ticked);
        await SiteFixture.Field(page, "Outras partes interessadas").FillAsync("Sindicato dos servidores.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Concluir validação" }).ClickAsync();
        await Expect(page.GetByText("Validação geral concluída.")).ToBeVisibleAsync();
        await ExpectStepDoneAsync(page, 4);

        // Steps 5 and 6: both drafts, generated and downloaded; the plan draft opens once the program draft exists.
        (string Draft, string Extension)[] drafts = [("minuta-do-programa", ".docx"), ("minuta-do-plano", ".xlsx")];
        foreach (var (draft, extension) in drafts)
        {
            await page.GotoAsync($"{plan}/etapas/minutas");
            var button = page.Locator($"[data-draft='{draft}']").GetByRole(AriaRole.Button, new() { Name = "Gerar e baixar" });
            await Expect(button).ToBeEnabledAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
            download.SuggestedFilename.ShouldEndWith(extension);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            bytes.Take(2).ShouldBe("PK"u8.ToArray(), draft);
        }
        await ExpectStepDoneAsync(page, 5);
        await ExpectStepDoneAsync(page, 6);

        // Step 7: the act, the documents, the two acknowledgements and the publishing.
        await page.GotoAsync($"{plan}/etapas/publicacao");
        await SiteFixture.Field(page, "Nome do ato").FillAsync("Resolução SEPLAG");
        await SiteFixture.Field(page, "Número").FillAsync("9090/2089");
        await SiteFixture.Field(page, "Data").FillAsync(Iso(today));
        await SiteFixture.Field(page, "Endereço (link) do ato").FillAsync("https://www.demo.gov.br/resolucao-9090-2089");
        await page.GetByLabel("Sim", new() { Exact = true }).First.CheckAsync(Ticked);
        await SiteFixture.Field(page, "Data do evento").FillAsync(Iso(today));
        await SiteFixture.Field(page, "Justificativa de não disponibilizar em sítio").FillAsync("O sítio do órgão está em reformulação.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar dados do ato" }).ClickAsync();
        await Expect(SiteFixture.Field(page, "Nome do ato")).ToHaveValueAsync("Resolução SEPLAG");

        (string Kind, string FileName, string Message)[] uploads =
        [
            ("pdf", "plano-assinado.pdf", "PDF final assinado enviado"),
            ("comunicacao", "plano-de-comunicacao.pdf", "Plano de comunicação enviado"),
            ("capacitacao", "plano-de-capacitacao.pdf", "Plano de capacitação enviado"),
        ];
        foreach (var (kind, fileName, message) in uploads)
        {
            var slot = page.Locator($"[data-file='{kind}']");
            await slot.GetByLabel("Arquivo").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = MinimalPdf() });
            await slot.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();
            await Expect(page.GetByText(message)).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-file='{kind}']").GetByRole(AriaRole.Link, new() { Name = fileName })).ToBeVisibleAsync();
        }

        await head.GotoAsync($"{plan}/etapas/publicacao/ciencia");
        await head.GetByRole(AriaRole.Button, new() { Name = "Registrar ciência da alta administração" }).ClickAsync();
        await Expect(head.Locator("[data-acknowledgement='head']")).ToContainTextAsync("Registrada por Henrique Secretário");

        await control.GotoAsync($"{plan}/etapas/publicacao/ciencia");
        await control.GetByRole(AriaRole.Button, new() { Name = "Registrar ciência do controle interno" }).ClickAsync();
        await Expect(control.Locator("[data-acknowledgement='internal-control']")).ToContainTextAsync("Registrada por Cláudia Controle");

        await page.GotoAsync($"{plan}/etapas/publicacao");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicar plano" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/planos/{planId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PlanTitle);
        await Expect(page.GetByText("Publicado", new() { Exact = true }).First).ToBeVisibleAsync();

        // The timeline: all seven steps done.
        await page.GotoAsync($"{plan}/etapas");
        await Expect(page.Locator("li[data-step] [data-state-label]")).ToHaveTextAsync(Enumerable.Repeat("Concluída", 7).ToArray());
        await Expect(page.GetByText("7 de 7", new() { Exact = true })).ToBeVisibleAsync();

        // And the editor is read-only.
        await page.GotoAsync($"{plan}/editor");
        await Expect(page.GetByText("Plano publicado: somente leitura.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Incluir eixo" })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The gov.br radios and checkboxes draw their box with the label over the input, so a click lands on the
    /// label (which toggles the input, as for a user); Playwright still checks that the input ends up checked.
    /// </summary>



    /// <summary>The timeline shows step <paramref name="number"/> as done.</summary>
    private static async Task ExpectStepDoneAsync(IPage page, int number)
    {
        var url = Regex.Match(page.Url, @"^.*?/planos/\d+").Value;
        var current = page.Url;
        await page.GotoAsync($"{url}/etapas");
        await Expect(page.Locator($"li[data-step='{number}'] [data-state-label]")).ToHaveTextAsync("Concluída");
        await page.GotoAsync(current);
    }

}
