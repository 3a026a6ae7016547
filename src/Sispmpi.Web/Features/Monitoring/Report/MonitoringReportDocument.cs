using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Text;

namespace Sispmpi.Web.Features.Monitoring.Report;

/// <summary>The words of the report that both formats use.</summary>
internal static class ReportText
{
    public static string Period(ReportOptions options) => (options.From, options.To) switch
    {
        ({ } from, { } to) => $"{Labels.Date(from)} a {Labels.Date(to)}",
        ({ } from, null) => $"a partir de {Labels.Date(from)}",
        (null, { } to) => $"até {Labels.Date(to)}",
        _ => "todo o registro, sem limite de datas",
    };

    public static string Scope(ReportData data) => data.Options.HasActionSelection
        ? $"{data.Actions.Count} de {data.PlanActionCount} ações, escolhidas"
        : $"todas as {data.PlanActionCount} ações do plano";

    public static string Light(TrafficLight light) => $"{Labels.Of(light)} — {Labels.Meaning(light)}";

    public static string Source(RecommendationSource source) => source switch
    {
        RecommendationSource.MonitoringCommittee => "Comitê de monitoramento",
        RecommendationSource.InternalControl => "Controle interno",
        _ => source.ToString(),
    };

    public static string Kind(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Link => "Link",
        EvidenceKind.Process => "Processo SEI",
        _ => "Arquivo",
    };

    /// <summary>Where the evidence is: the address, the process number or the file's name and size.</summary>
    public static string Reference(ActionEvidence evidence) => evidence.Kind switch
    {
        EvidenceKind.Link => evidence.Url ?? "—",
        EvidenceKind.Process => evidence.ProcessNumber ?? "—",
        _ => evidence.FileName is null ? "—" : $"{evidence.FileName} ({Labels.FileSize(evidence.FileSize ?? 0)})",
    };

    public static string Axis(PlanAxis axis) => $"{axis.Number} — {axis.Title}";

    public static string Goal(PlanAction a) => a.GoalIndicator is null
        ? "—"
        : $"{a.GoalIndicator}: de {Labels.Decimal(a.GoalBaseline)} para {Labels.Decimal(a.GoalTarget)} {a.GoalUnit}".TrimEnd()
          + (a.CurrentValue is { } current ? $"; valor atual {Labels.Decimal(current)}" : "; sem medição");

    public static string Semantics(ReportData data) =>
        "Situação, farol, progresso, andamento, fatores limitantes e risco de não implementação refletem o registro de cada ação " +
        $"na data de emissão ({Labels.Date(data.IssuedOn)}). " +
        (data.Options.HasPeriod
            ? $"O período ({Period(data.Options)}) seleciona os registros datados, com as datas inicial e final incluídas, no horário " +
              "de Brasília: evidências pela data de inclusão, medições da meta pela data da medição, recomendações pela data em que " +
              "foram feitas e avaliações de risco pela data da avaliação. "
            : "Sem período informado, o relatório traz todos os registros datados: evidências, medições da meta, recomendações e " +
              "avaliações de risco. ") +
        (data.Options.HasActionSelection
            ? "O relatório traz somente as ações escolhidas; ficam de fora as recomendações gerais, que não se referem a uma ação. "
            : "O relatório traz todas as ações do plano e as recomendações gerais sobre ele. ") +
        "O progresso dos eixos e do plano considera sempre todas as ações do plano, ponderadas por seus pesos.";

    /// <summary>The text ending in a full stop, so that what follows it reads as a new sentence.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or ':' or ';' ? trimmed : trimmed + ".";
    }
}

/// <summary>Builds the report's PDF as a neutral <see cref="OfficialDocument"/>.</summary>
internal static class MonitoringReportDocument
{
    private static readonly TrafficLight[] _lights =
        [TrafficLight.White, TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red, TrafficLight.Blue, TrafficLight.Grey];

    private static readonly ActionStatus[] _statuses =
        [ActionStatus.NotStarted, ActionStatus.InProgress, ActionStatus.Concluded, ActionStatus.Discontinued];

    /// <summary>The colours of the interface's lights (site.css), white a light grey so it shows on paper.</summary>
    private static string Color(TrafficLight light) => light switch
    {
        TrafficLight.White => "#E6E6E6",
        TrafficLight.Green => "#168821",
        TrafficLight.Yellow => "#FFCD07",
        TrafficLight.Red => "#E52207",
        TrafficLight.Blue => "#155BCB",
        _ => "#888888",
    };

