using Sispmpi.Core.Notifications;

namespace Sispmpi.Core.Tests.Notifications;

public sealed class DailyScheduleTests
{
    private static readonly DailySchedule SevenAm = new(new TimeOnly(7, 0));

    [Theory]
    [InlineData("2026-11-22T06:59:59", "2026-11-21")]
    [InlineData("2026-11-22T07:00:00", "2026-11-22")]
    [InlineData("2026-12-01T00:10:00", "2026-11-30")] // month boundary: still the last day's slot
    [InlineData("2027-01-01T06:00:00", "2026-12-31")]
    public void Latest_due_slot(string now, string slot) =>
        SevenAm.LatestDueSlot(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(slot, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2026-11-22T06:00:00", "2026-11-22T07:00:00")]
    [InlineData("2026-11-22T07:00:00", "2026-11-23T07:00:00")]
    [InlineData("2026-11-30T23:00:00", "2026-12-01T07:00:00")]
    public void Next_run(string now, string next) =>
        SevenAm.NextRun(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateTime.Parse(next, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Parse_refuses_other_formats_in_portuguese()
    {
        DailySchedule.Parse("18:30").At.ShouldBe(new TimeOnly(18, 30));
        DailySchedule.Parse("18:30:15").At.ShouldBe(new TimeOnly(18, 30, 15));
        Should.Throw<FormatException>(() => DailySchedule.Parse("25:00")).Message.ShouldContain("25:00");
        Should.Throw<FormatException>(() => DailySchedule.Parse("7h")).Message.ShouldContain("Horário inválido");
    }
}
