using Sispmpi.Core.Identity;

namespace Sispmpi.Web.Infrastructure.Tenancy;

/// <summary>A profile the current user holds in one organization, as shown by the organization switcher.</summary>
public sealed record GrantSummary(int OrganizationId, string OrganizationAcronym, string OrganizationName, Profile Profile);

/// <summary>
/// Who is acting and which organizations they may see, for one request or one command. It starts empty
/// (sees nothing): the request pipeline fills it for a signed-in user, and commands and the seeder switch it
/// to <see cref="UseSystem"/>. The DbContext's query filters read it, so tenancy lives in one place.
/// </summary>
public sealed class TenantContext
{
    private static readonly int[] _none = [];

    public bool IsSystem { get; private set; }
    public int? UserId { get; private set; }
    public string UserName { get; private set; } = "Anônimo";
    public int? CurrentOrganizationId { get; private set; }
    public string? CurrentOrganizationName { get; private set; }
    public string? CurrentOrganizationAcronym { get; private set; }
    public IReadOnlySet<Profile> Profiles { get; private set; } = new HashSet<Profile>();
    public IReadOnlyList<GrantSummary> Grants { get; private set; } = [];
    /// <summary>The current organization plus, for a central administrator, every organization below it.</summary>
    public int[] VisibleOrganizationIds { get; private set; } = _none;

    public bool Has(Profile profile) => Profiles.Contains(profile);

    public bool HasAny(IEnumerable<Profile> profiles) => profiles.Any(Profiles.Contains);

    public bool CanSee(int organizationId) => IsSystem || VisibleOrganizationIds.Contains(organizationId);

    /// <summary>Profiles are listed in a stable order for display and for the history.</summary>
    public string? ProfilesText => Profiles.Count == 0 ? null : string.Join(",", Profiles.Order());

    public void UseSystem(string userName = "Sistema")
    {
        IsSystem = true;
        UserId = null;
        UserName = userName;
    }

    public void UseUser(int userId, string userName, IReadOnlyList<GrantSummary> grants, int? currentOrganizationId,
        int[] visibleOrganizationIds)
    {
        IsSystem = false;
        UserId = userId;
        UserName = userName;
        Grants = grants;
        var current = grants.FirstOrDefault(g => g.OrganizationId == currentOrganizationId) ?? grants.FirstOrDefault();
        CurrentOrganizationId = current?.OrganizationId;
        CurrentOrganizationName = current?.OrganizationName;
        CurrentOrganizationAcronym = current?.OrganizationAcronym;
        Profiles = grants.Where(g => g.OrganizationId == CurrentOrganizationId).Select(g => g.Profile).ToHashSet();
        VisibleOrganizationIds = current is null ? _none : visibleOrganizationIds;
    }

    /// <summary>Signed in, but not yet through the pipeline (e.g. during login): identity only.</summary>
    public void UseAnonymous(string userName = "Anônimo")
    {
        IsSystem = false;
        UserId = null;
        UserName = userName;
    }
}
