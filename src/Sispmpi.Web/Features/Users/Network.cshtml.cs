using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Users;

/// <summary>
/// "Usuários centrais e auditores" (SPEC §3.5): who holds the central administrator, technical support and internal
/// control profiles across the network the central administrator oversees, one line per profile grant.
/// </summary>
[Authorize(Policy = Policies.Panel)]
public sealed class NetworkModel(SispmpiDbContext db) : PageModel
{
    public static readonly Profile[] Watched = [Profile.CentralAdministrator, Profile.TechnicalSupport, Profile.InternalControl];

    public sealed record Row(int UserId, string FullName, string? Email, bool IsActive, int OrganizationId, string Acronym, string OrganizationName, Profile Profile);

    [BindProperty(SupportsGet = true, Name = "perfil")]
    public string? ProfileFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Grants { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Profile[] profiles = Watched;
        if (!string.IsNullOrWhiteSpace(ProfileFilter))
        {
            if (!Enum.TryParse<Profile>(ProfileFilter, out var chosen) || !Watched.Contains(chosen))
            {
                ModelState.AddModelError("perfil", "Escolha um perfil da lista.");
                Grants = new Paged<Row>([], 1, PagedExtensions.DefaultPageSize, 0);
                var page = Page();
                page.StatusCode = StatusCodes.Status400BadRequest;
                return page;
            }
            profiles = [chosen];
        }
        // The tenant filter keeps the grants within the organizations the administrator oversees.
        var query = db.ProfileGrants.AsNoTracking().Where(g => profiles.Contains(g.Profile));
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            query = query.Where(g => SearchText.Fold(g.User!.FullName)!.Contains(term) || SearchText.Fold(g.User.Email)!.Contains(term)
                || SearchText.Fold(g.Organization!.Acronym)!.Contains(term) || SearchText.Fold(g.Organization.Name)!.Contains(term));
        }
        Grants = await query
            .OrderBy(g => g.Profile).ThenBy(g => g.User!.FullName).ThenBy(g => g.Id)
            .Select(g => new Row(g.UserId, g.User!.FullName, g.User.Email, g.User.IsActive, g.OrganizationId, g.Organization!.Acronym, g.Organization.Name, g.Profile))
            .ToPagedAsync(PageNumber);
        return Page();
    }
}
