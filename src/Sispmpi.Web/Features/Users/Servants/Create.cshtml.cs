using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Users.Servants;

[Authorize(Policy = Policies.Users)]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    [BindProperty]
    public ServantInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public async Task OnGetAsync() => Units = await ServantInput.UnitsAsync(db, tenant.CurrentOrganizationId!.Value, null);

    public async Task<IActionResult> OnPostAsync()
    {
        var organizationId = tenant.CurrentOrganizationId!.Value;
        Units = await ServantInput.UnitsAsync(db, organizationId, null);
        await Input.ValidateAsync(db, ModelState, organizationId, null);
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        var servant = new Servant { OrganizationId = organizationId, Name = "" };
        Input.ApplyTo(servant);
        db.Servants.Add(servant);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Servidor {servant.Name} cadastrado.";
        return Redirect("/usuarios/servidores");
    }
}
