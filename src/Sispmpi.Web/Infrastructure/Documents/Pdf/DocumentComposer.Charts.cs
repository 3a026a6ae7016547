using PdfSharp.Drawing;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

// Charts drawn as vector shapes (rectangles and Bézier ring segments) with real text, never as images.
internal sealed partial class DocumentComposer
{
    private const double ChartTitleSize = 10;
    private const double ChartTextSize = 8.5;

    private PreparedBlock PrepareBarChart(BarChart chart)
    {
        var culture = PdfTheme.PtBr;
        var titleFont = _fonts.Get(ChartTitleSize, bold: true);
        var titleLineHeight = ChartTitleSize * 1.35;
        var labelFont = _fonts.Get(ChartTextSize);
        var valueFont = _fonts.Get(ChartTextSize, bold: true);
        var lineHeight = ChartTextSize * 1.35;
        const double barHeight = 11;
        const double rowGap = 7;

        var items = chart.Items;
        var values = items.Select(i => i.Value.ToString(chart.ValueFormat, culture)).ToList();
        var valueWidth = values.Count == 0 ? 0 : values.Max(v => _measurer.Width(v, valueFont));
        var widestLabel = items.Count == 0 ? 0 : items.Max(i => _measurer.Width(i.Label, labelFont));
        var labelColumn = Math.Clamp(widestLabel + 12, PdfTheme.BodyWidth * 0.18, PdfTheme.BodyWidth * 0.40);
        var barLeft = PdfTheme.MarginLeft + labelColumn;
        var barSpan = PdfTheme.BodyWidth - labelColumn - valueWidth - 10;
        var max = items.Count == 0 ? 0 : items.Max(i => i.Value);
        if (max <= 0)
        {
            max = 1;
        }

        var title = TextLayout.Break(chart.Title, titleFont, _primaryDarkBrush, PdfTheme.BodyWidth, _measurer);
        var titleHeight = title.Count * titleLineHeight + 6;
        var labels = items.Select(i => TextLayout.Break(i.Label, labelFont, _textBrush, labelColumn - 12, _measurer)).ToList();
        var heights = labels.Select(l => Math.Max(barHeight, l.Count * lineHeight) + rowGap).ToList();
        var keep = titleHeight + heights.Take(3).Sum() + (items.Count == 0 ? lineHeight : 0);

        return new PreparedBlock(chart, 0, keep, () =>
        {
            EnsureRoom(keep);
            _y = DrawLines(title, PdfTheme.MarginLeft, _y, PdfTheme.BodyWidth, titleLineHeight, titleFont, Alignment.Left, false) + 6;
            if (items.Count == 0)
            {
                Gfx.DrawString("Sem dados.", labelFont, _mutedBrush, PdfTheme.MarginLeft, _y + lineHeight * 0.8, XStringFormats.BaseLineLeft);
                _y += lineHeight;
                Space(14);
                return;
            }
            var axisPen = new XPen(PdfTheme.Hex("#888888"), 0.75);
            var segmentTop = _y;
            for (var i = 0; i < items.Count; i++)
            {
                if (_y + heights[i] > PdfTheme.BodyBottom + Epsilon)
                {
                    Gfx.DrawLine(axisPen, barLeft, segmentTop, barLeft, _y);
                    NewPage();
                    segmentTop = _y;
                }
                var contentTop = _y + rowGap / 2;
                var contentHeight = heights[i] - rowGap;
                var labelTop = contentTop + (contentHeight - labels[i].Count * lineHeight) / 2;
                DrawLines(labels[i], PdfTheme.MarginLeft, labelTop, labelColumn - 12, lineHeight, labelFont, Alignment.Left, false);

                var barTop = contentTop + (contentHeight - barHeight) / 2;
                var value = Math.Max(0, items[i].Value);
                var barWidth = value / max * barSpan;
                if (value > 0)
                {
                    Gfx.DrawRectangle(new XSolidBrush(PdfTheme.ChartColor(items[i], i)), barLeft, barTop, Math.Max(1, barWidth), barHeight);
                }
                var valueBaseline = barTop + barHeight / 2 + TextLayout.BaselineOffset(valueFont, 0);
                Gfx.DrawString(values[i], valueFont, _textBrush, barLeft + barWidth + 5, valueBaseline, XStringFormats.BaseLineLeft);
                _y += heights[i];
            }
            Gfx.DrawLine(axisPen, barLeft, segmentTop, barLeft, _y);
            Space(14);
        });
    }

