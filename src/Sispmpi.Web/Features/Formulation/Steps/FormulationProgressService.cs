using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>A plan's formulation as <see cref="FormulationSteps"/> sees it: the facts and what they mean.</summary>
public sealed record FormulationProgress(FormulationSnapshot Snapshot, IReadOnlyList<StepProgress> Steps, IReadOnlyList<DiagnosisTabProgress> Tabs)
{
    public StepProgress this[FormulationStep step] => Steps.First(s => s.Step == step);

    public DiagnosisTabProgress this[DiagnosisTab tab] => Tabs.First(t => t.Tab == tab);

    public int DoneCount => Steps.Count(s => s.State == StepState.Done);

    /// <summary>Steps 1–6 are done and only the publishing itself is missing.</summary>
    public bool CanPublish => FormulationSteps.CanPublish(Snapshot);

    /// <summary>Whether every step before <paramref name="step"/> is done.</summary>
    public bool EarlierDone(FormulationStep step) => Steps.Where(s => s.Step < step).All(s => s.State == StepState.Done);

    /// <summary>What the steps before <paramref name="step"/> still lack, step by step.</summary>
    public IReadOnlyList<StepProgress> EarlierPending(FormulationStep step) =>
        Steps.Where(s => s.Step < step && s.State != StepState.Done).ToList();

    /// <summary>The first open step that is not done: where the guided path continues.</summary>
    public StepProgress? Next => Steps.FirstOrDefault(s => s.IsOpen && s.State != StepState.Done);
}

/// <summary>
/// Builds the <see cref="FormulationSnapshot"/> of a plan from the database (commission, diagnosis, plan tree,
/// validation, drafts and publication) and evaluates it. The query filters apply: a plan of another
/// organization is not found.
/// </summary>
public sealed class FormulationProgressService(SispmpiDbContext db)
{
    /// <summary>
    /// The fields an action must have for step 3 to be done: title, description, type, executing unit and the
    /// planned start and end (the classification always has a value).
    /// </summary>
    public static readonly Expression<Func<PlanAction, bool>> ActionMissesRequiredFields = a =>
        a.Title == "" || a.Description == null || a.Description == "" || a.ActionType == ""
        || a.ExecutingUnitId == null || a.PlannedStart == null || a.PlannedEnd == null;

    public async Task<FormulationProgress?> ProgressAsync(int planId, CancellationToken cancellationToken = default)
    {
        var snapshot = await SnapshotAsync(planId, cancellationToken);
        return snapshot is null ? null : Evaluate(snapshot);
    }

    public static FormulationProgress Evaluate(FormulationSnapshot snapshot) =>
        new(snapshot, FormulationSteps.Evaluate(snapshot), FormulationSteps.DiagnosisTabs(snapshot));

