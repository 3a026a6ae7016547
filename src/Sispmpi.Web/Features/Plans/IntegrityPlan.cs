using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Plans;

/// <summary>A time-bound integrity plan: an edition (a cycle such as 2025–2027) and a version (its revision).</summary>
public sealed class IntegrityPlan : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string Title { get; set; }
    /// <summary>The cycle, e.g. "2025–2027".</summary>
    public required string Edition { get; set; }
    public int Version { get; set; } = 1;
    public PlanStatus Status { get; set; } = PlanStatus.NotStarted;
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    // Step 4, validação geral.
    /// <summary>Names from the stakeholder catalog; null until the validation step is filled.</summary>
    public List<string>? Stakeholders { get; set; }
    public string? OtherStakeholders { get; set; }
    public string? ValidationRemarks { get; set; }
    public DateTimeOffset? ValidatedAt { get; set; }
    // Steps 5 and 6: when the drafts were last generated.
    public DateTimeOffset? ProgramDraftGeneratedAt { get; set; }
    public DateTimeOffset? PlanDraftGeneratedAt { get; set; }
    /// <summary>The organization's integrity programme this plan is a cycle of.</summary>
    public int? ProgrammeId { get; set; }
    /// <summary>The plan this version or edition was derived from.</summary>
    public int? OriginPlanId { get; set; }
    public List<PlanAxis> Axes { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];

    public bool IsReadOnly => Status is PlanStatus.Published or PlanStatus.Obsolete;
}

/// <summary>An axis (<c>eixo</c>) of the plan, or a sub-axis when it has a parent.</summary>
public sealed class PlanAxis : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int PlanId { get; set; }
    public int? ParentId { get; set; }
    public PlanAxis? Parent { get; set; }
    public int Position { get; set; }
    /// <summary>"1" for an axis, "1.2" for a sub-axis: recomputed from positions.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
}

public sealed class PlanAction : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int PlanId { get; set; }
    public IntegrityPlan? Plan { get; set; }
    public int AxisId { get; set; }
    public PlanAxis? Axis { get; set; }
    public int Position { get; set; }
    /// <summary>"1.2.3": axis, sub-axis and position, recomputed from positions.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? ExecutingUnitId { get; set; }
    public AdministrativeUnit? ExecutingUnit { get; set; }
    public ActionClassification Classification { get; set; }
    /// <summary>The action's types from the catalog, several joined by <see cref="Core.Plans.ActionTypes.Separator"/>.</summary>
    public required string ActionType { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public decimal? PlannedBudget { get; set; }
    public string? Objectives { get; set; }
    public string? Benefits { get; set; }
    public string? SuggestedEvidence { get; set; }
    /// <summary>Optional quantitative goal: what is measured, in which unit, from where to where.</summary>
    public string? GoalIndicator { get; set; }
    public string? GoalUnit { get; set; }
    public decimal? GoalBaseline { get; set; }
    public decimal? GoalTarget { get; set; }
    /// <summary>Weight of the action when progress rolls up to sub-axis, axis and plan.</summary>
    public decimal Weight { get; set; } = 1m;
    /// <summary>The action this one was carried over from, in an earlier version of the plan.</summary>
    public int? OriginActionId { get; set; }

    // Execution record (SPEC §3.2).
    public DateOnly? StartedOn { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public DateOnly? DiscontinuedOn { get; set; }
    public string? DiscontinuationJustification { get; set; }
    public decimal? BudgetSpent { get; set; }
    public string? ExecutionNotes { get; set; }
    /// <summary>Names from the limiting-factor catalog; <see cref="OtherLimitingFactors"/> holds the ones it lacks.</summary>
    public List<string>? LimitingFactors { get; set; }
    public string? OtherLimitingFactors { get; set; }
    /// <summary>When the execution record, its evidence or its measurements last changed: the light of a <c>contínua</c> action.</summary>
    public DateTimeOffset? LastUpdateAt { get; set; }
    /// <summary>The day of <see cref="LastUpdateAt"/> in Brasília, derived and stored so the light can be queried.</summary>
    public DateOnly? LastUpdateOn { get; private set; }
    /// <summary>The person answerable for the action; other staff involved are its participants.</summary>
    public int? ResponsibleUserId { get; set; }
    public Identity.AppUser? ResponsibleUser { get; set; }
    /// <summary>The responsible person when he or she is a registered servant without an account (never with <see cref="ResponsibleUserId"/>).</summary>
    public int? ResponsibleServantId { get; set; }
    public Users.Servants.Servant? ResponsibleServant { get; set; }
    /// <summary>The latest risk of non-implementation given by the monitoring committee, kept with each assessment.</summary>
    public Monitoring.NonImplementationRisk? NonImplementationRisk { get; set; }
    /// <summary>The value of the latest measurement of the goal, kept by the measurements page.</summary>
    public decimal? CurrentValue { get; set; }

    /// <summary>Derived from the execution dates by <see cref="ActionStatusRules.Derive"/>; stored for queries.</summary>
    public ActionStatus Status { get; private set; } = ActionStatus.NotStarted;

    /// <summary>Fraction done, 0 to 1, derived by <see cref="Core.Execution.Progress.OfAction"/>; null when it does not count.</summary>
    public decimal? Progress { get; private set; }

    public void RefreshStatus()
    {
        Status = ActionStatusRules.Derive(StartedOn, ConcludedOn, DiscontinuedOn);
        LastUpdateOn = LastUpdateAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Infrastructure.Web.BrazilTime.Zone).DateTime) : null;
        Progress = Core.Execution.Progress.OfAction(Status, GoalBaseline, GoalTarget, CurrentValue);
    }
}
