using Sispmpi.Core.Plans;

namespace Sispmpi.Core.Execution;

/// <summary>The colour of an action in the execution traffic light (semáforo). Stored as integers: never renumber.</summary>
public enum TrafficLight
{
    /// <summary>Not started.</summary>
    White = 1,

    /// <summary>In progress and on track.</summary>
    Green = 2,

    /// <summary>In progress and needing attention.</summary>
    Yellow = 3,

    /// <summary>In progress and late (or a <c>contínua</c> action never updated).</summary>
    Red = 4,

    /// <summary>Concluded.</summary>
    Blue = 5,

    /// <summary>Discontinued.</summary>
    Grey = 6,
}

/// <summary>
/// Day counts that move an action in progress between green, yellow and red. A <c>pontual</c> action is green while
/// at least <paramref name="OneOffYellowDaysLeft"/> days remain to its planned end; a <c>contínua</c> action turns
/// yellow when its last update is <paramref name="ContinuousYellowDaysSinceUpdate"/> days old and red when it is older
/// than <paramref name="ContinuousRedDaysSinceUpdate"/> days.
/// </summary>
public sealed record TrafficLightThresholds(
    int OneOffYellowDaysLeft = 30,
    int ContinuousYellowDaysSinceUpdate = 30,
    int ContinuousRedDaysSinceUpdate = 60)
{
    /// <summary>The values of the SPEC: 30 days left; 30 and 60 days since the last update.</summary>
    public static readonly TrafficLightThresholds Default = new();
}

/// <summary>
/// Date boundaries equivalent to <see cref="TrafficLightRules.Compute"/> for actions in progress, so a database
/// query can filter by light without computing it row by row.
/// </summary>
/// <param name="OneOffGreenFrom">A <c>pontual</c> action is green when its planned end is on or after this day.</param>
/// <param name="OneOffRedBefore">A <c>pontual</c> action is red when its planned end is before this day.</param>
/// <param name="ContinuousGreenAfter">A <c>contínua</c> action is green when its last update is after this day.</param>
/// <param name="ContinuousRedBefore">A <c>contínua</c> action is red when its last update is before this day (or missing).</param>
public readonly record struct TrafficLightWindows(
    DateOnly OneOffGreenFrom,
    DateOnly OneOffRedBefore,
    DateOnly ContinuousGreenAfter,
    DateOnly ContinuousRedBefore);

/// <summary>SPEC: the traffic light of an action from its status, classification and dates.</summary>
public static class TrafficLightRules
{
    /// <summary>
    /// White, blue and grey follow the status alone. An action in progress is:
    /// <list type="bullet">
    /// <item><c>pontual</c>: green with no planned end or while <c>plannedEnd − today</c> is at least
    /// <see cref="TrafficLightThresholds.OneOffYellowDaysLeft"/> (so exactly 30 days left is still green: "green while
    /// 30 or more days remain"), yellow from then until the planned end day itself, red once it has passed;</item>
    /// <item><c>contínua</c>: green while <c>today − lastUpdate</c> is below
    /// <see cref="TrafficLightThresholds.ContinuousYellowDaysSinceUpdate"/>, yellow up to and including
    /// <see cref="TrafficLightThresholds.ContinuousRedDaysSinceUpdate"/>, red after that or when never updated.</item>
    /// </list>
    /// </summary>
    public static TrafficLight Compute(
        ActionStatus status,
        ActionClassification classification,
        DateOnly? plannedEnd,
        DateOnly? lastUpdate,
        DateOnly today,
        TrafficLightThresholds thresholds)
    {
        CheckThresholds(thresholds);
        return status switch
        {
            ActionStatus.NotStarted => TrafficLight.White,
            ActionStatus.Concluded => TrafficLight.Blue,
            ActionStatus.Discontinued => TrafficLight.Grey,
            ActionStatus.InProgress => classification switch
            {
                ActionClassification.OneOff => OneOff(plannedEnd, today, thresholds),
                ActionClassification.Continuous => Continuous(lastUpdate, today, thresholds),
                _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, null),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
    }

    /// <summary>The boundaries of <see cref="Compute"/> on <paramref name="today"/> (see <see cref="TrafficLightWindows"/>).</summary>
    public static TrafficLightWindows Windows(DateOnly today, TrafficLightThresholds thresholds)
    {
        CheckThresholds(thresholds);
        return new TrafficLightWindows(
            OneOffGreenFrom: today.AddDays(thresholds.OneOffYellowDaysLeft),
            OneOffRedBefore: today,
            ContinuousGreenAfter: today.AddDays(-thresholds.ContinuousYellowDaysSinceUpdate),
            ContinuousRedBefore: today.AddDays(-thresholds.ContinuousRedDaysSinceUpdate));
    }

    private static TrafficLight OneOff(DateOnly? plannedEnd, DateOnly today, TrafficLightThresholds thresholds)
    {
        if (plannedEnd is not { } end)
        {
            return TrafficLight.Green;
        }

        var daysLeft = end.DayNumber - today.DayNumber;
        return daysLeft >= thresholds.OneOffYellowDaysLeft ? TrafficLight.Green
            : daysLeft >= 0 ? TrafficLight.Yellow
            : TrafficLight.Red;
    }

    private static TrafficLight Continuous(DateOnly? lastUpdate, DateOnly today, TrafficLightThresholds thresholds)
    {
        if (lastUpdate is not { } updated)
        {
            return TrafficLight.Red;
        }

        var daysSince = today.DayNumber - updated.DayNumber;
        return daysSince < thresholds.ContinuousYellowDaysSinceUpdate ? TrafficLight.Green
            : daysSince <= thresholds.ContinuousRedDaysSinceUpdate ? TrafficLight.Yellow
            : TrafficLight.Red;
    }

    /// <summary>Negative or crossed thresholds would make the colours overlap, and the windows disagree with Compute.</summary>
    private static void CheckThresholds(TrafficLightThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.OneOffYellowDaysLeft < 0
            || thresholds.ContinuousYellowDaysSinceUpdate < 0
            || thresholds.ContinuousRedDaysSinceUpdate < thresholds.ContinuousYellowDaysSinceUpdate)
        {
            throw new ArgumentException(
                "Limites do semáforo inválidos: os prazos não podem ser negativos e o prazo do vermelho das ações "
                + "contínuas não pode ser menor que o do amarelo.",
                nameof(thresholds));
        }
    }
}
