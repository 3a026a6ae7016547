using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Account;

[Authorize(Policy = Policies.Account)]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Sucesso"] = "Você saiu do sistema.";
        return Redirect("/conta/entrar");
    }
}
