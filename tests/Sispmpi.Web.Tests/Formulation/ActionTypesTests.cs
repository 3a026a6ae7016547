using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Tests.Api;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Formulation;

/// <summary>Issue 18 part 2 item 3: an action has one or more types, kept through the editor, the pages, the API and the catalog's counts.</summary>
public sealed class ActionTypesTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var token = page.QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new(SispmpiAppFactory.AntiforgeryField, token))));
    }

    private async Task<(int PlanId, int AxisId, int UnitId)> DraftPlanAsync(HttpClient commission)
    {
        var title = $"Plano de tipos {Guid.NewGuid():N}"[..24];
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, "/elaboracao/novo-plano",
            new Dictionary<string, string> { ["PlanTitle"] = title, ["Edition"] = $"{2030 + Random.Shared.Next(500)}-{2600}" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"/planos/{planId}/editor?handler=AddAxis",
            new Dictionary<string, string> { ["NewTitle"] = "Transparência" }, formPage: $"/planos/{planId}/editor"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var axisId = await app.WithDbAsync(db => db.PlanAxes.Where(a => a.PlanId == planId).Select(a => a.Id).SingleAsync());
        return (planId, axisId, await app.UnitIdAsync("SEPLAG", "SCC"));
    }

    private static List<KeyValuePair<string, string>> ActionFields(int axisId, int unitId, string title, params string[] types) =>
    [
        new("Input.AxisId", axisId.ToString()), new("Input.Title", title), new("Input.ExecutingUnitId", unitId.ToString()),
        new("Input.Classification", nameof(ActionClassification.OneOff)), new("Input.PlannedStart", "2027-02-01"),
        new("Input.PlannedEnd", "2027-11-30"), new("Input.Weight", "1"),
        .. types.Select(t => new KeyValuePair<string, string>("Input.ActionType", t)),
    ];

    [Fact]
    public async Task The_editor_keeps_several_types_shows_them_checked_and_refuses_none_or_an_unknown_one()
    {
        var commission = await app.LoginAsync(Commission);
        var (planId, axisId, unitId) = await DraftPlanAsync(commission);
        var url = $"/planos/{planId}/editor/acoes/nova";

        using (var response = await PostAsync(commission, url, ActionFields(axisId, unitId, "Ação sem tipo")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Escolha pelo menos um tipo para a ação.");
        }
        using (var response = await PostAsync(commission, url, ActionFields(axisId, unitId, "Ação de tipo inventado", "Processo", "Inventado")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Tipo de ação desconhecido: “Inventado”");
        }
        (await app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.PlanId == planId))).ShouldBe(0, "nothing saved");

        using (var response = await PostAsync(commission, url, ActionFields(axisId, unitId, "Ação de dois tipos", "Normativo", "Formação", "Normativo")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var action = await app.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.PlanId == planId));
        ActionTypes.Split(action.ActionType).ShouldBe(["Normativo", "Formação"]);

        var edit = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/editor/acoes/{action.Id}");
        edit.QuerySelectorAll("[data-action-types] input:checked").Select(i => i.GetAttribute("value")).ShouldBe(["Normativo", "Formação"]);
        var information = await SispmpiAppFactory.GetDocumentAsync(commission, $"/acoes/{action.Id}");
        information.Body!.TextContent.ShouldContain("Normativo; Formação");
    }

    [Fact]
    public async Task The_api_lists_each_type_and_the_catalog_counts_an_action_under_each_of_its_types()
    {
        var before = await app.WithDbAsync(db => new CatalogAdministration(db).UsesAsync(CatalogKind.ActionType, ["Sensibilização", "Formação"]));
        var actionId = await app.CreateActionAsync("Ação de três tipos", a => a.ActionType = "Sensibilização; Formação; Processo");

        var client = app.CreateTokenClient(await app.CreateTokenAsync(Observer, "SEPLAG", canWrite: false));
        using var response = await client.GetAsync($"/api/v1/actions/{actionId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("actionTypes").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Sensibilização", "Formação", "Processo"]);
        json.GetProperty("actionType").GetString().ShouldBe("Sensibilização; Formação; Processo");

        var after = await app.WithDbAsync(db => new CatalogAdministration(db).UsesAsync(CatalogKind.ActionType, ["Sensibilização", "Formação"]));
        after["Sensibilização"].ShouldBe(before.GetValueOrDefault("Sensibilização") + 1);
        after["Formação"].ShouldBe(before.GetValueOrDefault("Formação") + 1);
        (await app.WithDbAsync(db => new CatalogAdministration(db).UsesAsync(CatalogKind.ActionType, "Formação")))
            .ShouldBe(after["Formação"]);
    }

    [Fact]
    public async Task The_catalog_refuses_an_action_type_name_with_a_semicolon_which_separates_the_types()
    {
        using var admin = await app.LoginAsync("admin@demo.gov.br");
        var before = await app.WithDbAsync(db => db.CatalogItems.CountAsync());
        const string message = "O nome de um tipo de ação não pode conter \";\"";
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, "/catalogos?tipo=tipos-de-acao&handler=Create",
                   new Dictionary<string, string> { ["Name"] = "Capacitação; treinamento", ["Justification"] = "Novo tipo pedido pela rede de integridade." },
                   formPage: "/catalogos?tipo=tipos-de-acao"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.Body!.TextContent.ShouldContain(message);
            page.QuerySelector("input[name='Name']")!.GetAttribute("value").ShouldBe("Capacitação; treinamento");
        }
        (await app.WithDbAsync(db => db.CatalogItems.CountAsync())).ShouldBe(before);

        var id = await app.WithDbAsync(db => db.CatalogItems.Where(c => c.Kind == CatalogKind.ActionType && c.Name == "Normativo").Select(c => c.Id).SingleAsync());
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, $"/catalogos/itens/{id}",
                   new Dictionary<string, string> { ["Name"] = "Normativo; regulamento", ["Justification"] = "Nome mais claro para as unidades." }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync())).Body!.TextContent.ShouldContain(message);
        }
        (await app.WithDbAsync(db => db.CatalogItems.SingleAsync(c => c.Id == id))).Name.ShouldBe("Normativo");

        // Other catalogs do not join their names, so ";" stays allowed there.
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, "/catalogos?tipo=partes-interessadas&handler=Create",
                   new Dictionary<string, string> { ["Name"] = $"Conselhos; comitês {Guid.NewGuid():N}"[..30], ["Justification"] = "Partes interessadas do decreto estadual." },
                   formPage: "/catalogos?tipo=partes-interessadas"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
    }
}
