using Sispmpi.Core.Evaluation;
using Sispmpi.Core.Plans;

namespace Sispmpi.Core.Tests.Evaluation;

public class EffectivenessIndicatorsTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private const ActionStatus NotStarted = ActionStatus.NotStarted;
    private const ActionStatus InProgress = ActionStatus.InProgress;
    private const ActionStatus Concluded = ActionStatus.Concluded;
    private const ActionStatus Discontinued = ActionStatus.Discontinued;
    private const ActionClassification OneOff = ActionClassification.OneOff;
    private const ActionClassification Continuous = ActionClassification.Continuous;

    [Fact]
    public void Fixture_matches_the_values_computed_by_hand()
    {
        IndicatorAction[] actions =
        [
            // Axis 3 first: the result is ordered by axis id, not by input order.
            new(3, Concluded, OneOff, D(2025, 6, 1), D(2025, 6, 1), 500m, 500m), // on time (same day), delay 0
            new(3, Discontinued, Continuous, null, null, null, null), // counted in Actions only
            new(1, Concluded, OneOff, D(2025, 3, 31), D(2025, 3, 20), 1000m, 900m), // on time, delay 0
            new(1, Concluded, OneOff, D(2025, 3, 31), D(2025, 4, 10), 2000m, 2500m), // late, delay 10
            new(1, Concluded, Continuous, null, D(2025, 5, 1), null, 300m), // no planned end: on time, not measured
            new(1, InProgress, OneOff, D(2025, 6, 10), null, 500m, 100m), // open late, 20 days
            new(2, NotStarted, OneOff, D(2025, 5, 31), null, 400m, null), // open late, 30 days
            new(2, InProgress, OneOff, D(2025, 6, 30), null, null, null), // due today: not late
            new(2, InProgress, Continuous, D(2025, 1, 31), null, 600m, 50m), // contínua: never late while open
            new(2, Discontinued, OneOff, D(2025, 2, 28), null, 1000m, 200m), // past due but discontinued: not measured
        ];

        var result = EffectivenessIndicators.Compute(actions, Today);

        result.Actions.ShouldBe(10);
        result.Concluded.ShouldBe(4); // the four concluded
        result.ConcludedOnTime.ShouldBe(3); // all but the one 10 days late
        result.OnTimeShare.ShouldBe(0.75m); // 3 / 4
        result.MeanDelayDays.ShouldBe(12.0m); // (0 + 0 + 10 + 20 + 30) / 5
        result.LateOpen.ShouldBe(2); // 20 and 30 days
        result.ByAxis.ShouldBe(
        [
            new AxisExecution(1, Actions: 4, Concluded: 3, ConcludedShare: 0.75m), // 3 / (4 − 0)
            new AxisExecution(2, Actions: 4, Concluded: 0, ConcludedShare: 0m), // 0 / (4 − 1)
            new AxisExecution(3, Actions: 2, Concluded: 1, ConcludedShare: 1m), // 1 / (2 − 1)
        ]);
        result.PlannedBudget.ShouldBe(6000m); // 500 + 1000 + 2000 + 500 + 400 + 600 + 1000, discontinued included
        result.BudgetSpent.ShouldBe(4550m); // 500 + 900 + 2500 + 300 + 100 + 50 + 200
        result.BudgetExecutionShare.ShouldBe(0.7583m); // 4550 / 6000 = 0.758333…
    }

    // Offsets in days from today; null for a missing date. NaN stands for a null result.
    [Theory]
    // Concluded: on time when concluded on or before the planned end; the delay is never negative.
    [InlineData(Concluded, OneOff, -10, -20, 1, 1.0, 0.0, 0)]
    [InlineData(Concluded, OneOff, -10, -10, 1, 1.0, 0.0, 0)]
    [InlineData(Concluded, OneOff, -10, -7, 0, 0.0, 3.0, 0)]
    [InlineData(Concluded, OneOff, 10, -7, 1, 1.0, 0.0, 0)] // concluded before a future planned end
    [InlineData(Concluded, Continuous, -10, -5, 0, 0.0, 5.0, 0)] // the classification does not matter once concluded
    [InlineData(Concluded, OneOff, null, -5, 1, 1.0, double.NaN, 0)] // no planned end: on time, nothing to measure
    [InlineData(Concluded, OneOff, -10, null, 1, 1.0, double.NaN, 0)] // no conclusion date (inconsistent): same
    // Open pontual actions are late, and measured, once their planned end has passed.
    [InlineData(InProgress, OneOff, -1, null, 0, double.NaN, 1.0, 1)]
    [InlineData(NotStarted, OneOff, -30, null, 0, double.NaN, 30.0, 1)]
    [InlineData(InProgress, OneOff, 0, null, 0, double.NaN, double.NaN, 0)] // due today
    [InlineData(InProgress, OneOff, 5, null, 0, double.NaN, double.NaN, 0)]
    [InlineData(InProgress, OneOff, null, null, 0, double.NaN, double.NaN, 0)]
    // Open contínua actions and discontinued actions are never measured.
    [InlineData(InProgress, Continuous, -30, null, 0, double.NaN, double.NaN, 0)]
    [InlineData(NotStarted, Continuous, -30, null, 0, double.NaN, double.NaN, 0)]
    [InlineData(Discontinued, OneOff, -30, null, 0, double.NaN, double.NaN, 0)]
    [InlineData(Discontinued, OneOff, -30, -1, 0, double.NaN, double.NaN, 0)]
    public void A_single_action_is_judged_by_its_status_and_dates(
        ActionStatus status,
        ActionClassification classification,
        int? plannedEndOffset,
        int? concludedOffset,
        int concludedOnTime,
        double onTimeShare,
        double meanDelay,
        int lateOpen)
    {
        var action = new IndicatorAction(
            1, status, classification, Offset(plannedEndOffset), Offset(concludedOffset), null, null);

        var result = EffectivenessIndicators.Compute([action], Today);

        result.Actions.ShouldBe(1);
        result.Concluded.ShouldBe(status == Concluded ? 1 : 0);
        result.ConcludedOnTime.ShouldBe(concludedOnTime);
        result.OnTimeShare.ShouldBe(N(onTimeShare));
        result.MeanDelayDays.ShouldBe(N(meanDelay));
        result.LateOpen.ShouldBe(lateOpen);
    }

    [Theory]
    [InlineData(new[] { 1, 2 }, 1.5)]
    [InlineData(new[] { 1, 1, 2 }, 1.3)] // 1.333…
    [InlineData(new[] { 1, 1, 1, 2 }, 1.3)] // 1.25: midpoints away from zero
    [InlineData(new[] { 0, 0, 0, 0, 0, 1 }, 0.2)] // 0.1666…
    [InlineData(new[] { 0, 0, 0 }, 0.0)]
    public void Mean_delay_is_rounded_to_one_decimal(int[] delays, double expected)
    {
        var actions = delays.Select(delay =>
            new IndicatorAction(1, Concluded, OneOff, Today.AddDays(-100), Today.AddDays(-100 + delay), null, null));

        EffectivenessIndicators.Compute(actions, Today).MeanDelayDays.ShouldBe((decimal)expected);
    }

    [Fact]
    public void On_time_share_is_rounded_to_four_decimals()
    {
        IndicatorAction[] actions =
        [
            new(1, Concluded, OneOff, Today, Today, null, null),
            new(1, Concluded, OneOff, Today, Today, null, null),
            new(1, Concluded, OneOff, Today, Today.AddDays(1), null, null),
        ];

        var result = EffectivenessIndicators.Compute(actions, Today);

        result.OnTimeShare.ShouldBe(0.6667m); // 2 / 3
        result.ByAxis.Single().ConcludedShare.ShouldBe(1m);
    }

    // NaN stands for a missing amount or a null share.
    [Theory]
    [InlineData(new[] { 1000.0, 2000.0 }, new[] { 500.0, 500.0 }, 3000.0, 1000.0, 0.3333)]
    [InlineData(new[] { double.NaN, 1000.0 }, new[] { 200.0, double.NaN }, 1000.0, 200.0, 0.2)]
    [InlineData(new[] { 100.0 }, new[] { 125.0 }, 100.0, 125.0, 1.25)] // overspending
    [InlineData(new[] { 100000.0 }, new[] { 12345.0 }, 100000.0, 12345.0, 0.1235)] // 0.12345: midpoint away from zero
    [InlineData(new[] { 0.0 }, new[] { 100.0 }, 0.0, 100.0, double.NaN)] // nothing planned
    [InlineData(new[] { double.NaN, double.NaN }, new[] { double.NaN, 50.0 }, 0.0, 50.0, double.NaN)]
    [InlineData(new[] { double.NaN }, new[] { double.NaN }, 0.0, 0.0, double.NaN)]
    public void Budget_sums_missing_amounts_as_zero(
        double[] planned, double[] spent, double expectedPlanned, double expectedSpent, double expectedShare)
    {
        var actions = planned.Zip(spent, (p, s) => new IndicatorAction(1, InProgress, OneOff, null, null, N(p), N(s)));

        var result = EffectivenessIndicators.Compute(actions, Today);

        result.PlannedBudget.ShouldBe((decimal)expectedPlanned);
        result.BudgetSpent.ShouldBe((decimal)expectedSpent);
        result.BudgetExecutionShare.ShouldBe(N(expectedShare));
    }

    [Fact]
    public void No_actions_give_zeros_and_nulls()
    {
        var result = EffectivenessIndicators.Compute([], Today);

        result.ByAxis.ShouldBeEmpty();
        // Records compare lists by reference: compare the rest with the same empty list.
        IReadOnlyList<AxisExecution> noAxes = [];
        (result with { ByAxis = noAxes }).ShouldBe(new Effectiveness(
            Actions: 0,
            Concluded: 0,
            ConcludedOnTime: 0,
            OnTimeShare: null,
            MeanDelayDays: null,
            LateOpen: 0,
            ByAxis: noAxes,
            PlannedBudget: 0m,
            BudgetSpent: 0m,
            BudgetExecutionShare: null));
    }

    [Fact]
    public void All_discontinued_counts_actions_and_budget_but_measures_nothing()
    {
        IndicatorAction[] actions =
        [
            new(1, Discontinued, OneOff, Today.AddDays(-60), null, 100m, 40m),
            new(1, Discontinued, Continuous, null, null, null, 10m),
            new(2, Discontinued, OneOff, Today.AddDays(-1), null, 50m, null),
        ];

        var result = EffectivenessIndicators.Compute(actions, Today);

        result.Actions.ShouldBe(3);
        result.Concluded.ShouldBe(0);
        result.OnTimeShare.ShouldBeNull();
        result.MeanDelayDays.ShouldBeNull();
        result.LateOpen.ShouldBe(0);
        result.ByAxis.ShouldBe([new AxisExecution(1, 2, 0, null), new AxisExecution(2, 1, 0, null)]);
        result.PlannedBudget.ShouldBe(150m);
        result.BudgetSpent.ShouldBe(50m);
        result.BudgetExecutionShare.ShouldBe(0.3333m);
    }

    [Fact]
    public void Concluded_actions_without_planned_end_are_all_on_time_with_no_delay_to_measure()
    {
        IndicatorAction[] actions =
        [
            new(1, Concluded, Continuous, null, Today.AddDays(-3), null, null),
            new(1, Concluded, OneOff, null, Today, null, null),
            new(1, InProgress, OneOff, Today.AddDays(10), null, null, null),
        ];

        var result = EffectivenessIndicators.Compute(actions, Today);

        result.ConcludedOnTime.ShouldBe(2);
        result.OnTimeShare.ShouldBe(1m);
        result.MeanDelayDays.ShouldBeNull();
        result.ByAxis.Single().ConcludedShare.ShouldBe(0.6667m); // 2 / 3
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Should.Throw<ArgumentNullException>(() => EffectivenessIndicators.Compute(null!, Today));
        Should.Throw<ArgumentNullException>(() => EffectivenessIndicators.Compute([null!], Today));
        Should.Throw<ArgumentOutOfRangeException>(() => EffectivenessIndicators.Compute(
            [new IndicatorAction(1, (ActionStatus)9, OneOff, null, null, null, null)], Today));
        Should.Throw<ArgumentOutOfRangeException>(() => EffectivenessIndicators.Compute(
            [new IndicatorAction(1, InProgress, (ActionClassification)9, null, null, null, null)], Today));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateOnly? Offset(int? days) => days is { } value ? Today.AddDays(value) : null;

    private static decimal? N(double value) => double.IsNaN(value) ? null : (decimal)value;
}
