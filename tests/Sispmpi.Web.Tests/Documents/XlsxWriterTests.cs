using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;
using Xunit.Abstractions;
using Workbook = Sispmpi.Web.Infrastructure.Documents.Workbook;
using Sheet = Sispmpi.Web.Infrastructure.Documents.Sheet;

namespace Sispmpi.Web.Tests.Documents;

public sealed class XlsxWriterTests(ITestOutputHelper output)
{
    public const string SampleText = "Ações de integridade: promoção da ética e prevenção à corrupção";
    public const string LongText =
        "Revisão dos procedimentos de gestão de riscos, transparência ativa, conflito de interesses e canal de denúncias, " +
        "com participação da comissão de integridade e da ouvidoria.";

    /// <summary>
    /// One sheet with a column of every kind, 500 rows, empty cells on every tenth row; a second sheet under the
    /// same (invalid) name. Row 3, the first data row, holds known values.
    /// </summary>
    public static Workbook SampleWorkbook()
    {
        var rows = new List<IReadOnlyList<object?>>();
        for (var i = 0; i < 500; i++)
        {
            var empty = i % 10 == 9;
            rows.Add(
            [
                $"AÇ-{i + 1:000}",
                i == 0 ? SampleText : i == 1 ? LongText : $"Ação nº {i + 1} — coordenação e atenção à exceção",
                empty ? null : i == 0 ? 1234567 : (long)(i * 37),
                empty ? null : i == 0 ? 9876.5m : i * 1.25,
                empty ? null : new DateOnly(2025, 12, 31).AddDays(-i),
                empty ? null : i == 0 ? 1234.56m : i * 100.10m,
                empty ? null : i == 0 ? 0.25m : (i % 100) / 100.0,
                empty ? null : new DateTimeOffset(2025, 3, 10, 13, 30, 0, TimeSpan.Zero).AddHours(i),
            ]);
        }

        var columns = new List<SheetColumn>
        {
            new("Código"),
            new("Descrição da ação"),
            new("Quantidade", CellKind.Integer),
            new("Índice", CellKind.Decimal),
            new("Prazo", CellKind.Date),
            new("Orçamento", CellKind.Currency),
            new("Execução", CellKind.Percent),
            new("Atualizado em", CellKind.Date),
        };
        return new Workbook(
            [
                new Sheet("Ações 2025/2026", columns, rows, Title: "Plano de Integridade — ações"),
                new Sheet("Ações 2025/2026", [new SheetColumn("Nome"), new SheetColumn("Valor", CellKind.Currency)], [["Outro", -2500.75m]]),
            ],
            "Plano de Integridade — ações",
            "Prefeitura Municipal de São João");
    }

