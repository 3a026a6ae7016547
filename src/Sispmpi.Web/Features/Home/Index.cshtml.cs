using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Home;

[Authorize(Policy = Policies.Home)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record PlanSummary(int Id, string Title, string Edition, int Version, PlanStatus Status, int Actions,
        int Concluded, int InProgress, int NotStarted, int Discontinued);

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (!Policies.Allows(Policies.PlansRead, tenant))
        {
            return;
        }
        var organizationId = tenant.CurrentOrganizationId;
        Plans = await db.Plans.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && p.Status != PlanStatus.Obsolete)
            .OrderByDescending(p => p.Status == PlanStatus.Published).ThenByDescending(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.Title, p.Edition, p.Version, p.Status, p.Actions.Count,
                p.Actions.Count(a => a.Status == ActionStatus.Concluded),
                p.Actions.Count(a => a.Status == ActionStatus.InProgress),
                p.Actions.Count(a => a.Status == ActionStatus.NotStarted),
                p.Actions.Count(a => a.Status == ActionStatus.Discontinued)))
            .ToListAsync();
    }
}
