using Sispmpi.Core.Auditing;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Bench.Generation;

/// <summary>Plan actions: planning, carry-over between versions, and the execution record with its history.</summary>
public sealed partial class NetworkGenerator
{
    /// <summary>
    /// <paramref name="count"/> actions spread over the leaves, the first ones carried over from <paramref name="carriedFrom"/>
    /// (the previous version), numbered "axis.sub.position"; executed up to <paramref name="cutoff"/> when asked.
    /// </summary>
    private List<PlanAction> AddActions(IntegrityPlan plan, List<LeafAxis> leaves, int count, List<PlanAction> carriedFrom,
        DateTimeOffset firstAt, DateTimeOffset lastAt, List<AdministrativeUnit> units, List<HistoryEvent> history, bool execute,
        DateOnly cutoff, DateTimeOffset cutoffAt)
    {
        var perLeaf = leaves.Select(_ => new List<PlanAction?>()).ToList();
        var leafByNumber = leaves.Select((l, i) => (l.Axis.Number, i)).ToDictionary(x => x.Number, x => x.i);
        var originalAxisNumbers = carriedFrom.Count == 0
            ? []
            : AxesOfRecentPlan(carriedFrom[0].PlanId).ToDictionary(a => a.Id, a => a.Number);
        foreach (var original in carriedFrom)
        {
            perLeaf[leafByNumber[originalAxisNumbers[original.AxisId]]].Add(original);
        }
        for (var i = carriedFrom.Count; i < count; i++)
        {
            perLeaf[_random.Next(leaves.Count)].Add(null);
        }

        var titles = new Dictionary<AxisTemplate, Queue<(ActionTemplate Action, string Complement)>>();
        var rounds = new Dictionary<AxisTemplate, int>();
        var created = new List<PlanAction>(count);
        var spanMilliseconds = Math.Max(1L, (long)(lastAt - firstAt).TotalMilliseconds);
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            var (axis, template) = leaves[leaf];
            for (var position = 1; position <= perLeaf[leaf].Count; position++)
            {
                var original = perLeaf[leaf][position - 1];
                var action = original is null
                    ? NewAction(plan, axis, template, position, units, titles, rounds)
                    : CarryOver(plan, axis, position, original);
                _network.Actions.Add(action);
                created.Add(action);
                var insertedAt = firstAt.AddTicks(_random.NextInt64(spanMilliseconds) * TimeSpan.TicksPerMillisecond);
                history.Add(new HistoryEvent(insertedAt, action, AuditOperation.Insert, InsertOverrides: _unexecuted));
                if (execute)
                {
                    Execute(action, plan, Max(insertedAt, lastAt), cutoff, cutoffAt, history);
                }
                action.RefreshStatus();
            }
        }
        return created;
    }

    /// <summary>An action is created with its planning only: its execution is recorded later, field by field.</summary>
    private static readonly Dictionary<string, object?> _unexecuted = new()
    {
        ["Status"] = ActionStatus.NotStarted,
        ["StartedOn"] = null,
        ["ConcludedOn"] = null,
        ["DiscontinuedOn"] = null,
        ["DiscontinuationJustification"] = null,
        ["BudgetSpent"] = null,
        ["LastUpdateAt"] = null,
    };

    private PlanAction NewAction(IntegrityPlan plan, PlanAxis axis, AxisTemplate template, int position, List<AdministrativeUnit> units,
        Dictionary<AxisTemplate, Queue<(ActionTemplate Action, string Complement)>> titles, Dictionary<AxisTemplate, int> rounds)
    {
        if (!titles.TryGetValue(template, out var queue) || queue.Count == 0)
        {
            rounds[template] = rounds.GetValueOrDefault(template) + 1;
            queue = new Queue<(ActionTemplate, string)>(Shuffle(
                template.Actions.SelectMany(a => WordLists.ActionComplements
                    .Concat(a.Continuous ? WordLists.ContinuousComplements : [])
                    .Select(c => (a, c)))));
            titles[template] = queue;
        }
        var (actionTemplate, complement) = queue.Dequeue();
        var round = rounds[template];
        var title = $"{actionTemplate.Title}{complement}{(round > 1 ? $" (etapa {round})" : "")}";
        var classification = actionTemplate.Continuous ? ActionClassification.Continuous : ActionClassification.OneOff;
        var (start, end) = PlannedDates(plan, classification);
        var budget = _random.Next(3) == 0 ? 0m : _random.Next(1, 400) * 500m;
        return new PlanAction
        {
            Id = ++_actionId,
            OrganizationId = plan.OrganizationId,
            PlanId = plan.Id,
            AxisId = axis.Id,
            Position = position,
            Number = $"{axis.Number}.{position}",
            Title = title,
            Description = $"{title}, conforme diretrizes do Programa de Integridade.",
            ExecutingUnitId = units[_random.Next(units.Count)].Id,
            Classification = classification,
            ActionType = actionTemplate.Type,
            PlannedStart = start,
            PlannedEnd = end,
            PlannedBudget = budget,
            Objectives = Pick(WordLists.Objectives),
            Benefits = _random.Next(3) == 0 ? null : Pick(WordLists.Benefits),
            SuggestedEvidence = Pick(WordLists.Evidence),
            Weight = _random.Next(20) switch { 0 => 0.5m, < 4 => 2m, _ => 1m },
        };
    }

    private PlanAction CarryOver(IntegrityPlan plan, PlanAxis axis, int position, PlanAction original) => new()
    {
        Id = ++_actionId,
        OrganizationId = plan.OrganizationId,
        PlanId = plan.Id,
        AxisId = axis.Id,
        Position = position,
        Number = $"{axis.Number}.{position}",
        Title = original.Title,
        Description = original.Description,
        ExecutingUnitId = original.ExecutingUnitId,
        Classification = original.Classification,
        ActionType = original.ActionType,
        PlannedStart = Max(original.PlannedStart!.Value, plan.ValidFrom!.Value),
        PlannedEnd = Max(original.PlannedEnd!.Value, plan.ValidFrom!.Value.AddDays(60)),
        PlannedBudget = original.PlannedBudget,
        Objectives = original.Objectives,
        Benefits = original.Benefits,
        SuggestedEvidence = original.SuggestedEvidence,
        Weight = original.Weight,
        OriginActionId = original.Id,
    };

    private (DateOnly Start, DateOnly End) PlannedDates(IntegrityPlan plan, ActionClassification classification)
    {
        var from = plan.ValidFrom!.Value;
        var to = plan.ValidTo!.Value;
        var days = Math.Max(1, to.DayNumber - from.DayNumber - 90);
        // Earlier starts are likelier: most of a plan is scheduled for its first year.
        var start = from.AddDays((int)(days * Math.Pow(_random.NextDouble(), 1.6)));
        var end = classification == ActionClassification.Continuous
            ? to
            : Min(start.AddDays(_random.Next(30, 301)), to);
        return (start, end);
    }

    /// <summary>
    /// Fills the execution record as the units would have, up to <paramref name="cutoff"/>, and the history of each update
    /// (the fields that changed, in the order EF lists properties); the status is then derived by the Core rule.
    /// </summary>
    private void Execute(PlanAction action, IntegrityPlan plan, DateTimeOffset notBefore, DateOnly cutoff, DateTimeOffset cutoffAt,
        List<HistoryEvent> history)
    {
        var start = action.PlannedStart!.Value;
        var end = action.PlannedEnd!.Value;
        var r = _random.NextDouble();
        var outcome = start > cutoff
            ? r switch { < 0.94 => ActionStatus.NotStarted, < 0.98 => ActionStatus.InProgress, _ => ActionStatus.Discontinued }
            : action.Classification == ActionClassification.Continuous
                ? r switch { < 0.86 => ActionStatus.InProgress, < 0.93 => ActionStatus.Discontinued, _ => ActionStatus.NotStarted }
                : end < cutoff
                    ? r switch { < 0.66 => ActionStatus.Concluded, < 0.82 => ActionStatus.InProgress, < 0.90 => ActionStatus.Discontinued, _ => ActionStatus.NotStarted }
                    : r switch { < 0.78 => ActionStatus.InProgress, < 0.86 => ActionStatus.Concluded, < 0.92 => ActionStatus.Discontinued, _ => ActionStatus.NotStarted };
        if (outcome == ActionStatus.NotStarted)
        {
            return;
        }

        var earliest = Max(plan.ValidFrom!.Value.AddDays(-30), DateOnly.FromDateTime(notBefore.UtcDateTime));
        var started = outcome != ActionStatus.Discontinued || _random.Next(10) < 7;
        var status = ActionStatus.NotStarted;
        DateTimeOffset? lastUpdate = null;
        var last = notBefore;
        decimal? spent = null;

        if (started)
        {
            var startedOn = start <= cutoff
                ? Clamp(start.AddDays(_random.Next(-10, 31)), earliest, cutoff)
                : Clamp(cutoff.AddDays(-_random.Next(0, 21)), earliest, cutoff);
            action.StartedOn = startedOn;
            last = EventTime(startedOn.AddDays(_random.Next(0, 5)), last, cutoff, cutoffAt);
            history.Add(new HistoryEvent(last, action, AuditOperation.Update,
            [
                new("LastUpdateAt", lastUpdate, last), new("StartedOn", null, startedOn),
                new("Status", status, ActionStatus.InProgress),
            ]));
            (status, lastUpdate) = (ActionStatus.InProgress, last);

            if (action.PlannedBudget > 0 && outcome != ActionStatus.Discontinued && _random.Next(10) < 6)
            {
                var progressDay = startedOn.AddDays(_random.Next(5, Math.Max(6, cutoff.DayNumber - startedOn.DayNumber)));
                last = EventTime(Min(progressDay, cutoff), last, cutoff, cutoffAt);
                var partial = Money(action.PlannedBudget.Value * (decimal)(0.1 + _random.NextDouble() * 0.6), 0.01m);
                history.Add(new HistoryEvent(last, action, AuditOperation.Update,
                    [new("BudgetSpent", spent, partial), new("LastUpdateAt", lastUpdate, last)]));
                (spent, lastUpdate) = (partial, last);
            }
        }

        if (outcome == ActionStatus.Concluded)
        {
            var startedOn = action.StartedOn!.Value;
            var latest = Min(end.AddDays(40), cutoff);
            var concludedOn = latest.DayNumber - startedOn.DayNumber > 5
                ? startedOn.AddDays(_random.Next(5, latest.DayNumber - startedOn.DayNumber + 1))
                : Max(startedOn, latest);
            action.ConcludedOn = concludedOn;
            last = EventTime(concludedOn.AddDays(_random.Next(0, 4)), last, cutoff, cutoffAt);
            var final = Money((action.PlannedBudget ?? 0m) * (decimal)(0.8 + _random.NextDouble() * 0.25), 0.01m);
            var changes = new List<FieldChange>();
            if (final != spent)
            {
                changes.Add(new("BudgetSpent", spent, final));
            }
            changes.AddRange([new("ConcludedOn", null, concludedOn), new("LastUpdateAt", lastUpdate, last),
                new("Status", status, ActionStatus.Concluded)]);
            history.Add(new HistoryEvent(last, action, AuditOperation.Update, changes));
            (spent, lastUpdate) = (final, last);
        }
        else if (outcome == ActionStatus.Discontinued)
        {
            var from = action.StartedOn?.AddDays(5) ?? earliest;
            var discontinuedOn = cutoff.DayNumber > from.DayNumber ? from.AddDays(_random.Next(0, cutoff.DayNumber - from.DayNumber + 1)) : cutoff;
            action.DiscontinuedOn = discontinuedOn;
            var reason = Pick(WordLists.DiscontinuationReasons);
            action.DiscontinuationJustification = reason;
            last = EventTime(discontinuedOn, last, cutoff, cutoffAt);
            var changes = new List<FieldChange>();
            if (started)
            {
                var partial = Money((action.PlannedBudget ?? 0m) * (decimal)(_random.NextDouble() * 0.4), 0.01m);
                changes.Add(new("BudgetSpent", spent, partial));
                spent = partial;
            }
            changes.AddRange([new("DiscontinuationJustification", null, reason), new("DiscontinuedOn", null, discontinuedOn),
                new("LastUpdateAt", lastUpdate, last), new("Status", status, ActionStatus.Discontinued)]);
            history.Add(new HistoryEvent(last, action, AuditOperation.Update, changes, Justification: reason));
            lastUpdate = last;
        }

        action.BudgetSpent = spent;
        action.LastUpdateAt = lastUpdate;
    }

    /// <summary>During office hours of <paramref name="day"/>, after <paramref name="previous"/> and not after the cutoff.</summary>
    private DateTimeOffset EventTime(DateOnly day, DateTimeOffset previous, DateOnly cutoff, DateTimeOffset cutoffAt)
    {
        var at = At(Min(day, cutoff));
        var earliest = previous.AddMinutes(_random.Next(1, 90));
        if (at < earliest)
        {
            at = earliest;
        }
        if (at <= cutoffAt)
        {
            return at;
        }
        var capped = cutoffAt.AddMinutes(-_random.Next(0, 5));
        return capped < earliest ? earliest : capped;
    }
}
