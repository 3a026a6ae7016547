using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Email;
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
public sealed class Recommendations(SispmpiDbContext db, TenantContext tenant, TimeProvider clock)
{
    public const string AlreadyAnsweredMessage = "Esta recomendação já foi respondida; a resposta não pode ser alterada.";

    public async Task<Recommendation> AddToActionAsync(PlanAction action, RecommendationSource source, string text, DateOnly? deadline,
        CancellationToken cancellationToken = default)
    {
        var recommendation = New(action.PlanId, action.Id, source, text, deadline);
        db.Recommendations.Add(recommendation);
        var executors = await db.Users.Where(u => u.Id == action.ResponsibleUserId
                || db.Set<Execution.ActionParticipant>().Any(p => p.ActionId == action.Id && p.UserId == u.Id))
            .Select(u => u.Email!).ToListAsync(cancellationToken);
        Notify(action.OrganizationId, "recomendacao-recebida", executors,
            $"SisPMPI: recomendação sobre a ação {action.Number}",
            $"""
            Você recebeu uma recomendação {(source == RecommendationSource.MonitoringCommittee ? "do comitê de monitoramento" : "do controle interno")} sobre a ação {action.Number} — {action.Title}:

            {text}

            Responda na aba {(source == RecommendationSource.MonitoringCommittee ? "Monitoramento" : "Avaliação")} da ação: /acoes/{action.Id}/{(source == RecommendationSource.MonitoringCommittee ? "monitoramento" : "avaliacao")}
            """);
        await db.SaveChangesAsync(cancellationToken);
        return recommendation;
    }

    /// <summary>A general recommendation about a plan, from internal control to the commission and the monitoring committee.</summary>
    public async Task<Recommendation> AddGeneralAsync(IntegrityPlan plan, string text, DateOnly? deadline, CancellationToken cancellationToken = default)
    {
        var recommendation = New(plan.Id, null, RecommendationSource.InternalControl, text, deadline);
        db.Recommendations.Add(recommendation);
        var recipients = await db.ProfileGrants
            .Where(g => g.OrganizationId == plan.OrganizationId && (g.Profile == Profile.IntegrityCommission || g.Profile == Profile.MonitoringCommittee))
            .Select(g => g.User!.Email!).Distinct().ToListAsync(cancellationToken);
        Notify(plan.OrganizationId, "recomendacao-geral", recipients, $"SisPMPI: recomendação do controle interno sobre {plan.Title}",
            $"""
            O controle interno fez uma recomendação geral sobre o {plan.Title}:

            {text}

            Responda em /monitoramento/planos/{plan.Id}/recomendacoes-gerais
            """);
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

    private void Notify(int organizationId, string @event, IReadOnlyCollection<string> to, string subject, string body)
    {
        if (to.Count == 0)
        {
            return;
        }
        db.Outbox.Add(new OutboxMessage
        {
            OrganizationId = organizationId, Event = @event, To = string.Join(", ", to.Distinct()), Subject = subject, TextBody = body,
            CreatedAt = clock.GetUtcNow(),
        });
    }
}
