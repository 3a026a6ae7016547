using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Users;

/// <summary>
/// Issue 18 part 2 item 10: a user's optional MASP/registration, cargo and phone, edited in user management and in
/// Minha conta, and shown in the user list and beside the name in an action's staff.
/// </summary>
public sealed class FunctionalDataTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string InternalControl = "auditor@demo.gov.br";

    [Fact]
    public async Task Internal_control_sets_masp_cargo_and_phone_which_the_user_list_shows_and_a_bad_phone_is_refused()
    {
        var email = await app.CreateUserAsync("SEPLAG", "Tereza Dados Funcionais", Profile.Executor);
        var userId = await app.UserIdAsync(email);
        var control = await app.LoginAsync(InternalControl);
        var url = $"/usuarios/{userId}";

        using (var response = await SispmpiAppFactory.PostFormAsync(control, url + "?handler=Data", new Dictionary<string, string>
        {
            ["Data.Registration"] = " 1234567-8 ", ["Data.Position"] = "Gestora Governamental", ["Data.Phone"] = "(31) 3915-0101",
        }, formPage: url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        user.Registration.ShouldBe("1234567-8");
        user.Position.ShouldBe("Gestora Governamental");
        user.PhoneNumber.ShouldBe("(31) 3915-0101");

        var list = await SispmpiAppFactory.GetDocumentAsync(control, "/usuarios?busca=1234567-8");
        var row = list.QuerySelectorAll("tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("Tereza Dados Funcionais");
        row.TextContent.ShouldContain("Gestora Governamental");
        row.TextContent.ShouldContain("(31) 3915-0101");

        using (var response = await SispmpiAppFactory.PostFormAsync(control, url + "?handler=Data", new Dictionary<string, string>
        {
            ["Data.Registration"] = "", ["Data.Position"] = "", ["Data.Phone"] = "<script>alert(1)</script>",
        }, formPage: url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Informe o telefone só com números");
        }
        (await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId))).Registration.ShouldBe("1234567-8", "nothing saved");
    }

    [Fact]
    public async Task A_user_sets_them_in_minha_conta_and_the_action_staff_shows_them_beside_the_name()
    {
        var email = await app.CreateUserAsync("SEPLAG", "Ulisses Conta Própria", Profile.Executor);
        var client = await app.LoginAsync(email);
        using (var response = await SispmpiAppFactory.PostFormAsync(client, "/conta?handler=Profile", new Dictionary<string, string>
        {
            ["Profile.FullName"] = "Ulisses Conta Própria", ["Profile.Position"] = "Assessor", ["Profile.Registration"] = "7700112",
            ["Profile.Phone"] = "+55 31 99999-0000",
        }, formPage: "/conta"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var account = await SispmpiAppFactory.GetDocumentAsync(client, "/conta");
        account.QuerySelector("#Profile_Registration")!.GetAttribute("value").ShouldBe("7700112");
        account.QuerySelector("#Profile_Phone")!.GetAttribute("value").ShouldBe("+55 31 99999-0000");

        var userId = await app.UserIdAsync(email);
        var actionId = await app.CreateActionAsync("Ação de quem tem MASP", a => a.ResponsibleUserId = userId);
        var commission = await app.LoginAsync(Commission);
        var tab = await SispmpiAppFactory.GetDocumentAsync(commission, $"/acoes/{actionId}/responsabilidade");
        tab.QuerySelector("[data-staff] tbody tr")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim())
            .ShouldBe(["Responsável", "Ulisses Conta Própria", "7700112", "Assessor", "Sim"]);
        tab.QuerySelectorAll("#Input_ResponsibleUserId option").Select(o => o.TextContent)
            .ShouldContain("Ulisses Conta Própria (MASP 7700112, Assessor)");
    }
}
