using Sispmpi.Core.Adoption;

namespace Sispmpi.Core.Tests.Adoption;

public class DeadlineRulesTests
{
    // ACT nº 160/2025 (seed 001): validity from 23/09/2025, five years.
    private static readonly ValidityPeriod Act = new(new DateOnly(2025, 9, 23), new DateOnly(2030, 9, 22));

    private static DateOnly D(string ddMMyyyy) => DateOnly.ParseExact(ddMMyyyy, "dd/MM/yyyy");

    private static DeadlineRule Parse(string text)
    {
        DeadlineRuleParser.TryParse(text, out var rule, out var error).ShouldBeTrue(error);
        return rule;
    }

    [Theory]
    [InlineData("Até 15 dias após o início da vigência", "01/10/2025", "08/10/2025", false)]
    [InlineData("Até 15 dias após o início da vigência", "08/10/2025", "08/10/2025", false)]
    [InlineData("Até 15 dias após o início da vigência", "09/10/2025", "08/10/2025", true)]
    [InlineData("10 dias a partir do início da vigência", "23/09/2025", "03/10/2025", false)]
    [InlineData("10 dias a partir do início da vigência", "04/10/2025", "03/10/2025", true)]
    [InlineData("A partir do início da vigência", "23/09/2025", "23/09/2025", false)]
    [InlineData("A partir do início da vigência", "24/09/2025", "23/09/2025", true)]
    [InlineData("Até 31/12/2025", "31/12/2025", "31/12/2025", false)]
    [InlineData("Até 31/12/2025", "01/01/2026", "31/12/2025", true)]
    [InlineData("Durante a vigência do Acordo", "01/01/2027", "22/09/2030", false)]
    [InlineData("Durante a vigência do Acordo", "23/09/2030", "22/09/2030", true)]
    [InlineData("Observância à norma vigente", "01/01/2027", "22/09/2030", false)]
    public void One_off_rules_are_due_on_their_date_and_late_from_the_next_day(string text, string today, string due, bool late)
    {
        var status = DeadlineRules.Evaluate(Parse(text), Act, [], D(today));
        status.NextDue.ShouldBe(D(due));
        status.IsLate.ShouldBe(late);
    }

    [Theory]
    [InlineData("Até 15 dias após o início da vigência")]
    [InlineData("Até 31/12/2025")]
    [InlineData("Durante a vigência do Acordo")]
    public void A_completion_settles_a_one_off_rule_even_when_late(string text)
    {
        var status = DeadlineRules.Evaluate(Parse(text), Act, [new GoalRecord(GoalRecordKind.Completion, D("10/10/2025"))], D("01/06/2031"));
        status.ShouldBe(DeadlineStatus.Settled);
    }

    [Fact]
    public void Following_month_rule_is_due_on_day_10_after_an_adhesion_signed_20_11_2025()
    {
        var rule = Parse("Até o dia 10 do mês subsequente à celebração do Acordo de Adesão");
        var signed = new GoalRecord(GoalRecordKind.Event, D("20/11/2025"));

        DeadlineRules.Evaluate(rule, Act, [signed], D("25/11/2025"))
            .ShouldBe(new DeadlineStatus(D("10/12/2025"), false, PendingEvents: 1));
        DeadlineRules.Evaluate(rule, Act, [signed], D("11/12/2025")).IsLate.ShouldBeTrue();
        DeadlineRules.Evaluate(rule, Act, [signed, new GoalRecord(GoalRecordKind.Completion, D("05/12/2025"))], D("11/12/2025"))
            .ShouldBe(DeadlineStatus.Settled);
    }

    [Fact]
    public void Following_month_rule_has_no_date_until_an_event_is_recorded()
    {
        DeadlineRules.Evaluate(Parse("Até o dia 10 do mês subsequente à celebração do Acordo de Adesão"), Act, [], D("01/01/2027"))
            .ShouldBe(DeadlineStatus.Settled);
    }

    [Theory]
    [InlineData("20/11/2025", 10, "10/12/2025")]
    [InlineData("31/12/2025", 10, "10/01/2026")] // across the year
    [InlineData("15/01/2026", 31, "28/02/2026")] // February has no 31st
    [InlineData("15/01/2028", 30, "29/02/2028")] // leap year
    public void Day_of_following_month(string eventDate, int day, string expected) =>
        DeadlineRules.DayOfFollowingMonth(D(eventDate), day).ShouldBe(D(expected));

    [Fact]
    public void On_call_has_no_date_until_called_then_each_completion_settles_the_oldest_call()
    {
        var rule = Parse("Quando convocadas pela Secretaria-Executiva da Rede");
        DeadlineRules.Evaluate(rule, Act, [], D("01/03/2026")).ShouldBe(DeadlineStatus.Settled);

        var first = new GoalRecord(GoalRecordKind.Event, D("12/03/2026"));
        var second = new GoalRecord(GoalRecordKind.Event, D("20/04/2026"));
        DeadlineRules.Evaluate(rule, Act, [second, first], D("01/03/2026"))
            .ShouldBe(new DeadlineStatus(D("12/03/2026"), false, PendingEvents: 2));
        DeadlineRules.Evaluate(rule, Act, [second, first], D("13/03/2026")).IsLate.ShouldBeTrue();
        DeadlineRules.Evaluate(rule, Act, [second, first, new GoalRecord(GoalRecordKind.Completion, D("12/03/2026"))], D("13/03/2026"))
            .ShouldBe(new DeadlineStatus(D("20/04/2026"), false, PendingEvents: 1));
    }

