using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Adoption;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption;

public sealed class AdoptionOptions
{
    /// <summary>Reminders of agreement obligations go out this many days before the due date (and while overdue).</summary>
    public int ReminderDaysBefore { get; set; } = 7;
}

/// <summary>A goal with where it stands today.</summary>
public sealed record GoalView(WorkPlanGoal Goal, DeadlineStatus Status, IReadOnlyList<AgreementParticipant> Responsible);

public static class GoalStatuses
{
    public static GoalView View(WorkPlanGoal goal, CooperationAgreement agreement, DateOnly today) => new(
        goal,
        DeadlineRules.Evaluate(goal.Rule, agreement.Validity, goal.Records.Select(r => r.ToRule()), today),
        goal.Responsible.Select(r => agreement.Participants.FirstOrDefault(p => p.Id == r.ParticipantId)).OfType<AgreementParticipant>().ToList());

    public static string Describe(DeadlineKind kind) => kind switch
    {
        DeadlineKind.FixedDate => "Data fixa",
        DeadlineKind.DaysAfterStart => "Dias após o início da vigência",
        DeadlineKind.DuringValidity => "Durante a vigência",
        DeadlineKind.Yearly => "Anual",
        DeadlineKind.Monthly => "Mensal",
        DeadlineKind.DayOfFollowingMonth => "Dia do mês subsequente a um evento",
        DeadlineKind.OnCall => "Quando convocado ou solicitado",
        DeadlineKind.YearlyMinimumHours => "Mínimo anual de horas",
        DeadlineKind.AsRegulated => "Conforme a norma vigente",
        _ => kind.ToString(),
    };

    public static string Describe(GoalRecordKind kind) => kind switch
    {
        GoalRecordKind.Event => "Evento (convocação, solicitação, adesão)",
        GoalRecordKind.Completion => "Cumprimento",
        GoalRecordKind.Hours => "Horas realizadas",
        _ => kind.ToString(),
    };

    /// <summary>"Atrasada desde 08/10/2025", "Vence em 22/09/2026", "Aguardando evento", "Cumprida".</summary>
    public static string Situation(GoalView view)
    {
        var status = view.Status;
        if (status.NextDue is not { } due)
        {
            return view.Goal.Rule.IsEventDriven && view.Goal.Records.All(r => r.Kind != GoalRecordKind.Completion) ? "Aguardando evento" : "Cumprida";
        }
        var text = status.IsLate ? $"Atrasada: vencida em {Labels.Date(due)}" : $"Vence em {Labels.Date(due)}";
        if (status.ShortfallHours is > 0 and var shortfall)
        {
            text += $" · faltam {shortfall.ToString("0.##", BrazilTime.Culture)} h de {view.Goal.Rule.MinimumHours!.Value.ToString("0.##", BrazilTime.Culture)} h no ano";
        }
        return text;
    }
}

/// <summary>
/// Writes the reminders of agreement obligations to the e-mail outbox (SPEC §7: "agreement obligations due").
/// Called once a day by the scheduled jobs; safe to call again or from several instances at once.
/// </summary>
public sealed class AgreementReminders(SispmpiDbContext db, IOptions<AdoptionOptions> options, Notifications.Notifier notifier, TimeProvider clock)
{
    public const string EventName = "obrigacao-acordo";

    /// <returns>How many messages were written.</returns>
    public async Task<int> QueueDueAsync(DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(Math.Max(0, options.Value.ReminderDaysBefore));
        var agreements = await db.Agreements.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ValidFrom <= horizon)
            .Include(a => a.Participants)
            .Include(a => a.Goals).ThenInclude(g => g.Responsible)
            .Include(a => a.Goals).ThenInclude(g => g.Records)
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var written = 0;
        foreach (var agreement in agreements)
        {
            foreach (var goal in agreement.Goals.OrderBy(g => g.Position))
            {
                var view = GoalStatuses.View(goal, agreement, today);
                if (view.Status.NextDue is not { } due || due > horizon)
                {
                    continue;
                }
                var recipients = view.Responsible.Select(p => p.ContactEmail.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToList();
                if (recipients.Count == 0
                    || await db.AgreementReminders.AnyAsync(r => r.GoalId == goal.Id && r.DueDate == due, ct))
                {
                    continue;
                }
                var late = due < today;
                db.AgreementReminders.Add(new AgreementReminder { GoalId = goal.Id, DueDate = due, SentAt = clock.GetUtcNow() });
                var notice = Notifications.Notices.AgreementObligation(agreement.Id, agreement.Number, goal.Id, goal.Code, goal.Description,
                    goal.DeadlineText, string.Join(" e ", view.Responsible.Select(p => p.ShortName)), GoalStatuses.Situation(view), due, late);
                foreach (var recipient in recipients)
                {
                    notifier.Email(recipient, null, notice, agreement.OrganizationId);
                }
                try
                {
                    await db.SaveChangesAsync(ct);
                    written += recipients.Count;
                }
                catch (DbUpdateException)
                {
                    // Another instance sent this reminder first: the unique index on (goal, due date) refused ours.
                    db.ChangeTracker.Clear();
                }
            }
        }
        return written;
    }
}
