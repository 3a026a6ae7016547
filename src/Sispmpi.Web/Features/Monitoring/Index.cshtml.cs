using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring;

/// <summary>Módulo Monitoramento: status distribution of each published plan and the actions running late.</summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public sealed record PlanFigures(int Id, string Title, int NotStarted, int InProgress, int Concluded, int Discontinued)
    {
        public int Total => NotStarted + InProgress + Concluded + Discontinued;
    }

    public sealed record LateAction(int Id, string Number, string Title, string Reason, DateOnly? Date);

    public IReadOnlyList<PlanFigures> Plans { get; private set; } = [];
    public IReadOnlyList<LateAction> Late { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = clock.Today();
        var published = db.PlanActions.AsNoTracking()
            .Where(a => a.OrganizationId == tenant.CurrentOrganizationId && a.Plan!.Status == PlanStatus.Published);
        Plans = await db.Plans.AsNoTracking()
            .Where(p => p.OrganizationId == tenant.CurrentOrganizationId && p.Status == PlanStatus.Published)
            .Select(p => new PlanFigures(p.Id, p.Title,
                p.Actions.Count(a => a.Status == ActionStatus.NotStarted),
                p.Actions.Count(a => a.Status == ActionStatus.InProgress),
                p.Actions.Count(a => a.Status == ActionStatus.Concluded),
                p.Actions.Count(a => a.Status == ActionStatus.Discontinued)))
            .ToListAsync();
        var lateToStart = await published
            .Where(a => a.Status == ActionStatus.NotStarted && a.PlannedStart < today)
            .Select(a => new LateAction(a.Id, a.Number, a.Title, "Atraso no início", a.PlannedStart))
            .ToListAsync();
        var lateToConclude = await published
            .Where(a => a.Status == ActionStatus.InProgress && a.Classification == ActionClassification.OneOff && a.PlannedEnd < today)
            .Select(a => new LateAction(a.Id, a.Number, a.Title, "Atraso na conclusão", a.PlannedEnd))
            .ToListAsync();
        Late = [.. lateToStart.Concat(lateToConclude).OrderBy(a => a.Date)];
    }
}
