using System.Security.Cryptography;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Account;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Users;

public static class UserAdministration
{
    /// <summary>
    /// A central administrator grants any profile; a body's internal control registers the body's own users
    /// (SPEC §1) but cannot create central administrators or IT support.
    /// </summary>
    public static IReadOnlyList<Profile> GrantableProfiles(TenantContext tenant) =>
        tenant.Has(Profile.CentralAdministrator)
            ? Enum.GetValues<Profile>()
            : tenant.Has(Profile.InternalControl)
                ? [Profile.InternalControl, Profile.SeniorManagement, Profile.IntegrityCommission, Profile.MonitoringCommittee, Profile.Executor, Profile.Observer]
                : [];

    public static readonly TimeSpan InvitationValidity = TimeSpan.FromDays(7);

    /// <summary>
    /// Adds an invitation (its token stored hashed) to <paramref name="db"/> without saving, and returns the
    /// e-mail with the single-use link to send once it is saved. Used by the invite page and by the
    /// availability step of an adhesion request, which invites the new body's first internal-control user.
    /// </summary>
    /// <summary>
    /// Adds an invitation and its e-mail (through the outbox, in the caller's unit of work): the link carries a random
    /// token whose SHA-256 only is stored; the invited person chooses the password.
    /// </summary>
    public static void AddInvitation(SispmpiDbContext db, Notifications.Notifier notifier, DateTimeOffset now, string baseUrl, int organizationId,
        string organizationName, string fullName, string email, Profile profile, int? invitedById, string invitedByName)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.Invitations.Add(new Invitation
        {
            OrganizationId = organizationId, Email = email, FullName = fullName, Profile = profile,
            TokenHash = AcceptInvitationModel.Hash(token), CreatedAt = now, ExpiresAt = now.Add(InvitationValidity),
            InvitedById = invitedById,
        });
        notifier.Email(email, fullName, Notifications.Notices.Invitation(organizationName, profile, invitedByName,
            $"{baseUrl.TrimEnd('/')}/conta/convite?token={token}", InvitationValidity.Days), organizationId);
    }
}
