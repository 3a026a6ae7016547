using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Organizations;

[Authorize(Policy = Policies.Organizations)]
public sealed class EditModel(SispmpiDbContext db, IMemoryCache cache) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    [BindProperty]
    [Required(ErrorMessage = "Informe a justificativa da alteração.")]
    [StringLength(1000, MinimumLength = 10, ErrorMessage = "A justificativa deve ter entre 10 e 1000 caracteres.")]
    public string Justification { get; set; } = "";

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int orgId)
    {
        if (await db.Organizations.FindAsync(orgId) is not { } organization)
        {
            return NotFound();
        }
        Organization = organization;
        Input = OrganizationInput.From(organization);
        Parents = await OrganizationFormView.ParentsAsync(db, orgId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int orgId)
    {
        if (await db.Organizations.FirstOrDefaultAsync(o => o.Id == orgId) is not { } organization)
        {
            return NotFound();
        }
        Organization = organization;
        await Input.ValidateAsync(db, ModelState, nameof(Input), orgId, requireParent: organization.ParentId is not null);
        if (!ModelState.IsValid)
        {
            Parents = await OrganizationFormView.ParentsAsync(db, orgId);
            return Page();
        }
        Input.ApplyTo(organization);
        await db.SaveChangesAsync(Justification.Trim());
        OrganizationNetwork.Invalidate(cache);
        TempData["Sucesso"] = "Alterações salvas.";
        return Redirect($"/organizacoes/{orgId}");
    }
}
