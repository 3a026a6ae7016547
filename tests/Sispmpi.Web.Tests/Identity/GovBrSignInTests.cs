using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Identity;

/// <summary>
/// "Entrar com gov.br" against a real OpenID Connect provider (tests/oidc): the authorization request, the
/// callback, and who gets in. The provider requires PKCE, so a sign-in that succeeds proves the verifier too.
/// </summary>
public sealed class GovBrSignInTests(GovBrAppFactory app) : IClassFixture<GovBrAppFactory>
{
    private const string AltaEmail = "alta@demo.gov.br";
    private const string AdminEmail = "admin@demo.gov.br";

    [GovBrFact]
    public async Task The_login_page_offers_gov_br_and_the_authorization_request_carries_pkce_state_and_nonce()
    {
        var client = app.CreateLoopbackClient();
        var login = await SispmpiAppFactory.GetDocumentAsync(client, "/conta/entrar");
        login.QuerySelector("a.br-sign-in")!.GetAttribute("href").ShouldBe("/conta/govbr/entrar");
        login.QuerySelector("a.br-sign-in")!.TextContent.ShouldContain("Entrar com");

        var request = await StartAsync(client);
        request.GetLeftPart(UriPartial.Path).ShouldBe(GovBrProvider.Address + "/auth");
        var query = QueryHelpers.ParseQuery(request.Query);
        query["response_type"].ToString().ShouldBe("code");
        query["client_id"].ToString().ShouldBe(GovBrProvider.ClientId);
        query["redirect_uri"].ToString().ShouldBe("http://127.0.0.1/signin-govbr");
        query["scope"].ToString().Split(' ').ShouldBe(["openid", "email", "profile", "govbr_confiabilidades"], ignoreOrder: true);
        query["code_challenge_method"].ToString().ShouldBe("S256");
        // base64url of a SHA-256: 43 characters.
        query["code_challenge"].ToString().Length.ShouldBe(43);
        query["state"].ToString().ShouldNotBeNullOrWhiteSpace();
        query["nonce"].ToString().ShouldNotBeNullOrWhiteSpace();
        query.ContainsKey("code_verifier").ShouldBeFalse();
    }

