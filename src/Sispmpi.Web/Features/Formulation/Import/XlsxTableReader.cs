using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>
/// Reads the sheet "Ações" (or else the first sheet) of an Excel workbook as text cells, numbered by the
/// workbook's own row numbers: shared and inline strings as they are, numbers in pt-BR (<c>1234,5</c>), and
/// numbers with a date format — how Excel stores dates — as <c>dd/mm/aaaa</c>.
/// </summary>
public static class XlsxTableReader
{
    public const string ActionsSheetName = "Ações";

    /// <summary>Refuses archives that unpack to more than this: a 5 MB upload could otherwise expand without bound.</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private const string NotAWorkbook = "O arquivo compactado enviado não é uma planilha XLSX válida. Envie o modelo preenchido, salvo como .xlsx ou .csv.";

    private static readonly CultureInfo _ptBr = Infrastructure.Web.BrazilTime.Culture;

    public static SheetTable Read(byte[] bytes, int maxFilledRows)
    {
        if (CheckArchive(bytes) is { } problem)
        {
            return SheetTable.Failed(problem);
        }
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            return ReadWorkbook(document, maxFilledRows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException
            or InvalidOperationException or System.Xml.XmlException or ArgumentException or OverflowException)
        {
            return SheetTable.Failed(NotAWorkbook);
        }
    }

    /// <summary>A quick look inside the ZIP: what kind of document it is, and whether it is too large unpacked.</summary>
    private static string? CheckArchive(byte[] bytes)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            // Declared sizes can lie: the entries are inflated with a running count that stops at the limit.
            if (!Sispmpi.Core.Execution.EvidenceFiles.InflatesWithin(bytes, MaxUnpackedBytes))
            {
                return "A planilha é grande demais depois de descompactada. Divida as ações em arquivos menores.";
            }
            if (names.Contains("xl/workbook.xml"))
            {
                return null;
            }
            if (names.Contains("content.xml") && names.Contains("mimetype"))
            {
                return "Planilhas do LibreOffice (.ods) não são aceitas: salve o arquivo como .xlsx ou .csv.";
            }
            if (names.Contains("word/document.xml"))
            {
                return "O arquivo enviado é um documento do Word, não uma planilha. Envie o modelo preenchido, salvo como .xlsx ou .csv.";
            }
            return NotAWorkbook;
        }
        catch (InvalidDataException)
        {
            return NotAWorkbook;
        }
    }

    private static SheetTable ReadWorkbook(SpreadsheetDocument document, int maxFilledRows)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var sheets = workbookPart.Workbook?.Sheets?.Elements<S.Sheet>().ToList() ?? [];
        var sheet = sheets.FirstOrDefault(s => ImportColumns.Normalize(s.Name?.Value) == ImportColumns.Normalize(ActionsSheetName))
            ?? sheets.FirstOrDefault();
        if (sheet?.Id?.Value is not { } partId || workbookPart.GetPartById(partId) is not WorksheetPart worksheetPart)
        {
            return SheetTable.Failed("A planilha não tem nenhuma aba com dados.");
        }

        var strings = SharedStrings(workbookPart);
        var dateStyles = DateStyles(workbookPart);
        var date1904 = workbookPart.Workbook?.WorkbookProperties?.Date1904?.Value == true;

        var rows = new List<SheetRow>();
        var filled = 0;
        var previousLine = 0;
        using var reader = OpenXmlReader.Create(worksheetPart);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(S.Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (S.Row)reader.LoadCurrentElement()!;
            var line = row.RowIndex?.Value is uint index ? (int)index : previousLine + 1;
            previousLine = line;
            var cells = new List<string>();
            var column = -1;
            foreach (var cell in row.Elements<S.Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
                if (column < 0 || column > 16_383)
                {
                    continue;
                }
                while (cells.Count <= column)
                {
                    cells.Add("");
                }
                cells[column] = CellText(cell, strings, dateStyles, date1904);
            }
            var sheetRow = new SheetRow(line, cells);
            if (sheetRow.IsBlank)
            {
                continue;
            }
            if (filled == maxFilledRows)
            {
                return new SheetTable(rows, HasMoreRows: true);
            }
            filled++;
            rows.Add(sheetRow);
        }
        return new SheetTable(rows);
    }

    private static string CellText(S.Cell cell, IReadOnlyList<string> strings, IReadOnlySet<uint> dateStyles, bool date1904)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == S.CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : "";
        }
        if (type == S.CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : raw;
        }
        if (type == S.CellValues.Boolean)
        {
            return raw == "1" ? "VERDADEIRO" : "FALSO";
        }
        if (type == S.CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment)
                ? moment.ToString("dd/MM/yyyy", _ptBr)
                : raw;
        }
        if (type == S.CellValues.String || type == S.CellValues.Error)
        {
            return raw;
        }
        // A number, possibly a date in disguise.
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return raw;
        }
        if (cell.StyleIndex?.Value is uint style && dateStyles.Contains(style))
        {
            return SerialToDate(number, date1904) is { } date ? date.ToString("dd/MM/yyyy", _ptBr) : raw;
        }
        if (Math.Abs(number) >= 7.9e27)
        {
            return raw;
        }
        // Converting from double keeps 15 significant digits: 0.1 + 0.2 reads 0,3.
        return ((decimal)number).ToString("0.############################", _ptBr);
    }

    /// <summary>Excel's serial day number as a date: days since 1899-12-30 (1904-01-01 in 1904-based workbooks).</summary>
    internal static DateOnly? SerialToDate(double serial, bool date1904)
    {
        var days = Math.Floor(serial);
        if (date1904)
        {
            days += 1462;
        }
        // Excel counts a 29/02/1900 that never was: serials before 61 are one day off. Nobody plans an action then.
        if (days < 61 || days > 2_958_465)
        {
            return null;
        }
        return DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(days));
    }

    private static List<string> SharedStrings(WorkbookPart workbookPart)
    {
        var table = workbookPart.SharedStringTablePart?.SharedStringTable;
        return table is null ? [] : table.Elements<S.SharedStringItem>().Select(ItemText).ToList();
    }

    /// <summary>The text of a shared or inline string: its plain text, or its rich-text runs joined, without phonetic hints.</summary>
    private static string ItemText(OpenXmlElement item)
    {
        if (item.GetFirstChild<S.Text>() is { } text)
        {
            return text.Text;
        }
        var builder = new StringBuilder();
        foreach (var run in item.Elements<S.Run>())
        {
            builder.Append(run.Text?.Text);
        }
        return builder.ToString();
    }

    /// <summary>The cell styles whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbookPart)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }
        var custom = stylesheet.NumberingFormats?.Elements<S.NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<S.CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                result.Add(index);
            }
            index++;
        }
        return result;
    }

    private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);

    /// <summary>A format code shows a date when, outside quoted text, escapes and [brackets], it has a day or year.</summary>
    internal static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes)
            {
                inQuotes = c != '"';
                continue;
            }
            if (inBrackets)
            {
                inBrackets = c != ']';
                continue;
            }
            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '[':
                    inBrackets = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case ';':
                    // Only the first section (positive numbers) matters.
                    return false;
                case 'd' or 'D' or 'y' or 'Y':
                    return true;
            }
        }
        return false;
    }

    /// <summary>"A1" → 0, "AB12" → 27; -1 when the reference has no letters.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }
            index = (index * 26) + (upper - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return -1;
            }
        }
        return letters == 0 ? -1 : index - 1;
    }
}
