using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Evaluation.Decisions;

/// <summary>
/// Internal control's decision on an update request (SPEC §3, §3.4). Authorizing opens the new version (or edition)
/// in elaboration, with the actions carried over and linked to their origin, in the same transaction as the
/// decision; the current plan stays published until the new one is published. Both outcomes are told to the
/// monitoring committee and the commission through the outbox.
/// </summary>
public sealed class UpdateDecisions(SispmpiDbContext db, PlanLifecycle lifecycle, TenantContext tenant, TimeProvider clock,
    Notifications.Notifier notifier)
{
    public async Task<string?> AuthorizeAsync(UpdateRequest request, string justification, string? newEdition, CancellationToken cancellationToken = default)
    {
        if (request.Status != UpdateRequestStatus.Pending)
        {
            return "Esta solicitação já foi decidida.";
        }
        if (request.Kind == UpdateKind.NewEdition && string.IsNullOrWhiteSpace(newEdition))
        {
            return "Informe a nova edição (o ciclo do novo plano, por exemplo 2027–2029).";
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (planId, error) = await lifecycle.CreateRevisionAsync(request.PlanId, request.Kind == UpdateKind.NewEdition ? newEdition : null, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        Decide(request, UpdateRequestStatus.Authorized, justification);
        request.ResultingPlanId = planId;
        await NotifyAsync(request, $"""
            O controle interno autorizou a {Shared.Labels.Of(request.Kind).ToLowerInvariant()} do plano.

            Justificativa: {justification}

            O novo plano está em elaboração no SisPMPI, com as ações trazidas do plano atual; o plano atual continua publicado até a publicação do novo.
            """, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<string?> DenyAsync(UpdateRequest request, string justification, CancellationToken cancellationToken = default)
    {
        if (request.Status != UpdateRequestStatus.Pending)
        {
            return "Esta solicitação já foi decidida.";
        }
        Decide(request, UpdateRequestStatus.Denied, justification);
        await NotifyAsync(request, $"""
            O controle interno negou a {Shared.Labels.Of(request.Kind).ToLowerInvariant()} do plano.

            Justificativa: {justification}
            """, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private void Decide(UpdateRequest request, UpdateRequestStatus status, string justification)
    {
        request.Status = status;
        request.Decision = justification;
        request.DecidedAt = clock.GetUtcNow();
        request.DecidedById = tenant.UserId;
    }

    private async Task NotifyAsync(UpdateRequest request, string body, CancellationToken cancellationToken)
    {
        var recipients = await notifier.UsersWithAsync([request.OrganizationId], [Profile.MonitoringCommittee, Profile.IntegrityCommission], cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == request.PlanId).Select(p => p.Title).SingleAsync(cancellationToken);
        await notifier.NotifyAsync(request.OrganizationId, recipients,
            Notifications.Notices.UpdateDecided(request.PlanId, plan, request.Status == UpdateRequestStatus.Authorized, body), cancellationToken);
    }
}
