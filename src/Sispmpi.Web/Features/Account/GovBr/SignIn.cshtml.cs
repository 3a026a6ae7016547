using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Sispmpi.Web.Features.Account.GovBr;

/// <summary>The "Entrar com gov.br" button's target: sends the person to gov.br (404 while gov.br is off).</summary>
[AllowAnonymous]
public sealed class SignInModel(IOptions<GovBrOptions> options, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }
        var returnUrl = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        try
        {
            // Challenged here rather than returned as a result, so that gov.br being unreachable (its discovery
            // document is read now) is a Portuguese page and not a server error.
            await HttpContext.ChallengeAsync(GovBrOptions.Scheme,
                new AuthenticationProperties { RedirectUri = $"{GovBrPaths.Complete}?returnUrl={Uri.EscapeDataString(returnUrl)}" });
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException)
        {
            logger.LogError(exception, "gov.br's OpenID Connect configuration could not be read");
            return Redirect(GovBrPaths.Refused(GovBrRefusal.Unavailable));
        }
        return new EmptyResult();
    }
}
