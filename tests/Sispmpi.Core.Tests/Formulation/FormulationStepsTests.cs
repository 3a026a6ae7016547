using Sispmpi.Core.Formulation;

namespace Sispmpi.Core.Tests.Formulation;

public sealed class FormulationStepsTests
{
    private static readonly DateTimeOffset _at = new(2025, 3, 10, 14, 0, 0, TimeSpan.FromHours(-3));

    private static readonly CommissionFacts _commission = new()
    {
        Exists = true,
        IsFormallyInstituted = true,
        ActType = "Resolução",
        ActNumber = "12/2025",
        ActDate = new(2025, 2, 3),
        StartDate = new(2025, 2, 10),
        PlannedDurationDays = 120,
        MemberCount = 5,
        HasCoordinator = true,
    };

    private static readonly DiagnosisFacts _strategicInformation = new()
    {
        Mission = "m", Vision = "v", Values = "v", OrganizationalStructure = "o", Competences = "c", Duties = "d",
    };

    private static readonly DiagnosisFacts _instruments = _strategicInformation with { InstrumentCount = 2 };

    private static readonly DiagnosisFacts _results = _instruments with
    {
        MainFindings = "f", DesiredFuture = "f", ProgramObjectives = "o", GovernanceStructure = "g",
        MonitoringPeriodicity = "Trimestral", EvaluationPeriodicity = "Anual", UpdatePeriodicity = "Bienal",
        CommunicationAspects = "c", TrainingAspects = "t", ThematicAxisCount = 4,
    };

    private static readonly DiagnosisFacts _diagnosis = _results with { Validated = true };

    private static readonly PlanTreeFacts _plan = new() { AxisCount = 4, ActionCount = 23 };

    private static readonly ValidationFacts _validation = new()
    {
        ValidFrom = new(2025, 4, 1), ValidTo = new(2027, 12, 31), StakeholderCount = 3, ValidatedAt = _at,
    };

    private static readonly PublicationFacts _readyToPublish = new()
    {
        ActName = "Resolução SEPLAG", ActNumber = "45/2025", ActDate = new(2025, 4, 2), FinalPdfUploaded = true,
        CommunicationPlanUploaded = true, TrainingPlanUploaded = true, HeadAcknowledgedAt = _at, InternalControlAcknowledgedAt = _at,
    };

    /// <summary>A snapshot where the first <paramref name="steps"/> steps are complete and nothing else was entered.</summary>
    private static FormulationSnapshot CompletedUpTo(int steps) => new()
    {
        Commission = steps >= 1 ? _commission : new(),
        Diagnosis = steps >= 2 ? _diagnosis : new(),
        Plan = steps >= 3 ? _plan : new(),
        Validation = steps >= 4 ? _validation : new(),
        Drafts = new()
        {
            ProgramDraftGeneratedAt = steps >= 5 ? _at : null,
            PlanDraftGeneratedAt = steps >= 6 ? _at : null,
        },
        Publication = steps >= 7 ? _readyToPublish with { PublishedAt = _at } : new(),
    };

    [Fact]
    public void An_empty_plan_opens_only_the_commission()
    {
        var steps = FormulationSteps.Evaluate(new FormulationSnapshot());

        steps.Select(s => s.Step).ShouldBe(Enum.GetValues<FormulationStep>());
        steps.ShouldAllBe(s => s.State == StepState.NotStarted);
        steps.Select(s => s.IsOpen).ShouldBe([true, false, false, false, false, false, false]);
        steps[0].Missing.ShouldBe([Missing.CommissionStartDate, Missing.CommissionDuration, Missing.CommissionMembers, Missing.CommissionCoordinator]);
        steps[6].Missing[^1].ShouldBe(Missing.Published);
        FormulationSteps.CanPublish(new FormulationSnapshot()).ShouldBeFalse();
    }

