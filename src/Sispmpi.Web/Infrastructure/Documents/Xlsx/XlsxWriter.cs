using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.ExtendedProperties;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Sispmpi.Web.Infrastructure.Documents.Xlsx;

/// <summary>
/// Writes a <see cref="Workbook"/> as an Excel workbook (.xlsx): one worksheet per sheet, a bold shaded header
/// row that stays frozen and carries an AutoFilter, typed cells (numbers, dates, money and percentages stay
/// numbers with a pt-BR number format), column widths from the content, and print settings (A4, fit to
/// width, header row repeated, page numbers) so that a printed or PDF-converted sheet reads like a report.
/// </summary>
public static partial class XlsxWriter
{
    // Number formats. The leading [$-416] pins the format to pt-BR (LCID 0x416): LibreOffice then renders
    // 1.234,56 and 31/12/2025 whatever the machine's locale is, and Excel — which always uses the reader's
    // own separators — keeps showing them as a pt-BR reader expects. The currency symbol is a quoted literal
    // because the currency-tagged form [$R$-416] does not pin the separators in LibreOffice.
    internal const string IntegerFormat = "[$-416]#,##0";
    internal const string DecimalFormat = "[$-416]#,##0.00";
    internal const string CurrencyFormat = "[$-416]\"R$\" #,##0.00";
    internal const string PercentFormat = "[$-416]0.0%";
    internal const string DateFormat = "[$-416]dd/mm/yyyy";
    internal const string DateTimeFormat = "[$-416]dd/mm/yyyy hh:mm";

    /// <summary>Column widths, in characters of the default font.</summary>
    internal const double MinColumnWidth = 8;
    internal const double MaxColumnWidth = 60;

    /// <summary>The height of one line of the default font, in points.</summary>
    private const double RowHeight = 12.75;

    /// <summary>Excel's limit on the characters of one cell.</summary>
    private const int MaxCellText = 32767;

    private const string FontName = "Arial";
    private const string HeaderFill = "FFDCE4F2";
    private const string HeaderBorder = "FF1351B4";
    private const string TitleColor = "FF071D41";

    private static readonly CultureInfo PtBr = Web.BrazilTime.Culture;
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    // Indexes into cellXfs, in the order CreateStylesheet writes them.
    private enum Style : uint
    {
        Default = 0,
        Title = 1,
        Header = 2,
        Text = 3,
        WrappedText = 4,
        Integer = 5,
        Decimal = 6,
        Currency = 7,
        Percent = 8,
        Date = 9,
        DateTime = 10,
        HeaderRight = 11,
        HeaderCenter = 12,
    }

    public static byte[] Write(Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WriteProperties(package, workbook);

            var workbookPart = package.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = CreateStylesheet();

            var strings = new SharedStrings();
            var names = SheetNames(workbook.Sheets.Select(s => s.Name).ToList());
            var sheets = new S.Sheets();
            var definedNames = new S.DefinedNames();
            for (var i = 0; i < workbook.Sheets.Count; i++)
            {
                var sheet = workbook.Sheets[i];
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var layout = WriteWorksheet(worksheetPart, sheet, strings, workbook, selected: i == 0);
                sheets.Append(new S.Sheet
                {
                    Name = names[i],
                    SheetId = (uint)(i + 1),
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                });
                AddDefinedNames(definedNames, names[i], (uint)i, layout);
            }

            if (workbook.Sheets.Count == 0)
            {
                // A workbook needs at least one sheet to open.
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                WriteWorksheet(worksheetPart, new Sheet("Planilha1", [], []), strings, workbook, selected: true);
                sheets.Append(new S.Sheet { Name = "Planilha1", SheetId = 1, Id = workbookPart.GetIdOfPart(worksheetPart) });
            }

            var book = new S.Workbook(
                new S.BookViews(new S.WorkbookView { ActiveTab = 0 }),
                sheets);
            if (definedNames.HasChildren)
            {
                book.Append(definedNames);
            }

            workbookPart.Workbook = book;

            if (strings.Count > 0)
            {
                var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
                stringsPart.SharedStringTable = strings.ToTable();
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Sheet names as Excel accepts them: no <c>: \ / ? * [ ]</c>, not starting or ending with an apostrophe,
    /// not empty, at most 31 characters, and unique without regard to case.
    /// </summary>
    internal static IReadOnlyList<string> SheetNames(IReadOnlyList<string> requested)
    {
        const int maxLength = 31;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var builder = new StringBuilder();
            foreach (var c in requested[i] ?? "")
            {
                builder.Append(c switch
                {
                    ':' or '\\' or '/' or '?' or '*' or '[' or ']' => '-',
                    _ when char.IsControl(c) => ' ',
                    _ => c,
                });
            }

            var name = Regex.Replace(builder.ToString(), @"\s+", " ").Trim().Trim('\'').Trim();
            if (name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase))
            {
                name = name.Length == 0 ? $"Planilha{i + 1}" : name + " 1";
            }

            name = Truncate(name, maxLength).TrimEnd('\'', ' ');
            var candidate = name;
            for (var n = 2; !used.Add(candidate); n++)
            {
                var suffix = $" ({n})";
                candidate = Truncate(name, maxLength - suffix.Length).TrimEnd('\'', ' ') + suffix;
            }

            result.Add(candidate);
        }

        return result;
    }

