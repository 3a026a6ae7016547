using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Evaluation.Activities;
using Sispmpi.Web.Features.Evaluation.Indicators;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Monitoring.Report;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Pdf;

namespace Sispmpi.Web.Features.Evaluation.Report;

/// <summary>Internal control's recommendations about one action of the plan.</summary>
public sealed record ActionRecommendations(string Number, string Title, IReadOnlyList<Recommendation> Recommendations);

/// <summary>Everything the internal-control report of one plan and one year shows, loaded once.</summary>
public sealed record ControlReportData(
    PlanIndicators Indicators,
    int Year,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ActionRecommendations> ByAction,
    IReadOnlyList<Recommendation> General,
    IReadOnlyList<IntegrityActivity> Activities,
    IReadOnlyList<UpdateRequest> UpdateRequests)
{
    public IntegrityPlan Plan => Indicators.Plan;

    public string OrganizationName => Indicators.OrganizationName;

    public DateOnly IssuedOn => MonitoringReport.BrasiliaDate(GeneratedAt);

    public decimal TotalHours => Activities.Sum(a => a.Hours);

    public IEnumerable<Recommendation> AllRecommendations => ByAction.SelectMany(a => a.Recommendations).Concat(General);
}

/// <summary>
/// The internal-control report of a plan for one year (SPEC §3.4): the plan's effectiveness indicators, internal
/// control's recommendations with their answers, the log of integrity-promotion activities of the year with its total
/// hours, and the requests to update the plan with their decisions — a PDF that internal control signs. The query
/// filters apply: a plan of another organization is simply not found.
/// </summary>
/// <remarks>
/// <para>The indicators are those of the day of issue (the system keeps no snapshot of an action's status or budget).
/// Recommendations and update requests are those open at some moment of the year: made up to its last day and not
/// answered (or decided) before its first day, all days in Brasília time. The activities are the organization's
/// activities dated in the year: the log belongs to internal control, not to one plan.</para>
/// <para>Signature: one signed document per plan and year, of kind <see cref="DocumentKind.InternalControlReport"/>,
/// whose subject id combines both (<see cref="SubjectId"/>), so that each year's report is frozen and signed on its
/// own and signing the 2026 report never touches the 2025 one.</para>
/// </remarks>
public sealed class InternalControlReport(SispmpiDbContext db, PlanIndicatorsService indicators, TimeProvider clock)
{
    public const int FirstYear = 2000;

    /// <summary>Plan ids below this fit in the signed document's subject id next to the year.</summary>
    public const int MaxPlanId = 999_999;

    /// <summary>
    /// The subject id of the signed report of <paramref name="planId"/> for <paramref name="year"/>:
    /// <c>year × 1,000,000 + plan id</c> (e.g. 2026000042 for plan 42 in 2026). It fits an int for every year up to
    /// 2146 and plan ids up to <see cref="MaxPlanId"/>; null otherwise (such a report cannot be signed).
    /// </summary>
    public static int? SubjectId(int planId, int year) =>
        planId is >= 1 and <= MaxPlanId && year is >= FirstYear and <= 2146 ? year * 1_000_000 + planId : null;

    /// <summary>The years a report may cover: from <see cref="FirstYear"/> to the current year.</summary>
    public static bool IsValidYear(int year, DateOnly today) => year >= FirstYear && year <= today.Year;

    public static string YearMessage(DateOnly today) => $"Escolha um ano de {FirstYear} a {today.Year}.";

    public static string FileBaseName(IntegrityPlan plan, int year) =>
        $"relatorio-do-controle-interno-{PlanDocuments.FileBaseName(plan)}-{year.ToString(CultureInfo.InvariantCulture)}";

    public static string SignedTitle(IntegrityPlan plan, int year)
    {
        var title = $"Relatório do controle interno {year} — {plan.Title}";
        return title.Length <= 300 ? title : title[..299] + "…";
    }

    public static string PageUrl(int planId, int year) => $"/avaliacao/planos/{planId}/relatorio?ano={year}";

    public static string PdfUrl(int planId, int year) => $"/avaliacao/planos/{planId}/relatorio.pdf?ano={year}";

