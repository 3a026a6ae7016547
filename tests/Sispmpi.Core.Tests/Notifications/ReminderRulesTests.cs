using Sispmpi.Core.Notifications;

namespace Sispmpi.Core.Tests.Notifications;

public sealed class ReminderRulesTests
{
    private static readonly int[] Offsets = [30, 7, 1];

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // planned end, days before, send date
    [InlineData("2026-12-10", 7, "2026-12-03")] // Thursday stays
    [InlineData("2026-12-07", 1, "2026-12-04")] // Sunday 06/12 → Friday 04/12
    [InlineData("2026-12-13", 7, "2026-12-04")] // Sunday 06/12 → Friday 04/12
    [InlineData("2026-12-12", 7, "2026-12-04")] // Saturday 05/12 → Friday 04/12
    [InlineData("2026-12-01", 1, "2026-11-30")] // month boundary, Monday
    [InlineData("2026-12-01", 7, "2026-11-24")]
    [InlineData("2027-03-01", 1, "2027-02-26")] // Sunday 28/02 → Friday 26/02, across the month
    [InlineData("2026-03-02", 2, "2026-02-27")] // Saturday 28/02 → Friday 27/02
    [InlineData("2028-03-01", 1, "2028-02-29")] // leap day, a Tuesday
    [InlineData("2027-01-03", 30, "2026-12-04")] // across the year
    [InlineData("2026-12-10", 0, "2026-12-10")]
    public void Send_date_is_the_offset_day_or_the_friday_before_a_weekend(string plannedEnd, int daysBefore, string expected) =>
        ReminderRules.SendDate(D(plannedEnd), daysBefore).ShouldBe(D(expected));

    [Theory]
    // today, planned end, expected offset (null: none due)
    [InlineData("2026-11-09", "2026-12-10", null)]   // 31 days before: nothing yet
    [InlineData("2026-11-10", "2026-12-10", 30)]     // 30 days before (Tuesday)
    [InlineData("2026-11-20", "2026-12-10", 30)]     // a missed run still finds the 30-day reminder
    [InlineData("2026-12-03", "2026-12-10", 7)]      // the 7-day reminder replaces it
    [InlineData("2026-12-09", "2026-12-10", 1)]
    [InlineData("2026-12-10", "2026-12-10", 1)]      // the planned end itself
    [InlineData("2026-12-11", "2026-12-10", null)]   // passed: overdue rules take over
    [InlineData("2026-12-04", "2026-12-07", 1)]      // Friday for a Monday deadline (1 day before is Sunday)
    [InlineData("2026-12-05", "2026-12-07", 1)]      // and still due if the Friday run was missed
    [InlineData("2027-02-26", "2027-03-01", 1)]      // Friday in February for Monday 1st of March
    [InlineData("2027-02-25", "2027-03-01", 7)]
    public void Approaching_reminder_due_today(string today, string plannedEnd, int? expected)
    {
        var reminder = ReminderRules.Approaching(D(plannedEnd), D(today), Offsets);
        reminder?.DaysBefore.ShouldBe(expected!.Value);
        (reminder is null).ShouldBe(expected is null);
    }

    [Fact]
    public void Each_approaching_reminder_has_its_own_key_and_a_new_deadline_gets_new_keys()
    {
        var end = D("2026-12-10");
        var thirty = ReminderRules.Approaching(end, D("2026-11-10"), Offsets)!;
        var seven = ReminderRules.Approaching(end, D("2026-12-03"), Offsets)!;
        thirty.Key.ShouldNotBe(seven.Key);
        ReminderRules.Approaching(end, D("2026-11-11"), Offsets)!.Key.ShouldBe(thirty.Key);
        ReminderRules.Approaching(D("2026-12-11"), D("2026-11-11"), Offsets)!.Key.ShouldNotBe(thirty.Key);
        seven.DaysLeft.ShouldBe(7);
    }

    [Theory]
    // today, planned end, expected week key (null: none)
    [InlineData("2026-11-30", "2026-11-30", null)]           // due today: not overdue
    [InlineData("2026-12-01", "2026-11-30", null)]           // overdue since Tuesday; first Monday not reached
    [InlineData("2026-12-07", "2026-11-30", "2026-12-07")]   // Monday after: weekly reminder
    [InlineData("2026-12-09", "2026-11-30", "2026-12-07")]   // same week, same key (sent once)
    [InlineData("2026-12-14", "2026-11-30", "2026-12-14")]   // next Monday: new key
    [InlineData("2026-11-23", "2026-11-20", "2026-11-23")]   // Friday deadline, reminded on Monday
    [InlineData("2027-03-01", "2027-02-26", "2027-03-01")]   // across the month boundary
    [InlineData("2027-01-04", "2026-12-31", "2027-01-04")]   // across the year
    public void Overdue_reminder_is_weekly_on_mondays(string today, string plannedEnd, string? weekKey)
    {
        var reminder = ReminderRules.Overdue(D(plannedEnd), D(today), DayOfWeek.Monday);
        (reminder?.Key).ShouldBe(weekKey is null ? null : $"atraso:{weekKey}");
        if (reminder is not null)
        {
            reminder.DaysLeft.ShouldBeLessThan(0);
        }
    }

    [Fact]
    public void Offsets_are_parsed_or_refused_in_portuguese()
    {
        ReminderRules.ParseDays("30, 7,1").ShouldBe([30, 7, 1]);
        Should.Throw<FormatException>(() => ReminderRules.ParseDays("30, sete")).Message.ShouldContain("Antecedência de lembrete inválida");
        Should.Throw<FormatException>(() => ReminderRules.ParseDays("-1")).Message.ShouldContain("\"-1\"");
    }

    [Theory]
    // slot day, day the run is made, sends overdue reminders
    [InlineData("2026-12-07", "2026-12-07", true)]   // Monday's own run
    [InlineData("2026-12-09", "2026-12-10", true)]   // made up later in the same week
    [InlineData("2026-12-06", "2026-12-07", false)]  // Sunday made up on Monday: today's run sends this week's reminder
    [InlineData("2026-12-14", "2026-12-07", true)]   // a slot ahead of the clock
    public void A_slot_of_a_week_already_over_made_up_late_sends_no_overdue_reminder(string day, string runOn, bool sends) =>
        ReminderRules.SendsOverdue(D(day), D(runOn), DayOfWeek.Monday).ShouldBe(sends);
}
