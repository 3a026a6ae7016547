using System.Text;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Oversight;

/// <summary>The panel's organizations as CSV (semicolon-separated, pt-BR numbers) and as a typed XLSX workbook.</summary>
public static class PanelExport
{
    private static readonly string[] _headers =
    [
        "Sigla", "Organização", "Natureza", "Plano", "Situação do plano", "Edição", "Versão", "Criado em", "Publicado em",
        "Eixos", "Ações", "Ações em atraso", "Ações concluídas", "Ano dos dados", "Orçamento (R$)", "Servidores",
    ];

    public static byte[] Csv(PanelData data)
    {
        var text = new StringBuilder();
        Line(text, _headers);
        foreach (var r in data.Rows)
        {
            Line(text,
            [
                r.Acronym, r.Name, Labels.Of(r.Kind), r.PlanTitle ?? "", PanelModel.Label(r.PanelStatus), r.Edition ?? "",
                r.Version?.ToString(BrazilTime.Culture) ?? "", Day(r.CreatedAt), Day(r.PublishedAt),
                Number(r.Axes), Number(r.Actions), Number(r.LateActions), Number(r.ConcludedActions),
                r.FiguresYear?.ToString(BrazilTime.Culture) ?? "", r.Budget?.ToString("0.00", BrazilTime.Culture) ?? "",
                r.Headcount is int h ? Number(h) : "",
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(PanelData data)
    {
        var organizations = new Sheet("Organizações",
        [
            new("Sigla"), new("Organização"), new("Natureza"), new("Plano"), new("Situação do plano"), new("Edição"), new("Versão", CellKind.Integer),
            new("Criado em", CellKind.Date), new("Publicado em", CellKind.Date), new("Eixos", CellKind.Integer), new("Ações", CellKind.Integer),
            new("Ações em atraso", CellKind.Integer), new("Ações concluídas", CellKind.Integer), new("Ano dos dados", CellKind.Integer),
            new("Orçamento", CellKind.Currency), new("Servidores", CellKind.Integer),
        ],
        data.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Acronym, r.Name, Labels.Of(r.Kind), r.PlanTitle, PanelModel.Label(r.PanelStatus), r.Edition, r.Version,
            LocalDay(r.CreatedAt), LocalDay(r.PublishedAt), r.Axes, r.Actions, r.LateActions, r.ConcludedActions, r.FiguresYear, r.Budget, r.Headcount,
        ]).ToList(),
        Title: $"Painel da rede em {Labels.Date(data.Today)}");

        var kinds = new Sheet("Por natureza",
        [
            new("Natureza"), new("Organizações", CellKind.Integer), new("Com plano publicado", CellKind.Integer), new("Em elaboração", CellKind.Integer),
            new("Não iniciado", CellKind.Integer), new("Sem plano", CellKind.Integer), new("Ações", CellKind.Integer), new("Ações em atraso", CellKind.Integer),
            new("Tempo médio de elaboração (dias)", CellKind.Decimal),
        ],
        data.ByKind.Select(k => (Kind: (Core.Organizations.OrganizationKind?)k.Kind, k.Figures)).Append((Kind: null, Figures: data.Totals))
            .Select(k => (IReadOnlyList<object?>)
            [
                k.Kind is { } kind ? Labels.Of(kind) : "Total", k.Figures.Organizations, k.Figures.Published, k.Figures.InPreparation,
                k.Figures.NotStarted, k.Figures.NoPlan, k.Figures.Actions, k.Figures.LateActions,
                k.Figures.MeanDraftingDays is double d ? Math.Round((decimal)d, 1) : null,
            ]).ToList());

        var coverage = new Sheet("Cobertura",
            [new("Indicador"), new("Rede", CellKind.Decimal), new("Com plano publicado", CellKind.Decimal), new("Cobertura", CellKind.Percent)],
            [
                ["Orçamento (R$)", data.Coverage.Budget, data.Coverage.PublishedBudget, data.Coverage.BudgetShare],
                ["Servidores", (decimal)data.Coverage.Headcount, (decimal)data.Coverage.PublishedHeadcount, data.Coverage.HeadcountShare],
            ]);

        var trend = new Sheet("Tendência",
            [new("Mês"), new("Planos publicados", CellKind.Integer), new("Ações concluídas", CellKind.Integer)],
            data.Trend.Select(m => (IReadOnlyList<object?>)[$"{m.Month:00}/{m.Year}", m.PlansPublished, m.ActionsConcluded]).ToList());

        return XlsxWriter.Write(new Workbook([organizations, kinds, coverage, trend], "Painel da rede", "SisPMPI"));
    }

    private static DateOnly? LocalDay(DateTimeOffset? at) =>
        at is { } value ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(value, BrazilTime.Zone).DateTime) : null;

    private static string Day(DateTimeOffset? at) => LocalDay(at) is { } day ? Labels.Date(day) : "";

    private static string Number(int value) => value.ToString(BrazilTime.Culture);

    private static void Line(StringBuilder text, IEnumerable<string> values)
    {
        text.AppendJoin(';', values.Select(v => v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v));
        text.Append("\r\n");
    }
}
