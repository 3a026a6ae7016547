using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Monitoring.Report;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;

namespace Sispmpi.Web.Features.Execution;

/// <summary>One action with everything its execution PDF shows. <see cref="PlanAction.Plan"/>, Axis and ExecutingUnit are loaded.</summary>
public sealed record ActionSheet(PlanAction Action, string OrganizationName, PlanAxis? ParentAxis, TrafficLight Light, IReadOnlyList<string> SupportUnits,
    string? Responsible, IReadOnlyList<string> Participants, IReadOnlyList<ActionEvidence> Evidence, IReadOnlyList<ActionMeasurement> Measurements);

/// <summary>One line of the action-list PDF, as the Execução list shows it.</summary>
public sealed record ActionListLine(string Number, string Title, string PlanTitle, string? Unit, string? Responsible, DateOnly? PlannedEnd,
    ActionStatus Status, TrafficLight Light);

/// <summary>
/// The documents of the Execução module (as the original's "execução das ações"): one action's plan, responsibility,
/// execution record, evidence and measurements; and the list of actions as filtered on the page.
/// </summary>
public static class ExecutionDocuments
{
    public static OfficialDocument Action(ActionSheet sheet, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var a = sheet.Action;
        var axis = sheet.ParentAxis is { } parent
            ? $"Eixo {parent.Number} — {parent.Title} · Subeixo {a.Axis!.Number} — {a.Axis.Title}"
            : $"Eixo {a.Axis!.Number} — {a.Axis.Title}";
        var body = new List<Block>
        {
            new Heading(1, "Planejamento"),
            new FieldList(
            [
                new("Plano", $"{a.Plan!.Title} — edição {a.Plan.Edition}, versão {a.Plan.Version}"),
                new("Eixo", axis),
                new("Descrição", Text(a.Description)),
                new("Objetivos", Text(a.Objectives)),
                new("Benefícios esperados", Text(a.Benefits)),
                new("Evidências sugeridas", Text(a.SuggestedEvidence)),
                new("Unidade executora", a.ExecutingUnit?.Name ?? "Não informada"),
                new("Unidades de apoio", sheet.SupportUnits.Count == 0 ? "Nenhuma" : string.Join("; ", sheet.SupportUnits)),
                new("Classificação", Labels.Of(a.Classification)),
                new("Tipo", a.ActionType),
                new("Período previsto", $"{Labels.Date(a.PlannedStart)} a {Labels.Date(a.PlannedEnd)}"),
                new("Orçamento previsto", Labels.Money(a.PlannedBudget)),
                new("Meta", ReportText.Goal(a)),
            ]),
            new Heading(1, "Responsabilidade"),
            new FieldList(
            [
                new("Responsável", sheet.Responsible ?? "Não designado"),
                new("Servidores envolvidos", sheet.Participants.Count == 0 ? "Nenhum" : string.Join("; ", sheet.Participants)),
            ]),
            new Heading(1, "Execução"),
            new FieldList(
            [
                new("Situação", Labels.Of(a.Status)),
                new("Farol", ReportText.Light(sheet.Light)),
                new("Progresso", a.Progress is null ? "Não se aplica (ação descontinuada)" : Labels.Progress(a.Progress)),
                new("Início", Labels.Date(a.StartedOn)),
                new("Conclusão", Labels.Date(a.ConcludedOn)),
                new("Descontinuação", a.DiscontinuedOn is null ? "—" : $"{Labels.Date(a.DiscontinuedOn)}. {a.DiscontinuationJustification}".TrimEnd()),
                new("Orçamento executado", Labels.Money(a.BudgetSpent)),
                new("Andamento", Text(a.ExecutionNotes)),
                new("Fatores limitantes", LimitingFactors(a)),
                new("Última atualização", Labels.DateTime(a.LastUpdateAt)),
            ]),
            new Heading(2, "Evidências"),
        };
        body.Add(sheet.Evidence.Count == 0
            ? new Paragraph("Nenhuma evidência registrada.")
            : new Table(
                [new("Tipo", 1.1), new("Descrição", 2.6), new("Referência", 3), new("Incluída em", 1.3, Alignment.Center)],
                [.. sheet.Evidence.Select(e => (IReadOnlyList<string>)[ReportText.Kind(e.Kind), e.Description, ReportText.Reference(e), Labels.DateTime(e.AddedAt)])],
                $"Evidências da ação {a.Number}"));
        if (a.GoalIndicator is not null)
        {
            body.Add(new Heading(2, "Medições da meta"));
            body.Add(sheet.Measurements.Count == 0
                ? new Paragraph("Nenhuma medição registrada.")
                : new Table(
                    [new("Data", 1, Alignment.Center), new("Valor", 1, Alignment.Right), new("Observação", 4)],
                    [.. sheet.Measurements.Select(m => (IReadOnlyList<string>)[Labels.Date(m.MeasuredOn), Labels.Decimal(m.Value), m.Note ?? "—"])],
                    $"Medições da meta — {a.GoalIndicator}"));
        }
        var title = $"Ação {a.Number} — {a.Title}";
        return new OfficialDocument(
            new DocumentInfo(title, sheet.OrganizationName, generatedAt, "Execução da ação do plano de integridade"),
            new TitlePage("Execução da ação", title,
            [
                sheet.OrganizationName,
                $"{a.Plan.Title} — edição {a.Plan.Edition}, versão {a.Plan.Version}",
                $"Situação: {Labels.Of(a.Status)} · Farol: {ReportText.Light(sheet.Light)}",
                $"Emitido em {Labels.DateTime(generatedAt)}",
            ]),
            body);
    }

