using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Formulation.Lifecycle;

/// <summary>
/// The plan's life cycle (SPEC §3): Não iniciado → Em elaboração → Publicado → Obsoleto. Every method returns
/// null on success or a Portuguese message saying why the transition is refused.
/// </summary>
public sealed class PlanLifecycle(SispmpiDbContext db, TenantContext tenant, TimeProvider clock, Notifications.Notifier notifier)
{
    /// <summary>The first thing the commission enters moves a plan from "não iniciado" to "em elaboração".</summary>
    public async Task MarkInPreparationAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is { Status: PlanStatus.NotStarted })
        {
            plan.Status = PlanStatus.InPreparation;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>What still prevents publication, in Portuguese; empty when the plan can be published.</summary>
    public async Task<IReadOnlyList<string>> PublicationBlockersAsync(int planId, CancellationToken cancellationToken = default)
    {
        var blockers = new List<string>();
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, cancellationToken);
        if (plan.IsReadOnly)
        {
            blockers.Add("O plano já está publicado.");
        }
        if (!await db.PlanActions.AnyAsync(a => a.PlanId == planId, cancellationToken))
        {
            blockers.Add("O plano não tem ações.");
        }
        if (plan.ValidFrom is null || plan.ValidTo is null || plan.ValidatedAt is null)
        {
            blockers.Add("A validação geral (etapa 4) não foi concluída.");
        }
        var publication = await db.PlanPublications.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId, cancellationToken);
        if (publication is null || string.IsNullOrWhiteSpace(publication.ActName) || string.IsNullOrWhiteSpace(publication.ActNumber) || publication.ActDate is null)
        {
            blockers.Add("Informe o ato de publicação: nome, número e data.");
        }
        if (publication?.FinalPdfKey is null)
        {
            blockers.Add("Envie o PDF final assinado do plano.");
        }
        if (publication?.HeadAcknowledgedAt is null || publication.InternalControlAcknowledgedAt is null)
        {
            blockers.Add("Faltam as ciências da alta administração e do controle interno.");
        }
        return blockers;
    }

    /// <summary>
    /// Publishes the plan: it becomes read-only, an earlier published plan of the organization becomes obsolete,
    /// and each party is notified through the outbox in the same transaction (SPEC §3.1, step 7).
    /// </summary>
    public async Task<string?> PublishAsync(int planId, CancellationToken cancellationToken = default)
    {
        var blockers = await PublicationBlockersAsync(planId, cancellationToken);
        if (blockers.Count > 0)
        {
            return string.Join(" ", blockers);
        }
        var plan = await db.Plans.Include(p => p.Organization).FirstAsync(p => p.Id == planId, cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var superseded = await db.Plans
            .Where(p => p.OrganizationId == plan.OrganizationId && p.Id != plan.Id && p.Status == PlanStatus.Published)
            .ToListAsync(cancellationToken);
        foreach (var old in superseded)
        {
            old.Status = PlanStatus.Obsolete;
        }
        plan.Status = PlanStatus.Published;
        plan.PublishedAt = now;
        await QueuePublicationNoticesAsync(plan, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private async Task QueuePublicationNoticesAsync(IntegrityPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organization = plan.Organization!;
        // The central body is every oversight organization above this one.
        var oversight = new List<int>();
        for (var parentId = organization.ParentId; parentId is int id && !oversight.Contains(id);)
        {
            oversight.Add(id);
            parentId = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.ParentId).FirstOrDefaultAsync(cancellationToken);
        }
        (string Party, Profile Profile, IReadOnlyList<int> Organizations)[] parties =
        [
            ("órgão central", Profile.CentralAdministrator, oversight),
            ("controle interno", Profile.InternalControl, [organization.Id]),
            ("comitê de monitoramento", Profile.MonitoringCommittee, [organization.Id]),
            ("comissão de integridade", Profile.IntegrityCommission, [organization.Id]),
        ];
        foreach (var (party, profile, organizations) in parties)
        {
            var recipients = await notifier.UsersWithAsync(organizations, [profile], cancellationToken);
            var next = profile switch
            {
                Profile.InternalControl => "Cadastre os executores das ações e acompanhe a avaliação do plano.",
                Profile.MonitoringCommittee => "O monitoramento da execução das ações pode começar.",
                Profile.CentralAdministrator => "O plano passa a compor o painel da rede.",
                _ => "O plano está publicado e não pode mais ser alterado sem reabertura.",
            };
            await notifier.NotifyAsync(organization.Id, recipients,
                Notifications.Notices.PlanPublished(plan.Id, plan.Title, organization.Name, plan.Edition, plan.Version, now, party, next), cancellationToken);
        }
    }

    /// <summary>
    /// Opens a revision of a published plan (SPEC §3): a new version of the same edition, or a new edition. The
    /// copy starts in elaboration with the axes and actions carried over, each action keeping a link to the one
    /// it came from; the current plan stays published until the new one is published, which makes it obsolete.
    /// Returns the new plan's id, or a Portuguese message.
    /// </summary>
    public async Task<(int? PlanId, string? Error)> CreateRevisionAsync(int planId, string? newEdition = null,
        CancellationToken cancellationToken = default)
    {
        var source = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (source is null)
        {
            return (null, "Plano não encontrado.");
        }
        if (source.Status != PlanStatus.Published)
        {
            return (null, "Somente um plano publicado pode ser revisto.");
        }
        if (await db.Plans.AnyAsync(p => p.OriginPlanId == planId && p.Status != PlanStatus.Obsolete && p.Status != PlanStatus.Published, cancellationToken))
        {
            return (null, "Já existe uma revisão deste plano em elaboração.");
        }
        var edition = string.IsNullOrWhiteSpace(newEdition) ? source.Edition : newEdition.Trim();
        var version = edition == source.Edition
            ? await db.Plans.Where(p => p.OrganizationId == source.OrganizationId && p.Edition == edition).MaxAsync(p => p.Version, cancellationToken) + 1
            : 1;
        // Joins the caller's transaction when there is one (an authorized update request is saved with its revision).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var revision = new IntegrityPlan
        {
            OrganizationId = source.OrganizationId, Title = source.Title, Edition = edition, Version = version, Status = PlanStatus.InPreparation,
            ValidFrom = source.ValidFrom, ValidTo = source.ValidTo, CreatedAt = clock.GetUtcNow(), OriginPlanId = source.Id,
        };
        db.Plans.Add(revision);
        await db.SaveChangesAsync(cancellationToken);

        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.ParentId).ToListAsync(cancellationToken);
        var copies = new Dictionary<int, PlanAxis>();
        foreach (var axis in axes.Where(a => a.ParentId is null).Concat(axes.Where(a => a.ParentId is not null)))
        {
            var copy = new PlanAxis
            {
                OrganizationId = axis.OrganizationId, PlanId = revision.Id, Position = axis.Position, Number = axis.Number, Title = axis.Title,
                Description = axis.Description, Parent = axis.ParentId is int parent ? copies[parent] : null,
            };
            copies[axis.Id] = copy;
            db.PlanAxes.Add(copy);
        }
        await db.SaveChangesAsync(cancellationToken);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(cancellationToken);
        var carried = new Dictionary<int, PlanAction>();
        foreach (var a in actions)
        {
            db.PlanActions.Add(carried[a.Id] = new PlanAction
            {
                OrganizationId = a.OrganizationId, PlanId = revision.Id, AxisId = copies[a.AxisId].Id, Position = a.Position, Number = a.Number,
                Title = a.Title, Description = a.Description, ExecutingUnitId = a.ExecutingUnitId, Classification = a.Classification,
                ActionType = a.ActionType, PlannedStart = a.PlannedStart, PlannedEnd = a.PlannedEnd, PlannedBudget = a.PlannedBudget,
                Objectives = a.Objectives, Benefits = a.Benefits, SuggestedEvidence = a.SuggestedEvidence, GoalIndicator = a.GoalIndicator,
                GoalUnit = a.GoalUnit, GoalBaseline = a.GoalBaseline, GoalTarget = a.GoalTarget, Weight = a.Weight, OriginActionId = a.Id,
                // The execution so far travels with the action: a revision changes the plan, not what was done.
                StartedOn = a.StartedOn, ConcludedOn = a.ConcludedOn, DiscontinuedOn = a.DiscontinuedOn,
                DiscontinuationJustification = a.DiscontinuationJustification, BudgetSpent = a.BudgetSpent, LastUpdateAt = a.LastUpdateAt,
                ExecutionNotes = a.ExecutionNotes, LimitingFactors = a.LimitingFactors, OtherLimitingFactors = a.OtherLimitingFactors,
                CurrentValue = a.CurrentValue, ResponsibleUserId = a.ResponsibleUserId, ResponsibleServantId = a.ResponsibleServantId,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        // So do the people involved; evidence and measurements stay with the origin action, reached through it.
        var participants = await db.ActionParticipants.AsNoTracking().Where(p => carried.Keys.Contains(p.ActionId)).ToListAsync(cancellationToken);
        db.ActionParticipants.AddRange(participants.Select(p => new Execution.ActionParticipant
        {
            OrganizationId = p.OrganizationId, ActionId = carried[p.ActionId].Id, UserId = p.UserId,
        }));
        var servants = await db.ActionServants.AsNoTracking().Where(p => carried.Keys.Contains(p.ActionId)).ToListAsync(cancellationToken);
        db.ActionServants.AddRange(servants.Select(p => new Users.Servants.ActionServant
        {
            OrganizationId = p.OrganizationId, ActionId = carried[p.ActionId].Id, ServantId = p.ServantId,
        }));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return (revision.Id, null);
    }

    /// <summary>Only the central administrator reopens a published plan, with a justification kept in the history.</summary>
    public async Task<string?> ReopenAsync(int planId, string? justification, CancellationToken cancellationToken = default)
    {
        if (!tenant.Has(Profile.CentralAdministrator))
        {
            return "Somente o administrador central pode reabrir um plano.";
        }
        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < 10)
        {
            return "Informe a justificativa da reabertura (pelo menos 10 caracteres).";
        }
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return "Plano não encontrado.";
        }
        if (plan.Status != PlanStatus.Published)
        {
            return "Somente um plano publicado pode ser reaberto.";
        }
        plan.Status = PlanStatus.InPreparation;
        await db.SaveChangesAsync(justification.Trim(), cancellationToken);
        return null;
    }
}
