using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;

namespace Sispmpi.Core.Tests.Execution;

public class ProgressTests
{
    // Decimal InlineData is not allowed in attributes, so the values are doubles converted in the test;
    // NaN stands for a null argument or result.
    [Theory]
    // Increasing goal 10 → 20.
    [InlineData(ActionStatus.InProgress, 10, 20, 15, 0.5)]
    [InlineData(ActionStatus.InProgress, 10, 20, 10, 0)]
    [InlineData(ActionStatus.InProgress, 10, 20, 20, 1)]
    [InlineData(ActionStatus.InProgress, 10, 20, 25, 1)] // over-achievement clamps to 1
    [InlineData(ActionStatus.InProgress, 10, 20, 5, 0)] // below the baseline clamps to 0
    [InlineData(ActionStatus.Concluded, 10, 20, 12, 0.2)] // a measurement wins over the status
    [InlineData(ActionStatus.NotStarted, 10, 20, 12, 0.2)]
    // Decreasing goal 100 → 20 (e.g. complaints per year).
    [InlineData(ActionStatus.InProgress, 100, 20, 80, 0.25)]
    [InlineData(ActionStatus.InProgress, 100, 20, 20, 1)]
    [InlineData(ActionStatus.InProgress, 100, 20, 0, 1)] // better than the target clamps to 1
    [InlineData(ActionStatus.InProgress, 100, 20, 120, 0)] // worse than the baseline clamps to 0
    // Goal without a measurement.
    [InlineData(ActionStatus.InProgress, 10, 20, double.NaN, 0)]
    [InlineData(ActionStatus.NotStarted, 10, 20, double.NaN, 0)]
    [InlineData(ActionStatus.Concluded, 10, 20, double.NaN, 1)]
    // No goal: missing baseline or target, or both equal; the measurement is ignored.
    [InlineData(ActionStatus.InProgress, double.NaN, 20, 15, 0)]
    [InlineData(ActionStatus.InProgress, 10, double.NaN, 15, 0)]
    [InlineData(ActionStatus.InProgress, 10, 10, 15, 0)]
    [InlineData(ActionStatus.NotStarted, double.NaN, double.NaN, double.NaN, 0)]
    [InlineData(ActionStatus.Concluded, double.NaN, double.NaN, double.NaN, 1)]
    [InlineData(ActionStatus.Concluded, 10, 10, 5, 1)]
    // Discontinued actions do not count, goal or not.
    [InlineData(ActionStatus.Discontinued, 10, 20, 15, double.NaN)]
    [InlineData(ActionStatus.Discontinued, double.NaN, double.NaN, double.NaN, double.NaN)]
    public void OfAction_follows_the_goal_and_the_status(
        ActionStatus status, double baseline, double target, double latest, double expected)
    {
        Progress.OfAction(status, D(baseline), D(target), D(latest)).ShouldBe(D(expected));
    }

    [Fact]
    public void OfAction_keeps_fractions_exact()
    {
        Progress.OfAction(ActionStatus.InProgress, 0m, 3m, 1m).ShouldBe(1m / 3m);
        Progress.OfAction(ActionStatus.InProgress, 0.5m, 0.75m, 0.6m).ShouldBe(0.4m);
    }

