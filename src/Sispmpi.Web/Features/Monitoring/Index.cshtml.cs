using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring;

/// <summary>Módulo Monitoramento: the organization's published plans, each leading to its dashboard; the committee's meetings.</summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record PlanFigures(int Id, string Title, string Edition, int Version, int NotStarted, int InProgress, int Concluded, int Discontinued,
        int Unanswered)
    {
        public int Total => NotStarted + InProgress + Concluded + Discontinued;
    }

    public IReadOnlyList<PlanFigures> Plans { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Plans = await db.Plans.AsNoTracking()
            .Where(p => p.OrganizationId == tenant.CurrentOrganizationId && p.Status == PlanStatus.Published)
            .OrderBy(p => p.Title)
            .Select(p => new PlanFigures(p.Id, p.Title, p.Edition, p.Version,
                p.Actions.Count(a => a.Status == ActionStatus.NotStarted),
                p.Actions.Count(a => a.Status == ActionStatus.InProgress),
                p.Actions.Count(a => a.Status == ActionStatus.Concluded),
                p.Actions.Count(a => a.Status == ActionStatus.Discontinued),
                db.Recommendations.Count(r => r.PlanId == p.Id && r.AnsweredAt == null)))
            .ToListAsync();
    }
}
