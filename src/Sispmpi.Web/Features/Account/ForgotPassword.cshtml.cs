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
public sealed class ForgotPasswordModel(UserManager<AppUser> users, IMailSender mail, IOptions<MailOptions> mailOptions) : PageModel
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
            await mail.SendAsync(new MailMessage(user.Email!, "SisPMPI: redefinição de senha",
                $"""
                Olá, {user.FullName}.

                Recebemos um pedido para redefinir a sua senha no SisPMPI. Para escolher uma nova senha, acesse o link abaixo (válido por 24 horas):

                {link}

                Se você não fez este pedido, ignore esta mensagem: a sua senha atual continua valendo.
                """));
        }
        // The same answer whether or not the address exists, so the page does not reveal who has an account.
        Sent = true;
        return Page();
    }
}