    public static OfficialDocument Build(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plan = data.Plan;
        var body = new List<Block>
        {
            new Heading(1, "Sobre este relatório"),
            new Paragraph(data.Options.IsPartial
                ? $"Relatório parcial de monitoramento do {plan.Title}, de {data.OrganizationName}: " +
                  string.Join("; ", new[]
                  {
                      data.Options.HasPeriod ? $"período {ReportText.Period(data.Options)}" : null,
                      data.Options.HasActionSelection ? ReportText.Scope(data) : null,
                  }.OfType<string>()) + "."
                : $"Relatório de monitoramento do {plan.Title}, de {data.OrganizationName}, com todas as ações do plano e todo o registro de execução."),
            new Paragraph(ReportText.Semantics(data), TextStyle.Small),
        };
        AddSummary(body, data);
        foreach (var axis in data.Axes)
        {
            body.Add(new PageBreak());
            body.Add(new Heading(1, $"Eixo {ReportText.Axis(axis.Axis)}"));
            AddAxisIntro(body, axis);
            foreach (var action in axis.Actions)
            {
                AddAction(body, action, 2, data.Options);
            }
            foreach (var sub in axis.SubAxes)
            {
                body.Add(new Heading(2, $"Subeixo {ReportText.Axis(sub.Axis)}"));
                AddAxisIntro(body, sub);
                foreach (var action in sub.Actions)
                {
                    AddAction(body, action, 3, data.Options);
                }
            }
        }
        if (!data.Options.HasActionSelection)
        {
            body.Add(new PageBreak());
            body.Add(new Heading(1, "Recomendações gerais sobre o plano"));
            body.Add(data.GeneralRecommendations.Count == 0
                ? new Paragraph(data.Options.HasPeriod ? "Nenhuma recomendação geral no período." : "Nenhuma recomendação geral registrada.")
                : new BulletList([.. data.GeneralRecommendations.Select(RecommendationItem)]));
        }

        var lines = new List<string>
        {
            data.OrganizationName,
            $"Período: {ReportText.Period(data.Options)}",
            $"Abrangência: {ReportText.Scope(data)}",
            $"Data de emissão: {Labels.Date(data.IssuedOn)}",
        };
        return new OfficialDocument(
            new DocumentInfo($"Relatório de monitoramento — {plan.Title}", data.OrganizationName, data.GeneratedAt,
                data.Options.IsPartial ? "Relatório parcial de monitoramento" : "Relatório de monitoramento"),
            new TitlePage(data.Options.IsPartial ? "Relatório de monitoramento (parcial)" : "Relatório de monitoramento",
                $"{plan.Title} · edição {plan.Edition} · versão {plan.Version}", lines),
            body);
    }

    private static void AddSummary(List<Block> body, ReportData data)
    {
        var actions = data.Actions;
        var evidence = actions.Sum(a => a.Evidence.Count);
        var recommendations = actions.Sum(a => a.Recommendations.Count) + data.GeneralRecommendations.Count;
        var unanswered = actions.Sum(a => a.UnansweredRecommendations) + data.GeneralRecommendations.Count(r => !r.IsAnswered);
        var fields = new List<Field>
        {
            new("Plano", $"{data.Plan.Title} — edição {data.Plan.Edition}, versão {data.Plan.Version}"),
            new("Situação do plano", Labels.Of(data.Plan.Status)),
            new("Vigência", $"{Labels.Date(data.Plan.ValidFrom)} a {Labels.Date(data.Plan.ValidTo)}"),
            new("Período do relatório", ReportText.Period(data.Options)),
            new("Ações no relatório", ReportText.Scope(data)),
            new("Progresso do plano", Labels.Progress(data.PlanProgress)),
        };
        if (data.Options.HasActionSelection)
        {
            fields.Add(new("Progresso das ações escolhidas", Labels.Progress(data.SelectionProgress)));
        }
        var inPeriod = data.Options.HasPeriod ? " no período" : "";
        fields.AddRange(
        [
            new($"Evidências{inPeriod}", $"{evidence}"),
            new($"Medições{inPeriod}", $"{actions.Sum(a => a.Measurements.Count)}"),
            new($"Avaliações de risco{inPeriod}", $"{actions.Sum(a => a.RiskAssessments.Count)}"),
            new($"Recomendações{inPeriod}", $"{recommendations} ({unanswered} sem resposta)"),
        ]);
        body.Add(new Heading(1, "Resumo"));
        body.Add(new FieldList(fields));
        body.Add(new Table([new("Situação", 3), new("Ações", 1, Alignment.Right)],
            [.. _statuses.Select(s => (IReadOnlyList<string>)[Labels.Of(s), $"{actions.Count(a => a.Action.Status == s)}"]),
             ["Total", $"{actions.Count}"]],
            "Ações por situação"));
        body.Add(new DoughnutChart("Ações por farol",
            [.. _lights.Select(l => new ChartItem(ReportText.Light(l), actions.Count(a => a.Light == l), Color(l)))]));
        if (data.Axes.Count > 0)
        {
            body.Add(new BarChart("Progresso por eixo (%)",
                [.. data.Axes.Select(a => new ChartItem($"Eixo {a.Axis.Number}", (double)((a.Progress ?? 0) * 100)))], "N1"));
            body.Add(new Table(
                [new("Eixo", 4), new("Ações no relatório", 1.3, Alignment.Right), new("Concluídas", 1.2, Alignment.Right), new("Progresso do eixo", 1.4, Alignment.Right)],
                [.. data.Axes.Select(a => (IReadOnlyList<string>)
                [
                    ReportText.Axis(a.Axis), $"{a.AllActions.Count()}", $"{a.AllActions.Count(x => x.Action.Status == ActionStatus.Concluded)}",
                    Labels.Progress(a.Progress),
                ])],
                "Situação por eixo"));
        }
    }

