using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Auditing;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Identity;

/// <summary>The second factor (authenticator app): enabling, signing in with it, recovery codes, lockout, disabling.</summary>
public sealed class TwoFactorTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task Enabling_shows_a_qr_code_and_the_key_asks_a_first_code_and_shows_ten_recovery_codes_once()
    {
        var (userId, email) = await TestUsers.CreateAsync(app, "Pessoa Ativando");
        var client = await app.LoginAsync(email);
        var account = await SispmpiAppFactory.GetDocumentAsync(client, "/conta");
        account.QuerySelector("[data-two-factor-state]")!.TextContent.ShouldContain("desativado");

        var page = await SispmpiAppFactory.GetDocumentAsync(client, TestUsers.SetUpPage);
        page.QuerySelector("img[data-qr-code]")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        var key = TestUsers.SharedKey(page);
        key.ShouldBe(await TestUsers.WithUsersAsync(app, async users => await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId.ToString()))!)));

        using (var wrong = await SispmpiAppFactory.PostFormAsync(client, TestUsers.SetUpPage + "?handler=Enable",
            new Dictionary<string, string> { ["code"] = TestUsers.WrongCodeFor(key) }, formPage: TestUsers.SetUpPage))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("Código inválido.");
        }
        (await TestUsers.FindAsync(app, email)).TwoFactorEnabled.ShouldBeFalse();

        var (_, codes) = await TestUsers.EnableAsync(client);
        codes.Distinct().Count().ShouldBe(10);
        (await TestUsers.FindAsync(app, email)).TwoFactorEnabled.ShouldBeTrue();

        // The codes are shown once: the page afterwards only counts them.
        var after = await SispmpiAppFactory.GetDocumentAsync(client, TestUsers.SetUpPage);
        after.QuerySelectorAll("[data-recovery-code]").ShouldBeEmpty();
        after.QuerySelector("[data-two-factor-status]")!.TextContent.ShouldContain("ativado");
        after.Body!.TextContent.ShouldNotContain(codes[0]);
        (await SispmpiAppFactory.GetDocumentAsync(client, "/conta")).QuerySelector("[data-two-factor-state]")!.TextContent.ShouldContain("ativado");

        // The history records who turned it on; the session survived the new security stamp.
        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "AppUser" && e.EntityId == userId.ToString()
            && e.Operation == AuditOperation.Update && e.Field == "TwoFactorEnabled" && e.NewValue == "true" && e.UserId == userId));
        audited.ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_in_asks_for_the_code_after_the_password_and_a_code_from_the_shared_key_completes_it()
    {
        var (email, _, key, _) = await TestUsers.WithSecondFactorAsync(app, "Pessoa Entrando");
        var client = await TestUsers.PasswordStepAsync(app, email);
        // The password alone does not sign in.
        using (var notYet = await client.GetAsync("/conta"))
        {
            notYet.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            notYet.Headers.Location!.OriginalString.ShouldContain(SispmpiAppFactory.LoginPath + "?");
        }
        using (var wrong = await TestUsers.PostCodeAsync(client, TestUsers.WrongCodeFor(key)))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("Código inválido.");
        }
        using (var right = await TestUsers.PostCodeAsync(client, TestUsers.CodeFor(key, stepsAhead: 1)))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            right.Headers.Location!.OriginalString.ShouldBe("/");
        }
        var home = await SispmpiAppFactory.GetDocumentAsync(client, "/");
        home.QuerySelector("h1")!.TextContent.ShouldContain("Pessoa Entrando");
        home.QuerySelector(".header-title")!.TextContent.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_refused_the_second_time()
    {
        var (email, _, _, codes) = await TestUsers.WithSecondFactorAsync(app, "Pessoa Sem Celular");
        var first = await TestUsers.PasswordStepAsync(app, email);
        using (var used = await TestUsers.PostRecoveryCodeAsync(first, codes[0]))
        {
            used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await first.GetAsync("/conta")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await TestUsers.PasswordStepAsync(app, email);
        using (var reused = await TestUsers.PostRecoveryCodeAsync(second, codes[0]))
        {
            reused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reused.Content.ReadAsStringAsync()).ShouldContain("Código de recuperação inválido ou já usado.");
        }
        (await second.GetAsync("/conta")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Another code, typed in lower case and without its hyphen, still works.
        using (var other = await TestUsers.PostRecoveryCodeAsync(second, codes[1].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await TestUsers.WithUsersAsync(app, async users => await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!))).ShouldBe(8);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout_and_the_configured_number_locks_the_account()
    {
        var attempts = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;
        attempts.ShouldBe(5, "Identity:MaxFailedAccessAttempts of appsettings.json");
        var (email, _, key, _) = await TestUsers.WithSecondFactorAsync(app, "Pessoa Bloqueada");
        var client = await TestUsers.PasswordStepAsync(app, email);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            using var response = await TestUsers.PostCodeAsync(client, TestUsers.WrongCodeFor(key));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain(attempt < attempts ? "Código inválido." : "Conta bloqueada temporariamente");
        }
        // Now even the right code is refused, and the account stays out.
        using (var right = await TestUsers.PostCodeAsync(client, TestUsers.CodeFor(key, stepsAhead: 1)))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await right.Content.ReadAsStringAsync()).ShouldContain("Conta bloqueada temporariamente");
        }
        (await client.GetAsync("/conta")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TestUsers.FindAsync(app, email)).LockoutEnd.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Disabling_needs_the_password_and_a_wrong_one_changes_nothing()
    {
        var (email, client, key, _) = await TestUsers.WithSecondFactorAsync(app, "Pessoa Desativando");
        foreach (var (password, message) in new[] { ("SenhaErrada123", "Senha incorreta. O segundo fator continua ativado."), ("", "Informe a sua senha para confirmar.") })
        {
            using var refused = await SispmpiAppFactory.PostFormAsync(client, TestUsers.SetUpPage + "?handler=Disable",
                new Dictionary<string, string> { ["password"] = password }, formPage: TestUsers.SetUpPage);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain(message);
            (await TestUsers.FindAsync(app, email)).TwoFactorEnabled.ShouldBeTrue();
        }
        using (var disabled = await SispmpiAppFactory.PostFormAsync(client, TestUsers.SetUpPage + "?handler=Disable",
            new Dictionary<string, string> { ["password"] = SispmpiAppFactory.DemoPassword }, formPage: TestUsers.SetUpPage))
        {
            disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await TestUsers.FindAsync(app, email)).TwoFactorEnabled.ShouldBeFalse();
        (await SispmpiAppFactory.GetDocumentAsync(client, "/conta")).Body!.TextContent.ShouldContain("Segundo fator desativado.");
        // The old key is gone, and the password alone signs in again.
        TestUsers.SharedKey(await SispmpiAppFactory.GetDocumentAsync(client, TestUsers.SetUpPage)).ShouldNotBe(key);
        await app.LoginAsync(email);
    }
}

