using Sispmpi.Core.Plans;

namespace Sispmpi.Core.Execution;

/// <summary>An action as seen by <see cref="Progress.Rollup"/>: its axis (and that axis's parent), progress and weight.</summary>
public sealed record ActionProgressItem(int AxisId, int? ParentAxisId, decimal? Progress, decimal Weight);

/// <summary>
/// <see cref="ByAxis"/> holds every axis id seen: a sub-axis gets the mean of its own actions; a top-level axis the mean
/// of its own actions plus those of its sub-axes (weighted by action weight). <see cref="Plan"/> is the mean over all
/// actions. A null value means no action there counts.
/// </summary>
public sealed record ProgressRollup(IReadOnlyDictionary<int, decimal?> ByAxis, decimal? Plan);

/// <summary>Progress of actions (a fraction from 0 to 1) and its weighted roll-up to axes and plan.</summary>
public static class Progress
{
    /// <summary>
    /// Fraction 0..1, or null when the action does not count (discontinued). With a goal (baseline and target set and
    /// different) and a measurement, the share of the way from baseline to target, clamped to 0..1, which also works
    /// for decreasing goals; otherwise 1 when concluded and 0 when not.
    /// </summary>
    public static decimal? OfAction(ActionStatus status, decimal? goalBaseline, decimal? goalTarget, decimal? latestMeasurement)
    {
        if (status == ActionStatus.Discontinued)
        {
            return null;
        }

        if (goalBaseline is { } baseline && goalTarget is { } target && baseline != target && latestMeasurement is { } latest)
        {
            return Math.Clamp((latest - baseline) / (target - baseline), 0m, 1m);
        }

        return status == ActionStatus.Concluded ? 1m : 0m;
    }

    /// <summary>Weighted mean of the items that count (progress not null and weight &gt; 0); null when none counts.</summary>
    public static decimal? WeightedMean(IEnumerable<(decimal? Progress, decimal Weight)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var accumulator = default(Accumulator);
        foreach (var (progress, weight) in items)
        {
            accumulator = accumulator.Add(progress, weight);
        }

        return accumulator.Mean;
    }

    /// <summary>Rolls action progress up to sub-axes, top-level axes and the plan (see <see cref="ProgressRollup"/>).</summary>
    public static ProgressRollup Rollup(IEnumerable<ActionProgressItem> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var byAxis = new Dictionary<int, Accumulator>();
        var plan = default(Accumulator);
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action, nameof(actions));
            Add(byAxis, action.AxisId, action);
            if (action.ParentAxisId is { } parentId)
            {
                Add(byAxis, parentId, action);
            }

            plan = plan.Add(action.Progress, action.Weight);
        }

        var means = byAxis.ToDictionary(pair => pair.Key, pair => pair.Value.Mean);
        return new ProgressRollup(means, plan.Mean);
    }

    private static void Add(Dictionary<int, Accumulator> byAxis, int axisId, ActionProgressItem action) =>
        byAxis[axisId] = byAxis.GetValueOrDefault(axisId).Add(action.Progress, action.Weight);

    /// <summary>Running sums of a weighted mean; items without progress or with a weight of zero or less are skipped.</summary>
    private readonly record struct Accumulator(decimal WeightedSum, decimal TotalWeight)
    {
        public decimal? Mean => TotalWeight > 0 ? WeightedSum / TotalWeight : null;

        public Accumulator Add(decimal? progress, decimal weight) =>
            progress is { } value && weight > 0 ? new(WeightedSum + (value * weight), TotalWeight + weight) : this;
    }
}
