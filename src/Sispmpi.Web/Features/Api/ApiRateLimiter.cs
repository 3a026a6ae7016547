using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Sispmpi.Web.Features.Api;

/// <summary>Settings of the REST API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>Requests allowed per token (or signed-in user) per minute.</summary>
    public int RequestsPerMinute { get; set; } = 120;
}

/// <summary>
/// Counts API requests per token (a signed-in user without token, per user) in fixed one-minute windows, in the
/// database like <see cref="Documents.VerificationRateLimiter"/>, so that the limit holds across instances.
/// </summary>
public sealed class ApiRateLimiter(Infrastructure.RateLimiting.SharedRateLimiter limiter, IOptions<ApiOptions> options)
{
    public Task<bool> TryAcquireAsync(HttpContext context)
    {
        var key = context.User.TokenId() is { } token ? $"api:token:{token}"
            : context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? $"api:user:{user}"
            : $"api:address:{context.Connection.RemoteIpAddress}";
        return limiter.TryAcquireAsync(context.RequestServices.GetRequiredService<Data.SispmpiDbContext>(), key,
            Math.Max(1, options.Value.RequestsPerMinute), TimeSpan.FromMinutes(1), context.RequestAborted);
    }
}
