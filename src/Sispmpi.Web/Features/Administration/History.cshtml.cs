using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Administration;

/// <summary>"Histórico de alterações" (SPEC §8): the organization's history, filterable.</summary>
[Authorize(Policy = Policies.History)]
public sealed class HistoryModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    /// <summary>A central administrator may read the history of any organization in the network.</summary>
    [BindProperty(SupportsGet = true, Name = "organizacao")]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "entidade")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "registro")]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "usuario")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "de")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "ate")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<AuditEntry> Entries { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> EntityTypes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (From is { } from && To is { } to && from > to)
        {
            ModelState.AddModelError("de", "A data inicial deve ser anterior à data final.");
        }
        OrganizationId ??= tenant.CurrentOrganizationId;
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Acronym + " — " + o.Name, o.Id.ToString())).ToListAsync();
        // The tenant filter still applies: an organization outside the user's network shows nothing.
        var query = db.AuditEntries.AsNoTracking().Where(e => e.OrganizationId == OrganizationId);
        EntityTypes = (await query.Select(e => e.EntityType).Distinct().ToListAsync())
            .Select(t => new SelectListItem(Labels.Entity(t), t)).OrderBy(i => i.Text).ToList();
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(e => e.EntityType == EntityType);
        }
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            query = query.Where(e => e.EntityId == EntityId.Trim());
        }
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            query = query.Where(e => e.UserName.Contains(UserName.Trim()));
        }
        if (From is { } start)
        {
            var startAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), BrazilTime.Zone.GetUtcOffset(start.ToDateTime(TimeOnly.MinValue)));
            query = query.Where(e => e.OccurredAt >= startAt);
        }
        if (To is { } end)
        {
            var endAt = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), BrazilTime.Zone.GetUtcOffset(end.ToDateTime(TimeOnly.MinValue)));
            query = query.Where(e => e.OccurredAt < endAt);
        }
        Entries = await query.OrderByDescending(e => e.Id).ToPagedAsync(PageNumber, 50);
        return Page();
    }
}
