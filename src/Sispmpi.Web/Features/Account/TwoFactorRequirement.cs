using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Account;

/// <summary>
/// With <c>Identity:RequireTwoFactorForCentralProfiles</c> on, a signed-in central administrator or technical
/// support user without the second factor is sent to set it up before reaching any other page.
/// </summary>
public sealed class TwoFactorRequirement(RequestDelegate next, IConfiguration configuration)
{
    public const string Setting = "Identity:RequireTwoFactorForCentralProfiles";
    public const string SetUpPath = "/conta/segundo-fator";

    /// <summary>Profiles that see or administer the whole network: a stolen password costs the most there.</summary>
    public static readonly IReadOnlySet<Profile> Profiles = new HashSet<Profile> { Profile.CentralAdministrator, Profile.TechnicalSupport };

    // Static files are served before authentication and never reach here.
    private static readonly PathString[] _open = [SetUpPath, "/conta/sair", "/erro", "/health"];

    private readonly bool _enabled = configuration.GetValue(Setting, false);

    public static bool Applies(IConfiguration configuration, TenantContext tenant) =>
        configuration.GetValue(Setting, false) && tenant.Grants.Any(g => Profiles.Contains(g.Profile));

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, SispmpiDbContext db)
    {
        if (_enabled && tenant.UserId is int userId
            && !context.User.HasClaim(c => c.Type == TenantMiddleware.TokenClaim)
            && tenant.Grants.Any(g => Profiles.Contains(g.Profile))
            && !_open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            // A session completed with the second factor proves it was on; turning it off re-issues the cookie without that claim.
            && !context.User.HasClaim(AccountSession.MfaClaim, "mfa")
            && !await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, context.RequestAborted))
        {
            context.Response.Redirect(SetUpPath);
            return;
        }
        await next(context);
    }
}
