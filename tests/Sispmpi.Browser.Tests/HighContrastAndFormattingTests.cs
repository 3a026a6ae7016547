using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// The high-contrast mode toggled from the header and remembered by the browser, from the first paint of the next
/// page; and the formatting toolbar over a formatted text field, whose marks the page then shows formatted.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HighContrastAndFormattingTests(SiteFixture site)
{
    /// <summary>
    /// Records, on every page of the context, whether &lt;html&gt; already had the high-contrast class when &lt;body&gt;
    /// was inserted: after that the browser may paint, so a later class would be a flash of the normal colours.
    /// </summary>
    private const string WatchFirstPaint = """
        new MutationObserver(function (changes, observer) {
          if (document.body) {
            window.__contrastAtBody = document.documentElement.classList.contains('alto-contraste');
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
        """;

    [Fact]
    public async Task High_contrast_is_toggled_from_the_header_and_remembered_from_the_first_paint()
    {
        await using var context = await site.NewContextAsync();
        await context.AddInitScriptAsync(WatchFirstPaint);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/transparencia");
        var toggle = page.Locator("header [data-contrast-toggle]");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator("html")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alto-contraste"));
        (await BodyBackgroundAsync(page)).ShouldNotBe("rgb(0, 0, 0)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Alto contraste" }).ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        (await BodyBackgroundAsync(page)).ShouldBe("rgb(0, 0, 0)");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main a')).color")).ShouldBe("rgb(255, 255, 0)");

        // Another page of the same browser: dark from before the body exists, and the button says so.
        await page.GotoAsync("/conta/entrar");
        (await page.EvaluateAsync<bool>("() => window.__contrastAtBody")).ShouldBeTrue();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        (await BodyBackgroundAsync(page)).ShouldBe("rgb(0, 0, 0)");

        // Signed in, the header has the same button; turned off, it stays off.
        await SiteFixture.SignInAsync(page, "executor@demo.gov.br");
        (await BodyBackgroundAsync(page)).ShouldBe("rgb(0, 0, 0)");
        await page.Locator("header [data-contrast-toggle]").ClickAsync();
        await Expect(page.Locator("header [data-contrast-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.ReloadAsync();
        (await page.EvaluateAsync<bool>("() => window.__contrastAtBody")).ShouldBeFalse();
        (await BodyBackgroundAsync(page)).ShouldNotBe("rgb(0, 0, 0)");

        // Another browser (context) has its own choice.
        await using var other = await site.NewContextAsync();
        var otherPage = await other.NewPageAsync();
        await otherPage.GotoAsync("/transparencia");
        await Expect(otherPage.Locator("header [data-contrast-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task The_toolbar_writes_bold_and_a_list_that_the_meeting_page_shows_formatted()
    {
        await using var context = await site.SignedInContextAsync("monitor@demo.gov.br");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/monitoramento/reunioes/nova");
        await SiteFixture.Field(page, "Título").FillAsync("Reunião com pauta formatada");
        var agenda = page.Locator("textarea[name='Input.Agenda']");
        var toolbar = page.GetByRole(AriaRole.Group, new() { Name = "Formatação de Pauta" });

        await agenda.FillAsync("importante");
        await agenda.SelectTextAsync();
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Negrito" }).ClickAsync();
        await agenda.PressAsync("End");
        await agenda.PressSequentiallyAsync("\nInformes\nAções em atraso");
        await page.EvaluateAsync("() => { const a = document.querySelector(\"textarea[name='Input.Agenda']\"); a.setSelectionRange(a.value.indexOf('Informes'), a.value.length); }");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Lista com marcadores" }).ClickAsync();
        (await agenda.InputValueAsync()).ShouldBe("**importante**\n\n- Informes\n- Ações em atraso");

        var date = page.Locator("input[name='Input.Date']");
        if (await date.CountAsync() > 0 && await date.InputValueAsync() == "")
        {
            await date.FillAsync(Sispmpi.Web.Infrastructure.Web.BrazilTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).First.ClickAsync();
        await Expect(page.Locator("#pauta strong")).ToHaveTextAsync("importante");
        await Expect(page.Locator("#pauta li")).ToHaveTextAsync(["Informes", "Ações em atraso"]);
    }

    private static Task<string> BodyBackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
