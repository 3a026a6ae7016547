using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Account;

/// <summary>
/// The second factor (an authenticator app's six-digit code), on Identity's own authenticator machinery: the shared
/// key, the codes' check, the recovery codes and the lockout are all Identity's.
/// </summary>
[Authorize(Policy = Policies.Account)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TenantContext tenant, IConfiguration configuration)
    : PageModel
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "SisPMPI";

    /// <summary>Bound by hand per handler: each form posts only its own field.</summary>
    public string? Code { get; set; }

    public string? Password { get; set; }

    public string? NewCodesPassword { get; set; }

    public bool IsEnabled { get; private set; }

    /// <summary>The shared key in groups of four, for typing into an app that cannot read the QR code.</summary>
    public string? SharedKey { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown in the answer that creates them only: Identity keeps them, this page never shows them again.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    /// <summary>Whether the installation requires the second factor of this user (central profiles).</summary>
    public bool IsRequired => TwoFactorRequirement.Applies(configuration, tenant);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync([FromForm] string? code)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        Code = code;
        var normalized = NormalizeCode(code);
        if (normalized.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Informe o código de 6 dígitos que o aplicativo mostra.");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized))
        {
            ModelState.AddModelError(nameof(Code),
                "Código inválido. Confira se o horário do celular está certo e digite o código que o aplicativo mostra agora.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await AccountSession.RefreshAsync(signIn, user, User);
        Code = null;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync([FromForm] string? password)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        if (!await CheckPasswordAsync(user, password, nameof(Password), "O segundo fator continua ativado."))
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the codes the app still shows stop working, and enabling again starts from a fresh QR code.
        await users.ResetAuthenticatorKeyAsync(user);
        await AccountSession.RefreshAsync(signIn, user, User, keepSecondFactor: false);
        TempData["Sucesso"] = "Segundo fator desativado. A partir de agora, a entrada pede somente e-mail e senha.";
        return RedirectToPage("/Account/Index");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync([FromForm] string? newCodesPassword)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        if (!await CheckPasswordAsync(user, newCodesPassword, nameof(NewCodesPassword), "Os códigos de recuperação não foram alterados."))
        {
            await LoadAsync(user);
            return Page();
        }
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await LoadAsync(user);
        return Page();
    }

    private async Task<bool> CheckPasswordAsync(AppUser user, string? password, string field, string unchanged)
    {
        if (string.IsNullOrEmpty(password))
        {
            ModelState.AddModelError(field, $"Informe a sua senha para confirmar. {unchanged}");
            return false;
        }
        // Wrong passwords here count toward the lockout, as on the login page.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(field, $"Conta bloqueada temporariamente após tentativas malsucedidas. {unchanged}");
            return false;
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(field, $"Senha incorreta. {unchanged}");
            return false;
        }
        return true;
    }

    private async Task LoadAsync(AppUser user)
    {
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The new key changed the security stamp: without a fresh cookie the session would end at the next check.
            await AccountSession.RefreshAsync(signIn, user, User);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = Group(key);
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    public static string NormalizeCode(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
