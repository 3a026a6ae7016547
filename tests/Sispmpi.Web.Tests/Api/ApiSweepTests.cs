using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Api;
using Sispmpi.Web.Infrastructure.Web;
using Sispmpi.Web.Tests.Authorization;
using Xunit.Abstractions;

namespace Sispmpi.Web.Tests.Api;

/// <summary>
/// The authorization sweep of the REST API. Every endpoint — taken from the application's endpoint list, so a new one
/// cannot escape — must name the policy of the page showing the same data; then, with a token of every profile of
/// the demo network (read-write and read-only), each endpoint must answer as that page does for the same person; with
/// a token of every profile of an unrelated organization, no demo record is found and no demo data is shown; without
/// a token, 401 in JSON.
/// </summary>
public sealed class ApiSweepTests(ApiSweepFixture fixture, ITestOutputHelper output) : IClassFixture<ApiSweepFixture>
{
    private SweepFixture Sweep => fixture.Sweep;

    [Fact]
    public void Every_api_endpoint_names_the_policy_of_the_page_it_mirrors()
    {
        var endpoints = Sweep.App.ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(13);
        var pages = Sweep.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            .GroupBy(e => e.Template()).ToDictionary(g => g.Key, g => g.First());
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var name = $"{endpoint.Method()} {endpoint.Template()}";
            var policy = Policy(endpoint);
            if (endpoint.Metadata.GetMetadata<MirrorsPage>() is not { } mirror)
            {
                failures.Add($"{name}: no MirrorsPage metadata");
                continue;
            }
            if (!pages.TryGetValue(mirror.Route, out var page))
            {
                failures.Add($"{name}: mirrors {mirror.Route}, which is no page");
                continue;
            }
            var pageModel = page.Metadata.GetMetadata<CompiledPageActionDescriptor>()!.ModelTypeInfo!;
            var pagePolicy = mirror.Write ? pageModel.GetCustomAttribute<WritePolicyAttribute>()?.Policy : Policy(page);
            if (policy is null || policy != pagePolicy)
            {
                failures.Add($"{name}: policy {policy ?? "(none)"}, but {mirror.Route} {(mirror.Write ? "writes" : "reads")} with {pagePolicy ?? "(none)"}");
            }
            if (mirror.Write != (endpoint.Method() != "GET"))
            {
                failures.Add($"{name}: a {(mirror.Write ? "write" : "read")} mirror on a {endpoint.Method()}");
            }
            foreach (var parameter in endpoint.RoutePattern.Parameters.Where(p => !Sweep.DemoIds.ContainsKey(p.Name)))
            {
                failures.Add($"{name}: {{{parameter.Name}}} is not in SweepFixture.DemoIds");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_token_of_each_profile_answers_as_the_page_does_for_the_same_person(Profile profile)
    {
        var failures = new List<string>();
        var pageClient = await Sweep.App.LoginAsync(SweepFixture.DemoEmail(profile));
        foreach (var canWrite in new[] { true, false })
        {
            var client = Sweep.App.CreateTokenClient(fixture.DemoTokens[(profile, canWrite)]);
            foreach (var endpoint in Sweep.App.ApiEndpoints())
            {
                var mirror = endpoint.Metadata.GetMetadata<MirrorsPage>()!;
                var policy = Policy(endpoint)!;
                var allowed = policy == Policies.Account || Policies.Profiles[policy].Contains(profile);
                using var response = await SendAsync(client, endpoint);
                var status = (int)response.StatusCode;
                var name = $"{endpoint.Method()} {Path(endpoint)} ({profile}, {(canWrite ? "leitura e escrita" : "somente leitura")})";
                if (status >= 500 || status == 401)
                {
                    failures.Add($"{name}: {status}");
                }
                else if (mirror.Write && !canWrite && status != 403)
                {
                    failures.Add($"{name}: {status} for a read-only token (expected 403)");
                }
                else if (allowed == (status == 403) && (canWrite || !mirror.Write))
                {
                    failures.Add($"{name}: {status}, but the policy {policy} {(allowed ? "allows" : "refuses")} {profile}");
                }
                if (!mirror.Write)
                {
                    // The page itself, for the same person, signed in: allowed and refused alike.
                    using var page = await pageClient.GetAsync(Fill(mirror.Route));
                    if ((page.StatusCode == HttpStatusCode.Forbidden) != (response.StatusCode == HttpStatusCode.Forbidden))
                    {
                        failures.Add($"{name}: {status}, but the page {Fill(mirror.Route)} answers {(int)page.StatusCode}");
                    }
                }
                if (status >= 400)
                {
                    response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", name);
                }
            }
        }
        output.WriteLine($"{profile}: {Sweep.App.ApiEndpoints().Count} endpoints swept with both tokens");
        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_token_of_another_organization_never_reaches_the_demo_organizations_data(Profile profile)
    {
        var failures = new List<string>();
        var client = Sweep.App.CreateTokenClient(fixture.OutsiderTokens[profile]);
        foreach (var endpoint in Sweep.App.ApiEndpoints())
        {
            using var response = await SendAsync(client, endpoint);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var name = $"{endpoint.Method()} {Path(endpoint)} ({profile} of another organization)";
            if (status >= 500 || status == 401)
            {
                failures.Add($"{name}: {status}");
            }
            if (endpoint.RoutePattern.Parameters.Count > 0 && status is not (403 or 404))
            {
                failures.Add($"{name}: {status} with the demo organization's record id (expected 403 or 404)");
            }
            var leaked = SweepFixture.Markers.Where(m => body.Contains(m, StringComparison.Ordinal)).ToList();
            if (leaked.Count > 0)
            {
                failures.Add($"{name}: shows {string.Join(", ", leaked)}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_valid_token_every_endpoint_answers_401_in_json()
    {
        var failures = new List<string>();
        foreach (var token in new[] { null, "spmpi_naoexiste_" + new string('x', 43), "qualquer-coisa" })
        {
            var client = Sweep.App.CreateTokenClient(token);
            foreach (var endpoint in Sweep.App.ApiEndpoints())
            {
                using var response = await SendAsync(client, endpoint);
                if (response.StatusCode != HttpStatusCode.Unauthorized
                    || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{endpoint.Method()} {Path(endpoint)} with token {token ?? "(none)"}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sweep_sees_the_demo_data_with_a_token_that_may()
    {
        // The markers are real: a commission token does read the demo plan, so their absence above means something.
        var client = Sweep.App.CreateTokenClient(fixture.DemoTokens[(Profile.IntegrityCommission, false)]);
        var body = await client.GetStringAsync($"/api/v1/plans/{Sweep.DemoIds["planId"]}");
        body.ShouldContain(SweepFixture.PlanMarker);
    }

    public static TheoryData<Profile> Profiles() => new(Enum.GetValues<Profile>());

    private static string? Policy(Microsoft.AspNetCore.Http.Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);

    private string Path(RouteEndpoint endpoint) => Fill(endpoint.Template());

    private string Fill(string template) =>
        "/" + string.Join("/", RoutePatternFactory.Parse(template).PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Sweep.DemoIds.GetValueOrDefault(parameter.Name, "1"),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    /// <summary>Sends the endpoint's own method; a write carries a body the pages' rules refuse, so nothing changes.</summary>
    private Task<HttpResponseMessage> SendAsync(HttpClient client, RouteEndpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method()), Path(endpoint));
        if (endpoint.Method() != "GET")
        {
            request.Content = JsonContent.Create(new { startedOn = "2999-01-01", measuredOn = "2999-01-01" });
        }
        return client.SendAsync(request);
    }
}

/// <summary>The authorization sweep's data, plus a read-write and a read-only token for every demo and outsider profile.</summary>
public sealed class ApiSweepFixture : IAsyncLifetime
{
    public SweepFixture Sweep { get; } = new();
    public Dictionary<(Profile, bool), string> DemoTokens { get; } = [];
    public Dictionary<Profile, string> OutsiderTokens { get; } = [];

    public async Task InitializeAsync()
    {
        await Sweep.InitializeAsync();
        foreach (var profile in Enum.GetValues<Profile>())
        {
            var organization = profile is Profile.CentralAdministrator or Profile.TechnicalSupport ? "CGE" : "SEPLAG";
            foreach (var canWrite in new[] { true, false })
            {
                DemoTokens[(profile, canWrite)] = await Sweep.App.CreateTokenAsync(SweepFixture.DemoEmail(profile), organization, canWrite);
            }
            OutsiderTokens[profile] = await Sweep.App.CreateTokenAsync(SweepFixture.OutsiderEmail(profile), "POC", canWrite: true);
        }
    }

    public Task DisposeAsync() => Sweep.DisposeAsync();
}
