using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Web;
using CpfNumber = Sispmpi.Core.People.Cpf;

namespace Sispmpi.Web.Features.Account.GovBr;

/// <summary>Minha conta: a signed-in person without a CPF links one, so that gov.br can sign them in.</summary>
[Authorize(Policy = Policies.Account)]
public sealed class LinkCpfModel(UserManager<AppUser> users, SispmpiDbContext db) : PageModel
{
    public const string TakenMessage = "Este CPF já está vinculado a outra conta do SisPMPI. Cada CPF pertence a uma única conta: procure o administrador central do sistema.";

    [BindProperty]
    public string? Cpf { get; set; }

    /// <summary>The CPF already linked, masked; null while none is.</summary>
    public string? LinkedCpf { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }
        LinkedCpf = Masked(account.Cpf);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }
        if (account.Cpf is not null)
        {
            LinkedCpf = Masked(account.Cpf);
            ModelState.AddModelError(string.Empty, "A sua conta já tem um CPF vinculado.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        ModelState.Clear();
        if (CpfNumber.Validate(Cpf) is { } error)
        {
            ModelState.AddModelError(nameof(Cpf), CpfNumber.PortugueseMessage(error));
            return Page();
        }
        var cpf = CpfNumber.Parse(Cpf!).Value;
        if (await users.Users.AnyAsync(u => u.Cpf == cpf))
        {
            ModelState.AddModelError(nameof(Cpf), TakenMessage);
            return Page();
        }
        account.Cpf = cpf;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another account took the same CPF between the check and the save: the unique index said no.
            ModelState.AddModelError(nameof(Cpf), TakenMessage);
            return Page();
        }
        TempData["Sucesso"] = $"CPF {Masked(cpf)} vinculado: você já pode entrar com gov.br.";
        return Redirect("/conta");
    }

    private static string? Masked(string? cpf) => cpf is null ? null : CpfNumber.TryParse(cpf, out var parsed) ? parsed.Formatted : cpf;
}
