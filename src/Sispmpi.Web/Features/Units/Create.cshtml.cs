using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Units;

[Authorize(Policy = Policies.Units)]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "organizacao")]
    public int? OrganizationId { get; set; }

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        await Input.ValidateAsync(db, ModelState, Organization.Id, null);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var unit = new AdministrativeUnit { OrganizationId = Organization.Id, Name = "" };
        Input.ApplyTo(unit);
        db.AdministrativeUnits.Add(unit);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Unidade {unit.Name} cadastrada.";
        return Redirect($"/unidades?organizacao={Organization.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var organizationId = OrganizationId ?? tenant.CurrentOrganizationId;
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId);
        if (organization is null)
        {
            return false;
        }
        Organization = organization;
        Parents = await UnitInput.ParentsAsync(db, organization.Id, null);
        return true;
    }
}