    [Fact]
    public void Workbook_is_valid_Open_XML()
    {
        using var package = Open(XlsxWriter.Write(SampleWorkbook()));

        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(package).ToList();
        foreach (var error in errors)
        {
            output.WriteLine($"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}");
        }

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Header_row_is_frozen_and_filtered_below_the_title()
    {
        using var package = Open(XlsxWriter.Write(SampleWorkbook()));
        var worksheet = Worksheet(package, 0);

        var pane = worksheet.Descendants<Pane>().Single();
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.ShouldBe(2); // the title row and the header row
        pane.TopLeftCell!.Value.ShouldBe("A3");

        worksheet.Descendants<AutoFilter>().Single().Reference!.Value.ShouldBe("A2:H502");
        var filterName = package.WorkbookPart!.Workbook.Descendants<DefinedName>().Single(n => n.Name == "_xlnm._FilterDatabase" && n.LocalSheetId! == 0);
        filterName.Text.ShouldBe("'Ações 2025-2026'!$A$2:$H$502");

        var title = Cell(worksheet, "A1");
        Text(package, title).ShouldBe("Plano de Integridade — ações");
        var titleFont = Font(package, title);
        titleFont.Bold.ShouldNotBeNull();
        titleFont.FontSize!.Val!.Value.ShouldBeGreaterThan(Font(package, Cell(worksheet, "C3")).FontSize!.Val!.Value);

        var header = Cell(worksheet, "B2");
        Text(package, header).ShouldBe("Descrição da ação");
        Font(package, header).Bold.ShouldNotBeNull();
        var fill = Stylesheet(package).Fills!.Elements<Fill>().ElementAt((int)Format(package, header).FillId!.Value);
        fill.PatternFill!.PatternType!.Value.ShouldBe(PatternValues.Solid);
    }

    [Fact]
    public void Numbers_dates_money_and_percentages_are_numeric_cells_with_pt_BR_formats()
    {
        using var package = Open(XlsxWriter.Write(SampleWorkbook()));
        var worksheet = Worksheet(package, 0);

        AssertNumber(package, Cell(worksheet, "C3"), "1234567", "[$-416]#,##0");
        AssertNumber(package, Cell(worksheet, "D3"), "9876.5", "[$-416]#,##0.00");
        AssertNumber(package, Cell(worksheet, "E3"), "46022", "[$-416]dd/mm/yyyy"); // 31/12/2025
        AssertNumber(package, Cell(worksheet, "F3"), "1234.56", "[$-416]\"R$\" #,##0.00");
        AssertNumber(package, Cell(worksheet, "G3"), "0.25", "[$-416]0.0%");
        // 13:30 UTC is 10:30 in São Paulo: serial 45726 (10/03/2025) plus 10.5 / 24.
        AssertNumber(package, Cell(worksheet, "H3"), "45726.4375", "[$-416]dd/mm/yyyy hh:mm");
        AssertNumber(package, Cell(worksheet, "D4"), "1.25", "[$-416]#,##0.00"); // a double

        // No number is ever written as text, in any row.
        foreach (var column in new[] { "C", "D", "E", "F", "G", "H" })
        {
            var cells = worksheet.Descendants<Cell>().Where(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal) && RowOf(c) > 2).ToList();
            cells.Count.ShouldBe(450, $"column {column}: 500 rows less the 50 empty ones");
            cells.ShouldAllBe(c => c.DataType == null);
        }
    }

    [Fact]
    public void Empty_values_leave_no_cell()
    {
        using var package = Open(XlsxWriter.Write(SampleWorkbook()));
        var worksheet = Worksheet(package, 0);

        // Row 12 is the tenth data row, whose values are null but for the code and description.
        var row = worksheet.Descendants<Row>().Single(r => r.RowIndex! == 12);
        row.Elements<Cell>().Select(c => c.CellReference!.Value).ShouldBe(["A12", "B12"]);
    }

    [Fact]
    public void Column_widths_follow_the_content_and_long_text_wraps()
    {
        using var package = Open(XlsxWriter.Write(SampleWorkbook()));
        var worksheet = Worksheet(package, 0);

        var widths = worksheet.Descendants<Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        widths.Count.ShouldBe(8);
        widths.Values.ShouldAllBe(w => w >= XlsxWriter.MinColumnWidth && w <= XlsxWriter.MaxColumnWidth);
        widths[2].ShouldBe(XlsxWriter.MaxColumnWidth); // the description, capped
        widths[2].ShouldBeGreaterThan(widths[1]);
        widths[1].ShouldBeLessThan(15); // "AÇ-001"

        var longCell = Cell(worksheet, "B4");
        Text(package, longCell).ShouldBe(LongText);
        Format(package, longCell).Alignment!.WrapText!.Value.ShouldBeTrue();
        var row = worksheet.Descendants<Row>().Single(r => r.RowIndex! == 4);
        row.Height!.Value.ShouldBeGreaterThan(20);
        var shortCell = Cell(worksheet, "B5");
        Text(package, shortCell).ShouldBe("Ação nº 3 — coordenação e atenção à exceção");
        (Format(package, shortCell).Alignment?.WrapText?.Value ?? false).ShouldBeFalse();
        worksheet.Descendants<Row>().Single(r => r.RowIndex! == 5).Height.ShouldBeNull();
    }