    private static string Truncate(string text, int length) => XmlText.Truncate(text, length);

    private static void WriteProperties(SpreadsheetDocument package, Workbook workbook)
    {
        package.PackageProperties.Title = workbook.Title;
        package.PackageProperties.Creator = "SisPMPI";
        package.PackageProperties.LastModifiedBy = "SisPMPI";
        package.PackageProperties.Language = "pt-BR";
        package.PackageProperties.Created = DateTime.UtcNow;
        package.PackageProperties.Modified = DateTime.UtcNow;

        var extended = package.AddExtendedFilePropertiesPart();
        extended.Properties = new Properties(
            new Application("SisPMPI"),
            new Company(workbook.OrganizationName));
    }

    /// <summary>Where a worksheet's table lies, for the workbook's defined names.</summary>
    private sealed record SheetLayout(int HeaderRow, int LastRow, int ColumnCount);

    private static void AddDefinedNames(S.DefinedNames names, string sheetName, uint sheetIndex, SheetLayout layout)
    {
        if (layout.ColumnCount == 0)
        {
            return;
        }

        var quoted = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
        var lastColumn = ColumnName(layout.ColumnCount);
        // Excel keeps an AutoFilter's range in this hidden name; without it some versions drop the filter.
        names.Append(new S.DefinedName($"{quoted}!$A${layout.HeaderRow}:${lastColumn}${layout.LastRow}")
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = sheetIndex,
            Hidden = true,
        });
        // The title and header rows repeat on every printed page.
        names.Append(new S.DefinedName($"{quoted}!$1:${layout.HeaderRow}")
        {
            Name = "_xlnm.Print_Titles",
            LocalSheetId = sheetIndex,
        });
    }

    private static SheetLayout WriteWorksheet(WorksheetPart part, Sheet sheet, SharedStrings strings, Workbook workbook, bool selected)
    {
        var columnCount = sheet.Columns.Count;
        var hasTitle = !string.IsNullOrWhiteSpace(sheet.Title);
        var headerRow = hasTitle ? 2 : 1;
        var lastRow = headerRow + sheet.Rows.Count;
        var widths = sheet.Columns.Select(c => HeaderLength(c.Header)).ToArray();

        var data = new S.SheetData();
        if (hasTitle)
        {
            var row = new S.Row { RowIndex = 1, Height = 24, CustomHeight = true };
            row.Append(TextCell("A1", sheet.Title!, Style.Title, strings));
            data.Append(row);
        }

        if (columnCount > 0)
        {
            var header = new S.Row { RowIndex = (uint)headerRow };
            for (var c = 0; c < columnCount; c++)
            {
                var style = sheet.Columns[c].Kind switch
                {
                    CellKind.Text => Style.Header,
                    CellKind.Date => Style.HeaderCenter,
                    _ => Style.HeaderRight,
                };
                header.Append(TextCell(Reference(c, headerRow), sheet.Columns[c].Header, style, strings));
            }

            data.Append(header);
        }

        var wrapped = new List<(S.Row Row, int Column, string Text)>();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var values = sheet.Rows[r];
            var rowIndex = headerRow + 1 + r;
            var row = new S.Row { RowIndex = (uint)rowIndex };
            for (var c = 0; c < columnCount && c < values.Count; c++)
            {
                var cell = ValueCell(Reference(c, rowIndex), sheet.Columns[c].Kind, values[c], strings, out var length);
                if (cell is not null)
                {
                    row.Append(cell);
                    widths[c] = Math.Max(widths[c], length);
                    if (cell.StyleIndex?.Value == (uint)Style.WrappedText)
                    {
                        wrapped.Add((row, c, (string)values[c]!));
                    }
                }
            }

            data.Append(row);
        }

        var columnWidths = widths.Select(w => Math.Clamp(w + 2.0, MinColumnWidth, MaxColumnWidth)).ToArray();
        foreach (var (row, column, text) in wrapped)
        {
            // Wrapped text needs a taller row; the height is stored as a cached (not custom) height, which
            // LibreOffice uses as it is and Excel still adjusts when the cell is edited.
            // A column's width counts digits; an average letter is about nine tenths of one.
            var lines = text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.TrimEnd('\r').Length * 0.9 / columnWidths[column])));
            var height = Math.Min(409, lines * RowHeight);
            if (lines > 1 && (row.Height is null || row.Height.Value < height))
            {
                row.Height = height;
            }
        }

        var worksheet = new S.Worksheet();
        worksheet.Append(new S.SheetProperties(new S.PageSetupProperties { FitToPage = true }));
        if (columnCount > 0)
        {
            worksheet.Append(new S.SheetDimension { Reference = $"A1:{ColumnName(columnCount)}{lastRow}" });
        }

        worksheet.Append(new S.SheetViews(SheetView(headerRow, columnCount > 0, selected)));
        worksheet.Append(new S.SheetFormatProperties { DefaultRowHeight = RowHeight });

        var totalWidth = 0.0;
        if (columnCount > 0)
        {
            var columns = new S.Columns();
            for (var c = 0; c < columnCount; c++)
            {
                var width = columnWidths[c];
                totalWidth += width;
                columns.Append(new S.Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
            }

            worksheet.Append(columns);
        }

        worksheet.Append(data);
        if (columnCount > 0)
        {
            worksheet.Append(new S.AutoFilter { Reference = $"A{headerRow}:{ColumnName(columnCount)}{lastRow}" });
        }

        worksheet.Append(new S.PrintOptions { HorizontalCentered = true });
        worksheet.Append(new S.PageMargins { Left = 0.6, Right = 0.6, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new S.PageSetup
        {
            PaperSize = 9, // A4
            Orientation = totalWidth > 100 ? S.OrientationValues.Landscape : S.OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        worksheet.Append(new S.HeaderFooter(
            new S.OddHeader($"&L&8{HeaderFooterText(workbook.OrganizationName)}&R&8{HeaderFooterText(workbook.Title)}"),
            new S.OddFooter("&L&8SisPMPI&R&8Página &P de &N")));

        part.Worksheet = worksheet;
        return new SheetLayout(headerRow, lastRow, columnCount);
    }

    private static S.SheetView SheetView(int headerRow, bool freeze, bool selected)
    {
        var view = new S.SheetView { WorkbookViewId = 0 };
        if (selected)
        {
            view.TabSelected = true;
        }

        if (!freeze)
        {
            return view;
        }

        var firstData = $"A{headerRow + 1}";
        view.Append(new S.Pane
        {
            VerticalSplit = headerRow,
            TopLeftCell = firstData,
            ActivePane = S.PaneValues.BottomLeft,
            State = S.PaneStateValues.Frozen,
        });
        view.Append(new S.Selection
        {
            Pane = S.PaneValues.BottomLeft,
            ActiveCell = firstData,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData },
        });
        return view;
    }

    /// <summary>Header and footer text: '&amp;' starts a code there, so a literal one is doubled.</summary>
    private static string HeaderFooterText(string text) =>
        Truncate(CleanText(text).Replace("\n", " ", StringComparison.Ordinal).Replace("&", "&&", StringComparison.Ordinal), 100);

    private static int HeaderLength(string header)
    {
        // Bold text and the AutoFilter drop-down button take room of their own.
        var longest = LongestLine(header);
        return (int)Math.Ceiling(longest * 1.1) + 2;
    }

    private static int LongestLine(string text)
    {
        var longest = 0;
        foreach (var line in text.Split('\n'))
        {
            longest = Math.Max(longest, line.TrimEnd('\r').Length);
        }

        return longest;
    }
}
