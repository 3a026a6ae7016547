using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Notifications;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Jobs;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Notifications;

public sealed class NotificationOptions
{
    /// <summary>Days before a pontual action's planned end on which its executors are reminded, e.g. "30,7,1".</summary>
    public string ReminderDaysBefore { get; set; } = "30,7,1";
    /// <summary>Weekday of the weekly overdue reminder (English name, e.g. Monday).</summary>
    public DayOfWeek OverdueWeekday { get; set; } = DayOfWeek.Monday;
}

/// <summary>
/// Deadline reminders (SPEC §7), daily: for each pontual action of a published plan still open, the approaching
/// reminder to its executors (the monitoring committee when it has none) and, weekly, the overdue one to its executors
/// and the monitoring committee. Each (action, reminder key) is recorded, so a reminder is queued once.
/// </summary>
public sealed class DeadlineRemindersJob(SispmpiDbContext db, Notifier notifier, IOptions<NotificationOptions> options,
    IOptions<JobOptions> jobOptions, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "lembretes-prazos";

    public string Name => JobName;
    public string Title => "Lembretes de prazo e de ações atrasadas";
    public DailySchedule Schedule => DailySchedule.Parse(jobOptions.Value.RemindersAt);

    public async Task<string> RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var offsets = ReminderRules.ParseDays(options.Value.ReminderDaysBefore);
        // Send dates move back at most two days (weekends): look that far beyond the largest offset.
        var horizon = day.AddDays((offsets.Count == 0 ? 0 : offsets.Max()) + 3);
        var actions = await db.PlanActions.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Plan!.Status == PlanStatus.Published && a.Classification == ActionClassification.OneOff
                && (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.InProgress)
                && a.PlannedEnd != null && a.PlannedEnd <= horizon)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.OrganizationId, a.Number, a.Title, PlannedEnd = a.PlannedEnd!.Value, Plan = a.Plan!.Title, a.ResponsibleUserId,
                Participants = db.Set<Execution.ActionParticipant>().IgnoreQueryFilters().Where(p => p.ActionId == a.Id).Select(p => p.UserId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = actions.Select(a => a.Id).ToList();
        var queued = (await db.ReminderLogs.AsNoTracking().Where(r => ids.Contains(r.ActionId)).Select(r => new { r.ActionId, r.Key })
            .ToListAsync(cancellationToken)).Select(r => (r.ActionId, r.Key)).ToHashSet();
        var organizations = actions.Select(a => a.OrganizationId).Distinct().ToList();
        var committees = (await db.ProfileGrants.IgnoreQueryFilters().AsNoTracking()
                .Where(g => organizations.Contains(g.OrganizationId) && g.Profile == Profile.MonitoringCommittee && g.User!.IsActive)
                .Select(g => new { g.OrganizationId, g.UserId }).ToListAsync(cancellationToken))
            .GroupBy(g => g.OrganizationId).ToDictionary(g => g.Key, g => g.Select(x => x.UserId).Distinct().ToList());
        var notices = new List<(int? OrganizationId, IEnumerable<int> UserIds, Notice Notice)>();
        int approaching = 0, overdue = 0;
        var sendsOverdue = ReminderRules.SendsOverdue(day, clock.Today(), options.Value.OverdueWeekday);
        foreach (var action in actions)
        {
            var reminder = ReminderRules.Approaching(action.PlannedEnd, day, offsets)
                ?? (sendsOverdue ? ReminderRules.Overdue(action.PlannedEnd, day, options.Value.OverdueWeekday) : null);
            if (reminder is null || queued.Contains((action.Id, reminder.Key)))
            {
                continue;
            }
            var executors = action.Participants.Concat(action.ResponsibleUserId is int r ? [r] : []).Distinct().ToList();
            var committee = committees.GetValueOrDefault(action.OrganizationId) ?? [];
            Notice notice;
            IEnumerable<int> recipients;
            if (reminder.Kind == ReminderKind.Approaching)
            {
                notice = Notices.DeadlineApproaching(action.Id, action.Number, action.Title, action.Plan, action.PlannedEnd, reminder.DaysLeft);
                recipients = executors.Count > 0 ? executors : committee;
                approaching++;
            }
            else
            {
                notice = Notices.Overdue(action.Id, action.Number, action.Title, action.Plan, action.PlannedEnd, -reminder.DaysLeft);
                recipients = executors.Concat(committee);
                overdue++;
            }
            notices.Add((action.OrganizationId, recipients, notice));
            db.ReminderLogs.Add(new ReminderLog { ActionId = action.Id, Key = reminder.Key, QueuedAt = clock.GetUtcNow() });
        }
        var messages = await notifier.NotifyEachAsync(notices, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return $"{approaching} {(approaching == 1 ? "lembrete" : "lembretes")} de prazo e {overdue} de atraso; {messages} {(messages == 1 ? "aviso" : "avisos")} a pessoas.";
    }
}

/// <summary>The daily digest: one e-mail per user who chose it, listing the notifications since the last one.</summary>
public sealed class DailyDigestJob(SispmpiDbContext db, Notifier notifier, MailRenderer renderer, IOptions<JobOptions> jobOptions) : IScheduledJob
{
    public const string JobName = "resumo-diario";

    public string Name => JobName;
    public string Title => "Resumo diário de avisos por e-mail";
    public DailySchedule Schedule => DailySchedule.Parse(jobOptions.Value.DigestAt);

    public async Task<string> RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var waiting = await db.Notifications.Where(n => n.AwaitsDigest).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var users = waiting.Select(n => n.UserId).Distinct().ToList();
        var recipients = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => users.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(cancellationToken);
        foreach (var recipient in recipients)
        {
            var items = waiting.Where(n => n.UserId == recipient.Id).ToList();
            notifier.Email(recipient.Email!, recipient.FullName, Notices.Digest(items, day, renderer.Absolute), userId: recipient.Id);
        }
        foreach (var notification in waiting)
        {
            notification.AwaitsDigest = false;
        }
        await db.SaveChangesAsync(cancellationToken);
        return $"{recipients.Count} {(recipients.Count == 1 ? "resumo enviado" : "resumos enviados")} com {waiting.Count} {(waiting.Count == 1 ? "aviso" : "avisos")}.";
    }
}

/// <summary>Due dates of agreement obligations (SPEC §4, §7): the work-plan goals due soon or late, to the participants.</summary>
public sealed class AgreementObligationsJob(Adoption.AgreementReminders reminders, IOptions<JobOptions> jobOptions) : IScheduledJob
{
    public const string JobName = "obrigacoes-acordos";

    public string Name => JobName;
    public string Title => "Avisos de obrigações dos acordos de cooperação";
    public DailySchedule Schedule => DailySchedule.Parse(jobOptions.Value.RemindersAt);

    public async Task<string> RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var messages = await reminders.QueueDueAsync(day, cancellationToken);
        return $"{messages} {(messages == 1 ? "aviso enfileirado" : "avisos enfileirados")} aos partícipes.";
    }
}
