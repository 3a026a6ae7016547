using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sispmpi.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>A test that needs the test OpenID Connect provider: skipped only when <c>SISPMPI_TEST_OIDC</c> is absent.</summary>
public sealed class GovBrFactAttribute : FactAttribute
{
    public GovBrFactAttribute()
    {
        if (SiteFixture.GovBrAddress is null)
        {
            Skip = "SISPMPI_TEST_OIDC is not set (scripts/test.sh starts tests/oidc/server.mjs and sets it).";
        }
    }
}

/// <summary>
/// "Entrar com gov.br" in a real browser, through the test OpenID Connect provider's own login form
/// (tests/oidc/server.mjs: its people are known by CPF).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class GovBrJourneyTests(SiteFixture site) : IAsyncLifetime
{
    private const string UnknownCpf = "39053344705";

    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await site.NewContextAsync();
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }
        await _context.DisposeAsync();
    }

    [GovBrFact]
    public async Task The_matching_cpf_comes_back_signed_in_as_the_demo_user_with_that_users_menu()
    {
        await SignInAtGovBrAsync(_page, DemoSeeder.AltaCpf);
        await Expect(_page).ToHaveURLAsync($"{site.BaseUrl}/");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Henrique Secretário");
        await Expect(_page.Locator("header .header-title")).ToHaveTextAsync("Secretaria de Estado de Planejamento e Gestão");
        await Expect(_page.Locator("header .header-subtitle")).ToHaveTextAsync("Alta administração");

        // The same menu as the same person signing in with e-mail and password.
        await using var local = await site.NewContextAsync();
        var localPage = await local.NewPageAsync();
        await SiteFixture.SignInAsync(localPage, "alta@demo.gov.br");
        (await MenuAsync(_page)).ShouldBe(await MenuAsync(localPage));

        await _page.GotoAsync("/conta");
        await Expect(_page.Locator("[data-govbr-section]")).ToContainTextAsync("529.982.247-25");
        await Expect(_page.Locator("[data-govbr-section]")).ToContainTextAsync("conta de nível prata");
    }

    [GovBrFact]
    public async Task An_unknown_cpf_ends_on_the_portuguese_refusal_page_and_no_account_is_created()
    {
        var before = await CountUsersAsync();
        await SignInAtGovBrAsync(_page, UnknownCpf);
        await Expect(_page).ToHaveURLAsync($"{site.BaseUrl}/conta/govbr/nao-cadastrado");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Você ainda não tem acesso ao SisPMPI");
        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nenhuma conta foi criada.");
        await Expect(_page.Locator("main")).ToContainTextAsync("unidade de controle interno do seu órgão");
        await ShouldHaveNoSessionAsync(_page);
        (await CountUsersAsync()).ShouldBe(before);
    }

    [GovBrFact]
    public async Task A_tampered_state_and_a_replayed_code_are_refused_without_a_session()
    {
        var callback = new TaskCompletionSource<string>();
        _page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(site.BaseUrl + "/signin-govbr?", StringComparison.Ordinal))
            {
                callback.TrySetResult(request.Url);
            }
        };
        // The correlation and nonce cookies the application gave this browser for this sign-in, taken while the
        // provider's login form shows: other browsers replay the answer with them.
        var flowCookies = new List<BrowserContextCookiesResult>();
        await SignInAtGovBrAsync(_page, DemoSeeder.AltaCpf, beforeSubmit: async () =>
            flowCookies.AddRange((await _context.CookiesAsync()).Where(c => c.Name.StartsWith(".AspNetCore.", StringComparison.Ordinal))));
        flowCookies.Count.ShouldBeGreaterThanOrEqualTo(2);
        // The genuine answer was used once, here.
        await Expect(_page).ToHaveURLAsync($"{site.BaseUrl}/");
        var answer = await callback.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var state = Regex.Match(answer, "[?&]state=([^&]+)").Groups[1].Value;
        var tampered = answer.Replace("state=" + state, "state=" + state[..^6] + "AAAAAA", StringComparison.Ordinal);
        var forger = await BrowserWithAsync(flowCookies);
        await forger.GotoAsync(tampered);
        await Expect(forger).ToHaveURLAsync($"{site.BaseUrl}/conta/govbr/recusado?motivo=falha");
        await Expect(forger.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nenhuma sessão foi aberta.");
        await ShouldHaveNoSessionAsync(forger);

        // The same answer again, with the same cookies: the provider refuses the spent code.
        var replayer = await BrowserWithAsync(flowCookies);
        await replayer.GotoAsync(answer);
        await Expect(replayer).ToHaveURLAsync($"{site.BaseUrl}/conta/govbr/recusado?motivo=falha");
        await ShouldHaveNoSessionAsync(replayer);
    }

    private readonly List<IBrowserContext> _others = [];

    private async Task<IPage> BrowserWithAsync(IEnumerable<BrowserContextCookiesResult> cookies)
    {
        var context = await site.NewContextAsync();
        _others.Add(context);
        await context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        return await context.NewPageAsync();
    }

    /// <summary>"Entrar com gov.br" on the login page, then the provider's own login form with the CPF.</summary>
    private async Task SignInAtGovBrAsync(IPage page, string cpf, Func<Task>? beforeSubmit = null)
    {
        await page.GotoAsync("/conta/entrar");
        await page.GetByRole(AriaRole.Link, new() { Name = "Entrar com gov.br" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(SiteFixture.GovBrAddress!) + "/interaction/"));
        await page.Locator("input[name=login]").FillAsync(cpf);
        await page.Locator("input[name=password]").FillAsync("senha-de-teste");
        if (beforeSubmit is not null)
        {
            await beforeSubmit();
        }
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(site.BaseUrl) + "/"), new() { WaitUntil = WaitUntilState.Load });
    }

    private async Task ShouldHaveNoSessionAsync(IPage page)
    {
        await page.GotoAsync("/conta");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(site.BaseUrl) + "/conta/entrar"));
        await Expect(page.Locator("#main-navigation")).ToHaveCountAsync(0);
    }

    private static async Task<List<string>> MenuAsync(IPage page)
    {
        var nav = page.Locator("#main-navigation");
        await Expect(nav).ToBeVisibleAsync();
        var entries = new List<string>();
        foreach (var link in await nav.Locator("a.menu-item").AllAsync())
        {
            entries.Add($"{(await link.Locator(".content").TextContentAsync())?.Trim()} {await link.GetAttributeAsync("href")}");
        }
        entries.ShouldNotBeEmpty();
        return entries;
    }

    private async Task<long> CountUsersAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={site.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"AspNetUsers\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
