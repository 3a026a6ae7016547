using Microsoft.Extensions.Options;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution;

/// <summary>Settings of the execution module (section <c>Execution</c>).</summary>
public sealed class ExecutionOptions
{
    /// <summary>A <c>pontual</c> action in progress turns yellow when fewer days than this remain to its planned end.</summary>
    public int OneOffYellowDaysLeft { get; set; } = 30;
    /// <summary>A <c>contínua</c> action turns yellow when its last update is this many days old…</summary>
    public int ContinuousYellowDaysSinceUpdate { get; set; } = 30;
    /// <summary>…and red when it is older than this.</summary>
    public int ContinuousRedDaysSinceUpdate { get; set; } = 60;
    public long EvidenceMaxBytes { get; set; } = EvidenceFiles.DefaultMaxBytes;

    public TrafficLightThresholds Thresholds => new(OneOffYellowDaysLeft, ContinuousYellowDaysSinceUpdate, ContinuousRedDaysSinceUpdate);
}

/// <summary>
/// The traffic light (semáforo) of actions, on today's date in Brasília from the injected clock: for one action, and
/// as a database filter that gives the same answer without loading the actions.
/// </summary>
public sealed class ActionLights(TimeProvider clock, IOptions<ExecutionOptions> options)
{
    public DateOnly Today => clock.Today();

    public TrafficLight Of(PlanAction action) =>
        Of(action.Status, action.Classification, action.PlannedEnd, action.LastUpdateOn ?? action.StartedOn);

    /// <summary>
    /// <paramref name="lastUpdate"/> is the day of the last change to the execution record of a <c>contínua</c>
    /// action; an action started but never updated since counts from its start date.
    /// </summary>
    public TrafficLight Of(ActionStatus status, ActionClassification classification, DateOnly? plannedEnd, DateOnly? lastUpdate) =>
        Of(status, classification, plannedEnd, lastUpdate, Today);

    /// <summary>The same, for a <paramref name="today"/> read once for a whole list (a time-zone conversion each time otherwise).</summary>
    public TrafficLight Of(ActionStatus status, ActionClassification classification, DateOnly? plannedEnd, DateOnly? lastUpdate, DateOnly today) =>
        TrafficLightRules.Compute(status, classification, plannedEnd, lastUpdate, today, options.Value.Thresholds);

    /// <summary>Keeps the actions whose light is <paramref name="light"/>; the same rules as <see cref="Of(PlanAction)"/>.</summary>
    public IQueryable<PlanAction> Where(IQueryable<PlanAction> query, TrafficLight light)
    {
        var w = TrafficLightRules.Windows(Today, options.Value.Thresholds);
        var inProgress = query.Where(a => a.Status == ActionStatus.InProgress);
        const ActionClassification oneOff = ActionClassification.OneOff;
        const ActionClassification continuous = ActionClassification.Continuous;
        return light switch
        {
            TrafficLight.White => query.Where(a => a.Status == ActionStatus.NotStarted),
            TrafficLight.Blue => query.Where(a => a.Status == ActionStatus.Concluded),
            TrafficLight.Grey => query.Where(a => a.Status == ActionStatus.Discontinued),
            TrafficLight.Green => inProgress.Where(a =>
                (a.Classification == oneOff && (a.PlannedEnd == null || a.PlannedEnd >= w.OneOffGreenFrom))
                || (a.Classification == continuous && (a.LastUpdateOn ?? a.StartedOn) > w.ContinuousGreenAfter)),
            TrafficLight.Yellow => inProgress.Where(a =>
                (a.Classification == oneOff && a.PlannedEnd >= w.OneOffRedBefore && a.PlannedEnd < w.OneOffGreenFrom)
                || (a.Classification == continuous && (a.LastUpdateOn ?? a.StartedOn) <= w.ContinuousGreenAfter
                    && (a.LastUpdateOn ?? a.StartedOn) >= w.ContinuousRedBefore)),
            TrafficLight.Red => inProgress.Where(a =>
                (a.Classification == oneOff && a.PlannedEnd < w.OneOffRedBefore)
                || (a.Classification == continuous && ((a.LastUpdateOn ?? a.StartedOn) == null || (a.LastUpdateOn ?? a.StartedOn) < w.ContinuousRedBefore))),
            _ => query.Where(a => false),
        };
    }
}
