using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Notifications;
using Sispmpi.Web.Infrastructure.Jobs;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Notifications;

/// <summary>The deadline reminder job on a chosen day: who is told, what, and never twice.</summary>
public sealed class ReminderJobTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Executor = "executor@demo.gov.br";
    private const string Monitor = "monitor@demo.gov.br";

    /// <summary>A Wednesday at least two weeks ahead, so the demo's own dates do not interfere with the checks.</summary>
    private static readonly DateOnly Wednesday = Enumerable.Range(14, 7).Select(ExecutionTestData.Today.AddDays).First(d => d.DayOfWeek == DayOfWeek.Wednesday);

    private async Task<string> RunRemindersAsync(DateOnly day)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("teste");
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == DeadlineRemindersJob.JobName);
        return await job.RunAsync(day, CancellationToken.None);
    }

    private Task<List<(string To, string Subject, string Text)>> MessagesAboutAsync(string number) =>
        app.WithDbAsync(async db => (await db.Outbox.AsNoTracking()
                .Where(m => (m.Event == "prazo-proximo" || m.Event == "acao-atrasada") && m.Subject.Contains($"ação {number} "))
                .OrderBy(m => m.Id).Select(m => new { m.To, m.Subject, m.TextBody }).ToListAsync())
            .Select(m => (m.To, m.Subject, m.TextBody)).ToList());

    [Fact]
    public async Task Executors_are_reminded_before_the_deadline_executors_and_committee_weekly_when_overdue_and_never_twice()
    {
        var dueSoon = await app.CreateActionAsync("Ação com prazo em sete dias", a => a.PlannedEnd = Wednesday.AddDays(7));
        var late = await app.CreateActionAsync("Ação atrasada", a => { a.PlannedEnd = Wednesday.AddDays(-10); a.StartedOn = Wednesday.AddDays(-60); });
        var concluded = await app.CreateActionAsync("Ação concluída", a =>
        {
            a.PlannedEnd = Wednesday.AddDays(7); a.StartedOn = ExecutionTestData.Today.AddDays(-20); a.ConcludedOn = ExecutionTestData.Today.AddDays(-1);
        });
        var continuous = await app.CreateActionAsync("Ação contínua", a => { a.Classification = ActionClassification.Continuous; a.PlannedEnd = Wednesday.AddDays(7); });
        var numbers = await app.WithDbAsync(db => db.PlanActions.Where(a => new[] { dueSoon, late, concluded, continuous }.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Number));

        var summary = await RunRemindersAsync(Wednesday);
        summary.ShouldContain("lembrete");

        var soon = await MessagesAboutAsync(numbers[dueSoon]);
        soon.Select(m => m.To).ShouldBe([Executor]);
        soon[0].Subject.ShouldBe($"SisPMPI: prazo da ação {numbers[dueSoon]} em {Wednesday.AddDays(7):dd/MM/yyyy}");
        soon[0].Text.ShouldContain("daqui a 7 dias");
        soon[0].Text.ShouldContain($"/acoes/{dueSoon}/execucao");

        var overdue = await MessagesAboutAsync(numbers[late]);
        overdue.Select(m => m.To).Order().ShouldBe([Executor, Monitor]);
        overdue[0].Subject.ShouldBe($"SisPMPI: ação {numbers[late]} atrasada");
        overdue[0].Text.ShouldContain("10 dias de atraso");

        (await MessagesAboutAsync(numbers[concluded])).ShouldBeEmpty();
        (await MessagesAboutAsync(numbers[continuous])).ShouldBeEmpty();

        // The bell has them too.
        var executorId = await app.UserIdAsync(Executor);
        (await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == executorId && n.Link == $"/acoes/{dueSoon}/execucao"))).ShouldBe(1);

        // The same day again, or the next days of the week: nothing new for these actions.
        await RunRemindersAsync(Wednesday);
        await RunRemindersAsync(Wednesday.AddDays(1));
        await RunRemindersAsync(Wednesday.AddDays(2));
        (await MessagesAboutAsync(numbers[dueSoon])).Count.ShouldBe(1);
        (await MessagesAboutAsync(numbers[late])).Count.ShouldBe(2);

        // Monday: a new week for the late action; Tuesday, the day before the deadline, the last reminder.
        await RunRemindersAsync(Wednesday.AddDays(5));
        (await MessagesAboutAsync(numbers[late])).Count.ShouldBe(4);
        (await MessagesAboutAsync(numbers[dueSoon])).Count.ShouldBe(1);
        await RunRemindersAsync(Wednesday.AddDays(6));
        var last = await MessagesAboutAsync(numbers[dueSoon]);
        last.Count.ShouldBe(2);
        last[1].Text.ShouldContain("daqui a 1 dia.");
    }

    [Fact]
    public async Task A_user_who_chose_the_daily_digest_gets_one_email_a_day_listing_the_notices_with_links()
    {
        var observer = await app.CreateUserAsync("SEPLAG", "Pessoa do Resumo", Sispmpi.Core.Identity.Profile.Executor);
        var client = await app.LoginAsync(observer);
        using (var saved = await SispmpiAppFactory.PostFormAsync(client, "/notificacoes?handler=Preference",
                   new Dictionary<string, string> { ["Delivery"] = nameof(NotificationDelivery.DailyDigest) }, "/notificacoes"))
        {
            saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }
        var userId = await app.UserIdAsync(observer);
        var first = await app.CreateActionAsync("Ação do resumo um", a => { a.ResponsibleUserId = userId; a.PlannedEnd = Wednesday.AddDays(1); });
        var second = await app.CreateActionAsync("Ação do resumo dois", a => { a.ResponsibleUserId = userId; a.PlannedEnd = Wednesday.AddDays(7); });
        await RunRemindersAsync(Wednesday);

        (await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.AwaitsDigest))).ShouldBe(2);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == observer))).ShouldBe(0, "no immediate e-mail");

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("teste");
            var digest = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == DailyDigestJob.JobName);
            await digest.RunAsync(Wednesday, CancellationToken.None);
            await digest.RunAsync(Wednesday, CancellationToken.None);
        }
        var mails = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.To == observer).ToListAsync());
        mails.Count.ShouldBe(1);
        mails[0].Subject.ShouldBe($"SisPMPI: resumo de {Wednesday:dd/MM/yyyy} (2 avisos)");
        mails[0].TextBody.ShouldContain("Olá, Pessoa do Resumo.");
        mails[0].TextBody.ShouldContain($"/acoes/{first}/execucao");
        mails[0].TextBody.ShouldContain($"/acoes/{second}/execucao");
        (await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.AwaitsDigest))).ShouldBe(0);
    }
}

