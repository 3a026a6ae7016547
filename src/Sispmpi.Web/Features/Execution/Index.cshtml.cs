using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution;

/// <summary>
/// Módulo Execução: the actions of the organization's published plans — for an executor, first the actions they
/// answer for or take part in ("Minhas ações") — filterable by status, light, axis and planned end.
/// </summary>
[Authorize(Policy = Policies.Execution)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant, ActionAccess access, ActionLights lights) : PageModel
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

    public async Task OnGetAsync()
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
        var page = await query
            .OrderBy(a => a.PlanId).ThenBy(a => a.Axis!.Number).ThenBy(a => a.Position)
            .Select(a => new
            {
                a.Id, a.Number, a.Title, PlanTitle = a.Plan!.Title, Unit = a.ExecutingUnit!.Acronym, Responsible = a.ResponsibleUser!.FullName ?? a.ResponsibleServant!.Name,
                a.PlannedEnd, a.Status, a.Classification, a.LastUpdateOn, a.StartedOn,
            })
            .ToPagedAsync(PageNumber);
        Actions = page.Map(a => new ActionRow(a.Id, a.Number, a.Title, a.PlanTitle, a.Unit, a.Responsible, a.PlannedEnd, a.Status,
            lights.Of(a.Status, a.Classification, a.PlannedEnd, a.LastUpdateOn ?? a.StartedOn)));
        AxisOptions = await db.PlanAxes.AsNoTracking()
            .Where(x => x.OrganizationId == organizationId && x.ParentId == null
                && db.Plans.Any(p => p.Id == x.PlanId && p.Status == PlanStatus.Published))
            .OrderBy(x => x.PlanId).ThenBy(x => x.Position)
            .Select(x => new SelectListItem(x.Number + ". " + x.Title, x.Id.ToString(), x.Id == AxisId))
            .ToListAsync();
    }
}