    /// <summary>The report of <paramref name="year"/>, or null when the plan is not visible.</summary>
    public async Task<ControlReportData?> LoadAsync(int planId, int year, CancellationToken cancellationToken = default)
    {
        if (await indicators.LoadAsync(planId, cancellationToken) is not { } figures)
        {
            return null;
        }
        var plan = figures.Plan;

        // Open at some moment of the year: made up to its end, not closed before it began (Brasília days, applied in
        // memory: a plan has at most a few hundred recommendations and requests).
        bool OpenDuring(DateTimeOffset made, DateTimeOffset? closed) =>
            MonitoringReport.BrasiliaDate(made).Year <= year && (closed is not { } at || MonitoringReport.BrasiliaDate(at).Year >= year);

        var recommendations = (await db.Recommendations.AsNoTracking().Include(r => r.Action)
                .Where(r => r.PlanId == planId && r.Source == RecommendationSource.InternalControl)
                .ToListAsync(cancellationToken))
            .Where(r => OpenDuring(r.CreatedAt, r.AnsweredAt))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToList();
        var byAction = recommendations.Where(r => r.Action is not null)
            .GroupBy(r => r.Action!.Id)
            .Select(g => new ActionRecommendations(g.First().Action!.Number, g.First().Action!.Title, [.. g]))
            .OrderBy(a => a.Number, NumberComparer.Instance)
            .ToList();

        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var activities = await db.IntegrityActivities.AsNoTracking()
            .Where(a => a.OrganizationId == plan.OrganizationId && a.Date >= from && a.Date <= to)
            .OrderBy(a => a.Date).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

        var requests = (await db.UpdateRequests.AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(cancellationToken))
            .Where(r => OpenDuring(r.RequestedAt, r.DecidedAt))
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .ToList();

        return new ControlReportData(figures, year, clock.GetUtcNow(), byAction, [.. recommendations.Where(r => r.ActionId is null)],
            activities, requests);
    }

    /// <summary>The report as PDF.</summary>
    public static byte[] Pdf(ControlReportData data) => PdfWriter.Render(InternalControlReportDocument.Build(data));

    /// <summary>Orders action numbers such as "1.2" and "1.10" by their numeric parts.</summary>
    private sealed class NumberComparer : IComparer<string>
    {
        public static readonly NumberComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var (a, b) = (Parts(x), Parts(y));
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                if (a[i] != b[i])
                {
                    return a[i].CompareTo(b[i]);
                }
            }
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(x, y);
        }

        private static int[] Parts(string? number) =>
            [.. (number ?? "").Split('.').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)];
    }
}

/// <summary>Builds the internal-control report as a neutral <see cref="OfficialDocument"/>.</summary>
internal static class InternalControlReportDocument
{
    public static OfficialDocument Build(ControlReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plan = data.Plan;
        var year = data.Year;
        var period = $"01/01/{year} a 31/12/{year}";
        var body = new List<Block>
        {
            new Heading(1, "Sobre este relatório"),
            new Paragraph($"Relatório do controle interno sobre o {plan.Title}, de {data.OrganizationName}, referente ao ano de {year}. " +
                "Reúne os indicadores de efetividade do plano, as recomendações do controle interno com as respostas recebidas, " +
                "o registro das atividades de promoção da integridade e as solicitações de atualização do plano com as decisões."),
            new Paragraph(
                $"Os indicadores refletem a situação registrada de cada ação na data de emissão ({Labels.Date(data.IssuedOn)}). " +
                $"As recomendações e as solicitações de atualização são as que estiveram em aberto em algum momento do ano: feitas até 31/12/{year} " +
                $"e não respondidas (ou decididas) antes de 01/01/{year}, com a resposta ou a decisão registrada até a emissão. " +
                $"As atividades são as realizadas pelo controle interno do órgão de {period}. Datas no horário de Brasília.",
                TextStyle.Small),
        };
        AddSummary(body, data);
        AddIndicators(body, data);
        AddRecommendations(body, data);
        AddActivities(body, data);
        AddUpdateRequests(body, data);

        return new OfficialDocument(
            new DocumentInfo(InternalControlReport.SignedTitle(plan, year), data.OrganizationName, data.GeneratedAt, "Relatório do controle interno"),
            new TitlePage("Relatório do controle interno", $"{plan.Title} · edição {plan.Edition} · versão {plan.Version}",
            [
                data.OrganizationName,
                $"Ano de referência: {year} ({period})",
                $"Data de emissão: {Labels.Date(data.IssuedOn)}",
            ]),
            body);
    }