    [Fact]
    public void Portuguese_text_reads_back_intact_from_shared_strings()
    {
        using var package = Open(XlsxWriter.Write(SampleWorkbook()));
        var worksheet = Worksheet(package, 0);

        var cell = Cell(worksheet, "B3");
        cell.DataType!.Value.ShouldBe(CellValues.SharedString);
        Text(package, cell).ShouldBe(SampleText);
        Text(package, Cell(worksheet, "A3")).ShouldBe("AÇ-001");
        Text(package, Cell(worksheet, "D2")).ShouldBe("Índice");
    }

    [Fact]
    public void Sheet_names_follow_Excel_rules_and_properties_are_set()
    {
        using var package = Open(XlsxWriter.Write(SampleWorkbook()));

        var names = package.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        names.ShouldBe(["Ações 2025-2026", "Ações 2025-2026 (2)"]);

        package.PackageProperties.Title.ShouldBe("Plano de Integridade — ações");
        package.PackageProperties.Creator.ShouldBe("SisPMPI");
        package.ExtendedFilePropertiesPart!.Properties.Company!.Text.ShouldBe("Prefeitura Municipal de São João");
    }

    [Fact]
    public void Sheet_names_are_sanitized_truncated_and_unique()
    {
        var names = XlsxWriter.SheetNames(
        [
            "Plano: ações [2025]/revisão?*",
            "",
            "'Citação'",
            new string('x', 40),
            new string('x', 40),
            "history",
            "RESUMO",
            "resumo",
        ]);

        names.ShouldBe(
        [
            "Plano- ações -2025--revisão--",
            "Planilha2",
            "Citação",
            new string('x', 31),
            new string('x', 27) + " (2)",
            "history 1",
            "RESUMO",
            "resumo (2)",
        ]);
        names.ShouldAllBe(n => n.Length <= 31);
    }

    [Fact]
    public void An_empty_workbook_still_opens()
    {
        using var package = Open(XlsxWriter.Write(new Workbook([], "Vazio", "Órgão")));

        package.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Count().ShouldBe(1);
        new OpenXmlValidator(FileFormatVersions.Office2016).Validate(package).ShouldBeEmpty();
    }

    private static void AssertNumber(SpreadsheetDocument package, Cell cell, string value, string formatCode)
    {
        cell.DataType.ShouldBeNull($"{cell.CellReference} is a number, not text");
        double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture).ShouldBe(double.Parse(value, CultureInfo.InvariantCulture), 1e-9);
        var formatId = Format(package, cell).NumberFormatId!.Value;
        var code = Stylesheet(package).NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == formatId).FormatCode!.Value;
        code.ShouldBe(formatCode);
    }

    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    private static Worksheet Worksheet(SpreadsheetDocument package, int index)
    {
        var workbookPart = package.WorkbookPart!;
        var sheet = workbookPart.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ElementAt(index);
        return ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static Cell Cell(Worksheet worksheet, string reference) =>
        worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    private static uint RowOf(Cell cell) => uint.Parse(new string(cell.CellReference!.Value!.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);

    private static string Text(SpreadsheetDocument package, Cell cell)
    {
        cell.DataType!.Value.ShouldBe(CellValues.SharedString);
        var items = package.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>();
        return items.ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText;
    }

    private static Stylesheet Stylesheet(SpreadsheetDocument package) => package.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

    private static CellFormat Format(SpreadsheetDocument package, Cell cell) =>
        Stylesheet(package).CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static Font Font(SpreadsheetDocument package, Cell cell) =>
        Stylesheet(package).Fonts!.Elements<Font>().ElementAt((int)Format(package, cell).FontId!.Value);
}