    public static OfficialDocument List(string organizationName, IReadOnlyList<string> filters, IReadOnlyList<ActionListLine> lines, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var count = lines.Count == 1 ? "1 ação" : $"{lines.Count} ações";
        var body = new List<Block>
        {
            new Heading(1, "Filtros"),
            new BulletList(filters),
            new Paragraph($"{count}. Farol e situação na data de emissão.", TextStyle.Small),
        };
        if (lines.Count == 0)
        {
            body.Add(new Paragraph("Nenhuma ação encontrada com os filtros escolhidos."));
        }
        else
        {
            body.Add(new Table(
                [
                    new("Nº", 0.6), new("Ação", 3), new("Plano", 1.8), new("Unidade", 1), new("Responsável", 1.6),
                    new("Término previsto", 1.1, Alignment.Center), new("Situação", 1.1), new("Farol", 0.9),
                ],
                [.. lines.Select(l => (IReadOnlyList<string>)
                [
                    l.Number, l.Title, l.PlanTitle, l.Unit ?? "—", l.Responsible ?? "—", Labels.Date(l.PlannedEnd), Labels.Of(l.Status), Labels.Of(l.Light),
                ])],
                "Ações dos planos publicados"));
            body.Add(new Table([new("Situação", 3), new("Ações", 1, Alignment.Right)],
                [.. Enum.GetValues<ActionStatus>().Select(s => (IReadOnlyList<string>)[Labels.Of(s), $"{lines.Count(l => l.Status == s)}"])],
                "Ações por situação"));
        }
        return new OfficialDocument(
            new DocumentInfo("Execução das ações do plano de integridade", organizationName, generatedAt, "Lista de ações"),
            new TitlePage("Execução das ações", "Ações dos planos publicados", [organizationName, .. filters, count, $"Emitido em {Labels.DateTime(generatedAt)}"]),
            body);
    }

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "Não informado." : value;

    private static string LimitingFactors(PlanAction a)
    {
        List<string> all = [.. a.LimitingFactors ?? [], .. string.IsNullOrWhiteSpace(a.OtherLimitingFactors) ? Array.Empty<string>() : [a.OtherLimitingFactors]];
        return all.Count == 0 ? "Nenhum informado." : string.Join("; ", all);
    }
}
