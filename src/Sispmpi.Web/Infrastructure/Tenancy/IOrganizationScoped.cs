namespace Sispmpi.Web.Infrastructure.Tenancy;

/// <summary>
/// Data that belongs to one organization. The DbContext filters every such entity by the organizations
/// the current user may see, so pages never re-check tenancy by hand.
/// </summary>
public interface IOrganizationScoped
{
    int OrganizationId { get; }
}