    private static void AddAxisIntro(List<Block> body, ReportAxis axis)
    {
        if (!string.IsNullOrWhiteSpace(axis.Axis.Description))
        {
            body.Add(new Paragraph(axis.Axis.Description));
        }
        var count = axis.AllActions.Count();
        body.Add(new Paragraph($"Progresso: {Labels.Progress(axis.Progress)} · {count} {(count == 1 ? "ação" : "ações")} neste relatório.", TextStyle.Emphasis));
        if (axis.Actions.Count == 0 && axis.SubAxes.Count == 0)
        {
            body.Add(new Paragraph("Nenhuma ação."));
        }
    }

    private static void AddAction(List<Block> body, ReportAction row, int level, ReportOptions options)
    {
        var a = row.Action;
        var none = options.HasPeriod ? "nenhuma no período" : "nenhuma registrada";
        body.Add(new Heading(level, $"Ação {a.Number} — {a.Title}"));
        var fields = new List<Field>
        {
            new("Situação", Labels.Of(a.Status)),
            new("Farol", ReportText.Light(row.Light)),
            new("Progresso", a.Progress is null ? "Não se aplica (ação descontinuada)" : Labels.Progress(a.Progress)),
            new("Classificação", Labels.Of(a.Classification)),
            new("Período previsto", $"{Labels.Date(a.PlannedStart)} a {Labels.Date(a.PlannedEnd)}"),
            new("Início", Labels.Date(a.StartedOn)),
            new("Conclusão", Labels.Date(a.ConcludedOn)),
            new("Descontinuação", a.DiscontinuedOn is null ? "—" : $"{Labels.Date(a.DiscontinuedOn)}. {a.DiscontinuationJustification}".TrimEnd()),
            new("Responsável", row.Responsible ?? "Não designado"),
            new("Unidade executora", row.ExecutingUnit ?? "—"),
            new("Risco de não implementação", a.NonImplementationRisk is { } risk ? Labels.Of(risk) : "Não avaliado"),
            new("Meta", ReportText.Goal(a)),
            new("Orçamento", a.PlannedBudget is null && a.BudgetSpent is null ? "—"
                : $"previsto {Labels.Money(a.PlannedBudget)}; executado {Labels.Money(a.BudgetSpent)}"),
            new("Última atualização", Labels.DateTime(a.LastUpdateAt)),
            FormattedText.ToField("Andamento", a.ExecutionNotes, "Não informado."),
            new("Fatores limitantes", row.LimitingFactors.Count == 0 ? "Nenhum informado." : ReportText.Sentence(string.Join("; ", row.LimitingFactors))),
        };
        body.Add(new FieldList([.. fields.Where(f => f.Value != "—")]));

        if (row.Evidence.Count == 0)
        {
            body.Add(new Paragraph($"Evidências: {none}.", TextStyle.Small));
        }
        else
        {
            body.Add(new Table(
                [new("Tipo", 1.1), new("Descrição", 2.6), new("Referência", 3), new("Incluída em", 1.3, Alignment.Center)],
                [.. row.Evidence.Select(e => (IReadOnlyList<string>)[ReportText.Kind(e.Kind), e.Description, ReportText.Reference(e), Labels.DateTime(e.AddedAt)])],
                $"Evidências da ação {a.Number}"));
        }
        if (row.Measurements.Count > 0)
        {
            body.Add(new Table(
                [new("Data", 1, Alignment.Center), new("Valor", 1, Alignment.Right), new("Observação", 4)],
                [.. row.Measurements.Select(m => (IReadOnlyList<string>)[Labels.Date(m.MeasuredOn), Labels.Decimal(m.Value), m.Note ?? "—"])],
                $"Medições da meta — {a.GoalIndicator}"));
        }
        if (row.RiskAssessments.Count > 0)
        {
            body.Add(new Paragraph("Avaliações do risco de não implementação:", TextStyle.Emphasis));
            body.Add(new BulletList([.. row.RiskAssessments.Select(r => $"{Labels.DateTime(r.AssessedAt)} — {Labels.Of(r.Level)}: {r.Rationale}")]));
        }
        if (row.Recommendations.Count == 0)
        {
            body.Add(new Paragraph($"Recomendações: {none}.", TextStyle.Small));
        }
        else
        {
            body.Add(new Paragraph("Recomendações:", TextStyle.Emphasis));
            body.Add(new BulletList([.. row.Recommendations.Select(RecommendationItem)]));
        }
    }

    private static string RecommendationItem(Recommendation r) =>
        $"{Labels.DateTime(r.CreatedAt)} — {ReportText.Source(r.Source)}: {ReportText.Sentence(r.Text)}"
        + (r.Deadline is { } deadline ? $" Prazo: {Labels.Date(deadline)}." : "")
        + (r.IsAnswered ? $" Resposta em {Labels.DateTime(r.AnsweredAt)}: {ReportText.Sentence(r.Answer ?? "")}" : " Sem resposta.");

}
