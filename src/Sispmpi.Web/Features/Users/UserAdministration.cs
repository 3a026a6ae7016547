using Sispmpi.Core.Identity;
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
}
