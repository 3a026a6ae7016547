using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Shared;

public sealed record MenuItem(string Title, string Url, string Icon, string Policy);

public sealed record MenuSection(string Title, string Icon, IReadOnlyList<MenuItem> Items);

/// <summary>The side menu: each entry shows only when the current profiles satisfy the policy of its page.</summary>
public static class Menu
{
    public static readonly IReadOnlyList<MenuItem> Modules =
    [
        new("Início", "/", "fas fa-home", Policies.Home),
        new("Elaboração", "/elaboracao", "fas fa-drafting-compass", Policies.Formulation),
        new("Execução", "/execucao", "fas fa-tasks", Policies.Execution),
        new("Monitoramento", "/monitoramento", "fas fa-chart-line", Policies.Monitoring),
        new("Avaliação", "/avaliacao", "fas fa-clipboard-check", Policies.Evaluation),
        new("Maturidade", "/maturidade", "fas fa-layer-group", Policies.MaturityRead),
        new("Painel", "/painel", "fas fa-chart-pie", Policies.Panel),
        new("Adesão e acordos", "/adesao", "fas fa-handshake", Policies.Adoption),
    ];

    public static readonly MenuSection Administration = new("Administração", "fas fa-cogs",
    [
        new("Órgãos e entidades", "/organizacoes", "fas fa-landmark", Policies.Organizations),
        new("Unidades administrativas", "/unidades", "fas fa-sitemap", Policies.Units),
        new("Usuários e perfis", "/usuarios", "fas fa-users", Policies.Users),
        new("Usuários centrais e auditores", "/usuarios/rede", "fas fa-user-shield", Policies.Panel),
        new("Catálogos", "/catalogos", "fas fa-list-ul", Policies.Catalogs),
        new("Histórico de alterações", "/historico", "fas fa-history", Policies.History),
        new("Suporte técnico", "/suporte", "fas fa-server", Policies.Support),
    ]);

    public static IEnumerable<MenuItem> Visible(IEnumerable<MenuItem> items, TenantContext tenant) =>
        items.Where(i => Policies.Allows(i.Policy, tenant));
}

/// <summary>A step of the breadcrumb trail; the last one is the current page and has no link.</summary>
public sealed record Crumb(string Title, string? Url = null);
