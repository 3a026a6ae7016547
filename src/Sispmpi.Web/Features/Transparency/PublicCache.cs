using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Transparency;

/// <summary>Settings of the transparency portal and open data (section <c>Transparency</c>).</summary>
public sealed class TransparencyOptions
{
    /// <summary>How long browsers and proxies may reuse a public page or file without asking (Cache-Control max-age).</summary>
    public int MaxAgeSeconds { get; set; } = 60;
    /// <summary>How long this instance keeps a rendered public page or file in memory for the same data.</summary>
    public int OutputCacheSeconds { get; set; } = 300;
    /// <summary>Memory this instance gives to rendered public pages and files.</summary>
    public int OutputCacheMegabytes { get; set; } = 64;
    /// <summary>
    /// How long this instance reuses the data version before asking the database again: under load, most requests then
    /// need no query at all; a change shows at most this late (0: ask on every request).
    /// </summary>
    public double StampSeconds { get; set; } = 1;
}

/// <summary>
/// A version of everything the public area shows: every change to domain data appends to the chained history in the
/// same transaction, so the history's highest id moves with any change (one index lookup). The traffic light also
/// moves with the day, and the pages with the build, so both are part of the version.
/// </summary>
public sealed class DataStamp(SispmpiDbContext db, TimeProvider clock, DataStamp.Recent recent, IOptions<TransparencyOptions> options)
{
    private static readonly string _build = typeof(DataStamp).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The last version this instance read, and when (one per instance).</summary>
    public sealed class Recent
    {
        // A reference, swapped whole, so that concurrent requests never see a torn pair.
        internal volatile Snapshot? Value;
    }

    internal sealed record Snapshot(string Stamp, long ReadAt);

    /// <summary>The version read less than <see cref="TransparencyOptions.StampSeconds"/> ago, without touching the database.</summary>
    public static string? Fresh(Recent recent, TimeProvider clock, TransparencyOptions options) =>
        recent.Value is { } last && clock.GetElapsedTime(last.ReadAt, clock.GetTimestamp()).TotalSeconds < options.StampSeconds
            ? last.Stamp
            : null;

    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(recent, clock, options.Value) is { } fresh)
        {
            return fresh;
        }
        var now = clock.GetTimestamp();
        var lastChange = await db.AuditEntries.IgnoreQueryFilters().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var stamp = $"{lastChange}:{clock.Today():yyyy-MM-dd}:{_build}";
        recent.Value = new Snapshot(stamp, now);
        return stamp;
    }

    /// <summary>A strong entity tag for <paramref name="resource"/> (path and query) at this version of the data.</summary>
    public static string ETagFor(string stamp, string resource)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(stamp + "\n" + resource));
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
    }
}

/// <summary>The rendered public responses of this instance, keyed by their entity tag (which carries the data version).</summary>
public sealed class PublicResponseCache(IOptions<TransparencyOptions> options) : IDisposable
{
    public sealed record Entry(byte[] Body, string ContentType, string? ContentDisposition);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.OutputCacheMegabytes) * 1024L * 1024L });

    public bool TryGet(string etag, out Entry? entry) => _cache.TryGetValue(etag, out entry);

    /// <summary>How many responses are in memory.</summary>
    public int Count => _cache.Count;

    public void Set(string etag, Entry entry)
    {
        if (options.Value.OutputCacheSeconds <= 0)
        {
            return;
        }
        _cache.Set(etag, entry, new MemoryCacheEntryOptions
        {
            Size = entry.Body.Length + 256,
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.OutputCacheSeconds),
        });
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>
/// Makes a public page or open-data file cacheable (SPEC §6): a strong ETag from the data version, Cache-Control public
/// with max-age, 304 to a conditional GET whose tag still matches, and the same bytes served from memory while the data
/// has not changed. The public pages render the same for everyone (the layout leaves the signed-in user out of them),
/// so one copy serves all; a response to a signed-in visitor is marked private all the same, since the sign-in cookie
/// may be renewed on it.
/// </summary>
public sealed class PublicCacheAttribute() : TypeFilterAttribute(typeof(PublicCacheFilter));

public sealed class PublicCacheFilter(DataStamp stamps, PublicResponseCache cache, IOptions<TransparencyOptions> options) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next();
            return;
        }
        var stamp = await stamps.CurrentAsync(http.RequestAborted);
        var etag = DataStamp.ETagFor(stamp, PublicQuery.Resource(request));
        if (Matches(request, etag))
        {
            SetCacheHeaders(http, etag, options.Value);
            context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
            return;
        }
        if (cache.TryGet(etag, out var hit))
        {
            SetCacheHeaders(http, etag, options.Value);
            if (hit!.ContentDisposition is not null)
            {
                http.Response.Headers.ContentDisposition = hit.ContentDisposition;
            }
            http.Response.Headers["X-Cache"] = "HIT";
            context.Result = new FileContentResult(hit.Body, hit.ContentType);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.StatusCode == StatusCodes.Status200OK)
        {
            SetCacheHeaders(http, etag, options.Value);
            // The copy for the cache only when there is a cache: a 150 KB page would otherwise cost one more large array per render.
            if (options.Value.OutputCacheSeconds > 0)
            {
                var contentDisposition = http.Response.Headers.ContentDisposition.ToString();
                cache.Set(etag, new PublicResponseCache.Entry(buffer.ToArray(), http.Response.ContentType ?? "application/octet-stream",
                    contentDisposition.Length == 0 ? null : contentDisposition));
            }
            http.Response.ContentLength = buffer.Length;
        }
        // An empty 404 stays without a length, so that the Portuguese error page is rendered in its place.
        if (buffer.Length > 0 && !HttpMethods.IsHead(request.Method))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
        }
    }

    internal static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }
        var current = new EntityTagHeaderValue(etag);
        // If-None-Match compares weakly (RFC 9110 §13.1.2).
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    internal static void SetCacheHeaders(HttpContext http, string etag, TransparencyOptions options)
    {
        var headers = http.Response.Headers;
        headers.ETag = etag;
        var scope = http.User.Identity?.IsAuthenticated == true ? "private" : "public";
        headers.CacheControl = $"{scope}, max-age={Math.Max(0, options.MaxAgeSeconds)}";
        headers.Remove(HeaderNames.Pragma);
    }
}
