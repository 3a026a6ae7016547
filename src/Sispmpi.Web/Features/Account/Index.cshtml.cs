using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Account;

[Authorize(Policy = Policies.Account)]
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SispmpiDbContext db) : PageModel
{
    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public AppUser? Account { get; private set; }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Informe o nome completo.")]
        [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
        public string FullName { get; set; } = "";

        [StringLength(200, ErrorMessage = "O cargo deve ter até 200 caracteres.")]
        public string? Position { get; set; }
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Informe a senha atual.")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Informe a nova senha.")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Confirme a nova senha.")]
        [Compare(nameof(New), ErrorMessage = "A confirmação não confere com a nova senha.")]
        public string Confirmation { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }
        Profile = new ProfileInput { FullName = Account.FullName, Position = Account.Position };
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }
        ClearOther(nameof(Password));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Account.FullName = Profile.FullName.Trim();
        Account.Position = string.IsNullOrWhiteSpace(Profile.Position) ? null : Profile.Position.Trim();
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Dados atualizados.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }
        ClearOther(nameof(Profile));
        Profile = new ProfileInput { FullName = Account.FullName, Position = Account.Position };
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(Account, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.Current" : "Password.New", error.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(Account);
        TempData["Sucesso"] = "Senha alterada.";
        return RedirectToPage();
    }

    private void ClearOther(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }
}
