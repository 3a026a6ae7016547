using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Plans;

/// <summary>Read-only view of a plan: axes, sub-axes and actions in numbering order.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class DetailsModel(SispmpiDbContext db) : PageModel
{
    public sealed record ActionRow(int Id, string Number, string Title, string? Unit, ActionClassification Classification,
        DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? PlannedBudget, ActionStatus Status);

    public sealed record AxisNode(PlanAxis Axis, IReadOnlyList<AxisNode> Children, IReadOnlyList<ActionRow> Actions)
    {
        public decimal Budget => Actions.Sum(a => a.PlannedBudget ?? 0) + Children.Sum(c => c.Budget);
    }

    public IntegrityPlan Plan { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<AxisNode> Axes { get; private set; } = [];
    public int ActionCount { get; private set; }
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
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position)
            .Select(a => new { a.AxisId, Row = new ActionRow(a.Id, a.Number, a.Title, a.ExecutingUnit!.Acronym ?? a.ExecutingUnit.Name,
                a.Classification, a.PlannedStart, a.PlannedEnd, a.PlannedBudget, a.Status) })
            .ToListAsync();
        ActionCount = actions.Count;
        SignedDocumentId = await db.SignedDocuments.Where(d => d.Kind == Documents.DocumentKind.PlanDocument && d.SubjectId == planId)
            .Select(d => (int?)d.Id).FirstOrDefaultAsync();
        var byAxis = actions.ToLookup(a => a.AxisId, a => a.Row);
        AxisNode Build(PlanAxis axis) => new(axis,
            axes.Where(c => c.ParentId == axis.Id).Select(Build).ToList(),
            byAxis[axis.Id].ToList());
        Axes = axes.Where(a => a.ParentId is null).Select(Build).ToList();
        return Page();
    }
}
