using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

/// <summary>
/// Who reads a cooperation agreement: the managing body (the <see cref="Policies.Adoption"/> profiles, for the agreements of
/// the organizations it sees), and each participant's linked signatory, whatever their organization, for the agreements
/// they sign only — to read and sign them, nothing else of the managing body. The one place that widens the tenant filter
/// for agreements.
/// </summary>
public sealed class AgreementAccess(SispmpiDbContext db, TenantContext tenant)
{
    private bool ManagesAny => Policies.Allows(Policies.Adoption, tenant);

    /// <summary>Whether the user keeps this agreement (links signatories, imports, records goals, signs on behalf).</summary>
    public bool Manages(CooperationAgreement agreement) => ManagesAny && tenant.CanSee(agreement.OrganizationId);

    /// <summary>The agreements the user may read, with their parts unfiltered: the caller loads them through this query only.</summary>
    public IQueryable<CooperationAgreement> Readable()
    {
        var managed = ManagesAny ? tenant.VisibleOrganizationIds : [];
        var userId = tenant.UserId ?? 0;
        return db.Agreements.IgnoreQueryFilters()
            .Where(a => managed.Contains(a.OrganizationId) || a.Participants.Any(p => p.SignatoryUserId == userId));
    }

    /// <summary>Whether the user may open the agreement pages at all: the managing body, or someone's linked signatory.</summary>
    public async Task<bool> MayReadAnyAsync() =>
        ManagesAny || (tenant.UserId is int userId
            && await db.AgreementParticipants.IgnoreQueryFilters().AnyAsync(p => p.SignatoryUserId == userId));
}

/// <summary>The <see cref="Policies.AgreementsRead"/> requirement: a link to an agreement, not a profile.</summary>
public sealed class AgreementReaderRequirement : IAuthorizationRequirement;

internal sealed class AgreementReaderHandler(AgreementAccess access) : AuthorizationHandler<AgreementReaderRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AgreementReaderRequirement requirement)
    {
        if (await access.MayReadAnyAsync())
        {
            context.Succeed(requirement);
        }
    }
}
