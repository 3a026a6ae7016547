using Shouldly;
using Sispmpi.Core.Plans;
using Xunit;

namespace Sispmpi.Core.Tests.Execution;

/// <summary>SPEC §3.2: the status is derived from the execution dates, never typed.</summary>
public sealed class ActionStatusRulesTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly DateOnly End = new(2026, 9, 30);

    public static TheoryData<DateOnly?, DateOnly?, DateOnly?, ActionStatus> Cases => new()
    {
        // started, concluded, discontinued → status
        { null, null, null, ActionStatus.NotStarted },
        { Start, null, null, ActionStatus.InProgress },
        { Start, End, null, ActionStatus.Concluded },
        { Start, null, End, ActionStatus.Discontinued },
        // A discontinuation wins over everything else, even a conclusion or the lack of a start.
        { Start, End, End, ActionStatus.Discontinued },
        { null, null, End, ActionStatus.Discontinued },
        // A conclusion counts only together with a start date.
        { null, End, null, ActionStatus.NotStarted },
        // Same-day start and conclusion is a concluded action.
        { Start, Start, null, ActionStatus.Concluded },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Status_follows_the_dates(DateOnly? started, DateOnly? concluded, DateOnly? discontinued, ActionStatus expected) =>
        ActionStatusRules.Derive(started, concluded, discontinued).ShouldBe(expected);
}
