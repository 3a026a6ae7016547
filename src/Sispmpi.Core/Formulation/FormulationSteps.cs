namespace Sispmpi.Core.Formulation;

// Stored as integers: never renumber.
public enum FormulationStep
{
    Commission = 1,
    Diagnosis = 2,
    Plan = 3,
    Validation = 4,
    ProgramDraft = 5,
    PlanDraft = 6,
    Publication = 7,
}

public enum StepState
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
}

/// <summary>Tabs a–d of the diagnosis step, filled in this order.</summary>
public enum DiagnosisTab
{
    StrategicInformation = 1,
    Instruments = 2,
    Results = 3,
    Acknowledgement = 4,
}

/// <summary>One thing a step still lacks; the UI turns each into a sentence. Grouped by step, in display order.</summary>
public enum Missing
{
    // 1. commission
    CommissionActType,
    CommissionActNumber,
    CommissionActDate,
    CommissionStartDate,
    /// <summary>The planned duration in days is empty or not positive.</summary>
    CommissionDuration,
    CommissionMembers,
    /// <summary>Some member lacks the administrative unit or the e-mail.</summary>
    CommissionMemberDetails,
    CommissionCoordinator,

    // 2a. strategic information
    DiagnosisMission,
    DiagnosisVision,
    DiagnosisValues,
    DiagnosisOrganizationalStructure,
    DiagnosisCompetences,
    DiagnosisDuties,
    // 2b. instruments
    DiagnosisInstruments,
    // 2c. results
    DiagnosisMainFindings,
    DiagnosisDesiredFuture,
    DiagnosisProgramObjectives,
    DiagnosisGovernanceStructure,
    DiagnosisMonitoringPeriodicity,
    DiagnosisEvaluationPeriodicity,
    DiagnosisUpdatePeriodicity,
    DiagnosisCommunicationAspects,
    DiagnosisTrainingAspects,
    DiagnosisThematicAxes,
    // 2d. acknowledgement
    /// <summary>The Alta administração has not recorded a decision yet.</summary>
    DiagnosisAcknowledgement,
    /// <summary>The Alta administração did not validate the diagnosis: it must be reworked and acknowledged again.</summary>
    DiagnosisAcknowledgementApproved,

    // 3. plan
    PlanAxes,
    PlanActions,
    AxesWithoutActions,
    SubAxesWithoutActions,
    /// <summary>Some action lacks a required field.</summary>
    ActionFields,

    // 4. validation
    ValidityStart,
    ValidityEnd,
    /// <summary>The validity period ends before it starts.</summary>
    ValidityPeriodOrder,
    ValidationStakeholders,
    ValidationConfirmation,

    // 5–6. drafts
    ProgramDraft,
    PlanDraft,

    // 7. publication
    PublicationActName,
    PublicationActNumber,
    PublicationActDate,
    PublicationFinalPdf,
    PublicationCommunicationPlan,
    PublicationTrainingPlan,
    PublicationHeadAcknowledgement,
    PublicationInternalControlAcknowledgement,
    /// <summary>Everything is there but the plan has not been published yet.</summary>
    Published,
}

/// <param name="Missing">What the step still lacks, empty when <paramref name="State"/> is Done.</param>
/// <param name="IsOpen">Whether the timeline lets the user enter the step. Read-only after publication is a
/// matter of the plan status, not of this flag.</param>
public sealed record StepProgress(FormulationStep Step, StepState State, IReadOnlyList<Missing> Missing, bool IsOpen);

/// <param name="Missing">What the tab still lacks, empty when <paramref name="State"/> is Done.</param>
public sealed record DiagnosisTabProgress(DiagnosisTab Tab, StepState State, IReadOnlyList<Missing> Missing, bool IsOpen);