/// <summary>An application where the central profiles must use the second factor.</summary>
public sealed class RequiredTwoFactorApp : SispmpiAppFactory
{
    public RequiredTwoFactorApp() => Settings = new Dictionary<string, string> { ["Identity:RequireTwoFactorForCentralProfiles"] = "true" };
}

public sealed class RequiredTwoFactorTests(RequiredTwoFactorApp app) : IClassFixture<RequiredTwoFactorApp>
{
    [Theory]
    [InlineData("admin@demo.gov.br")]
    [InlineData("ti@demo.gov.br")]
    public async Task A_central_profile_without_the_second_factor_is_taken_to_set_it_up_before_anything_else(string email)
    {
        var client = await app.LoginAsync(email);
        foreach (var path in new[] { "/", "/conta", "/conta/meus-dados" })
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.ShouldBe(TestUsers.SetUpPage);
        }
        var setUp = await SispmpiAppFactory.GetDocumentAsync(client, TestUsers.SetUpPage);
        setUp.QuerySelector("[data-two-factor-required]")!.TextContent.ShouldContain("Ative o segundo fator para continuar.");
        (await client.GetAsync("/css/site.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/erro/404")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await TestUsers.EnableAsync(client);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/conta")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_central_user_who_turns_the_second_factor_off_is_sent_back_to_set_it_up()
    {
        var (_, email) = await TestUsers.CreateAsync(app, "Pessoa Central", ("CGE", Profile.CentralAdministrator, null));
        var setUp = await app.LoginAsync(email);
        var (key, _) = await TestUsers.EnableAsync(setUp);
        // A session completed with the code: the requirement trusts it without asking the database.
        var client = await TestUsers.PasswordStepAsync(app, email);
        using (var right = await TestUsers.PostCodeAsync(client, TestUsers.CodeFor(key, stepsAhead: 1)))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var off = await SispmpiAppFactory.PostFormAsync(client, TestUsers.SetUpPage + "?handler=Disable",
            new Dictionary<string, string> { ["password"] = SispmpiAppFactory.DemoPassword }, formPage: TestUsers.SetUpPage))
        {
            off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await TestUsers.FindAsync(app, email)).TwoFactorEnabled.ShouldBeFalse();
        using var next = await client.GetAsync("/");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        next.Headers.Location!.OriginalString.ShouldBe(TestUsers.SetUpPage);
    }

    [Theory]
    [InlineData("executor@demo.gov.br")]
    [InlineData("auditor@demo.gov.br")]
    public async Task Other_profiles_are_not_redirected(string email)
    {
        var client = await app.LoginAsync(email);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var setUp = await SispmpiAppFactory.GetDocumentAsync(client, TestUsers.SetUpPage);
        setUp.QuerySelector("[data-two-factor-required]").ShouldBeNull();
    }
}
