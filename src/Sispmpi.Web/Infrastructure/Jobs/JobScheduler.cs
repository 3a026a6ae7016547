using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Notifications;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Infrastructure.Jobs;

/// <summary>A job run once a day; <see cref="RunAsync"/> gets the slot's day and returns a Portuguese summary.</summary>
public interface IScheduledJob
{
    /// <summary>Stable name, stored with each run.</summary>
    string Name { get; }
    string Title { get; }
    DailySchedule Schedule { get; }
    Task<string> RunAsync(DateOnly day, CancellationToken cancellationToken);
}

public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    public double PollSeconds { get; set; } = 60;
    /// <summary>How long a run may take before another instance may take over its slot.</summary>
    public double LeaseMinutes { get; set; } = 30;
    public string RemindersAt { get; set; } = "07:00";
    public string DigestAt { get; set; } = "18:00";
}

/// <summary>
/// Runs each job once per slot across every instance sharing the database (PostgreSQL or the embedded SQLite):
/// the instance whose insert of the (job, slot) row succeeds runs it; a run left Running past its lease by a dead
/// instance is taken over by a conditional update that only one instance wins. Jobs are idempotent as well
/// (reminders record what they queued), so a take-over does not repeat messages.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider clock, InstanceIdentity instance,
    ILogger<JobRunner> logger)
{
    /// <summary>Runs every job whose latest slot has not run yet; returns the names of the jobs this instance ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var ran = new List<string>();
        var localNow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), BrazilTime.Zone).DateTime;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
        {
            var slot = job.Schedule.LatestDueSlot(localNow);
            if (await ClaimAsync(job.Name, slot, cancellationToken) is long runId)
            {
                await RunAsync(job, slot, runId, cancellationToken);
                ran.Add(job.Name);
            }
        }
        return ran;
    }

    /// <summary>
    /// On shutdown: a run this instance left Running has its lease ended now, so that another instance takes it
    /// over at its next poll rather than after Jobs:LeaseMinutes. Returns how many were released.
    /// </summary>
    public async Task<int> ReleaseRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var expired = clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var released = await db.JobRuns.Where(r => r.Instance == instance.Name && r.Status == JobRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, expired), cancellationToken);
        if (released > 0)
        {
            logger.LogInformation("Stopping: {Count} unfinished job run(s) released to the other instances", released);
        }
        return released;
    }

    private async Task<long?> ClaimAsync(string job, DateOnly slot, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("Tarefas agendadas");
        var now = clock.GetUtcNow();
        var leaseUntil = now.UtcDateTime.AddMinutes(options.Value.LeaseMinutes);
        var existing = await db.JobRuns.AsNoTracking().Where(r => r.Job == job && r.Slot == slot)
            .Select(r => new { r.Id, r.Status, r.LeaseUntil }).FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            var run = new JobRun { Job = job, Slot = slot, Instance = instance.Name, Status = JobRunStatus.Running, StartedAt = now, LeaseUntil = leaseUntil };
            db.JobRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return run.Id;
            }
            catch (DbUpdateException)
            {
                return null; // another instance inserted the slot first
            }
        }
        if (existing.Status != JobRunStatus.Running || existing.LeaseUntil >= now.UtcDateTime)
        {
            return null;
        }
        var nowUtc = now.UtcDateTime;
        var taken = await db.JobRuns.Where(r => r.Id == existing.Id && r.Status == JobRunStatus.Running && r.LeaseUntil < nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Instance, instance.Name).SetProperty(r => r.LeaseUntil, leaseUntil)
                .SetProperty(r => r.StartedAt, now).SetProperty(r => r.Attempt, r => r.Attempt + 1), cancellationToken);
        return taken == 1 ? existing.Id : null;
    }

    private async Task RunAsync(IScheduledJob job, DateOnly slot, long runId, CancellationToken cancellationToken)
    {
        string result;
        JobRunStatus status;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("Tarefas agendadas");
            var scoped = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == job.Name);
            result = await scoped.RunAsync(slot, cancellationToken);
            status = JobRunStatus.Succeeded;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Job {Job} failed for {Slot}", job.Name, slot);
            result = "Falhou: " + exception.Message;
            status = JobRunStatus.Failed;
        }
        await using var finish = scopes.CreateAsyncScope();
        var db = finish.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var finishedAt = clock.GetUtcNow();
        var text = result.Length <= 2000 ? result : result[..2000];
        await db.JobRuns.Where(r => r.Id == runId && r.Instance == instance.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.FinishedAt, finishedAt)
                .SetProperty(r => r.Result, text), CancellationToken.None);
    }
}

/// <summary>Asks <see cref="JobRunner"/> every Jobs:PollSeconds whether a slot is due.</summary>
public sealed class JobSchedulerService(JobRunner runner, IOptions<JobOptions> options, ILogger<JobSchedulerService> logger,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Even past the shutdown timeout: releasing is one short update, and without it the work waits out its lease.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await runner.ReleaseRunsAsync(bounded.Token);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Stopping: the unfinished job runs could not be released; their lease will expire");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        await lifetime.WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Scheduled jobs could not be checked; trying again in {Poll}", poll);
            }
            try
            {
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
