namespace Sispmpi.Core.Notifications;

/// <summary>
/// When an action's deadline reminders are due (SPEC §7). A reminder set for "d days before the planned end" is
/// sent on that day, or on the Friday before when the day falls on a weekend, so that it reaches people at work.
/// The daily job asks with today's date (Brasília), so a day it missed is made up the next time it runs, and each
/// reminder carries a key that the sender records to never send it twice.
/// </summary>
public static class ReminderRules
{
    /// <summary>The day the "<paramref name="daysBefore"/> days before" reminder goes out.</summary>
    public static DateOnly SendDate(DateOnly plannedEnd, int daysBefore)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysBefore);
        return PreviousWorkingDay(plannedEnd.AddDays(-daysBefore));
    }

    /// <summary>The same day when it is Monday to Friday, otherwise the Friday before.</summary>
    public static DateOnly PreviousWorkingDay(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };

    /// <summary>
    /// The approaching-deadline reminder due on <paramref name="today"/>, or null: of the configured offsets whose
    /// send date has come, the closest to the deadline (after a missed run, one reminder with the latest news
    /// rather than a burst of stale ones). None once the planned end has passed: overdue reminders take over.
    /// </summary>
    public static Reminder? Approaching(DateOnly plannedEnd, DateOnly today, IEnumerable<int> daysBefore)
    {
        if (today > plannedEnd)
        {
            return null;
        }
        int? due = null;
        foreach (var days in daysBefore.Distinct())
        {
            if (SendDate(plannedEnd, days) <= today && (due is null || days < due))
            {
                due = days;
            }
        }
        return due is int d ? new Reminder(ReminderKind.Approaching, $"prazo:{plannedEnd:yyyy-MM-dd}:{d}", d, plannedEnd.DayNumber - today.DayNumber) : null;
    }

    /// <summary>
    /// The weekly overdue reminder due on <paramref name="today"/>, or null: once a week, from the configured weekday on
    /// (a run missed on that day is made up later in the same week), while the planned end is past.
    /// </summary>
    public static Reminder? Overdue(DateOnly plannedEnd, DateOnly today, DayOfWeek weekday)
    {
        if (today <= plannedEnd)
        {
            return null;
        }
        var weekStart = WeekStart(today, weekday);
        // The first reminder waits for the weekday after the deadline passed.
        if (weekStart <= plannedEnd)
        {
            return null;
        }
        return new Reminder(ReminderKind.Overdue, $"atraso:{weekStart:yyyy-MM-dd}", 0, plannedEnd.DayNumber - today.DayNumber);
    }

    /// <summary>The first day of the reminder week that holds <paramref name="day"/> (weeks start on <paramref name="weekday"/>).</summary>
    public static DateOnly WeekStart(DateOnly day, DayOfWeek weekday) => day.AddDays(-(((int)day.DayOfWeek - (int)weekday + 7) % 7));

    /// <summary>
    /// Whether the run for the slot <paramref name="day"/>, made on <paramref name="runOn"/>, sends overdue reminders. A slot of a
    /// reminder week already over, made up late (yesterday's, when the job was down or late), sends none: the run of
    /// today's slot follows the same day with the current week's reminder, and both would reach the same people within
    /// hours. A slot of the current week (or ahead of it) sends as usual.
    /// </summary>
    public static bool SendsOverdue(DateOnly day, DateOnly runOn, DayOfWeek weekday) => WeekStart(day, weekday) >= WeekStart(runOn, weekday);

    /// <summary>Parses a list of offsets such as "30, 7, 1"; throws with a Portuguese message on anything else.</summary>
    public static IReadOnlyList<int> ParseDays(string text)
    {
        var days = new List<int>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var day) || day < 0 || day > 365)
            {
                throw new FormatException($"Antecedência de lembrete inválida: \"{part}\" (use dias entre 0 e 365, separados por vírgula).");
            }
            days.Add(day);
        }
        return days;
    }
}

public enum ReminderKind
{
    Approaching = 1,
    Overdue = 2,
}

/// <param name="Key">Identifies the reminder among those of the same action; recorded once sent.</param>
/// <param name="DaysBefore">The configured offset that made it due (approaching reminders).</param>
/// <param name="DaysLeft">Days from today to the planned end; negative when overdue.</param>
public sealed record Reminder(ReminderKind Kind, string Key, int DaysBefore, int DaysLeft);
