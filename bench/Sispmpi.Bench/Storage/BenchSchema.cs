using Microsoft.EntityFrameworkCore.Metadata;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Auditing;

namespace Sispmpi.Bench.Storage;

/// <summary>The tables the generator fills, in an order where every foreign key points to an earlier table.</summary>
public sealed class BenchSchema
{
    /// <summary>The properties the history leaves out: the interceptor's own list.</summary>
    public static readonly IReadOnlySet<string> IgnoredInHistory = Sispmpi.Web.Infrastructure.Auditing.AuditInterceptor.IgnoredProperties;

    public BenchSchema(IModel model)
    {
        Organizations = EntityTable<Organization>.From(model, IgnoredInHistory);
        YearFigures = EntityTable<OrganizationYearFigures>.From(model, IgnoredInHistory);
        Units = EntityTable<AdministrativeUnit>.From(model, IgnoredInHistory);
        Users = EntityTable<AppUser>.From(model, IgnoredInHistory);
        Grants = EntityTable<ProfileGrant>.From(model, IgnoredInHistory);
        Plans = EntityTable<IntegrityPlan>.From(model, IgnoredInHistory);
        Axes = EntityTable<PlanAxis>.From(model, IgnoredInHistory);
        Actions = EntityTable<PlanAction>.From(model, IgnoredInHistory);
        AuditEntries = EntityTable<AuditEntry>.From(model, IgnoredInHistory);
        _audited = new Dictionary<Type, (IReadOnlyList<PropertyReader>, PropertyReader)>
        {
            [typeof(Organization)] = (Organizations.Audited, Organizations.Key),
            [typeof(OrganizationYearFigures)] = (YearFigures.Audited, YearFigures.Key),
            [typeof(AdministrativeUnit)] = (Units.Audited, Units.Key),
            [typeof(AppUser)] = (Users.Audited, Users.Key),
            [typeof(ProfileGrant)] = (Grants.Audited, Grants.Key),
            [typeof(IntegrityPlan)] = (Plans.Audited, Plans.Key),
            [typeof(PlanAxis)] = (Axes.Audited, Axes.Key),
            [typeof(PlanAction)] = (Actions.Audited, Actions.Key),
        };
    }

    private readonly Dictionary<Type, (IReadOnlyList<PropertyReader> Audited, PropertyReader Key)> _audited;

    public EntityTable<Organization> Organizations { get; }
    public EntityTable<OrganizationYearFigures> YearFigures { get; }
    public EntityTable<AdministrativeUnit> Units { get; }
    public EntityTable<AppUser> Users { get; }
    public EntityTable<ProfileGrant> Grants { get; }
    public EntityTable<IntegrityPlan> Plans { get; }
    public EntityTable<PlanAxis> Axes { get; }
    public EntityTable<PlanAction> Actions { get; }
    public EntityTable<AuditEntry> AuditEntries { get; }

    public IReadOnlyList<PropertyReader> AuditedOf(object entity) => _audited[entity.GetType()].Audited;

    public object? KeyOf(object entity) => _audited[entity.GetType()].Key.Read(entity);

    /// <summary>Domain tables with an identity "Id", in insertion order.</summary>
    public IEnumerable<string> DomainTableNames =>
    [
        Organizations.Name, YearFigures.Name, Units.Name, Users.Name, Grants.Name, Plans.Name, Axes.Name, Actions.Name,
    ];
}
