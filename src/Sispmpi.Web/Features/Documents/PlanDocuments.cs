using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Text;

namespace Sispmpi.Web.Features.Documents;

/// <summary>
/// The official documents of a plan, as neutral document models: the plan document (published, signable),
/// the plan spreadsheet ("minuta do plano") and the programme draft ("minuta do programa"). The query
/// filters apply: a plan of another organization is simply not found.
/// </summary>
public sealed class PlanDocuments(SispmpiDbContext db, TimeProvider clock)
{
    private sealed record AxisData(PlanAxis Axis, IReadOnlyList<PlanAxis> SubAxes);

    private sealed record PlanData(IntegrityPlan Plan, string OrganizationName, IReadOnlyList<AxisData> Axes,
        IReadOnlyList<PlanAction> Actions, IReadOnlyDictionary<int, string> Units)
    {
        public IEnumerable<PlanAction> ActionsOf(PlanAxis axis) => Actions.Where(a => a.AxisId == axis.Id).OrderBy(a => a.Position);

        public IEnumerable<PlanAction> AllActionsOf(AxisData axis) =>
            ActionsOf(axis.Axis).Concat(axis.SubAxes.SelectMany(ActionsOf));

        public string UnitOf(PlanAction action) => action.ExecutingUnitId is int id && Units.TryGetValue(id, out var name) ? name : "—";
    }

    public static string FileBaseName(IntegrityPlan plan) =>
        $"plano-de-integridade-{plan.Edition.Replace('–', '-').Replace(' ', '-')}-v{plan.Version}";

