using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution;

/// <summary>Módulo Execução: the actions of the organization's published plans, searchable and filterable.</summary>
[Authorize(Policy = Policies.Execution)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record ActionRow(int Id, string Number, string Title, string PlanTitle, string? Unit, DateOnly? PlannedEnd, ActionStatus Status);

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "situacao")]
    public ActionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<ActionRow> Actions { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var query = db.PlanActions.AsNoTracking()
            .Where(a => a.OrganizationId == tenant.CurrentOrganizationId && a.Plan!.Status == PlanStatus.Published);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            query = query.Where(a => a.Title.Contains(term) || a.Number.StartsWith(term));
        }
        if (Status is not null)
        {
            query = query.Where(a => a.Status == Status);
        }
        Actions = await query
            .OrderBy(a => a.PlanId).ThenBy(a => a.Axis!.Number).ThenBy(a => a.Position)
            .Select(a => new ActionRow(a.Id, a.Number, a.Title, a.Plan!.Title, a.ExecutingUnit!.Acronym, a.PlannedEnd, a.Status))
            .ToPagedAsync(PageNumber);
    }
}
