using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Users;

[Authorize(Policy = Policies.Users)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record Row(int Id, string FullName, string? Email, bool IsActive, IReadOnlyList<Profile> Profiles,
        string? Registration = null, string? Position = null, string? Phone = null);

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Users { get; private set; } = null!;
    public int PendingInvitations { get; private set; }

    public async Task OnGetAsync()
    {
        var organizationId = tenant.CurrentOrganizationId;
        var query = db.Users.AsNoTracking().Where(u => u.Grants.Any(g => g.OrganizationId == organizationId));
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            query = query.Where(u => SearchText.Fold(u.FullName)!.Contains(term) || SearchText.Fold(u.Email)!.Contains(term)
                || SearchText.Fold(u.Registration)!.Contains(term));
        }
        var page = await query.OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Email, u.IsActive, u.Registration, u.Position, u.PhoneNumber })
            .ToPagedAsync(PageNumber);
        var ids = page.Items.Select(u => u.Id).ToList();
        var grants = await db.ProfileGrants.AsNoTracking()
            .Where(g => g.OrganizationId == organizationId && ids.Contains(g.UserId))
            .Select(g => new { g.UserId, g.Profile })
            .ToListAsync();
        Users = new Paged<Row>(
            page.Items.Select(u => new Row(u.Id, u.FullName, u.Email, u.IsActive,
                grants.Where(g => g.UserId == u.Id).Select(g => g.Profile).Order().ToList(), u.Registration, u.Position, u.PhoneNumber)).ToList(),
            page.Page, page.PageSize, page.Total);
        PendingInvitations = await db.Invitations.CountAsync(i => i.OrganizationId == organizationId && i.AcceptedAt == null);
    }
}
