using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Monitoring;

public enum AnswerResult
{
    Saved,
    AlreadyAnswered,
}

/// <summary>
/// Recommendations and their single answer (SPEC §3.3). The answer is written only over an unanswered row: the
/// update is conditioned on <see cref="Recommendation.AnsweredAt"/> still being null, so a second answer — from a
/// second tab, a double click or the API — is refused and the first stays as it was.
/// </summary>
public sealed class Recommendations(SispmpiDbContext db, TenantContext tenant, TimeProvider clock, Notifications.Notifier notifier)
{
    public const string AlreadyAnsweredMessage = "Esta recomendação já foi respondida; a resposta não pode ser alterada.";

    public async Task<Recommendation> AddToActionAsync(PlanAction action, RecommendationSource source, string text, DateOnly? deadline,
        CancellationToken cancellationToken = default)
    {
        var recommendation = New(action.PlanId, action.Id, source, text, deadline);
        db.Recommendations.Add(recommendation);
        var executors = await db.Set<Execution.ActionParticipant>().Where(p => p.ActionId == action.Id).Select(p => p.UserId).ToListAsync(cancellationToken);
        if (action.ResponsibleUserId is int responsible)
        {
            executors.Add(responsible);
        }
        await notifier.NotifyAsync(action.OrganizationId, executors,
            Notifications.Notices.RecommendationReceived(action.Id, action.Number, action.Title, source == RecommendationSource.MonitoringCommittee, text),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return recommendation;
    }

    /// <summary>A general recommendation about a plan, from internal control to the commission and the monitoring committee.</summary>
    public async Task<Recommendation> AddGeneralAsync(IntegrityPlan plan, string text, DateOnly? deadline, CancellationToken cancellationToken = default)
    {
        var recommendation = New(plan.Id, null, RecommendationSource.InternalControl, text, deadline);
        db.Recommendations.Add(recommendation);
        var recipients = await notifier.UsersWithAsync([plan.OrganizationId], [Profile.IntegrityCommission, Profile.MonitoringCommittee], cancellationToken);
        await notifier.NotifyAsync(plan.OrganizationId, recipients, Notifications.Notices.GeneralRecommendation(plan.Id, plan.Title, text), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return recommendation;
    }

    public async Task<AnswerResult> AnswerAsync(Recommendation recommendation, string answer, CancellationToken cancellationToken = default)
    {
        if (recommendation.IsAnswered)
        {
            return AnswerResult.AlreadyAnswered;
        }
        recommendation.Answer = answer;
        recommendation.AnsweredAt = clock.GetUtcNow();
        recommendation.AnsweredById = tenant.UserId;
        if (recommendation.CreatedById is int author && author != tenant.UserId)
        {
            await NotifyAnsweredAsync(recommendation, author, answer, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return AnswerResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone answered between our read and our write: theirs stands.
            db.ChangeTracker.Clear();
            return AnswerResult.AlreadyAnswered;
        }
    }

    private Recommendation New(int planId, int? actionId, RecommendationSource source, string text, DateOnly? deadline) => new()
    {
        OrganizationId = tenant.CurrentOrganizationId ?? throw new InvalidOperationException("No current organization."),
        PlanId = planId, ActionId = actionId, Source = source, Text = text, Deadline = deadline,
        CreatedAt = clock.GetUtcNow(), CreatedById = tenant.UserId,
    };

    private async Task NotifyAnsweredAsync(Recommendation recommendation, int author, string answer, CancellationToken cancellationToken)
    {
        string subject, link;
        if (recommendation.ActionId is int actionId)
        {
            var action = await db.PlanActions.AsNoTracking().Where(a => a.Id == actionId).Select(a => a.Number).SingleAsync(cancellationToken);
            subject = $"a ação {action}";
            link = $"/acoes/{actionId}/{(recommendation.Source == RecommendationSource.MonitoringCommittee ? "monitoramento" : "avaliacao")}";
        }
        else
        {
            subject = await db.Plans.AsNoTracking().Where(p => p.Id == recommendation.PlanId).Select(p => p.Title).SingleAsync(cancellationToken);
            link = $"/avaliacao/planos/{recommendation.PlanId}/recomendacoes";
        }
        await notifier.NotifyAsync(recommendation.OrganizationId, [author],
            Notifications.Notices.RecommendationAnswered(subject, tenant.UserName, recommendation.Text, answer, link), cancellationToken);
    }
}
