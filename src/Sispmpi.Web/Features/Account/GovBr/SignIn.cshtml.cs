using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Sispmpi.Web.Features.Account.GovBr;

/// <summary>The "Entrar com gov.br" button's target: sends the person to gov.br (404 while gov.br is off).</summary>
[AllowAnonymous]
public sealed class SignInModel(IOptions<GovBrOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }
        var returnUrl = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return Challenge(new AuthenticationProperties { RedirectUri = $"{GovBrPaths.Complete}?returnUrl={Uri.EscapeDataString(returnUrl)}" },
            GovBrOptions.Scheme);
    }
}
