using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Text;

namespace Sispmpi.Web.Features.Monitoring.Report;

/// <summary>
/// Builds the report's workbook: one row per action ("Ações"), then the period's evidence, recommendations, goal
/// measurements and risk assessments, each row carrying its action's number. Column headers never change, so a
/// spreadsheet built on an earlier report keeps working.
/// </summary>
internal static class MonitoringReportWorkbook
{
    public static Workbook Build(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var title = $"Relatório de monitoramento — {data.Plan.Title} (edição {data.Plan.Edition}, versão {data.Plan.Version}) — " +
            $"período: {ReportText.Period(data.Options)} — {ReportText.Scope(data)} — emitido em {Labels.Date(data.IssuedOn)}";

        var actions = new Sheet("Ações",
        [
            new("Eixo"), new("Subeixo"), new("Nº"), new("Ação"), new("Situação"), new("Farol"), new("Progresso (%)", CellKind.Percent),
            new("Início previsto", CellKind.Date), new("Término previsto", CellKind.Date), new("Início", CellKind.Date),
            new("Conclusão", CellKind.Date), new("Responsável"), new("Unidade executora"), new("Risco de não implementação"),
            new("Andamento"), new("Fatores limitantes"), new("Evidências", CellKind.Integer), new("Recomendações", CellKind.Integer),
            new("Recomendações sem resposta", CellKind.Integer),
        ],
        [
            .. data.Actions.Select(r => (IReadOnlyList<object?>)
            [
                ReportText.Axis(r.Axis), r.SubAxis is null ? null : ReportText.Axis(r.SubAxis), r.Action.Number, r.Action.Title,
                Labels.Of(r.Action.Status), ReportText.Light(r.Light), r.Action.Progress, r.Action.PlannedStart, r.Action.PlannedEnd,
                r.Action.StartedOn, r.Action.ConcludedOn, r.Responsible, r.ExecutingUnit,
                r.Action.NonImplementationRisk is { } risk ? Labels.Of(risk) : null, FormattedText.ToPlainText(r.Action.ExecutionNotes),
                r.LimitingFactors.Count == 0 ? null : string.Join("; ", r.LimitingFactors), r.Evidence.Count, r.Recommendations.Count,
                r.UnansweredRecommendations,
            ]),
        ], title);

        var evidence = new Sheet("Evidências",
        [
            new("Nº"), new("Ação"), new("Tipo"), new("Descrição"), new("Referência"), new("Incluída em", CellKind.Date),
        ],
        [
            .. data.Actions.SelectMany(r => r.Evidence.Select(e => (IReadOnlyList<object?>)
            [
                r.Action.Number, r.Action.Title, ReportText.Kind(e.Kind), e.Description, ReportText.Reference(e), e.AddedAt,
            ])),
        ], title);

        var recommendations = new Sheet("Recomendações",
        [
            new("Nº"), new("Ação"), new("Origem"), new("Recomendação"), new("Prazo", CellKind.Date), new("Feita em", CellKind.Date),
            new("Resposta"), new("Respondida em", CellKind.Date), new("Situação"),
        ],
        [
            .. data.Actions.SelectMany(r => r.Recommendations.Select(x => RecommendationRow(r.Action.Number, r.Action.Title, x))),
            .. data.GeneralRecommendations.Select(x => RecommendationRow("Geral", "Recomendação geral sobre o plano", x)),
        ], title);

        var measurements = new Sheet("Medições",
        [
            new("Nº"), new("Ação"), new("Indicador"), new("Unidade"), new("Data", CellKind.Date), new("Valor", CellKind.Decimal), new("Observação"),
        ],
        [
            .. data.Actions.SelectMany(r => r.Measurements.Select(m => (IReadOnlyList<object?>)
            [
                r.Action.Number, r.Action.Title, r.Action.GoalIndicator, r.Action.GoalUnit, m.MeasuredOn, m.Value, m.Note,
            ])),
        ], title);

        var risks = new Sheet("Avaliações de risco",
        [
            new("Nº"), new("Ação"), new("Data", CellKind.Date), new("Risco de não implementação"), new("Justificativa"),
        ],
        [
            .. data.Actions.SelectMany(r => r.RiskAssessments.Select(x => (IReadOnlyList<object?>)
            [
                r.Action.Number, r.Action.Title, x.AssessedAt, Labels.Of(x.Level), x.Rationale,
            ])),
        ], title);

        return new Workbook([actions, evidence, recommendations, measurements, risks], $"Relatório de monitoramento — {data.Plan.Title}",
            data.OrganizationName);
    }

    private static IReadOnlyList<object?> RecommendationRow(string number, string action, Recommendation r) =>
    [
        number, action, ReportText.Source(r.Source), r.Text, r.Deadline, r.CreatedAt, r.Answer, r.AnsweredAt,
        r.IsAnswered ? "Respondida" : "Sem resposta",
    ];
}
