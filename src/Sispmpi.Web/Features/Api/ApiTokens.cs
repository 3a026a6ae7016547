using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Api;

/// <summary>A token as listed on the account page.</summary>
public sealed record ApiTokenRow(int Id, string Name, string Prefix, string OrganizationAcronym, bool CanWrite, DateTimeOffset CreatedAt,
    DateOnly? ExpiresOn, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsExpired(DateOnly today) => ExpiresOn < today;
}

/// <summary>The token a request presented, once found valid.</summary>
public sealed record ApiTokenIdentity(int TokenId, int UserId, string UserName, int OrganizationId, bool CanWrite, string Name, string Prefix, DateOnly? ExpiresOn);

/// <summary>
/// Creates, lists, revokes and checks personal access tokens. A token is <c>spmpi_</c>, eight random characters that
/// identify it, <c>_</c>, and 32 random bytes in base64url: 256 bits of secret, so a single SHA-256 is a safe way to
/// store it (no password stretching is needed for a secret nobody chose).
/// </summary>
public sealed class ApiTokens(SispmpiDbContext db, TimeProvider clock)
{
    public const string TokenStart = "spmpi_";
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private static readonly TimeSpan _lastUsedResolution = TimeSpan.FromMinutes(1);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates a token for <paramref name="userId"/> in <paramref name="organizationId"/>; returns it with its secret, shown only now.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(int userId, int organizationId, string name, bool canWrite, DateOnly? expiresOn,
        CancellationToken cancellationToken = default)
    {
        var prefix = TokenStart + RandomNumberGenerator.GetString(PrefixAlphabet, 8);
        var secret = prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId, OrganizationId = organizationId, Name = name.Trim(), Prefix = prefix, TokenHash = Hash(secret), CanWrite = canWrite,
            CreatedAt = clock.GetUtcNow(), ExpiresOn = expiresOn,
        };
        db.Set<ApiToken>().Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(int userId, CancellationToken cancellationToken = default) =>
        await db.Set<ApiToken>().AsNoTracking().IgnoreQueryFilters().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.Organization!.Acronym, t.CanWrite, t.CreatedAt, t.ExpiresOn, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's tokens; false when he has no such token (or it was already revoked).</summary>
    public async Task<bool> RevokeAsync(int userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The token presented, when it exists, is neither revoked nor expired and its user is active; null otherwise.
    /// Notes when it was used, at most once a minute, without touching the history (a read is not a change).
    /// </summary>
    public async Task<ApiTokenIdentity?> FindValidAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(TokenStart, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }
        var hash = Hash(presented);
        var found = await db.Set<ApiToken>().AsNoTracking().IgnoreQueryFilters()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.User!.IsActive)
            .Select(t => new { t.Id, t.UserId, t.User!.Email, t.OrganizationId, t.CanWrite, t.Name, t.Prefix, t.ExpiresOn, t.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.ExpiresOn < clock.Today())
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (found.LastUsedAt is null || now - found.LastUsedAt.Value > _lastUsedResolution)
        {
            await db.Set<ApiToken>().IgnoreQueryFilters().Where(t => t.Id == found.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        return new ApiTokenIdentity(found.Id, found.UserId, found.Email ?? "", found.OrganizationId, found.CanWrite, found.Name, found.Prefix, found.ExpiresOn);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
