using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// On SIGTERM, before the server stops listening, <c>/health</c> answers 503 for <c>Host:DrainSeconds</c> while the
/// instance goes on answering whatever the proxy still sends it, so that the proxy takes it out of rotation first
/// and a rolling restart refuses no connection. Set it above the proxy's time to mark a server down (haproxy:
/// <c>inter</c> × <c>fall</c>); 0 (the default) stops at once.
/// </summary>
public sealed class ShutdownDrain(IConfiguration configuration, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _draining;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining ? HealthCheckResult.Unhealthy("A instância está parando.") : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_draining)
        {
            return; // drained already
        }
        _draining = true;
        var seconds = configuration.GetValue("Host:DrainSeconds", 0);
        if (seconds <= 0)
        {
            return;
        }
        logger.LogInformation("Stopping: /health answers 503 for {Seconds} s before the server stops taking connections", seconds);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out first: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
