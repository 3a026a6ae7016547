using Sispmpi.Core.Auditing;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Bench.Generation;

/// <summary>One change to a field, as the history records it (values are formatted when the entry is written).</summary>
public readonly record struct FieldChange(string Field, object? Old, object? New);

/// <summary>
/// Something that happened to an entity at a moment: its creation (recorded as the interceptor's JSON snapshot,
/// optionally of an earlier state given by <paramref name="InsertOverrides"/>) or a later change of some fields.
/// </summary>
public sealed record HistoryEvent(
    DateTimeOffset At,
    object Entity,
    AuditOperation Operation,
    IReadOnlyList<FieldChange>? Changes = null,
    IReadOnlyDictionary<string, object?>? InsertOverrides = null,
    string? Justification = null);

/// <summary>The largest ids already in the database: generated rows continue after them.</summary>
public sealed record ExistingIds(int Organizations, int YearFigures, int Units, int Users, int Grants, int Plans, int Axes, int Actions);

/// <summary>What the generator produced, in insertion order, with each organization's history.</summary>
public sealed class GeneratedNetwork
{
    public List<Organization> Organizations { get; } = [];
    public List<OrganizationYearFigures> YearFigures { get; } = [];
    public List<AdministrativeUnit> Units { get; } = [];
    public List<AppUser> Users { get; } = [];
    public List<ProfileGrant> Grants { get; } = [];
    public List<IntegrityPlan> Plans { get; } = [];
    public List<PlanAxis> Axes { get; } = [];
    public List<PlanAction> Actions { get; } = [];

    /// <summary>One list per organization, in the order the chain will hold them.</summary>
    public List<List<HistoryEvent>> Histories { get; } = [];
}
