using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Account;

/// <summary>The claims SisPMPI adds to Identity's cookie, kept when a sign-in is completed or refreshed.</summary>
public static class AccountSession
{
    /// <summary>Identity's claim for a sign-in completed with a second factor.</summary>
    public const string MfaClaim = "amr";

    /// <summary>The organization a fresh sign-in starts in: where the user is central administrator, else his first grant (as the login page does).</summary>
    public static async Task<List<Claim>> OrganizationClaimsAsync(SispmpiDbContext db, int userId)
    {
        var firstOrganization = await db.ProfileGrants.IgnoreQueryFilters()
            .Where(g => g.UserId == userId && g.Organization!.IsActive)
            .OrderBy(g => g.Profile == Core.Identity.Profile.CentralAdministrator ? 0 : 1).ThenBy(g => g.Id)
            .Select(g => (int?)g.OrganizationId)
            .FirstOrDefaultAsync();
        return firstOrganization is null ? [] : [new Claim(TenantMiddleware.OrganizationClaim, firstOrganization.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// Issues the cookie again after the security stamp changed (authenticator key, second factor on or off), keeping
    /// the chosen organization: Identity's own RefreshSignInAsync would drop it.
    /// </summary>
    /// <param name="keepSecondFactor">false when the second factor was just turned off: the session no longer counts as one
    /// completed with it (<see cref="TwoFactorRequirement"/> trusts that claim).</param>
    public static Task RefreshAsync(SignInManager<AppUser> signIn, AppUser user, ClaimsPrincipal current, bool keepSecondFactor = true) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false,
            current.Claims.Where(c => c.Type == TenantMiddleware.OrganizationClaim || (keepSecondFactor && c.Type == MfaClaim))
                .Select(c => new Claim(c.Type, c.Value)).ToList());
}
