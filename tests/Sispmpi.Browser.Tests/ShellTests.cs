using System.Text.RegularExpressions;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;
using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>The application shell in a real browser: login, side menu per profile, organization switcher, error pages, forms.</summary>
[Collection(SiteCollection.Name)]
public sealed class ShellTests(SiteFixture site) : IAsyncLifetime
{
    private const string Cge = "Controladoria-Geral do Estado";
    private const string Seplag = "Secretaria de Estado de Planejamento e Gestão";
    private const string Prefeitura = "Prefeitura Municipal de Ouro Preto";

    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await site.NewContextAsync();
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    public static TheoryData<string> DemoAccounts => new(DemoSeeder.Accounts.Select(a => a.Email));

    [Fact]
    public async Task The_login_page_is_in_Portuguese_and_rejects_a_wrong_password()
    {
        var response = await _page.GotoAsync("/");
        response.ShouldNotBeNull();
        _page.Url.ShouldStartWith($"{site.BaseUrl}/conta/entrar");
        (await _page.Locator("html").GetAttributeAsync("lang")).ShouldBe("pt-BR");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Entrar no SisPMPI");
        await Expect(_page).ToHaveTitleAsync("Entrar — SisPMPI");

        await SiteFixture.Field(_page, "E-mail").FillAsync("observador@demo.gov.br");
        await SiteFixture.Field(_page, "Senha").FillAsync("SenhaErrada2026");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Entrar", Exact = true }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-mail ou senha incorretos.");
        _page.Url.ShouldStartWith($"{site.BaseUrl}/conta/entrar");
        await Expect(_page.Locator("#main-navigation")).ToHaveCountAsync(0);
        // The typed e-mail stays; the password does not.
        await Expect(SiteFixture.Field(_page, "E-mail")).ToHaveValueAsync("observador@demo.gov.br");
        await Expect(SiteFixture.Field(_page, "Senha")).ToHaveValueAsync("");
    }

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Each_demo_account_sees_exactly_the_menu_of_its_profile(string email)
    {
        var (_, name, profile) = DemoSeeder.Accounts.Single(a => a.Email == email);
        await SiteFixture.SignInAsync(_page, email);

        var actual = await MenuAsync(_page);
        actual.ShouldBe(ExpectedMenu(profile), $"menu de {email} ({profile})");

        var organization = profile is Profile.CentralAdministrator or Profile.TechnicalSupport ? Cge : Seplag;
        await Expect(_page.Locator("header .header-title")).ToHaveTextAsync(organization);
        await Expect(_page.Locator("header .header-subtitle")).ToHaveTextAsync(Labels.Of(profile));
        await Expect(_page.Locator("header").GetByRole(AriaRole.Link, new() { Name = $"Minha conta: {name}" })).ToBeVisibleAsync();

        // What a person would notice at a glance, independent of the tables above.
        var titles = actual.Select(e => e.Title).ToList();
        titles.ShouldContain("Início");
        titles.ShouldContain("Minha conta");
        switch (email)
        {
            case "admin@demo.gov.br":
                titles.ShouldContain("Painel");
                titles.ShouldContain("Órgãos e entidades");
                titles.ShouldContain("Elaboração");
                titles.ShouldNotContain("Suporte técnico");
                titles.ShouldNotContain("Execução");
                break;
            case "ti@demo.gov.br":
                titles.ShouldContain("Suporte técnico");
                titles.ShouldNotContain("Elaboração");
                titles.ShouldNotContain("Usuários e perfis");
                break;
            case "auditor@demo.gov.br":
                titles.ShouldContain("Avaliação");
                titles.ShouldContain("Usuários e perfis");
                titles.ShouldNotContain("Órgãos e entidades");
                break;
            case "executor@demo.gov.br":
                titles.ShouldContain("Execução");
                titles.ShouldNotContain("Avaliação");
                titles.ShouldNotContain("Elaboração");
                titles.ShouldNotContain("Administração");
                break;
            case "observador@demo.gov.br":
                titles.ShouldBe(["Início", "Monitoramento", "Minha conta"]);
                break;
        }
        // The home entry is the current page.
        await Expect(_page.Locator("#main-navigation a[aria-current=page]")).ToHaveAttributeAsync("href", "/");
    }

    [Fact]
    public async Task The_executor_switches_organization_from_the_header()
    {
        await SiteFixture.SignInAsync(_page, "executor@demo.gov.br");
        await Expect(_page.Locator("header .header-title")).ToHaveTextAsync(Seplag);
        (await MenuTitlesAsync(_page)).ShouldContain("Execução");
        var select = _page.Locator("#org-switch");
        await Expect(select).ToHaveAccessibleNameAsync("Organização atual");

        // Choosing another organization submits at once (site.js), no need for the "Trocar" button.
        await select.SelectOptionAsync(new SelectOptionValue { Label = $"PMOP — {Prefeitura}" });

        await Expect(_page.Locator("header .header-title")).ToHaveTextAsync(Prefeitura);
        await Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Organização atual: {Prefeitura}.");
        await Expect(_page.Locator("header .header-subtitle")).ToHaveTextAsync(Labels.Of(Profile.Observer));
        var titles = await MenuTitlesAsync(_page);
        titles.ShouldNotContain("Execução");
        titles.ShouldContain("Monitoramento");
        (await MenuAsync(_page)).ShouldBe(ExpectedMenu(Profile.Observer));
        // The choice lives in the cookie: it survives navigation.
        await _page.GotoAsync("/conta");
        await Expect(_page.Locator("header .header-title")).ToHaveTextAsync(Prefeitura);
        // And the executor's pages are now closed to them.
        var response = await _page.GotoAsync("/execucao");
        response!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task Without_JavaScript_the_Trocar_button_switches_organization()
    {
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await SiteFixture.SignInAsync(page, "executor@demo.gov.br");

        await page.Locator("#org-switch").SelectOptionAsync(new SelectOptionValue { Label = $"PMOP — {Prefeitura}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Trocar", Exact = true }).ClickAsync();

        await Expect(page.Locator("header .header-title")).ToHaveTextAsync(Prefeitura);
        (await MenuTitlesAsync(page)).ShouldNotContain("Execução");
    }

    [Fact]
    public async Task An_unknown_address_shows_the_Portuguese_404_page()
    {
        await using var context = await site.SignedInContextAsync("observador@demo.gov.br");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/nao-existe");

        response!.Status.ShouldBe(404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Página não encontrada");
        await Expect(page).ToHaveTitleAsync("Página não encontrada — SisPMPI");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ir para a página inicial" })).ToBeVisibleAsync();
        // Still the signed-in shell, with the user's own menu.
        (await MenuAsync(page)).ShouldBe(ExpectedMenu(Profile.Observer));
    }

    [Fact]
    public async Task A_profile_without_access_gets_the_Portuguese_403_page()
    {
        await using var context = await site.SignedInContextAsync("admin@demo.gov.br");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/suporte");

        response!.Status.ShouldBe(403);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Acesso negado");
    }

    [Fact]
    public async Task The_organization_form_checks_the_CNPJ_and_keeps_what_was_typed()
    {
        await using var context = await site.SignedInContextAsync("admin@demo.gov.br");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/organizacoes/nova");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Novo órgão ou entidade");

        var name = SiteFixture.Field(page, "Nome");
        var acronym = SiteFixture.Field(page, "Sigla");
        var cnpj = SiteFixture.Field(page, "CNPJ");
        var kind = SiteFixture.Field(page, "Natureza");
        var sphere = SiteFixture.Field(page, "Esfera");
        var branch = SiteFixture.Field(page, "Poder");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Cadastrar", Exact = true });

        await name.FillAsync("Secretaria de Estado de Teste de Navegador");
        await acronym.FillAsync("SETN");
        await cnpj.FillAsync("11.222.333/0001-82");
        await kind.SelectOptionAsync(new SelectOptionValue { Label = "Autarquia" });
        await sphere.SelectOptionAsync(new SelectOptionValue { Label = "Estadual" });
        await branch.SelectOptionAsync(new SelectOptionValue { Label = "Executivo" });
        await save.ClickAsync();

        await ExpectCnpjErrorAsync(page, cnpj, "CNPJ inválido: os dígitos verificadores não conferem.");
        page.Url.ShouldBe($"{site.BaseUrl}/organizacoes/nova");
        await Expect(name).ToHaveValueAsync("Secretaria de Estado de Teste de Navegador");
        await Expect(acronym).ToHaveValueAsync("SETN");
        await Expect(cnpj).ToHaveValueAsync("11.222.333/0001-82");
        await Expect(kind).ToHaveValueAsync(nameof(OrganizationKind.Autarchy));
        await Expect(sphere).ToHaveValueAsync(nameof(Sphere.State));
        await Expect(branch).ToHaveValueAsync(nameof(Branch.Executive));
        // Only the CNPJ is wrong.
        await Expect(page.Locator("[aria-invalid=true]")).ToHaveCountAsync(1);

        // A valid alphanumeric CNPJ, but the demo's Câmara Municipal already has it.
        await cnpj.FillAsync("12.ABC.345/01DE-35");
        await save.ClickAsync();
        await ExpectCnpjErrorAsync(page, cnpj, "Já existe um órgão ou entidade cadastrado com este CNPJ.");
        await Expect(name).ToHaveValueAsync("Secretaria de Estado de Teste de Navegador");

        const string baseDigits = "987654320001";
        var fresh = Cnpj.Parse(baseDigits + Cnpj.ComputeCheckDigits(baseDigits));
        await cnpj.FillAsync(fresh.Formatted);
        await save.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/organizacoes/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Secretaria de Estado de Teste de Navegador (SETN)");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Secretaria de Estado de Teste de Navegador cadastrado.");
        await Expect(page.Locator("dl")).ToContainTextAsync(fresh.Formatted);
    }

    private static async Task ExpectCnpjErrorAsync(IPage page, ILocator cnpj, string message)
    {
        // The message sits in the CNPJ field's own box and is announced with it.
        var field = page.Locator(".br-input", new() { Has = page.Locator("#Input_Cnpj") });
        await Expect(field).ToHaveClassAsync(new Regex(@"\bdanger\b"));
        await Expect(field.Locator(".feedback")).ToHaveTextAsync(message);
        await Expect(cnpj).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(cnpj).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(message)));
    }

    /// <summary>The side menu as a person reads it: every entry, in order, with its address.</summary>
    private static async Task<List<MenuEntry>> MenuAsync(IPage page)
    {
        var nav = page.Locator("#main-navigation");
        await Expect(nav).ToBeVisibleAsync();
        var entries = new List<MenuEntry>();
        foreach (var link in await nav.Locator("a.menu-item").AllAsync())
        {
            var title = (await link.Locator(".content").TextContentAsync())?.Trim() ?? "";
            var href = await link.GetAttributeAsync("href") ?? "";
            entries.Add(new MenuEntry(title, href.StartsWith("javascript:", StringComparison.Ordinal) ? null : href));
        }
        return entries;
    }

    private static async Task<List<string>> MenuTitlesAsync(IPage page) => (await MenuAsync(page)).Select(e => e.Title).ToList();

    /// <summary>From the tables the app itself uses: Menu (entries and their policies) and Policies.Profiles.</summary>
    private static List<MenuEntry> ExpectedMenu(Profile profile)
    {
        bool Allowed(MenuItem item) => Policies.Profiles[item.Policy].Contains(profile);
        var expected = Menu.Modules.Where(Allowed).Select(i => new MenuEntry(i.Title, i.Url)).ToList();
        var administration = Menu.Administration.Items.Where(Allowed).Select(i => new MenuEntry(i.Title, i.Url)).ToList();
        if (administration.Count > 0)
        {
            expected.Add(new MenuEntry(Menu.Administration.Title, null));
            expected.AddRange(administration);
        }
        expected.Add(new MenuEntry("Minha conta", "/conta"));
        return expected;
    }

    private sealed record MenuEntry(string Title, string? Url);
}
