namespace Sispmpi.Core.Formulation;

/// <summary>
/// What <see cref="FormulationSteps"/> needs to know about a plan in formulation: a plain projection of
/// the commission, diagnosis, plan and publication records. Text is passed as typed (blank counts as not
/// filled), lists as counts, files as an "uploaded" flag. A default instance is a plan where nothing was
/// entered yet.
/// </summary>
public sealed record FormulationSnapshot
{
    public CommissionFacts Commission { get; init; } = new();
    public DiagnosisFacts Diagnosis { get; init; } = new();
    public PlanTreeFacts Plan { get; init; } = new();
    public ValidationFacts Validation { get; init; } = new();
    public DraftFacts Drafts { get; init; } = new();
    public PublicationFacts Publication { get; init; } = new();
}

/// <summary>Step 1. The act fields are required only when the commission was formally instituted; its link is optional.</summary>
public sealed record CommissionFacts
{
    /// <summary>The commission record was saved (even with nothing else filled).</summary>
    public bool Exists { get; init; }
    public bool IsFormallyInstituted { get; init; }
    public string? ActType { get; init; }
    public string? ActNumber { get; init; }
    public DateOnly? ActDate { get; init; }
    public DateOnly? StartDate { get; init; }
    /// <summary>Must be positive to count.</summary>
    public int? PlannedDurationDays { get; init; }
    public int MemberCount { get; init; }
    /// <summary>Members lacking their administrative unit or their e-mail.</summary>
    public int MembersMissingUnitOrEmail { get; init; }
    public bool HasCoordinator { get; init; }
}

/// <summary>
/// Step 2, tabs a–d. The risk register (tab e) does not gate the step: the original system has none and
/// a body may register its risks later in the cycle.
/// </summary>
public sealed record DiagnosisFacts
{
    // a. strategic information
    public string? Mission { get; init; }
    public string? Vision { get; init; }
    public string? Values { get; init; }
    public string? OrganizationalStructure { get; init; }
    public string? Competences { get; init; }
    public string? Duties { get; init; }

    // b. instruments: catalog entries chosen, plus "outros" as text
    public int InstrumentCount { get; init; }
    public string? OtherInstruments { get; init; }

    // c. results
    public string? MainFindings { get; init; }
    public string? DesiredFuture { get; init; }
    public string? ProgramObjectives { get; init; }
    public string? GovernanceStructure { get; init; }
    public string? MonitoringPeriodicity { get; init; }
    public string? EvaluationPeriodicity { get; init; }
    public string? UpdatePeriodicity { get; init; }
    public string? CommunicationAspects { get; init; }
    public string? TrainingAspects { get; init; }
    /// <summary>Thematic axes chosen from the catalog.</summary>
    public int ThematicAxisCount { get; init; }
    public string? OtherThematicAxes { get; init; }

    // d. acknowledgement by the Alta administração: null until a decision is recorded
    public bool? Validated { get; init; }
}

/// <summary>Step 3: the axis → sub-axis → action tree, summarized.</summary>
public sealed record PlanTreeFacts
{
    /// <summary>Top-level axes (sub-axes not counted).</summary>
    public int AxisCount { get; init; }
    public int ActionCount { get; init; }
    /// <summary>Axes with no action, neither directly nor under one of their sub-axes.</summary>
    public int AxesWithoutActions { get; init; }
    public int SubAxesWithoutActions { get; init; }
    /// <summary>Actions lacking a required field (e.g. executing unit, classification, planned dates).</summary>
    public int ActionsMissingFields { get; init; }
}

/// <summary>Step 4, validação geral. Remarks are optional.</summary>
public sealed record ValidationFacts
{
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    /// <summary>Stakeholders chosen from the catalog.</summary>
    public int StakeholderCount { get; init; }
    public string? OtherStakeholders { get; init; }
    public DateTimeOffset? ValidatedAt { get; init; }
}

/// <summary>Steps 5 and 6: when each draft was last generated.</summary>
public sealed record DraftFacts
{
    public DateTimeOffset? ProgramDraftGeneratedAt { get; init; }
    public DateTimeOffset? PlanDraftGeneratedAt { get; init; }
}

/// <summary>
/// Step 7. The act link, the launch event and the public web page are recorded but not required (the last
/// two are yes/no answers where "no" is a valid answer).
/// </summary>
public sealed record PublicationFacts
{
    public string? ActName { get; init; }
    public string? ActNumber { get; init; }
    public DateOnly? ActDate { get; init; }
    public bool FinalPdfUploaded { get; init; }
    public bool CommunicationPlanUploaded { get; init; }
    public bool TrainingPlanUploaded { get; init; }
    /// <summary>The two acknowledgements: by the body's head and by internal control.</summary>
    public DateTimeOffset? HeadAcknowledgedAt { get; init; }
    public DateTimeOffset? InternalControlAcknowledgedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
}