    public async Task<FormulationSnapshot?> SnapshotAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Status, p.ValidFrom, p.ValidTo, p.Stakeholders, p.OtherStakeholders, p.ValidatedAt,
                p.ProgramDraftGeneratedAt, p.PlanDraftGeneratedAt, p.PublishedAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var commission = await db.Commissions.AsNoTracking().Where(c => c.PlanId == planId)
            .Select(c => new
            {
                c.IsFormallyInstituted, c.ActType, c.ActNumber, c.ActDate, c.StartDate, c.PlannedDurationDays,
                // Former members (inactive) no longer count towards the commission's composition.
                Members = c.Members.Count(m => m.InactiveSince == null),
                MembersMissingDetails = c.Members.Count(m => m.InactiveSince == null && (m.UnitId == null || m.Email == null || m.Email == "")),
                Coordinators = c.Members.Count(m => m.InactiveSince == null && m.IsCoordinator),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var diagnosis = await db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == planId, cancellationToken);
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new { a.Id, a.ParentId }).ToListAsync(cancellationToken);
        var actionAxes = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => a.AxisId).ToListAsync(cancellationToken);
        var actionsMissingFields = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId)
            .Where(ActionMissesRequiredFields).CountAsync(cancellationToken);
        var publication = await db.PlanPublications.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId, cancellationToken);

        var withActions = actionAxes.ToHashSet();
        var subAxes = axes.Where(a => a.ParentId is not null).ToList();
        var topAxes = axes.Where(a => a.ParentId is null).ToList();
        bool AxisHasActions(int axisId) => withActions.Contains(axisId) || subAxes.Any(s => s.ParentId == axisId && withActions.Contains(s.Id));

        return new FormulationSnapshot
        {
            Commission = commission is null ? new CommissionFacts() : new CommissionFacts
            {
                Exists = true,
                IsFormallyInstituted = commission.IsFormallyInstituted,
                ActType = commission.ActType,
                ActNumber = commission.ActNumber,
                ActDate = commission.ActDate,
                StartDate = commission.StartDate,
                PlannedDurationDays = commission.PlannedDurationDays,
                MemberCount = commission.Members,
                MembersMissingUnitOrEmail = commission.MembersMissingDetails,
                // "Exactly one": two coordinators count as none until one of them is unmarked.
                HasCoordinator = commission.Coordinators == 1,
            },
            Diagnosis = diagnosis is null ? new DiagnosisFacts() : new DiagnosisFacts
            {
                Mission = diagnosis.Mission,
                Vision = diagnosis.Vision,
                Values = diagnosis.Values,
                OrganizationalStructure = diagnosis.OrganizationalStructure,
                Competences = diagnosis.Competences,
                Duties = diagnosis.Duties,
                InstrumentCount = diagnosis.Instruments.Count,
                OtherInstruments = diagnosis.OtherInstruments,
                MainFindings = diagnosis.MainFindings,
                DesiredFuture = diagnosis.DesiredFuture,
                ProgramObjectives = diagnosis.ProgramObjectives,
                GovernanceStructure = diagnosis.GovernanceStructure,
                MonitoringPeriodicity = diagnosis.MonitoringPeriodicity,
                EvaluationPeriodicity = diagnosis.EvaluationPeriodicity,
                UpdatePeriodicity = diagnosis.UpdatePeriodicity,
                CommunicationAspects = diagnosis.CommunicationAspects,
                TrainingAspects = diagnosis.TrainingAspects,
                ThematicAxisCount = diagnosis.ThematicAxes.Count,
                OtherThematicAxes = diagnosis.OtherThematicAxes,
                Validated = diagnosis.Validated,
            },
            Plan = new PlanTreeFacts
            {
                AxisCount = topAxes.Count,
                ActionCount = actionAxes.Count,
                AxesWithoutActions = topAxes.Count(a => !AxisHasActions(a.Id)),
                SubAxesWithoutActions = subAxes.Count(s => !withActions.Contains(s.Id)),
                ActionsMissingFields = actionsMissingFields,
            },
            Validation = new ValidationFacts
            {
                ValidFrom = plan.ValidFrom,
                ValidTo = plan.ValidTo,
                StakeholderCount = plan.Stakeholders?.Count ?? 0,
                OtherStakeholders = plan.OtherStakeholders,
                ValidatedAt = plan.ValidatedAt,
            },
            Drafts = new DraftFacts
            {
                ProgramDraftGeneratedAt = plan.ProgramDraftGeneratedAt,
                PlanDraftGeneratedAt = plan.PlanDraftGeneratedAt,
            },
            Publication = new PublicationFacts
            {
                ActName = publication?.ActName,
                ActNumber = publication?.ActNumber,
                ActDate = publication?.ActDate,
                FinalPdfUploaded = publication?.FinalPdfKey is not null,
                CommunicationPlanUploaded = publication?.CommunicationPlanKey is not null,
                TrainingPlanUploaded = publication?.TrainingPlanKey is not null,
                HeadAcknowledgedAt = publication?.HeadAcknowledgedAt,
                InternalControlAcknowledgedAt = publication?.InternalControlAcknowledgedAt,
                // A reopened plan keeps its old publication date but is being formulated again.
                PublishedAt = plan.Status is Core.Plans.PlanStatus.Published or Core.Plans.PlanStatus.Obsolete ? plan.PublishedAt : null,
            },
        };
    }
}
