using Sispmpi.Core.Plans;

namespace Sispmpi.Core.Evaluation;

/// <summary>
/// An action as seen by <see cref="EffectivenessIndicators.Compute"/>. <paramref name="AxisId"/> is the axis it is
/// counted under: the caller maps actions of a sub-axis to their top-level axis when it wants execution by top axis.
/// </summary>
public sealed record IndicatorAction(
    int AxisId,
    ActionStatus Status,
    ActionClassification Classification,
    DateOnly? PlannedEnd,
    DateOnly? ConcludedOn,
    decimal? PlannedBudget,
    decimal? BudgetSpent);

/// <summary>
/// Execution of one axis: how many actions it has, how many are concluded, and <paramref name="ConcludedShare"/> =
/// concluded / (actions − discontinued), rounded to 4 decimals, null when every action is discontinued.
/// </summary>
public sealed record AxisExecution(int AxisId, int Actions, int Concluded, decimal? ConcludedShare);

/// <summary>The effectiveness indicators of a set of actions (see <see cref="EffectivenessIndicators.Compute"/>).</summary>
/// <param name="Actions">Every action given, discontinued ones included.</param>
/// <param name="Concluded">Actions with status concluded.</param>
/// <param name="ConcludedOnTime">Concluded actions concluded on or before their planned end, or without one.</param>
/// <param name="OnTimeShare"><paramref name="ConcludedOnTime"/> / <paramref name="Concluded"/>, 4 decimals; null when none is concluded.</param>
/// <param name="MeanDelayDays">Mean delay in days of the actions that can be measured, 1 decimal; null when none can.</param>
/// <param name="LateOpen"><c>Pontual</c> actions not started or in progress whose planned end has passed.</param>
/// <param name="ByAxis">Execution per axis id, ordered by axis id.</param>
/// <param name="PlannedBudget">Sum of the planned budgets (a missing value counts as 0).</param>
/// <param name="BudgetSpent">Sum of the budgets spent (a missing value counts as 0).</param>
/// <param name="BudgetExecutionShare"><paramref name="BudgetSpent"/> / <paramref name="PlannedBudget"/>, 4 decimals; null when nothing is planned.</param>
public sealed record Effectiveness(
    int Actions,
    int Concluded,
    int ConcludedOnTime,
    decimal? OnTimeShare,
    decimal? MeanDelayDays,
    int LateOpen,
    IReadOnlyList<AxisExecution> ByAxis,
    decimal PlannedBudget,
    decimal BudgetSpent,
    decimal? BudgetExecutionShare);

/// <summary>
/// Indicators of how effectively a plan is executed: share of actions concluded on time, mean delay, execution by
/// axis and budget executed against planned.
/// </summary>
public static class EffectivenessIndicators
{
    private const int ShareDecimals = 4;
    private const int DelayDecimals = 1;

    /// <summary>
    /// Computes the indicators of <paramref name="actions"/> on <paramref name="today"/>:
    /// <list type="bullet">
    /// <item><b>on time</b>: a concluded action whose conclusion date is on or before its planned end; a concluded
    /// action without a planned end (or, inconsistently, without a conclusion date) counts as on time;</item>
    /// <item><b>on-time share</b>: concluded on time / concluded, rounded to 4 decimals; null when none is concluded;</item>
    /// <item><b>mean delay</b> in days, rounded to 1 decimal: the mean of <c>max(0, concludedOn − plannedEnd)</c> over
    /// the concluded actions with both dates, together with <c>today − plannedEnd</c> for the <c>pontual</c> actions
    /// not started or in progress whose planned end is before today, so open late actions count too (an action due
    /// today is not late; <c>contínua</c> actions still open are never late); null when there is no such action;</item>
    /// <item><b>late open</b>: the number of those open late <c>pontual</c> actions;</item>
    /// <item><b>by axis</b>: per <see cref="IndicatorAction.AxisId"/>, the number of actions, of concluded ones and
    /// concluded / (actions − discontinued), rounded to 4 decimals, null when that denominator is 0; ordered by axis id;</item>
    /// <item><b>budget</b>: the sums of planned and spent budgets over all actions (discontinued ones too: what they
    /// spent was spent), a missing value counting as 0; the execution share is spent / planned, rounded to 4 decimals,
    /// null when the planned total is not above 0.</item>
    /// </list>
    /// Discontinued actions count in <see cref="Effectiveness.Actions"/> and in the budget, never in the on-time share
    /// or the delay. Rounding is to the nearest, midpoints away from zero.
    /// </summary>
    public static Effectiveness Compute(IEnumerable<IndicatorAction> actions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actions);

