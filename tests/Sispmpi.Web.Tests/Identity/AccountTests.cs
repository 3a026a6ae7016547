using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Identity;

/// <summary>Sign-in, lockout, password reset and invitations, through the pages and the e-mail they send.</summary>
public sealed partial class AccountTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task Each_demo_account_signs_in_and_sees_its_organization()
    {
        foreach (var (email, name, _) in Sispmpi.Web.Data.DemoSeeder.Accounts)
        {
            var client = await app.LoginAsync(email);
            var home = await SispmpiAppFactory.GetDocumentAsync(client, "/");
            home.QuerySelector("h1")!.TextContent.ShouldContain(name);
            home.QuerySelector(".header-title")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_portuguese_and_repeated_failures_lock_the_account()
    {
        var email = await CreateUserAsync("bloqueio");
        var client = app.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var response = await SispmpiAppFactory.PostFormAsync(client, "/conta/entrar",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "SenhaErrada123" });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain(attempt < 5 ? "E-mail ou senha incorretos." : "Conta bloqueada temporariamente");
        }
        // Even the right password is refused while the account is locked.
        using var locked = await SispmpiAppFactory.PostFormAsync(client, "/conta/entrar",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = SispmpiAppFactory.DemoPassword });
        (await locked.Content.ReadAsStringAsync()).ShouldContain("Conta bloqueada temporariamente");
    }

    [Fact]
    public async Task Password_reset_sends_a_link_never_a_password_and_the_link_sets_a_new_password()
    {
        var email = await CreateUserAsync("redefinir");
        var client = app.CreateAnonymousClient();
        using (var response = await SispmpiAppFactory.PostFormAsync(client, "/conta/esqueci-senha", new Dictionary<string, string> { ["Email"] = email }))
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain("Se o e-mail estiver cadastrado");
        }
        var message = await WaitForMailAsync(email, "redefinir-senha");
        message.ShouldContain("redefinir a sua senha");
        message.ShouldNotContain(SispmpiAppFactory.DemoPassword);
        var link = ResetLink().Match(message).Value;
        link.ShouldNotBeNullOrEmpty();

        var path = new Uri(link).PathAndQuery;
        using (var response = await SispmpiAppFactory.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["Input.Password"] = "NovaSenha2026",
            ["Input.Confirmation"] = "NovaSenha2026",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        await app.LoginAsync(email, "NovaSenha2026");
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var client = app.CreateAnonymousClient();
        using var response = await SispmpiAppFactory.PostFormAsync(client, "/conta/esqueci-senha",
            new Dictionary<string, string> { ["Email"] = "ninguem@nada.gov.br" });
        (await response.Content.ReadAsStringAsync()).ShouldContain("Se o e-mail estiver cadastrado");
        MailsTo("ninguem@nada.gov.br").ShouldBeEmpty();
    }

    [Fact]
    public async Task Internal_control_invites_a_person_who_chooses_a_password_and_gets_the_profile()
    {
        var auditor = await app.LoginAsync("auditor@demo.gov.br");
        const string email = "nova.executora@demo.gov.br";
        using (var response = await SispmpiAppFactory.PostFormAsync(auditor, "/usuarios/convidar", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Nova Executora",
            ["Input.Email"] = email,
            ["Input.Profile"] = nameof(Profile.Executor),
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var message = await WaitForMailAsync(email);
        message.ShouldContain("convidou você");
        message.ShouldNotContain("senha:", Case.Insensitive);
        var link = InviteLink().Match(message).Value;
        link.ShouldNotBeNullOrEmpty();

        var visitor = app.CreateAnonymousClient();
        var invitation = await SispmpiAppFactory.GetDocumentAsync(visitor, new Uri(link).PathAndQuery);
        invitation.Body!.TextContent.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        using (var weak = await SispmpiAppFactory.PostFormAsync(visitor, new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "curta",
            ["Input.Confirmation"] = "curta",
        }))
        {
            (await weak.Content.ReadAsStringAsync()).ShouldContain("A senha deve ter pelo menos 10 caracteres.");
        }
        using (var accepted = await SispmpiAppFactory.PostFormAsync(visitor, new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "Executora2026",
            ["Input.Confirmation"] = "Executora2026",
        }))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var executor = await app.LoginAsync(email, "Executora2026");
        (await executor.GetAsync("/execucao")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await executor.GetAsync("/avaliacao")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The link works once.
        var reused = await SispmpiAppFactory.GetDocumentAsync(app.CreateAnonymousClient(), new Uri(link).PathAndQuery);
        reused.Body!.TextContent.ShouldContain("Este convite é inválido, já foi usado ou expirou.");
    }

    [Fact]
    public async Task Internal_control_cannot_grant_central_administration()
    {
        var auditor = await app.LoginAsync("auditor@demo.gov.br");
        using var response = await SispmpiAppFactory.PostFormAsync(auditor, "/usuarios/convidar", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Quem Não Pode",
            ["Input.Email"] = "nao.pode@demo.gov.br",
            ["Input.Profile"] = nameof(Profile.CentralAdministrator),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Você não pode conceder este perfil.", customMessage: body);
        (await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == "nao.pode@demo.gov.br"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_user_with_two_organizations_switches_between_them()
    {
        var executor = await app.LoginAsync("executor@demo.gov.br");
        var before = await SispmpiAppFactory.GetDocumentAsync(executor, "/");
        before.QuerySelector(".header-title")!.TextContent.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        var prefeitura = before.QuerySelectorAll("#org-switch option").Single(o => o.TextContent.Contains("Ouro Preto") && o.TextContent.Contains("Prefeitura")).GetAttribute("value")!;
        using (var response = await SispmpiAppFactory.PostFormAsync(executor, "/conta/organizacao",
            new Dictionary<string, string> { ["organizationId"] = prefeitura }, formPage: "/"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var after = await SispmpiAppFactory.GetDocumentAsync(executor, "/");
        after.QuerySelector(".header-title")!.TextContent.ShouldContain("Prefeitura Municipal de Ouro Preto");
        // Observer there: no execution module.
        (await executor.GetAsync("/execucao")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await executor.GetAsync("/monitoramento")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Switching_to_an_organization_without_a_grant_is_refused()
    {
        var executor = await app.LoginAsync("executor@demo.gov.br");
        var cge = await app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "CGE").Select(o => o.Id).SingleAsync());
        using var response = await SispmpiAppFactory.PostFormAsync(executor, "/conta/organizacao",
            new Dictionary<string, string> { ["organizationId"] = cge.ToString() }, formPage: "/");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await SispmpiAppFactory.GetDocumentAsync(executor, "/");
        home.Body!.TextContent.ShouldContain("Você não possui perfil na organização escolhida.");
        home.QuerySelector(".header-title")!.TextContent.ShouldNotContain("Controladoria");
    }

    private async Task<string> CreateUserAsync(string name)
    {
        var email = $"{name}{Guid.NewGuid():N}"[..20] + "@demo.gov.br";
        var auditor = await app.LoginAsync("auditor@demo.gov.br");
        using var response = await SispmpiAppFactory.PostFormAsync(auditor, "/usuarios/convidar", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Pessoa de Teste",
            ["Input.Email"] = email,
            ["Input.Profile"] = nameof(Profile.Observer),
        });
        var link = InviteLink().Match(await WaitForMailAsync(email)).Value;
        using var accepted = await SispmpiAppFactory.PostFormAsync(app.CreateAnonymousClient(), new Uri(link).PathAndQuery,
            new Dictionary<string, string> { ["Input.Password"] = SispmpiAppFactory.DemoPassword, ["Input.Confirmation"] = SispmpiAppFactory.DemoPassword });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return email;
    }

    private IEnumerable<string> MailsTo(string email) =>
        Directory.Exists(app.MailFolder)
            ? Directory.EnumerateFiles(app.MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).Where(m => m.Contains($"To: {email}\r\n", StringComparison.Ordinal))
            : [];

    private async Task<string> WaitForMailAsync(string email, string containing = "")
    {
        for (var i = 0; i < 50; i++)
        {
            var message = MailsTo(email).LastOrDefault(m => m.Contains(containing, StringComparison.Ordinal));
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"No e-mail was written to {email}.");
    }

    [GeneratedRegex(@"http://\S+/conta/redefinir-senha\?\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"http://\S+/conta/convite\?token=\S+")]
    private static partial Regex InviteLink();
}