    [GovBrFact]
    public async Task The_matching_cpf_signs_in_as_that_account_and_its_level_is_recorded()
    {
        var client = app.CreateLoopbackClient();
        var landing = await CompleteAsync(client, GovBrProvider.AltaCpf);
        landing.ShouldBe("/");
        var home = await SispmpiAppFactory.GetDocumentAsync(client, "/");
        home.QuerySelector("h1")!.TextContent.ShouldContain("Henrique Secretário");
        home.QuerySelector(".header-title")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        var user = await UserAsync(AltaEmail);
        user.LastGovBrLevel.ShouldBe(GovBrLevel.Silver);
        user.LastGovBrSignInAt.ShouldNotBeNull();
        var account = await SispmpiAppFactory.GetDocumentAsync(client, "/conta");
        account.QuerySelector("[data-govbr-section]")!.TextContent.ShouldContain("conta de nível prata");
        // The change to the account is in the history, like any other.
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(AppUser) && e.EntityId == user.Id.ToString()
            && e.Field == nameof(AppUser.LastGovBrLevel)))).ShouldBeTrue();
    }

    [GovBrFact]
    public async Task A_locked_or_disabled_account_stays_out_through_gov_br_too()
    {
        var alta = await UserAsync(AltaEmail);
        try
        {
            await LockAsync(AltaEmail, DateTimeOffset.UtcNow.AddMinutes(15));
            var locked = app.CreateLoopbackClient();
            var where = await CompleteAsync(locked, GovBrProvider.AltaCpf);
            where.ShouldBe("/conta/govbr/recusado?motivo=bloqueada");
            var page = await SispmpiAppFactory.GetDocumentAsync(locked, where);
            page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("A sua conta está bloqueada temporariamente");
            await ShouldHaveNoSessionAsync(locked);
        }
        finally
        {
            await LockAsync(AltaEmail, null);
        }

        try
        {
            await app.WithDbAsync(db => db.Users.Where(u => u.Id == alta.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
            var disabled = app.CreateLoopbackClient();
            var where = await CompleteAsync(disabled, GovBrProvider.AltaCpf);
            where.ShouldBe("/conta/govbr/recusado?motivo=desativada");
            (await SispmpiAppFactory.GetDocumentAsync(disabled, where)).QuerySelector("[role=alert]")!.TextContent
                .ShouldContain("A sua conta no SisPMPI está desativada");
            await ShouldHaveNoSessionAsync(disabled);
        }
        finally
        {
            await app.WithDbAsync(db => db.Users.Where(u => u.Id == alta.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true)));
        }
    }

    [GovBrFact]
    public async Task An_account_with_the_second_factor_on_is_asked_for_its_code_after_gov_br()
    {
        var alta = await UserAsync(AltaEmail);
        var key = await TestUsers.WithUsersAsync(app, async users =>
        {
            var user = (await users.FindByEmailAsync(AltaEmail))!;
            (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
            (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        try
        {
            var client = app.CreateLoopbackClient();
            var where = await CompleteAsync(client, GovBrProvider.AltaCpf);
            where.ShouldStartWith(TestUsers.CodePage);
            // gov.br alone does not open the session: the account's own code is still asked for.
            await ShouldHaveNoSessionAsync(client);
            using (var wrong = await TestUsers.PostCodeAsync(client, TestUsers.WrongCodeFor(key)))
            {
                wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
                (await wrong.Content.ReadAsStringAsync()).ShouldContain("Código inválido.");
            }
            await ShouldHaveNoSessionAsync(client);
            using (var right = await TestUsers.PostCodeAsync(client, TestUsers.CodeFor(key, stepsAhead: 1)))
            {
                right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                right.Headers.Location!.OriginalString.ShouldBe("/");
            }
            var home = await SispmpiAppFactory.GetDocumentAsync(client, "/");
            home.QuerySelector("h1")!.TextContent.ShouldContain("Henrique Secretário");
        }
        finally
        {
            await TestUsers.WithUsersAsync(app, async users =>
                (await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(alta.Id.ToString()))!, false)).Succeeded);
        }
    }

    [GovBrFact]
    public async Task A_central_administrator_below_the_minimum_level_is_refused_in_portuguese()
    {
        var client = app.CreateLoopbackClient();
        var where = await CompleteAsync(client, GovBrProvider.AdminCpf);
        where.ShouldBe("/conta/govbr/recusado?motivo=nivel&nivel=bronze");
        var page = await SispmpiAppFactory.GetDocumentAsync(client, where);
        var message = page.QuerySelector("[role=alert]")!.TextContent;
        message.ShouldContain("Os perfis Administrador central e Suporte técnico exigem conta gov.br de nível prata ou superior.");
        message.ShouldContain("A sua conta gov.br está no nível bronze.");
        await ShouldHaveNoSessionAsync(client);
        (await UserAsync(AdminEmail)).LastGovBrSignInAt.ShouldBeNull();
    }

    [GovBrFact]
    public async Task An_unknown_cpf_gets_the_portuguese_page_and_no_account_is_created()
    {
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var client = app.CreateLoopbackClient();
        var where = await CompleteAsync(client, GovBrProvider.UnknownCpf);
        where.ShouldBe("/conta/govbr/nao-cadastrado");
        var page = await SispmpiAppFactory.GetDocumentAsync(client, where);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Você ainda não tem acesso ao SisPMPI");
        page.Body!.TextContent.ShouldContain("unidade de controle interno do seu órgão");
        page.Body!.TextContent.ShouldContain("Nenhuma conta foi criada.");
        await ShouldHaveNoSessionAsync(client);
        (await app.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Cpf == GovBrProvider.UnknownCpf))).ShouldBeFalse();
    }

    [GovBrFact]
    public async Task A_tampered_state_and_a_replayed_code_open_no_session()
    {
        var tampered = app.CreateLoopbackClient();
        var callback = await GovBrProvider.SignInAtProviderAsync(await StartAsync(tampered), GovBrProvider.AltaCpf);
        var query = QueryHelpers.ParseQuery(callback.Query);
        var forged = QueryHelpers.AddQueryString("/signin-govbr", new Dictionary<string, string?>
        {
            ["code"] = query["code"], ["state"] = query["state"].ToString()[..^4] + "AAAA", ["iss"] = query["iss"],
        });
        using (var response = await tampered.GetAsync(forged))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe("/conta/govbr/recusado?motivo=falha");
        }
        await ShouldHaveNoSessionAsync(tampered);

        var first = app.CreateLoopbackClient();
        callback = await GovBrProvider.SignInAtProviderAsync(await StartAsync(first), GovBrProvider.AltaCpf);
        (await FollowAsync(first, callback.PathAndQuery)).ShouldBe("/");
        // The same answer again — in the same browser, whose correlation cookie is spent, and in another one.
        using (var again = await first.GetAsync(callback.PathAndQuery))
        {
            again.Headers.Location!.OriginalString.ShouldBe("/conta/govbr/recusado?motivo=falha");
        }
        var other = app.CreateLoopbackClient();
        using (var replay = await other.GetAsync(callback.PathAndQuery))
        {
            replay.Headers.Location!.OriginalString.ShouldBe("/conta/govbr/recusado?motivo=falha");
        }
        await ShouldHaveNoSessionAsync(other);
    }

    /// <summary>Follows "Entrar com gov.br" to the provider's authorization endpoint.</summary>
    private static async Task<Uri> StartAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/conta/govbr/entrar");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!;
    }

    /// <summary>The whole round trip; returns where the application finally sends the person.</summary>
    private static async Task<string> CompleteAsync(HttpClient client, string cpf)
    {
        var callback = await GovBrProvider.SignInAtProviderAsync(await StartAsync(client), cpf);
        return await FollowAsync(client, callback.PathAndQuery);
    }

    /// <summary>Follows the application's redirects from <paramref name="url"/> until one leaves /signin-govbr and /conta/govbr/concluir.</summary>
    private static async Task<string> FollowAsync(HttpClient client, string url)
    {
        for (var step = 0; step < 5; step++)
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"GET {url}");
            url = response.Headers.Location!.OriginalString;
            if (!url.StartsWith("/conta/govbr/concluir", StringComparison.Ordinal))
            {
                return url;
            }
        }
        throw new ShouldAssertException("too many redirects");
    }

    private static async Task ShouldHaveNoSessionAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/conta");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://127.0.0.1/conta/entrar");
    }

    private Task<AppUser> UserAsync(string email) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private async Task LockAsync(string email, DateTimeOffset? until)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Sispmpi.Web.Infrastructure.Tenancy.TenantContext>().UseSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, until)).Succeeded.ShouldBeTrue();
    }
}
