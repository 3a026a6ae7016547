using System.Text;
using System.Text.RegularExpressions;
using Sispmpi.Core.Adoption;
using Sispmpi.Web.Features.Formulation.Import;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;

namespace Sispmpi.Web.Features.Adoption;

/// <summary>A participant as the "Responsável" column may name it.</summary>
public sealed record ImportParticipant(int Id, IReadOnlyList<string> Names);

public sealed record WorkPlanImportGoal(int Line, string Code, string Description, string DeadlineText, DeadlineRule Rule,
    IReadOnlyList<int> ResponsibleIds);

public sealed record WorkPlanImportAxis(int Line, string? Number, string Title, List<WorkPlanImportGoal> Goals);

/// <summary>Either the axes of a valid file or its problems, line by line: never both.</summary>
public sealed record WorkPlanImportResult(IReadOnlyList<WorkPlanImportAxis> Axes, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public int GoalCount => Axes.Sum(a => a.Goals.Count);

    public static WorkPlanImportResult Failure(string problem) => new([], [new ImportError(0, "", problem)]);
}

/// <summary>
/// Reads a work plan's physical schedule (cronograma físico), CSV or XLSX, laid out as in real work plans
/// (seed 001): columns "Eixo/Meta", "Descrição", "Prazo/Periodicidade" and "Responsável". A row with a whole
/// number and no deadline opens an axis ("1 · Melhoria da Gestão"); a row with only a title opens a group of
/// combined axes ("Eixos combinados"); every other row is a goal ("1.1", or "1 e 3" for combined axes), whose
/// deadline must be understood by <see cref="DeadlineRuleParser"/> and whose responsible parties must be
/// participants of the agreement. Any problem: nothing is imported.
/// </summary>
public static partial class WorkPlanImportParser
{
    public const int MaxRows = 1_000;
    public const string NumberHeader = "Eixo/Meta";
    public const string DescriptionHeader = "Descrição";
    public const string DeadlineHeader = "Prazo/Periodicidade";
    public const string ResponsibleHeader = "Responsável";
    public const string CsvFileName = "modelo-cronograma-fisico.csv";
    public const string XlsxFileName = "modelo-cronograma-fisico.xlsx";

    private enum Column { Number, Description, Deadline, Responsible }

    public static WorkPlanImportResult Parse(byte[] content, IReadOnlyList<ImportParticipant> participants)
    {
        if (content.Length > ActionImportParser.MaxFileBytes)
        {
            return WorkPlanImportResult.Failure("O arquivo passa de 5 MB.");
        }
        var table = ActionImportParser.Detect(content) switch
        {
            ActionImportParser.FileKind.Empty => SheetTable.Failed("O arquivo está vazio."),
            ActionImportParser.FileKind.Xlsx => XlsxTableReader.Read(content, MaxRows + 1),
            ActionImportParser.FileKind.Text => CsvTableReader.Read(content, MaxRows + 1),
            ActionImportParser.FileKind.LegacyExcel => SheetTable.Failed("Planilhas no formato antigo do Excel (.xls) não são aceitas: salve o arquivo como .xlsx ou .csv."),
            _ => SheetTable.Failed("O arquivo não é uma planilha XLSX nem um texto CSV. Envie o modelo preenchido, salvo como .xlsx ou .csv."),
        };
        if (table.Problem is { } problem)
        {
            return WorkPlanImportResult.Failure(problem);
        }
        if (table.HasMoreRows)
        {
            return WorkPlanImportResult.Failure($"O arquivo tem mais de {MaxRows} linhas.");
        }
        return ParseRows(table, participants);
    }

    public static WorkPlanImportResult ParseRows(SheetTable table, IReadOnlyList<ImportParticipant> participants)
    {
        if (table.Rows.Count == 0)
        {
            return WorkPlanImportResult.Failure("O arquivo está vazio: não há cabeçalho nem metas.");
        }
        var errors = new List<ImportError>();
        var header = table.Rows[0];
        var map = new Dictionary<Column, int>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = ImportColumns.Normalize(header.Cells[i]);
            Column? column = name.Contains("prazo", StringComparison.Ordinal) || name.Contains("periodicidade", StringComparison.Ordinal) ? Column.Deadline
                : name.Contains("responsavel", StringComparison.Ordinal) ? Column.Responsible
                : name.Contains("descricao", StringComparison.Ordinal) ? Column.Description
                : name.Contains("eixo", StringComparison.Ordinal) || name.Contains("meta", StringComparison.Ordinal) ? Column.Number
                : null;
            if (column is { } c && !map.ContainsKey(c))
            {
                map[c] = i;
            }
        }
        foreach (var (column, title) in new[] { (Column.Number, NumberHeader), (Column.Description, DescriptionHeader), (Column.Deadline, DeadlineHeader), (Column.Responsible, ResponsibleHeader) })
        {
            if (!map.ContainsKey(column))
            {
                errors.Add(new ImportError(header.Line, title, $"Falta a coluna “{title}” no cabeçalho (linha {header.Line})."));
            }
        }
        if (errors.Count > 0)
        {
            return new WorkPlanImportResult([], errors);
        }

