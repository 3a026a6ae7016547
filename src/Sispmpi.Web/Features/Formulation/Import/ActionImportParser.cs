using System.Globalization;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>
/// Reads an uploaded action file (CSV or XLSX, recognized from its content) and checks every line against
/// the template's rules, collecting every problem rather than stopping at the first. Touches no database:
/// what the file is checked against comes in an <see cref="ImportContext"/>.
/// </summary>
public static partial class ActionImportParser
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
}
