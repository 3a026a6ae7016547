using Microsoft.AspNetCore.Identity;
using Sispmpi.Web.Features.Identity;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>
/// Identity's hasher, which also accepts the bcrypt hashes (PHP <c>password_hash</c>, <c>$2y$</c>) of users brought
/// over from the original SisPMPI: a right password answers "rehash needed", so Identity replaces the old hash with
/// its own at that first sign-in and bcrypt is never used again for that user.
/// </summary>
public sealed class LegacyPasswordHasher(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>? options = null) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _identity = new(options);

    public static bool IsLegacyHash(string? hash) =>
        hash is { Length: 60 } && (hash.StartsWith("$2y$", StringComparison.Ordinal) || hash.StartsWith("$2a$", StringComparison.Ordinal)
            || hash.StartsWith("$2b$", StringComparison.Ordinal));

    public string HashPassword(AppUser user, string password) => _identity.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        if (!IsLegacyHash(hashedPassword))
        {
            return _identity.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
        try
        {
            return BCrypt.Net.BCrypt.Verify(providedPassword, hashedPassword)
                ? PasswordVerificationResult.SuccessRehashNeeded
                : PasswordVerificationResult.Failed;
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return PasswordVerificationResult.Failed;
        }
    }
}