/// <summary>
/// SPEC §3.1: the completion of the seven formulation steps and which of them the timeline opens.
/// <para>A step is Done when nothing is missing, InProgress when something was entered, NotStarted otherwise.</para>
/// <para>Order: step 1 is always open. Step 2 opens when step 1 is Done. The plan editor (3) opens as soon as
/// step 2 is open and the diagnosis results name at least one thematic axis, because the plan's axes come
/// from them: the commission may draft actions while the Alta administração is still to acknowledge the
/// diagnosis. Steps 4 to 7 open when every earlier step is Done — "the previous one is Done" would let the
/// validation open over a diagnosis that was never approved. Openness is recomputed from the data, so
/// a step that loses a required item (a coordinator removed, say) closes the steps after it again.</para>
/// <para>Diagnosis tabs open in sequence, each when the previous is Done. The acknowledgement tab is Done once
/// a decision is recorded, approval or rejection; the diagnosis step, however, needs an approval: a rejected
/// diagnosis stays InProgress with <see cref="Missing.DiagnosisAcknowledgementApproved"/> until it is
/// reworked and acknowledged again.</para>
/// <para>Publication (7) is Done exactly when the plan was published; before that its missing list ends with
/// <see cref="Missing.Published"/>.</para>
/// </summary>
public static class FormulationSteps
{
    public static IReadOnlyList<StepProgress> Evaluate(FormulationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var steps = new[]
        {
            Commission(snapshot.Commission),
            Diagnosis(snapshot.Diagnosis),
            Plan(snapshot.Plan),
            Validation(snapshot.Validation),
            Draft(FormulationStep.ProgramDraft, snapshot.Drafts.ProgramDraftGeneratedAt, Missing.ProgramDraft),
            Draft(FormulationStep.PlanDraft, snapshot.Drafts.PlanDraftGeneratedAt, Missing.PlanDraft),
            Publication(snapshot.Publication),
        };

        var commissionDone = steps[0].State == StepState.Done;
        var earlierDone = true;
        var result = new List<StepProgress>(steps.Length);
        foreach (var step in steps)
        {
            var isOpen = step.Step switch
            {
                FormulationStep.Commission => true,
                FormulationStep.Plan => commissionDone && HasThematicAxes(snapshot.Diagnosis),
                _ => earlierDone,
            };
            result.Add(step with { IsOpen = isOpen });
            earlierDone &= step.State == StepState.Done;
        }
        return result;
    }

    public static IReadOnlyList<DiagnosisTabProgress> DiagnosisTabs(FormulationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // The tabs open with the diagnosis step, then each only after the one before it, so a tab filled out
        // of order (say, results over missing instruments) stays closed.
        var open = Commission(snapshot.Commission).State == StepState.Done;
        var result = new List<DiagnosisTabProgress>(4);
        foreach (var tab in Tabs(snapshot.Diagnosis))
        {
            result.Add(tab with { IsOpen = open });
            open &= tab.State == StepState.Done;
        }
        return result;
    }

    /// <summary>Whether the publish button may be pressed: steps 1–6 Done and only the publishing itself missing.</summary>
    public static bool CanPublish(FormulationSnapshot snapshot)
    {
        var publication = Evaluate(snapshot)[^1];
        return publication.IsOpen && publication.Missing is [Missing.Published];
    }

    private static StepProgress Commission(CommissionFacts c)
    {
        var missing = new List<Missing>();
        if (c.IsFormallyInstituted)
        {
            Require(missing, Filled(c.ActType), Missing.CommissionActType);
            Require(missing, Filled(c.ActNumber), Missing.CommissionActNumber);
            Require(missing, c.ActDate is not null, Missing.CommissionActDate);
        }
        Require(missing, c.StartDate is not null, Missing.CommissionStartDate);
        Require(missing, c.PlannedDurationDays > 0, Missing.CommissionDuration);
        Require(missing, c.MemberCount > 0, Missing.CommissionMembers);
        Require(missing, c.MembersMissingUnitOrEmail == 0, Missing.CommissionMemberDetails);
        Require(missing, c.HasCoordinator, Missing.CommissionCoordinator);
        var started = c.Exists || c.IsFormallyInstituted || Filled(c.ActType) || Filled(c.ActNumber) || c.ActDate is not null
            || c.StartDate is not null || c.PlannedDurationDays is not null || c.MemberCount > 0;
        return Progress(FormulationStep.Commission, started, missing);
    }

    private static StepProgress Diagnosis(DiagnosisFacts d)
    {
        var tabs = Tabs(d);
        var missing = tabs.SelectMany(t => t.Missing).ToList();
        Require(missing, d.Validated is not false, Missing.DiagnosisAcknowledgementApproved);
        return Progress(FormulationStep.Diagnosis, tabs.Any(t => t.State != StepState.NotStarted), missing);
    }

    private static DiagnosisTabProgress[] Tabs(DiagnosisFacts d) =>
    [
        Tab(DiagnosisTab.StrategicInformation,
            (Filled(d.Mission), Missing.DiagnosisMission),
            (Filled(d.Vision), Missing.DiagnosisVision),
            (Filled(d.Values), Missing.DiagnosisValues),
            (Filled(d.OrganizationalStructure), Missing.DiagnosisOrganizationalStructure),
            (Filled(d.Competences), Missing.DiagnosisCompetences),
            (Filled(d.Duties), Missing.DiagnosisDuties)),
        Tab(DiagnosisTab.Instruments,
            (d.InstrumentCount > 0 || Filled(d.OtherInstruments), Missing.DiagnosisInstruments)),
        Tab(DiagnosisTab.Results,
            (Filled(d.MainFindings), Missing.DiagnosisMainFindings),
            (Filled(d.DesiredFuture), Missing.DiagnosisDesiredFuture),
            (Filled(d.ProgramObjectives), Missing.DiagnosisProgramObjectives),
            (Filled(d.GovernanceStructure), Missing.DiagnosisGovernanceStructure),
            (Filled(d.MonitoringPeriodicity), Missing.DiagnosisMonitoringPeriodicity),
            (Filled(d.EvaluationPeriodicity), Missing.DiagnosisEvaluationPeriodicity),
            (Filled(d.UpdatePeriodicity), Missing.DiagnosisUpdatePeriodicity),
            (Filled(d.CommunicationAspects), Missing.DiagnosisCommunicationAspects),
            (Filled(d.TrainingAspects), Missing.DiagnosisTrainingAspects),
            (HasThematicAxes(d), Missing.DiagnosisThematicAxes)),
        Tab(DiagnosisTab.Acknowledgement,
            (d.Validated is not null, Missing.DiagnosisAcknowledgement)),
    ];

