using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Organizations;

[Authorize(Policy = Policies.Organizations)]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant, IMemoryCache cache) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // New bodies join the administrator's own network unless another parent is chosen.
        Input.ParentId = tenant.CurrentOrganizationId;
        Parents = await OrganizationFormView.ParentsAsync(db, null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Input.ValidateAsync(db, ModelState, nameof(Input), null, requireParent: true);
        if (!ModelState.IsValid)
        {
            Parents = await OrganizationFormView.ParentsAsync(db, null);
            return Page();
        }
        var organization = new Organization { Name = "", Acronym = "", Cnpj = "" };
        Input.ApplyTo(organization);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        OrganizationNetwork.Invalidate(cache);
        TempData["Sucesso"] = $"{organization.Name} cadastrado.";
        return Redirect($"/organizacoes/{organization.Id}");
    }
}
