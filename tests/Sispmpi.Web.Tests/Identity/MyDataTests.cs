using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Api;
using Sispmpi.Web.Features.Notifications;
using Sispmpi.Web.Tests.Documents;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Identity;

/// <summary>"Meus dados": the person's own data in every organization, never a secret, never someone else's.</summary>
public sealed class MyDataTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Page = "/conta/meus-dados";

    [Fact]
    public async Task The_json_lists_the_persons_grants_notifications_tokens_and_history_and_nothing_secret_or_of_anyone_else()
    {
        var (alice, client, secrets) = await PlantAsync();
        using var response = await client.GetAsync(Page + "?handler=Json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("meus-dados-");
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(text).RootElement;

        var account = json.GetProperty("conta");
        account.GetProperty("nomeCompleto").GetString().ShouldBe("Alice Titular");
        account.GetProperty("cargo").GetString().ShouldBe("Analista de integridade");
        account.GetProperty("segundoFatorAtivado").GetBoolean().ShouldBeFalse();
        account.GetProperty("cpf").GetString().ShouldBe(secrets.AliceCpf);

        // Grants in two organizations, read past the tenant filter (the session is in SEPLAG).
        var grants = json.GetProperty("perfis").EnumerateArray()
            .Select(g => (g.GetProperty("organizacao").GetString(), g.GetProperty("perfil").GetString(), g.GetProperty("unidade").GetString())).ToList();
        grants.ShouldBe(
        [
            ("Controladoria-Geral do Estado", "Executor", null),
            ("Secretaria de Estado de Planejamento e Gestão", "Observador", "Superintendência de Compras e Contratos"),
        ], ignoreOrder: true);

        json.GetProperty("notificacoes").EnumerateArray().Select(n => n.GetProperty("titulo").GetString())
            .ShouldBe(["Aviso para Alice na CGE"]);
        var token = json.GetProperty("tokensDeAcesso").EnumerateArray().ShouldHaveSingleItem();
        token.GetProperty("nome").GetString().ShouldBe("Painel da Alice");
        token.GetProperty("identificacao").GetString().ShouldBe(secrets.AlicePrefix);
        token.GetProperty("sigla").GetString().ShouldBe("CGE");

        var history = json.GetProperty("historico").EnumerateArray().ToList();
        history.Count.ShouldBe(await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.UserId == alice)));
        history.ShouldContain(h => h.GetProperty("entidade").GetString() == "Usuário" && h.GetProperty("operacao").GetString() == "Alteração"
            && h.GetProperty("identificador").GetString() == alice.ToString());
        json.GetProperty("retencao").EnumerateArray().Select(r => r.GetProperty("tipo").GetString())
            .ShouldContain("Histórico de alterações");

        foreach (var (what, value) in secrets.Forbidden)
        {
            text.ShouldNotContain(value, Case.Insensitive, $"Meus dados shows {what}");
        }
    }

    [Fact]
    public async Task The_pdf_reads_as_the_persons_data_with_name_grants_and_retention()
    {
        var (_, client, secrets) = await PlantAsync();
        using var response = await client.GetAsync(Page + "?handler=Pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var pdf = new PdfFile(await response.Content.ReadAsByteArrayAsync(), "meus-dados");
        var text = pdf.FlatText();
        text.ShouldContain("Meus dados");
        text.ShouldContain("Alice Titular");
        text.ShouldContain("Controladoria-Geral do Estado");
        text.ShouldContain("Painel da Alice");
        text.ShouldContain("Por quanto tempo cada dado é mantido");
        foreach (var (what, value) in secrets.Forbidden)
        {
            text.ShouldNotContain(value, Case.Insensitive, $"the PDF shows {what}");
        }
    }

    [Fact]
    public async Task The_page_summarizes_the_data_and_links_both_downloads()
    {
        var (_, client, _) = await PlantAsync();
        (await SispmpiAppFactory.GetDocumentAsync(client, "/conta")).QuerySelector("a[href='/conta/meus-dados']").ShouldNotBeNull();
        var page = await SispmpiAppFactory.GetDocumentAsync(client, Page);
        page.QuerySelector("[data-summary]")!.TextContent.ShouldContain("Perfis: 2, em 2 organização(ões).");
        page.QuerySelector("a[data-download-json]")!.GetAttribute("href").ShouldBe(Page + "?handler=Json");
        page.QuerySelector("a[data-download-pdf]")!.GetAttribute("href").ShouldBe(Page + "?handler=Pdf");
        page.QuerySelectorAll("[data-retention] tbody tr").Length.ShouldBeGreaterThan(5);
    }

    private sealed record Planted(string AlicePrefix, string AliceCpf, IReadOnlyList<(string What, string Value)> Forbidden);

    /// <summary>A CPF with valid check digits, different at each call (one CPF belongs to one account).</summary>
    private static string NewCpf()
    {
        var digits = Enumerable.Range(0, 9).Select(_ => RandomNumberGenerator.GetInt32(10)).ToList();
        for (var length = 9; length <= 10; length++)
        {
            var sum = digits.Select((d, i) => d * (length + 1 - i)).Sum();
            digits.Add(sum * 10 % 11 % 10);
        }
        return string.Concat(digits);
    }

    private static string Masked(string cpf) => $"{cpf[..3]}.{cpf[3..6]}.{cpf[6..9]}-{cpf[9..]}";

    /// <summary>
    /// Alice, with grants in two organizations, a notification, a token, a history entry and an authenticator key;
    /// Bruno, in the same organization, with the same kinds of data, none of which may show in Alice's.
    /// </summary>
    private async Task<(int Alice, HttpClient Client, Planted Secrets)> PlantAsync()
    {
        var (alice, aliceEmail) = await TestUsers.CreateAsync(app, "Alice Titular",
            ("SEPLAG", Profile.Observer, "SCC"), ("CGE", Profile.Executor, null));
        var (bruno, brunoEmail) = await TestUsers.CreateAsync(app, "Bruno Vizinho", ("SEPLAG", Profile.Observer, null));
        var client = await app.LoginAsync(aliceEmail);
        var brunoClient = await app.LoginAsync(brunoEmail);
        // Each one's own history entry: a change of position, saved from Minha conta.
        foreach (var (who, position) in new[] { (client, "Analista de integridade"), (brunoClient, "Cargo do Bruno") })
        {
            using var saved = await SispmpiAppFactory.PostFormAsync(who, "/conta?handler=Profile", new Dictionary<string, string>
            {
                ["Profile.FullName"] = who == client ? "Alice Titular" : "Bruno Vizinho",
                ["Profile.Position"] = position,
            }, formPage: "/conta");
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        }
        var aliceKey = await TestUsers.WithUsersAsync(app, async users =>
        {
            var user = (await users.FindByIdAsync(alice.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        var brunoKey = await TestUsers.WithUsersAsync(app, async users =>
        {
            var user = (await users.FindByIdAsync(bruno.ToString()))!;
            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            return codes!.First();
        });
        var aliceHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var brunoHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var alicePrefix = "spmpi_" + aliceHash[..8];
        await app.WithDbAsync(async db =>
        {
            var cge = await db.Organizations.Where(o => o.Acronym == "CGE").Select(o => o.Id).SingleAsync();
            var seplag = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            db.Notifications.AddRange(
                new Notification { UserId = alice, OrganizationId = cge, Event = "teste", Title = "Aviso para Alice na CGE", Summary = "Resumo", Link = "/", CreatedAt = now },
                new Notification { UserId = bruno, OrganizationId = seplag, Event = "teste", Title = "Aviso reservado ao Bruno", Summary = "Resumo", Link = "/", CreatedAt = now });
            db.ApiTokens.AddRange(
                new ApiToken { UserId = alice, OrganizationId = cge, Name = "Painel da Alice", Prefix = alicePrefix, TokenHash = aliceHash, CreatedAt = now },
                new ApiToken { UserId = bruno, OrganizationId = seplag, Name = "Token do Bruno", Prefix = "spmpi_" + brunoHash[..8], TokenHash = brunoHash, CreatedAt = now });
            await db.SaveChangesAsync();
        });
        var (aliceCpf, brunoCpf) = (NewCpf(), NewCpf());
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == alice)).Cpf = aliceCpf;
            (await db.Users.SingleAsync(u => u.Id == bruno)).Cpf = brunoCpf;
            await db.SaveChangesAsync();
        });
        var stored = await TestUsers.FindAsync(app, aliceEmail);
        return (alice, client, new Planted(alicePrefix, Masked(aliceCpf),
        [
            ("the password hash", stored.PasswordHash!), ("the security stamp", stored.SecurityStamp!), ("the authenticator key", aliceKey),
            ("a token hash", aliceHash), ("a field named after the hash", "PasswordHash"), ("another person's name", "Bruno"),
            ("another person's e-mail", brunoEmail), ("another person's recovery code", brunoKey), ("another person's token hash", brunoHash),
            ("another person's position", "Cargo do Bruno"), ("another person's CPF", Masked(brunoCpf)), ("another person's CPF", brunoCpf),
        ]));
    }
}
