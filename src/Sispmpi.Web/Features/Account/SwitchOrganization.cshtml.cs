using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Authorization;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Account;

/// <summary>The header's organization switcher: only organizations where the user holds a profile.</summary>
[Authorize(Policy = Policies.Account)]
public sealed class SwitchOrganizationModel(SignInManager<AppUser> signIn, TenantContext tenant) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(int organizationId)
    {
        var grant = tenant.Grants.FirstOrDefault(g => g.OrganizationId == organizationId);
        if (grant is null)
        {
            TempData["Erro"] = "Você não possui perfil na organização escolhida.";
            return Redirect("/");
        }
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TenantMiddleware.OrganizationClaim, organizationId.ToString())]);
        TempData["Sucesso"] = $"Organização atual: {grant.OrganizationName}.";
        return Redirect("/");
    }
}