    private async Task<PlanData?> LoadAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(cancellationToken);
        var units = await db.AdministrativeUnits.AsNoTracking().Where(u => u.OrganizationId == plan.OrganizationId)
            .ToDictionaryAsync(u => u.Id, u => u.Acronym == null ? u.Name : $"{u.Acronym} — {u.Name}", cancellationToken);
        var tree = axes.Where(a => a.ParentId is null)
            .Select(a => new AxisData(a, axes.Where(s => s.ParentId == a.Id).OrderBy(s => s.Position).ToList()))
            .ToList();
        return new PlanData(plan, plan.Organization!.Name, tree, actions, units);
    }

    /// <summary>The plan document: every axis and action, with overview charts.</summary>
    public async Task<OfficialDocument?> PlanDocumentAsync(int planId, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(planId, cancellationToken) is not { } data)
        {
            return null;
        }
        var plan = data.Plan;
        var body = new List<Block>
        {
            new Heading(1, "Apresentação"),
            new Paragraph($"Este documento apresenta o {plan.Title}, de {data.OrganizationName}, edição {plan.Edition}, versão {plan.Version}. " +
                $"O plano reúne {data.Actions.Count} ações organizadas em {data.Axes.Count} eixos, com orçamento previsto de " +
                $"{Labels.Money(data.Actions.Sum(a => a.PlannedBudget ?? 0))}."),
            new FieldList(
            [
                new("Órgão ou entidade", data.OrganizationName),
                new("Edição e versão", $"{plan.Edition} — versão {plan.Version}"),
                new("Vigência", $"{Labels.Date(plan.ValidFrom)} a {Labels.Date(plan.ValidTo)}"),
                new("Situação", Labels.Of(plan.Status)),
                new("Publicação", Labels.DateTime(plan.PublishedAt)),
            ]),
        };
        if (!string.IsNullOrWhiteSpace(plan.ValidationRemarks))
        {
            body.Add(new Heading(2, "Observações da validação"));
            body.AddRange(FormattedText.ToBlocks(plan.ValidationRemarks));
        }
        body.AddRange(
        [
            new Heading(1, "Visão geral"),
            new DoughnutChart("Ações por eixo", data.Axes.Select(a => new ChartItem($"Eixo {a.Axis.Number}", data.AllActionsOf(a).Count())).ToList()),
            new BarChart("Orçamento previsto por eixo (R$)",
                data.Axes.Select(a => new ChartItem($"Eixo {a.Axis.Number}", (double)data.AllActionsOf(a).Sum(x => x.PlannedBudget ?? 0))).ToList(), "C0"),
        ]);
        foreach (var axis in data.Axes)
        {
            body.Add(new Heading(1, $"Eixo {axis.Axis.Number} — {axis.Axis.Title}"));
            if (axis.Axis.Description is { } description)
            {
                body.Add(new Paragraph(description));
            }
            AddSummaryTable(body, data, axis.Axis);
            foreach (var sub in axis.SubAxes)
            {
                body.Add(new Heading(2, $"Subeixo {sub.Number} — {sub.Title}"));
                AddSummaryTable(body, data, sub);
            }
        }
        body.Add(new PageBreak());
        body.Add(new Heading(1, "Detalhamento das ações"));
        foreach (var action in data.Axes.SelectMany(data.AllActionsOf))
        {
            body.Add(new Heading(2, $"Ação {action.Number} — {action.Title}"));
            body.Add(new FieldList(ActionFields(data, action).Where(f => f.Value != "—").ToList()));
        }
        return new OfficialDocument(
            new DocumentInfo(plan.Title, data.OrganizationName, clock.GetUtcNow(), $"Plano de integridade {plan.Edition}"),
            new TitlePage(plan.Title, $"Edição {plan.Edition} · versão {plan.Version}",
            [
                data.OrganizationName,
                $"Vigência: {Labels.Date(plan.ValidFrom)} a {Labels.Date(plan.ValidTo)}",
                $"Situação: {Labels.Of(plan.Status)}",
            ]),
            body);
    }

    private static void AddSummaryTable(List<Block> body, PlanData data, PlanAxis axis)
    {
        var actions = data.ActionsOf(axis).ToList();
        if (actions.Count == 0)
        {
            return;
        }
        body.Add(new Table(
            [
                new("Nº", 0.6), new("Ação", 2.8), new("Unidade executora", 1.6), new("Classificação", 1.35),
                new("Início", 1.25, Alignment.Center), new("Término", 1.25, Alignment.Center), new("Orçamento", 1.4, Alignment.Right),
            ],
            actions.Select(a => (IReadOnlyList<string>)
            [
                a.Number, a.Title, data.UnitOf(a), Labels.Of(a.Classification), Labels.Date(a.PlannedStart), Labels.Date(a.PlannedEnd),
                Labels.Money(a.PlannedBudget),
            ]).ToList(),
            $"Ações — {axis.Number} {axis.Title}"));
    }

    private static IEnumerable<Field> ActionFields(PlanData data, PlanAction a) =>
    [
        FormattedText.ToField("Descrição", a.Description),
        new("Unidade executora", data.UnitOf(a)),
        new("Classificação", Labels.Of(a.Classification)),
        new("Tipo", a.ActionType),
        new("Período previsto", $"{Labels.Date(a.PlannedStart)} a {Labels.Date(a.PlannedEnd)}"),
        new("Orçamento previsto", Labels.Money(a.PlannedBudget)),
        new("Objetivos", a.Objectives ?? "—"),
        new("Benefícios esperados", a.Benefits ?? "—"),
        new("Evidência sugerida", a.SuggestedEvidence ?? "—"),
        new("Meta quantitativa", a.GoalIndicator is null ? "—"
            : $"{a.GoalIndicator}: de {a.GoalBaseline:N0} para {a.GoalTarget:N0} {a.GoalUnit}".Trim()),
        new("Situação", Labels.Of(a.Status)),
    ];

    /// <summary>The "minuta do plano": one row per action with every field, and the totals per axis.</summary>
    public async Task<Workbook?> PlanWorkbookAsync(int planId, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(planId, cancellationToken) is not { } data)
        {
            return null;
        }
        var axisOf = new Dictionary<int, (PlanAxis Axis, PlanAxis? Sub)>();
        foreach (var axis in data.Axes)
        {
            axisOf[axis.Axis.Id] = (axis.Axis, null);
            foreach (var sub in axis.SubAxes)
            {
                axisOf[sub.Id] = (axis.Axis, sub);
            }
        }
        var rows = data.Axes.SelectMany(data.AllActionsOf).Select(a =>
        {
            var (axis, sub) = axisOf[a.AxisId];
            return (IReadOnlyList<object?>)
            [
                a.Number, $"{axis.Number} — {axis.Title}", sub is null ? null : $"{sub.Number} — {sub.Title}", a.Title, FormattedText.ToPlainText(a.Description),
                data.UnitOf(a), Labels.Of(a.Classification), a.ActionType, a.PlannedStart, a.PlannedEnd, a.PlannedBudget,
                a.Objectives, a.Benefits, a.SuggestedEvidence, a.GoalIndicator, a.GoalUnit, a.GoalBaseline, a.GoalTarget, a.Weight,
                Labels.Of(a.Status), a.StartedOn, a.ConcludedOn, a.DiscontinuedOn, a.DiscontinuationJustification, a.BudgetSpent,
            ];
        }).ToList();
        var actions = new Sheet("Ações",
        [
            new("Nº"), new("Eixo"), new("Subeixo"), new("Ação"), new("Descrição"), new("Unidade executora"), new("Classificação"),
            new("Tipo"), new("Início previsto", CellKind.Date), new("Término previsto", CellKind.Date),
            new("Orçamento previsto", CellKind.Currency), new("Objetivos"), new("Benefícios"), new("Evidência sugerida"),
            new("Indicador da meta"), new("Unidade da meta"), new("Linha de base", CellKind.Decimal), new("Meta", CellKind.Decimal),
            new("Peso", CellKind.Decimal), new("Situação"), new("Início", CellKind.Date), new("Conclusão", CellKind.Date),
            new("Descontinuação", CellKind.Date), new("Justificativa da descontinuação"), new("Orçamento executado", CellKind.Currency),
        ], rows, $"{data.Plan.Title} — edição {data.Plan.Edition}, versão {data.Plan.Version}");
        var totals = data.Axes.Select(a =>
        {
            var list = data.AllActionsOf(a).ToList();
            var planned = list.Sum(x => x.PlannedBudget ?? 0);
            var concluded = list.Count(x => x.Status == ActionStatus.Concluded);
            return (IReadOnlyList<object?>)
            [
                $"{a.Axis.Number} — {a.Axis.Title}", list.Count, concluded, list.Count == 0 ? 0m : (decimal)concluded / list.Count, planned,
                list.Sum(x => x.BudgetSpent ?? 0),
            ];
        }).ToList();
        var axes = new Sheet("Eixos",
        [
            new("Eixo"), new("Ações", CellKind.Integer), new("Concluídas", CellKind.Integer), new("% concluídas", CellKind.Percent),
            new("Orçamento previsto", CellKind.Currency), new("Orçamento executado", CellKind.Currency),
        ], totals, "Totais por eixo");
        return new Workbook([actions, axes], $"Minuta do plano — {data.Plan.Title}", data.OrganizationName);
    }

    /// <summary>The "minuta do programa": the programme as the commission and the diagnosis describe it.</summary>
    public async Task<OfficialDocument?> ProgramDraftAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var commission = await db.Commissions.AsNoTracking().Include(c => c.Members).ThenInclude(m => m.Unit)
            .FirstOrDefaultAsync(c => c.PlanId == planId, cancellationToken);
        var diagnosis = await db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == planId, cancellationToken);
        var organization = plan.Organization!.Name;
        static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "Não informado." : value;

        var body = new List<Block>
        {
            new Heading(1, "1. Comissão de integridade"),
        };
        if (commission is null)
        {
            body.Add(new Paragraph("A comissão de integridade ainda não foi cadastrada."));
        }
        else
        {
            body.Add(new FieldList(
            [
                new("Instituída formalmente", commission.IsFormallyInstituted ? "Sim" : "Não"),
                new("Ato de instituição", commission.ActType is null ? "—" : $"{commission.ActType} {commission.ActNumber}, de {Labels.Date(commission.ActDate)}"),
                new("Endereço do ato", commission.ActLink ?? "—"),
                new("Início dos trabalhos", Labels.Date(commission.StartDate)),
                new("Prazo", commission.PlannedDurationDays is int days ? $"{days} dias (até {Labels.Date(commission.Deadline)})" : "—"),
            ]));
            body.Add(new Table([new("Membro", 2), new("Unidade", 2), new("E-mail", 2), new("Coordenação", 1, Alignment.Center)],
                commission.Members.OrderByDescending(m => m.IsCoordinator).ThenBy(m => m.Name)
                    .Select(m => (IReadOnlyList<string>)[m.Name, m.Unit?.Name ?? "—", m.Email ?? "—", m.IsCoordinator ? "Coordenador(a)" : ""]).ToList(),
                "Membros da comissão"));
        }
        body.Add(new Heading(1, "2. Diagnóstico"));
        if (diagnosis is null)
        {
            body.Add(new Paragraph("O diagnóstico ainda não foi elaborado."));
        }
        else
        {
            body.AddRange(
            [
                new Heading(2, "2.1 Informações estratégicas"),
                new FieldList(
                [
                    new("Missão", Text(diagnosis.Mission)), new("Visão", Text(diagnosis.Vision)), new("Valores", Text(diagnosis.Values)),
                    new("Estrutura organizacional", Text(diagnosis.OrganizationalStructure)), new("Competências", Text(diagnosis.Competences)),
                    new("Atribuições", Text(diagnosis.Duties)),
                ]),
                new Heading(2, "2.2 Instrumentos de diagnóstico"),
                new BulletList([.. diagnosis.Instruments, .. string.IsNullOrWhiteSpace(diagnosis.OtherInstruments) ? Array.Empty<string>() : [$"Outros: {diagnosis.OtherInstruments}"]]),
                new Heading(2, "2.3 Resultados"),
                new Heading(3, "Principais achados"), .. FormattedText.ToBlocks(diagnosis.MainFindings, "Não informado."),
                new Heading(3, "Futuro desejado"), .. FormattedText.ToBlocks(diagnosis.DesiredFuture, "Não informado."),
                new Heading(3, "Objetivos do programa"), .. FormattedText.ToBlocks(diagnosis.ProgramObjectives, "Não informado."),
                new Heading(3, "Estrutura de governança"), .. FormattedText.ToBlocks(diagnosis.GovernanceStructure, "Não informado."),
                new Heading(3, "Periodicidade"),
                new FieldList(
                [
                    new("Monitoramento", Text(diagnosis.MonitoringPeriodicity)), new("Avaliação", Text(diagnosis.EvaluationPeriodicity)),
                    new("Atualização", Text(diagnosis.UpdatePeriodicity)),
                ]),
                new Heading(3, "Comunicação e capacitação"),
                .. FormattedText.ToBlocks(diagnosis.CommunicationAspects, "Não informado."), .. FormattedText.ToBlocks(diagnosis.TrainingAspects, "Não informado."),
                new Heading(2, "2.4 Eixos temáticos"),
                new BulletList([.. diagnosis.ThematicAxes, .. string.IsNullOrWhiteSpace(diagnosis.OtherThematicAxes) ? Array.Empty<string>() : [$"Outros: {diagnosis.OtherThematicAxes}"]], Numbered: true),
                new Heading(2, "2.5 Ciência da alta administração"),
                new Paragraph(diagnosis.Validated switch
                {
                    true => $"Diagnóstico validado por {diagnosis.AcknowledgedByName} em {Labels.DateTime(diagnosis.AcknowledgedAt)}.",
                    false => $"Diagnóstico não validado por {diagnosis.AcknowledgedByName} em {Labels.DateTime(diagnosis.AcknowledgedAt)}.",
                    null => "Aguardando a ciência da alta administração.",
                }),
            ]);
            if (!string.IsNullOrWhiteSpace(diagnosis.AcknowledgementSuggestions))
            {
                body.Add(new Paragraph($"Sugestões: {diagnosis.AcknowledgementSuggestions}", TextStyle.Emphasis));
            }
        }
        var title = $"Programa de Integridade — {organization}";
        return new OfficialDocument(new DocumentInfo(title, organization, clock.GetUtcNow(), "Minuta do programa de integridade"),
            new TitlePage("Programa de Integridade", "Minuta", [organization, $"Plano de referência: {plan.Title} ({plan.Edition})"]),
            body);
    }
}