    private PreparedBlock PrepareDoughnut(DoughnutChart chart)
    {
        var culture = PdfTheme.PtBr;
        var titleFont = _fonts.Get(ChartTitleSize, bold: true);
        var titleLineHeight = ChartTitleSize * 1.35;
        var font = _fonts.Get(ChartTextSize);
        var bold = _fonts.Get(ChartTextSize, bold: true);
        var lineHeight = ChartTextSize * 1.35;
        const double diameter = 124;
        const double thickness = 25;
        const double swatch = 8.5;
        const double rowGap = 5;

        var items = chart.Items;
        var total = items.Sum(i => Math.Max(0, i.Value));
        var integral = items.All(i => Math.Abs(i.Value % 1) < 1e-9);
        string Format(double v) => v.ToString(integral ? "N0" : "N2", culture);
        string Share(double v) => total > 0 ? (Math.Max(0, v) / total * 100).ToString("N1", culture) + "%" : "–";
        var values = items.Select(i => Format(i.Value)).ToList();
        var shares = items.Select(i => Share(i.Value)).ToList();
        var totalText = Format(total);
        var valueColumn = values.Append(totalText).Max(v => _measurer.Width(v, bold)) + 14;
        var shareColumn = shares.Append("100,0%").Max(s => _measurer.Width(s, font)) + 14;

        var legendLeft = PdfTheme.MarginLeft + diameter + 30;
        var legendWidth = Math.Min(PdfTheme.BodyRight - legendLeft, 300);
        var labelLeft = legendLeft + swatch + 6;
        var labelWidth = legendWidth - swatch - 6 - valueColumn - shareColumn;
        var labels = items.Select(i => TextLayout.Break(i.Label, font, _textBrush, labelWidth, _measurer)).ToList();
        var rowHeights = labels.Select(l => Math.Max(1, l.Count) * lineHeight + rowGap).ToList();
        var legendHeight = rowHeights.Sum() + lineHeight + rowGap + 4;

        var title = TextLayout.Break(chart.Title, titleFont, _primaryDarkBrush, PdfTheme.BodyWidth, _measurer);
        var titleHeight = title.Count * titleLineHeight + 8;
        var contentHeight = Math.Max(diameter, legendHeight);
        var height = titleHeight + contentHeight;

        return new PreparedBlock(chart, 0, height, () =>
        {
            EnsureRoom(height);
            var gfx = Gfx;
            _y = DrawLines(title, PdfTheme.MarginLeft, _y, PdfTheme.BodyWidth, titleLineHeight, titleFont, Alignment.Left, false) + 8;
            var top = _y;

            // Ring, clockwise from twelve o'clock.
            var cx = PdfTheme.MarginLeft + diameter / 2;
            var cy = top + contentHeight / 2;
            var outer = diameter / 2;
            var inner = outer - thickness;
            var drawn = items.Count(i => i.Value > 0);
            if (total <= 0)
            {
                gfx.DrawPath(new XSolidBrush(PdfTheme.Hex("#DDDDDD")), RingSegment(cx, cy, outer, inner, -90, 360));
            }
            else
            {
                var separator = drawn > 1 ? new XPen(XColors.White, 1.5) { LineJoin = XLineJoin.Round } : null;
                var start = -90.0;
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].Value <= 0)
                    {
                        continue;
                    }
                    var sweep = items[i].Value / total * 360;
                    var path = RingSegment(cx, cy, outer, inner, start, sweep);
                    var brush = new XSolidBrush(PdfTheme.ChartColor(items[i], i));
                    if (separator is null)
                    {
                        gfx.DrawPath(brush, path);
                    }
                    else
                    {
                        gfx.DrawPath(separator, brush, path);
                    }
                    start += sweep;
                }
            }
            // Total in the hole.
            var totalFont = _fonts.Get(13, bold: true);
            gfx.DrawString(total > 0 ? totalText : "Sem dados", total > 0 ? totalFont : font, _primaryDarkBrush, cx, cy + 2,
                XStringFormats.BaseLineCenter);
            if (total > 0)
            {
                gfx.DrawString("total", _fonts.Get(7.5), _mutedBrush, cx, cy + 13, XStringFormats.BaseLineCenter);
            }