    private static void AddSummary(List<Block> body, ControlReportData data)
    {
        var recommendations = data.AllRecommendations.ToList();
        var unanswered = recommendations.Count(r => !r.IsAnswered);
        body.Add(new Heading(1, "Resumo"));
        body.Add(new FieldList(
        [
            new("Plano", $"{data.Plan.Title} — edição {data.Plan.Edition}, versão {data.Plan.Version}"),
            new("Situação do plano", Labels.Of(data.Plan.Status)),
            new("Vigência", $"{Labels.Date(data.Plan.ValidFrom)} a {Labels.Date(data.Plan.ValidTo)}"),
            new("Ano de referência", $"{data.Year}"),
            new("Recomendações do controle interno", $"{recommendations.Count} ({unanswered} sem resposta)"),
            new("Atividades de promoção da integridade", $"{data.Activities.Count}, com {ActivityRules.HoursText(data.TotalHours)}"),
            new("Solicitações de atualização do plano", $"{data.UpdateRequests.Count}"),
        ]));
    }

    private static void AddIndicators(List<Block> body, ControlReportData data)
    {
        var figures = data.Indicators.Overall;
        body.Add(new Heading(1, "Indicadores de efetividade"));
        if (figures.Actions == 0)
        {
            body.Add(new Paragraph("O plano não tem ações: não há indicadores a calcular."));
            return;
        }
        body.Add(new FieldList(
        [
            new("Ações do plano", $"{figures.Actions} ({figures.Concluded} {(figures.Concluded == 1 ? "concluída" : "concluídas")})"),
            new("Execução do plano (% concluídas)", IndicatorText.Share(data.Indicators.ConcludedShare, "Não se aplica (todas as ações descontinuadas)")),
            new("Concluídas no prazo", IndicatorText.OnTime(figures)),
            new("Atraso médio", IndicatorText.Days(figures.MeanDelayDays)),
            new("Ações pontuais atrasadas", $"{figures.LateOpen}"),
            new("Orçamento previsto", Labels.Money(figures.PlannedBudget)),
            new("Orçamento executado", $"{Labels.Money(figures.BudgetSpent)} ({IndicatorText.Budget(figures)} do previsto)"),
        ]));
        body.Add(new Heading(2, "Como os indicadores são calculados"));
        body.Add(new BulletList(
        [
            $"Concluídas no prazo: {IndicatorText.OnTimeDefinition}",
            $"Atraso médio: {IndicatorText.MeanDelayDefinition}",
            $"Ações pontuais atrasadas: {IndicatorText.LateOpenDefinition}",
            $"Execução por eixo (% concluídas): {IndicatorText.AxisDefinition}",
            $"Orçamento executado: {IndicatorText.BudgetDefinition}",
        ]));
        if (data.Indicators.Axes.Count == 0)
        {
            return;
        }
        body.Add(new Heading(2, "Execução por eixo"));
        body.Add(new Table(
            [
                new("Eixo", 3.4), new("Ações", 0.9, Alignment.Right), new("Concluídas", 1.1, Alignment.Right),
                new("% concluídas", 1.2, Alignment.Right), new("No prazo", 1.1, Alignment.Right), new("Atraso médio", 1.3, Alignment.Right),
            ],
            [
                .. data.Indicators.Axes.Select(a => (IReadOnlyList<string>)
                [
                    IndicatorText.AxisLabel(a.Axis), $"{a.Figures.Actions}", $"{a.Figures.Concluded}", IndicatorText.Share(a.ConcludedShare, "—"),
                    IndicatorText.Share(a.Figures.OnTimeShare, "—"), a.Figures.MeanDelayDays is null ? "—" : IndicatorText.Days(a.Figures.MeanDelayDays),
                ]),
                [
                    "Plano", $"{figures.Actions}", $"{figures.Concluded}", IndicatorText.Share(data.Indicators.ConcludedShare, "—"),
                    IndicatorText.Share(figures.OnTimeShare, "—"), figures.MeanDelayDays is null ? "—" : IndicatorText.Days(figures.MeanDelayDays),
                ],
            ],
            "Execução por eixo (“—”: não se aplica)"));
        body.Add(new BarChart("Ações concluídas por eixo (%)",
            [.. data.Indicators.Axes.Select(a => new ChartItem($"Eixo {a.Axis.Number}", (double)((a.ConcludedShare ?? 0) * 100)))], "N1"));
        body.Add(new Heading(2, "Orçamento previsto e executado"));
        body.Add(new Table(
            [new("Eixo", 3.4), new("Previsto", 1.8, Alignment.Right), new("Executado", 1.8, Alignment.Right), new("% executado", 1.3, Alignment.Right)],
            [
                .. data.Indicators.Axes.Select(a => (IReadOnlyList<string>)
                [
                    IndicatorText.AxisLabel(a.Axis), Labels.Money(a.Figures.PlannedBudget), Labels.Money(a.Figures.BudgetSpent),
                    IndicatorText.Share(a.Figures.BudgetExecutionShare, "—"),
                ]),
                ["Plano", Labels.Money(figures.PlannedBudget), Labels.Money(figures.BudgetSpent), IndicatorText.Share(figures.BudgetExecutionShare, "—")],
            ],
            "Orçamento por eixo"));
    }

