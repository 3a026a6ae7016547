using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Documents;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Monitoring.Report.ReportFiles;

namespace Sispmpi.Web.Tests.Monitoring.Report;

/// <summary>
/// The monitoring report, full and partial, downloaded as a user would and read back with independent tools
/// (pdftotext, the Open XML SDK): the partial report holds only the chosen actions and the period's records.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MonitoringReportTests(SispmpiAppFactory app)
{
    private const string ReversedMessage = "A data final (Até) deve ser igual ou posterior à data inicial (De).";

    private static readonly string[] ActionColumns =
    [
        "Eixo", "Subeixo", "Nº", "Ação", "Situação", "Farol", "Progresso (%)", "Início previsto", "Término previsto", "Início", "Conclusão",
        "Responsável", "Unidade executora", "Risco de não implementação", "Andamento", "Fatores limitantes", "Evidências", "Recomendações",
        "Recomendações sem resposta",
    ];

    private Task<List<(int Id, string Number, string Title)>> DemoActionsAsync(int planId) =>
        app.WithDbAsync(async db => (await db.PlanActions.Where(a => a.PlanId == planId).Select(a => new { a.Id, a.Number, a.Title }).ToListAsync())
            .Select(a => (a.Id, a.Number, a.Title)).ToList());

    [Fact]
    public async Task The_full_report_pdf_has_every_action_with_status_light_narrative_and_evidence()
    {
        var planId = await app.DemoPlanIdAsync();
        var client = await app.LoginAsync(MonitorEmail);
        var text = await PdfTextAsync(client, FileUrl(planId, "pdf"), "relatorio-completo");

        text.ShouldContain("Relatório de monitoramento");
        text.ShouldContain(DemoPlanTitle);
        text.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        text.ShouldContain("Período: todo o registro, sem limite de datas");
        text.ShouldContain("Data de emissão:");
        foreach (var (_, number, title) in await DemoActionsAsync(planId))
        {
            text.ShouldContain($"Ação {number} — {title}");
        }
        text.ShouldContain("Eixo 1 —");
        text.ShouldContain("Subeixo 2.1 — Mapeamento de riscos");
        text.ShouldContain("Relatório de conclusão");
        text.ShouldContain("relatorio-de-conclusao.pdf");
        text.ShouldContain("19973.011749/2025-70");
        text.ShouldContain("Nova página publicada com agenda, diárias, contratos e remuneração, conforme a LAI.");
        text.ShouldContain("Falta de pessoal; Dependência de outra unidade; Mudança da chefia da Superintendência de Recursos Humanos.");
        text.ShouldContain("Azul — concluída");
        text.ShouldContain("Cinza — descontinuada");
        text.ShouldContain("Ações por farol");
        text.ShouldContain("Progresso do plano");
        text.ShouldContain("Recomendações gerais sobre o plano");
        text.ShouldContain("Página 1 de");
    }

    [Fact]
    public async Task The_full_report_workbook_has_one_row_per_action_and_the_evidence_with_its_action_number()
    {
        var planId = await app.DemoPlanIdAsync();
        var client = await app.LoginAsync(MonitorEmail);
        var workbook = await WorkbookAsync(client, FileUrl(planId, "xlsx"));

        workbook.Sheets.Keys.ShouldBe(["Ações", "Evidências", "Recomendações", "Medições", "Avaliações de risco"]);
        workbook.Header("Ações").ShouldBe(ActionColumns);
        var actions = await DemoActionsAsync(planId);
        workbook.Column("Ações", "Nº").ShouldBe(actions.Select(a => a.Number), ignoreOrder: true);
        workbook.Column("Ações", "Ação").ShouldContain("Reestruturar a página de transparência ativa");
        workbook.Column("Ações", "Farol").ShouldContain("Azul — concluída");

        workbook.Header("Evidências").ShouldBe(["Nº", "Ação", "Tipo", "Descrição", "Referência", "Incluída em"]);
        var concluded = actions.Single(a => a.Title == "Reestruturar a página de transparência ativa");
        workbook.Data("Evidências").ShouldContain(r => r[0] == concluded.Number && r[3] == "Relatório de conclusão");
        workbook.Header("Recomendações")[0].ShouldBe("Nº");

        // The evidence count of the concluded action matches its evidence rows.
        var numbers = workbook.Column("Ações", "Nº");
        var counts = workbook.Column("Ações", "Evidências");
        var seeded = workbook.Data("Evidências").Count(r => r[0] == concluded.Number);
        counts[numbers.IndexOf(concluded.Number)].ShouldBe($"{seeded}");
    }

    [Fact]
    public async Task A_report_of_two_chosen_actions_contains_those_two_and_no_other_action()
    {
        var planId = await app.DemoPlanIdAsync();
        var actions = await DemoActionsAsync(planId);
        var chosen = actions.Where(a => a.Title is "Reestruturar a página de transparência ativa" or "Mapear riscos de conflito de interesses na gestão de pessoas").ToList();
        chosen.Count.ShouldBe(2);
        var others = actions.Except(chosen).ToList();
        var query = $"?acoes={chosen[0].Id}&acoes={chosen[1].Id}";
        var client = await app.LoginAsync(MonitorEmail);

        var text = await PdfTextAsync(client, FileUrl(planId, "pdf", query), "relatorio-duas-acoes");
        foreach (var action in chosen)
        {
            text.ShouldContain($"Ação {action.Number} — {action.Title}");
        }
        foreach (var action in others)
        {
            text.ShouldNotContain(action.Title);
        }
        text.ShouldContain($"Abrangência: 2 de {actions.Count} ações, escolhidas");
        text.ShouldContain("Relatório de monitoramento (parcial)");
        text.ShouldContain("Relatório de conclusão");
        text.ShouldNotContain("Recomendações gerais sobre o plano");

        var workbook = await WorkbookAsync(client, FileUrl(planId, "xlsx", query));
        workbook.Column("Ações", "Nº").ShouldBe(chosen.Select(a => a.Number), ignoreOrder: true);
        workbook.Column("Evidências", "Nº").ShouldAllBe(n => chosen.Any(a => a.Number == n));
        workbook.Column("Recomendações", "Nº").ShouldAllBe(n => chosen.Any(a => a.Number == n));
        foreach (var action in others)
        {
            workbook.AllText.ShouldNotContain(action.Title);
        }
    }

    [Fact]
    public async Task A_period_keeps_only_the_records_dated_within_it_counted_in_Brasilia()
    {
        var plan = await TestPlan.CreateAsync(app);
        var client = await app.LoginAsync(MonitorEmail);
        var query = "?de=2025-03-01&ate=2025-03-31";

        var text = await PdfTextAsync(client, FileUrl(plan.Id, "pdf", query), "relatorio-periodo");
        text.ShouldContain("Período: 01/03/2025 a 31/03/2025");
        text.ShouldContain("Relatório de monitoramento (parcial)");
        foreach (var inside in plan.Inside)
        {
            text.ShouldContain(inside);
        }
        foreach (var outside in plan.Outside)
        {
            text.ShouldNotContain(outside);
        }
        // Both actions are there: the period filters records, not actions.
        text.ShouldContain($"Ação 1.1 — {plan.ActionTitles[0]}");
        text.ShouldContain($"Ação 1.1.1 — {plan.ActionTitles[1]}");

        var workbook = await WorkbookAsync(client, FileUrl(plan.Id, "xlsx", query));
        workbook.Column("Evidências", "Descrição").ShouldBe([plan.EvidenceFirstDay, plan.EvidenceLastNight], ignoreOrder: true);
        workbook.Column("Recomendações", "Recomendação").ShouldBe([plan.RecommendationInside, plan.GeneralInside], ignoreOrder: true);
        workbook.Column("Recomendações", "Resposta").ShouldContain(plan.AnswerInside);
        workbook.Column("Medições", "Observação").ShouldBe([plan.MeasurementInside]);
        workbook.Column("Avaliações de risco", "Justificativa").ShouldBe([plan.AssessmentInside]);
        workbook.Column("Ações", "Nº").ShouldBe(["1.1", "1.1.1"]);
        workbook.Column("Ações", "Recomendações sem resposta").ShouldBe(["0", "0"]);
        workbook.Sheets["Ações"][0][0].ShouldContain("período: 01/03/2025 a 31/03/2025");

        // Without the period, every record is there.
        var full = await PdfTextAsync(client, FileUrl(plan.Id, "pdf"), "relatorio-sem-periodo");
        foreach (var record in plan.Inside.Concat(plan.Outside))
        {
            full.ShouldContain(record);
        }
    }

    [Fact]
    public async Task An_open_ended_period_is_stated_and_applied()
    {
        var plan = await TestPlan.CreateAsync(app);
        var client = await app.LoginAsync(MonitorEmail);

        var text = await PdfTextAsync(client, FileUrl(plan.Id, "pdf", "?de=2025-04-01"), "relatorio-desde");
        text.ShouldContain("Período: a partir de 01/04/2025");
        text.ShouldContain(plan.EvidenceAfter);
        text.ShouldNotContain(plan.EvidenceLastNight);
        text.ShouldNotContain(plan.EvidenceFirstDay);
    }

    [Fact]
    public async Task Reversed_dates_are_refused_with_a_portuguese_message_on_the_form_and_on_the_files()
    {
        var planId = await app.DemoPlanIdAsync();
        var client = await app.LoginAsync(MonitorEmail);
        const string query = "?de=2025-06-30&ate=2025-01-01";

        var page = await SispmpiAppFactory.GetDocumentAsync(client, FormUrl(planId) + query + "&formato=pdf");
        page.QuerySelector("#ate-error")!.TextContent.Trim().ShouldBe(ReversedMessage);
        page.QuerySelector("[data-report-errors]")!.TextContent.ShouldContain(ReversedMessage);
        page.QuerySelector("#de")!.GetAttribute("value").ShouldBe("2025-06-30");
        page.QuerySelector("#ate")!.GetAttribute("value").ShouldBe("2025-01-01");

        foreach (var extension in new[] { "pdf", "xlsx" })
        {
            using var response = await client.GetAsync(FileUrl(planId, extension, query));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain(ReversedMessage);
        }
    }

    [Fact]
    public async Task A_valid_form_redirects_to_the_file_with_the_same_query()
    {
        var planId = await app.DemoPlanIdAsync();
        var actions = await DemoActionsAsync(planId);
        var client = await app.LoginAsync(MonitorEmail);

        using var response = await client.GetAsync(FormUrl(planId) + $"?de=2025-01-01&ate=2025-12-31&acoes={actions[0].Id}&acoes={actions[1].Id}&formato=xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(
            FileUrl(planId, "xlsx", $"?de=2025-01-01&ate=2025-12-31&acoes={actions[0].Id}&acoes={actions[1].Id}"));
    }

    [Fact]
    public async Task The_form_lists_every_action_grouped_by_axis_with_dates_and_two_buttons()
    {
        var planId = await app.DemoPlanIdAsync();
        var client = await app.LoginAsync(MonitorEmail);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, FormUrl(planId));

        var form = page.QuerySelector("form[data-report-form]")!;
        form.GetAttribute("method").ShouldBe("get");
        form.QuerySelector("input[type=date][name=de]").ShouldNotBeNull();
        form.QuerySelector("input[type=date][name=ate]").ShouldNotBeNull();
        var boxes = form.QuerySelectorAll("input[type=checkbox][name=acoes]").Select(b => b.GetAttribute("value")).ToList();
        boxes.ShouldBe((await DemoActionsAsync(planId)).Select(a => $"{a.Id}"), ignoreOrder: true);
        boxes.ShouldAllBe(b => form.QuerySelector($"input[value='{b}']")!.HasAttribute("checked") == false);
        var legends = form.QuerySelectorAll("legend").Select(l => l.TextContent.Trim()).ToList();
        legends.ShouldContain(l => l.StartsWith("Eixo 1 —", StringComparison.Ordinal));
        legends.ShouldContain(l => l.StartsWith("Subeixo 2.1 — Mapeamento de riscos", StringComparison.Ordinal));
        var buttons = form.QuerySelectorAll("button[type=submit]").Select(b => (b.GetAttribute("value"), b.TextContent.Trim())).ToList();
        buttons.ShouldBe([("pdf", "Gerar PDF"), ("xlsx", "Gerar planilha (XLSX)")]);
    }

    [Fact]
    public async Task An_action_that_is_not_of_the_plan_is_refused()
    {
        var planId = await app.DemoPlanIdAsync();
        var otherPlanAction = await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId != planId).Select(a => a.Id).FirstAsync());
        var client = await app.LoginAsync(MonitorEmail);

        using (var response = await client.GetAsync(FileUrl(planId, "pdf", $"?acoes={otherPlanAction}")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain($"Ações não encontradas neste plano: {otherPlanAction}.");
        }
        var page = await SispmpiAppFactory.GetDocumentAsync(client, FormUrl(planId) + $"?acoes={otherPlanAction}&formato=pdf");
        page.QuerySelector("#acoes-error")!.TextContent.ShouldContain("Ações não encontradas neste plano");
        using var notANumber = await client.GetAsync(FileUrl(planId, "xlsx", "?acoes=abc"));
        notANumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notANumber.Content.ReadAsStringAsync()).ShouldContain("não é válido");
    }

    [Fact]
    public async Task An_observer_may_download_the_report()
    {
        var planId = await app.DemoPlanIdAsync();
        var client = await app.LoginAsync(Observer);

        await SispmpiAppFactory.GetDocumentAsync(client, FormUrl(planId));
        (await PdfTextAsync(client, FileUrl(planId, "pdf"), "relatorio-observador")).ShouldContain("Relatório de monitoramento");
        (await WorkbookAsync(client, FileUrl(planId, "xlsx"))).Data("Ações").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_profile_outside_monitoring_is_forbidden()
    {
        var planId = await app.DemoPlanIdAsync();
        var client = await app.LoginAsync("executor@demo.gov.br");

        (await client.GetAsync(FormUrl(planId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync(FileUrl(planId, "pdf"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_user_of_another_organization_gets_not_found()
    {
        var planId = await app.DemoPlanIdAsync();
        var client = await app.LoginAsync(await app.CreateUserAsync("PMOP", Profile.MonitoringCommittee));

        foreach (var url in new[]
        {
            FormUrl(planId), FormUrl(planId) + "?formato=pdf", FileUrl(planId, "pdf"), FileUrl(planId, "xlsx"),
            FileUrl(planId, "pdf", "?de=2025-06-30&ate=2025-01-01"),
        })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(DemoPlanTitle);
        }
    }
}

/// <summary>
/// A plan of SEPLAG of its own, obsolete (so no dashboard or panel shows it), with one action in an axis and one in
/// a sub-axis and records dated around March 2025: on the first day, late on the last night (already April in UTC),
/// the evening before and just after midnight of April 1st in Brasília.
/// </summary>
internal sealed record TestPlan(int Id, string[] ActionTitles, string EvidenceFirstDay, string EvidenceLastNight, string EvidenceBefore,
    string EvidenceAfter, string RecommendationInside, string AnswerInside, string RecommendationOutside, string GeneralInside,
    string GeneralOutside, string MeasurementInside, string MeasurementOutside, string AssessmentInside, string AssessmentOutside)
{
    private static readonly TimeSpan _brasilia = TimeSpan.FromHours(-3);

    public string[] Inside => [EvidenceFirstDay, EvidenceLastNight, RecommendationInside, AnswerInside, GeneralInside, MeasurementInside, AssessmentInside];

    public string[] Outside => [EvidenceBefore, EvidenceAfter, RecommendationOutside, GeneralOutside, MeasurementOutside, AssessmentOutside];

    /// <summary>A moment in Brasília, stored in UTC as PostgreSQL requires.</summary>
    private static DateTimeOffset At(int month, int day, int hour, int minute) =>
        new DateTimeOffset(2025, month, day, hour, minute, 0, _brasilia).ToUniversalTime();

    public static async Task<TestPlan> CreateAsync(SispmpiAppFactory app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var data = new TestPlan(0, [$"Ação de relatório no eixo {tag}", $"Ação de relatório no subeixo {tag}"],
            $"Evidência do primeiro dia {tag}", $"Evidência da última noite {tag}", $"Evidência da véspera {tag}", $"Evidência de abril {tag}",
            $"Recomendação de março {tag}", $"Resposta de abril à recomendação {tag}", $"Recomendação de fevereiro {tag}",
            $"Recomendação geral de março {tag}", $"Recomendação geral de maio {tag}",
            $"Medição de março {tag}", $"Medição de abril {tag}", $"Avaliação de março {tag}", $"Avaliação de janeiro {tag}");
        var id = await app.WithDbAsync(async db =>
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync();
            var plan = new IntegrityPlan
            {
                OrganizationId = organizationId, Title = $"Plano de teste do relatório {tag}", Edition = "2025–2026", Status = PlanStatus.Obsolete,
                ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2026, 12, 31), CreatedAt = At(1, 1, 9, 0), PublishedAt = At(1, 2, 9, 0),
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var axis = new PlanAxis { OrganizationId = organizationId, PlanId = plan.Id, Position = 1, Number = "1", Title = $"Eixo do relatório {tag}" };
            db.PlanAxes.Add(axis);
            await db.SaveChangesAsync();
            var sub = new PlanAxis { OrganizationId = organizationId, PlanId = plan.Id, ParentId = axis.Id, Position = 1, Number = "1.1", Title = $"Subeixo do relatório {tag}" };
            db.PlanAxes.Add(sub);
            await db.SaveChangesAsync();
            PlanAction Action(PlanAxis where, string number, string title) => new()
            {
                OrganizationId = organizationId, PlanId = plan.Id, AxisId = where.Id, Position = 1, Number = number, Title = title,
                ActionType = "Processo", Classification = ActionClassification.OneOff, PlannedStart = new DateOnly(2025, 1, 10),
                PlannedEnd = new DateOnly(2025, 12, 20), StartedOn = new DateOnly(2025, 1, 15), ExecutionNotes = $"Andamento {tag}",
                GoalIndicator = "Processos mapeados", GoalUnit = "processos", GoalBaseline = 0m, GoalTarget = 10m, CurrentValue = 4m,
            };
            var first = Action(axis, "1.1", data.ActionTitles[0]);
            var second = Action(sub, "1.1.1", data.ActionTitles[1]);
            first.RefreshStatus();
            second.RefreshStatus();
            db.PlanActions.AddRange(first, second);
            await db.SaveChangesAsync();

            ActionEvidence Evidence(PlanAction action, string description, DateTimeOffset at) => new()
            {
                OrganizationId = organizationId, ActionId = action.Id, Kind = EvidenceKind.Link, Description = description,
                Url = "https://www.mg.gov.br/", AddedAt = at,
            };
            db.ActionEvidence.AddRange(
                Evidence(first, data.EvidenceFirstDay, At(3, 1, 0, 5)),
                Evidence(second, data.EvidenceLastNight, At(3, 31, 23, 30)),
                Evidence(first, data.EvidenceBefore, At(2, 28, 23, 59)),
                Evidence(second, data.EvidenceAfter, At(4, 1, 0, 30)));
            Recommendation Recommend(PlanAction? action, string text, DateTimeOffset at) => new()
            {
                OrganizationId = organizationId, PlanId = plan.Id, ActionId = action?.Id, Text = text, CreatedAt = at,
                Source = action is null ? RecommendationSource.InternalControl : RecommendationSource.MonitoringCommittee,
            };
            var answered = Recommend(first, data.RecommendationInside, At(3, 15, 10, 0));
            (answered.Answer, answered.AnsweredAt) = (data.AnswerInside, At(4, 10, 10, 0));
            db.Recommendations.AddRange(answered, Recommend(second, data.RecommendationOutside, At(2, 10, 10, 0)),
                Recommend(null, data.GeneralInside, At(3, 20, 10, 0)), Recommend(null, data.GeneralOutside, At(5, 5, 10, 0)));
            db.ActionMeasurements.AddRange(
                new ActionMeasurement { OrganizationId = organizationId, ActionId = first.Id, MeasuredOn = new DateOnly(2025, 3, 31), Value = 3m, Note = data.MeasurementInside, RecordedAt = At(3, 31, 12, 0) },
                new ActionMeasurement { OrganizationId = organizationId, ActionId = first.Id, MeasuredOn = new DateOnly(2025, 4, 1), Value = 4m, Note = data.MeasurementOutside, RecordedAt = At(4, 1, 12, 0) });
            db.RiskAssessments.AddRange(
                new RiskAssessment { OrganizationId = organizationId, ActionId = second.Id, Level = NonImplementationRisk.High, Rationale = data.AssessmentInside, AssessedAt = At(3, 5, 10, 0) },
                new RiskAssessment { OrganizationId = organizationId, ActionId = second.Id, Level = NonImplementationRisk.Low, Rationale = data.AssessmentOutside, AssessedAt = At(1, 20, 10, 0) });
            await db.SaveChangesAsync();
            return plan.Id;
        });
        return data with { Id = id };
    }
}
