using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Account.GovBr;

public enum GovBrRefusal
{
    UnknownCpf,
    Disabled,
    LockedOut,
    LevelTooLow,
    Failed,
    Unavailable,
}

public static class GovBrPaths
{
    public const string SignIn = "/conta/govbr/entrar";
    public const string Complete = "/conta/govbr/concluir";
    public const string NotRegistered = "/conta/govbr/nao-cadastrado";
    public const string RefusedPage = "/conta/govbr/recusado";

    public static string Refused(GovBrRefusal reason, GovBrLevel? level = null) => reason switch
    {
        GovBrRefusal.UnknownCpf => NotRegistered,
        GovBrRefusal.Disabled => RefusedPage + "?motivo=desativada",
        GovBrRefusal.LockedOut => RefusedPage + "?motivo=bloqueada",
        GovBrRefusal.Unavailable => RefusedPage + "?motivo=indisponivel",
        GovBrRefusal.LevelTooLow => RefusedPage + "?motivo=nivel" + (level is null ? "" : "&nivel=" + GovBrLevels.Name(level.Value)),
        _ => RefusedPage + "?motivo=falha",
    };
}

/// <summary>
/// Turns the identity gov.br vouched for into a SisPMPI session: the CPF in <c>sub</c> must be an account's
/// CPF; nothing is ever created for an unknown one. The session is the one a local sign-in gets.
/// </summary>
public sealed class GovBrSignIn(SignInManager<AppUser> signIn, SispmpiDbContext db, IOptions<GovBrOptions> options, TimeProvider clock,
    ILogger<GovBrSignIn> logger)
{
    /// <summary>Claims that may carry gov.br's reliability levels: amr, and the confiabilidades scope's claim.</summary>
    public static readonly IReadOnlySet<string> LevelClaims = new HashSet<string>(StringComparer.Ordinal)
    {
        "amr", "govbr_confiabilidades", "confiabilidades", "niveis",
    };

    /// <summary>Where the sign-in ended: refused, signed in, or waiting for the account's own second factor.</summary>
    public sealed record Outcome(GovBrRefusal? Refusal, GovBrLevel? Level, bool RequiresTwoFactor = false);

    /// <summary>The login provider Identity's two-factor cookie names, so the finished session says how it began.</summary>
    public const string LoginProvider = "govbr";

    public async Task<Outcome> SignInAsync(ClaimsPrincipal external)
    {
        var level = GovBrLevels.Highest(external.Claims.Where(c => LevelClaims.Contains(c.Type)).Select(c => c.Value));
        var sub = external.FindFirst("sub")?.Value;
        if (sub is null || sub.Length != Core.People.Cpf.Length || !Core.People.Cpf.TryParse(sub, out var cpf))
        {
            logger.LogWarning("gov.br returned a subject that is not a CPF");
            return new Outcome(GovBrRefusal.Failed, level);
        }
        var user = await signIn.UserManager.Users.SingleOrDefaultAsync(u => u.Cpf == cpf.Value);
        if (user is null)
        {
            return new Outcome(GovBrRefusal.UnknownCpf, level);
        }
        if (!user.IsActive)
        {
            return new Outcome(GovBrRefusal.Disabled, level);
        }
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return new Outcome(GovBrRefusal.LockedOut, level);
        }
        if (options.Value.MinimumLevel is { } minimum && (level is null || level < minimum)
            && await db.ProfileGrants.IgnoreQueryFilters().AnyAsync(g => g.UserId == user.Id
                && (g.Profile == Profile.CentralAdministrator || g.Profile == Profile.TechnicalSupport)))
        {
            return new Outcome(GovBrRefusal.LevelTooLow, level);
        }

        user.LastGovBrSignInAt = clock.GetUtcNow();
        user.LastGovBrLevel = level;
        var updated = await signIn.UserManager.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", updated.Errors.Select(e => e.Description)));
        }
        if (await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            // gov.br vouched for the person, but the account asked for its own second factor as well: the code page
            // (LoginWithCode) finishes from Identity's two-factor cookie, exactly as after a password.
            var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            pending.AddClaim(new Claim(ClaimTypes.Name, await signIn.UserManager.GetUserIdAsync(user)));
            pending.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, LoginProvider));
            await signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            return new Outcome(null, level, RequiresTwoFactor: true);
        }
        // The same organization context as the login page gives: the central one first.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, await AccountSession.OrganizationClaimsAsync(db, user.Id));
        return new Outcome(null, level);
    }
}
