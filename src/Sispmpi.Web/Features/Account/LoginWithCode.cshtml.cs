using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;

namespace Sispmpi.Web.Features.Account;

/// <summary>
/// The second step of signing in for a user with the second factor: the login page checked the password and left
/// Identity's short-lived two-factor cookie; here the authenticator code (or a recovery code) completes the sign-in.
/// Wrong codes count toward the lockout, as wrong passwords do.
/// </summary>
[AllowAnonymous]
public sealed class LoginWithCodeModel(SignInManager<AppUser> signIn, SispmpiDbContext db) : PageModel
{
    public const string LockedOutMessage = "Conta bloqueada temporariamente após tentativas malsucedidas. Tente de novo mais tarde.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Code { get; set; }

    public string? RecoveryCode { get; set; }

    /// <summary>Whether the recovery-code form is the one to show open (after it was used).</summary>
    public bool UsingRecoveryCode { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Expired() : Page();

    public async Task<IActionResult> OnPostAsync([FromForm] string? code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Expired();
        }
        var normalized = TwoFactorModel.NormalizeCode(code);
        if (normalized.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Informe o código de 6 dígitos que o aplicativo mostra.");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(normalized, isPersistent: false, rememberClient: false);
        return await ConcludeAsync(user, result, nameof(Code),
            "Código inválido. Confira se o horário do celular está certo e digite o código que o aplicativo mostra agora.");
    }

    public async Task<IActionResult> OnPostRecoveryAsync([FromForm] string? recoveryCode)
    {
        UsingRecoveryCode = true;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Expired();
        }
        var normalized = TwoFactorModel.NormalizeCode(recoveryCode).ToUpperInvariant();
        if (normalized.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Informe um dos códigos de recuperação que você guardou.");
            return Page();
        }
        // Identity writes its recovery codes as two groups of five joined by a hyphen.
        if (normalized.Length == 10)
        {
            normalized = $"{normalized[..5]}-{normalized[5..]}";
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(normalized);
        return await ConcludeAsync(user, result, nameof(RecoveryCode), "Código de recuperação inválido ou já usado. Cada código vale uma única vez.");
    }

    private async Task<IActionResult> ConcludeAsync(AppUser user, Microsoft.AspNetCore.Identity.SignInResult result, string field, string wrong)
    {
        if (result.Succeeded)
        {
            // Identity signed in already; the cookie is issued again with the organization the login page would choose.
            var claims = await AccountSession.OrganizationClaimsAsync(db, user.Id);
            claims.Add(new Claim(AccountSession.MfaClaim, "mfa"));
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut || await signIn.UserManager.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(string.Empty, LockedOutMessage);
        }
        else
        {
            ModelState.AddModelError(field, wrong);
        }
        return Page();
    }

    private RedirectResult Expired()
    {
        TempData["Erro"] = "A verificação do segundo fator expirou ou não foi iniciada. Entre de novo, com e-mail e senha ou pelo gov.br.";
        return Redirect("/conta/entrar");
    }
}
