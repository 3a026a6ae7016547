using PdfSharp.Drawing;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

// Tables and field lists share one grid: cells of wrapped text, rows that grow with their text and move whole to
// the next page (only a row taller than a page is split), and a header row repeated on every page.
internal sealed partial class DocumentComposer
{
    private const double CellPaddingX = 4.5;
    private const double CellPaddingY = 3.5;

    private sealed class Grid
    {
        public required double[] Widths { get; init; }

        public required Alignment[] Alignments { get; init; }

        /// <summary>A fixed background per column (the labels of a field list), or null.</summary>
        public required XColor?[] Backgrounds { get; init; }

        public required double LineHeight { get; init; }

        public required XFont Font { get; init; }

        public GridRow? Header { get; init; }

        public bool Zebra { get; init; }

        public double Left => PdfTheme.MarginLeft;
    }

    private sealed record GridRow(List<TextLine>[] Cells, XFont[] Fonts, int LineCount, double Height);

    private GridRow MakeRow(IReadOnlyList<string> texts, double[] widths, Func<int, XFont> fontOf, XBrush brush, double lineHeight)
    {
        var cells = new List<TextLine>[widths.Length];
        var fonts = new XFont[widths.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            fonts[c] = fontOf(c);
            var text = c < texts.Count ? texts[c] ?? "" : "";
            cells[c] = TextLayout.Break(text, fonts[c], brush, widths[c] - 2 * CellPaddingX, _measurer);
        }
        var lineCount = Math.Max(1, cells.Max(l => l.Count));
        return new GridRow(cells, fonts, lineCount, lineCount * lineHeight + 2 * CellPaddingY);
    }

    private PreparedBlock PrepareTable(Table table)
    {
        var font = _fonts.Get(PdfTheme.TableSize);
        var bold = _fonts.Get(PdfTheme.TableSize, bold: true);
        var lineHeight = PdfTheme.TableSize * 1.38;
        var columns = table.Columns.Count > 0 ? table.Columns : [new TableColumn("")];
        var totalWeight = columns.Sum(c => c.RelativeWidth > 0 ? c.RelativeWidth : 1);
        var widths = columns.Select(c => (c.RelativeWidth > 0 ? c.RelativeWidth : 1) / totalWeight * PdfTheme.BodyWidth).ToArray();
        var header = MakeRow(columns.Select(c => c.Header).ToList(), widths, _ => bold, _primaryDarkBrush, lineHeight);
        var grid = new Grid
        {
            Widths = widths,
            Alignments = columns.Select(c => c.Alignment).ToArray(),
            Backgrounds = new XColor?[widths.Length],
            LineHeight = lineHeight,
            Font = font,
            Header = header,
            Zebra = true,
        };
        var rows = table.Rows.Select(r => MakeRow(r, widths, _ => font, _textBrush, lineHeight)).ToList();

        var captionFont = _fonts.Get(9, bold: true);
        var captionLineHeight = 9 * 1.4;
        var caption = string.IsNullOrWhiteSpace(table.Caption)
            ? []
            : TextLayout.Break(table.Caption, captionFont, _primaryDarkBrush, PdfTheme.BodyWidth, _measurer);
        var captionHeight = caption.Count == 0 ? 0 : caption.Count * captionLineHeight + 4;
        var keep = captionHeight + header.Height + (rows.Count > 0 ? Math.Min(rows[0].Height, 4 * lineHeight) : 0);
        return new PreparedBlock(table, 0, keep, () =>
        {
            EnsureRoom(keep);
            if (caption.Count > 0)
            {
                _y = DrawLines(caption, PdfTheme.MarginLeft, _y, PdfTheme.BodyWidth, captionLineHeight, captionFont, Alignment.Left, false);
                _y += 4;
            }
            DrawGridRows(grid, rows);
            Space(12);
        });
    }

