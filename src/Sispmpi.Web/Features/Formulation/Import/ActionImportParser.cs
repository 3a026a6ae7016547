using System.Globalization;
using Sispmpi.Core.Plans;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>
/// One problem of an import, as the user finds it in their spreadsheet: the line (the header is line 1; 0
/// for the file as a whole), the column's header and what is wrong, in Portuguese.
/// </summary>
public sealed record ImportError(int Line, string Column, string Problem);

/// <summary>An administrative unit of the plan's organization, as the file may name it.</summary>
public sealed record ImportUnit(int Id, string Name, string? Acronym, bool IsActive);

/// <summary>An axis ("1") or sub-axis ("1.2") the plan already has.</summary>
public sealed record ImportExistingAxis(string Number, string Title);

/// <summary>What the file is checked against: the organization's units, the action types, the plan's axes.</summary>
public sealed record ImportContext(IReadOnlyList<ImportUnit> Units, IReadOnlyList<string> ActionTypes, IReadOnlyList<ImportExistingAxis> ExistingAxes);

/// <summary>
/// One valid line of the file. <see cref="AxisTitle"/> and <see cref="SubAxisTitle"/> are the titles of the
/// axis and sub-axis as settled over the whole file (or as the plan already has them).
/// </summary>
public sealed record ActionImportRow(
    int Line,
    int AxisNumber,
    string AxisTitle,
    int? SubAxisNumber,
    string? SubAxisTitle,
    string Title,
    string? Description,
    int ExecutingUnitId,
    IReadOnlyList<int> SupportUnitIds,
    string? Objectives,
    string? Benefits,
    ActionClassification Classification,
    string ActionType,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    decimal? PlannedBudget,
    string? SuggestedEvidence,
    string? GoalIndicator,
    string? GoalUnit,
    decimal? GoalBaseline,
    decimal? GoalTarget,
    decimal Weight);

/// <summary>
/// Either the rows of a valid file or its problems: never both. <see cref="Errors"/> holds at most
/// <see cref="ActionImportParser.MaxReportedErrors"/> problems; <see cref="ErrorCount"/> counts them all.
/// </summary>
public sealed record ActionImportResult(IReadOnlyList<ActionImportRow> Rows, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;

    /// <summary>Problems found but not listed.</summary>
    public int UnreportedErrors => ErrorCount - Errors.Count;

    public static ActionImportResult Failure(string problem) => new([], [new ImportError(0, "", problem)], 1);
}

/// <summary>
/// Reads an uploaded action file (CSV or XLSX, recognized from its content) and checks every line against
/// the template's rules, collecting every problem rather than stopping at the first. Touches no database:
/// what the file is checked against comes in an <see cref="ImportContext"/>.
/// </summary>
public static class ActionImportParser
{
    public const int MaxRows = 5_000;
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxReportedErrors = 200;
    public const int MaxAxisNumber = 999;
    public const int MaxLongText = 4_000;

    private static readonly CultureInfo _ptBr = Infrastructure.Web.BrazilTime.Culture;

    /// <summary>What kind of file the bytes are, whatever the name says.</summary>
    public enum FileKind
    {
        Empty,
        Xlsx,
        Text,
        LegacyExcel,
        Pdf,
        OtherBinary,
    }

