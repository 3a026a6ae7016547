using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation;

/// <summary>Módulo Elaboração: the organization's plans, every edition and version.</summary>
[Authorize(Policy = Policies.Formulation)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record PlanRow(int Id, string Title, string Edition, int Version, PlanStatus Status, int Axes, int Actions,
        DateTimeOffset? PublishedAt, decimal Budget);

    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Plans = await db.Plans.AsNoTracking()
            .Where(p => p.OrganizationId == tenant.CurrentOrganizationId)
            .OrderByDescending(p => p.Edition).ThenByDescending(p => p.Version)
            .Select(p => new PlanRow(p.Id, p.Title, p.Edition, p.Version, p.Status, p.Axes.Count(a => a.ParentId == null),
                p.Actions.Count, p.PublishedAt, p.Actions.Sum(a => a.PlannedBudget ?? 0)))
            .ToListAsync();
    }
}
