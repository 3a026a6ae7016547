using System.Globalization;
using System.Text;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>What a template is filled with: the plan, its organization's units and axes, the catalog's action types.</summary>
public sealed record ImportTemplateData(
    string PlanTitle,
    string OrganizationName,
    DateOnly FirstDay,
    ImportContext Context,
    IReadOnlyList<string> ThematicAxes);

/// <summary>
/// The templates offered for download: an XLSX with the sheet "Ações" (header and two example rows) and a
/// sheet "Instruções", and the same header and rows as CSV (UTF-8 with BOM, separated by ';' as Brazilian
/// Excel expects). The example rows use the organization's own units and import as they are.
/// </summary>
public static class ImportTemplates
{
    public const string XlsxFileName = "modelo-importacao-acoes.xlsx";
    public const string CsvFileName = "modelo-importacao-acoes.csv";

    private static readonly CultureInfo _ptBr = Infrastructure.Web.BrazilTime.Culture;

    private static CellKind Kind(ImportField field) => field switch
    {
        ImportField.Axis or ImportField.SubAxis => CellKind.Integer,
        ImportField.PlannedStart or ImportField.PlannedEnd => CellKind.Date,
        ImportField.PlannedBudget => CellKind.Currency,
        ImportField.GoalBaseline or ImportField.GoalTarget or ImportField.Weight => CellKind.Decimal,
        _ => CellKind.Text,
    };

    public static byte[] Xlsx(ImportTemplateData data)
    {
        var actions = new Sheet(
            XlsxTableReader.ActionsSheetName,
            ImportColumns.All.Select(c => new SheetColumn(c.Header, Kind(c.Field))).ToList(),
            ExampleRows(data));
        var instructions = new Sheet(
            "Instruções",
            [new SheetColumn("Coluna"), new SheetColumn("Obrigatória"), new SheetColumn("O que informar")],
            InstructionRows(data),
            Title: $"Importação de ações — {data.PlanTitle}");
        return XlsxWriter.Write(new Workbook([actions, instructions], $"Modelo de importação de ações — {data.PlanTitle}", data.OrganizationName));
    }

    public static byte[] Csv(ImportTemplateData data)
    {
        var text = new StringBuilder();
        AppendCsvLine(text, ImportColumns.All.Select(c => c.Header));
        foreach (var row in ExampleRows(data))
        {
            AppendCsvLine(text, row.Select(CsvValue));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        DateOnly date => PtBrValues.Format(date),
        decimal number => number.ToString("#,##0.##", _ptBr),
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, _ptBr) ?? "",
    };

    private static void AppendCsvLine(StringBuilder text, IEnumerable<string> values)
    {
        text.AppendJoin(';', values.Select(v => v.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v));
        text.Append("\r\n");
    }

