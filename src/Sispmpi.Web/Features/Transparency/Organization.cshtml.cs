using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sispmpi.Web.Features.Transparency;

/// <summary>An organization in the transparency portal: its published plans with their progress.</summary>
[AllowAnonymous]
[PublicCache]
public sealed class OrganizationModel(PublicData data) : PageModel
{
    public PublicOrganization Organization { get; private set; } = null!;
    public IReadOnlyList<PublicPlan> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int orgId)
    {
        if (await data.OrganizationAsync(orgId, HttpContext.RequestAborted) is not { } organization)
        {
            return NotFound();
        }
        Organization = organization;
        Plans = await data.PlansAsync(orgId, HttpContext.RequestAborted);
        return Page();
    }
}
