using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Auditing;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// The "Responsabilidade" tab (SPEC §1, §3.2): people are chosen among the organization's executors, the executing
/// unit among its units, and moving a published action to another unit needs a justification the history keeps.
/// </summary>
public sealed class ResponsibilityTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string JustifyMessage = "Justifique a mudança da unidade executora de uma ação de plano publicado.";

    private sealed record Assignment(int? ResponsibleUserId, int? ExecutingUnitId, int[] ParticipantIds);

    private Task<Assignment> AssignmentAsync(int actionId) => app.WithDbAsync(async db =>
    {
        var action = await db.PlanActions.AsNoTracking().SingleAsync(a => a.Id == actionId);
        var participants = await db.ActionParticipants.Where(p => p.ActionId == actionId).Select(p => p.UserId).OrderBy(id => id).ToArrayAsync();
        return new Assignment(action.ResponsibleUserId, action.ExecutingUnitId, participants);
    });

    private Task<int> HistoryCountAsync(int actionId) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(PlanAction) && e.EntityId == actionId.ToString()));

    [Fact]
    public async Task Moving_a_published_action_to_another_unit_without_a_justification_is_refused()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de unidade sem justificativa");
        var before = await AssignmentAsync(actionId);
        var historyBefore = await HistoryCountAsync(actionId);
        var newUnit = await app.UnitIdAsync("SEPLAG", "ASCOM");
        var client = await app.LoginAsync(Commission);

        foreach (var justification in new[] { "", "   " })
        {
            using var response = await SispmpiAppFactory.PostFormAsync(client, $"/acoes/{actionId}/responsabilidade",
                Form(before.ResponsibleUserId, newUnit, justification));

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector("#Input_Justification-error")!.TextContent.Trim().ShouldBe(JustifyMessage);
            page.QuerySelector("#Input_ExecutingUnitId option[selected]")!.GetAttribute("value").ShouldBe(newUnit.ToString(), "the choice is kept");
        }

        (await AssignmentAsync(actionId)).ShouldBeEquivalentTo(before);
        (await HistoryCountAsync(actionId)).ShouldBe(historyBefore);
    }

    [Fact]
    public async Task With_a_justification_the_unit_changes_and_the_history_keeps_the_justification()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de unidade justificada");
        var before = await AssignmentAsync(actionId);
        var newUnit = await app.UnitIdAsync("SEPLAG", "ASCOM");
        var client = await app.LoginAsync(Commission);
        var url = $"/acoes/{actionId}/responsabilidade";

        using (var response = await SispmpiAppFactory.PostFormAsync(client, url,
            Form(before.ResponsibleUserId, newUnit, "  Reestruturação da secretaria: a ASCOM assumiu a atividade.  ")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe(url);
        }

        (await AssignmentAsync(actionId)).ExecutingUnitId.ShouldBe(newUnit);
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(PlanAction) && e.EntityId == actionId.ToString() && e.Field == nameof(PlanAction.ExecutingUnitId))
            .SingleAsync());
        entry.Operation.ShouldBe(AuditOperation.Update);
        entry.OldValue.ShouldBe(before.ExecutingUnitId.ToString());
        entry.NewValue.ShouldBe(newUnit.ToString());
        entry.Justification!.ShouldContain("Reestruturação da secretaria: a ASCOM assumiu a atividade.");
        entry.UserName.ShouldBe("Beatriz Comissão");
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.QuerySelector("[data-responsibility]")!.TextContent.ShouldContain("Assessoria de Comunicação", Case.Insensitive);
        page.Body!.TextContent.ShouldContain("Responsabilidade pela ação atualizada.");
    }

    [Fact]
    public async Task The_responsible_person_and_the_staff_involved_must_be_executors_of_the_organization()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de responsável inválido");
        var before = await AssignmentAsync(actionId);
        var outsider = await app.UserIdAsync(await app.CreateUserAsync("PMOP", "Executor da Prefeitura", Profile.Executor));
        var notExecutors = new[] { await app.UserIdAsync(Observer), await app.UserIdAsync(Commission), outsider, 999_999 };
        var client = await app.LoginAsync(Commission);
        var url = $"/acoes/{actionId}/responsabilidade";

        var form = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var offered = form.QuerySelectorAll("#Input_ResponsibleUserId option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        offered.ShouldContain((await app.UserIdAsync(Executor)).ToString());
        offered.ShouldNotContain(notExecutors[0].ToString());
        offered.ShouldNotContain(outsider.ToString());

        foreach (var userId in notExecutors)
        {
            using (var response = await SispmpiAppFactory.PostFormAsync(client, url, Form(userId, before.ExecutingUnitId, "")))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"responsible {userId}");
                var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
                page.QuerySelector("#Input_ResponsibleUserId-error")!.TextContent.Trim().ShouldBe("Escolha o responsável entre os executores do órgão.");
            }
            var fields = Form(before.ResponsibleUserId, before.ExecutingUnitId, "");
            fields["Input.ParticipantIds"] = userId.ToString();
            using (var response = await SispmpiAppFactory.PostFormAsync(client, url, fields))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"participant {userId}");
                var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
                page.QuerySelector("#envolvidos-erro")!.TextContent.Trim().ShouldBe("Escolha os servidores envolvidos entre os executores do órgão.");
            }
        }

        (await AssignmentAsync(actionId)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task A_unit_of_another_organization_is_refused()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de unidade de outro órgão");
        var before = await AssignmentAsync(actionId);
        var prefeituraUnit = await app.WithDbAsync(db => db.AdministrativeUnits.Where(u => u.Organization!.Acronym == "PMOP").Select(u => u.Id).FirstAsync());
        var client = await app.LoginAsync(Commission);

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"/acoes/{actionId}/responsabilidade",
            Form(before.ResponsibleUserId, prefeituraUnit, "Tentativa de mover para a prefeitura."));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Input_ExecutingUnitId-error")!.TextContent.Trim().ShouldBe("Escolha uma unidade administrativa do órgão.");
        (await AssignmentAsync(actionId)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task Handing_an_action_to_another_executor_moves_the_right_to_record_it()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de troca de responsável");
        var newExecutor = await app.CreateUserAsync("SEPLAG", "Ester Executora", Profile.Executor);
        var newExecutorId = await app.UserIdAsync(newExecutor);
        var before = await AssignmentAsync(actionId);
        var record = $"/acoes/{actionId}/execucao";
        var start = new Dictionary<string, string> { ["Record.StartedOn"] = Iso(Today) };

        // The responsible executor may himself hand the action over, keeping himself involved.
        var executor = await app.LoginAsync(Executor);
        var fields = Form(newExecutorId, before.ExecutingUnitId, "");
        fields["Input.ParticipantIds"] = before.ResponsibleUserId!.Value.ToString();
        using (var response = await SispmpiAppFactory.PostFormAsync(executor, $"/acoes/{actionId}/responsabilidade", fields))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        (await AssignmentAsync(actionId)).ShouldBeEquivalentTo(new Assignment(newExecutorId, before.ExecutingUnitId, [before.ResponsibleUserId.Value]));
        var page = await SispmpiAppFactory.GetDocumentAsync(executor, $"/acoes/{actionId}/responsabilidade");
        page.QuerySelector("[data-responsible]")!.TextContent.ShouldBe("Ester Executora");
        page.QuerySelector("[data-participants]")!.TextContent.ShouldBe("Eduardo Executor");

        // Now only involved, he may still record but no longer reassign.
        using (var response = await SispmpiAppFactory.PostFormAsync(executor, record, start))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(executor, $"/acoes/{actionId}/responsabilidade",
            Form(before.ResponsibleUserId, before.ExecutingUnitId, ""), $"/acoes/{actionId}/execucao"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await AssignmentAsync(actionId)).ResponsibleUserId.ShouldBe(newExecutorId);

        // The new responsible person records it.
        var other = await app.LoginAsync(newExecutor);
        using (var response = await SispmpiAppFactory.PostFormAsync(other, record,
            new Dictionary<string, string> { ["Record.StartedOn"] = Iso(Today.AddDays(-1)) }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.ActionAsync(actionId)).StartedOn.ShouldBe(Today.AddDays(-1));
    }

    [Fact]
    public async Task An_involved_executor_refused_the_responsibility_is_told_why_in_portuguese()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de envolvido", a => a.ResponsibleUserId = null);
        var executorId = await app.UserIdAsync(Executor);
        await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            db.ActionParticipants.Add(new Sispmpi.Web.Features.Execution.ActionParticipant
            {
                OrganizationId = action.OrganizationId, ActionId = actionId, UserId = executorId,
            });
            await db.SaveChangesAsync();
        });
        var before = await AssignmentAsync(actionId);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/responsabilidade";

        using var response = await SispmpiAppFactory.PostFormAsync(client, url, Form(executorId, before.ExecutingUnitId, ""));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var error = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        error.Body!.TextContent.ShouldContain("Somente a comissão de integridade e o responsável pela ação alteram a sua responsabilidade.");
        (await AssignmentAsync(actionId)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task Only_the_commission_and_the_responsible_executor_change_the_responsibility()
    {
        var foreignActionId = await app.DemoActionIdAsync(NotTheExecutors[1]);
        var before = await AssignmentAsync(foreignActionId);
        var url = $"/acoes/{foreignActionId}/responsabilidade";
        var executorId = await app.UserIdAsync(Executor);

        // The executor reads the tab of an action he does not answer for, without the form.
        var executor = await app.LoginAsync(Executor);
        var page = await SispmpiAppFactory.GetDocumentAsync(executor, url);
        page.QuerySelector("#Input_ResponsibleUserId").ShouldBeNull();
        using (var response = await SispmpiAppFactory.PostFormAsync(executor, url, Form(executorId, before.ExecutingUnitId, "")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var error = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            error.Body!.TextContent.ShouldContain("Somente a comissão de integridade e o responsável pela ação alteram a sua responsabilidade.");
        }

        foreach (var email in new[] { Observer, "monitor@demo.gov.br", "auditor@demo.gov.br", "alta@demo.gov.br" })
        {
            var client = await app.LoginAsync(email);
            using var response = await SispmpiAppFactory.PostFormAsync(client, url, Form(executorId, before.ExecutingUnitId, ""));
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }
        (await AssignmentAsync(foreignActionId)).ShouldBeEquivalentTo(before);
    }

    private static Dictionary<string, string> Form(int? responsibleUserId, int? unitId, string justification) => new()
    {
        ["Input.ResponsibleUserId"] = responsibleUserId?.ToString() ?? "",
        ["Input.ExecutingUnitId"] = unitId?.ToString() ?? "",
        ["Input.Justification"] = justification,
    };
}