    [Theory]
    [InlineData("saved only", StepState.InProgress,
        new[] { Missing.CommissionStartDate, Missing.CommissionDuration, Missing.CommissionMembers, Missing.CommissionCoordinator })]
    [InlineData("instituted without the act", StepState.InProgress,
        new[] { Missing.CommissionActType, Missing.CommissionActNumber, Missing.CommissionActDate })]
    [InlineData("blank act type", StepState.InProgress, new[] { Missing.CommissionActType })]
    [InlineData("no coordinator", StepState.InProgress, new[] { Missing.CommissionCoordinator })]
    [InlineData("member without e-mail", StepState.InProgress, new[] { Missing.CommissionMemberDetails })]
    [InlineData("zero duration", StepState.InProgress, new[] { Missing.CommissionDuration })]
    [InlineData("start date and members only", StepState.InProgress, new[] { Missing.CommissionDuration, Missing.CommissionCoordinator })]
    [InlineData("not instituted, no act", StepState.Done, new Missing[0])]
    [InlineData("complete", StepState.Done, new Missing[0])]
    public void The_commission_lists_what_it_lacks(string name, StepState expectedState, Missing[] expectedMissing)
    {
        var commission = name switch
        {
            "saved only" => new CommissionFacts { Exists = true },
            "instituted without the act" => _commission with { ActType = null, ActNumber = "", ActDate = null },
            "blank act type" => _commission with { ActType = "  " },
            "no coordinator" => _commission with { HasCoordinator = false },
            "member without e-mail" => _commission with { MembersMissingUnitOrEmail = 1 },
            "zero duration" => _commission with { PlannedDurationDays = 0 },
            "start date and members only" => new CommissionFacts { StartDate = new(2025, 1, 2), MemberCount = 3 },
            "not instituted, no act" => _commission with { IsFormallyInstituted = false, ActType = null, ActNumber = null, ActDate = null },
            "complete" => _commission,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var steps = FormulationSteps.Evaluate(new FormulationSnapshot { Commission = commission });

        steps[0].State.ShouldBe(expectedState);
        steps[0].Missing.ShouldBe(expectedMissing);
        steps[1].IsOpen.ShouldBe(expectedState == StepState.Done);
        steps.Skip(2).ShouldAllBe(s => !s.IsOpen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Completing_a_step_opens_the_next(int completed)
    {
        var steps = FormulationSteps.Evaluate(CompletedUpTo(completed));

        foreach (var step in steps)
        {
            var n = (int)step.Step;
            step.State.ShouldBe(n <= completed ? StepState.Done : StepState.NotStarted, $"state of {step.Step}");
            step.IsOpen.ShouldBe(n <= completed + 1, $"openness of {step.Step}");
            (step.Missing.Count == 0).ShouldBe(n <= completed, $"missing of {step.Step}");
        }
        FormulationSteps.CanPublish(CompletedUpTo(completed)).ShouldBeFalse();
    }

    [Fact]
    public void A_complete_and_published_plan_has_every_step_done()
    {
        var steps = FormulationSteps.Evaluate(CompletedUpTo(7));
        steps.ShouldAllBe(s => s.State == StepState.Done && s.IsOpen && s.Missing.Count == 0);
        FormulationSteps.DiagnosisTabs(CompletedUpTo(7)).ShouldAllBe(t => t.State == StepState.Done && t.IsOpen && t.Missing.Count == 0);
    }

    [Theory]
    [InlineData(0, StepState.NotStarted)]
    [InlineData(1, StepState.InProgress)]
    [InlineData(2, StepState.InProgress)]
    [InlineData(3, StepState.InProgress)]
    [InlineData(4, StepState.Done)]
    public void Diagnosis_tabs_open_in_order(int tabsDone, StepState expectedStep)
    {
        var diagnosis = tabsDone switch
        {
            0 => new DiagnosisFacts(),
            1 => _strategicInformation,
            2 => _instruments,
            3 => _results,
            _ => _diagnosis,
        };
        var snapshot = new FormulationSnapshot { Commission = _commission, Diagnosis = diagnosis };

        var tabs = FormulationSteps.DiagnosisTabs(snapshot);

        tabs.Select(t => t.Tab).ShouldBe(Enum.GetValues<DiagnosisTab>());
        foreach (var tab in tabs)
        {
            var n = (int)tab.Tab;
            tab.State.ShouldBe(n <= tabsDone ? StepState.Done : StepState.NotStarted, $"state of {tab.Tab}");
            tab.IsOpen.ShouldBe(n <= tabsDone + 1, $"openness of {tab.Tab}");
        }
        FormulationSteps.Evaluate(snapshot)[1].State.ShouldBe(expectedStep);
    }

    [Fact]
    public void Diagnosis_tabs_are_closed_while_the_commission_is_incomplete()
    {
        var snapshot = new FormulationSnapshot { Commission = _commission with { HasCoordinator = false }, Diagnosis = _diagnosis };
        FormulationSteps.DiagnosisTabs(snapshot).ShouldAllBe(t => !t.IsOpen);
        FormulationSteps.Evaluate(snapshot).Select(s => s.IsOpen).ShouldBe([true, false, false, false, false, false, false]);
    }

    [Fact]
    public void A_later_tab_filled_out_of_order_stays_closed()
    {
        var diagnosis = _results with { InstrumentCount = 0 };
        var tabs = FormulationSteps.DiagnosisTabs(new FormulationSnapshot { Commission = _commission, Diagnosis = diagnosis });

        tabs.Select(t => (t.State, t.IsOpen)).ShouldBe(
        [
            (StepState.Done, true),
            (StepState.NotStarted, true),
            (StepState.Done, false),
            (StepState.NotStarted, false),
        ]);
        tabs[1].Missing.ShouldBe([Missing.DiagnosisInstruments]);
    }

    [Theory]
    [InlineData("two strategic fields", DiagnosisTab.StrategicInformation, StepState.InProgress,
        new[] { Missing.DiagnosisValues, Missing.DiagnosisOrganizationalStructure, Missing.DiagnosisCompetences, Missing.DiagnosisDuties })]
    [InlineData("other instruments only", DiagnosisTab.Instruments, StepState.Done, new Missing[0])]
    [InlineData("results without axes", DiagnosisTab.Results, StepState.InProgress, new[] { Missing.DiagnosisThematicAxes })]
    [InlineData("results with other axes only", DiagnosisTab.Results, StepState.Done, new Missing[0])]
    [InlineData("results missing periodicities", DiagnosisTab.Results, StepState.InProgress,
        new[] { Missing.DiagnosisEvaluationPeriodicity, Missing.DiagnosisUpdatePeriodicity })]
    [InlineData("acknowledgement pending", DiagnosisTab.Acknowledgement, StepState.NotStarted, new[] { Missing.DiagnosisAcknowledgement })]
    [InlineData("acknowledgement rejected", DiagnosisTab.Acknowledgement, StepState.Done, new Missing[0])]
    public void A_diagnosis_tab_lists_what_it_lacks(string name, DiagnosisTab tab, StepState expectedState, Missing[] expectedMissing)
    {
        var diagnosis = name switch
        {
            "two strategic fields" => new DiagnosisFacts { Mission = "m", Vision = "v", Values = " " },
            "other instruments only" => _strategicInformation with { OtherInstruments = "Entrevistas" },
            "results without axes" => _results with { ThematicAxisCount = 0 },
            "results with other axes only" => _results with { ThematicAxisCount = 0, OtherThematicAxes = "Ouvidoria" },
            "results missing periodicities" => _results with { EvaluationPeriodicity = null, UpdatePeriodicity = "" },
            "acknowledgement pending" => _results,
            "acknowledgement rejected" => _results with { Validated = false },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var result = FormulationSteps.DiagnosisTabs(new FormulationSnapshot { Commission = _commission, Diagnosis = diagnosis })[(int)tab - 1];

        result.Tab.ShouldBe(tab);
        result.State.ShouldBe(expectedState);
        result.Missing.ShouldBe(expectedMissing);
    }

    [Fact]
    public void A_rejected_diagnosis_must_be_approved_before_the_validation_opens()
    {
        var snapshot = CompletedUpTo(3) with { Diagnosis = _diagnosis with { Validated = false } };

        var steps = FormulationSteps.Evaluate(snapshot);

        steps[1].State.ShouldBe(StepState.InProgress);
        steps[1].Missing.ShouldBe([Missing.DiagnosisAcknowledgementApproved]);
        steps[2].State.ShouldBe(StepState.Done);
        steps[2].IsOpen.ShouldBeTrue();
        steps[3].IsOpen.ShouldBeFalse();
        FormulationSteps.DiagnosisTabs(snapshot)[3].State.ShouldBe(StepState.Done);
    }

    [Fact]
    public void A_pending_acknowledgement_is_the_only_thing_the_diagnosis_lacks()
    {
        var steps = FormulationSteps.Evaluate(CompletedUpTo(3) with { Diagnosis = _results });
        steps[1].Missing.ShouldBe([Missing.DiagnosisAcknowledgement]);
        steps[3].IsOpen.ShouldBeFalse();
    }

    [Theory]
    [InlineData(4, "", true)]
    [InlineData(0, "Ouvidoria", true)]
    [InlineData(0, " ", false)]
    [InlineData(0, null, false)]
    public void The_plan_editor_opens_once_the_diagnosis_names_thematic_axes(int axisCount, string? otherAxes, bool expectedOpen)
    {
        var snapshot = new FormulationSnapshot
        {
            Commission = _commission,
            Diagnosis = _instruments with { ThematicAxisCount = axisCount, OtherThematicAxes = otherAxes },
        };

        var steps = FormulationSteps.Evaluate(snapshot);

        steps[1].State.ShouldBe(StepState.InProgress);
        steps[2].IsOpen.ShouldBe(expectedOpen);
        steps[3].IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void The_plan_editor_stays_closed_without_a_complete_commission()
    {
        var snapshot = new FormulationSnapshot { Commission = new() { Exists = true }, Diagnosis = _diagnosis };
        FormulationSteps.Evaluate(snapshot)[2].IsOpen.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, StepState.NotStarted, new[] { Missing.PlanAxes, Missing.PlanActions })]
    [InlineData(3, 0, 3, 0, 0, StepState.InProgress, new[] { Missing.PlanActions, Missing.AxesWithoutActions })]
    [InlineData(3, 10, 1, 0, 0, StepState.InProgress, new[] { Missing.AxesWithoutActions })]
    [InlineData(3, 10, 0, 2, 0, StepState.InProgress, new[] { Missing.SubAxesWithoutActions })]
    [InlineData(3, 10, 0, 0, 4, StepState.InProgress, new[] { Missing.ActionFields })]
    [InlineData(3, 10, 0, 1, 4, StepState.InProgress, new[] { Missing.SubAxesWithoutActions, Missing.ActionFields })]
    [InlineData(3, 10, 0, 0, 0, StepState.Done, new Missing[0])]
    public void The_plan_lists_what_it_lacks(int axes, int actions, int axesWithout, int subAxesWithout, int actionsMissingFields,
        StepState expectedState, Missing[] expectedMissing)
    {
        var plan = new PlanTreeFacts
        {
            AxisCount = axes, ActionCount = actions, AxesWithoutActions = axesWithout,
            SubAxesWithoutActions = subAxesWithout, ActionsMissingFields = actionsMissingFields,
        };

        var steps = FormulationSteps.Evaluate(CompletedUpTo(2) with { Plan = plan });

        steps[2].State.ShouldBe(expectedState);
        steps[2].Missing.ShouldBe(expectedMissing);
        steps[3].IsOpen.ShouldBe(expectedState == StepState.Done);
    }

    [Theory]
    [InlineData("end before start", StepState.InProgress, new[] { Missing.ValidityPeriodOrder })]
    [InlineData("one-day period", StepState.Done, new Missing[0])]
    [InlineData("other stakeholders only", StepState.Done, new Missing[0])]
    [InlineData("no stakeholders", StepState.InProgress, new[] { Missing.ValidationStakeholders })]
    [InlineData("dates only", StepState.InProgress, new[] { Missing.ValidationStakeholders, Missing.ValidationConfirmation })]
    [InlineData("not confirmed", StepState.InProgress, new[] { Missing.ValidationConfirmation })]
    [InlineData("nothing", StepState.NotStarted,
        new[] { Missing.ValidityStart, Missing.ValidityEnd, Missing.ValidationStakeholders, Missing.ValidationConfirmation })]
    public void The_validation_lists_what_it_lacks(string name, StepState expectedState, Missing[] expectedMissing)
    {
        var validation = name switch
        {
            "end before start" => _validation with { ValidTo = new(2025, 3, 31) },
            "one-day period" => _validation with { ValidTo = _validation.ValidFrom },
            "other stakeholders only" => _validation with { StakeholderCount = 0, OtherStakeholders = "Sindicato dos servidores" },
            "no stakeholders" => _validation with { StakeholderCount = 0, OtherStakeholders = "" },
            "dates only" => new ValidationFacts { ValidFrom = new(2025, 1, 1), ValidTo = new(2026, 12, 31) },
            "not confirmed" => _validation with { ValidatedAt = null },
            "nothing" => new ValidationFacts(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var step = FormulationSteps.Evaluate(CompletedUpTo(3) with { Validation = validation })[3];

        step.State.ShouldBe(expectedState);
        step.Missing.ShouldBe(expectedMissing);
    }

    [Fact]
    public void Everything_but_the_publishing_itself_lets_the_plan_be_published()
    {
        var snapshot = CompletedUpTo(6) with { Publication = _readyToPublish };

        var publication = FormulationSteps.Evaluate(snapshot)[6];

        publication.State.ShouldBe(StepState.InProgress);
        publication.IsOpen.ShouldBeTrue();
        publication.Missing.ShouldBe([Missing.Published]);
        FormulationSteps.CanPublish(snapshot).ShouldBeTrue();
    }

    [Fact]
    public void Publication_lists_what_it_lacks_and_blocks_publishing()
    {
        var snapshot = CompletedUpTo(6) with
        {
            Publication = _readyToPublish with { ActNumber = " ", TrainingPlanUploaded = false, InternalControlAcknowledgedAt = null },
        };

        FormulationSteps.Evaluate(snapshot)[6].Missing.ShouldBe(
            [Missing.PublicationActNumber, Missing.PublicationTrainingPlan, Missing.PublicationInternalControlAcknowledgement, Missing.Published]);
        FormulationSteps.CanPublish(snapshot).ShouldBeFalse();
    }

    [Fact]
    public void A_ready_publication_over_an_unfinished_step_cannot_be_published()
    {
        var snapshot = CompletedUpTo(6) with { Plan = _plan with { ActionsMissingFields = 1 }, Publication = _readyToPublish };

        var steps = FormulationSteps.Evaluate(snapshot);

        steps[6].Missing.ShouldBe([Missing.Published]);
        steps[6].IsOpen.ShouldBeFalse();
        FormulationSteps.CanPublish(snapshot).ShouldBeFalse();
    }

    [Fact]
    public void An_untouched_publication_lists_every_requirement()
    {
        FormulationSteps.Evaluate(CompletedUpTo(6))[6].Missing.ShouldBe(
        [
            Missing.PublicationActName, Missing.PublicationActNumber, Missing.PublicationActDate, Missing.PublicationFinalPdf,
            Missing.PublicationCommunicationPlan, Missing.PublicationTrainingPlan, Missing.PublicationHeadAcknowledgement,
            Missing.PublicationInternalControlAcknowledgement, Missing.Published,
        ]);
    }

    [Fact]
    public void A_published_plan_is_done_and_cannot_be_published_again()
    {
        var snapshot = CompletedUpTo(7);
        FormulationSteps.Evaluate(snapshot)[6].State.ShouldBe(StepState.Done);
        FormulationSteps.CanPublish(snapshot).ShouldBeFalse();
    }

    [Fact]
    public void A_step_that_loses_a_requirement_closes_the_steps_after_it()
    {
        var snapshot = CompletedUpTo(7) with { Commission = _commission with { HasCoordinator = false } };

        FormulationSteps.Evaluate(snapshot).Select(s => (s.State, s.IsOpen)).ShouldBe(
        [
            (StepState.InProgress, true),
            (StepState.Done, false),
            (StepState.Done, false),
            (StepState.Done, false),
            (StepState.Done, false),
            (StepState.Done, false),
            (StepState.Done, false),
        ]);
    }
}
