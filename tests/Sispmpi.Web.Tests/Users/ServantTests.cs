using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Users.Servants;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Users;

/// <summary>
/// Issue 18 part 2 item 2: servants registered without an account (name, MASP, unit) answer for actions or take part
/// in them, managed by whoever manages the body's users; linking an account later moves their roles to it.
/// </summary>
public sealed class ServantTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string InternalControl = "auditor@demo.gov.br";

    private async Task<int> CreateServantAsync(HttpClient client, string name, string registration, string unit = "SRH")
    {
        var unitId = await app.UnitIdAsync("SEPLAG", unit);
        using var response = await SispmpiAppFactory.PostFormAsync(client, "/usuarios/servidores/novo", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Registration"] = registration, ["Input.Position"] = "Analista de Planejamento", ["Input.UnitId"] = unitId.ToString(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Servants.Where(s => s.Registration == registration).Select(s => s.Id).SingleAsync());
    }

    private static string Unique(string prefix) => $"{prefix}{Random.Shared.Next(1_000_000, 9_999_999)}";

    [Fact]
    public async Task Internal_control_registers_searches_and_edits_servants_and_bad_input_is_refused_in_portuguese()
    {
        var client = await app.LoginAsync(InternalControl);
        var masp = Unique("");
        var id = await CreateServantAsync(client, "Joaquina Sem Conta Pereira", masp);

        var list = await SispmpiAppFactory.GetDocumentAsync(client, "/usuarios/servidores?busca=" + masp);
        var rows = list.QuerySelectorAll("[data-servants] tbody tr");
        rows.Length.ShouldBe(1);
        rows[0].TextContent.ShouldContain("Joaquina Sem Conta Pereira");
        rows[0].TextContent.ShouldContain("Analista de Planejamento");
        rows[0].TextContent.ShouldContain("Sem conta");
        (await SispmpiAppFactory.GetDocumentAsync(client, "/usuarios/servidores?busca=joaquina sem conta")).QuerySelectorAll("[data-servants] tbody tr").Length.ShouldBe(1);

        using (var response = await SispmpiAppFactory.PostFormAsync(client, "/usuarios/servidores/novo", new Dictionary<string, string>
        {
            ["Input.Name"] = "  ", ["Input.Registration"] = masp,
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector("#Input_Name-error")!.TextContent.Trim().ShouldBe("Informe o nome do servidor.");
            page.QuerySelector("#Input_Registration-error")!.TextContent.Trim().ShouldBe("Já existe um servidor com este MASP/matrícula no órgão.");
        }

        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"/usuarios/servidores/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Joaquina Pereira", ["Input.Registration"] = masp, ["Input.Position"] = "Diretora",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var servant = await app.WithDbAsync(db => db.Servants.AsNoTracking().SingleAsync(s => s.Id == id));
        servant.Name.ShouldBe("Joaquina Pereira");
        servant.Position.ShouldBe("Diretora");
        servant.UnitId.ShouldBeNull();
    }

    [Fact]
    public async Task Only_who_manages_the_users_reaches_the_servants()
    {
        var executor = await app.LoginAsync(Executor);
        (await executor.GetAsync("/usuarios/servidores")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await executor.GetAsync("/usuarios/servidores/novo")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_servant_without_an_account_answers_for_an_action_and_takes_part_in_another_then_linking_moves_both_to_the_account()
    {
        var control = await app.LoginAsync(InternalControl);
        var responsibleMasp = Unique("R");
        var involvedMasp = Unique("E");
        var responsibleId = await CreateServantAsync(control, "Rosa Responsável Sem Conta", responsibleMasp);
        var involvedId = await CreateServantAsync(control, "Elias Envolvido Sem Conta", involvedMasp);
        var actionId = await app.CreateActionAsync("Ação com responsável sem conta", a => a.ResponsibleUserId = null);
        var commission = await app.LoginAsync(Commission);
        var url = $"/acoes/{actionId}/responsabilidade";
        var unit = (await app.ActionAsync(actionId)).ExecutingUnitId!.Value;

        // A user and a servant at once is refused, and nothing changes.
        var executorId = await app.UserIdAsync(Executor);
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, url, new Dictionary<string, string>
        {
            ["Input.ResponsibleUserId"] = executorId.ToString(), ["Input.ResponsibleServantId"] = responsibleId.ToString(),
            ["Input.ExecutingUnitId"] = unit.ToString(),
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector("#Input_ResponsibleServantId-error")!.TextContent.Trim()
                .ShouldBe("Escolha um único responsável: um executor com conta ou um servidor sem conta.");
        }
        (await app.ActionAsync(actionId)).ResponsibleServantId.ShouldBeNull();

        using (var response = await SispmpiAppFactory.PostFormAsync(commission, url, new Dictionary<string, string>
        {
            ["Input.ResponsibleUserId"] = "", ["Input.ResponsibleServantId"] = responsibleId.ToString(),
            ["Input.ServantIds"] = involvedId.ToString(), ["Input.ExecutingUnitId"] = unit.ToString(),
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var action = await app.ActionAsync(actionId);
        action.ResponsibleServantId.ShouldBe(responsibleId);
        action.ResponsibleUserId.ShouldBeNull();
        var tab = await SispmpiAppFactory.GetDocumentAsync(commission, url);
        tab.QuerySelector("[data-responsible]")!.TextContent.ShouldBe("Rosa Responsável Sem Conta (sem conta)");
        tab.QuerySelector("[data-participants]")!.TextContent.ShouldBe("Elias Envolvido Sem Conta (sem conta)");
        var staff = tab.QuerySelectorAll("[data-staff] tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        staff.ShouldBe([
            $"Responsável | Rosa Responsável Sem Conta | {responsibleMasp} | Analista de Planejamento | Não",
            $"Envolvido | Elias Envolvido Sem Conta | {involvedMasp} | Analista de Planejamento | Não",
        ]);
        var list = await SispmpiAppFactory.GetDocumentAsync(commission, "/execucao?busca=" + Uri.EscapeDataString(action.Title));
        list.Body!.TextContent.ShouldContain("Rosa Responsável Sem Conta");

        // A servant of another body cannot be chosen.
        var foreign = await app.WithDbAsync(async db =>
        {
            var other = await db.Organizations.Where(o => o.Acronym != "SEPLAG").Select(o => o.Id).FirstAsync();
            var s = new Servant { OrganizationId = other, Name = "Servidor de outro órgão" };
            db.Servants.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, url, new Dictionary<string, string>
        {
            ["Input.ServantIds"] = foreign.ToString(), ["Input.ExecutingUnitId"] = unit.ToString(),
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Escolha os servidores sem conta entre os cadastrados no órgão.");
        }

        // Each servant later gets an account: linking moves the role to it.
        var rosaEmail = await app.CreateUserAsync("SEPLAG", "Rosa Responsável", Profile.Executor);
        var eliasEmail = await app.CreateUserAsync("SEPLAG", "Elias Envolvido", Profile.Executor);
        var rosaId = await app.UserIdAsync(rosaEmail);
        var eliasId = await app.UserIdAsync(eliasEmail);
        foreach (var (servantId, userId) in new[] { (responsibleId, rosaId), (involvedId, eliasId) })
        {
            using var response = await SispmpiAppFactory.PostFormAsync(control, $"/usuarios/servidores/{servantId}?handler=Link",
                new Dictionary<string, string> { ["LinkUserId"] = userId.ToString() }, formPage: $"/usuarios/servidores/{servantId}");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        action = await app.ActionAsync(actionId);
        action.ResponsibleUserId.ShouldBe(rosaId);
        action.ResponsibleServantId.ShouldBeNull();
        (await app.WithDbAsync(db => db.ActionParticipants.Where(p => p.ActionId == actionId).Select(p => p.UserId).ToListAsync())).ShouldBe([eliasId]);
        (await app.WithDbAsync(db => db.ActionServants.CountAsync(p => p.ActionId == actionId))).ShouldBe(0);
        var rosa = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == rosaId));
        rosa.Registration.ShouldBe(responsibleMasp, "the account takes the servant's MASP when it had none");
        rosa.Position.ShouldBe("Analista de Planejamento");
        var detail = await SispmpiAppFactory.GetDocumentAsync(control, $"/usuarios/servidores/{responsibleId}");
        detail.QuerySelector("[data-servant-summary]")!.TextContent.ShouldContain("vinculado à conta de Rosa Responsável");

        // A second link of the same servant is refused.
        using (var response = await SispmpiAppFactory.PostFormAsync(control, $"/usuarios/servidores/{responsibleId}?handler=Link",
            new Dictionary<string, string> { ["LinkUserId"] = eliasId.ToString() }, formPage: $"/usuarios/servidores/{responsibleId}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        (await app.ActionAsync(actionId)).ResponsibleUserId.ShouldBe(rosaId);
    }

    [Fact]
    public async Task A_servant_on_an_action_cannot_be_deleted_and_an_unused_one_can()
    {
        var control = await app.LoginAsync(InternalControl);
        var usedId = await CreateServantAsync(control, "Servidor em uso", Unique("U"));
        var freeId = await CreateServantAsync(control, "Servidor livre", Unique("L"));
        await app.CreateActionAsync("Ação de servidor em uso", a => { a.ResponsibleUserId = null; a.ResponsibleServantId = usedId; });

        using (var response = await SispmpiAppFactory.PostFormAsync(control, $"/usuarios/servidores/{usedId}?handler=Delete",
            new Dictionary<string, string>(), formPage: $"/usuarios/servidores/{usedId}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.Servants.AnyAsync(s => s.Id == usedId))).ShouldBeTrue();
        (await SispmpiAppFactory.GetDocumentAsync(control, $"/usuarios/servidores/{usedId}")).Body!.TextContent
            .ShouldContain("O servidor não pode ser excluído");

        using (var response = await SispmpiAppFactory.PostFormAsync(control, $"/usuarios/servidores/{freeId}?handler=Delete",
            new Dictionary<string, string>(), formPage: $"/usuarios/servidores/{freeId}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.Servants.AnyAsync(s => s.Id == freeId))).ShouldBeFalse();
    }
}
