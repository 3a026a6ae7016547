namespace Sispmpi.Web.Infrastructure.Web;

public static class HostStarted
{
    /// <summary>
    /// Completes once the server listens (or at once if it already does), or when <paramref name="stoppingToken"/> is
    /// cancelled first. Background work awaits it before its first pass (issue 17): a hosted service runs on the start-up
    /// path until its first real await, and on SQLite every "async" query is synchronous.
    /// </summary>
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetResult());
        await started.Task;
    }
}
