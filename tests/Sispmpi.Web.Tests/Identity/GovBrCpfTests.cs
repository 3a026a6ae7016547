using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Identity;

/// <summary>Linking a CPF on Minha conta, and the login page while gov.br sign-in is off (the default).</summary>
public sealed class GovBrCpfTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task A_signed_in_user_links_a_valid_cpf_once_and_wrong_or_taken_ones_are_refused()
    {
        var client = await app.LoginAsync("comissao@demo.gov.br");
        var account = await SispmpiAppFactory.GetDocumentAsync(client, "/conta");
        account.QuerySelector("[data-govbr-section] a[href='/conta/cpf']").ShouldNotBeNull();

        (await PostCpfAsync(client, "529.982.247-24")).ShouldContain("CPF inválido: os dígitos verificadores não conferem.");
        (await PostCpfAsync(client, "111.111.111-11")).ShouldContain("CPF inválido: todos os dígitos são iguais.");
        (await PostCpfAsync(client, "5299822")).ShouldContain("O CPF deve ter 11 dígitos.");
        // The demo's alta@demo.gov.br holds this one.
        (await PostCpfAsync(client, "529.982.247-25")).ShouldContain("Este CPF já está vinculado a outra conta do SisPMPI.");
        (await CpfOfAsync("comissao@demo.gov.br")).ShouldBeNull();

        using (var response = await SispmpiAppFactory.PostFormAsync(client, "/conta/cpf", new Dictionary<string, string> { ["Cpf"] = "123.456.789-09" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe("/conta");
        }
        (await CpfOfAsync("comissao@demo.gov.br")).ShouldBe("12345678909");
        account = await SispmpiAppFactory.GetDocumentAsync(client, "/conta");
        account.QuerySelector("[data-govbr-section] [data-linked-cpf]")!.TextContent.ShouldBe("123.456.789-09");

        // One CPF per account: the page no longer offers the form, and a forged post changes nothing.
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/conta/cpf");
        page.QuerySelector("input[name='Cpf']").ShouldBeNull();
        var token = (await SispmpiAppFactory.GetDocumentAsync(client, "/conta")).QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!
            .GetAttribute("value")!;
        using var forged = await client.PostAsync("/conta/cpf", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Cpf"] = "390.533.447-05", [SispmpiAppFactory.AntiforgeryField] = token,
        }));
        forged.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("A sua conta já tem um CPF vinculado.");
        (await CpfOfAsync("comissao@demo.gov.br")).ShouldBe("12345678909");
    }

    [Fact]
    public async Task The_demo_gives_alta_a_cpf_and_two_accounts_cannot_share_one_even_in_the_database()
    {
        (await CpfOfAsync("alta@demo.gov.br")).ShouldBe(DemoSeeder.AltaCpf);
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var monitor = await db.Users.SingleAsync(u => u.Email == "monitor@demo.gov.br");
            monitor.Cpf = DemoSeeder.AltaCpf;
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task While_gov_br_is_off_the_login_page_has_no_button_and_its_route_is_not_found()
    {
        var client = app.CreateAnonymousClient();
        var login = await SispmpiAppFactory.GetDocumentAsync(client, "/conta/entrar");
        login.QuerySelector("[data-govbr-login]").ShouldBeNull();
        login.QuerySelector("a[href^='/conta/govbr']").ShouldBeNull();
        (await client.GetAsync("/conta/govbr/entrar")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<string> PostCpfAsync(HttpClient client, string cpf)
    {
        using var response = await SispmpiAppFactory.PostFormAsync(client, "/conta/cpf", new Dictionary<string, string> { ["Cpf"] = cpf });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private Task<string?> CpfOfAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Cpf).SingleAsync());
}