            // Legend: swatch, label, value and share; a total row below a rule.
            var y = top + (contentHeight - legendHeight) / 2;
            var offset = TextLayout.BaselineOffset(font, lineHeight);
            for (var i = 0; i < items.Count; i++)
            {
                var baseline = y + rowGap / 2 + offset;
                gfx.DrawRectangle(new XSolidBrush(PdfTheme.ChartColor(items[i], i)), legendLeft, baseline - swatch + 0.5, swatch, swatch);
                DrawLines(labels[i], labelLeft, y + rowGap / 2, labelWidth, lineHeight, font, Alignment.Left, false);
                gfx.DrawString(values[i], bold, _textBrush, legendLeft + legendWidth - shareColumn, baseline, XStringFormats.BaseLineRight);
                gfx.DrawString(shares[i], font, _mutedBrush, legendLeft + legendWidth, baseline, XStringFormats.BaseLineRight);
                y += rowHeights[i];
            }
            y += 2;
            gfx.DrawLine(new XPen(PdfTheme.Rule, 0.6), legendLeft, y, legendLeft + legendWidth, y);
            var totalBaseline = y + 2 + rowGap / 2 + offset;
            gfx.DrawString("Total", bold, _textBrush, labelLeft, totalBaseline, XStringFormats.BaseLineLeft);
            gfx.DrawString(totalText, bold, _textBrush, legendLeft + legendWidth - shareColumn, totalBaseline, XStringFormats.BaseLineRight);
            gfx.DrawString(total > 0 ? "100,0%" : "–", font, _mutedBrush, legendLeft + legendWidth, totalBaseline, XStringFormats.BaseLineRight);

            _y = top + contentHeight;
            Space(14);
        });
    }

    /// <summary>A ring segment as a closed vector path: outer arc clockwise, inner arc back, each as cubic Béziers.</summary>
    private static XGraphicsPath RingSegment(double cx, double cy, double outer, double inner, double startDegrees, double sweepDegrees)
    {
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        var start = startDegrees * Math.PI / 180;
        var end = (startDegrees + sweepDegrees) * Math.PI / 180;
        AddArc(path, cx, cy, outer, start, end);
        path.AddLine(Point(cx, cy, outer, end), Point(cx, cy, inner, end));
        AddArc(path, cx, cy, inner, end, start);
        path.CloseFigure();
        return path;
    }

    private static void AddArc(XGraphicsPath path, double cx, double cy, double radius, double from, double to)
    {
        var pieces = Math.Max(1, (int)Math.Ceiling(Math.Abs(to - from) / (Math.PI / 2)));
        var step = (to - from) / pieces;
        var k = 4.0 / 3.0 * Math.Tan(step / 4);
        for (var i = 0; i < pieces; i++)
        {
            var a0 = from + i * step;
            var a1 = a0 + step;
            var p0 = Point(cx, cy, radius, a0);
            var p3 = Point(cx, cy, radius, a1);
            var p1 = new XPoint(p0.X - k * radius * Math.Sin(a0), p0.Y + k * radius * Math.Cos(a0));
            var p2 = new XPoint(p3.X + k * radius * Math.Sin(a1), p3.Y - k * radius * Math.Cos(a1));
            path.AddBezier(p0, p1, p2, p3);
        }
    }

    private static XPoint Point(double cx, double cy, double radius, double angle) =>
        new(cx + radius * Math.Cos(angle), cy + radius * Math.Sin(angle));
}
