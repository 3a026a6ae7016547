using Sispmpi.Core.Execution;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;

namespace Sispmpi.Web.Features.Api;

// What the REST API answers. Enumerations travel by name (e.g. "InProgress"), each with its Portuguese label beside it;
// dates are ISO 8601 (aaaa-mm-dd), instants in UTC, fractions (progress) from 0 to 1.

/// <summary>One page of a list: <c>page</c> from 1, at most 100 items a page.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, int PageCount)
{
    public static PageOf<T> From(Paged<T> paged) => new(paged.Items, paged.Page, paged.PageSize, paged.Total, paged.PageCount);

    /// <summary>Pages a list already in memory, the same way <see cref="PagedExtensions.ToPagedAsync"/> pages a query.</summary>
    public static PageOf<T> From(IReadOnlyList<T> all, int page, int pageSize)
    {
        var pageCount = Math.Max(1, (int)Math.Ceiling(all.Count / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        return new(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, all.Count, pageCount);
    }
}

public sealed record ProfileDto(Profile Profile, string Label);

public sealed record OrganizationRef(int Id, string Acronym, string Name);

public sealed record TokenInfoDto(string Name, string Prefix, bool CanWrite, DateOnly? ExpiresOn);

public sealed record MeDto(int UserId, string Name, string? Email, OrganizationRef? Organization, IReadOnlyList<ProfileDto> Profiles, TokenInfoDto? Token);

public sealed record OrganizationDto(int Id, string Name, string Acronym, string Cnpj, OrganizationKind Kind, string KindLabel, Sphere Sphere,
    string SphereLabel, Branch Branch, string BranchLabel, string? MunicipalityCode, string? MunicipalityName, string? StateCode, int? ParentId,
    bool IsOversight, bool IsActive)
{
    public static OrganizationDto From(Organization o) => new(o.Id, o.Name, o.Acronym, o.Cnpj, o.Kind, Labels.Of(o.Kind), o.Sphere, Labels.Of(o.Sphere),
        o.Branch, Labels.Of(o.Branch), o.MunicipalityCode, o.MunicipalityName, o.StateCode, o.ParentId, o.IsOversight, o.IsActive);
}

public sealed record PlanSummaryDto(int Id, OrganizationRef Organization, string Title, string Edition, int Version, PlanStatus Status,
    string StatusLabel, DateOnly? ValidFrom, DateOnly? ValidTo, DateTimeOffset? PublishedAt)
{
    public static PlanSummaryDto From(IntegrityPlan p) => new(p.Id, new(p.OrganizationId, p.Organization!.Acronym, p.Organization.Name), p.Title,
        p.Edition, p.Version, p.Status, Labels.Of(p.Status), p.ValidFrom, p.ValidTo, p.PublishedAt);
}

/// <summary>A plan with its progress (weighted by the actions' weights) and its count of actions.</summary>
public sealed record PlanDto(PlanSummaryDto Plan, decimal? Progress, int Actions, int Axes, int? OriginPlanId);

public sealed record AxisDto(int Id, int? ParentId, string Number, string Title, string? Description, decimal? Progress, int Actions);

public sealed record ActionSummaryDto(int Id, string Number, string Title, int AxisId, ActionStatus Status, string StatusLabel, TrafficLight Light,
    string LightLabel, ActionClassification Classification, DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? Progress, decimal Weight,
    NonImplementationRisk? Risk, string? Responsible, string? Unit, int Recommendations, int UnansweredRecommendations)
{
    public static ActionSummaryDto From(DashboardAction a) => new(a.Id, a.Number, a.Title, a.AxisId, a.Status, Labels.Of(a.Status), a.Light,
        Labels.Of(a.Light), a.Classification, a.PlannedStart, a.PlannedEnd, a.Progress, a.Weight, a.Risk, a.Responsible, a.Unit,
        a.Recommendations, a.Unanswered);
}

public sealed record GoalDto(string? Indicator, string? Unit, decimal? Baseline, decimal? Target, decimal? CurrentValue);

public sealed record ActionDto(int Id, int PlanId, int AxisId, string Number, string Title, string? Description, string ActionType,
    ActionClassification Classification, string ClassificationLabel, string? ExecutingUnit, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    decimal? PlannedBudget, string? Objectives, string? Benefits, string? SuggestedEvidence, GoalDto? Goal, decimal Weight, ActionStatus Status,
    string StatusLabel, TrafficLight Light, string LightLabel, decimal? Progress, string? Responsible, NonImplementationRisk? Risk,
    DateTimeOffset? LastUpdateAt, IReadOnlyList<string> ActionTypes)
{
    public static ActionDto From(PlanAction a, TrafficLight light) => new(a.Id, a.PlanId, a.AxisId, a.Number, a.Title, a.Description, a.ActionType,
        a.Classification, Labels.Of(a.Classification), a.ExecutingUnit?.Acronym ?? a.ExecutingUnit?.Name, a.PlannedStart, a.PlannedEnd,
        a.PlannedBudget, a.Objectives, a.Benefits, a.SuggestedEvidence,
        a.GoalTarget is null && a.GoalIndicator is null ? null : new GoalDto(a.GoalIndicator, a.GoalUnit, a.GoalBaseline, a.GoalTarget, a.CurrentValue),
        a.Weight, a.Status, Labels.Of(a.Status), light, Labels.Of(light), a.Progress, a.ResponsibleUser?.FullName ?? a.ResponsibleServant?.Name,
        a.NonImplementationRisk, a.LastUpdateAt, Core.Plans.ActionTypes.Split(a.ActionType));
}

public sealed record EvidenceDto(int Id, EvidenceKind Kind, string Description, string? Url, string? ProcessNumber, string? FileName, long? FileSize,
    DateTimeOffset AddedAt, string? AddedBy, string? DownloadUrl);

/// <summary>
/// The execution record of an action, as on its Execução tab: the dates its status is derived from, budget, notes,
/// limiting factors, and the evidence; <c>canRecord</c> tells whether the caller may change it, and if not, why.
/// </summary>
public sealed record ExecutionDto(int ActionId, ActionStatus Status, string StatusLabel, TrafficLight Light, string LightLabel, decimal? Progress,
    DateOnly? StartedOn, DateOnly? ConcludedOn, DateOnly? DiscontinuedOn, string? DiscontinuationJustification, decimal? BudgetSpent,
    string? Notes, IReadOnlyList<string> LimitingFactors, string? OtherLimitingFactors, DateTimeOffset? LastUpdateAt, GoalDto? Goal,
    bool CanRecord, string? WhyNot, IReadOnlyList<EvidenceDto> Evidence);

public sealed record MeasurementDto(int Id, DateOnly MeasuredOn, decimal Value, string? Note, DateTimeOffset RecordedAt, string? RecordedBy);

public sealed record CountDto<T>(T Key, string Label, int Count);

public sealed record RecommendationCountsDto(int Answered, int Unanswered, int GeneralUnanswered);

/// <summary>The figures of the plan's monitoring dashboard, counted by the same definitions as the page.</summary>
public sealed record IndicatorsDto(int PlanId, DateOnly Today, decimal? Progress, int Actions, IReadOnlyList<CountDto<ActionStatus>> ByStatus,
    IReadOnlyList<CountDto<TrafficLight>> ByLight, IReadOnlyList<CountDto<AttentionPoint>> PointsOfAttention,
    RecommendationCountsDto Recommendations, IReadOnlyList<AxisDto> Axes);
