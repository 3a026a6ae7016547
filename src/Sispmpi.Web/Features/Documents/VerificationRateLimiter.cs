using System.Threading.RateLimiting;

namespace Sispmpi.Web.Features.Documents;

public sealed class VerificationOptions
{
    /// <summary>Verification attempts allowed per client address per minute, so that codes cannot be enumerated.</summary>
    public int AttemptsPerMinute { get; set; } = 30;
}

/// <summary>Counts verification attempts per client address in fixed one-minute windows.</summary>
public sealed class VerificationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public VerificationRateLimiter(Microsoft.Extensions.Options.IOptions<VerificationOptions> options)
    {
        var permits = options.Value.AttemptsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "desconhecido");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