    [Theory]
    [InlineData(new double[0], new double[0], double.NaN)] // empty
    [InlineData(new[] { 0.5 }, new[] { 1.0 }, 0.5)]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, 1.0 }, 0.5)]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, 3.0 }, 0.75)] // (0·1 + 1·3) / 4
    [InlineData(new[] { 0.2, double.NaN }, new[] { 1.0, 5.0 }, 0.2)] // not counting
    [InlineData(new[] { 0.2, 0.9 }, new[] { 1.0, 0.0 }, 0.2)] // zero weight
    [InlineData(new[] { 0.2, 0.9 }, new[] { 1.0, -2.0 }, 0.2)] // negative weight
    [InlineData(new[] { 0.2, 0.9 }, new[] { 0.0, 0.0 }, double.NaN)] // only zero weights
    [InlineData(new[] { double.NaN, double.NaN }, new[] { 1.0, 1.0 }, double.NaN)] // only discontinued
    [InlineData(new[] { 0.0, 0.0 }, new[] { 2.0, 3.0 }, 0.0)] // zero progress still counts
    public void WeightedMean_counts_items_with_progress_and_positive_weight(
        double[] progress, double[] weights, double expected)
    {
        var items = progress.Zip(weights, (p, w) => (D(p), (decimal)w));
        Progress.WeightedMean(items).ShouldBe(D(expected));
    }

    [Fact]
    public void Rollup_weights_actions_into_sub_axis_axis_and_plan()
    {
        // Axis 1 has actions of its own and a sub-axis 10; axis 2 has only actions of its own.
        ActionProgressItem[] actions =
        [
            new(AxisId: 1, ParentAxisId: null, Progress: 0.5m, Weight: 2m),
            new(AxisId: 1, ParentAxisId: null, Progress: 1m, Weight: 1m),
            new(AxisId: 10, ParentAxisId: 1, Progress: 0.25m, Weight: 4m),
            new(AxisId: 10, ParentAxisId: 1, Progress: null, Weight: 3m), // discontinued: ignored
            new(AxisId: 2, ParentAxisId: null, Progress: 0m, Weight: 1m),
            new(AxisId: 2, ParentAxisId: null, Progress: 0.8m, Weight: 0m), // zero weight: ignored
            new(AxisId: 2, ParentAxisId: null, Progress: 0.6m, Weight: 3m),
        ];

        var rollup = Progress.Rollup(actions);

        rollup.ByAxis.Keys.Order().ShouldBe([1, 2, 10]);
        // Sub-axis 10: 0.25·4 / 4 = 0.25.
        rollup.ByAxis[10].ShouldBe(0.25m);
        // Axis 1: (0.5·2 + 1·1 + 0.25·4) / (2 + 1 + 4) = 3 / 7.
        rollup.ByAxis[1].ShouldBe(3m / 7m);
        // Axis 2: (0·1 + 0.6·3) / (1 + 3) = 1.8 / 4 = 0.45.
        rollup.ByAxis[2].ShouldBe(0.45m);
        // Plan: (1 + 1 + 1 + 0 + 1.8) / (2 + 1 + 4 + 1 + 3) = 4.8 / 11.
        rollup.Plan.ShouldBe(4.8m / 11m);
    }

    [Fact]
    public void Rollup_lists_axes_seen_only_as_parents_and_axes_where_nothing_counts()
    {
        ActionProgressItem[] actions =
        [
            new(AxisId: 30, ParentAxisId: 3, Progress: 0.4m, Weight: 1m), // axis 3 has no action of its own
            new(AxisId: 31, ParentAxisId: 3, Progress: 1m, Weight: 1m),
            new(AxisId: 4, ParentAxisId: null, Progress: null, Weight: 1m), // only a discontinued action
        ];

        var rollup = Progress.Rollup(actions);

        rollup.ByAxis.Count.ShouldBe(4);
        rollup.ByAxis[30].ShouldBe(0.4m);
        rollup.ByAxis[31].ShouldBe(1m);
        rollup.ByAxis[3].ShouldBe(0.7m); // (0.4 + 1) / 2
        rollup.ByAxis[4].ShouldBeNull();
        rollup.Plan.ShouldBe(0.7m);
    }

    [Fact]
    public void Rollup_of_no_actions_is_empty()
    {
        var rollup = Progress.Rollup([]);

        rollup.ByAxis.ShouldBeEmpty();
        rollup.Plan.ShouldBeNull();
    }

    [Fact]
    public void Rollup_where_no_action_counts_has_a_null_plan()
    {
        var rollup = Progress.Rollup([new(1, null, null, 1m), new(2, null, 0.5m, 0m)]);

        rollup.ByAxis[1].ShouldBeNull();
        rollup.ByAxis[2].ShouldBeNull();
        rollup.Plan.ShouldBeNull();
    }

    [Fact]
    public void Rollup_agrees_with_OfAction_and_WeightedMean()
    {
        (ActionStatus Status, decimal? Baseline, decimal? Target, decimal? Latest, decimal Weight)[] plan =
        [
            (ActionStatus.Concluded, null, null, null, 1m),
            (ActionStatus.InProgress, 0m, 50m, 10m, 2m),
            (ActionStatus.NotStarted, null, null, null, 1m),
            (ActionStatus.Discontinued, 0m, 10m, 10m, 5m),
        ];
        var items = plan.Select(a => (Progress: Progress.OfAction(a.Status, a.Baseline, a.Target, a.Latest), a.Weight)).ToList();

        var rollup = Progress.Rollup(items.Select(i => new ActionProgressItem(1, null, i.Progress, i.Weight)));

        // (1·1 + 0.2·2 + 0·1) / (1 + 2 + 1) = 1.4 / 4 = 0.35; the discontinued action is left out.
        rollup.Plan.ShouldBe(0.35m);
        rollup.ByAxis[1].ShouldBe(0.35m);
        Progress.WeightedMean(items).ShouldBe(0.35m);
    }

    private static decimal? D(double value) => double.IsNaN(value) ? null : (decimal)value;
}
