using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Infrastructure.Tenancy;

/// <summary>
/// Fills the request's <see cref="TenantContext"/> from the signed-in user's grants, read fresh on every request
/// so that a revoked grant takes effect at once. The organization chosen in the header is a claim of the cookie.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public const string OrganizationClaim = "sispmpi:org";
    /// <summary>Set for a request authenticated by a personal access token (Features/Api), bound to one organization.</summary>
    public const string TokenClaim = "sispmpi:token";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, SispmpiDbContext db, IMemoryCache cache)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var account = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId && u.IsActive)
                .Select(u => new { u.FullName })
                .FirstOrDefaultAsync(context.RequestAborted);
            if (account is not null)
            {
                var grants = await db.ProfileGrants.IgnoreQueryFilters().AsNoTracking()
                    .Where(g => g.UserId == userId && g.Organization!.IsActive)
                    .OrderBy(g => g.Organization!.Acronym).ThenBy(g => g.Profile)
                    .Select(g => new GrantSummary(g.OrganizationId, g.Organization!.Acronym, g.Organization.Name, g.Profile))
                    .ToListAsync(context.RequestAborted);
                int? chosen = int.TryParse(user.FindFirstValue(OrganizationClaim), out var org) ? org : null;
                if (user.HasClaim(c => c.Type == TokenClaim))
                {
                    // A token acts only in its own organization: no other grant, and no falling back to another one.
                    grants = grants.Where(g => g.OrganizationId == chosen).ToList();
                }
                var current = grants.FirstOrDefault(g => g.OrganizationId == chosen)?.OrganizationId ?? grants.FirstOrDefault()?.OrganizationId;
                var visible = current is null
                    ? []
                    : grants.Any(g => g.OrganizationId == current && g.Profile == Profile.CentralAdministrator)
                        ? await OrganizationNetwork.DescendantsAndSelfAsync(db, cache, current.Value, context.RequestAborted)
                        : [current.Value];
                tenant.UseUser(userId, account.FullName, grants, current, visible);
            }
        }
        await next(context);
    }
}

public static class OrganizationNetwork
{
    private const string CacheKey = "organization-tree";

    /// <summary>Forget the cached tree after an organization's parent or active flag changes.</summary>
    public static void Invalidate(IMemoryCache cache) => cache.Remove(CacheKey);

    public static async Task<int[]> DescendantsAndSelfAsync(SispmpiDbContext db, IMemoryCache cache, int organizationId,
        CancellationToken cancellationToken)
    {
        var children = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var pairs = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.ParentId != null)
                .Select(o => new { o.Id, Parent = o.ParentId!.Value })
                .ToListAsync(cancellationToken);
            return pairs.ToLookup(p => p.Parent, p => p.Id);
        });
        var result = new List<int> { organizationId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(children![result[i]].Where(c => !result.Contains(c)));
        }
        return [.. result];
    }
}
