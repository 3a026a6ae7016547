using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, SispmpiDbContext db) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Informe o e-mail.")]
        [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Informe a senha.")]
        [Display(Name = "Senha")]
        public string Password { get; set; } = "";
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null || !user.IsActive)
        {
            ModelState.AddModelError(string.Empty, "E-mail ou senha incorretos.");
            return Page();
        }
        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty,
                "Conta bloqueada temporariamente após tentativas malsucedidas. Tente de novo mais tarde ou redefina a senha.");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "E-mail ou senha incorretos.");
            return Page();
        }
        if (await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            // Identity's own password sign-in leaves its two-factor cookie for the code page (LoginWithCode).
            var pending = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
            if (pending.RequiresTwoFactor)
            {
                return RedirectToPage("/Account/LoginWithCode", new { ReturnUrl = SafeReturnUrl });
            }
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, await AccountSession.OrganizationClaimsAsync(db, user.Id));
        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
