using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation;

/// <summary>Módulo Avaliação: execution of each plan by axis and budget executed against planned.</summary>
[Authorize(Policy = Policies.Evaluation)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record AxisFigures(string Number, string Title, int Actions, int Concluded, decimal Planned, decimal Spent);

    public sealed record PlanFigures(int Id, string Title, IReadOnlyList<AxisFigures> Axes);

    public IReadOnlyList<PlanFigures> Plans { get; private set; } = [];
    public int PendingRequests { get; private set; }

    public async Task OnGetAsync()
    {
        PendingRequests = await db.UpdateRequests.CountAsync(r => r.OrganizationId == tenant.CurrentOrganizationId
            && r.Status == Monitoring.UpdateRequestStatus.Pending);
        var rows = await db.PlanActions.AsNoTracking()
            .Where(a => a.OrganizationId == tenant.CurrentOrganizationId && a.Plan!.Status == PlanStatus.Published)
            .Select(a => new
            {
                a.PlanId, PlanTitle = a.Plan!.Title,
                AxisNumber = a.Axis!.Parent == null ? a.Axis.Number : a.Axis.Parent.Number,
                AxisTitle = a.Axis.Parent == null ? a.Axis.Title : a.Axis.Parent.Title,
                a.Status, a.PlannedBudget, a.BudgetSpent,
            })
            .ToListAsync();
        Plans = rows.GroupBy(r => (r.PlanId, r.PlanTitle))
            .Select(p => new PlanFigures(p.Key.PlanId, p.Key.PlanTitle, p
                .GroupBy(r => (r.AxisNumber, r.AxisTitle))
                .OrderBy(g => g.Key.AxisNumber, StringComparer.Ordinal)
                .Select(g => new AxisFigures(g.Key.AxisNumber, g.Key.AxisTitle, g.Count(), g.Count(r => r.Status == ActionStatus.Concluded),
                    g.Sum(r => r.PlannedBudget ?? 0), g.Sum(r => r.BudgetSpent ?? 0)))
                .ToList()))
            .ToList();
    }
}
