using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Features.Shared;

namespace Sispmpi.Web.Features.Transparency;

/// <summary>The transparency portal's front page: figures of the whole network and the organizations with a published plan.</summary>
[AllowAnonymous]
[PublicCache]
public sealed class IndexModel(PublicData data) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public PortalFigures Figures { get; private set; } = null!;
    public Paged<PublicOrganization> Organizations { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Figures = await data.FiguresAsync(HttpContext.RequestAborted);
        Organizations = await data.OrganizationsAsync(Search, PageNumber, HttpContext.RequestAborted);
    }

    public object ChartData => Charts.Of(Figures.Actions);
}

/// <summary>The data of the portal's charts, read by transparencia.js from a JSON script element (no inline script).</summary>
public static class Charts
{
    public static object Of(ActionFigures figures, IEnumerable<PublicAxis>? axes = null) => new
    {
        status = ActionFigures.StatusOrder.Select(s => new { label = Labels.Of(s), value = figures.Of(s) }),
        lights = ActionFigures.LightOrder.Select(l => new { label = Labels.Of(l), value = figures.Of(l), light = l.ToString().ToLowerInvariant() }),
        axes = (axes ?? []).Select(a => new { label = $"{a.Number}. {a.Title}", value = Math.Round((a.Progress ?? 0) * 100, 1) }),
    };

    public static string Json(object data) => Infrastructure.Web.PageJson.Serialize(data);
}