/// <summary>
/// The week of the overdue reminder when the job was late: yesterday's slot, made up this morning on the reminder weekday,
/// then today's regular run; at most one overdue reminder per action per week.
/// </summary>
public sealed class OverdueCatchUpTests
{
    [Fact]
    public async Task Yesterdays_slot_made_up_on_the_reminder_weekday_and_todays_run_send_one_overdue_reminder()
    {
        var today = ExecutionTestData.Today;
        await using var app = new SispmpiAppFactory
        {
            Settings = new Dictionary<string, string> { ["Notifications:OverdueWeekday"] = today.DayOfWeek.ToString() },
        };
        await app.InitializeAsync();
        var late = await app.CreateActionAsync("Ação atrasada há um mês", a => { a.PlannedEnd = today.AddDays(-30); a.StartedOn = today.AddDays(-90); });
        var number = await app.WithDbAsync(db => db.PlanActions.Where(a => a.Id == late).Select(a => a.Number).SingleAsync());

        async Task<int> RunAndCountAsync(DateOnly day)
        {
            using (var scope = app.Services.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("teste");
                await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == DeadlineRemindersJob.JobName).RunAsync(day, CancellationToken.None);
            }
            return await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == "acao-atrasada" && m.Subject.Contains($"ação {number} ")
                && m.To == "executor@demo.gov.br"));
        }

        (await RunAndCountAsync(today.AddDays(-1))).ShouldBe(0, "last week's slot made up this morning: today's run tells this week");
        (await RunAndCountAsync(today)).ShouldBe(1);
        (await RunAndCountAsync(today.AddDays(1))).ShouldBe(1);
        // The next week's regular run: the weekly reminder goes on.
        (await RunAndCountAsync(today.AddDays(7))).ShouldBe(2);
    }
}

/// <summary>Two instances sharing one database, each with its scheduler running: a slot that comes due runs once.</summary>
public sealed class ClusteredJobTests
{
    [Fact]
    public async Task A_reminder_job_coming_due_while_two_instances_run_produces_one_set_of_messages()
    {
        // Due a few seconds after both instances are up (the slot of yesterday runs at start-up, by whichever is first).
        var localNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, BrazilTime.Zone).DateTime;
        var at = localNow.AddSeconds(25);
        if (at.Date != localNow.Date)
        {
            at = localNow; // just before midnight: the slot is due at once; both still race for it
        }
        var settings = new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "true", ["Jobs:PollSeconds"] = "0.1", ["Jobs:RemindersAt"] = at.ToString("HH:mm:ss"), ["Jobs:DigestAt"] = "23:59:59",
            // Yesterday's slot, made up at start-up, and today's fall in one reminder week (on the weekday itself they
            // would be two weeks, each with its own overdue reminder), so every reminder here is due exactly once.
            ["Notifications:OverdueWeekday"] = localNow.AddDays(3).DayOfWeek.ToString(),
        };
        await using var first = new SispmpiAppFactory { Settings = settings };
        await first.InitializeAsync();
        await using var second = new SispmpiAppFactory { Settings = settings, ShareDatabaseWith = first };
        await second.InitializeAsync();

        var slot = DateOnly.FromDateTime(at);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<JobRun> runs;
        do
        {
            await Task.Delay(250);
            runs = await first.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Job == DeadlineRemindersJob.JobName).ToListAsync());
        }
        while (!runs.Any(r => r.Slot == slot && r.Status == JobRunStatus.Succeeded) && DateTime.UtcNow < deadline);
        // Both pollers keep asking for a while longer.
        await Task.Delay(TimeSpan.FromSeconds(2));

        runs = await first.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Job == DeadlineRemindersJob.JobName && r.Slot == slot).ToListAsync());
        runs.Count.ShouldBe(1);
        runs[0].Status.ShouldBe(JobRunStatus.Succeeded, runs[0].Result);
        runs[0].Attempt.ShouldBe(1);

        var messages = await first.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Event == "prazo-proximo" || m.Event == "acao-atrasada").Select(m => new { m.To, m.Subject }).ToListAsync());
        messages.ShouldNotBeEmpty("the demo plan has late actions and actions due within 30 days");
        messages.GroupBy(m => (m.To, m.Subject)).ShouldAllBe(g => g.Count() == 1);
        var reminders = await first.WithDbAsync(db => db.ReminderLogs.AsNoTracking().ToListAsync());
        reminders.GroupBy(r => (r.ActionId, r.Key)).ShouldAllBe(g => g.Count() == 1);
        // Every reminder queued once (an action of a body with nobody to tell is recorded without messages).
        messages.Select(m => m.Subject).Distinct().Count().ShouldBeInRange(1, reminders.Count);
    }
}
