using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Monitoring;

/// <summary>
/// The monitoring committee's requests for a new version or edition of a published plan (SPEC §3.3): sent to internal
/// control with a justification, one pending at a time. Each test uses a published SEPLAG plan of its own (the demo
/// plan already has a pending request).
/// </summary>
public sealed class UpdateRequestTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Monitor = "monitor@demo.gov.br";
    private const string Auditor = "auditor@demo.gov.br";
    private const string Justification = "Incluir ações sobre contratações de tecnologia e rever os prazos do eixo 2.";

    private static string Url(int planId) => $"/monitoramento/planos/{planId}/solicitacoes";

    private Task<(int Id, string Title)> CreatePlanAsync() => app.WithDbAsync(async db =>
    {
        var organizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync();
        var plan = new IntegrityPlan
        {
            OrganizationId = organizationId, Title = $"Plano de teste de solicitações {Guid.NewGuid():N}"[..39], Edition = "2026–2027",
            Status = PlanStatus.Published, CreatedAt = DateTimeOffset.UtcNow.AddDays(-30), PublishedAt = DateTimeOffset.UtcNow.AddDays(-20),
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Id, plan.Title);
    });

    private Task<List<UpdateRequest>> RequestsAsync(int planId) =>
        app.WithDbAsync(db => db.UpdateRequests.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Id).ToListAsync());

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, int planId, string kind, string justification) =>
        SispmpiAppFactory.PostFormAsync(client, Url(planId), new Dictionary<string, string>
        {
            ["Input.Kind"] = kind, ["Input.Justification"] = justification,
        });

    [Fact]
    public async Task The_committee_requests_a_new_version_which_waits_for_internal_control_who_is_notified()
    {
        var (planId, title) = await CreatePlanAsync();
        var monitor = await app.LoginAsync(Monitor);
        var page = await SispmpiAppFactory.GetDocumentAsync(monitor, Url(planId));
        page.QuerySelector("table[data-update-requests]").ShouldBeNull();

        using var response = await RequestAsync(monitor, planId, "NewVersion", $"  {Justification}  ");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(Url(planId));
        var saved = (await RequestsAsync(planId)).ShouldHaveSingleItem();
        saved.Kind.ShouldBe(UpdateKind.NewVersion);
        saved.Justification.ShouldBe(Justification);
        saved.Status.ShouldBe(UpdateRequestStatus.Pending);
        saved.RequestedById.ShouldBe(await app.UserIdAsync(Monitor));
        BrasiliaDate(saved.RequestedAt).ShouldBe(Today);

        page = await SispmpiAppFactory.GetDocumentAsync(monitor, Url(planId));
        page.Body!.TextContent.ShouldContain("Solicitação enviada ao controle interno.");
        var row = page.QuerySelectorAll("table[data-update-requests] tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("Nova versão");
        row.TextContent.ShouldContain(Justification);
        row.QuerySelector("[data-request-status]")!.GetAttribute("data-request-status").ShouldBe("Pending");
        row.QuerySelector("[data-request-status]")!.TextContent.Trim().ShouldBe("Aguardando o controle interno");
        // No second form while it waits.
        page.QuerySelector("select[name='Input.Kind']").ShouldBeNull();

        // Internal control is told, in the outbox.
        var organizationId = await app.OrganizationIdAsync("SEPLAG");
        var messages = await app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Event == "atualizacao-solicitada" && m.OrganizationId == organizationId).ToListAsync());
        var message = messages.Where(m => m.Subject.Contains(title)).ShouldHaveSingleItem();
        message.To.Split(", ").ShouldContain(Auditor);
        message.To.Split(", ").ShouldNotContain(Monitor);
        message.Subject.ShouldContain("nova versão");
        message.TextBody.ShouldContain(Justification);
    }

    [Fact]
    public async Task A_second_request_while_one_is_pending_is_refused_in_portuguese()
    {
        var (planId, _) = await CreatePlanAsync();
        var monitor = await app.LoginAsync(Monitor);
        using (var first = await RequestAsync(monitor, planId, "NewVersion", Justification))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var before = await RequestsAsync(planId);

        // A second tab, opened before the first request, posts a new edition.
        using var second = await RequestAsync(monitor, planId, "NewEdition", "Um novo ciclo do plano, com outros eixos temáticos.");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await second.Content.ReadAsStringAsync());
        page.Body!.TextContent.ShouldContain("Há uma solicitação aguardando a decisão do controle interno; uma nova só pode ser feita depois dela.");
        page.Body.TextContent.ShouldNotContain("Solicitação enviada ao controle interno.");
        (await RequestsAsync(planId)).Select(r => (r.Id, r.Kind, r.Status)).ShouldBe(before.Select(r => (r.Id, r.Kind, r.Status)));
    }

    [Fact]
    public async Task A_second_request_while_one_is_pending_shows_the_refusal_as_an_error()
    {
        var (planId, _) = await CreatePlanAsync();
        var monitor = await app.LoginAsync(Monitor);
        using (var first = await RequestAsync(monitor, planId, "NewVersion", Justification))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = await RequestAsync(monitor, planId, "NewEdition", "Um novo ciclo do plano, com outros eixos temáticos.");

        var page = await SispmpiAppFactory.ParseAsync(await second.Content.ReadAsStringAsync());
        page.QuerySelectorAll("[role=alert]").Select(a => a.TextContent)
            .ShouldContain(t => t.Contains("Já há uma solicitação aguardando a decisão do controle interno."));
    }

    public static TheoryData<string, string, string, string> InvalidRequests => new()
    {
        { "NewVersion", "Prazos curtos.", "Input_Justification", "A justificativa deve ter de 20 a 4.000 caracteres." },
        { "NewVersion", "", "Input_Justification", "Justifique a solicitação." },
        { "NewEdition", new string('x', 4001), "Input_Justification", "A justificativa deve ter de 20 a 4.000 caracteres." },
        { "", Justification, "Input_Kind", "Escolha o tipo de atualização." },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task An_incomplete_request_is_refused_in_portuguese_and_nothing_is_sent(string kind, string justification, string field, string message)
    {
        var (planId, title) = await CreatePlanAsync();
        var monitor = await app.LoginAsync(Monitor);

        using var response = await RequestAsync(monitor, planId, kind, justification);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again");
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector($"#{field}-error")!.TextContent.ShouldContain(message);
        (await RequestsAsync(planId)).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == "atualizacao-solicitada" && m.Subject.Contains(title)))).ShouldBe(0);
    }

    [Fact]
    public async Task The_observer_sees_the_requests_but_cannot_make_one()
    {
        var (planId, title) = await CreatePlanAsync();
        var observer = await app.LoginAsync(Observer);
        var page = await SispmpiAppFactory.GetDocumentAsync(observer, Url(planId));
        page.QuerySelector("select[name='Input.Kind']").ShouldBeNull();

        using var response = await RequestAsync(observer, planId, "NewVersion", Justification);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RequestsAsync(planId)).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == "atualizacao-solicitada" && m.Subject.Contains(title)))).ShouldBe(0);
    }
}
