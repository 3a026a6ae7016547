namespace Sispmpi.Core.Adoption;

/// <summary>How the deadline of a work-plan goal is set (SPEC §4). Stored as integers: never renumber.</summary>
public enum DeadlineKind
{
    /// <summary>A fixed date: "Até 31/12/2025".</summary>
    FixedDate = 1,

    /// <summary>N days after the start of validity: "Até 15 dias após o início da vigência" (0: "A partir do início").</summary>
    DaysAfterStart = 2,

    /// <summary>Throughout the validity: "Durante a vigência do Acordo"; due by its last day.</summary>
    DuringValidity = 3,

    /// <summary>Once every year of validity, counted from its start: "Anual".</summary>
    Yearly = 4,

    /// <summary>Once every month of validity, counted from its start: "Mensal".</summary>
    Monthly = 5,

    /// <summary>By day D of the month after each recorded event: "Até o dia 10 do mês subsequente à celebração…".</summary>
    DayOfFollowingMonth = 6,

    /// <summary>No date until an event (a call, a request) is recorded with the date it is due: "Quando convocadas…".</summary>
    OnCall = 7,

    /// <summary>At least N hours in every year of validity: "Anual com o mínimo de 60 horas ao ano".</summary>
    YearlyMinimumHours = 8,

    /// <summary>As the regulation in force sets it: "Observância à norma vigente"; followed throughout the validity.</summary>
    AsRegulated = 9,
}

/// <summary>
/// The deadline of a goal: its <see cref="Kind"/> and the one parameter that kind takes, if any. Build it with
/// the factory methods or <see cref="DeadlineRuleParser"/>.
/// </summary>
public sealed record DeadlineRule
{
    public const int MaxDays = 3_650;
    public const decimal MaxHours = 8_784m;

    private DeadlineRule(DeadlineKind kind, DateOnly? date = null, int? days = null, int? dayOfMonth = null, decimal? minimumHours = null)
    {
        Kind = kind;
        Date = date;
        Days = days;
        DayOfMonth = dayOfMonth;
        MinimumHours = minimumHours;
    }

    public DeadlineKind Kind { get; }

    /// <summary>The date of a <see cref="DeadlineKind.FixedDate"/> rule.</summary>
    public DateOnly? Date { get; }

    /// <summary>The days after the start of validity of a <see cref="DeadlineKind.DaysAfterStart"/> rule.</summary>
    public int? Days { get; }

    /// <summary>The day of the following month of a <see cref="DeadlineKind.DayOfFollowingMonth"/> rule (1–31).</summary>
    public int? DayOfMonth { get; }

    /// <summary>The yearly minimum of a <see cref="DeadlineKind.YearlyMinimumHours"/> rule.</summary>
    public decimal? MinimumHours { get; }

    public static DeadlineRule Fixed(DateOnly date) => new(DeadlineKind.FixedDate, date: date);

    public static DeadlineRule AfterStart(int days) => days is >= 0 and <= MaxDays
        ? new(DeadlineKind.DaysAfterStart, days: days)
        : throw new ArgumentOutOfRangeException(nameof(days), days, $"Between 0 and {MaxDays}.");

    public static DeadlineRule During { get; } = new(DeadlineKind.DuringValidity);

    public static DeadlineRule Regulated { get; } = new(DeadlineKind.AsRegulated);

    public static DeadlineRule Yearly { get; } = new(DeadlineKind.Yearly);

    public static DeadlineRule Monthly { get; } = new(DeadlineKind.Monthly);

    public static DeadlineRule OnCall { get; } = new(DeadlineKind.OnCall);

    public static DeadlineRule FollowingMonth(int dayOfMonth) => dayOfMonth is >= 1 and <= 31
        ? new(DeadlineKind.DayOfFollowingMonth, dayOfMonth: dayOfMonth)
        : throw new ArgumentOutOfRangeException(nameof(dayOfMonth), dayOfMonth, "Between 1 and 31.");

    public static DeadlineRule YearlyMinimum(decimal hours) => hours is > 0 and <= MaxHours
        ? new(DeadlineKind.YearlyMinimumHours, minimumHours: hours)
        : throw new ArgumentOutOfRangeException(nameof(hours), hours, $"Above 0 and at most {MaxHours}.");

    /// <summary>
    /// Rebuilds a stored rule; null when the stored values do not make a rule (a kind without its parameter).
    /// </summary>
    public static DeadlineRule? FromStored(DeadlineKind kind, DateOnly? date, int? days, int? dayOfMonth, decimal? minimumHours) => kind switch
    {
        DeadlineKind.FixedDate when date is { } d => Fixed(d),
        DeadlineKind.DaysAfterStart when days is >= 0 and <= MaxDays => AfterStart(days.Value),
        DeadlineKind.DuringValidity => During,
        DeadlineKind.AsRegulated => Regulated,
        DeadlineKind.Yearly => Yearly,
        DeadlineKind.Monthly => Monthly,
        DeadlineKind.OnCall => OnCall,
        DeadlineKind.DayOfFollowingMonth when dayOfMonth is >= 1 and <= 31 => FollowingMonth(dayOfMonth.Value),
        DeadlineKind.YearlyMinimumHours when minimumHours is > 0 and <= MaxHours => YearlyMinimum(minimumHours.Value),
        _ => null,
    };

    /// <summary>True for rules that recur in periods of the validity (a completion, or the hours, count per period).</summary>
    public bool IsPeriodic => Kind is DeadlineKind.Yearly or DeadlineKind.Monthly or DeadlineKind.YearlyMinimumHours;

    /// <summary>True for rules whose due dates come from events the users record.</summary>
    public bool IsEventDriven => Kind is DeadlineKind.OnCall or DeadlineKind.DayOfFollowingMonth;
}

/// <summary>The validity of an agreement (vigência), both days included.</summary>
public readonly record struct ValidityPeriod
{
    public ValidityPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException("The validity ends before it starts.", nameof(end));
        }
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }
}

/// <summary>What users record on a goal. Stored as integers: never renumber.</summary>
public enum GoalRecordKind
{
    /// <summary>An event that sets a due date: a call, a request, an adhesion signed.</summary>
    Event = 1,

    /// <summary>The obligation was fulfilled (once, for this period, or for the oldest pending event).</summary>
    Completion = 2,

    /// <summary>Hours done (courses given), counted towards a yearly minimum.</summary>
    Hours = 3,
}

/// <summary>One record of a goal: its kind, its date and, for <see cref="GoalRecordKind.Hours"/>, the hours.</summary>
public readonly record struct GoalRecord(GoalRecordKind Kind, DateOnly Date, decimal Hours = 0);
