using System.Globalization;
using System.Text.RegularExpressions;
using Sispmpi.Web.Infrastructure.Web;
using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// Monitoring through the pages: the committee opens the dashboard of the SEPLAG plan, follows the point of attention
/// "Atraso na conclusão" to the late action, and sends its executors a recommendation; the executor finds it on the
/// action and answers it; the committee then reads the answer with its date.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class MonitoringJourneyTests(SiteFixture site)
{
    /// <summary>A SEPLAG action in progress past its planned end, executor@ responsible; no other browser test touches it.</summary>
    private const string ActionTitle = "Lançar campanha interna sobre o código de conduta";

    [Fact]
    public async Task The_committee_recommends_on_a_late_action_from_the_dashboard_and_the_executor_answers()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var recommendation = $"Apresentar ao comitê um cronograma da campanha com peças sem custo ({tag}).";
        var answer = $"Cronograma enviado: peças internas na intranet a partir da próxima semana ({tag}).";
        // The app dates everything in Brasília: so does the test.
        var today = TimeProvider.System.Today();
        var shownToday = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var deadline = today.AddDays(20);

        // The committee: from "Monitoramento" to the plan's dashboard.
        await using var monitorContext = await site.SignedInContextAsync("monitor@demo.gov.br");
        var monitor = await monitorContext.NewPageAsync();
        await monitor.GotoAsync("/monitoramento");
        await monitor.GetByRole(AriaRole.Link, new() { Name = "Abrir o painel de monitoramento" }).First.ClickAsync();
        await Expect(monitor).ToHaveURLAsync(new Regex(@"/monitoramento/planos/\d+$"));
        await Expect(monitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Painel de monitoramento");
        var figure = monitor.Locator("a[data-figure='LateToConclude']");
        await Expect(figure).ToContainTextAsync("Atraso na conclusão");
        var count = int.Parse((await figure.Locator(".value").TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
        count.ShouldBeGreaterThan(0);

        // The point of attention opens the list of exactly that many actions, the late campaign among them.
        await figure.ClickAsync();
        await Expect(monitor).ToHaveURLAsync(new Regex(@"/monitoramento/planos/\d+/acoes\?ponto=atraso-conclusao$"));
        await Expect(monitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ações com atraso na conclusão");
        await Expect(monitor.Locator("tr[data-action-id]")).ToHaveCountAsync(count);
        var row = monitor.Locator("tr[data-action-id]").Filter(new()
        {
            Has = monitor.GetByRole(AriaRole.Link, new() { Name = ActionTitle, Exact = true }),
        });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-light]")).ToHaveAttributeAsync("data-light", "Red");
        var actionId = await row.GetAttributeAsync("data-action-id");
        actionId.ShouldNotBeNull();

        // The action's tab "Monitoramento": a recommendation with a deadline.
        await row.GetByRole(AriaRole.Link, new() { Name = ActionTitle, Exact = true }).ClickAsync();
        await Expect(monitor).ToHaveURLAsync(new Regex($@"/acoes/{actionId}/monitoramento$"));
        await Expect(monitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ActionTitle);
        await SiteFixture.Field(monitor, "Recomendação").FillAsync(recommendation);
        await SiteFixture.Field(monitor, "Prazo (opcional)").FillAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Enviar recomendação", Exact = true }).ClickAsync();
        await Expect(monitor).ToHaveURLAsync(new Regex($@"/acoes/{actionId}/monitoramento#recomendacoes$"));
        await Expect(monitor.GetByText("Recomendação enviada aos executores da ação.")).ToBeVisibleAsync();
        var sent = monitor.Locator("article[data-recommendation]").Filter(new() { HasText = recommendation });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(sent.Locator("h3")).ToContainTextAsync($"Comitê de monitoramento — {shownToday}");
        await Expect(sent).ToContainTextAsync($"Prazo: {deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        await Expect(sent.Locator("[data-unanswered]")).ToHaveTextAsync("Aguardando resposta dos executores.");

        // The executor: from "Minhas ações" to the action, tab "Monitoramento".
        await using var executorContext = await site.SignedInContextAsync("executor@demo.gov.br");
        var executor = await executorContext.NewPageAsync();
        await executor.GotoAsync($"/execucao?busca={Uri.EscapeDataString(ActionTitle)}");
        await executor.GetByRole(AriaRole.Link, new() { Name = ActionTitle, Exact = true }).ClickAsync();
        var tabs = executor.GetByRole(AriaRole.Navigation, new() { Name = "Seções da ação", Exact = true });
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Monitoramento", Exact = true }).ClickAsync();
        await Expect(executor).ToHaveURLAsync(new Regex($@"/acoes/{actionId}/monitoramento$"));
        var received = executor.Locator("article[data-recommendation]").Filter(new() { HasText = recommendation });
        await Expect(received).ToHaveCountAsync(1);
        await Expect(received.Locator("h3")).ToContainTextAsync($"Comitê de monitoramento — {shownToday}");

        // The answer goes once, after a confirmation.
        await received.GetByLabel(new Regex(@"^\s*Sua resposta")).FillAsync(answer);
        string? confirmation = null;
        executor.Dialog += async (_, dialog) =>
        {
            confirmation = dialog.Message;
            await dialog.AcceptAsync();
        };
        await received.GetByRole(AriaRole.Button, new() { Name = "Responder", Exact = true }).ClickAsync();
        await Expect(executor.GetByText("Resposta registrada.")).ToBeVisibleAsync();
        confirmation.ShouldBe("Enviar a resposta? Depois de enviada, ela não poderá ser alterada.");
        await Expect(received.Locator("[data-answer]")).ToContainTextAsync($"Resposta — {shownToday}");
        await Expect(received.Locator("[data-answer]")).ToContainTextAsync(answer);
        await Expect(received.GetByRole(AriaRole.Button, new() { Name = "Responder" })).ToHaveCountAsync(0);

        // The committee reads the answer, dated.
        await monitor.ReloadAsync();
        await Expect(sent.Locator("[data-answer]")).ToContainTextAsync($"Resposta — {shownToday}");
        await Expect(sent.Locator("[data-answer]")).ToContainTextAsync(answer);
        await Expect(sent.Locator("[data-unanswered]")).ToHaveCountAsync(0);
    }
}
