using System.Net;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Identity;

/// <summary>
/// Minha conta's two forms each post only their own fields: the other form's (empty) input must not refuse the save,
/// as it did while the inputs bound without their prefix.
/// </summary>
public sealed class AccountFormTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task Saving_the_personal_data_and_changing_the_password_each_work_alone()
    {
        var (_, email) = await TestUsers.CreateAsync(app, "Pessoa Formulário");
        var client = await app.LoginAsync(email);
        using (var saved = await SispmpiAppFactory.PostFormAsync(client, "/conta?handler=Profile", new Dictionary<string, string>
        {
            ["Profile.FullName"] = "Pessoa Renomeada",
            ["Profile.Position"] = "Auditora",
        }, formPage: "/conta"))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var user = await TestUsers.FindAsync(app, email);
        (user.FullName, user.Position).ShouldBe(("Pessoa Renomeada", "Auditora"));

        using (var wrong = await SispmpiAppFactory.PostFormAsync(client, "/conta?handler=Password", new Dictionary<string, string>
        {
            ["Password.Current"] = "SenhaErrada123",
            ["Password.New"] = "NovaSenha2027",
            ["Password.Confirmation"] = "NovaSenha2027",
        }, formPage: "/conta"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("Senha incorreta.");
        }
        using (var changed = await SispmpiAppFactory.PostFormAsync(client, "/conta?handler=Password", new Dictionary<string, string>
        {
            ["Password.Current"] = SispmpiAppFactory.DemoPassword,
            ["Password.New"] = "NovaSenha2027",
            ["Password.Confirmation"] = "NovaSenha2027",
        }, formPage: "/conta"))
        {
            changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        // The session goes on in the same organization, and the new password signs in.
        (await SispmpiAppFactory.GetDocumentAsync(client, "/")).QuerySelector(".header-title")!.TextContent
            .ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        await app.LoginAsync(email, "NovaSenha2027");
    }
}
