using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// axe-core (assets/axe.min.js) on every page of the shell, signed out and signed in: no violation of impact
/// "serious" or "critical" is accepted. Minor and moderate ones are printed to the test output.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class AccessibilityTests(SiteFixture site, ITestOutputHelper output)
{
    /// <summary>Stands for the address of the SEPLAG plan, found by following links (see <see cref="ResolveAsync"/>).</summary>
    private const string SeplagPlan = "{plano-seplag}";

    /// <summary>
    /// Stand for the addresses of two SEPLAG actions (see <see cref="ResolveAsync"/>): one with a quantitative goal and
    /// its measurements, one with evidence of each kind (the demo has no action with both).
    /// </summary>
    private const string TrainingAction = "{acao-capacitar}";
    private const string TransparencyAction = "{acao-transparencia}";

    private static readonly Dictionary<string, string> _actionTitles = new()
    {
        [TrainingAction] = "Capacitar servidores em ética e integridade",
        [TransparencyAction] = "Reestruturar a página de transparência ativa",
    };

    /// <summary>
    /// Stand for addresses found by following a link, as a user would: the account, the page it starts from and the
    /// link's name (see <see cref="ResolveAsync"/>).
    /// </summary>
    private const string SeplagDashboard = "{painel-seplag}";
    private const string SeplagMeeting = "{reuniao-seplag}";
    private const string SeplagPublicOrganization = "{orgao-seplag-publico}";

    /// <summary>The SEPLAG plan in the transparency portal: the same id as <see cref="SeplagPlan"/>.</summary>
    private const string SeplagPublicPlan = "{plano-seplag-publico}";

    /// <summary>Demo adhesion requests whose pages show the form of the signature, the availability and the yearly reports.</summary>
    private const string AdhesionAtSignature = "{adesao-assinatura}";
    private const string AdhesionAtAvailability = "{adesao-disponibilizacao}";
    private const string AdhesionAtReports = "{adesao-relatorios}";

    private static readonly Dictionary<string, (string Account, string From, string Link)> _links = new()
    {
        [SeplagDashboard] = ("monitor@demo.gov.br", "/monitoramento", "Abrir o painel de monitoramento"),
        [SeplagMeeting] = ("monitor@demo.gov.br", "/monitoramento/reunioes", "3ª reunião ordinária do comitê de monitoramento"),
        [SeplagPublicOrganization] = ("observador@demo.gov.br", "/transparencia", "Secretaria de Estado de Planejamento e Gestão"),
        [AdhesionAtSignature] = ("admin@demo.gov.br", "/adesao", "Prefeitura Municipal de Itabirito (PMI)"),
        [AdhesionAtAvailability] = ("admin@demo.gov.br", "/adesao", "Prefeitura Municipal de Sabará (PMS)"),
        [AdhesionAtReports] = ("admin@demo.gov.br", "/adesao", "Prefeitura Municipal de Ouro Preto (PMOP)"),
    };

    private static readonly HashSet<string> _blocking = ["serious", "critical"];

    public static TheoryData<string?, string, int> Pages { get; } = new()
    {
        { null, "/conta/entrar", 200 },
        { null, "/conta/esqueci-senha", 200 },
        { null, "/conta/govbr/nao-cadastrado", 200 },
        { null, "/conta/govbr/recusado?motivo=nivel&nivel=bronze", 200 },
        { "executor@demo.gov.br", "/conta/cpf", 200 },
        { null, "/conta/convite", 200 },
        { null, "/verificar?codigo=1234567890&crc=ABCDEF12", 200 },
        { null, "/transparencia", 200 },
        { null, SeplagPublicOrganization, 200 },
        { null, SeplagPublicPlan, 200 },
        { null, "/dados-abertos", 200 },
        { "admin@demo.gov.br", "/", 200 },
        { "admin@demo.gov.br", "/organizacoes", 200 },
        { "admin@demo.gov.br", "/organizacoes/nova", 200 },
        { "admin@demo.gov.br", "/unidades/nova", 200 },
        { "admin@demo.gov.br", "/usuarios/convidar", 200 },
        { "admin@demo.gov.br", "/painel", 200 },
        { "admin@demo.gov.br", "/painel?natureza=CityHall&ordem=atraso", 200 },
        { "admin@demo.gov.br", "/catalogos?tipo=tipos-de-acao", 200 },
        { "admin@demo.gov.br", "/usuarios/rede", 200 },
        { "admin@demo.gov.br", "/historico", 200 },
        { "admin@demo.gov.br", "/unidades", 200 },
        { "admin@demo.gov.br", "/usuarios", 200 },
        { "admin@demo.gov.br", "/conta", 200 },
        { "admin@demo.gov.br", "/elaboracao", 200 },
        { "admin@demo.gov.br", "/monitoramento", 200 },
        { "admin@demo.gov.br", SeplagPlan, 200 },
        { "alta@demo.gov.br", SeplagPlan + "/assinar", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/editor", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/riscos", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/importar", 200 },
        { "comissao@demo.gov.br", "/elaboracao/novo-plano", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/etapas", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/etapas/comissao", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/etapas/diagnostico", 200 },
        { "alta@demo.gov.br", SeplagPlan + "/etapas/diagnostico/ciencia", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/etapas/validacao", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/etapas/minutas", 200 },
        { "comissao@demo.gov.br", SeplagPlan + "/etapas/publicacao", 200 },
        { "auditor@demo.gov.br", SeplagPlan + "/etapas/publicacao/ciencia", 200 },
        { "admin@demo.gov.br", "/nao-existe", 404 },
        { "admin@demo.gov.br", "/suporte", 403 },
        { "executor@demo.gov.br", "/execucao", 200 },
        { "executor@demo.gov.br", "/execucao?escopo=todas", 200 },
        { "executor@demo.gov.br", TrainingAction, 200 },
        { "executor@demo.gov.br", TrainingAction + "/responsabilidade", 200 },
        { "executor@demo.gov.br", TrainingAction + "/execucao", 200 },
        { "executor@demo.gov.br", TrainingAction + "/monitoramento", 200 },
        { "executor@demo.gov.br", TrainingAction + "/avaliacao", 200 },
        { "executor@demo.gov.br", TransparencyAction + "/execucao", 200 },
        { "comissao@demo.gov.br", TrainingAction + "/responsabilidade", 200 },
        { "auditor@demo.gov.br", TransparencyAction + "/execucao", 200 },
        { "auditor@demo.gov.br", "/avaliacao", 200 },
        { "ti@demo.gov.br", "/suporte", 200 },
        { "executor@demo.gov.br", "/notificacoes", 200 },
        { "monitor@demo.gov.br", SeplagDashboard, 200 },
        { "monitor@demo.gov.br", SeplagDashboard + "/acoes?ponto=atraso-conclusao", 200 },
        { "monitor@demo.gov.br", SeplagDashboard + "/recomendacoes-gerais", 200 },
        { "monitor@demo.gov.br", SeplagDashboard + "/solicitacoes", 200 },
        { "monitor@demo.gov.br", "/monitoramento/reunioes", 200 },
        { "monitor@demo.gov.br", SeplagMeeting, 200 },
        { "admin@demo.gov.br", "/adesao", 200 },
        { "admin@demo.gov.br", "/adesao/novo", 200 },
        { "admin@demo.gov.br", AdhesionAtSignature, 200 },
        { "admin@demo.gov.br", AdhesionAtAvailability, 200 },
        { "admin@demo.gov.br", AdhesionAtReports, 200 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task The_page_has_no_serious_accessibility_violation(string? account, string path, int status) =>
        CheckAsync(account, path, status, highContrast: false);

    /// <summary>The same pages in the high-contrast mode (chosen earlier in this browser, as js/contraste.js remembers it).</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public Task The_page_has_no_serious_accessibility_violation_in_high_contrast(string? account, string path, int status) =>
        CheckAsync(account, path, status, highContrast: true);

    private async Task CheckAsync(string? account, string path, int status, bool highContrast)
    {
        path = await ResolveAsync(path);
        await using var context = account is null
            ? await site.NewContextAsync(bypassCsp: true)
            : await site.SignedInContextAsync(account, bypassCsp: true);
        if (highContrast)
        {
            await context.AddInitScriptAsync("window.localStorage.setItem('sispmpi-alto-contraste', '1');");
        }
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        response.ShouldNotBeNull();
        response.Status.ShouldBe(status, $"{path} como {account ?? "visitante"}");
        (await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('alto-contraste')")).ShouldBe(highContrast);
        // Signed in means the full shell (header, menu), which is what is being checked.
        await Expect(page.Locator("#main-navigation")).ToHaveCountAsync(account is null ? 0 : 1);

        await page.AddScriptTagAsync(new() { Path = SiteFixture.AxeScriptPath });
        var violations = await RunAxeAsync(page, "como carregada");
        // The "Administração" folder of the side menu starts collapsed, and axe skips what is hidden: open it
        // (as a user would) and check again, so the whole shell is covered.
        var folder = page.Locator("#main-navigation .menu-folder > a.menu-item");
        var folderItems = page.Locator("#main-navigation .menu-folder ul a.menu-item");
        if (await folder.CountAsync() > 0 && !await folderItems.First.IsVisibleAsync())
        {
            await folder.ClickAsync();
            await Expect(folderItems.First).ToBeVisibleAsync();
            violations.AddRange(await RunAxeAsync(page, "com o menu Administração aberto"));
        }

        foreach (var v in violations)
        {
            output.WriteLine(Describe(v));
        }
        var blocking = violations.Where(v => _blocking.Contains(v.Impact)).Select(Describe).ToList();
        blocking.ShouldBeEmpty($"axe-core em {path} ({account ?? "visitante"}{(highContrast ? ", alto contraste" : "")})");
    }

    private static async Task<List<Violation>> RunAxeAsync(IPage page, string state)
    {
        var result = await page.EvaluateAsync<JsonElement>("async () => await axe.run(document, { resultTypes: ['violations'] })");
        return result.GetProperty("violations").EnumerateArray().Select(v => new Violation(
            state,
            v.GetProperty("id").GetString() ?? "",
            v.TryGetProperty("impact", out var impact) && impact.ValueKind == JsonValueKind.String ? impact.GetString()! : "",
            v.GetProperty("help").GetString() ?? "",
            v.GetProperty("helpUrl").GetString() ?? "",
            v.GetProperty("nodes").EnumerateArray().Select(n => new ViolationNode(
                string.Join(" ", n.GetProperty("target").EnumerateArray().Select(t => t.ToString())),
                n.GetProperty("html").GetString() ?? "",
                n.TryGetProperty("failureSummary", out var summary) ? summary.GetString() ?? "" : "")).ToList())).ToList();
    }

    /// <summary>The SEPLAG plan's address, as a member of its integrity commission finds it on the formulation page.</summary>
    private async Task<string> ResolveAsync(string path)
    {
        if (_links.Keys.FirstOrDefault(l => path.StartsWith(l, StringComparison.Ordinal)) is string placeholder)
        {
            return await ResolveLinkAsync(_links[placeholder]) + path[placeholder.Length..];
        }
        if (_actionTitles.Keys.FirstOrDefault(a => path.StartsWith(a, StringComparison.Ordinal)) is string action)
        {
            return await ResolveActionAsync(action) + path[action.Length..];
        }
        if (path.StartsWith(SeplagPublicPlan, StringComparison.Ordinal))
        {
            return "/transparencia" + await ResolveAsync(SeplagPlan) + path[SeplagPublicPlan.Length..];
        }
        if (!path.StartsWith(SeplagPlan, StringComparison.Ordinal))
        {
            return path;
        }
        await using var context = await site.SignedInContextAsync("comissao@demo.gov.br");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/elaboracao");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Plano de Integridade da SEPLAG", Exact = true });
        var href = await link.GetAttributeAsync("href");
        href.ShouldNotBeNull();
        href.ShouldMatch(PlanAddress().ToString());
        return href + path[SeplagPlan.Length..];
    }

    /// <summary>The address a link leads to, as <paramref name="link"/>'s account finds it on its page.</summary>
    private async Task<string> ResolveLinkAsync((string Account, string From, string Link) link)
    {
        await using var context = await site.SignedInContextAsync(link.Account);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link.From);
        var href = await page.GetByRole(AriaRole.Link, new() { Name = link.Link, Exact = true }).First.GetAttributeAsync("href");
        href.ShouldNotBeNull($"{link.From} ({link.Account}) has no link “{link.Link}”");
        href.ShouldStartWith("/");
        return href;
    }

    /// <summary>An action's address, as the executor finds it in the list of all actions (its link opens the tab Execução).</summary>
    private async Task<string> ResolveActionAsync(string placeholder)
    {
        var title = _actionTitles[placeholder];
        await using var context = await site.SignedInContextAsync("executor@demo.gov.br");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/execucao?escopo=todas&busca={Uri.EscapeDataString(title)}");
        var href = await page.Locator($"tr[data-action-id] a:text-is(\"{title}\")").GetAttributeAsync("href");
        href.ShouldNotBeNull();
        var match = ActionAddress().Match(href);
        match.Success.ShouldBeTrue($"{href} não é o endereço da aba Execução de uma ação");
        return match.Groups["action"].Value;
    }

    private static string Describe(Violation v)
    {
        var text = new StringBuilder($"[{v.Impact}] {v.Id} ({v.State}): {v.Help} ({v.HelpUrl})");
        foreach (var node in v.Nodes)
        {
            text.Append($"{Environment.NewLine}    em {node.Target}{Environment.NewLine}      {node.Html}");
            if (node.Summary.Length > 0)
            {
                text.Append($"{Environment.NewLine}      {node.Summary.ReplaceLineEndings(" ")}");
            }
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^/planos/\d+$")]
    private static partial Regex PlanAddress();

    [GeneratedRegex(@"^(?<action>/acoes/\d+)/execucao$")]
    private static partial Regex ActionAddress();

    private sealed record Violation(string State, string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<ViolationNode> Nodes);

    private sealed record ViolationNode(string Target, string Html, string Summary);
}
