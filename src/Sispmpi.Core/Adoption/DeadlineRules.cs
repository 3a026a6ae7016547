namespace Sispmpi.Core.Adoption;

/// <summary>Where a goal stands on a given day.</summary>
/// <param name="NextDue">The earliest date still owed; null when nothing is owed (done, or waiting for an event).</param>
/// <param name="IsLate">The owed date has passed.</param>
/// <param name="PeriodStart">For periodic rules, the first day of the period <paramref name="NextDue"/> closes.</param>
/// <param name="HoursRecorded">For a yearly minimum, the hours recorded in that period.</param>
/// <param name="ShortfallHours">For a yearly minimum, the hours still missing in that period (0 when met).</param>
/// <param name="PendingEvents">For event-driven rules, recorded events not yet settled by a completion.</param>
public sealed record DeadlineStatus(
    DateOnly? NextDue,
    bool IsLate,
    DateOnly? PeriodStart = null,
    decimal? HoursRecorded = null,
    decimal? ShortfallHours = null,
    int PendingEvents = 0)
{
    /// <summary>Nothing owed and nothing late.</summary>
    public static DeadlineStatus Settled { get; } = new(null, false);
}

/// <summary>
/// SPEC §4: the next due date of a work-plan goal and whether it is late, from its rule, the agreement's
/// validity, what was recorded and today's date.
/// </summary>
/// <remarks>
/// A date is late from the day after it. One-off rules (fixed date, N days after the start, during the validity)
/// are settled by any completion. Periodic rules divide the validity into years (or months) counted from its
/// start, the last one cut at its end; each period is due on its last day and settled by a completion dated in
/// it or, for a yearly minimum, by the hours recorded in it. Event-driven rules owe one date per recorded event
/// (the event's own date when on call; day D of the following month otherwise); each completion settles the
/// oldest pending event.
/// </remarks>
public static class DeadlineRules
{
    public static DeadlineStatus Evaluate(DeadlineRule rule, ValidityPeriod validity, IEnumerable<GoalRecord> records, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(records);
        var list = records as IReadOnlyCollection<GoalRecord> ?? records.ToList();
        return rule.Kind switch
        {
            DeadlineKind.FixedDate => OneOff(rule.Date!.Value, list, today),
            DeadlineKind.DaysAfterStart => OneOff(validity.Start.AddDays(rule.Days!.Value), list, today),
            DeadlineKind.DuringValidity or DeadlineKind.AsRegulated => OneOff(validity.End, list, today),
            DeadlineKind.Yearly => Periodic(Periods(validity, months: 12), list, today, minimumHours: null),
            DeadlineKind.Monthly => Periodic(Periods(validity, months: 1), list, today, minimumHours: null),
            DeadlineKind.YearlyMinimumHours => Periodic(Periods(validity, months: 12), list, today, rule.MinimumHours),
            DeadlineKind.OnCall => EventDriven(list, today, e => e),
            DeadlineKind.DayOfFollowingMonth => EventDriven(list, today, e => DayOfFollowingMonth(e, rule.DayOfMonth!.Value)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown deadline kind."),
        };
    }

    /// <summary>Day <paramref name="day"/> of the month after <paramref name="eventDate"/>, or that month's last day when shorter.</summary>
    public static DateOnly DayOfFollowingMonth(DateOnly eventDate, int day)
    {
        var month = new DateOnly(eventDate.Year, eventDate.Month, 1).AddMonths(1);
        return new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
    }

    /// <summary>The periods of the validity, each of <paramref name="months"/> months from its start, the last cut at its end.</summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End)> Periods(ValidityPeriod validity, int months)
    {
        var periods = new List<(DateOnly, DateOnly)>();
        for (var k = 0; ; k++)
        {
            var start = validity.Start.AddMonths(k * months);
            if (start > validity.End)
            {
                return periods;
            }
            var end = validity.Start.AddMonths((k + 1) * months).AddDays(-1);
            periods.Add((start, end < validity.End ? end : validity.End));
        }
    }

    private static DeadlineStatus OneOff(DateOnly due, IReadOnlyCollection<GoalRecord> records, DateOnly today) =>
        records.Any(r => r.Kind == GoalRecordKind.Completion) ? DeadlineStatus.Settled : new DeadlineStatus(due, due < today);

    private static DeadlineStatus Periodic(IReadOnlyList<(DateOnly Start, DateOnly End)> periods, IReadOnlyCollection<GoalRecord> records,
        DateOnly today, decimal? minimumHours)
    {
        foreach (var (start, end) in periods)
        {
            if (minimumHours is { } minimum)
            {
                var hours = records.Where(r => r.Kind == GoalRecordKind.Hours && r.Date >= start && r.Date <= end).Sum(r => r.Hours);
                if (hours < minimum)
                {
                    return new DeadlineStatus(end, end < today, start, hours, minimum - hours);
                }
            }
            else if (!records.Any(r => r.Kind == GoalRecordKind.Completion && r.Date >= start && r.Date <= end))
            {
                return new DeadlineStatus(end, end < today, start);
            }
        }
        return DeadlineStatus.Settled;
    }

    private static DeadlineStatus EventDriven(IReadOnlyCollection<GoalRecord> records, DateOnly today, Func<DateOnly, DateOnly> dueOf)
    {
        var completions = records.Count(r => r.Kind == GoalRecordKind.Completion);
        var pending = records.Where(r => r.Kind == GoalRecordKind.Event)
            .Select(r => dueOf(r.Date))
            .Order()
            .Skip(completions)
            .ToList();
        return pending.Count == 0
            ? DeadlineStatus.Settled
            : new DeadlineStatus(pending[0], pending[0] < today, PendingEvents: pending.Count);
    }
}
