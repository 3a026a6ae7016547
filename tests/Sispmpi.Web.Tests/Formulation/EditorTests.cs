using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Formulation;
using Sispmpi.Web.Features.Plans;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Formulation;

/// <summary>Step 3 through the pages: axes, sub-axes and actions, numbered by position; and the plan's life cycle.</summary>
public sealed class EditorTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private async Task<int> NewPlanAsync(string title)
    {
        var commission = await app.LoginAsync("comissao@demo.gov.br");
        using var response = await SispmpiAppFactory.PostFormAsync(commission, "/elaboracao/novo-plano",
            new Dictionary<string, string> { ["PlanTitle"] = title, ["Edition"] = $"{2030 + Random.Shared.Next(500)}-{2600}" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Plans.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
    }

    private Task<HttpResponseMessage> PostEditor(HttpClient client, int planId, string handler, Dictionary<string, string> fields) =>
        SispmpiAppFactory.PostFormAsync(client, $"/planos/{planId}/editor?handler={handler}", fields, formPage: $"/planos/{planId}/editor");

    private async Task<int> AddActionAsync(HttpClient client, int planId, int axisId, string title, string budget = "1.234,56")
    {
        var unit = await app.WithDbAsync(db => db.AdministrativeUnits.Where(u => u.Acronym == "SCC").Select(u => u.Id).SingleAsync());
        using var response = await SispmpiAppFactory.PostFormAsync(client, $"/planos/{planId}/editor/acoes/nova", new Dictionary<string, string>
        {
            ["Input.AxisId"] = axisId.ToString(), ["Input.Title"] = title, ["Input.ExecutingUnitId"] = unit.ToString(),
            ["Input.Classification"] = nameof(ActionClassification.OneOff), ["Input.ActionType"] = "Processo",
            ["Input.PlannedStart"] = "2027-02-01", ["Input.PlannedEnd"] = "2027-11-30", ["Input.PlannedBudget"] = budget, ["Input.Weight"] = "1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId == planId && a.Title == title).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public async Task The_commission_builds_the_tree_and_numbers_follow_positions()
    {
        var planId = await NewPlanAsync("Plano do editor");
        var client = await app.LoginAsync("comissao@demo.gov.br");
        foreach (var title in new[] { "Transparência", "Capacitação" })
        {
            (await PostEditor(client, planId, "AddAxis", new() { ["NewTitle"] = title })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var axes = await app.WithDbAsync(db => db.PlanAxes.Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync());
        (await PostEditor(client, planId, "AddAxis", new() { ["NewTitle"] = "Dados abertos", ["ParentAxisId"] = axes[0].Id.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sub = await app.WithDbAsync(db => db.PlanAxes.SingleAsync(a => a.PlanId == planId && a.ParentId != null));
        sub.Number.ShouldBe("1.1");

        var a1 = await AddActionAsync(client, planId, sub.Id, "Publicar contratos");
        var a2 = await AddActionAsync(client, planId, sub.Id, "Publicar convênios");
        var a3 = await AddActionAsync(client, planId, sub.Id, "Publicar diárias");
        var direct = await AddActionAsync(client, planId, axes[0].Id, "Ação direta do eixo 1");
        async Task<string> Number(int id) => await app.WithDbAsync(db => db.PlanActions.Where(a => a.Id == id).Select(a => a.Number).SingleAsync());
        (await Number(a1)).ShouldBe("1.1.1");
        (await Number(a3)).ShouldBe("1.1.3");
        (await Number(direct)).ShouldBe("1.2"); // after the axis's sub-axis 1.1

        // Move the third action up twice: it becomes 1.1.1 and the others shift.
        for (var i = 0; i < 2; i++)
        {
            (await PostEditor(client, planId, "MoveAction", new() { ["actionId"] = a3.ToString(), ["direction"] = "up" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await Number(a3)).ShouldBe("1.1.1");
        (await Number(a1)).ShouldBe("1.1.2");
        (await Number(a2)).ShouldBe("1.1.3");

        // Move axis 2 above axis 1: every number below follows.
        (await PostEditor(client, planId, "MoveAxis", new() { ["axisId"] = axes[1].Id.ToString(), ["direction"] = "up" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Number(a3)).ShouldBe("2.1.1");
        (await Number(direct)).ShouldBe("2.2");

        // Brazilian amounts are read as such, and the editor shows the axis totals.
        (await app.WithDbAsync(db => db.PlanActions.Where(a => a.Id == a1).Select(a => a.PlannedBudget).SingleAsync())).ShouldBe(1234.56m);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{planId}/editor");
        page.Body!.TextContent.ShouldContain("R$ 4.938,24");
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync())).ShouldBe(PlanStatus.InPreparation);
    }

    [Fact]
    public async Task An_invalid_action_keeps_what_was_typed_and_explains_in_portuguese()
    {
        var planId = await NewPlanAsync("Plano com erro");
        var client = await app.LoginAsync("comissao@demo.gov.br");
        (await PostEditor(client, planId, "AddAxis", new() { ["NewTitle"] = "Eixo único" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var axis = await app.WithDbAsync(db => db.PlanAxes.Where(a => a.PlanId == planId).Select(a => a.Id).SingleAsync());
        using var response = await SispmpiAppFactory.PostFormAsync(client, $"/planos/{planId}/editor/acoes/nova", new Dictionary<string, string>
        {
            ["Input.AxisId"] = axis.ToString(), ["Input.Title"] = "Ação com datas trocadas", ["Input.Classification"] = "OneOff",
            ["Input.ActionType"] = "Processo", ["Input.PlannedStart"] = "2027-05-01", ["Input.PlannedEnd"] = "2027-01-01", ["Input.Weight"] = "1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        html.QuerySelector("#Input_PlannedEnd-error")!.TextContent.ShouldContain("O término previsto deve ser igual ou posterior ao início.");
        html.QuerySelector("#Input_ExecutingUnitId-error")!.TextContent.ShouldContain("Escolha a unidade executora.");
        html.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Ação com datas trocadas");
        (await app.WithDbAsync(db => db.PlanActions.AnyAsync(a => a.PlanId == planId))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_published_plan_refuses_every_formulation_write_and_only_the_central_administrator_reopens_it()
    {
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id).SingleAsync());
        var action = await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId == planId).Select(a => a.Id).FirstAsync());
        var commission = await app.LoginAsync("comissao@demo.gov.br");
        foreach (var (url, page) in new[]
        {
            ($"/planos/{planId}/editor?handler=AddAxis", $"/planos/{planId}/editor"),
            ($"/planos/{planId}/editor?handler=MoveAction", $"/planos/{planId}/editor"),
            ($"/planos/{planId}/editor/acoes/{action}", $"/planos/{planId}/editor/acoes/{action}"),
        })
        {
            using var response = await SispmpiAppFactory.PostFormAsync(commission, url,
                new Dictionary<string, string> { ["NewTitle"] = "x", ["actionId"] = action.ToString(), ["direction"] = "up" }, formPage: page);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Este plano está publicado (ou obsoleto) e não pode ser alterado.");
        }

        (await commission.GetAsync($"/planos/{planId}/reabrir")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await app.LoginAsync("admin@demo.gov.br");
        using (var missing = await SispmpiAppFactory.PostFormAsync(admin, $"/planos/{planId}/reabrir", new Dictionary<string, string> { ["Justification"] = "curta" }))
        {
            (await missing.Content.ReadAsStringAsync()).ShouldContain("Informe a justificativa da reabertura");
        }
        const string reason = "Correção do orçamento do eixo 3 apontada pelo controle interno.";
        using (var reopened = await SispmpiAppFactory.PostFormAsync(admin, $"/planos/{planId}/reabrir", new Dictionary<string, string> { ["Justification"] = reason }))
        {
            reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync())).ShouldBe(PlanStatus.InPreparation);
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(IntegrityPlan) && e.EntityId == planId.ToString() && e.Field == "Status")
            .OrderByDescending(e => e.Id).FirstAsync());
        entry.OldValue.ShouldBe(nameof(PlanStatus.Published));
        entry.NewValue.ShouldBe(nameof(PlanStatus.InPreparation));
        entry.Justification.ShouldBe(reason);
        entry.UserName.ShouldBe("Ana Administradora");

        // Reopened, the commission may edit again.
        (await PostEditor(commission, planId, "AddAxis", new() { ["NewTitle"] = "Eixo incluído após a reabertura" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

/// <summary>Revisions carry the plan over; publishing the revision makes the old plan obsolete.</summary>
public sealed class RevisionTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task A_new_version_carries_every_action_with_a_link_to_its_origin_and_supersedes_the_old_plan_when_published()
    {
        var source = await app.WithDbAsync(db => db.Plans.SingleAsync(p => p.Title == "Plano de Integridade da SEPLAG"));
        var (revisionId, error) = await WithLifecycleAsync(l => l.CreateRevisionAsync(source.Id));
        error.ShouldBeNull();
        var (revision, originals, copies) = await app.WithDbAsync(async db => (
            await db.Plans.SingleAsync(p => p.Id == revisionId),
            await db.PlanActions.Where(a => a.PlanId == source.Id).OrderBy(a => a.Id).ToListAsync(),
            await db.PlanActions.Where(a => a.PlanId == revisionId).ToListAsync()));
        revision.Version.ShouldBe(source.Version + 1);
        revision.Edition.ShouldBe(source.Edition);
        revision.Status.ShouldBe(PlanStatus.InPreparation);
        revision.OriginPlanId.ShouldBe(source.Id);
        copies.Count.ShouldBe(originals.Count);
        foreach (var original in originals)
        {
            var copy = copies.Single(c => c.OriginActionId == original.Id);
            (copy.Number, copy.Title, copy.Status).ShouldBe((original.Number, original.Title, original.Status));
        }
        // The current plan stays published while the revision is prepared; a second revision is refused.
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == source.Id).Select(p => p.Status).SingleAsync())).ShouldBe(PlanStatus.Published);
        (await WithLifecycleAsync(l => l.CreateRevisionAsync(source.Id))).Error.ShouldBe("Já existe uma revisão deste plano em elaboração.");

        // Publishing the revision (its formalities done: validation, drafts, documents, acknowledgements; the programme came with it) makes the old one obsolete.
        await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == revisionId);
            plan.ValidatedAt = DateTimeOffset.UtcNow;
            plan.Stakeholders ??= ["Servidores"];
            (plan.ProgramDraftGeneratedAt, plan.PlanDraftGeneratedAt) = (DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
            db.PlanPublications.Add(new PlanPublication
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, ActName = "Resolução", ActNumber = "1", ActDate = new DateOnly(2026, 11, 1),
                FinalPdfKey = "publicacoes/teste", HeadAcknowledgedAt = DateTimeOffset.UtcNow, InternalControlAcknowledgedAt = DateTimeOffset.UtcNow,
                CommunicationPlanKey = "publicacoes/comunicacao", TrainingPlanKey = "publicacoes/capacitacao",
            });
            await db.SaveChangesAsync();
        });
        (await WithLifecycleAsync(l => l.PublishAsync(revisionId!.Value))).ShouldBeNull();
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == source.Id).Select(p => p.Status).SingleAsync())).ShouldBe(PlanStatus.Obsolete);
        var notices = await app.WithDbAsync(db => db.Outbox.Where(m => m.Event == "plano-publicado").ToListAsync());
        notices.Count.ShouldBe(4);
        notices.Single(m => m.TextBody.Contains("Aviso ao controle interno")).To.ShouldBe("auditor@demo.gov.br");
        notices.Single(m => m.TextBody.Contains("Aviso ao órgão central")).To.ShouldBe("admin@demo.gov.br");
        notices.Single(m => m.TextBody.Contains("Aviso ao comitê de monitoramento")).To.ShouldBe("monitor@demo.gov.br");
        notices.Single(m => m.TextBody.Contains("Aviso à comissão") || m.TextBody.Contains("Aviso ao comissão") || m.TextBody.Contains("comissão de integridade")).To.ShouldBe("comissao@demo.gov.br");
    }

    private async Task<T> WithLifecycleAsync<T>(Func<Sispmpi.Web.Features.Formulation.Lifecycle.PlanLifecycle, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<Sispmpi.Web.Infrastructure.Tenancy.TenantContext>();
        tenant.UseSystem();
        return await action(scope.ServiceProvider.GetRequiredService<Sispmpi.Web.Features.Formulation.Lifecycle.PlanLifecycle>());
    }
}
