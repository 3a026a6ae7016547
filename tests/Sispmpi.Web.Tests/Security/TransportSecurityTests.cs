using System.Net;
using Microsoft.AspNetCore.Hosting;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Security;

/// <summary>
/// Transport security behind a TLS proxy (issue 20, item 5), with the proxy trusted but <c>ReverseProxy:RequireHttps</c>
/// left off: a request the trusted proxy forwards as HTTPS gets <c>Strict-Transport-Security</c> and every cookie of a
/// whole visit — antiforgery, sign-in, the flash message — is <c>Secure</c>; the same headers from an untrusted address
/// change nothing (no HSTS, no <c>Secure</c>, the visit works over plain HTTP as before). The redirect of plain HTTP and
/// the embedded default are in <see cref="Operations.ReverseProxyTests"/>.
/// </summary>
public sealed class TransportSecurityTests(TransportSecurityTests.TrustedProxyAppFactory app) : IClassFixture<TransportSecurityTests.TrustedProxyAppFactory>
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.7");
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.77");

    public sealed class TrustedProxyAppFactory : SispmpiAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReverseProxy:KnownProxies", Proxy.ToString());
        }
    }

    /// <summary>
    /// A visitor whose requests reach the app from <paramref name="from"/> carrying <c>X-Forwarded-Proto: https</c>; it
    /// keeps the cookies it is given (whatever their flags: the hop to the app is plain HTTP) and records every
    /// <c>Set-Cookie</c> and whether HSTS came with each response.
    /// </summary>
    private sealed class Visitor : DelegatingHandler
    {
        private readonly Dictionary<string, string> _jar = [];
        public List<string> SetCookies { get; } = [];
        public List<(string Url, bool Hsts)> Responses { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.50");
            if (_jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await base.SendAsync(request, cancellationToken);
            Responses.Add((request.RequestUri!.PathAndQuery, response.Headers.Contains("Strict-Transport-Security")));
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                SetCookies.Add(cookie);
                var pair = cookie.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _jar.Remove(pair[0]);
                }
                else
                {
                    _jar[pair[0]] = pair[1];
                }
            }
            return response;
        }
    }

    private (HttpClient Client, Visitor Visitor) VisitorFrom(IPAddress from)
    {
        var visitor = new Visitor { InnerHandler = app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = from) };
        return (new HttpClient(visitor) { BaseAddress = new Uri("http://sispmpi.exemplo.gov.br") }, visitor);
    }

    /// <summary>Signs in as the executor and adds a link to one of the executor's actions: sign-in, antiforgery and flash cookies.</summary>
    private async Task VisitAsync(HttpClient client)
    {
        using (var response = await SispmpiAppFactory.PostFormAsync(client, SispmpiAppFactory.LoginPath, new Dictionary<string, string>
        {
            ["Input.Email"] = ExecutionTestData.Executor, ["Input.Password"] = SispmpiAppFactory.DemoPassword,
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var actionId = await app.CreateActionAsync("Ação de teste de transporte");
        var url = $"/acoes/{actionId}/execucao";
        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Link", new Dictionary<string, string>
        {
            ["Link.Description"] = "Notícia", ["Link.Url"] = "https://www.mg.gov.br/noticia",
        }, url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forwarded_as_https_by_the_trusted_proxy_every_cookie_is_secure_and_every_response_carries_hsts()
    {
        var (client, visitor) = VisitorFrom(Proxy);
        using (client)
        {
            await VisitAsync(client);
        }

        visitor.Responses.Where(r => !r.Hsts).Select(r => r.Url).ShouldBeEmpty("every response carries Strict-Transport-Security");
        var names = visitor.SetCookies.Select(c => c.Split('=')[0]).Distinct().ToList();
        names.ShouldContain("sispmpi.af");
        names.ShouldContain("sispmpi.auth");
        names.ShouldContain(".AspNetCore.Mvc.CookieTempDataProvider", "the flash message after the save");
        visitor.SetCookies.Where(c => !c.Split(';').Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)))
            .ShouldBeEmpty("every cookie is Secure");
    }

    [Fact]
    public async Task The_same_header_from_an_untrusted_address_is_ignored_no_secure_cookie_and_no_hsts()
    {
        var (client, visitor) = VisitorFrom(Stranger);
        using (client)
        {
            // Served over plain HTTP, as the request really came: the visit works as without a proxy.
            await VisitAsync(client);
        }

        visitor.Responses.Where(r => r.Hsts).Select(r => r.Url).ShouldBeEmpty("no Strict-Transport-Security over plain HTTP");
        visitor.SetCookies.Select(c => c.Split('=')[0]).ShouldContain("sispmpi.auth");
        visitor.SetCookies.Where(c => c.Split(';').Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)))
            .ShouldBeEmpty("no cookie is Secure: the request was not HTTPS");
    }
}
