using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Sispmpi.Web.Features.Transparency;

/// <summary>
/// The query string of a public address, reduced to the parameters its page reads: anything else (a tracking tag, a
/// cache-buster) is dropped before the page sees it, so that it neither misses the cache nor adds a copy to it.
/// </summary>
public static class PublicQuery
{
    // Only the portal's front page reads the query (IndexModel: busca, pagina); every other public page and file reads none.
    private static readonly Dictionary<string, string[]> _parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        [PublicArea.Portal] = ["busca", "pagina"],
    };

    /// <summary>The query string of <paramref name="path"/> with only its known parameters, first value each, in a fixed order.</summary>
    public static QueryString Normalize(PathString path, IQueryCollection query)
    {
        if (query.Count == 0 || !_parameters.TryGetValue(path.Value?.TrimEnd('/') ?? "", out var known))
        {
            return QueryString.Empty;
        }
        var kept = new List<KeyValuePair<string, string?>>(known.Length);
        foreach (var name in known)
        {
            if (query.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) && !string.IsNullOrWhiteSpace(values[0]))
            {
                kept.Add(new(name, values[0]!.Trim()));
            }
        }
        return kept.Count == 0 ? QueryString.Empty : QueryString.Create(kept);
    }

    /// <summary>What a cached copy is keyed by: the path in lower case (routes ignore case) and the normalized query.</summary>
    public static string Resource(HttpRequest request) => request.Path.Value?.ToLowerInvariant() + request.QueryString.Value;
}

/// <summary>
/// Serves the public pages and files from <see cref="PublicResponseCache"/> ahead of the rest of the pipeline, so that a
/// cached copy costs about what a static file does: no authentication, tenant, authorization or MVC for an anonymous
/// visitor. A signed-in visitor (the sign-in cookie) and whatever is not in memory yet go on to the page, whose
/// <see cref="PublicCacheFilter"/> renders and stores it under the same key.
/// </summary>
public sealed class PublicCacheMiddleware(RequestDelegate next, PublicResponseCache cache, DataStamp.Recent recent, TimeProvider clock,
    IOptions<TransparencyOptions> options, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    private readonly string _signInCookie = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? ".AspNetCore.Identity.Application";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !PublicArea.Contains(request.Path))
        {
            await next(context);
            return;
        }
        if (request.QueryString.HasValue)
        {
            request.QueryString = PublicQuery.Normalize(request.Path, request.Query);
        }
        if (request.Cookies.ContainsKey(_signInCookie) || request.Headers.ContainsKey("Authorization"))
        {
            await next(context);
            return;
        }
        var settings = options.Value;
        var stamp = DataStamp.Fresh(recent, clock, settings)
            ?? await context.RequestServices.GetRequiredService<DataStamp>().CurrentAsync(context.RequestAborted);
        var etag = DataStamp.ETagFor(stamp, PublicQuery.Resource(request));
        if (PublicCacheFilter.Matches(request, etag))
        {
            PublicCacheFilter.SetCacheHeaders(context, etag, settings);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        if (!cache.TryGet(etag, out var hit))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        PublicCacheFilter.SetCacheHeaders(context, etag, settings);
        response.ContentType = hit!.ContentType;
        if (hit.ContentDisposition is not null)
        {
            response.Headers.ContentDisposition = hit.ContentDisposition;
        }
        response.Headers["X-Cache"] = "HIT";
        response.ContentLength = hit.Body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(hit.Body, context.RequestAborted);
        }
    }
}
