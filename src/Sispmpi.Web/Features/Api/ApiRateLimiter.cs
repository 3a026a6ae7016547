using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sispmpi.Web.Features.Api;

/// <summary>Settings of the REST API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>Requests allowed per token (or signed-in user) per minute.</summary>
    public int RequestsPerMinute { get; set; } = 120;
}

/// <summary>
/// Counts API requests per token (a signed-in user without token, per user) in fixed one-minute windows, the
/// way <see cref="Documents.VerificationRateLimiter"/> counts verification attempts per address.
/// </summary>
public sealed class ApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ApiRateLimiter(IOptions<ApiOptions> options)
    {
        var permits = Math.Max(1, options.Value.RequestsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    public bool TryAcquire(HttpContext context)
    {
        var key = context.User.TokenId() is { } token ? $"token:{token}"
            : context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? $"user:{user}"
            : $"address:{context.Connection.RemoteIpAddress}";
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
