using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Features.Identity;

namespace Sispmpi.Web.Features.Account;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public IActionResult OnGet() =>
        string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token) ? RedirectToPage("ForgotPassword") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email);
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, "O link é inválido ou expirou. Solicite um novo.");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        TempData["Sucesso"] = "Senha redefinida. Entre com a nova senha.";
        return Redirect("/conta/entrar");
    }
}

public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Informe a nova senha.")]
    [Display(Name = "Nova senha")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Confirme a nova senha.")]
    [Compare(nameof(Password), ErrorMessage = "A confirmação não confere com a senha.")]
    [Display(Name = "Confirmação da senha")]
    public string Confirmation { get; set; } = "";
}
