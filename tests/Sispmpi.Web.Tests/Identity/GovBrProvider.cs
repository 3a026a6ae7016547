using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Identity;

/// <summary>
/// The test OpenID Connect provider (tests/oidc/server.mjs, oidc-provider) that scripts/test.sh starts and names
/// in <c>SISPMPI_TEST_OIDC</c>; its people and client are declared there.
/// </summary>
public static partial class GovBrProvider
{
    public const string Variable = "SISPMPI_TEST_OIDC";
    public const string ClientId = "sispmpi-test";
    public const string ClientSecret = "sispmpi-test-secret-0123456789abcdef";

    /// <summary>A person of the provider whose CPF is the demo account alta@demo.gov.br's; gov.br level prata.</summary>
    public const string AltaCpf = "52998224725";
    /// <summary>The demo central administrator's CPF; the provider vouches for it at level bronze only.</summary>
    public const string AdminCpf = "11144477735";
    /// <summary>A valid CPF that belongs to no account; level ouro.</summary>
    public const string UnknownCpf = "39053344705";

    public static string? Address => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value.TrimEnd('/') : null;

    /// <summary>
    /// Signs in at the provider's own login form as the person with <paramref name="cpf"/>, starting from the
    /// authorization request the application redirected to, and returns where the provider sends the browser
    /// back (the application's callback, with the code and the state).
    /// </summary>
    public static async Task<Uri> SignInAtProviderAsync(Uri authorizationRequest, string cpf)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        using var browser = new HttpClient(handler);
        var url = authorizationRequest;
        for (var step = 0; step < 10; step++)
        {
            using var response = await browser.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.OK)
            {
                var html = await response.Content.ReadAsStringAsync();
                var action = FormAction().Match(html);
                action.Success.ShouldBeTrue($"the provider's page at {url} has no login form:\n{html}");
                html.ShouldContain("name=\"prompt\" value=\"login\"");
                using var posted = await browser.PostAsync(new Uri(url, WebUtility.HtmlDecode(action.Groups[1].Value)), new FormUrlEncodedContent(
                    new Dictionary<string, string> { ["prompt"] = "login", ["login"] = cpf, ["password"] = "qualquer" }));
                ((int)posted.StatusCode).ShouldBeInRange(300, 399);
                url = new Uri(url, posted.Headers.Location!);
                continue;
            }
            ((int)response.StatusCode).ShouldBeInRange(300, 399, $"the provider answered {url} with {(int)response.StatusCode}");
            var next = new Uri(url, response.Headers.Location!);
            if (next.AbsolutePath.EndsWith("/signin-govbr", StringComparison.Ordinal))
            {
                return next;
            }
            url = next;
        }
        throw new ShouldAssertException("the provider never sent the browser back to the application");
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"[^>]*method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();
}

/// <summary>A test that needs the test OpenID Connect provider: skipped only when <c>SISPMPI_TEST_OIDC</c> is absent.</summary>
public sealed class GovBrFactAttribute : FactAttribute
{
    public GovBrFactAttribute()
    {
        if (GovBrProvider.Address is null)
        {
            Skip = $"{GovBrProvider.Variable} is not set (scripts/test.sh starts tests/oidc/server.mjs and sets it).";
        }
    }
}

/// <summary>The application with gov.br sign-in on, against the test provider, requiring prata for central profiles.</summary>
public sealed class GovBrAppFactory : SispmpiAppFactory
{
    public GovBrAppFactory()
    {
        Settings = new Dictionary<string, string>
        {
            ["GovBr:Enabled"] = GovBrProvider.Address is null ? "false" : "true",
            ["GovBr:Authority"] = GovBrProvider.Address ?? "",
            ["GovBr:ClientId"] = GovBrProvider.ClientId,
            ["GovBr:ClientSecret"] = GovBrProvider.ClientSecret,
            ["GovBr:RequireHttpsMetadata"] = "false",
            ["GovBr:MinimumLevelForCentralProfiles"] = "prata",
        };
    }

    /// <summary>
    /// A browser on http://127.0.0.1 (a loopback address the provider's client accepts on any port), keeping
    /// cookies and returning redirects to the test.
    /// </summary>
    public HttpClient CreateLoopbackClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://127.0.0.1"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });
}
