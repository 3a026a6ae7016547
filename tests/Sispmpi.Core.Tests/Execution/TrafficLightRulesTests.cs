using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;

namespace Sispmpi.Core.Tests.Execution;

public class TrafficLightRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Theory]
    [InlineData(ActionStatus.NotStarted, ActionClassification.OneOff, TrafficLight.White)]
    [InlineData(ActionStatus.NotStarted, ActionClassification.Continuous, TrafficLight.White)]
    [InlineData(ActionStatus.Concluded, ActionClassification.OneOff, TrafficLight.Blue)]
    [InlineData(ActionStatus.Concluded, ActionClassification.Continuous, TrafficLight.Blue)]
    [InlineData(ActionStatus.Discontinued, ActionClassification.OneOff, TrafficLight.Grey)]
    [InlineData(ActionStatus.Discontinued, ActionClassification.Continuous, TrafficLight.Grey)]
    public void Status_other_than_in_progress_decides_alone(
        ActionStatus status, ActionClassification classification, TrafficLight expected)
    {
        // Dates that would be red for an action in progress do not matter.
        var longAgo = Today.AddDays(-365);
        TrafficLightRules.Compute(status, classification, longAgo, longAgo, Today, TrafficLightThresholds.Default)
            .ShouldBe(expected);
        TrafficLightRules.Compute(status, classification, null, null, Today, TrafficLightThresholds.Default)
            .ShouldBe(expected);
    }

    [Theory]
    [InlineData(365, TrafficLight.Green)]
    [InlineData(31, TrafficLight.Green)]
    [InlineData(30, TrafficLight.Green)] // "green while 30 or more days remain"
    [InlineData(29, TrafficLight.Yellow)]
    [InlineData(1, TrafficLight.Yellow)]
    [InlineData(0, TrafficLight.Yellow)] // the planned end is today: not late yet
    [InlineData(-1, TrafficLight.Red)]
    [InlineData(-365, TrafficLight.Red)]
    public void One_off_in_progress_follows_the_days_left(int daysLeft, TrafficLight expected)
    {
        TrafficLightRules.Compute(
                ActionStatus.InProgress, ActionClassification.OneOff, Today.AddDays(daysLeft), null, Today,
                TrafficLightThresholds.Default)
            .ShouldBe(expected);
    }

    [Fact]
    public void One_off_without_planned_end_is_green()
    {
        TrafficLightRules.Compute(
                ActionStatus.InProgress, ActionClassification.OneOff, null, Today.AddDays(-365), Today,
                TrafficLightThresholds.Default)
            .ShouldBe(TrafficLight.Green);
    }

    [Theory]
    [InlineData(-5, TrafficLight.Green)] // an update dated in the future counts as recent
    [InlineData(0, TrafficLight.Green)]
    [InlineData(29, TrafficLight.Green)]
    [InlineData(30, TrafficLight.Yellow)]
    [InlineData(45, TrafficLight.Yellow)]
    [InlineData(60, TrafficLight.Yellow)]
    [InlineData(61, TrafficLight.Red)]
    [InlineData(400, TrafficLight.Red)]
    public void Continuous_in_progress_follows_the_days_since_the_last_update(int daysSince, TrafficLight expected)
    {
        TrafficLightRules.Compute(
                ActionStatus.InProgress, ActionClassification.Continuous, null, Today.AddDays(-daysSince), Today,
                TrafficLightThresholds.Default)
            .ShouldBe(expected);
    }

    [Fact]
    public void Continuous_never_updated_is_red()
    {
        TrafficLightRules.Compute(
                ActionStatus.InProgress, ActionClassification.Continuous, Today.AddDays(365), null, Today,
                TrafficLightThresholds.Default)
            .ShouldBe(TrafficLight.Red);
    }

    [Theory]
    [InlineData(ActionClassification.OneOff, 10, TrafficLight.Green)]
    [InlineData(ActionClassification.OneOff, 9, TrafficLight.Yellow)]
    [InlineData(ActionClassification.OneOff, 0, TrafficLight.Yellow)]
    [InlineData(ActionClassification.OneOff, -1, TrafficLight.Red)]
    [InlineData(ActionClassification.Continuous, 0, TrafficLight.Green)]
    [InlineData(ActionClassification.Continuous, 6, TrafficLight.Green)]
    [InlineData(ActionClassification.Continuous, 7, TrafficLight.Yellow)]
    [InlineData(ActionClassification.Continuous, 14, TrafficLight.Yellow)]
    [InlineData(ActionClassification.Continuous, 15, TrafficLight.Red)]
    public void Custom_thresholds_move_the_boundaries(ActionClassification classification, int offset, TrafficLight expected)
    {
        var thresholds = new TrafficLightThresholds(
            OneOffYellowDaysLeft: 10, ContinuousYellowDaysSinceUpdate: 7, ContinuousRedDaysSinceUpdate: 14);

        // offset: days left to the planned end (pontual) or days since the last update (contínua).
        var light = classification == ActionClassification.OneOff
            ? TrafficLightRules.Compute(ActionStatus.InProgress, classification, Today.AddDays(offset), null, Today, thresholds)
            : TrafficLightRules.Compute(ActionStatus.InProgress, classification, null, Today.AddDays(-offset), Today, thresholds);

        light.ShouldBe(expected);
    }

    [Fact]
    public void Default_thresholds_are_those_of_the_spec()
    {
        TrafficLightThresholds.Default.ShouldBe(new TrafficLightThresholds(30, 30, 60));
    }

    [Fact]
    public void Windows_are_offsets_from_today()
    {
        TrafficLightRules.Windows(Today, TrafficLightThresholds.Default).ShouldBe(new TrafficLightWindows(
            OneOffGreenFrom: new DateOnly(2025, 7, 15),
            OneOffRedBefore: Today,
            ContinuousGreenAfter: new DateOnly(2025, 5, 16),
            ContinuousRedBefore: new DateOnly(2025, 4, 16)));
    }

    public static TheoryData<TrafficLightThresholds> ThresholdCases => new()
    {
        TrafficLightThresholds.Default,
        new TrafficLightThresholds(10, 7, 14),
        new TrafficLightThresholds(0, 0, 0),
        new TrafficLightThresholds(45, 20, 20),
    };

    [Theory]
    [MemberData(nameof(ThresholdCases))]
    public void Filtering_with_the_windows_gives_the_same_light_as_Compute(TrafficLightThresholds thresholds)
    {
        var windows = TrafficLightRules.Windows(Today, thresholds);
        var dates = Enumerable.Range(-100, 201).Select(offset => (DateOnly?)Today.AddDays(offset)).Append(null).ToList();
        var checkedCount = 0;
        foreach (var classification in Enum.GetValues<ActionClassification>())
        {
            foreach (var date in dates)
            {
                // The date is the planned end of a pontual action or the last update of a contínua one.
                var plannedEnd = classification == ActionClassification.OneOff ? date : null;
                var lastUpdate = classification == ActionClassification.Continuous ? date : null;
                var expected = TrafficLightRules.Compute(
                    ActionStatus.InProgress, classification, plannedEnd, lastUpdate, Today, thresholds);

                var matching = Enum.GetValues<TrafficLight>()
                    .Where(light => Filter(windows, light, classification, plannedEnd, lastUpdate))
                    .ToList();

                matching.ShouldBe([expected], $"{classification} {date}");
                checkedCount++;
            }
        }

        checkedCount.ShouldBe(2 * 202);
    }

    [Theory]
    [InlineData(-1, 30, 60)]
    [InlineData(30, -1, 60)]
    [InlineData(30, 60, 30)]
    public void Inconsistent_thresholds_are_rejected(int oneOffYellow, int continuousYellow, int continuousRed)
    {
        var thresholds = new TrafficLightThresholds(oneOffYellow, continuousYellow, continuousRed);
        Should.Throw<ArgumentException>(() => TrafficLightRules.Windows(Today, thresholds));
        Should.Throw<ArgumentException>(() => TrafficLightRules.Compute(
            ActionStatus.InProgress, ActionClassification.OneOff, null, null, Today, thresholds));
    }

    [Fact]
    public void Light_values_are_stable()
    {
        // Stored as integers: these must never change.
        ((int)TrafficLight.White).ShouldBe(1);
        ((int)TrafficLight.Green).ShouldBe(2);
        ((int)TrafficLight.Yellow).ShouldBe(3);
        ((int)TrafficLight.Red).ShouldBe(4);
        ((int)TrafficLight.Blue).ShouldBe(5);
        ((int)TrafficLight.Grey).ShouldBe(6);
    }

    /// <summary>The filter a database query would apply to actions in progress, using only the windows.</summary>
    private static bool Filter(
        TrafficLightWindows w, TrafficLight light, ActionClassification classification, DateOnly? plannedEnd, DateOnly? lastUpdate) =>
        (light, classification) switch
        {
            (TrafficLight.Green, ActionClassification.OneOff) => plannedEnd is null || plannedEnd >= w.OneOffGreenFrom,
            (TrafficLight.Yellow, ActionClassification.OneOff) => plannedEnd >= w.OneOffRedBefore && plannedEnd < w.OneOffGreenFrom,
            (TrafficLight.Red, ActionClassification.OneOff) => plannedEnd < w.OneOffRedBefore,
            (TrafficLight.Green, ActionClassification.Continuous) => lastUpdate > w.ContinuousGreenAfter,
            (TrafficLight.Yellow, ActionClassification.Continuous) =>
                lastUpdate <= w.ContinuousGreenAfter && lastUpdate >= w.ContinuousRedBefore,
            (TrafficLight.Red, ActionClassification.Continuous) => lastUpdate is null || lastUpdate < w.ContinuousRedBefore,
            _ => false,
        };
}
