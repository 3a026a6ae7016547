using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Users;

/// <summary>
/// Invites a person to the current organization with a profile. An existing account simply receives the new
/// profile; otherwise an invitation link is e-mailed and the person chooses their own password.
/// </summary>
[Authorize(Policy = Policies.Users)]
public sealed class InviteModel(SispmpiDbContext db, TenantContext tenant, UserManager<AppUser> users, Notifications.Notifier notifier,
    IOptions<MailOptions> mailOptions, TimeProvider clock) : PageModel
{
    public static readonly TimeSpan Validity = UserAdministration.InvitationValidity;

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> ProfileOptions { get; private set; } = [];

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Informe o nome completo.")]
        [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Informe o e-mail.")]
        [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
        [StringLength(256, ErrorMessage = "O e-mail deve ter até 256 caracteres.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Escolha o perfil.")]
        public Profile? Profile { get; set; }
    }

    public void OnGet() => ProfileOptions = Options();

    public async Task<IActionResult> OnPostAsync()
    {
        ProfileOptions = Options();
        if (Input.Profile is { } chosen && !UserAdministration.GrantableProfiles(tenant).Contains(chosen))
        {
            ModelState.AddModelError("Input.Profile", "Você não pode conceder este perfil.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var organizationId = tenant.CurrentOrganizationId!.Value;
        var profile = Input.Profile!.Value;
        var email = Input.Email.Trim().ToLowerInvariant();
        var baseUrl = mailOptions.Value.PublicBaseUrl.TrimEnd('/');

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (await db.ProfileGrants.AnyAsync(g => g.UserId == existing.Id && g.OrganizationId == organizationId && g.Profile == profile))
            {
                ModelState.AddModelError("Input.Email", $"{existing.FullName} já tem o perfil {Labels.Of(profile)} nesta organização.");
                return Page();
            }
            db.ProfileGrants.Add(new ProfileGrant { UserId = existing.Id, OrganizationId = organizationId, Profile = profile });
            await notifier.NotifyAsync(organizationId, [existing.Id],
                Notifications.Notices.ProfileGranted(tenant.CurrentOrganizationName ?? "", profile, tenant.UserName));
            await db.SaveChangesAsync();
            TempData["Sucesso"] = $"{existing.FullName} já tinha conta e recebeu o perfil {Labels.Of(profile)}.";
            return Redirect($"/usuarios/{existing.Id}");
        }

        UserAdministration.AddInvitation(db, notifier, clock.GetUtcNow(), baseUrl, organizationId, tenant.CurrentOrganizationName ?? "",
            Input.FullName.Trim(), email, profile, tenant.UserId, tenant.UserName);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Convite enviado para {email}. O link vale por {Validity.Days} dias.";
        return Redirect("/usuarios");
    }

    private IReadOnlyList<SelectListItem> Options() =>
        UserAdministration.GrantableProfiles(tenant).Select(p => new SelectListItem(Labels.Of(p), p.ToString())).ToList();
}