    private PreparedBlock PrepareFieldList(FieldList list)
    {
        var size = 9.0;
        var label = _fonts.Get(size, bold: true);
        var value = _fonts.Get(size);
        var lineHeight = size * 1.4;
        var widest = list.Fields.Count == 0 ? 0 : list.Fields.Max(f => _measurer.Width(f.Label, label));
        var labelWidth = Math.Clamp(widest + 2 * CellPaddingX + 2, PdfTheme.BodyWidth * 0.22, PdfTheme.BodyWidth * 0.34);
        double[] widths = [labelWidth, PdfTheme.BodyWidth - labelWidth];
        var grid = new Grid
        {
            Widths = widths,
            Alignments = [Alignment.Left, Alignment.Left],
            Backgrounds = [PdfTheme.SoftBackground, null],
            LineHeight = lineHeight,
            Font = value,
        };
        var rows = list.Fields.Select(f =>
        {
            var row = MakeRow([f.Label, f.Value], widths, c => c == 0 ? label : value, _textBrush, lineHeight);
            if (f.Runs is not { } runs)
            {
                return row;
            }
            row.Cells[1] = TextLayout.Break(Styled(runs, size, false, _textBrush), widths[1] - 2 * CellPaddingX, _measurer);
            var lineCount = Math.Max(1, row.Cells.Max(l => l.Count));
            return row with { LineCount = lineCount, Height = lineCount * lineHeight + 2 * CellPaddingY };
        }).ToList();
        var keep = rows.Count > 0 ? Math.Min(rows[0].Height, 4 * lineHeight) : 0;
        return new PreparedBlock(list, 0, keep, () =>
        {
            EnsureRoom(keep);
            DrawGridRows(grid, rows);
            Space(9);
        });
    }

    private void DrawGridRows(Grid grid, List<GridRow> rows)
    {
        var headerHeight = grid.Header?.Height ?? 0;
        if (grid.Header is not null)
        {
            DrawGridRow(grid, grid.Header, 0, grid.Header.LineCount, isHeader: true, zebra: false);
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var zebra = grid.Zebra && r % 2 == 1;
            if (_y + row.Height <= PdfTheme.BodyBottom + Epsilon)
            {
                DrawGridRow(grid, row, 0, row.LineCount, isHeader: false, zebra);
                continue;
            }
            if (row.Height <= PdfTheme.BodyBottom - PdfTheme.BodyTop - headerHeight)
            {
                // The whole row goes to the next page, under a repeated header.
                ContinueGrid(grid);
                DrawGridRow(grid, row, 0, row.LineCount, isHeader: false, zebra);
                continue;
            }
            // A row taller than a page: split between lines, as little as possible.
            var from = 0;
            while (from < row.LineCount)
            {
                var fit = (int)Math.Floor((Remaining - 2 * CellPaddingY + Epsilon) / grid.LineHeight);
                if ((fit < 3 && from == 0) || fit < 1)
                {
                    ContinueGrid(grid);
                    continue;
                }
                var take = Math.Min(fit, row.LineCount - from);
                DrawGridRow(grid, row, from, take, isHeader: false, zebra);
                from += take;
                if (from < row.LineCount)
                {
                    ContinueGrid(grid);
                }
            }
        }
    }

    private void ContinueGrid(Grid grid)
    {
        NewPage();
        if (grid.Header is not null)
        {
            DrawGridRow(grid, grid.Header, 0, grid.Header.LineCount, isHeader: true, zebra: false);
        }
    }

    private void DrawGridRow(Grid grid, GridRow row, int fromLine, int lineCount, bool isHeader, bool zebra)
    {
        var gfx = Gfx;
        var height = lineCount * grid.LineHeight + 2 * CellPaddingY;
        var border = new XPen(PdfTheme.TableBorder, 0.5);
        var x = grid.Left;
        for (var c = 0; c < grid.Widths.Length; c++)
        {
            var width = grid.Widths[c];
            XColor? background = isHeader ? PdfTheme.TableHeader : grid.Backgrounds[c] ?? (zebra ? PdfTheme.Zebra : null);
            if (background is { } fill)
            {
                gfx.DrawRectangle(new XSolidBrush(fill), x, _y, width, height);
            }
            var lines = row.Cells[c];
            var offset = TextLayout.BaselineOffset(row.Fonts[c], grid.LineHeight);
            if (isHeader)
            {
                // Header cells are centred vertically; body cells start at the top.
                offset += (lineCount - Math.Min(lineCount, lines.Count)) * grid.LineHeight / 2;
            }
            for (var k = 0; k < lineCount && fromLine + k < lines.Count; k++)
            {
                var baseline = _y + CellPaddingY + k * grid.LineHeight + offset;
                TextLayout.DrawLine(gfx, lines[fromLine + k], x + CellPaddingX, baseline, width - 2 * CellPaddingX,
                    grid.Alignments[c], justify: false);
            }
            gfx.DrawRectangle(border, x, _y, width, height);
            x += width;
        }
        if (isHeader)
        {
            gfx.DrawLine(new XPen(PdfTheme.Primary, 1), grid.Left, _y + height, x, _y + height);
        }
        _y += height;
    }
}
