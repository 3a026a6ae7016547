namespace Sispmpi.Core.Plans;

// Stored as integers: never renumber.

public enum PlanStatus
{
    NotStarted = 1,
    InPreparation = 2,
    Published = 3,
    Obsolete = 4,
}

/// <summary><c>Contínua</c> actions never end; <c>pontual</c> ones have a planned end date.</summary>
public enum ActionClassification
{
    Continuous = 1,
    OneOff = 2,
}

public enum ActionStatus
{
    NotStarted = 1,
    InProgress = 2,
    Concluded = 3,
    Discontinued = 4,
}

public static class ActionStatusRules
{
    /// <summary>
    /// SPEC §3.2: the status is derived from the execution dates, never typed. A discontinuation date wins
    /// over everything else; a conclusion date counts only together with a start date.
    /// </summary>
    public static ActionStatus Derive(DateOnly? startedOn, DateOnly? concludedOn, DateOnly? discontinuedOn) =>
        (startedOn, concludedOn, discontinuedOn) switch
        {
            (_, _, not null) => ActionStatus.Discontinued,
            (not null, not null, null) => ActionStatus.Concluded,
            (not null, null, null) => ActionStatus.InProgress,
            _ => ActionStatus.NotStarted,
        };
}
