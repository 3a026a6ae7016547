using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Oversight;

/// <summary>Painel da rede: each organization the central administrator oversees, with its current plan.</summary>
[Authorize(Policy = Policies.Panel)]
public sealed class PanelModel(SispmpiDbContext db, TimeProvider clock) : PageModel
{
    public sealed record OrganizationRow(int Id, string Acronym, string Name, OrganizationKind Kind, int? PlanId, string? PlanTitle,
        PlanStatus? PlanStatus, string? Edition, int? Version, int Axes, int Actions, int LateActions);

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<OrganizationRow> Organizations { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var today = clock.Today();
        var query = db.Organizations.AsNoTracking().Where(o => o.IsActive);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            query = query.Where(o => o.Name.Contains(term) || o.Acronym.Contains(term));
        }
        Organizations = await query
            .OrderBy(o => o.Name)
            .Select(o => new
            {
                Organization = o,
                Plan = db.Plans.Where(p => p.OrganizationId == o.Id && p.Status != PlanStatus.Obsolete)
                    .OrderByDescending(p => p.Status == PlanStatus.Published).ThenByDescending(p => p.Id).FirstOrDefault(),
            })
            .Select(x => new OrganizationRow(x.Organization.Id, x.Organization.Acronym, x.Organization.Name, x.Organization.Kind,
                x.Plan == null ? null : x.Plan.Id, x.Plan == null ? null : x.Plan.Title, x.Plan == null ? null : x.Plan.Status,
                x.Plan == null ? null : x.Plan.Edition, x.Plan == null ? null : x.Plan.Version,
                x.Plan == null ? 0 : x.Plan.Axes.Count(a => a.ParentId == null),
                x.Plan == null ? 0 : x.Plan.Actions.Count,
                x.Plan == null ? 0 : x.Plan.Actions.Count(a =>
                    (a.Status == ActionStatus.NotStarted && a.PlannedStart < today) ||
                    (a.Status == ActionStatus.InProgress && a.Classification == ActionClassification.OneOff && a.PlannedEnd < today))))
            .ToPagedAsync(PageNumber);
    }
}
