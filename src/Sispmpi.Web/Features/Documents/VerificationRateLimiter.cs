using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.RateLimiting;

namespace Sispmpi.Web.Features.Documents;

public sealed class VerificationOptions
{
    /// <summary>Verification attempts allowed per client address per minute, so that codes cannot be enumerated.</summary>
    public int AttemptsPerMinute { get; set; } = 30;
}

/// <summary>
/// Counts verification attempts per client address in fixed one-minute windows, in the database, so that the
/// limit holds across instances. The address is the client's own behind a trusted proxy (<c>ReverseProxy</c>).
/// </summary>
public sealed class VerificationRateLimiter(SharedRateLimiter limiter, Microsoft.Extensions.Options.IOptions<VerificationOptions> options)
{
    public Task<bool> TryAcquireAsync(HttpContext context) =>
        limiter.TryAcquireAsync(context.RequestServices.GetRequiredService<SispmpiDbContext>(),
            "verificar:" + (context.Connection.RemoteIpAddress?.ToString() ?? "desconhecido"),
            Math.Max(1, options.Value.AttemptsPerMinute), TimeSpan.FromMinutes(1), context.RequestAborted);
}
