using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Units;

[Authorize(Policy = Policies.Units)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record Row(AdministrativeUnit Unit, int Depth);

    [BindProperty(SupportsGet = true, Name = "organizacao")]
    public int? OrganizationId { get; set; }

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Row> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var organizationId = OrganizationId ?? tenant.CurrentOrganizationId;
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId);
        if (organization is null)
        {
            return NotFound();
        }
        Organization = organization;
        var units = await db.AdministrativeUnits.AsNoTracking().Where(u => u.OrganizationId == organization.Id).OrderBy(u => u.Name).ToListAsync();
        var rows = new List<Row>();
        void Add(int? parentId, int depth)
        {
            foreach (var unit in units.Where(u => u.ParentId == parentId))
            {
                rows.Add(new Row(unit, depth));
                Add(unit.Id, depth + 1);
            }
        }
        Add(null, 0);
        Units = rows;
        return Page();
    }
}