        var axes = new List<WorkPlanImportAxis>();
        WorkPlanImportAxis? current = null;
        foreach (var row in table.Rows.Skip(1))
        {
            string Cell(Column column) => map[column] < row.Cells.Count ? row.Cells[map[column]].Trim() : "";
            var number = Cell(Column.Number);
            var description = Cell(Column.Description);
            var deadline = Cell(Column.Deadline);
            var responsible = Cell(Column.Responsible);

            if (AxisNumberPattern().IsMatch(number) && deadline.Length == 0 && responsible.Length == 0)
            {
                if (description.Length == 0)
                {
                    errors.Add(new ImportError(row.Line, DescriptionHeader, $"Informe o título do eixo {number}."));
                }
                else if (axes.Any(a => a.Number == number))
                {
                    errors.Add(new ImportError(row.Line, NumberHeader, $"O eixo {number} aparece mais de uma vez."));
                }
                current = new WorkPlanImportAxis(row.Line, number, Limit(description, 300), []);
                axes.Add(current);
                continue;
            }
            if (number.Length > 0 && !char.IsAsciiDigit(number[0]) && description.Length == 0 && deadline.Length == 0 && responsible.Length == 0)
            {
                // A group heading such as "Eixos combinados".
                current = new WorkPlanImportAxis(row.Line, null, Limit(number, 300), []);
                axes.Add(current);
                continue;
            }

            var code = Regex.Replace(number, @"\s+", " ");
            if (code.Length == 0)
            {
                errors.Add(new ImportError(row.Line, NumberHeader, "Informe o número da meta (por exemplo 1.1) ou os eixos combinados (por exemplo 1 e 3)."));
            }
            else if (GoalNumberPattern().Match(code) is { Success: true } goalNumber)
            {
                var axisNumber = goalNumber.Groups["axis"].Value;
                if (current is null || current.Number != axisNumber)
                {
                    errors.Add(new ImportError(row.Line, NumberHeader, $"A meta {code} precisa vir logo abaixo da linha do eixo {axisNumber}."));
                }
            }
            else if (CombinedPattern().IsMatch(code))
            {
                var missing = Regex.Matches(code, @"\d+").Select(m => m.Value).Where(n => axes.All(a => a.Number != n)).ToList();
                if (missing.Count > 0)
                {
                    errors.Add(new ImportError(row.Line, NumberHeader, $"A meta {code} combina o eixo {string.Join(", ", missing)}, que não está no arquivo antes dela."));
                }
                else if (current is null)
                {
                    errors.Add(new ImportError(row.Line, NumberHeader, $"A meta {code} precisa vir abaixo de um eixo ou de um grupo como “Eixos combinados”."));
                }
            }
            else
            {
                errors.Add(new ImportError(row.Line, NumberHeader, $"Número de meta não reconhecido: “{number}”. Use 1.1, 2.3… ou, para eixos combinados, 1 e 3."));
            }
            if (description.Length == 0)
            {
                errors.Add(new ImportError(row.Line, DescriptionHeader, "Informe a descrição da meta."));
            }
            else if (description.Length > 2000)
            {
                errors.Add(new ImportError(row.Line, DescriptionHeader, "A descrição deve ter até 2.000 caracteres."));
            }
            DeadlineRule? rule = null;
            if (deadline.Length > 300)
            {
                errors.Add(new ImportError(row.Line, DeadlineHeader, "O prazo deve ter até 300 caracteres."));
            }
            else if (!DeadlineRuleParser.TryParse(deadline, out rule, out var deadlineError))
            {
                errors.Add(new ImportError(row.Line, DeadlineHeader, deadlineError));
            }
            var responsibleIds = MatchParticipants(responsible, participants, out var responsibleError);
            if (responsibleError is not null)
            {
                errors.Add(new ImportError(row.Line, ResponsibleHeader, responsibleError));
            }
            if (current is not null && rule is not null && code.Length > 0)
            {
                current.Goals.Add(new WorkPlanImportGoal(row.Line, code, description, deadline, rule, responsibleIds));
            }
        }
        if (errors.Count == 0 && axes.Sum(a => a.Goals.Count) == 0)
        {
            errors.Add(new ImportError(header.Line, "", "O arquivo não tem nenhuma meta."));
        }
        foreach (var empty in axes.Where(a => a.Goals.Count == 0))
        {
            errors.Add(new ImportError(empty.Line, NumberHeader, $"O eixo “{empty.Title}” não tem nenhuma meta abaixo dele."));
        }
        return errors.Count > 0
            ? new WorkPlanImportResult([], errors.OrderBy(e => e.Line).ToList())
            : new WorkPlanImportResult(axes, []);
    }

    /// <summary>
    /// The participants named in a "Responsável" cell, joined by "e", ",", ";": each part must be one of the
    /// names of a participant (case and accents ignored). Longer names are tried first, so a name that itself
    /// contains " e " is still recognized.
    /// </summary>
    public static IReadOnlyList<int> MatchParticipants(string text, IReadOnlyList<ImportParticipant> participants, out string? error)
    {
        error = null;
        var rest = ImportColumns.Normalize(text);
        if (rest.Length == 0)
        {
            error = "Informe o responsável: um ou mais partícipes do acordo, separados por “e” ou vírgula.";
            return [];
        }
        var names = participants
            .SelectMany(p => p.Names.Select(n => (p.Id, Name: ImportColumns.Normalize(n))))
            .Where(n => n.Name.Length > 0)
            .OrderByDescending(n => n.Name.Length)
            .ToList();
        var ids = new List<int>();
        while (rest.Length > 0)
        {
            var match = names.FirstOrDefault(n => rest.StartsWith(n.Name, StringComparison.Ordinal)
                && (rest.Length == n.Name.Length || SeparatorPattern().IsMatch(rest[n.Name.Length..])));
            if (match.Name is null)
            {
                error = $"Responsável não reconhecido: “{text.Trim()}”. Use os nomes dos partícipes do acordo: {string.Join("; ", participants.SelectMany(p => p.Names.Take(1)))}.";
                return [];
            }
            if (!ids.Contains(match.Id))
            {
                ids.Add(match.Id);
            }
            rest = rest[match.Name.Length..];
            rest = SeparatorPattern().Match(rest) is { Success: true } separator ? rest[separator.Length..] : rest;
        }
        return ids;
    }

    public static byte[] TemplateCsv(IReadOnlyList<string> participantNames)
    {
        var text = new StringBuilder();
        foreach (var row in TemplateRows(participantNames).Prepend([NumberHeader, DescriptionHeader, DeadlineHeader, ResponsibleHeader]))
        {
            text.AppendJoin(';', row.Select(v => v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v));
            text.Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] TemplateXlsx(string agreementNumber, IReadOnlyList<string> participantNames)
    {
        var schedule = new Sheet("Cronograma físico",
            [new SheetColumn(NumberHeader), new SheetColumn(DescriptionHeader), new SheetColumn(DeadlineHeader), new SheetColumn(ResponsibleHeader)],
            TemplateRows(participantNames).Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()).ToList());
        var instructions = new Sheet("Instruções", [new SheetColumn("Coluna"), new SheetColumn("O que informar")],
        [
            [NumberHeader, "Número do eixo (1, 2…) na linha que abre o eixo; número da meta (1.1, 1.2…) nas linhas das metas; eixos combinados como “1 e 3”, abaixo de uma linha só com o título do grupo (por exemplo “Eixos combinados”)."],
            [DescriptionHeader, "Título do eixo ou descrição da meta (até 2.000 caracteres)."],
            [DeadlineHeader, DeadlineRuleParser.Accepted],
            [ResponsibleHeader, $"Um ou mais partícipes, separados por “e” ou vírgula: {string.Join("; ", participantNames)}."],
            ["Importação", "Se qualquer linha tiver problema, nada é importado e cada problema é listado com a linha e a coluna."],
        ], Title: $"Cronograma físico — {agreementNumber}");
        return XlsxWriter.Write(new Workbook([schedule, instructions], $"Modelo do cronograma físico — {agreementNumber}", "SisPMPI"));
    }

    private static IEnumerable<string[]> TemplateRows(IReadOnlyList<string> names)
    {
        var first = names.Count > 0 ? names[0] : "Partícipe 1";
        var both = names.Count > 1 ? $"{names[0]} e {names[1]}" : first;
        return
        [
            ["1", "Melhoria da Gestão", "", ""],
            ["1.1", "Indicar servidores que acompanharão a execução do Acordo.", "Durante a vigência do Acordo", both],
            ["1.2", "Indicar responsável para acesso ao painel gerencial.", "Até 15 dias após o início da vigência", first],
            ["2", "Capacitação", "", ""],
            ["2.1", "Realizar cursos na sua área de abrangência e atuação.", "Anual com o mínimo de 60 horas ao ano", both],
            ["Eixos combinados", "", "", ""],
            ["1 e 2", "Informar a relação das instituições que celebrarem Acordo de Adesão.", "Até o dia 10 do mês subsequente à celebração do Acordo de Adesão", first],
        ];
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex AxisNumberPattern();

    [GeneratedRegex(@"^(?<axis>\d{1,3})(?:\.\d{1,3}){1,3}$")]
    private static partial Regex GoalNumberPattern();

    [GeneratedRegex(@"^\d{1,3}(?:(?: e |, ?| ?/ ?)\d{1,3})+$")]
    private static partial Regex CombinedPattern();

    [GeneratedRegex(@"^(?: e |, ?|; ?)")]
    private static partial Regex SeparatorPattern();
}