    public static FileKind Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return FileKind.Empty;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return FileKind.Xlsx;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return FileKind.LegacyExcel;
        }
        if (bytes.StartsWith("%PDF"u8))
        {
            return FileKind.Pdf;
        }
        var utf16 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        // Text has no NUL bytes (UTF-16 aside) and few control characters.
        if (!utf16 && bytes[..Math.Min(bytes.Length, 8_192)].IndexOf((byte)0) >= 0)
        {
            return FileKind.OtherBinary;
        }
        return FileKind.Text;
    }

    public static ActionImportResult Parse(byte[] content, string? fileName, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        if (content.Length > MaxFileBytes)
        {
            return ActionImportResult.Failure(
                $"O arquivo tem {(content.Length / 1024.0 / 1024.0).ToString("N1", _ptBr)} MB; o limite é 5 MB. Divida as ações em arquivos menores.");
        }
        var table = Detect(content) switch
        {
            FileKind.Empty => SheetTable.Failed("O arquivo está vazio."),
            FileKind.Xlsx => XlsxTableReader.Read(content, MaxRows + 1),
            FileKind.Text => CsvTableReader.Read(content, MaxRows + 1),
            FileKind.LegacyExcel => SheetTable.Failed("Planilhas no formato antigo do Excel (.xls) não são aceitas: salve o arquivo como .xlsx ou .csv."),
            _ => SheetTable.Failed(
                $"O arquivo{(string.IsNullOrWhiteSpace(fileName) ? "" : $" “{Path.GetFileName(fileName)}”")} não é uma planilha XLSX nem um texto CSV. Envie o modelo preenchido, salvo como .xlsx ou .csv."),
        };
        return table.Problem is { } problem ? ActionImportResult.Failure(problem) : ParseRows(table, context);
    }

    public static ActionImportResult ParseRows(SheetTable table, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(context);
        if (table.Rows.Count == 0)
        {
            return ActionImportResult.Failure("O arquivo está vazio: não há cabeçalho nem ações.");
        }
        if (table.HasMoreRows)
        {
            return ActionImportResult.Failure(
                $"O arquivo tem mais de {MaxRows.ToString("N0", _ptBr)} ações; o limite é {MaxRows.ToString("N0", _ptBr)} por importação. Divida-o em arquivos menores.");
        }

        var errors = new List<ImportError>();
        var header = table.Rows[0];
        var map = ReadHeader(header, errors);
        if (errors.Count > 0)
        {
            return Result([], errors);
        }
        var dataRows = table.Rows.Skip(1).ToList();
        if (dataRows.Count == 0)
        {
            return Result([], [new ImportError(header.Line, "", "O arquivo tem só o cabeçalho: nenhuma ação para importar.")]);
        }

        var lookups = new Lookups(context);
        var drafts = dataRows.Select(row => ReadRow(row, map, lookups, errors)).ToList();
        var titles = SettleAxes(drafts, context, errors);
        if (errors.Count > 0)
        {
            return Result([], errors);
        }

        var rows = drafts.Select(d => new ActionImportRow(
            d.Line, d.Axis!.Value, titles[(d.Axis.Value, (int?)null)], d.SubAxis, d.SubAxis is int sub ? titles[(d.Axis.Value, sub)] : null,
            d.Title!, d.Description, d.ExecutingUnitId!.Value, d.SupportUnitIds, d.Objectives, d.Benefits, d.Classification!.Value,
            d.ActionType!, d.PlannedStart!.Value, d.PlannedEnd!.Value, d.PlannedBudget, d.SuggestedEvidence, d.GoalIndicator,
            d.GoalUnit, d.GoalBaseline, d.GoalTarget, d.Weight ?? 1m)).ToList();
        return new ActionImportResult(rows, [], 0);
    }

    private static ActionImportResult Result(IReadOnlyList<ActionImportRow> rows, List<ImportError> errors)
    {
        var ordered = errors
            .Select((e, i) => (Error: e, Index: i))
            .OrderBy(e => e.Error.Line).ThenBy(e => ColumnOrder(e.Error.Column)).ThenBy(e => e.Index)
            .Select(e => e.Error)
            .ToList();
        return new ActionImportResult(rows, ordered.Take(MaxReportedErrors).ToList(), ordered.Count);
    }

    private static int ColumnOrder(string column)
    {
        for (var i = 0; i < ImportColumns.All.Count; i++)
        {
            if (ImportColumns.All[i].Header == column)
            {
                return i;
            }
        }
        return column.Length == 0 ? -1 : ImportColumns.All.Count;
    }

    /// <summary>Where each field is in the file; header problems go to the header's line, once each.</summary>
    private static Dictionary<ImportField, int> ReadHeader(SheetRow header, List<ImportError> errors)
    {
        var known = ImportColumns.All.ToDictionary(c => ImportColumns.Normalize(c.Header), c => c.Field);
        var map = new Dictionary<ImportField, int>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (!known.TryGetValue(ImportColumns.Normalize(text.TrimEnd('*')), out var field))
            {
                errors.Add(new ImportError(header.Line, text,
                    "Coluna desconhecida no cabeçalho. Use os nomes de coluna do modelo, sem alterá-los."));
            }
            else if (!map.TryAdd(field, i))
            {
                errors.Add(new ImportError(header.Line, ImportColumns.Header(field), "Coluna repetida no cabeçalho."));
            }
        }
        foreach (var column in ImportColumns.All.Where(c => !map.ContainsKey(c.Field)))
        {
            errors.Add(new ImportError(header.Line, column.Header, "Coluna ausente no cabeçalho. Use o modelo, com todas as colunas, mesmo as que ficarem em branco."));
        }
        // The same problem named once, even when repeated.
        var distinct = errors.Distinct().ToList();
        errors.Clear();
        errors.AddRange(distinct);
        return map;
    }

    /// <summary>A line as read, before the axes are settled across the whole file; null fields had a problem.</summary>
    private sealed class Draft
    {
        public int Line { get; init; }
        public int? Axis { get; set; }
        public string? AxisTitle { get; set; }
        public int? SubAxis { get; set; }
        public string? SubAxisTitle { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public int? ExecutingUnitId { get; set; }
        public List<int> SupportUnitIds { get; } = [];
        public string? Objectives { get; set; }
        public string? Benefits { get; set; }
        public ActionClassification? Classification { get; set; }
        public string? ActionType { get; set; }
        public DateOnly? PlannedStart { get; set; }
        public DateOnly? PlannedEnd { get; set; }
        public decimal? PlannedBudget { get; set; }
        public string? SuggestedEvidence { get; set; }
        public string? GoalIndicator { get; set; }
        public string? GoalUnit { get; set; }
        public decimal? GoalBaseline { get; set; }
        public decimal? GoalTarget { get; set; }
        public decimal? Weight { get; set; }
    }

    private static Draft ReadRow(SheetRow row, Dictionary<ImportField, int> map, Lookups lookups, List<ImportError> errors)
    {
        var draft = new Draft { Line = row.Line };
        string? Cell(ImportField field)
        {
            var index = map[field];
            var text = index < row.Cells.Count ? row.Cells[index] : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        }
        void Error(ImportField field, string problem) => errors.Add(new ImportError(row.Line, ImportColumns.Header(field), problem));
        string? Text(ImportField field, int maxLength, bool required = false, string? missing = null)
        {
            var text = Cell(field);
            if (text is null)
            {
                if (required)
                {
                    Error(field, missing ?? "Campo obrigatório não preenchido.");
                }
                return null;
            }
            if (text.Length > maxLength)
            {
                Error(field, $"Texto longo demais: {text.Length.ToString("N0", _ptBr)} caracteres; o limite é {maxLength.ToString("N0", _ptBr)}.");
                return null;
            }
            return text;
        }
        decimal? Number(ImportField field, int maxDecimals, decimal max, string? negative = null)
        {
            if (Cell(field) is not { } text)
            {
                return null;
            }
            if (PtBrValues.TryParseDecimal(text, out var value) is { } problem)
            {
                Error(field, problem);
                return null;
            }
            if (negative is not null && value < 0)
            {
                Error(field, negative);
                return null;
            }
            if (Math.Abs(value) > max)
            {
                Error(field, $"Valor grande demais: {PtBrValues.Format(value)}; o limite é {PtBrValues.Format(max)}.");
                return null;
            }
            if (PtBrValues.DecimalPlaces(value) > maxDecimals)
            {
                Error(field, $"Use no máximo {maxDecimals} casas decimais, e não {PtBrValues.Format(value)}.");
                return null;
            }
            return value;
        }
        DateOnly? Date(ImportField field)
        {
            if (Cell(field) is not { } text)
            {
                Error(field, "Informe a data no formato dd/mm/aaaa.");
                return null;
            }
            if (PtBrValues.TryParseDate(text, out var date) is { } problem)
            {
                Error(field, problem);
                return null;
            }
            return date;
        }

        // Axis and sub-axis.
        if (Cell(ImportField.Axis) is not { } axis)
        {
            Error(ImportField.Axis, "Informe o número do eixo (1, 2, 3…).");
        }
        else if (PtBrValues.TryParsePositiveInteger(axis, MaxAxisNumber, out var axisNumber) is { } axisProblem)
        {
            Error(ImportField.Axis, axisProblem);
        }
        else
        {
            draft.Axis = axisNumber;
        }
        draft.AxisTitle = Text(ImportField.AxisTitle, 300);
        if (Cell(ImportField.SubAxis) is { } subAxis)
        {
            if (PtBrValues.TryParsePositiveInteger(subAxis, MaxAxisNumber, out var subAxisNumber) is { } subAxisProblem)
            {
                Error(ImportField.SubAxis, subAxisProblem);
            }
            else
            {
                draft.SubAxis = subAxisNumber;
            }
        }
        draft.SubAxisTitle = Text(ImportField.SubAxisTitle, 300);
        if (draft.SubAxisTitle is not null && Cell(ImportField.SubAxis) is null)
        {
            Error(ImportField.SubAxis, "Há título de subeixo, mas falta o número do subeixo. Informe o número ou deixe o título em branco.");
        }

        // The action itself.
        draft.Title = Text(ImportField.Title, 500, required: true, missing: "Informe o título da ação.");
        draft.Description = Text(ImportField.Description, MaxLongText);
        if (Cell(ImportField.ExecutingUnit) is not { } executing)
        {
            Error(ImportField.ExecutingUnit, "Informe a sigla ou o nome da unidade executora.");
        }
        else if (lookups.Unit(executing, out var unitId) is { } unitProblem)
        {
            Error(ImportField.ExecutingUnit, unitProblem);
        }
        else
        {
            draft.ExecutingUnitId = unitId;
        }
        if (Cell(ImportField.SupportUnits) is { } support)
        {
            foreach (var name in lookups.SplitUnits(support))
            {
                if (lookups.Unit(name, out var supportId) is { } supportProblem)
                {
                    Error(ImportField.SupportUnits, supportProblem);
                }
                else if (supportId != draft.ExecutingUnitId && !draft.SupportUnitIds.Contains(supportId))
                {
                    draft.SupportUnitIds.Add(supportId);
                }
            }
        }
        draft.Objectives = Text(ImportField.Objectives, MaxLongText);
        draft.Benefits = Text(ImportField.Benefits, MaxLongText);
        switch (ImportColumns.Normalize(Cell(ImportField.Classification)))
        {
            case "":
                Error(ImportField.Classification, "Informe a classificação: Contínua ou Pontual.");
                break;
            case "continua":
                draft.Classification = ActionClassification.Continuous;
                break;
            case "pontual":
                draft.Classification = ActionClassification.OneOff;
                break;
            default:
                Error(ImportField.Classification, $"Classificação desconhecida: “{Cell(ImportField.Classification)}”. Use Contínua ou Pontual.");
                break;
        }
        if (Cell(ImportField.ActionType) is not { } type)
        {
            Error(ImportField.ActionType, $"Informe o tipo da ação: {lookups.TypeList}.");
        }
        else if (lookups.ActionType(type) is { } canonical)
        {
            draft.ActionType = canonical;
        }
        else
        {
            Error(ImportField.ActionType, $"Tipo de ação desconhecido: “{type}”. Tipos aceitos: {lookups.TypeList}.");
        }

        // Dates and budget.
        draft.PlannedStart = Date(ImportField.PlannedStart);
        draft.PlannedEnd = Date(ImportField.PlannedEnd);
        if (draft.PlannedStart is { } start && draft.PlannedEnd is { } end && end < start)
        {
            Error(ImportField.PlannedEnd, $"O término previsto ({PtBrValues.Format(end)}) é anterior ao início previsto ({PtBrValues.Format(start)}).");
            draft.PlannedEnd = null;
        }
        draft.PlannedBudget = Number(ImportField.PlannedBudget, 2, 9_999_999_999_999_999.99m, "O orçamento previsto não pode ser negativo.");
        draft.SuggestedEvidence = Text(ImportField.SuggestedEvidence, MaxLongText);

        // The optional quantitative goal: all or nothing of indicator and target.
        var goalFilled = new[] { ImportField.GoalIndicator, ImportField.GoalUnit, ImportField.GoalBaseline, ImportField.GoalTarget }
            .Any(f => Cell(f) is not null);
        draft.GoalIndicator = Text(ImportField.GoalIndicator, 300);
        draft.GoalUnit = Text(ImportField.GoalUnit, 60);
        draft.GoalBaseline = Number(ImportField.GoalBaseline, 4, 99_999_999_999_999.9999m);
        draft.GoalTarget = Number(ImportField.GoalTarget, 4, 99_999_999_999_999.9999m);
        if (goalFilled && Cell(ImportField.GoalIndicator) is null)
        {
            Error(ImportField.GoalIndicator, "A meta está preenchida em parte: informe também o indicador da meta.");
        }
        if (goalFilled && Cell(ImportField.GoalTarget) is null)
        {
            Error(ImportField.GoalTarget, "A meta está preenchida em parte: informe também o valor da meta.");
        }

        if (Cell(ImportField.Weight) is not null)
        {
            var weight = Number(ImportField.Weight, 4, 99_999.9999m);
            if (weight is <= 0)
            {
                Error(ImportField.Weight, "O peso deve ser maior que zero.");
            }
            else
            {
                draft.Weight = weight;
            }
        }
        return draft;
    }

    /// <summary>
    /// Settles each axis's and sub-axis's title over the whole file: the plan's own title for one it already
    /// has, otherwise the first title the file gives; any other title is a problem of its line. Numbers must
    /// leave no gap (an axis 3 needs an axis 2), since numbers follow positions.
    /// </summary>
    private static Dictionary<(int Axis, int? SubAxis), string> SettleAxes(List<Draft> drafts, ImportContext context, List<ImportError> errors)
    {
        var existing = new Dictionary<(int, int?), string>();
        foreach (var axis in context.ExistingAxes)
        {
            var parts = axis.Number.Split('.');
            if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            {
                existing.TryAdd((a, null), axis.Title);
            }
            else if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out a)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                existing.TryAdd((a, s), axis.Title);
            }
        }

        var titles = new Dictionary<(int, int?), string>(existing);
        var firstTitleLine = new Dictionary<(int, int?), int>();
        var firstLine = new Dictionary<(int, int?), int>();
        foreach (var draft in drafts.Where(d => d.Axis is not null))
        {
            var axisKey = (draft.Axis!.Value, (int?)null);
            Check(axisKey, draft.AxisTitle, draft.Line, ImportField.AxisTitle, $"eixo {draft.Axis}");
            if (draft.SubAxis is int sub)
            {
                Check((draft.Axis.Value, sub), draft.SubAxisTitle, draft.Line, ImportField.SubAxisTitle, $"subeixo {draft.Axis}.{sub}");
            }
        }

        void Check((int, int?) key, string? title, int line, ImportField field, string name)
        {
            firstLine.TryAdd(key, line);
            if (title is null)
            {
                return;
            }
            if (!titles.TryGetValue(key, out var settled))
            {
                titles[key] = title;
                firstTitleLine[key] = line;
            }
            else if (ImportColumns.Normalize(settled) != ImportColumns.Normalize(title))
            {
                errors.Add(new ImportError(line, ImportColumns.Header(field), existing.ContainsKey(key)
                    ? $"O {name} já existe no plano com o título “{settled}”. Use o mesmo título ou deixe a célula em branco."
                    : $"O {name} aparece com outro título na linha {firstTitleLine[key]} (“{settled}”). Use o mesmo título em todas as linhas ou deixe a célula em branco."));
            }
        }

        foreach (var (key, line) in firstLine.OrderBy(p => p.Value))
        {
            if (!titles.ContainsKey(key))
            {
                var (axis, sub) = key;
                errors.Add(sub is null
                    ? new ImportError(line, ImportColumns.Header(ImportField.AxisTitle), $"Informe o título do eixo {axis}, que ainda não existe no plano.")
                    : new ImportError(line, ImportColumns.Header(ImportField.SubAxisTitle), $"Informe o título do subeixo {axis}.{sub}, que ainda não existe no plano."));
            }
        }

        // No gaps: every number up to the largest one used exists in the plan or in the file.
        var used = existing.Keys.Concat(firstLine.Keys).ToHashSet();
        foreach (var (key, line) in firstLine.OrderBy(p => p.Value))
        {
            var (axis, sub) = key;
            if (sub is null)
            {
                var missing = Enumerable.Range(1, axis - 1).FirstOrDefault(n => !used.Contains((n, null)));
                if (missing > 0)
                {
                    errors.Add(new ImportError(line, ImportColumns.Header(ImportField.Axis),
                        $"Não há eixo {missing} no plano nem no arquivo. Numere os eixos em sequência (1, 2, 3…)."));
                }
            }
            else
            {
                var missing = Enumerable.Range(1, sub.Value - 1).FirstOrDefault(n => !used.Contains((axis, n)));
                if (missing > 0)
                {
                    errors.Add(new ImportError(line, ImportColumns.Header(ImportField.SubAxis),
                        $"Não há subeixo {axis}.{missing} no plano nem no arquivo. Numere os subeixos de cada eixo em sequência (1, 2, 3…)."));
                }
            }
        }
        return titles;
    }

    /// <summary>Units and action types found by what a person types: acronym or name, without regard to case or accents.</summary>
    private sealed class Lookups
    {
        private readonly ILookup<string, ImportUnit> _byAcronym;
        private readonly ILookup<string, ImportUnit> _byName;
        private readonly Dictionary<string, string> _types;

        public Lookups(ImportContext context)
        {
            _byAcronym = context.Units.Where(u => !string.IsNullOrWhiteSpace(u.Acronym)).ToLookup(u => ImportColumns.Normalize(u.Acronym));
            _byName = context.Units.ToLookup(u => ImportColumns.Normalize(u.Name));
            _types = [];
            foreach (var type in context.ActionTypes)
            {
                _types.TryAdd(ImportColumns.Normalize(type), type);
            }
            TypeList = context.ActionTypes.Count == 0 ? "(nenhum tipo cadastrado no catálogo)" : string.Join(", ", context.ActionTypes);
        }

        public string TypeList { get; }

        public string? ActionType(string text) => _types.GetValueOrDefault(ImportColumns.Normalize(text));

        /// <summary>Names separated by ';' — or by ',' when that is the only separator and every part is a unit.</summary>
        public IEnumerable<string> SplitUnits(string text)
        {
            var parts = text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var part in parts)
            {
                if (Find(part) is null && part.Contains(',', StringComparison.Ordinal))
                {
                    var pieces = part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (pieces.All(p => Find(p) is not null))
                    {
                        foreach (var piece in pieces)
                        {
                            yield return piece;
                        }
                        continue;
                    }
                }
                yield return part;
            }
        }

        /// <summary>Null and the unit's id when found; otherwise a Portuguese problem.</summary>
        public string? Unit(string text, out int id)
        {
            id = 0;
            var candidates = Find(text);
            if (candidates is null)
            {
                return $"Unidade não encontrada no órgão: “{text}”. Use a sigla ou o nome exato de uma unidade cadastrada (veja a aba Instruções do modelo).";
            }
            var active = candidates.Where(u => u.IsActive).ToList();
            if (active.Count == 0)
            {
                return $"A unidade “{text}” está inativa e não pode receber ações.";
            }
            if (active.Count > 1)
            {
                return $"Há mais de uma unidade chamada “{text}”: use o nome completo da unidade.";
            }
            id = active[0].Id;
            return null;
        }

        private List<ImportUnit>? Find(string text)
        {
            var key = ImportColumns.Normalize(text);
            if (key.Length == 0)
            {
                return null;
            }
            var byAcronym = _byAcronym[key].ToList();
            if (byAcronym.Count > 0)
            {
                return byAcronym;
            }
            var byName = _byName[key].ToList();
            return byName.Count > 0 ? byName : null;
        }
    }
}
