using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;

namespace Sispmpi.Web.Features.Account;

/// <summary>The invited person opens the link, chooses a password, and gets the profile they were invited to.</summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(SispmpiDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }
    public string? OrganizationName { get; private set; }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var invitation = Invitation!;
        db.Tenant.UseSystem($"Convite: {invitation.Email}");
        var user = new AppUser
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, FullName = invitation.FullName,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }
            return Page();
        }
        db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = invitation.OrganizationId, Profile = invitation.Profile });
        invitation.AcceptedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Conta criada. Entre com o seu e-mail e a senha escolhida.";
        return Redirect("/conta/entrar");
    }

    private async Task<bool> LoadAsync()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            return false;
        }
        var hash = Hash(Token);
        var now = clock.GetUtcNow();
        var found = await db.Invitations.IgnoreQueryFilters()
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null)
            .Select(i => new { Invitation = i, Organization = db.Organizations.IgnoreQueryFilters().Where(o => o.Id == i.OrganizationId).Select(o => o.Name).First() })
            .FirstOrDefaultAsync();
        if (found is null || found.Invitation.ExpiresAt < now)
        {
            return false;
        }
        if (await users.FindByEmailAsync(found.Invitation.Email) is not null)
        {
            return false;
        }
        Invitation = found.Invitation;
        OrganizationName = found.Organization;
        return true;
    }
}