    [Theory]
    [InlineData("01/10/2025", "22/09/2026", false)] // first year, nothing done yet
    [InlineData("23/09/2026", "22/09/2026", true)] // first year ended without a completion
    public void Yearly_is_due_on_the_last_day_of_each_year_of_validity(string today, string due, bool late)
    {
        var status = DeadlineRules.Evaluate(DeadlineRule.Yearly, Act, [], D(today));
        status.NextDue.ShouldBe(D(due));
        status.IsLate.ShouldBe(late);
        status.PeriodStart.ShouldBe(D("23/09/2025"));
    }

    [Fact]
    public void Yearly_completion_counts_for_its_own_year_only()
    {
        var doneInFirstYear = new GoalRecord(GoalRecordKind.Completion, D("15/03/2026"));
        DeadlineRules.Evaluate(DeadlineRule.Yearly, Act, [doneInFirstYear], D("01/04/2026"))
            .ShouldBe(new DeadlineStatus(D("22/09/2027"), false, D("23/09/2026")));
        DeadlineRules.Evaluate(DeadlineRule.Yearly, Act, [doneInFirstYear], D("23/09/2027"))
            .ShouldBe(new DeadlineStatus(D("22/09/2027"), true, D("23/09/2026")));
    }

    [Fact]
    public void Yearly_settled_in_every_year_owes_nothing_more()
    {
        var records = Enumerable.Range(0, 5).Select(k => new GoalRecord(GoalRecordKind.Completion, D("01/12/2025").AddYears(k))).ToList();
        DeadlineRules.Evaluate(DeadlineRule.Yearly, Act, records, D("01/01/2031")).ShouldBe(DeadlineStatus.Settled);
    }

    [Fact]
    public void Monthly_is_due_each_month_counted_from_the_start()
    {
        var rule = Parse("Mensal");
        DeadlineRules.Evaluate(rule, Act, [], D("30/09/2025")).NextDue.ShouldBe(D("22/10/2025"));
        var records = new[] { new GoalRecord(GoalRecordKind.Completion, D("20/10/2025")) };
        var status = DeadlineRules.Evaluate(rule, Act, records, D("25/11/2025"));
        status.ShouldBe(new DeadlineStatus(D("22/11/2025"), true, D("23/10/2025")));
    }

    [Fact]
    public void Periods_cut_the_last_one_at_the_end_of_validity()
    {
        var validity = new ValidityPeriod(D("23/09/2025"), D("31/12/2026"));
        DeadlineRules.Periods(validity, 12).ShouldBe([(D("23/09/2025"), D("22/09/2026")), (D("23/09/2026"), D("31/12/2026"))]);
    }

    [Fact]
    public void Yearly_minimum_of_60_hours_with_45_recorded_is_short_by_15()
    {
        var rule = Parse("Anual com o mínimo de 60 horas ao ano");
        var records = new[]
        {
            new GoalRecord(GoalRecordKind.Hours, D("10/11/2025"), 20m),
            new GoalRecord(GoalRecordKind.Hours, D("05/05/2026"), 25m),
            new GoalRecord(GoalRecordKind.Hours, D("01/10/2026"), 40m), // second year: does not count for the first
        };

        var during = DeadlineRules.Evaluate(rule, Act, records, D("01/06/2026"));
        during.ShouldBe(new DeadlineStatus(D("22/09/2026"), false, D("23/09/2025"), 45m, 15m));

        var after = DeadlineRules.Evaluate(rule, Act, records, D("23/09/2026"));
        after.IsLate.ShouldBeTrue();
        after.ShortfallHours.ShouldBe(15m);
    }

    [Fact]
    public void Yearly_minimum_met_moves_on_to_the_next_year()
    {
        var rule = DeadlineRule.YearlyMinimum(60m);
        var records = new[] { new GoalRecord(GoalRecordKind.Hours, D("10/11/2025"), 60m), new GoalRecord(GoalRecordKind.Hours, D("01/10/2026"), 12.5m) };
        DeadlineRules.Evaluate(rule, Act, records, D("01/12/2026"))
            .ShouldBe(new DeadlineStatus(D("22/09/2027"), false, D("23/09/2026"), 12.5m, 47.5m));
    }

    [Fact]
    public void Completions_do_not_count_as_hours()
    {
        var status = DeadlineRules.Evaluate(DeadlineRule.YearlyMinimum(60m), Act, [new GoalRecord(GoalRecordKind.Completion, D("10/11/2025"))], D("01/12/2025"));
        status.ShortfallHours.ShouldBe(60m);
    }

    [Fact]
    public void Validity_cannot_end_before_it_starts() =>
        Should.Throw<ArgumentException>(() => new ValidityPeriod(D("02/01/2026"), D("01/01/2026")));

    [Theory]
    [InlineData(DeadlineKind.FixedDate)]
    [InlineData(DeadlineKind.DaysAfterStart)]
    [InlineData(DeadlineKind.DayOfFollowingMonth)]
    [InlineData(DeadlineKind.YearlyMinimumHours)]
    public void A_stored_kind_without_its_parameter_is_no_rule(DeadlineKind kind) =>
        DeadlineRule.FromStored(kind, null, null, null, null).ShouldBeNull();
}
