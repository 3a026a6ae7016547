using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Email;

namespace Sispmpi.Web.Features.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, Data.SispmpiDbContext db, Notifications.Notifier notifier,
    IOptions<MailOptions> mailOptions) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Informe o e-mail.")]
    [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { IsActive: true })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{mailOptions.Value.PublicBaseUrl.TrimEnd('/')}/conta/redefinir-senha?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
            notifier.Email(user.Email!, user.FullName, Notifications.Notices.PasswordReset(link), userId: user.Id);
            await db.SaveChangesAsync();
        }
        // The same answer whether or not the address exists, so the page does not reveal who has an account.
        Sent = true;
        return Page();
    }
}
