using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// Settings of section <c>ReverseProxy</c>: the proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are
/// believed, and whether the site is only served over HTTPS (TLS ended at the proxy).
/// </summary>
public static class ReverseProxy
{
    /// <summary>Trusted proxy addresses and networks from a list (JSON array) or a comma-separated string.</summary>
    public static IReadOnlyList<string> ReadList(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToList();
    }

    public static void AddSispmpiReverseProxy(IServiceCollection services, IConfiguration configuration)
    {
        var proxies = ReadList(configuration, "ReverseProxy:KnownProxies");
        var networks = ReadList(configuration, "ReverseProxy:KnownNetworks");
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what the settings name is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address."));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
            }
        });
        var requireHttps = configuration.GetValue("ReverseProxy:RequireHttps", false);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(configuration.GetValue("ReverseProxy:HstsDays", 365));
            if (requireHttps)
            {
                // The public name is whatever the proxy serves; nothing is excluded.
                options.ExcludedHosts.Clear();
            }
        });
        if (requireHttps)
        {
            services.AddHttpsRedirection(options =>
            {
                options.HttpsPort = configuration.GetValue("ReverseProxy:HttpsPort", 443);
                options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            });
        }
        // Every cookie (Identity's, antiforgery's, any other) is Secure when the request came over HTTPS.
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>
    /// First in the pipeline: from a trusted proxy the client's address and scheme become the forwarded ones (the
    /// rate limits and logs then see each citizen, not the proxy); from anywhere else the headers are ignored.
    /// Without trusted proxies nothing is rewritten. Every log line of a request carries the client's address.
    /// </summary>
    public static void UseSispmpiReverseProxy(this WebApplication app)
    {
        var configuration = app.Configuration;
        if (ReadList(configuration, "ReverseProxy:KnownProxies").Count > 0 || ReadList(configuration, "ReverseProxy:KnownNetworks").Count > 0)
        {
            app.UseForwardedHeaders();
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sispmpi.Requests");
        app.Use(async (context, next) =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { ["ClientAddress"] = context.Connection.RemoteIpAddress?.ToString() }))
            {
                await next();
            }
        });
    }

    /// <summary>
    /// HSTS on every response to a request that came over HTTPS (through a trusted proxy or Kestrel's own TLS; to
    /// localhost only with <c>ReverseProxy:RequireHttps</c>): a site reached over HTTPS tells the browser to keep to it.
    /// With <c>ReverseProxy:RequireHttps</c> plain HTTP is also redirected to HTTPS — except <c>/health</c>, which the
    /// proxy's health check asks over plain HTTP. Over plain HTTP without it (the embedded default on localhost)
    /// nothing changes.
    /// </summary>
    public static void UseSispmpiHttps(this WebApplication app)
    {
        app.UseCookiePolicy();
        app.UseHsts();
        if (!app.Configuration.GetValue("ReverseProxy:RequireHttps", false))
        {
            return;
        }
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
    }
}
