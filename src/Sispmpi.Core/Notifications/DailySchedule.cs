namespace Sispmpi.Core.Notifications;

/// <summary>
/// A job that runs once a day at a wall-clock time in Brasília (SPEC: America/Sao_Paulo). Each run belongs to a
/// slot — the day it was due — which is what instances sharing a database agree on, so that a slot runs once.
/// </summary>
public sealed record DailySchedule(TimeOnly At)
{
    /// <summary>The latest slot due at <paramref name="now"/>: today's when its time has come, otherwise yesterday's.</summary>
    public DateOnly LatestDueSlot(DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        return TimeOnly.FromDateTime(localNow) >= At ? today : today.AddDays(-1);
    }

    /// <summary>The next time, local, at which a slot opens after <paramref name="localNow"/>.</summary>
    public DateTime NextRun(DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        var candidate = today.ToDateTime(At);
        return candidate > localNow ? candidate : today.AddDays(1).ToDateTime(At);
    }

    /// <summary>"HH:mm" (or "HH:mm:ss", which tests use to schedule a run seconds ahead).</summary>
    public static DailySchedule Parse(string text) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var at)
            ? new DailySchedule(at)
            : throw new FormatException($"Horário inválido: \"{text}\" (use HH:mm, por exemplo 07:00).");
}