    private static DiagnosisTabProgress Tab(DiagnosisTab tab, params (bool Present, Missing IfAbsent)[] items)
    {
        var missing = items.Where(i => !i.Present).Select(i => i.IfAbsent).ToList();
        var state = missing.Count == 0 ? StepState.Done
            : missing.Count < items.Length ? StepState.InProgress
            : StepState.NotStarted;
        return new DiagnosisTabProgress(tab, state, missing, IsOpen: false);
    }

    private static StepProgress Plan(PlanTreeFacts p)
    {
        var missing = new List<Missing>();
        Require(missing, p.AxisCount > 0, Missing.PlanAxes);
        Require(missing, p.ActionCount > 0, Missing.PlanActions);
        Require(missing, p.AxesWithoutActions == 0, Missing.AxesWithoutActions);
        Require(missing, p.SubAxesWithoutActions == 0, Missing.SubAxesWithoutActions);
        Require(missing, p.ActionsMissingFields == 0, Missing.ActionFields);
        return Progress(FormulationStep.Plan, p.AxisCount > 0 || p.ActionCount > 0, missing);
    }

    private static StepProgress Validation(ValidationFacts v)
    {
        var missing = new List<Missing>();
        Require(missing, v.ValidFrom is not null, Missing.ValidityStart);
        Require(missing, v.ValidTo is not null, Missing.ValidityEnd);
        Require(missing, !(v.ValidTo < v.ValidFrom), Missing.ValidityPeriodOrder);
        Require(missing, v.StakeholderCount > 0 || Filled(v.OtherStakeholders), Missing.ValidationStakeholders);
        Require(missing, v.ValidatedAt is not null, Missing.ValidationConfirmation);
        var started = v.ValidFrom is not null || v.ValidTo is not null || v.StakeholderCount > 0
            || Filled(v.OtherStakeholders) || v.ValidatedAt is not null;
        return Progress(FormulationStep.Validation, started, missing);
    }

    private static StepProgress Draft(FormulationStep step, DateTimeOffset? generatedAt, Missing ifNotGenerated) =>
        Progress(step, generatedAt is not null, generatedAt is null ? [ifNotGenerated] : []);

    private static StepProgress Publication(PublicationFacts p)
    {
        if (p.PublishedAt is not null)
        {
            return Progress(FormulationStep.Publication, started: true, []);
        }
        var missing = new List<Missing>();
        Require(missing, Filled(p.ActName), Missing.PublicationActName);
        Require(missing, Filled(p.ActNumber), Missing.PublicationActNumber);
        Require(missing, p.ActDate is not null, Missing.PublicationActDate);
        Require(missing, p.FinalPdfUploaded, Missing.PublicationFinalPdf);
        Require(missing, p.CommunicationPlanUploaded, Missing.PublicationCommunicationPlan);
        Require(missing, p.TrainingPlanUploaded, Missing.PublicationTrainingPlan);
        Require(missing, p.HeadAcknowledgedAt is not null, Missing.PublicationHeadAcknowledgement);
        Require(missing, p.InternalControlAcknowledgedAt is not null, Missing.PublicationInternalControlAcknowledgement);
        missing.Add(Missing.Published);
        var started = Filled(p.ActName) || Filled(p.ActNumber) || p.ActDate is not null || p.FinalPdfUploaded
            || p.CommunicationPlanUploaded || p.TrainingPlanUploaded || p.HeadAcknowledgedAt is not null
            || p.InternalControlAcknowledgedAt is not null;
        return Progress(FormulationStep.Publication, started, missing);
    }

    private static StepProgress Progress(FormulationStep step, bool started, List<Missing> missing)
    {
        var state = missing.Count == 0 ? StepState.Done : started ? StepState.InProgress : StepState.NotStarted;
        return new StepProgress(step, state, missing, IsOpen: false);
    }

    private static bool HasThematicAxes(DiagnosisFacts d) => d.ThematicAxisCount > 0 || Filled(d.OtherThematicAxes);

    private static bool Filled(string? text) => !string.IsNullOrWhiteSpace(text);

    private static void Require(List<Missing> missing, bool present, Missing ifAbsent)
    {
        if (!present)
        {
            missing.Add(ifAbsent);
        }
    }
}
