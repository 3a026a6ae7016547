using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Evaluation;

/// <summary>
/// Internal control's decision on the monitoring committee's update requests (SPEC §3, §3.4), through the pages:
/// authorizing opens the new version in elaboration with every action carried over and linked to its origin,
/// denying keeps the justification, a decision is final, and only internal control decides.
/// </summary>
/// <remarks>
/// The demo plan's own pending request is authorized by one test only; every other test requests an update of a
/// published plan of its own (a unique edition of SEPLAG), so the tests do not depend on each other's order.
/// </remarks>
public sealed class UpdateDecisionTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Auditor = "auditor@demo.gov.br";
    private const string Monitor = "monitor@demo.gov.br";
    private const string Head = "alta@demo.gov.br";
    private const string Decisions = "/avaliacao/solicitacoes";
    private const string AlreadyDecided = "Esta solicitação já foi decidida.";

    private static string DecisionUrl(int requestId, bool authorize) =>
        $"{Decisions}?requestId={requestId}&handler={(authorize ? "Authorize" : "Deny")}";

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    private sealed record RequestState(UpdateRequestStatus Status, string? Decision, DateTimeOffset? DecidedAt, int? DecidedById, int? ResultingPlanId);

    private Task<RequestState> RequestStateAsync(int requestId) => app.WithDbAsync(db => db.UpdateRequests.AsNoTracking()
        .Where(r => r.Id == requestId).Select(r => new RequestState(r.Status, r.Decision, r.DecidedAt, r.DecidedById, r.ResultingPlanId)).SingleAsync());

    private Task<int> RevisionCountAsync(int planId) => app.WithDbAsync(db => db.Plans.CountAsync(p => p.OriginPlanId == planId));

    private Task<int> OutboxCountAsync(string @event) => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == @event));

    /// <summary>
    /// A published SEPLAG plan of its own, written straight to the database: one axis and two actions, with a unique
    /// edition so that its versions never meet another test's.
    /// </summary>
    private async Task<int> PublishedPlanAsync()
    {
        var seplag = await app.OrganizationIdAsync("SEPLAG");
        var unit = await app.UnitIdAsync("SEPLAG", "SRH");
        return await app.WithDbAsync(async db =>
        {
            var plan = new IntegrityPlan
            {
                OrganizationId = seplag, Title = Unique("Plano de teste de atualização"), Edition = Unique("T"), Status = PlanStatus.Published,
                ValidFrom = Today.AddDays(-60), ValidTo = Today.AddDays(300), CreatedAt = DateTimeOffset.UtcNow.AddDays(-90),
                PublishedAt = DateTimeOffset.UtcNow.AddDays(-60),
            };
            var axis = new PlanAxis { OrganizationId = seplag, Position = 1, Number = "1", Title = "Eixo de teste" };
            plan.Axes.Add(axis);
            for (var n = 1; n <= 2; n++)
            {
                plan.Actions.Add(new PlanAction
                {
                    OrganizationId = seplag, Axis = axis, Position = n, Number = $"1.{n}", Title = $"Ação de teste {n}", Description = "Descrição.",
                    ActionType = "Processo", Classification = ActionClassification.OneOff, ExecutingUnitId = unit,
                    PlannedStart = Today.AddDays(-30), PlannedEnd = Today.AddDays(90),
                });
            }
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
    }

    /// <summary>The monitoring committee asks for an update of <paramref name="planId"/> on its page; returns the request's id.</summary>
    private async Task<int> RequestAsync(int planId, UpdateKind kind)
    {
        var monitor = await app.LoginAsync(Monitor);
        using var response = await SispmpiAppFactory.PostFormAsync(monitor, $"/monitoramento/planos/{planId}/solicitacoes", new Dictionary<string, string>
        {
            ["Input.Kind"] = kind.ToString(),
            ["Input.Justification"] = "Rever os prazos e incluir ações de integridade nas contratações.",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.UpdateRequests.Where(r => r.PlanId == planId && r.Status == UpdateRequestStatus.Pending)
            .Select(r => r.Id).SingleAsync());
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, int requestId, bool authorize, string justification,
        string? newEdition = null, string formPage = Decisions)
    {
        var fields = new Dictionary<string, string> { ["Input.Justification"] = justification };
        if (newEdition is not null)
        {
            fields["Input.NewEdition"] = newEdition;
        }
        return SispmpiAppFactory.PostFormAsync(client, DecisionUrl(requestId, authorize), fields, formPage);
    }

    private static async Task<IDocument> PageOfAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body.Length > 2000 ? body[..2000] : body);
        return await SispmpiAppFactory.ParseAsync(body);
    }

    private static IElement Article(IDocument page, int requestId) =>
        page.QuerySelector($"article[data-update-request='{requestId}']")
        ?? throw new ShouldAssertException($"a solicitação {requestId} não aparece na página");

    [Fact]
    public async Task Authorizing_opens_version_2_in_elaboration_with_every_action_carried_over_and_tells_the_committee_and_the_commission()
    {
        var (planId, requestId) = await app.WithDbAsync(async db =>
        {
            var request = await db.UpdateRequests.SingleAsync(r => r.Plan!.Title == DemoPlanTitle && r.Status == UpdateRequestStatus.Pending);
            request.Kind.ShouldBe(UpdateKind.NewVersion, "the demo seed asks for a new version");
            return (request.PlanId, request.Id);
        });
        var original = await app.WithDbAsync(db => db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync());
        original.Count.ShouldBeGreaterThan(0);
        // Someone involved in an action besides its responsible person: the people travel with the action.
        var executorId = await app.UserIdAsync(Executor);
        await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.PlanId == planId && a.Title == NotTheExecutors[0]);
            db.ActionParticipants.Add(new Sispmpi.Web.Features.Execution.ActionParticipant
            {
                OrganizationId = action.OrganizationId, ActionId = action.Id, UserId = executorId,
            });
            await db.SaveChangesAsync();
        });
        var originalIds = original.Select(a => a.Id).ToList();
        var originalParticipants = await app.WithDbAsync(db => db.ActionParticipants.AsNoTracking()
            .Where(p => originalIds.Contains(p.ActionId)).Select(p => new { p.ActionId, p.UserId }).ToListAsync());
        var auditor = await app.LoginAsync(Auditor);
        var justification = Unique("A reorganização da secretaria justifica a revisão dos prazos");

        using (var response = await DecideAsync(auditor, requestId, authorize: true, $"  {justification}  "))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe(Decisions);
        }

        // The request: authorized, by internal control, with its justification and the new plan.
        var state = await RequestStateAsync(requestId);
        state.Status.ShouldBe(UpdateRequestStatus.Authorized);
        state.Decision.ShouldBe(justification);
        state.DecidedAt.ShouldNotBeNull();
        state.DecidedById.ShouldBe(await app.UserIdAsync(Auditor));
        var revisionId = state.ResultingPlanId.ShouldNotBeNull();

        // The new plan: version 2 of the same edition, in elaboration, derived from the published one, which stays published.
        var (source, revision) = await app.WithDbAsync(async db =>
            (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId), await db.Plans.AsNoTracking().SingleAsync(p => p.Id == revisionId)));
        revision.Status.ShouldBe(PlanStatus.InPreparation);
        revision.Version.ShouldBe(2);
        revision.Edition.ShouldBe(source.Edition);
        revision.Title.ShouldBe(source.Title);
        revision.OrganizationId.ShouldBe(source.OrganizationId);
        revision.OriginPlanId.ShouldBe(planId);
        revision.PublishedAt.ShouldBeNull();
        source.Status.ShouldBe(PlanStatus.Published, "the current plan stays published until the new one is");
        (await RevisionCountAsync(planId)).ShouldBe(1);

        // Every action carried over once, linked to its origin, with what was planned and what was done so far.
        var carried = await app.WithDbAsync(db => db.PlanActions.AsNoTracking().Include(a => a.Axis).Where(a => a.PlanId == revisionId).ToListAsync());
        carried.Count.ShouldBe(original.Count);
        carried.Select(a => a.OriginActionId).ShouldAllBe(id => id != null);
        carried.Select(a => a.OriginActionId!.Value).Order().ShouldBe(original.Select(a => a.Id).Order());
        foreach (var copy in carried)
        {
            var from = original.Single(a => a.Id == copy.OriginActionId);
            copy.Id.ShouldNotBe(from.Id);
            copy.Axis!.PlanId.ShouldBe(revisionId, $"{copy.Number}: the axis is the revision's own copy");
            (copy.Number, copy.Title, copy.ExecutingUnitId, copy.PlannedStart, copy.PlannedEnd, copy.PlannedBudget, copy.ResponsibleUserId)
                .ShouldBe((from.Number, from.Title, from.ExecutingUnitId, from.PlannedStart, from.PlannedEnd, from.PlannedBudget, from.ResponsibleUserId));
            (copy.StartedOn, copy.ConcludedOn, copy.Status).ShouldBe((from.StartedOn, from.ConcludedOn, from.Status), copy.Number);
        }
        var axes = await app.WithDbAsync(db => db.PlanAxes.AsNoTracking().Where(a => a.PlanId == revisionId).Select(a => a.Number).OrderBy(n => n).ToListAsync());
        axes.ShouldBe(await app.WithDbAsync(db => db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).Select(a => a.Number).OrderBy(n => n).ToListAsync()));
        var carriedIds = carried.Select(a => a.Id).ToList();
        var carriedParticipants = await app.WithDbAsync(db => db.ActionParticipants.AsNoTracking()
            .Where(p => carriedIds.Contains(p.ActionId)).Select(p => new { p.ActionId, p.UserId }).ToListAsync());
        carriedParticipants.Select(p => (carried.Single(a => a.Id == p.ActionId).OriginActionId!.Value, p.UserId)).Order()
            .ShouldBe(originalParticipants.Select(p => (p.ActionId, p.UserId)).Order());

        // The committee and the commission are told, through the outbox.
        var messages = await app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Event == "atualizacao-autorizada" && m.Subject.Contains(DemoPlanTitle)).ToListAsync());
        messages.Select(m => m.To).Order().ShouldBe(["comissao@demo.gov.br", "monitor@demo.gov.br"]); // one message to each of them
        var message = messages[0];
        message.Subject.ShouldBe($"SisPMPI: solicitação de atualização do {DemoPlanTitle} autorizada");
        message.TextBody.ShouldContain("O controle interno autorizou a nova versão do plano.");
        message.TextBody.ShouldContain($"Justificativa: {justification}");

        // Both sides see the decision and reach the new plan.
        var decided = Article(await SispmpiAppFactory.GetDocumentAsync(auditor, Decisions), requestId);
        decided.QuerySelector("[data-request-status]")!.TextContent.Trim().ShouldBe("Autorizada");
        decided.TextContent.ShouldContain(justification);
        decided.QuerySelector("a[data-resulting-plan]")!.GetAttribute("href").ShouldBe($"/planos/{revisionId}");
        decided.QuerySelector("form").ShouldBeNull("a decided request has no decision form");
        var monitor = await app.LoginAsync(Monitor);
        var requests = await SispmpiAppFactory.GetDocumentAsync(monitor, $"/monitoramento/planos/{planId}/solicitacoes");
        var row = requests.QuerySelectorAll("table[data-update-requests] tbody tr").Single(r => r.TextContent.Contains(justification));
        row.QuerySelector("[data-request-status]")!.TextContent.Trim().ShouldBe("Autorizada");
        row.QuerySelector($"a[href='/planos/{revisionId}']").ShouldNotBeNull();
        var newPlan = await SispmpiAppFactory.GetDocumentAsync(await app.LoginAsync(Commission), $"/planos/{revisionId}");
        var status = newPlan.QuerySelector(".sispmpi-status")!;
        status.TextContent.Trim().ShouldBe("Em elaboração");
        System.Text.RegularExpressions.Regex.Replace(status.ParentElement!.TextContent, @"\s+", " ").ShouldContain($"Edição {source.Edition} · versão 2");
    }

    [Fact]
    public async Task Authorizing_carries_the_support_units_of_each_action_over()
    {
        var planId = await PublishedPlanAsync();
        var support = await app.UnitIdAsync("SEPLAG", "ASCOM");
        var actionId = await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.Where(a => a.PlanId == planId).OrderBy(a => a.Id).FirstAsync();
            db.ActionSupportUnits.Add(new Sispmpi.Web.Features.Formulation.ActionSupportUnit
            {
                OrganizationId = action.OrganizationId, ActionId = action.Id, UnitId = support,
            });
            await db.SaveChangesAsync();
            return action.Id;
        });
        var requestId = await RequestAsync(planId, UpdateKind.NewVersion);

        using (var response = await DecideAsync(await app.LoginAsync(Auditor), requestId, authorize: true, "Revisão autorizada pelo controle interno."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var carriedId = await app.WithDbAsync(db => db.PlanActions.Where(a => a.OriginActionId == actionId).Select(a => a.Id).SingleAsync());
        (await app.WithDbAsync(db => db.ActionSupportUnits.Where(s => s.ActionId == carriedId).Select(s => s.UnitId).ToListAsync()))
            .ShouldBe(new[] { support });
    }

    /// <summary>
    /// The programme goes on (issue 19): the new version holds the commission (members and acts) and the acknowledged
    /// diagnosis, so steps 1 and 2 are done and the commission works from step 3; and every carried action keeps every field
    /// of its origin — support units, type, goal, weight, risks treated and staff.
    /// </summary>
    [Fact]
    public async Task Authorizing_opens_the_new_version_at_step_3_with_the_programme_and_every_field_of_every_action()
    {
        var planId = await PublishedPlanAsync();
        var seplag = await app.OrganizationIdAsync("SEPLAG");
        var (srh, ascom, scc) = (await app.UnitIdAsync("SEPLAG", "SRH"), await app.UnitIdAsync("SEPLAG", "ASCOM"), await app.UnitIdAsync("SEPLAG", "SCC"));
        var executorId = await app.UserIdAsync(Executor);
        var monitorId = await app.UserIdAsync(Monitor);
        // One day for the whole test: run across midnight in Brasília, a second reading of the clock would be a day later.
        var memberLeft = Today.AddDays(-100);
        await app.WithDbAsync(async db =>
        {
            db.Commissions.Add(new Sispmpi.Web.Features.Formulation.IntegrityCommission
            {
                OrganizationId = seplag, PlanId = planId, IsFormallyInstituted = true, ActType = "Resolução", ActNumber = "SEPLAG nº 7",
                ActDate = Today.AddDays(-200), StartDate = Today.AddDays(-200), PlannedDurationDays = 90,
                Members =
                [
                    new() { OrganizationId = seplag, Name = "Coordenadora do teste", UnitId = srh, Email = "coordenadora@demo.gov.br", IsCoordinator = true, Registration = "1.234.567-8" },
                    new() { OrganizationId = seplag, Name = "Membro que saiu", UnitId = scc, Email = "saiu@demo.gov.br", InactiveSince = memberLeft },
                ],
                Acts =
                [
                    new() { OrganizationId = seplag, Kind = Sispmpi.Web.Features.Formulation.CommissionActKind.DeadlineExtension, ActType = "Resolução",
                        ActNumber = "SEPLAG nº 9", ActDate = Today.AddDays(-120), ExtensionDays = 30 },
                ],
            });
            db.Diagnoses.Add(new Sispmpi.Web.Features.Formulation.Diagnosis
            {
                OrganizationId = seplag, PlanId = planId, Mission = "Missão.", Vision = "Visão.", Values = "Valores.", OrganizationalStructure = "Estrutura.",
                Competences = "Competências.", Duties = "Atribuições.", Instruments = ["Entrevistas com gestores"], MainFindings = "Achados.",
                DesiredFuture = "Futuro.", ProgramObjectives = "Objetivos.", GovernanceStructure = "Governança.", MonitoringPeriodicity = "Trimestral",
                EvaluationPeriodicity = "Anual", UpdatePeriodicity = "Bienal", CommunicationAspects = "Comunicação.", TrainingAspects = "Capacitação.",
                ThematicAxes = ["Eixo de teste"], Validated = true, AcknowledgedByName = "Henrique Secretário", AcknowledgedAt = DateTimeOffset.UtcNow.AddDays(-150),
            });
            var actions = await db.PlanActions.Where(a => a.PlanId == planId).OrderBy(a => a.Id).ToListAsync();
            (actions[0].GoalIndicator, actions[0].GoalUnit, actions[0].GoalBaseline, actions[0].GoalTarget, actions[0].Weight) = ("Servidores capacitados", "servidores", 10m, 200m, 2.5m);
            actions[0].ResponsibleUserId = executorId;
            actions[1].ActionType = "Normativo";
            actions[1].Weight = 0.5m;
            db.ActionSupportUnits.AddRange(
                new Sispmpi.Web.Features.Formulation.ActionSupportUnit { OrganizationId = seplag, ActionId = actions[0].Id, UnitId = ascom },
                new Sispmpi.Web.Features.Formulation.ActionSupportUnit { OrganizationId = seplag, ActionId = actions[0].Id, UnitId = scc },
                new Sispmpi.Web.Features.Formulation.ActionSupportUnit { OrganizationId = seplag, ActionId = actions[1].Id, UnitId = srh });
            db.ActionParticipants.AddRange(
                new Sispmpi.Web.Features.Execution.ActionParticipant { OrganizationId = seplag, ActionId = actions[0].Id, UserId = monitorId },
                new Sispmpi.Web.Features.Execution.ActionParticipant { OrganizationId = seplag, ActionId = actions[1].Id, UserId = executorId });
            var risk = new Sispmpi.Web.Features.Formulation.IntegrityRisk
            {
                OrganizationId = seplag, PlanId = planId, Category = "Nepotismo", Title = "Risco tratado pelas duas ações", Probability = 3, Impact = 4,
                ResidualProbability = 2, ResidualImpact = 3,
            };
            risk.Treatments.Add(new Sispmpi.Web.Features.Formulation.RiskTreatment { OrganizationId = seplag, ActionId = actions[0].Id });
            risk.Treatments.Add(new Sispmpi.Web.Features.Formulation.RiskTreatment { OrganizationId = seplag, ActionId = actions[1].Id });
            db.Risks.Add(risk);
            await db.SaveChangesAsync();
            return 0;
        });
        var requestId = await RequestAsync(planId, UpdateKind.NewVersion);

        using (var response = await DecideAsync(await app.LoginAsync(Auditor), requestId, authorize: true, "Revisão autorizada pelo controle interno."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var revisionId = (await RequestStateAsync(requestId)).ResultingPlanId.ShouldNotBeNull();

        // Steps 1 and 2 are done in the new version, and the plan editor (step 3) is open to the commission.
        var commission = await app.LoginAsync(Commission);
        var steps = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{revisionId}/etapas");
        foreach (var step in new[] { 1, 2 })
        {
            steps.QuerySelector($"li[data-step='{step}']")!.GetAttribute("data-state").ShouldBe("done", $"step {step}");
        }
        steps.QuerySelector("li[data-step='3']")!.GetAttribute("data-state").ShouldNotBe("blocked");
        var editor = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{revisionId}/editor");
        editor.Body!.TextContent.ShouldContain("Ação de teste 1");
        var commissionPage = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{revisionId}/etapas/comissao");
        commissionPage.QuerySelector("input[name='Input.ActNumber']")!.GetAttribute("value").ShouldBe("SEPLAG nº 7");
        commissionPage.QuerySelectorAll("tr[data-member]").Select(r => r.QuerySelector("[data-member-status]")!.TextContent.Trim())
            .ShouldBe(["Ativo", $"Inativo desde {memberLeft:dd/MM/yyyy}"]);
        commissionPage.QuerySelector("table[data-commission-acts]")!.TextContent.ShouldContain("Resolução nº SEPLAG nº 9");
        var acknowledgement = await app.WithDbAsync(db => db.Diagnoses.AsNoTracking().SingleAsync(d => d.PlanId == revisionId));
        (acknowledgement.Validated, acknowledgement.AcknowledgedByName, acknowledgement.ThematicAxes.Single()).ShouldBe((true, "Henrique Secretário", "Eixo de teste"));

        // Every field of every action, each with its origin.
        var (origins, copies) = await app.WithDbAsync(async db => (
            await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(),
            await db.PlanActions.AsNoTracking().Where(a => a.PlanId == revisionId).ToListAsync()));
        copies.Count.ShouldBe(origins.Count);
        async Task<(List<int> Units, List<int> Staff, List<string> Risks)> LinksAsync(int actionId) => await app.WithDbAsync(async db => (
            await db.ActionSupportUnits.Where(s => s.ActionId == actionId).Select(s => s.UnitId).OrderBy(u => u).ToListAsync(),
            await db.ActionParticipants.Where(p => p.ActionId == actionId).Select(p => p.UserId).OrderBy(u => u).ToListAsync(),
            await db.RiskTreatments.Where(t => t.ActionId == actionId).Select(t => db.Risks.Where(r => r.Id == t.RiskId).Select(r => r.PlanId + ":" + r.Title).Single()).ToListAsync()));
        foreach (var copy in copies)
        {
            var origin = origins.Single(a => a.Id == copy.OriginActionId);
            (copy.ActionType, copy.GoalIndicator, copy.GoalUnit, copy.GoalBaseline, copy.GoalTarget, copy.Weight, copy.ResponsibleUserId, copy.Description, copy.Classification)
                .ShouldBe((origin.ActionType, origin.GoalIndicator, origin.GoalUnit, origin.GoalBaseline, origin.GoalTarget, origin.Weight, origin.ResponsibleUserId, origin.Description, origin.Classification), copy.Number);
            var (from, to) = (await LinksAsync(origin.Id), await LinksAsync(copy.Id));
            to.Units.ShouldBe(from.Units, copy.Number);
            to.Units.ShouldNotBeEmpty();
            to.Staff.ShouldBe(from.Staff, copy.Number);
            // The risks are the new version's own register, the same risks by title.
            to.Risks.ShouldBe(from.Risks.Select(r => r.Replace($"{planId}:", $"{revisionId}:")).ToList(), copy.Number);
            to.Risks.ShouldNotBeEmpty();
        }
        copies.Single(c => c.Title == "Ação de teste 1").Weight.ShouldBe(2.5m);
    }

    /// <summary>Changing the programme in the new formulation leaves the earlier plan's programme as it was.</summary>
    [Fact]
    public async Task Changing_the_commission_of_the_new_version_keeps_the_earlier_plan_as_it_was()
    {
        var planId = await PublishedPlanAsync();
        var seplag = await app.OrganizationIdAsync("SEPLAG");
        var srh = await app.UnitIdAsync("SEPLAG", "SRH");
        await app.WithDbAsync(async db =>
        {
            db.Commissions.Add(new Sispmpi.Web.Features.Formulation.IntegrityCommission
            {
                OrganizationId = seplag, PlanId = planId, IsFormallyInstituted = false, StartDate = Today.AddDays(-200), PlannedDurationDays = 90,
                Members = [new() { OrganizationId = seplag, Name = "Coordenador anterior", UnitId = srh, Email = "anterior@demo.gov.br", IsCoordinator = true }],
            });
            return await db.SaveChangesAsync();
        });
        var requestId = await RequestAsync(planId, UpdateKind.NewVersion);
        using (var response = await DecideAsync(await app.LoginAsync(Auditor), requestId, authorize: true, "Revisão autorizada pelo controle interno."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var revisionId = (await RequestStateAsync(requestId)).ResultingPlanId.ShouldNotBeNull();
        var commission = await app.LoginAsync(Commission);
        var url = $"/planos/{revisionId}/etapas/comissao";
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{url}?handler=Act", new Dictionary<string, string>
        {
            ["Act.Kind"] = "DeadlineExtension", ["Act.ActType"] = "Portaria", ["Act.ActNumber"] = "77/2026", ["Act.ActDate"] = Today.ToString("yyyy-MM-dd"),
            ["Act.ExtensionDays"] = "45", ["Act.ActLink"] = "https://www.demo.gov.br/portaria-77",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var page = await SispmpiAppFactory.GetDocumentAsync(commission, url);
        page.QuerySelector("[data-deadline]")!.TextContent.ShouldContain(Today.AddDays(-200 + 90 + 45).ToString("dd/MM/yyyy"));
        page.QuerySelector("table[data-commission-acts] [data-act-kind]")!.TextContent.Trim().ShouldBe("Prorrogação de prazo");

        var earlier = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas/comissao");
        earlier.QuerySelector("table[data-commission-acts]").ShouldBeNull("the published plan keeps the programme as it was");
        earlier.QuerySelector("[data-deadline]")!.TextContent.ShouldContain(Today.AddDays(-110).ToString("dd/MM/yyyy"));
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId || p.Id == revisionId).Select(p => p.ProgrammeId).Distinct().CountAsync()))
            .ShouldBe(1, "both plans are cycles of the same programme");
    }

    [Fact]
    public async Task Each_decision_button_posts_to_its_own_request()
    {
        var planId = await PublishedPlanAsync();
        var requestId = await RequestAsync(planId, UpdateKind.NewVersion);

        var page = await SispmpiAppFactory.GetDocumentAsync(await app.LoginAsync(Auditor), Decisions);

        var form = Article(page, requestId).QuerySelector("form")!;
        foreach (var (label, handler) in new[] { ("Autorizar", "Authorize"), ("Negar", "Deny") })
        {
            var button = form.QuerySelectorAll("button[type=submit]").Single(b => b.TextContent.Trim() == label);
            // What a browser posts to: the button's formaction when it has one, else the form's action.
            var target = button.GetAttribute("formaction") ?? form.GetAttribute("action") ?? "";
            target.ShouldContain($"requestId={requestId}", customMessage: $"{label} posts to {target}");
            target.ShouldContain($"handler={handler}", customMessage: label);
        }
    }

    [Fact]
    public async Task Denying_keeps_the_justification_opens_no_plan_and_tells_the_committee()
    {
        var planId = await PublishedPlanAsync();
        var requestId = await RequestAsync(planId, UpdateKind.NewVersion);
        var denials = await OutboxCountAsync("atualizacao-negada");
        var auditor = await app.LoginAsync(Auditor);
        var justification = Unique("O plano atual ainda atende; reavaliar no próximo ciclo");

        using (var response = await DecideAsync(auditor, requestId, authorize: false, justification))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe(Decisions);
        }

        var state = await RequestStateAsync(requestId);
        state.Status.ShouldBe(UpdateRequestStatus.Denied);
        state.Decision.ShouldBe(justification);
        state.DecidedAt.ShouldNotBeNull();
        state.DecidedById.ShouldBe(await app.UserIdAsync(Auditor));
        state.ResultingPlanId.ShouldBeNull();
        (await RevisionCountAsync(planId)).ShouldBe(0);
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync())).ShouldBe(PlanStatus.Published);
        (await OutboxCountAsync("atualizacao-negada")).ShouldBe(denials + 2, "the committee's and the commission's member are told");
        var message = await app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .SingleAsync(m => m.Event == "atualizacao-negada" && m.To == "monitor@demo.gov.br" && m.TextBody.Contains(justification)));
        message.TextBody.ShouldContain($"Justificativa: {justification}");

        var page = await SispmpiAppFactory.GetDocumentAsync(auditor, Decisions);
        page.Body!.TextContent.ShouldContain("Solicitação negada.");
        var article = Article(page, requestId);
        article.QuerySelector("[data-request-status]")!.TextContent.Trim().ShouldBe("Negada");
        article.TextContent.ShouldContain(justification);
        article.QuerySelector("a[data-resulting-plan]").ShouldBeNull();
        var requests = await SispmpiAppFactory.GetDocumentAsync(await app.LoginAsync(Monitor), $"/monitoramento/planos/{planId}/solicitacoes");
        requests.QuerySelector("table[data-update-requests] [data-request-status]")!.TextContent.Trim().ShouldBe("Negada");
        requests.QuerySelector("table[data-update-requests]")!.TextContent.ShouldContain(justification);
    }

    [Fact]
    public async Task A_decided_request_cannot_be_decided_again_and_nothing_changes()
    {
        // One denied and one authorized request, each then decided again both ways.
        var deniedPlan = await PublishedPlanAsync();
        var denied = await RequestAsync(deniedPlan, UpdateKind.NewVersion);
        var authorizedPlan = await PublishedPlanAsync();
        var authorized = await RequestAsync(authorizedPlan, UpdateKind.NewVersion);
        var auditor = await app.LoginAsync(Auditor);
        using (var response = await DecideAsync(auditor, denied, authorize: false, "Negada na primeira decisão do controle interno."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        using (var response = await DecideAsync(auditor, authorized, authorize: true, "Autorizada na primeira decisão do controle interno."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var before = new Dictionary<int, RequestState> { [denied] = await RequestStateAsync(denied), [authorized] = await RequestStateAsync(authorized) };
        before[authorized].ResultingPlanId.ShouldNotBeNull();
        var plans = await app.WithDbAsync(db => db.Plans.CountAsync());
        var messages = await app.WithDbAsync(db => db.Outbox.CountAsync());

        foreach (var requestId in new[] { denied, authorized })
        {
            foreach (var authorize in new[] { true, false })
            {
                using var response = await DecideAsync(auditor, requestId, authorize, "Uma segunda decisão, que não deve valer.");
                var page = await PageOfAsync(response);
                page.QuerySelector("[role=alert]")!.TextContent.ShouldContain(AlreadyDecided, customMessage: $"{requestId} {authorize}");
                (await RequestStateAsync(requestId)).ShouldBe(before[requestId]);
            }
        }

        (await app.WithDbAsync(db => db.Plans.CountAsync())).ShouldBe(plans, "no second revision");
        (await RevisionCountAsync(deniedPlan)).ShouldBe(0);
        (await RevisionCountAsync(authorizedPlan)).ShouldBe(1);
        (await app.WithDbAsync(db => db.Outbox.CountAsync())).ShouldBe(messages, "nobody is told of a decision that did not happen");
    }

    [Theory]
    [InlineData("", "Justifique a decisão.")]
    [InlineData("   ", "Justifique a decisão.")]
    [InlineData("Curta.", "A justificativa deve ter de 10 a 4.000 caracteres.")]
    public async Task A_decision_without_a_justification_is_refused_in_portuguese_and_nothing_changes(string justification, string message)
    {
        var planId = await PublishedPlanAsync();
        var requestId = await RequestAsync(planId, UpdateKind.NewVersion);
        var before = await RequestStateAsync(requestId);
        var plans = await app.WithDbAsync(db => db.Plans.CountAsync());
        var auditor = await app.LoginAsync(Auditor);

        foreach (var authorize in new[] { true, false })
        {
            using var response = await DecideAsync(auditor, requestId, authorize, justification);
            var page = await PageOfAsync(response);
            var article = Article(page, requestId);
            article.QuerySelector("#Input_Justification-error")!.TextContent.Trim().ShouldBe(message);
            article.QuerySelector("textarea[name='Input.Justification']").ShouldNotBeNull("the form is shown again");
        }

        (await RequestStateAsync(requestId)).ShouldBe(before);
        before.Status.ShouldBe(UpdateRequestStatus.Pending);
        (await app.WithDbAsync(db => db.Plans.CountAsync())).ShouldBe(plans);
    }

    [Fact]
    public async Task Only_internal_control_decides_the_committee_the_executor_and_the_head_get_403()
    {
        var planId = await PublishedPlanAsync();
        var requestId = await RequestAsync(planId, UpdateKind.NewVersion);
        var before = await RequestStateAsync(requestId);

        foreach (var email in new[] { Monitor, Executor, Commission, Head })
        {
            var client = await app.LoginAsync(email);
            foreach (var authorize in new[] { true, false })
            {
                using var response = await DecideAsync(client, requestId, authorize, "Decisão de quem não é o controle interno.", formPage: "/");
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{email} {authorize}");
            }
        }
        // The head reads the requests (evaluation module) but is offered no decision.
        var head = await SispmpiAppFactory.GetDocumentAsync(await app.LoginAsync(Head), Decisions);
        Article(head, requestId).QuerySelector("form").ShouldBeNull();
        (await (await app.LoginAsync(Monitor)).GetAsync(Decisions)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await RequestStateAsync(requestId)).ShouldBe(before);
        (await RevisionCountAsync(planId)).ShouldBe(0);
    }

    [Fact]
    public async Task Internal_control_of_another_organization_does_not_find_the_request()
    {
        var planId = await PublishedPlanAsync();
        var requestId = await RequestAsync(planId, UpdateKind.NewVersion);
        var before = await RequestStateAsync(requestId);
        var outsider = await app.LoginAsync(await app.CreateUserAsync("PMOP", "Controle interno da prefeitura", Profile.InternalControl));

        Article(await SispmpiAppFactory.GetDocumentAsync(await app.LoginAsync(Auditor), Decisions), requestId).ShouldNotBeNull();
        (await SispmpiAppFactory.GetDocumentAsync(outsider, Decisions)).QuerySelector($"article[data-update-request='{requestId}']").ShouldBeNull();
        using (var response = await DecideAsync(outsider, requestId, authorize: true, "Decisão de outro órgão, que não deve valer."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await RequestStateAsync(requestId)).ShouldBe(before);
        (await RevisionCountAsync(planId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_new_edition_needs_the_new_edition_and_then_starts_at_version_1()
    {
        var planId = await PublishedPlanAsync();
        var requestId = await RequestAsync(planId, UpdateKind.NewEdition);
        var before = await RequestStateAsync(requestId);
        var plans = await app.WithDbAsync(db => db.Plans.CountAsync());
        var auditor = await app.LoginAsync(Auditor);
        Article(await SispmpiAppFactory.GetDocumentAsync(auditor, Decisions), requestId).QuerySelector("input[name='Input.NewEdition']").ShouldNotBeNull();

        foreach (var edition in new[] { "", "   " })
        {
            using var response = await DecideAsync(auditor, requestId, authorize: true, "Novo ciclo do plano, com a nova gestão.", edition);
            var page = await PageOfAsync(response);
            page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Informe a nova edição (o ciclo do novo plano, por exemplo 2027–2029).");
            Article(page, requestId).QuerySelector("input[name='Input.NewEdition']").ShouldNotBeNull("the field is shown again");
            (await RequestStateAsync(requestId)).ShouldBe(before);
            (await app.WithDbAsync(db => db.Plans.CountAsync())).ShouldBe(plans, "no plan created");
        }

        var newEdition = $"2091–2093 {Guid.NewGuid():N}"[..16];
        using (var response = await DecideAsync(auditor, requestId, authorize: true, "Novo ciclo do plano, com a nova gestão.", $" {newEdition} "))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var state = await RequestStateAsync(requestId);
        state.Status.ShouldBe(UpdateRequestStatus.Authorized);
        var revision = await app.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == state.ResultingPlanId));
        revision.Edition.ShouldBe(newEdition);
        revision.Version.ShouldBe(1);
        revision.Status.ShouldBe(PlanStatus.InPreparation);
        revision.OriginPlanId.ShouldBe(planId);
        (await app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.PlanId == revision.Id && a.OriginActionId != null))).ShouldBe(2);
    }
}
