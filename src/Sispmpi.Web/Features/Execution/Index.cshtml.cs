using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution;

/// <summary>
/// Módulo Execução: the actions of the organization's published plans — for an executor, first the actions they
/// answer for or take part in ("Minhas ações") — filterable by status, light, axis and planned end.
/// </summary>
[Authorize(Policy = Policies.Execution)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant, ActionAccess access, ActionLights lights, TimeProvider clock) : PageModel
{
    public sealed record ActionRow(int Id, string Number, string Title, string PlanTitle, string? Unit, string? Responsible,
        DateOnly? PlannedEnd, ActionStatus Status, TrafficLight Light);

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "situacao")]
    public ActionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "farol")]
    public TrafficLight? Light { get; set; }

    [BindProperty(SupportsGet = true, Name = "eixo")]
    public int? AxisId { get; set; }

    [BindProperty(SupportsGet = true, Name = "termino-ate")]
    public DateOnly? DueBy { get; set; }

    /// <summary>"minhas" or "todas"; executors start with their own actions.</summary>
    [BindProperty(SupportsGet = true, Name = "escopo")]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public bool IsExecutor => tenant.Has(Profile.Executor);
    public bool MineOnly => Scope is null ? IsExecutor : Scope == "minhas";
    public Paged<ActionRow> Actions { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> AxisOptions { get; private set; } = [];

    /// <summary>More lines than a list PDF is meant to hold; the page asks for narrower filters beyond it.</summary>
    public const int MaxPdfActions = 5_000;

    public async Task OnGetAsync()
    {
        var page = await Project(Filtered()).ToPagedAsync(PageNumber);
        Actions = page.Map(Row);
        await LoadAxisOptionsAsync();
    }

    /// <summary>The list as a PDF, with the filters of the page (every page of it, not only the one shown).</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!ModelState.IsValid)
        {
            return PdfRefused("Os filtros informados não são válidos: " +
                string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()));
        }
        var query = Filtered();
        var count = await query.CountAsync();
        if (count > MaxPdfActions)
        {
            return PdfRefused($"Os filtros escolhidos selecionam {count} ações, e a lista em PDF traz até {MaxPdfActions}. Restrinja a busca, o eixo ou a situação.");
        }
        var rows = (await Project(query).ToListAsync()).Select(Row).ToList();
        await LoadAxisOptionsAsync();
        var lines = rows.Select(r => new ActionListLine(r.Number, r.Title, r.PlanTitle, r.Unit, r.Responsible, r.PlannedEnd, r.Status, r.Light)).ToList();
        var document = ExecutionDocuments.List(tenant.CurrentOrganizationName ?? "", FilterLines(), lines, clock.GetUtcNow());
        return File(PdfWriter.Render(document), Documents.ContentTypes.Pdf, $"execucao-das-acoes-{clock.Today():yyyy-MM-dd}.pdf");
    }

    /// <summary>The PDF's address with the filters of the page.</summary>
    public string PdfLink()
    {
        var values = new List<KeyValuePair<string, string?>> { new("handler", "Pdf"), new("escopo", MineOnly ? "minhas" : "todas") };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(new(key, value));
            }
        }
        Add("busca", Search);
        Add("situacao", Status?.ToString());
        Add("farol", Light?.ToString());
        Add("eixo", AxisId?.ToString(CultureInfo.InvariantCulture));
        Add("termino-ate", DueBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return "/execucao" + QueryString.Create(values);
    }

    /// <summary>The filters in words, as the PDF states them.</summary>
    private List<string> FilterLines()
    {
        var lines = new List<string> { MineOnly ? "Ações: minhas ações (responsável ou envolvido)" : "Ações: todas as ações dos planos publicados" };
        if (!string.IsNullOrWhiteSpace(Search))
        {
            lines.Add($"Busca: {Search.Trim()}");
        }
        if (Status is { } status)
        {
            lines.Add($"Situação: {Labels.Of(status)}");
        }
        if (Light is { } light)
        {
            lines.Add($"Farol: {Labels.Of(light)} — {Labels.Meaning(light)}");
        }
        if (AxisId is int axisId)
        {
            lines.Add($"Eixo: {AxisOptions.FirstOrDefault(o => o.Value == axisId.ToString(CultureInfo.InvariantCulture))?.Text ?? "não encontrado"}");
        }
        if (DueBy is { } dueBy)
        {
            lines.Add($"Término previsto até {Labels.Date(dueBy)}");
        }
        return lines;
    }

    private static ContentResult PdfRefused(string reason) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        ContentType = "text/plain; charset=utf-8",
        Content = $"Não foi possível gerar a lista de ações em PDF. {reason}",
    };

    private IQueryable<PlanAction> Filtered()
    {
        var organizationId = tenant.CurrentOrganizationId;
        var query = db.PlanActions.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && a.Plan!.Status == PlanStatus.Published);
        if (MineOnly)
        {
            query = access.Mine(query);
        }
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            var number = Search.Trim();
            query = query.Where(a => SearchText.Fold(a.Title)!.Contains(term) || a.Number.StartsWith(number));
        }
        if (Status is not null)
        {
            query = query.Where(a => a.Status == Status);
        }
        if (Light is TrafficLight light)
        {
            query = lights.Where(query, light);
        }
        if (AxisId is int axisId)
        {
            query = query.Where(a => a.AxisId == axisId || a.Axis!.ParentId == axisId);
        }
        if (DueBy is DateOnly dueBy)
        {
            query = query.Where(a => a.PlannedEnd <= dueBy);
        }
        return query;
    }

    private sealed record RowSource(int Id, string Number, string Title, string PlanTitle, string? Unit, string? Responsible, DateOnly? PlannedEnd,
        ActionStatus Status, ActionClassification Classification, DateOnly? LastUpdateOn, DateOnly? StartedOn);

    private static IQueryable<RowSource> Project(IQueryable<PlanAction> query) => query
        .OrderBy(a => a.PlanId).ThenBy(a => a.Axis!.Number).ThenBy(a => a.Position)
        .Select(a => new RowSource(a.Id, a.Number, a.Title, a.Plan!.Title, a.ExecutingUnit!.Acronym, a.ResponsibleUser!.FullName ?? a.ResponsibleServant!.Name,
            a.PlannedEnd, a.Status, a.Classification, a.LastUpdateOn, a.StartedOn));

    private ActionRow Row(RowSource a) => new(a.Id, a.Number, a.Title, a.PlanTitle, a.Unit, a.Responsible, a.PlannedEnd, a.Status,
        lights.Of(a.Status, a.Classification, a.PlannedEnd, a.LastUpdateOn ?? a.StartedOn));

    private async Task LoadAxisOptionsAsync()
    {
        var organizationId = tenant.CurrentOrganizationId;
        AxisOptions = await db.PlanAxes.AsNoTracking()
            .Where(x => x.OrganizationId == organizationId && x.ParentId == null
                && db.Plans.Any(p => p.Id == x.PlanId && p.Status == PlanStatus.Published))
            .OrderBy(x => x.PlanId).ThenBy(x => x.Position)
            .Select(x => new SelectListItem(x.Number + ". " + x.Title, x.Id.ToString(), x.Id == AxisId))
            .ToListAsync();
    }
}
