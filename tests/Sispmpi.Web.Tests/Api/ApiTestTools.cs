using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Api;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Api;

/// <summary>Personal access tokens made the way the account page makes them, and clients that send them.</summary>
internal static class ApiTestTools
{
    /// <summary>Creates a token for the user with <paramref name="email"/> in the organization <paramref name="acronym"/>; returns its secret.</summary>
    public static async Task<string> CreateTokenAsync(this SispmpiAppFactory app, string email, string acronym, bool canWrite, DateOnly? expiresOn = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var orgId = await db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(userId, orgId, $"Teste {acronym}", canWrite, expiresOn);
        return secret;
    }

    /// <summary>A client that sends <paramref name="token"/> as a bearer token (no cookies, no redirects followed).</summary>
    public static HttpClient CreateTokenClient(this SispmpiAppFactory app, string? token)
    {
        var client = app.CreateAnonymousClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);

    /// <summary>The API's endpoints, from the application's own endpoint list.</summary>
    public static IReadOnlyList<RouteEndpoint> ApiEndpoints(this SispmpiAppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).StartsWith(Features.Api.ApiEndpoints.Prefix + "/", StringComparison.Ordinal))
            .ToList();

    public static string Template(this RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    public static string Method(this RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Single() ?? throw new ShouldAssertException($"{endpoint.Template()} names no HTTP method");
}
