using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Users;

/// <summary>A user's profiles in the current organization: grant, revoke (with confirmation and justification).</summary>
[Authorize(Policy = Policies.Users)]
public sealed class DetailsModel(SispmpiDbContext db, TenantContext tenant, Notifications.Notifier notifier) : PageModel
{
    public AppUser Person { get; private set; } = null!;
    public IReadOnlyList<ProfileGrant> Grants { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ProfileOptions { get; private set; } = [];

    [BindProperty]
    public Profile? NewProfile { get; set; }

    [BindProperty]
    public FunctionalDataInput Data { get; set; } = new();

    /// <summary>Why the profile is granted: kept in the history with the grant (SPEC §3.5).</summary>
    [BindProperty]
    public string? GrantJustification { get; set; }

    public async Task<IActionResult> OnGetAsync(int userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }
        Data = FunctionalDataInput.From(Person);
        return Page();
    }

    /// <summary>MASP/registration, cargo and phone: optional, kept in the history like any change of the account.</summary>
    public async Task<IActionResult> OnPostDataAsync(int userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(nameof(Data) + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        var user = await db.Users.FirstAsync(u => u.Id == userId);
        FunctionalData.Apply(user, Data.Position, Data.Registration, Data.Phone);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Dados funcionais atualizados.";
        return Redirect($"/usuarios/{userId}");
    }

    public async Task<IActionResult> OnPostGrantAsync(int userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }
        Data = FunctionalDataInput.From(Person);
        if (NewProfile is not { } profile || !UserAdministration.GrantableProfiles(tenant).Contains(profile))
        {
            ModelState.AddModelError(nameof(NewProfile), "Escolha um perfil que você pode conceder.");
        }
        else if (Grants.Any(g => g.Profile == profile))
        {
            ModelState.AddModelError(nameof(NewProfile), "O usuário já tem este perfil nesta organização.");
        }
        if (string.IsNullOrWhiteSpace(GrantJustification) || GrantJustification.Trim().Length < 10)
        {
            ModelState.AddModelError(nameof(GrantJustification), "Informe a justificativa (pelo menos 10 caracteres) para conceder o perfil.");
        }
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        db.ProfileGrants.Add(new ProfileGrant { UserId = userId, OrganizationId = tenant.CurrentOrganizationId!.Value, Profile = NewProfile!.Value });
        await notifier.NotifyAsync(tenant.CurrentOrganizationId, [userId],
            Notifications.Notices.ProfileGranted(tenant.CurrentOrganizationName ?? "", NewProfile.Value, tenant.UserName));
        await db.SaveChangesAsync(GrantJustification!.Trim());
        var profileGranted = NewProfile.Value;
        TempData["Sucesso"] = $"Perfil {Labels.Of(profileGranted)} concedido.";
        return Redirect($"/usuarios/{userId}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int userId, int grantId, string? justification)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }
        var grant = Grants.FirstOrDefault(g => g.Id == grantId);
        if (grant is null)
        {
            return NotFound();
        }
        if (!UserAdministration.GrantableProfiles(tenant).Contains(grant.Profile))
        {
            TempData["Erro"] = "Você não pode retirar este perfil.";
            return Redirect($"/usuarios/{userId}");
        }
        if (userId == tenant.UserId && grant.Profile is Profile.CentralAdministrator or Profile.InternalControl)
        {
            TempData["Erro"] = "Você não pode retirar o seu próprio perfil de administração.";
            return Redirect($"/usuarios/{userId}");
        }
        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < 10)
        {
            TempData["Erro"] = "Informe a justificativa (pelo menos 10 caracteres) para retirar o perfil.";
            return Redirect($"/usuarios/{userId}");
        }
        db.ProfileGrants.Remove(db.ProfileGrants.Attach(grant).Entity);
        await notifier.NotifyAsync(tenant.CurrentOrganizationId, [userId],
            Notifications.Notices.ProfileRevoked(tenant.CurrentOrganizationName ?? "", grant.Profile, tenant.UserName));
        await db.SaveChangesAsync(justification.Trim());
        TempData["Sucesso"] = $"Perfil {Labels.Of(grant.Profile)} retirado.";
        return Redirect($"/usuarios/{userId}");
    }

    private async Task<bool> LoadAsync(int userId)
    {
        var organizationId = tenant.CurrentOrganizationId;
        // Only people with a profile in the current organization are visible here.
        var person = await db.Users.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == userId && u.Grants.Any(g => g.OrganizationId == organizationId));
        if (person is null)
        {
            return false;
        }
        Person = person;
        Grants = await db.ProfileGrants.AsNoTracking().Where(g => g.UserId == userId && g.OrganizationId == organizationId)
            .OrderBy(g => g.Profile).ToListAsync();
        ProfileOptions = UserAdministration.GrantableProfiles(tenant).Except(Grants.Select(g => g.Profile))
            .Select(p => new SelectListItem(Labels.Of(p), p.ToString())).ToList();
        return true;
    }
}
