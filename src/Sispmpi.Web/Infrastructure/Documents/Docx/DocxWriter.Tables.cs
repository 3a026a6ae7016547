using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Sispmpi.Web.Infrastructure.Documents.Docx;

// Tables, and charts written as tables of label, value and share, with widths that fill the text column.
public static partial class DocxWriter
{
    private sealed partial class Renderer
    {
        private void WriteTable(Table table)
        {
            if (table.Columns.Count == 0)
            {
                return;
            }

            if (!string.IsNullOrWhiteSpace(table.Caption))
            {
                _body.Append(AppendText(NewParagraph("Caption"), table.Caption));
            }

            var rows = table.Rows.Select(r => (IReadOnlyList<string?>)r.Select(v => (string?)v).ToList()).ToList();
            AppendTable(BuildTable(table.Columns, rows, table.Caption, boldLastRow: false));
        }

        private void WriteChart(string title, IReadOnlyList<ChartItem> items, string valueFormat)
        {
            if (!string.IsNullOrWhiteSpace(title))
            {
                _body.Append(AppendText(NewParagraph("Caption"), title));
            }

            var total = items.Sum(i => i.Value);
            var columns = new List<TableColumn>
            {
                new("Item", 4),
                new("Valor", 1.5, Alignment.Right),
                new("Participação", 1.5, Alignment.Right),
            };
            var rows = new List<IReadOnlyList<string?>>();
            var colors = new List<string?>();
            // Items drawn in a color carry a square of it; when some do, the others get a neutral one.
            var anyColor = items.Any(i => ColorHex(i.Color) is not null);
            foreach (var item in items)
            {
                rows.Add([item.Label, FormatValue(item.Value, valueFormat), Share(item.Value, total)]);
                colors.Add(ColorHex(item.Color) ?? (anyColor ? BorderGray : null));
            }

            rows.Add(["Total", FormatValue(total, valueFormat), total > 0 ? Share(total, total) : "—"]);
            colors.Add(null);
            AppendTable(BuildTable(columns, rows, title, boldLastRow: true, colors));
        }

        private static string FormatValue(double value, string format)
        {
            try
            {
                return value.ToString(string.IsNullOrWhiteSpace(format) ? "N0" : format, PtBr);
            }
            catch (FormatException)
            {
                return value.ToString("N0", PtBr);
            }
        }

        private static string Share(double value, double total) =>
            total > 0 ? (value / total * 100).ToString("N1", PtBr) + "%" : "—";

        /// <summary>"#1351B4" or "1351B4" as six hex digits; anything else is no color.</summary>
        private static string? ColorHex(string? color)
        {
            var hex = color?.Trim().TrimStart('#');
            return hex is { Length: 6 } && hex.All(char.IsAsciiHexDigit) ? hex.ToUpperInvariant() : null;
        }

        private void AppendTable(W.Table table)
        {
            if (_pageBreakPending)
            {
                // A table cannot start a page by itself: a tiny paragraph takes the break.
                _body.Append(NewParagraph("TableSpacer"));
            }

            _body.Append(table);
            // A table is followed by a little space, not glued to the next paragraph.
            _body.Append(new W.Paragraph(new W.ParagraphProperties { ParagraphStyleId = new W.ParagraphStyleId { Val = "TableSpacer" } }));
        }

        private static W.Table BuildTable(
            IReadOnlyList<TableColumn> columns,
            IReadOnlyList<IReadOnlyList<string?>> rows,
            string? caption,
            bool boldLastRow,
            IReadOnlyList<string?>? markerColors = null)
        {
            var widths = ColumnWidths(columns);
            var properties = new W.TableProperties
            {
                TableStyle = new W.TableStyle { Val = "OfficialTable" },
                TableWidth = new W.TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
                TableBorders = Borders<W.TableBorders>(),
                TableLayout = new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                TableLook = new W.TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true },
            };
            if (!string.IsNullOrWhiteSpace(caption))
            {
                properties.TableCaption = new W.TableCaption { Val = Truncate(CleanText(caption), 250) };
            }

            var table = new W.Table(properties, new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

            var header = new W.TableRow(new W.TableRowProperties(new W.CantSplit(), new W.TableHeader()));
            for (var c = 0; c < columns.Count; c++)
            {
                var paragraph = CellParagraph("TableHeading", columns[c].Alignment);
                AppendText(paragraph, columns[c].Header);
                header.Append(Cell(widths[c], HeaderShade, paragraph));
            }

            table.Append(header);

            for (var r = 0; r < rows.Count; r++)
            {
                var bold = boldLastRow && r == rows.Count - 1;
                // A row stays on one page (one taller than a page is still split by Word and LibreOffice).
                var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));

                var shade = r % 2 == 1 ? BandShade : null;
                for (var c = 0; c < columns.Count; c++)
                {
                    var paragraph = CellParagraph("TableText", columns[c].Alignment);
                    var text = c < rows[r].Count ? rows[r][c] ?? "" : "";
                    if (c == 0 && markerColors is not null && r < markerColors.Count && markerColors[r] is { } color)
                    {
                        var marker = TextRun("■ ", bold: false);
                        marker.RunProperties!.Color = new W.Color { Val = color };
                        paragraph.Append(marker);
                    }

                    AppendText(paragraph, text, bold);
                    row.Append(Cell(widths[c], shade, paragraph));
                }

                table.Append(row);
            }

            return table;

            W.TableCell Cell(int width, string? fill, W.Paragraph paragraph)
            {
                var cellProperties = new W.TableCellProperties
                {
                    TableCellWidth = new W.TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
                };
                if (fill is not null)
                {
                    cellProperties.Shading = new W.Shading { Val = W.ShadingPatternValues.Clear, Color = "auto", Fill = fill };
                }

                return new W.TableCell(cellProperties, paragraph);
            }
        }

        private static W.Paragraph CellParagraph(string style, Alignment alignment) =>
            new(new W.ParagraphProperties
            {
                ParagraphStyleId = new W.ParagraphStyleId { Val = style },
                Justification = new W.Justification
                {
                    Val = alignment switch
                    {
                        Alignment.Center => W.JustificationValues.Center,
                        Alignment.Right => W.JustificationValues.Right,
                        _ => W.JustificationValues.Left,
                    },
                },
            });

        /// <summary>Column widths in twips from the relative widths, filling the text width.</summary>
        internal static int[] ColumnWidths(IReadOnlyList<TableColumn> columns)
        {
            var relative = columns.Select(c => double.IsFinite(c.RelativeWidth) && c.RelativeWidth > 0 ? c.RelativeWidth : 1).ToArray();
            var sum = relative.Sum();
            var widths = relative.Select(r => (int)Math.Floor(TextWidth * r / sum)).ToArray();
            widths[^1] += TextWidth - widths.Sum();
            return widths;
        }
    }
}
