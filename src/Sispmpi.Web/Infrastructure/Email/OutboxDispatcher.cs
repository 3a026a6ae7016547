using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Infrastructure.Email;

/// <summary>Names this running instance in claims and job runs (host, process and a random part).</summary>
public sealed class InstanceIdentity
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// Delivers the outbox. Each message is first claimed — a conditional update from Pending to Sending that only one
/// instance can win — then handed to the transport, then marked Sent. A failure puts it back to Pending with an
/// exponential back-off until <see cref="MailOptions.MaxAttempts"/>, then leaves it Failed. A claim whose lease runs
/// out (the instance died mid-send) is marked Failed, not retried: the transport may have accepted the message, and
/// sending it again could deliver it twice; Suporte técnico sees it and re-sends it if it did not arrive.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IMailSender transport, IOptions<MailOptions> options,
    TimeProvider clock, InstanceIdentity instance, ILogger<OutboxDispatcher> logger)
{
    public const string InterruptedMessage =
        "Envio interrompido (a instância parou durante o envio). Confira se a mensagem chegou antes de reenviá-la.";

    /// <summary>Sends what is due now; returns how many messages this call claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        await db.Outbox.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, InterruptedMessage)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);

        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
        var claimed = 0;
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claimNow = clock.GetUtcNow().UtcDateTime;
            var leaseUntil = claimNow.AddSeconds(settings.LeaseSeconds);
            var won = await db.Outbox
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= claimNow))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedBy, instance.Name)
                    .SetProperty(m => m.ClaimedUntil, leaseUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (won == 0)
            {
                continue; // another instance took it
            }
            claimed++;
            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            await DeliverAsync(db, message, settings, cancellationToken);
        }
        return claimed;
    }

    private async Task DeliverAsync(SispmpiDbContext db, OutboxMessage message, MailOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(new OutgoingMail(message.To, message.Subject, message.TextBody, message.HtmlBody, message.Id), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var giveUp = message.Attempts >= settings.MaxAttempts;
            var delay = Backoff(message.Attempts, settings);
            var next = clock.GetUtcNow().UtcDateTime.Add(delay);
            var error = Describe(exception);
            logger.LogWarning("E-mail {Id} to {To}: attempt {Attempt} failed ({Error}){Next}", message.Id, message.To, message.Attempts, error,
                giveUp ? "; given up" : $"; next attempt in {delay}");
            await db.Outbox.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Sending && m.ClaimedBy == instance.Name)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, giveUp ? null : next).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, error), CancellationToken.None);
            return;
        }
        var sentAt = clock.GetUtcNow();
        await db.Outbox.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Sending && m.ClaimedBy == instance.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }

    /// <summary>
    /// On shutdown: every message this instance claimed but did not finish goes back to Pending, so that another
    /// instance sends it now rather than after the lease. Returns how many were released.
    /// </summary>
    public async Task<int> ReleaseClaimsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var released = await db.Outbox.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedBy == instance.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null), cancellationToken);
        if (released > 0)
        {
            logger.LogInformation("Stopping: {Count} claimed e-mail(s) released to the other instances", released);
        }
        return released;
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: base × 2^(attempts−1), capped.</summary>
    public static TimeSpan Backoff(int attempts, MailOptions settings)
    {
        var seconds = settings.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.RetryMaxSeconds));
    }

    private static string Describe(Exception exception)
    {
        var text = exception.InnerException is null ? exception.Message : $"{exception.Message} ({exception.InnerException.Message})";
        return text.Length <= 2000 ? text : text[..2000];
    }

    /// <summary>Suporte técnico re-sends a failed message: it goes back to the queue with its attempts reset.</summary>
    public static Task<int> ResendAsync(SispmpiDbContext db, long id, CancellationToken cancellationToken = default) =>
        db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, (DateTime?)null).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null), cancellationToken);
}

/// <summary>Runs <see cref="OutboxDispatcher"/> every Mail:PollSeconds (at once again while there is a backlog).</summary>
public sealed class OutboxSenderService(OutboxDispatcher dispatcher, IOptions<MailOptions> options, ILogger<OutboxSenderService> logger,
    IHostApplicationLifetime lifetime)
    : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Even past the shutdown timeout: releasing is one short update, and without it the work waits out its lease.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await dispatcher.ReleaseClaimsAsync(bounded.Token);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Stopping: the claimed e-mails could not be released; their lease will expire");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        await lifetime.WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The outbox could not be read; trying again in {Poll}", poll);
            }
            if (claimed < options.Value.BatchSize)
            {
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
}
