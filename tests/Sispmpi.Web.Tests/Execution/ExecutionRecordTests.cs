using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// The execution record of an action (SPEC §3.2): the status follows the dates, dates that tell no consistent story
/// and invalid amounts are refused in Portuguese with the form shown again as typed, and nothing is saved then.
/// </summary>
public sealed class ExecutionRecordTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    /// <summary>What a refused post must leave untouched.</summary>
    private sealed record RecordState(DateOnly? StartedOn, DateOnly? ConcludedOn, DateOnly? DiscontinuedOn, string? Justification,
        decimal? Budget, string? Notes, ActionStatus Status, DateTimeOffset? LastUpdateAt);

    private Task<RecordState> StateAsync(int actionId) => app.WithDbAsync(db => db.PlanActions.AsNoTracking().Where(a => a.Id == actionId)
        .Select(a => new RecordState(a.StartedOn, a.ConcludedOn, a.DiscontinuedOn, a.DiscontinuationJustification, a.BudgetSpent,
            a.ExecutionNotes, a.Status, a.LastUpdateAt))
        .SingleAsync());

    public static TheoryData<string, string, string> InvalidRecords
    {
        get
        {
            // Each case: the fields as "field=value;…", dates as day offsets from today ("d-5"); the field expected to
            // show the error; the message.
            return new()
            {
                { "StartedOn=;ConcludedOn=d-5", "StartedOn", "Informe a data de início: uma ação só é concluída depois de iniciada." },
                { "StartedOn=d-5;ConcludedOn=d-10", "ConcludedOn", "A conclusão não pode ser anterior ao início." },
                { "StartedOn=d-10;ConcludedOn=d-5;DiscontinuedOn=d-3;DiscontinuationJustification=Absorvida", "DiscontinuedOn", "Informe a conclusão ou a descontinuação, não as duas." },
                { "StartedOn=d-10;DiscontinuedOn=d-3;DiscontinuationJustification=", "DiscontinuationJustification", "Justifique a descontinuação da ação." },
                { "StartedOn=d-10;DiscontinuedOn=d-3;DiscontinuationJustification=   ", "DiscontinuationJustification", "Justifique a descontinuação da ação." },
                { "StartedOn=d-10;DiscontinuedOn=d-12;DiscontinuationJustification=Absorvida", "DiscontinuedOn", "A descontinuação não pode ser anterior ao início." },
                { "StartedOn=d+1", "StartedOn", "A data não pode ser posterior a hoje." },
                { "StartedOn=d-5;ConcludedOn=d+3", "ConcludedOn", "A data não pode ser posterior a hoje." },
                { "StartedOn=d-5;DiscontinuedOn=d+1;DiscontinuationJustification=Absorvida", "DiscontinuedOn", "A data não pode ser posterior a hoje." },
                { "StartedOn=d-5;BudgetSpent=-10,00", "BudgetSpent", "O orçamento executado não pode ser negativo." },
                { "StartedOn=d-5;BudgetSpent=-0,01", "BudgetSpent", "O orçamento executado não pode ser negativo." },
                { "StartedOn=d-5;BudgetSpent=abc", "BudgetSpent", "O valor “abc” não é válido neste campo." },
                { "StartedOn=d-5;BudgetSpent=12a,50", "BudgetSpent", "O valor “12a,50” não é válido neste campo." },
                { "StartedOn=ontem", "StartedOn", "O valor “ontem” não é válido neste campo." },
            };
        }
    }

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task An_inconsistent_record_is_refused_in_portuguese_keeping_what_was_typed(string fields, string errorField, string message)
    {
        var actionId = await app.CreateActionAsync("Ação de teste de registro recusado", a =>
        {
            a.StartedOn = Today.AddDays(-40);
            a.BudgetSpent = 100m;
            a.ExecutionNotes = "Anotação anterior";
            a.LastUpdateAt = DateTimeOffset.UtcNow.AddDays(-20);
        });
        var before = await StateAsync(actionId);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var form = Form(fields);
        form["Record.Notes"] = "Texto digitado antes do erro";

        using var response = await SispmpiAppFactory.PostFormAsync(client, url, form);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again, not an error page");
        var page = await SispmpiAppFactory.ParseAsync(body);
        page.QuerySelector($"#Record_{errorField}-error")!.TextContent.ShouldContain(message);
        page.QuerySelector($"#Record_{errorField}")!.GetAttribute("aria-invalid").ShouldBe("true");
        // What was typed comes back, including what was wrong.
        foreach (var (name, value) in form.Where(f => f.Key is not "Record.Notes" and not "Record.DiscontinuationJustification"))
        {
            (page.QuerySelector($"#{name.Replace('.', '_')}")!.GetAttribute("value") ?? "").ShouldBe(value, name);
        }
        page.QuerySelector("#Record_Notes")!.TextContent.Trim().ShouldBe("Texto digitado antes do erro");
        page.QuerySelectorAll("button").Any(b => b.TextContent.Contains("Salvar execução")).ShouldBeTrue();

        (await StateAsync(actionId)).ShouldBe(before, "nothing is saved");
    }

    [Fact]
    public async Task A_budget_over_the_maximum_is_refused_and_nothing_is_saved()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de orçamento alto", a => a.StartedOn = Today.AddDays(-5));
        var before = await StateAsync(actionId);
        var client = await app.LoginAsync(Executor);

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"/acoes/{actionId}/execucao", new Dictionary<string, string>
        {
            ["Record.StartedOn"] = Iso(Today.AddDays(-5)), ["Record.BudgetSpent"] = "1.000.000.000.000,00",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Record_BudgetSpent-error").ShouldNotBeNull();
        page.QuerySelector("#Record_BudgetSpent")!.GetAttribute("value").ShouldBe("1.000.000.000.000,00");
        (await StateAsync(actionId)).ShouldBe(before);
    }

    [Fact]
    public async Task A_budget_over_the_maximum_is_not_called_negative()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de mensagem de orçamento", a => a.StartedOn = Today.AddDays(-5));
        var client = await app.LoginAsync(Executor);

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"/acoes/{actionId}/execucao", new Dictionary<string, string>
        {
            ["Record.StartedOn"] = Iso(Today.AddDays(-5)), ["Record.BudgetSpent"] = "1.000.000.000.000,00",
        });

        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Record_BudgetSpent-error")!.TextContent.ShouldNotContain("negativo");
    }

    [Fact]
    public async Task The_status_follows_the_dates_and_every_save_is_an_update()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de registro");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        (await StateAsync(actionId)).Status.ShouldBe(ActionStatus.NotStarted);

        // Start only: in progress.
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await SaveAsync(client, url, new()
        {
            ["Record.StartedOn"] = Iso(Today.AddDays(-10)), ["Record.BudgetSpent"] = "1.234,56",
            ["Record.Notes"] = "  Levantamento iniciado.  ", ["Record.OtherLimitingFactors"] = "Greve",
        });
        var state = await StateAsync(actionId);
        state.Status.ShouldBe(ActionStatus.InProgress);
        state.StartedOn.ShouldBe(Today.AddDays(-10));
        state.Budget.ShouldBe(1234.56m);
        state.Notes.ShouldBe("Levantamento iniciado.");
        state.LastUpdateAt!.Value.ShouldBeGreaterThan(before);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.QuerySelector("[data-status]")!.TextContent.ShouldBe("Em andamento");
        page.Body!.TextContent.ShouldContain("Execução registrada. Situação: em andamento");
        page.QuerySelector("#Record_StartedOn")!.GetAttribute("value").ShouldBe(Iso(Today.AddDays(-10)));
        page.QuerySelector("#Record_BudgetSpent")!.GetAttribute("value").ShouldBe("1.234,56");
        page.QuerySelector("[data-last-update]")!.TextContent.ShouldNotBe("—");

        // Start and conclusion on the same day as today: concluded.
        var firstUpdate = state.LastUpdateAt.Value;
        await SaveAsync(client, url, new()
        {
            ["Record.StartedOn"] = Iso(Today.AddDays(-10)), ["Record.ConcludedOn"] = Iso(Today), ["Record.BudgetSpent"] = "1.234,56",
            ["Record.Notes"] = "Concluída.",
        });
        state = await StateAsync(actionId);
        state.Status.ShouldBe(ActionStatus.Concluded);
        state.ConcludedOn.ShouldBe(Today);
        state.LastUpdateAt!.Value.ShouldBeGreaterThanOrEqualTo(firstUpdate);
        page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.QuerySelector("[data-status]")!.TextContent.ShouldBe("Concluída");
        page.QuerySelector("[data-light]")!.GetAttribute("data-light").ShouldBe("Blue");

        // Removing the conclusion takes it back to in progress.
        await SaveAsync(client, url, new() { ["Record.StartedOn"] = Iso(Today.AddDays(-10)), ["Record.BudgetSpent"] = "" });
        state = await StateAsync(actionId);
        state.Status.ShouldBe(ActionStatus.InProgress);
        state.ConcludedOn.ShouldBeNull();
        state.Budget.ShouldBeNull();
        state.Notes.ShouldBeNull();
    }

    [Fact]
    public async Task A_discontinued_action_keeps_its_justification_and_a_never_started_one_may_be_discontinued()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de descontinuação");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";

        await SaveAsync(client, url, new()
        {
            ["Record.DiscontinuedOn"] = Iso(Today.AddDays(-1)), ["Record.DiscontinuationJustification"] = "  Absorvida por projeto do Estado.  ",
        });

        var state = await StateAsync(actionId);
        state.Status.ShouldBe(ActionStatus.Discontinued);
        state.Justification.ShouldBe("Absorvida por projeto do Estado.");
        state.LastUpdateAt.ShouldNotBeNull();
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.QuerySelector("[data-status]")!.TextContent.ShouldBe("Descontinuada");
        page.QuerySelector("[data-light]")!.GetAttribute("data-light").ShouldBe("Grey");
        page.QuerySelector("#Record_DiscontinuationJustification")!.TextContent.Trim().ShouldBe("Absorvida por projeto do Estado.");

        // Started and then discontinued.
        var second = await app.CreateActionAsync("Ação de teste de descontinuação 2");
        await SaveAsync(client, $"/acoes/{second}/execucao", new()
        {
            ["Record.StartedOn"] = Iso(Today.AddDays(-30)), ["Record.DiscontinuedOn"] = Iso(Today),
            ["Record.DiscontinuationJustification"] = "Sem orçamento.",
        });
        (await StateAsync(second)).Status.ShouldBe(ActionStatus.Discontinued);
    }

    [Fact]
    public async Task Saving_the_record_unchanged_does_not_count_as_an_update()
    {
        var lastUpdate = DateTimeOffset.UtcNow.AddDays(-45);
        var actionId = await app.CreateActionAsync("Ação de teste sem mudança", a =>
        {
            a.Classification = ActionClassification.Continuous;
            a.StartedOn = Today.AddDays(-100);
            a.LastUpdateAt = lastUpdate;
        });
        var before = await StateAsync(actionId);
        var client = await app.LoginAsync(Executor);

        await SaveAsync(client, $"/acoes/{actionId}/execucao", new() { ["Record.StartedOn"] = Iso(Today.AddDays(-100)) });

        (await StateAsync(actionId)).ShouldBe(before);
    }

    [Fact]
    public async Task The_observer_cannot_write_anything_on_the_execution_tab()
    {
        var actionId = await app.DemoActionIdAsync(ActionWithEvidence);
        var before = await StateAsync(actionId);
        var evidenceBefore = await app.WithDbAsync(db => db.ActionEvidence.CountAsync(e => e.ActionId == actionId));
        var client = await app.LoginAsync(Observer);
        var url = $"/acoes/{actionId}/execucao";

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            (url, new() { ["Record.StartedOn"] = Iso(Today.AddDays(-3)), ["Record.Notes"] = "Alterado pelo observador" }),
            ($"{url}?handler=Link", new() { ["Link.Description"] = "Link do observador", ["Link.Url"] = "https://www.mg.gov.br/" }),
            ($"{url}?handler=Process", new() { ["Process.Description"] = "Processo do observador", ["Process.Number"] = "19973.011749/2025-70" }),
        };
        foreach (var (postUrl, fields) in posts)
        {
            using var response = await SispmpiAppFactory.PostFormAsync(client, postUrl, fields, url);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, postUrl);
        }
        using (var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = "Arquivo do observador" }, "Upload.File", "a.pdf", Pdf, "application/pdf", url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        var evidenceId = await app.WithDbAsync(db => db.ActionEvidence.Where(e => e.ActionId == actionId).Select(e => e.Id).FirstAsync());
        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=RemoveEvidence&evidenceId={evidenceId}",
            new Dictionary<string, string>(), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await StateAsync(actionId)).ShouldBe(before);
        (await app.WithDbAsync(db => db.ActionEvidence.CountAsync(e => e.ActionId == actionId))).ShouldBe(evidenceBefore);
    }

    [Fact]
    public async Task The_executor_is_refused_with_the_reason_on_an_action_he_does_not_answer_for()
    {
        var client = await app.LoginAsync(Executor);
        foreach (var title in NotTheExecutors)
        {
            var actionId = await app.DemoActionIdAsync(title);
            var before = await StateAsync(actionId);
            var url = $"/acoes/{actionId}/execucao";

            // He reads the tab, told why he cannot change it.
            var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
            page.QuerySelector("[data-read-only-reason]")!.TextContent.Trim()
                .ShouldBe("Somente o responsável pela ação e os servidores envolvidos registram a sua execução.");
            page.QuerySelectorAll("button").Any(b => b.TextContent.Contains("Salvar execução")).ShouldBeFalse();

            foreach (var (postUrl, fields) in new (string, Dictionary<string, string>)[]
            {
                (url, new() { ["Record.StartedOn"] = Iso(Today.AddDays(-3)) }),
                ($"{url}?handler=Link", new() { ["Link.Description"] = "Link", ["Link.Url"] = "https://www.mg.gov.br/" }),
            })
            {
                using var response = await SispmpiAppFactory.PostFormAsync(client, postUrl, fields, url);
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{title}: {postUrl}");
                var error = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
                error.Body!.TextContent.ShouldContain("Somente o responsável pela ação e os servidores envolvidos registram a sua execução.");
            }
            (await StateAsync(actionId)).ShouldBe(before, title);
        }
    }

    [Fact]
    public async Task A_participant_executor_may_record_and_the_commission_may_not()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de participante", a => a.ResponsibleUserId = null);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        using (var response = await SispmpiAppFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Record.StartedOn"] = Iso(Today) }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not responsible nor involved yet");
        }

        // The commission involves him (and may not record itself).
        var commission = await app.LoginAsync(Commission);
        var executorId = await app.UserIdAsync(Executor);
        var unitId = (await app.ActionAsync(actionId)).ExecutingUnitId!.Value;
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"/acoes/{actionId}/responsabilidade", new Dictionary<string, string>
        {
            ["Input.ResponsibleUserId"] = "", ["Input.ParticipantIds"] = executorId.ToString(), ["Input.ExecutingUnitId"] = unitId.ToString(),
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, url, new Dictionary<string, string> { ["Record.StartedOn"] = Iso(Today) }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the commission assigns, it does not record");
        }
        (await StateAsync(actionId)).Status.ShouldBe(ActionStatus.NotStarted);

        using (var response = await SispmpiAppFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Record.StartedOn"] = Iso(Today) }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await StateAsync(actionId)).Status.ShouldBe(ActionStatus.InProgress);
    }

    [Theory]
    [InlineData(PlanStatus.InPreparation, "A execução só pode ser registrada em planos publicados.")]
    [InlineData(PlanStatus.Obsolete, "Este plano está obsoleto: a execução das suas ações não pode mais ser alterada.")]
    public async Task Execution_is_recorded_only_on_published_plans(PlanStatus status, string message)
    {
        var executorId = await app.UserIdAsync(Executor);
        var actionId = await app.WithDbAsync(async db =>
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync();
            var plan = new IntegrityPlan
            {
                OrganizationId = organizationId, Title = $"Plano {status} de teste da execução", Edition = "2030", Status = status,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var axis = new PlanAxis { OrganizationId = organizationId, PlanId = plan.Id, Position = 1, Number = "1", Title = "Eixo" };
            db.PlanAxes.Add(axis);
            await db.SaveChangesAsync();
            var action = new PlanAction
            {
                OrganizationId = organizationId, PlanId = plan.Id, AxisId = axis.Id, Position = 1, Number = "1.1", ActionType = "Processo",
                Title = "Ação de plano não publicado", ResponsibleUserId = executorId,
            };
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });
        var before = await StateAsync(actionId);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";

        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.QuerySelectorAll("button").Any(b => b.TextContent.Contains("Salvar execução")).ShouldBeFalse();
        using (var response = await SispmpiAppFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Record.StartedOn"] = Iso(Today) }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync())).Body!.TextContent.ShouldContain(message);
        }
        (await StateAsync(actionId)).ShouldBe(before);
    }

    private static async Task SaveAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        using var response = await SispmpiAppFactory.PostFormAsync(client, url, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            var errors = string.Join(" | ", page.QuerySelectorAll(".feedback.danger").Select(e => e.TextContent.Trim()));
            throw new ShouldAssertException($"Saving {url} answered {(int)response.StatusCode}: {errors}");
        }
        response.Headers.Location!.OriginalString.ShouldBe(url);
    }

    /// <summary>"StartedOn=d-5;BudgetSpent=abc" → Record.StartedOn = today − 5 days (yyyy-MM-dd), Record.BudgetSpent = "abc".</summary>
    private static Dictionary<string, string> Form(string fields) => fields.Split(';').Select(f => f.Split('=', 2)).ToDictionary(
        f => "Record." + f[0],
        f => f[1].Length > 1 && f[1][0] == 'd' && f[1][1] is '-' or '+' ? Iso(Today.AddDays(int.Parse(f[1][1..]))) : f[1]);
}
