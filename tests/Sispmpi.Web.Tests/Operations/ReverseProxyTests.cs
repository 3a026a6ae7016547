using System.Net;
using Microsoft.AspNetCore.Hosting;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Operations;

/// <summary>
/// Behind a trusted reverse proxy each client is itself (X-Forwarded-For) and the site is served over HTTPS only
/// (X-Forwarded-Proto): Secure cookies, HSTS, plain HTTP redirected. The same headers from anyone else are ignored.
/// </summary>
public sealed class ReverseProxyTests(ReverseProxyTests.ProxiedAppFactory app) : IClassFixture<ReverseProxyTests.ProxiedAppFactory>
{
    public static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");
    public static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.9");
    private const string PublicHost = "http://sispmpi.exemplo.gov.br";

    public sealed class ProxiedAppFactory : SispmpiAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReverseProxy:KnownProxies", Proxy.ToString());
            builder.UseSetting("ReverseProxy:RequireHttps", "true");
            builder.UseSetting("Verification:AttemptsPerMinute", "2");
        }
    }

    /// <summary>A client whose connections come from <paramref name="from"/> (no cookies kept, no redirects followed).</summary>
    private HttpClient ClientFrom(IPAddress from, string baseAddress = PublicHost) =>
        new(app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = from)) { BaseAddress = new Uri(baseAddress) };

    private static HttpRequestMessage Request(HttpMethod method, string url, string? forwardedFor = null, string? forwardedProto = "https")
    {
        var request = new HttpRequestMessage(method, url);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        return request;
    }

    private async Task<HttpResponseMessage> VerifyAsync(HttpClient client, string? forwardedFor, string? forwardedProto = "https")
    {
        // The antiforgery cookie and token of the same (forwarded) visitor.
        using var page = await client.SendAsync(Request(HttpMethod.Get, "/verificar", forwardedFor, forwardedProto));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sispmpi.af=", StringComparison.Ordinal)).Split(';')[0];
        var token = (await SispmpiAppFactory.ParseAsync(await page.Content.ReadAsStringAsync()))
            .QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;
        var post = Request(HttpMethod.Post, "/verificar", forwardedFor, forwardedProto);
        post.Headers.Add("Cookie", cookie);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["codigo"] = "1000000001", ["crc"] = "DEADBEEF", [SispmpiAppFactory.AntiforgeryField] = token,
        });
        return await client.SendAsync(post);
    }

    [Fact]
    public async Task From_the_trusted_proxy_each_forwarded_client_has_its_own_verification_bucket()
    {
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(15));
        using var proxy = ClientFrom(Proxy);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            (await VerifyAsync(proxy, "203.0.113.10")).StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} of the first citizen");
        }
        using var refused = await VerifyAsync(proxy, "203.0.113.10");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(VerifyModel.TooManyMessage);

        // Another citizen behind the same proxy is not affected.
        (await VerifyAsync(proxy, "203.0.113.11")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task From_an_untrusted_source_the_forwarded_headers_are_ignored()
    {
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(15));
        // Over HTTPS itself, so that only X-Forwarded-For is in question.
        using var stranger = ClientFrom(Stranger, "https://sispmpi.exemplo.gov.br");
        (await VerifyAsync(stranger, "203.0.113.20")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await VerifyAsync(stranger, "203.0.113.21")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A third "client" is still the same stranger: its bucket is full.
        (await VerifyAsync(stranger, "203.0.113.22")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // Nor is its X-Forwarded-Proto believed: over plain HTTP it is sent to HTTPS.
        using var plain = ClientFrom(Stranger);
        using var response = await plain.SendAsync(Request(HttpMethod.Get, "/conta/entrar", forwardedProto: "https"));
        response.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
    }

    [Fact]
    public async Task Over_https_at_the_proxy_cookies_are_secure_and_hsts_is_sent_and_sign_in_works()
    {
        using var proxy = ClientFrom(Proxy);
        using var page = await proxy.SendAsync(Request(HttpMethod.Get, SispmpiAppFactory.LoginPath, "203.0.113.30"));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sispmpi.af=", StringComparison.Ordinal));
        antiforgery.ShouldContain("secure", Case.Insensitive);
        var token = (await SispmpiAppFactory.ParseAsync(await page.Content.ReadAsStringAsync()))
            .QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;

        var post = Request(HttpMethod.Post, SispmpiAppFactory.LoginPath, "203.0.113.30");
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "observador@demo.gov.br", ["Input.Password"] = SispmpiAppFactory.DemoPassword,
            [SispmpiAppFactory.AntiforgeryField] = token,
        });
        using var signedIn = await proxy.SendAsync(post);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sispmpi.auth=", StringComparison.Ordinal));
        auth.ShouldContain("secure", Case.Insensitive);
        auth.ShouldContain("httponly", Case.Insensitive);
    }

    [Fact]
    public async Task Plain_http_through_the_proxy_is_redirected_to_https_but_the_health_check_is_not()
    {
        using var proxy = ClientFrom(Proxy);
        using var response = await proxy.SendAsync(Request(HttpMethod.Get, "/transparencia?x=1", "203.0.113.40", forwardedProto: "http"));
        response.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
        response.Headers.Location!.ToString().ShouldBe("https://sispmpi.exemplo.gov.br/transparencia?x=1");

        using var health = await proxy.SendAsync(Request(HttpMethod.Get, "/health", forwardedProto: null));
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The embedded default, plain HTTP on localhost with no proxy settings, works as it always did.</summary>
[Collection(AppCollection.Name)]
public sealed class PlainHttpDefaultTests(SispmpiAppFactory app)
{
    [Fact]
    public async Task Plain_http_on_localhost_serves_without_redirect_or_hsts_and_sign_in_works()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, SispmpiAppFactory.LoginPath);
        // Without trusted proxies, a forged header changes nothing either.
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var page = await client.SendAsync(request);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sispmpi.af=", StringComparison.Ordinal))
            .ShouldNotContain("secure", Case.Insensitive);

        var signedIn = await app.LoginAsync("observador@demo.gov.br");
        (await signedIn.GetAsync("/conta")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
