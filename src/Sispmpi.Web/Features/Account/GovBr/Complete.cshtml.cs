using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sispmpi.Web.Features.Account.GovBr;

/// <summary>
/// Where the OpenID Connect handler lands once gov.br's answer checked out: the external cookie holds gov.br's
/// claims for this one step and is removed whatever the outcome.
/// </summary>
[AllowAnonymous]
public sealed class CompleteModel(GovBrSignIn govBr) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded)
        {
            return Redirect(User.Identity?.IsAuthenticated == true ? "/" : "/conta/entrar");
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var outcome = await govBr.SignInAsync(external.Principal);
        if (outcome.Refusal is { } refusal)
        {
            return Redirect(GovBrPaths.Refused(refusal, outcome.Level));
        }
        var returnUrl = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return outcome.RequiresTwoFactor
            ? RedirectToPage("/Account/LoginWithCode", new { ReturnUrl = returnUrl })
            : LocalRedirect(returnUrl);
    }
}