        int count = 0, concluded = 0, concludedOnTime = 0, lateOpen = 0, delayCount = 0;
        long delaySum = 0;
        decimal plannedBudget = 0, budgetSpent = 0;
        var axes = new SortedDictionary<int, AxisCounts>();
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action, nameof(actions));
            CheckEnums(action, nameof(actions));
            count++;
            plannedBudget += action.PlannedBudget ?? 0;
            budgetSpent += action.BudgetSpent ?? 0;
            axes[action.AxisId] = axes.GetValueOrDefault(action.AxisId).Add(action.Status);

            if (action.Status == ActionStatus.Concluded)
            {
                concluded++;
                if (action is { PlannedEnd: { } plannedEnd, ConcludedOn: { } concludedOn })
                {
                    var delay = concludedOn.DayNumber - plannedEnd.DayNumber;
                    concludedOnTime += delay <= 0 ? 1 : 0;
                    delaySum += Math.Max(0, delay);
                    delayCount++;
                }
                else
                {
                    concludedOnTime++;
                }
            }
            else if (IsOpenLate(action, today, out var daysLate))
            {
                lateOpen++;
                delaySum += daysLate;
                delayCount++;
            }
        }

        var byAxis = axes
            .Select(pair => new AxisExecution(
                pair.Key, pair.Value.Actions, pair.Value.Concluded, Share(pair.Value.Concluded, pair.Value.Actions - pair.Value.Discontinued)))
            .ToList();

        return new Effectiveness(
            Actions: count,
            Concluded: concluded,
            ConcludedOnTime: concludedOnTime,
            OnTimeShare: Share(concludedOnTime, concluded),
            MeanDelayDays: delayCount > 0 ? Math.Round((decimal)delaySum / delayCount, DelayDecimals, MidpointRounding.AwayFromZero) : null,
            LateOpen: lateOpen,
            ByAxis: byAxis.AsReadOnly(),
            PlannedBudget: plannedBudget,
            BudgetSpent: budgetSpent,
            BudgetExecutionShare: Share(budgetSpent, plannedBudget));
    }

    /// <summary>A <c>pontual</c> action not started or in progress whose planned end is before today.</summary>
    private static bool IsOpenLate(IndicatorAction action, DateOnly today, out int daysLate)
    {
        daysLate = action is
            {
                Status: ActionStatus.NotStarted or ActionStatus.InProgress,
                Classification: ActionClassification.OneOff,
                PlannedEnd: { } plannedEnd,
            }
            ? today.DayNumber - plannedEnd.DayNumber
            : 0;
        return daysLate > 0;
    }

    private static decimal? Share(decimal part, decimal whole) =>
        whole > 0 ? Math.Round(part / whole, ShareDecimals, MidpointRounding.AwayFromZero) : null;

    private static void CheckEnums(IndicatorAction action, string paramName)
    {
        if (!Enum.IsDefined(action.Status))
        {
            throw new ArgumentOutOfRangeException(paramName, action.Status, "Situação de ação inválida.");
        }

        if (!Enum.IsDefined(action.Classification))
        {
            throw new ArgumentOutOfRangeException(paramName, action.Classification, "Classificação de ação inválida.");
        }
    }

    private readonly record struct AxisCounts(int Actions, int Concluded, int Discontinued)
    {
        public AxisCounts Add(ActionStatus status) => new(
            Actions + 1,
            Concluded + (status == ActionStatus.Concluded ? 1 : 0),
            Discontinued + (status == ActionStatus.Discontinued ? 1 : 0));
    }
}