    private static void AddRecommendations(List<Block> body, ControlReportData data)
    {
        body.Add(new Heading(1, "Recomendações do controle interno"));
        if (!data.AllRecommendations.Any())
        {
            body.Add(new Paragraph($"Nenhuma recomendação do controle interno em aberto em {data.Year}."));
            return;
        }
        body.Add(new Heading(2, "Recomendações sobre ações do plano"));
        if (data.ByAction.Count == 0)
        {
            body.Add(new Paragraph("Nenhuma recomendação sobre ações no período."));
        }
        foreach (var action in data.ByAction)
        {
            body.Add(new Heading(3, $"Ação {action.Number} — {action.Title}"));
            body.Add(new BulletList([.. action.Recommendations.Select(Item)], Numbered: true));
        }
        body.Add(new Heading(2, "Recomendações gerais sobre o plano"));
        body.Add(data.General.Count == 0
            ? new Paragraph("Nenhuma recomendação geral no período.")
            : new BulletList([.. data.General.Select(Item)], Numbered: true));
    }

    /// <summary>One recommendation: date, text, deadline, and the answer with its date or "Sem resposta".</summary>
    private static string Item(Recommendation r) =>
        $"{Day(r.CreatedAt)}: {ReportText.Sentence(r.Text)}"
        + (r.Deadline is { } deadline ? $" Prazo: {Labels.Date(deadline)}." : " Sem prazo definido.")
        + (r.IsAnswered ? $" Resposta em {Day(r.AnsweredAt!.Value)}: {ReportText.Sentence(r.Answer ?? "")}" : " Sem resposta.");

    private static void AddActivities(List<Block> body, ControlReportData data)
    {
        body.Add(new Heading(1, "Atividades de promoção da integridade"));
        if (data.Activities.Count == 0)
        {
            body.Add(new Paragraph($"Nenhuma atividade de promoção da integridade registrada em {data.Year}."));
            return;
        }
        body.Add(new Paragraph(
            $"Total de horas dedicadas em {data.Year}: {ActivityRules.HoursText(data.TotalHours)}, em {data.Activities.Count} " +
            $"{(data.Activities.Count == 1 ? "atividade" : "atividades")}.", TextStyle.Emphasis));
        body.Add(new Table(
            [new("Data", 1.1, Alignment.Center), new("Atividade", 3.2), new("Descrição", 3.2), new("Horas", 0.9, Alignment.Right)],
            [
                .. data.Activities.Select(a => (IReadOnlyList<string>)[Labels.Date(a.Date), a.Title, a.Description ?? "—", Labels.Decimal(a.Hours)]),
                ["", "Total do ano", "", Labels.Decimal(data.TotalHours)],
            ],
            $"Atividades de {data.Year}"));
    }

    private static void AddUpdateRequests(List<Block> body, ControlReportData data)
    {
        body.Add(new Heading(1, "Solicitações de atualização do plano"));
        body.Add(data.UpdateRequests.Count == 0
            ? new Paragraph($"Nenhuma solicitação de atualização do plano em aberto em {data.Year}.")
            : new BulletList([.. data.UpdateRequests.Select(r =>
                $"{Day(r.RequestedAt)} — {Labels.Of(r.Kind)}: {ReportText.Sentence(r.Justification)} " + r.Status switch
                {
                    UpdateRequestStatus.Pending => "Situação: aguardando a decisão do controle interno.",
                    _ => $"Situação: {Labels.Of(r.Status).ToLowerInvariant()} em {(r.DecidedAt is { } at ? Day(at) : "—")}."
                         + (string.IsNullOrWhiteSpace(r.Decision) ? "" : $" Decisão: {ReportText.Sentence(r.Decision)}"),
                })], Numbered: true));
    }

    private static string Day(DateTimeOffset moment) => Labels.Date(MonitoringReport.BrasiliaDate(moment));
}
