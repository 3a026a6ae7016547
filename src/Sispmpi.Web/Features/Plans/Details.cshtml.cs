using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Plans;

/// <summary>Read-only view of a plan: axes, sub-axes and actions in numbering order.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class DetailsModel(SispmpiDbContext db, Execution.ActionLights lights) : PageModel
{
    public sealed record ActionRow(int Id, string Number, string Title, string? Unit, ActionClassification Classification,
        DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? PlannedBudget, ActionStatus Status, TrafficLight Light, decimal? Progress);

    public sealed record AxisNode(PlanAxis Axis, IReadOnlyList<AxisNode> Children, IReadOnlyList<ActionRow> Actions, decimal? Progress)
    {
        public decimal Budget => Actions.Sum(a => a.PlannedBudget ?? 0) + Children.Sum(c => c.Budget);
    }

    public IntegrityPlan Plan { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<AxisNode> Axes { get; private set; } = [];
    public int ActionCount { get; private set; }
    /// <summary>Progress of the plan and of each axis, weighted by the actions' weights.</summary>
    public ProgressRollup Progress { get; private set; } = new(new Dictionary<int, decimal?>(), null);
    public int? SignedDocumentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        OrganizationName = plan.Organization!.Name;
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync();
        var actions = (await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position)
            .Select(a => new
            {
                a.AxisId, a.Id, a.Number, a.Title, Unit = a.ExecutingUnit!.Acronym ?? a.ExecutingUnit.Name, a.Classification, a.PlannedStart,
                a.PlannedEnd, a.PlannedBudget, a.Status, a.Progress, a.Weight, a.LastUpdateOn, a.StartedOn,
            })
            .ToListAsync())
            .Select(a => new
            {
                a.AxisId, a.Progress, a.Weight,
                Row = new ActionRow(a.Id, a.Number, a.Title, a.Unit, a.Classification, a.PlannedStart, a.PlannedEnd, a.PlannedBudget, a.Status,
                    lights.Of(a.Status, a.Classification, a.PlannedEnd, a.LastUpdateOn ?? a.StartedOn), a.Progress),
            })
            .ToList();
        ActionCount = actions.Count;
        var parents = axes.ToDictionary(a => a.Id, a => a.ParentId);
        Progress = Core.Execution.Progress.Rollup(actions.Select(a => new ActionProgressItem(a.AxisId, parents.GetValueOrDefault(a.AxisId), a.Progress, a.Weight)));
        SignedDocumentId = await db.SignedDocuments.Where(d => d.Kind == Documents.DocumentKind.PlanDocument && d.SubjectId == planId)
            .Select(d => (int?)d.Id).FirstOrDefaultAsync();
        var byAxis = actions.ToLookup(a => a.AxisId, a => a.Row);
        AxisNode Build(PlanAxis axis) => new(axis,
            axes.Where(c => c.ParentId == axis.Id).Select(Build).ToList(),
            byAxis[axis.Id].ToList(), Progress.ByAxis.GetValueOrDefault(axis.Id));
        Axes = axes.Where(a => a.ParentId is null).Select(Build).ToList();
        return Page();
    }
}