    /// <summary>
    /// Two actions of axis 1: one in its first sub-axis, one directly under the axis. They reuse the plan's
    /// axis 1 and sub-axis 1.1 when it has them, so the template imports into any plan open for editing.
    /// </summary>
    private static List<IReadOnlyList<object?>> ExampleRows(ImportTemplateData data)
    {
        var context = data.Context;
        var axisTitle = context.ExistingAxes.FirstOrDefault(a => a.Number == "1")?.Title
            ?? data.ThematicAxes.FirstOrDefault() ?? "Comprometimento e apoio da alta administração";
        var subAxisTitle = context.ExistingAxes.FirstOrDefault(a => a.Number == "1.1")?.Title ?? "Normas e políticas de integridade";
        var units = context.Units.Where(u => u.IsActive)
            .OrderBy(u => u.Acronym is null ? 1 : 0).ThenBy(u => u.Acronym ?? u.Name, StringComparer.Create(_ptBr, true))
            .Select(u => u.Acronym ?? u.Name).ToList();
        string? Unit(int index) => units.Count == 0 ? null : units[index % units.Count];
        var support = units.Count > 1 ? string.Join("; ", units.Skip(1).Take(2)) : null;
        string Type(string preferred) =>
            context.ActionTypes.FirstOrDefault(t => ImportColumns.Normalize(t) == ImportColumns.Normalize(preferred)) ?? context.ActionTypes.FirstOrDefault() ?? preferred;
        var start = data.FirstDay;

        var first = new Dictionary<ImportField, object?>
        {
            [ImportField.Axis] = 1,
            [ImportField.AxisTitle] = axisTitle,
            [ImportField.SubAxis] = 1,
            [ImportField.SubAxisTitle] = subAxisTitle,
            [ImportField.Title] = "Elaborar e aprovar a política de integridade do órgão",
            [ImportField.Description] = "Redigir a política de integridade, submetê-la à alta administração e publicá-la.",
            [ImportField.ExecutingUnit] = Unit(0),
            [ImportField.SupportUnits] = support,
            [ImportField.Objectives] = "Estabelecer diretrizes de integridade para todo o órgão.",
            [ImportField.Benefits] = "Clareza sobre a conduta esperada de agentes públicos.",
            [ImportField.Classification] = "Pontual",
            [ImportField.ActionType] = Type("Normativo"),
            [ImportField.PlannedStart] = start,
            [ImportField.PlannedEnd] = start.AddMonths(6).AddDays(-1),
            [ImportField.PlannedBudget] = 1_500m,
            [ImportField.SuggestedEvidence] = "Política publicada no diário oficial.",
            [ImportField.Weight] = 1m,
        };
        var second = new Dictionary<ImportField, object?>
        {
            [ImportField.Axis] = 1,
            [ImportField.AxisTitle] = axisTitle,
            [ImportField.Title] = "Capacitar os servidores em ética e integridade",
            [ImportField.Description] = "Turmas semestrais do curso de ética e integridade, presenciais e a distância.",
            [ImportField.ExecutingUnit] = Unit(1),
            [ImportField.Objectives] = "Disseminar a cultura de integridade.",
            [ImportField.Benefits] = "Servidores preparados para identificar e tratar riscos à integridade.",
            [ImportField.Classification] = "Contínua",
            [ImportField.ActionType] = Type("Formação"),
            [ImportField.PlannedStart] = start.AddMonths(2),
            [ImportField.PlannedEnd] = start.AddYears(2).AddDays(-1),
            [ImportField.PlannedBudget] = 12_000.5m,
            [ImportField.SuggestedEvidence] = "Listas de presença e certificados.",
            [ImportField.GoalIndicator] = "Servidores capacitados",
            [ImportField.GoalUnit] = "servidores",
            [ImportField.GoalBaseline] = 0m,
            [ImportField.GoalTarget] = 300m,
            [ImportField.Weight] = 2m,
        };
        return [Row(first), Row(second)];

        static IReadOnlyList<object?> Row(Dictionary<ImportField, object?> values) =>
            ImportColumns.All.Select(c => values.GetValueOrDefault(c.Field)).ToList();
    }

    private static List<IReadOnlyList<object?>> InstructionRows(ImportTemplateData data)
    {
        var context = data.Context;
        var units = context.Units.Where(u => u.IsActive)
            .OrderBy(u => u.Acronym ?? u.Name, StringComparer.Create(_ptBr, true))
            .Select(u => u.Acronym is null ? u.Name : $"{u.Acronym} ({u.Name})")
            .ToList();
        var axes = context.ExistingAxes.Select(a => $"{a.Number} — {a.Title}").ToList();
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var column in ImportColumns.All)
        {
            var help = column.Field switch
            {
                ImportField.Axis when axes.Count > 0 => $"{column.Help} Eixos e subeixos que o plano já tem: {string.Join("; ", axes)}.",
                ImportField.ExecutingUnit or ImportField.SupportUnits => units.Count == 0
                    ? $"{column.Help} O órgão ainda não tem unidades ativas cadastradas: cadastre-as antes de importar."
                    : $"{column.Help} Unidades do órgão: {string.Join("; ", units)}.",
                ImportField.ActionType => $"{column.Help} Tipos aceitos: {(context.ActionTypes.Count == 0 ? "nenhum cadastrado" : string.Join("; ", context.ActionTypes))}.",
                _ => column.Help,
            };
            rows.Add([column.Header, column.Requirement, help]);
        }
        rows.Add(["", "", ""]);
        rows.Add(["Como importar", "",
            "Preencha uma ação por linha na aba Ações, a partir da linha 2, sem alterar o cabeçalho (linha 1). " +
            "Letras maiúsculas, minúsculas e acentos não fazem diferença nas siglas, nomes, classificações e tipos. " +
            "Salve como .xlsx ou como CSV (separado por ponto e vírgula) e envie na página Importar ações do plano. " +
            $"Se houver qualquer problema, nenhuma ação é importada: o SisPMPI lista cada problema com a linha e a coluna. Limite: {ActionImportParser.MaxRows.ToString("N0", _ptBr)} ações e 5 MB por arquivo."]);
        rows.Add(["Numeração", "",
            "As ações são numeradas pela posição: as do subeixo 1.1 recebem 1.1.1, 1.1.2…; as ações diretamente no eixo seguem a numeração depois dos subeixos (com os subeixos 1.1 e 1.2, a primeira ação do eixo 1 é a 1.3). " +
            "As ações importadas entram depois das que o plano já tem."]);
        return rows;
    }
}
