using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Auditing;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Administration;

/// <summary>
/// The central administrator's work (SPEC §3.5): catalogs, profile grants and plan reopening each leave their
/// justification in the history, as the history page shows it; bad input answers 400 with a Portuguese message
/// next to the field and keeps what was typed; an entry in use cannot be deleted, only deactivated.
/// </summary>
public sealed class AdministrationTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Admin = "admin@demo.gov.br";

    [Fact]
    public async Task A_new_catalog_entry_and_its_rename_are_in_the_history_with_their_justifications()
    {
        using var admin = await app.LoginAsync(Admin);
        var name = "Conselho de usuários " + Guid.NewGuid().ToString("N")[..6];
        const string why = "Novo ator previsto no decreto estadual de integridade.";
        using (var created = await SispmpiAppFactory.PostFormAsync(admin, "/catalogos?tipo=partes-interessadas&handler=Create",
                   new Dictionary<string, string> { ["Name"] = name, ["Justification"] = why }, formPage: "/catalogos?tipo=partes-interessadas"))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var list = await SispmpiAppFactory.GetDocumentAsync(admin, "/catalogos?tipo=partes-interessadas");
        var row = list.QuerySelectorAll("tr[data-item]").Single(r => r.TextContent.Contains(name));
        var id = row.GetAttribute("data-item")!;
        var last = list.QuerySelectorAll("tr[data-item]").Last();
        last.GetAttribute("data-item").ShouldBe(id, "a new entry goes to the end of its catalog");

        var renamed = name + " (renomeado)";
        const string renameWhy = "Nome oficial publicado no Diário Oficial.";
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, $"/catalogos/itens/{id}",
                   new Dictionary<string, string> { ["Name"] = renamed, ["Justification"] = renameWhy }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var history = await SispmpiAppFactory.GetDocumentAsync(admin, $"/historico?entidade=CatalogItem&registro={id}");
        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        rows.ShouldContain(r => r[3] == "Inclusão" && r[6].Contains(name) && r[7] == why);
        rows.ShouldContain(r => r[4] == "Name" && r[5] == name && r[6] == renamed && r[7] == renameWhy);
        rows.ShouldAllBe(r => r[1] == "Ana Administradora");
    }

    [Fact]
    public async Task Bad_catalog_input_answers_400_in_portuguese_keeps_what_was_typed_and_saves_nothing()
    {
        using var admin = await app.LoginAsync(Admin);
        var before = await app.WithDbAsync(db => db.CatalogItems.CountAsync());

        using (var response = await SispmpiAppFactory.PostFormAsync(admin, "/catalogos?tipo=tipos-de-acao&handler=Create",
                   new Dictionary<string, string> { ["Name"] = "Auditoria contínua", ["Justification"] = "curta" }, formPage: "/catalogos?tipo=tipos-de-acao"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            FieldMessage(page, "Justification").ShouldContain("Informe a justificativa (pelo menos 10 caracteres)");
            page.QuerySelector("input[name='Name']")!.GetAttribute("value").ShouldBe("Auditoria contínua");
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, "/catalogos?tipo=tipos-de-acao&handler=Create",
                   new Dictionary<string, string> { ["Name"] = "Processo", ["Justification"] = "Justificativa suficiente para o teste." },
                   formPage: "/catalogos?tipo=tipos-de-acao"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            FieldMessage(await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync()), "Name")
                .ShouldContain("Já existe um item com este nome neste catálogo.");
        }
        (await app.WithDbAsync(db => db.CatalogItems.CountAsync())).ShouldBe(before);

        var id = await ItemIdAsync(CatalogKind.ActionType, "Normativo");
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, $"/catalogos/itens/{id}",
                   new Dictionary<string, string> { ["Name"] = "", ["Justification"] = "" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            FieldMessage(page, "Name").ShouldContain("Informe o nome do item.");
        }
        (await app.WithDbAsync(db => db.CatalogItems.SingleAsync(c => c.Id == id))).Name.ShouldBe("Normativo");
        (await admin.GetAsync("/catalogos?tipo=nao-existe")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_entry_in_use_cannot_be_deleted_but_is_deactivated_with_its_justification()
    {
        using var admin = await app.LoginAsync(Admin);
        // The demo plan's actions are of type "Processo".
        var id = await ItemIdAsync(CatalogKind.ActionType, "Processo");
        var edit = await SispmpiAppFactory.GetDocumentAsync(admin, $"/catalogos/itens/{id}");
        int.Parse(edit.QuerySelector("[data-uses]")!.GetAttribute("data-uses")!).ShouldBeGreaterThan(0);
        edit.QuerySelector("button[formaction*='handler=Delete']").ShouldBeNull("no delete button for an entry in use");

        using (var refused = await SispmpiAppFactory.PostFormAsync(admin, $"/catalogos/itens/{id}?handler=Delete",
                   new Dictionary<string, string> { ["Justification"] = "Tentativa de excluir item em uso." }, formPage: $"/catalogos/itens/{id}"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("está em uso em");
        }
        (await app.WithDbAsync(db => db.CatalogItems.AnyAsync(c => c.Id == id))).ShouldBeTrue();

        const string why = "Tipo substituído por categorias mais específicas.";
        using (var deactivated = await SispmpiAppFactory.PostFormAsync(admin, $"/catalogos/itens/{id}?handler=Deactivate",
                   new Dictionary<string, string> { ["Justification"] = why }, formPage: $"/catalogos/itens/{id}"))
        {
            deactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var item = await app.WithDbAsync(db => db.CatalogItems.SingleAsync(c => c.Id == id));
        item.IsActive.ShouldBeFalse();
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(CatalogItem) && e.EntityId == id.ToString() && e.Field == "IsActive")
            .OrderByDescending(e => e.Id).FirstAsync());
        (entry.OldValue, entry.NewValue, entry.Justification).ShouldBe(("true", "false", why));

        using (var reactivated = await SispmpiAppFactory.PostFormAsync(admin, $"/catalogos/itens/{id}?handler=Reactivate",
                   new Dictionary<string, string> { ["Justification"] = "Tipo volta a ser usado pelas comissões." }, formPage: $"/catalogos/itens/{id}"))
        {
            reactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.CatalogItems.SingleAsync(c => c.Id == id))).IsActive.ShouldBeTrue();

        // An unused entry can be deleted, and its deletion is in the history with the justification.
        var unused = await app.WithDbAsync(async db =>
        {
            var item = new CatalogItem { Kind = CatalogKind.RiskCategory, Name = "Categoria sem uso " + Guid.NewGuid().ToString("N")[..6], Position = 99 };
            db.CatalogItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        (await SispmpiAppFactory.GetDocumentAsync(admin, $"/catalogos/itens/{unused}")).QuerySelector("button[formaction*='handler=Delete']").ShouldNotBeNull();
        using (var deleted = await SispmpiAppFactory.PostFormAsync(admin, $"/catalogos/itens/{unused}?handler=Delete",
                   new Dictionary<string, string> { ["Justification"] = "Categoria absorvida por fraude em contratações." }, formPage: $"/catalogos/itens/{unused}"))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CatalogItem) && e.EntityId == unused.ToString()
            && e.Operation == AuditOperation.Delete && e.Justification == "Categoria absorvida por fraude em contratações."))).ShouldBeTrue();
    }

    [Fact]
    public async Task Entries_move_up_and_down_in_their_catalog()
    {
        using var admin = await app.LoginAsync(Admin);
        var order = await OrderAsync(CatalogKind.LimitingFactor);
        var second = order[1];
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, "/catalogos?handler=Move",
                   new Dictionary<string, string> { ["itemId"] = second.ToString(), ["direction"] = "cima" }, formPage: "/catalogos?tipo=fatores-limitantes"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var moved = await OrderAsync(CatalogKind.LimitingFactor);
        moved.Take(2).ShouldBe([order[1], order[0]]);
        moved.Skip(2).ShouldBe(order.Skip(2));

        var page = await SispmpiAppFactory.GetDocumentAsync(admin, "/catalogos?tipo=fatores-limitantes");
        page.QuerySelectorAll("tr[data-item]").Select(r => int.Parse(r.GetAttribute("data-item")!)).ShouldBe(moved);
    }

    [Fact]
    public async Task A_profile_grant_needs_a_justification_which_the_history_keeps()
    {
        using var admin = await app.LoginAsync(Admin);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "ti@demo.gov.br").Select(u => u.Id).SingleAsync());
        using (var missing = await SispmpiAppFactory.PostFormAsync(admin, $"/usuarios/{userId}?handler=Grant",
                   new Dictionary<string, string> { ["NewProfile"] = nameof(Profile.Observer), ["GrantJustification"] = "" }, formPage: $"/usuarios/{userId}"))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            FieldMessage(await SispmpiAppFactory.ParseAsync(await missing.Content.ReadAsStringAsync()), "GrantJustification")
                .ShouldContain("Informe a justificativa (pelo menos 10 caracteres) para conceder o perfil.");
        }
        (await app.WithDbAsync(db => db.ProfileGrants.AnyAsync(g => g.UserId == userId && g.Profile == Profile.Observer))).ShouldBeFalse();

        const string why = "Acompanhar o painel de monitoramento durante a implantação.";
        using (var granted = await SispmpiAppFactory.PostFormAsync(admin, $"/usuarios/{userId}?handler=Grant",
                   new Dictionary<string, string> { ["NewProfile"] = nameof(Profile.Observer), ["GrantJustification"] = why }, formPage: $"/usuarios/{userId}"))
        {
            granted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var grantId = await app.WithDbAsync(db => db.ProfileGrants.Where(g => g.UserId == userId && g.Profile == Profile.Observer).Select(g => g.Id).SingleAsync());
        var history = await SispmpiAppFactory.GetDocumentAsync(admin, $"/historico?entidade=ProfileGrant&registro={grantId}");
        history.QuerySelectorAll("tbody tr").ShouldContain(r => r.TextContent.Contains("Inclusão") && r.TextContent.Contains(why));
    }

    [Fact]
    public async Task The_panel_links_to_reopening_a_published_plan_whose_justification_the_history_shows()
    {
        using var admin = await app.LoginAsync(Admin);
        var panel = await SispmpiAppFactory.GetDocumentAsync(admin, "/painel?busca=SEPLAG");
        var link = panel.QuerySelector("a[data-reopen]").ShouldNotBeNull();
        var planId = link.GetAttribute("data-reopen")!;
        link.GetAttribute("href").ShouldBe($"/planos/{planId}/reabrir");

        const string why = "Reabertura pedida pela CGE para corrigir o cronograma do eixo 2.";
        using (var reopened = await SispmpiAppFactory.PostFormAsync(admin, $"/planos/{planId}/reabrir", new Dictionary<string, string> { ["Justification"] = why }))
        {
            reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == int.Parse(planId)).Select(p => p.Status).SingleAsync())).ShouldBe(PlanStatus.InPreparation);
        var organizationId = await app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync());
        var history = await SispmpiAppFactory.GetDocumentAsync(admin, $"/historico?organizacao={organizationId}&entidade=IntegrityPlan&registro={planId}");
        history.QuerySelectorAll("tbody tr").ShouldContain(r => r.TextContent.Contains("Status") && r.TextContent.Contains(why));
    }

    [Fact]
    public async Task Only_the_central_administrator_keeps_the_catalogs()
    {
        using var auditor = await app.LoginAsync("auditor@demo.gov.br");
        (await auditor.GetAsync("/catalogos")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await app.LoginAsync(Admin);
        var page = await SispmpiAppFactory.GetDocumentAsync(admin, "/catalogos");
        page.QuerySelectorAll(".tab-item").Length.ShouldBe(6);
        page.QuerySelectorAll("tr[data-item]").Length.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task The_network_list_shows_central_users_and_auditors_of_every_overseen_organization()
    {
        using var admin = await app.LoginAsync(Admin);
        var auditorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "auditor@demo.gov.br").Select(u => u.Id).SingleAsync());
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Admin).Select(u => u.Id).SingleAsync());
        var all = await SispmpiAppFactory.GetDocumentAsync(admin, "/usuarios/rede");
        all.QuerySelector($"tr[data-user='{auditorId}'][data-profile='InternalControl']").ShouldNotBeNull().TextContent.ShouldContain("SEPLAG");
        all.QuerySelector($"tr[data-user='{adminId}'][data-profile='CentralAdministrator']").ShouldNotBeNull();
        all.QuerySelectorAll("tr[data-profile]").ShouldAllBe(r => r.GetAttribute("data-profile") != "Executor");

        var auditors = await SispmpiAppFactory.GetDocumentAsync(admin, "/usuarios/rede?perfil=InternalControl");
        var rows = auditors.QuerySelectorAll("tr[data-profile]");
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.GetAttribute("data-profile") == "InternalControl");

        var bad = await SispmpiAppFactory.GetDocumentAsync(admin, "/usuarios/rede?perfil=Rei", HttpStatusCode.BadRequest);
        bad.QuerySelector("#perfil")!.ParentElement!.TextContent.ShouldContain("Escolha um perfil da lista.");
        using var auditor = await app.LoginAsync("auditor@demo.gov.br");
        (await auditor.GetAsync("/usuarios/rede")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<int> ItemIdAsync(CatalogKind kind, string name) =>
        app.WithDbAsync(db => db.CatalogItems.Where(c => c.Kind == kind && c.Name == name).Select(c => c.Id).SingleAsync());

    private Task<List<int>> OrderAsync(CatalogKind kind) =>
        app.WithDbAsync(db => db.CatalogItems.Where(c => c.Kind == kind).OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync());

    /// <summary>The message shown next to a field: the gov-field's feedback inside the field's own wrapper.</summary>
    private static string FieldMessage(IDocument page, string field)
    {
        var input = page.QuerySelector($"[name='{field}']") ?? throw new ShouldAssertException($"no field {field} on the page");
        var wrapper = input.Closest(".br-input, .br-select, .br-textarea, .br-checkbox") ?? input.ParentElement!;
        return wrapper.TextContent;
    }
}
