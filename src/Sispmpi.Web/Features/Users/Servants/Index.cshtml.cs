using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Users.Servants;

/// <summary>The body's servants registered without an account, searched by name, MASP or cargo.</summary>
[Authorize(Policy = Policies.Users)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record Row(int Id, string Name, string? Registration, string? Position, string? Unit, string? LinkedTo, int Actions);

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Servants { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var organizationId = tenant.CurrentOrganizationId;
        var query = db.Servants.AsNoTracking().Where(s => s.OrganizationId == organizationId);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            query = query.Where(s => SearchText.Fold(s.Name)!.Contains(term) || SearchText.Fold(s.Registration)!.Contains(term)
                || SearchText.Fold(s.Position)!.Contains(term));
        }
        Servants = await query.OrderBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.Registration, s.Position, s.Unit!.Name, s.LinkedUser!.FullName,
                db.PlanActions.Count(a => a.ResponsibleServantId == s.Id) + db.ActionServants.Count(p => p.ServantId == s.Id)))
            .ToPagedAsync(PageNumber);
    }
}
