using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Oversight;

/// <summary>
/// Painel da rede (SPEC §3.5): each organization the central administrator oversees with its current plan, and the
/// network's figures — by kind, mean drafting time, budget and headcount covered by published plans, monthly trends.
/// </summary>
[Authorize(Policy = Policies.Panel)]
public sealed class PanelModel(NetworkPanel panel) : PageModel
{
    public static readonly IReadOnlyDictionary<PanelPlanStatus, string> StatusSlugs = new Dictionary<PanelPlanStatus, string>
    {
        [PanelPlanStatus.Published] = "publicado",
        [PanelPlanStatus.InPreparation] = "em-elaboracao",
        [PanelPlanStatus.NotStarted] = "nao-iniciado",
        [PanelPlanStatus.NoPlan] = "sem-plano",
    };

    public static readonly IReadOnlyDictionary<PanelSort, (string Slug, string Label)> Sorts = new Dictionary<PanelSort, (string, string)>
    {
        [PanelSort.Name] = ("nome", "Nome"),
        [PanelSort.Acronym] = ("sigla", "Sigla"),
        [PanelSort.Kind] = ("natureza", "Natureza"),
        [PanelSort.Status] = ("situacao", "Situação do plano"),
        [PanelSort.Published] = ("publicacao", "Publicação mais recente"),
        [PanelSort.Actions] = ("acoes", "Mais ações"),
        [PanelSort.LateActions] = ("atraso", "Mais ações em atraso"),
    };

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "natureza")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "situacao")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordem")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public PanelData Data { get; private set; } = null!;
    public Paged<PanelRow> Organizations { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> KindOptions { get; } = Enum.GetValues<OrganizationKind>()
        .Select(k => new SelectListItem(Labels.Of(k), k.ToString())).ToList();

    public static string Label(PanelPlanStatus status) => status switch
    {
        PanelPlanStatus.Published => "Publicado",
        PanelPlanStatus.InPreparation => "Em elaboração",
        PanelPlanStatus.NotStarted => "Não iniciado",
        _ => "Sem plano",
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (Filter() is not { } filter)
        {
            return BadRequestPage();
        }
        Data = await panel.BuildAsync(filter, PageNumber);
        Organizations = new Paged<PanelRow>(Data.Rows, Data.Page, NetworkPanel.PageSize, Data.Totals.Organizations);
        return Page();
    }

    /// <summary>Every organization of the filtered panel, one line each (semicolon-separated, UTF-8, for spreadsheets in Portuguese).</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (Filter() is not { } filter)
        {
            return BadRequestPage();
        }
        var data = await panel.BuildAsync(filter);
        return File(PanelExport.Csv(data), "text/csv; charset=utf-8", $"painel-da-rede-{data.Today:yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        if (Filter() is not { } filter)
        {
            return BadRequestPage();
        }
        var data = await panel.BuildAsync(filter);
        return File(PanelExport.Xlsx(data), Documents.ContentTypes.Xlsx, $"painel-da-rede-{data.Today:yyyy-MM-dd}.xlsx");
    }

    /// <summary>The link to the same panel with one query value changed (null removes it); the page goes back to 1.</summary>
    public string Link(string? handler = null, string? sort = null)
    {
        var values = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }
        Add("handler", handler);
        Add("busca", Search);
        Add("natureza", Kind);
        Add("situacao", Status);
        Add("ordem", sort ?? Sort);
        return "/painel" + (values.Count == 0 ? "" : "?" + string.Join("&", values));
    }

    private PanelFilter? Filter()
    {
        OrganizationKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (!Enum.TryParse<OrganizationKind>(Kind, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(Kind, out _))
            {
                ModelState.AddModelError("natureza", "Escolha uma natureza da lista.");
            }
            else
            {
                kind = parsed;
            }
        }
        PanelPlanStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            var match = StatusSlugs.FirstOrDefault(s => s.Value == Status);
            if (match.Value is null)
            {
                ModelState.AddModelError("situacao", "Escolha uma situação da lista.");
            }
            else
            {
                status = match.Key;
            }
        }
        var sort = PanelSort.Name;
        if (!string.IsNullOrWhiteSpace(Sort))
        {
            var match = Sorts.FirstOrDefault(s => s.Value.Slug == Sort);
            if (match.Value.Slug is null)
            {
                ModelState.AddModelError("ordem", "Escolha uma ordenação da lista.");
            }
            else
            {
                sort = match.Key;
            }
        }
        if (Search is { Length: > 200 })
        {
            ModelState.AddModelError("busca", "A busca deve ter até 200 caracteres.");
        }
        return ModelState.IsValid ? new PanelFilter(kind, status, Search?.Trim(), sort) : null;
    }

    /// <summary>A bad filter shows the panel's form again with the message next to the field, and an empty panel.</summary>
    private IActionResult BadRequestPage()
    {
        Data = new PanelData(default, new PanelFilter(), [], new PanelFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, null), [],
            new PanelCoverage(0, 0, 0, 0), []);
        Organizations = new Paged<PanelRow>([], 1, PagedExtensions.DefaultPageSize, 0);
        var result = Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }

    public object ChartData => new
    {
        byKind = Data.ByKind.Select(k => new
        {
            label = Labels.Of(k.Kind),
            published = k.Figures.Published,
            inPreparation = k.Figures.InPreparation,
            notStarted = k.Figures.NotStarted,
            noPlan = k.Figures.NoPlan,
        }),
        trend = Data.Trend.Select(m => new
        {
            label = new DateOnly(m.Year, m.Month, 1).ToString("MMM/yyyy", BrazilTime.Culture),
            plans = m.PlansPublished,
            actions = m.ActionsConcluded,
        }),
    };

    public static string Days(double? days) => days is double d ? d.ToString("N1", BrazilTime.Culture) + " dias" : "—";

    public static string Invariant(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
