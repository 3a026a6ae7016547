using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>
/// Lays out one <see cref="OfficialDocument"/> on A4 pages. Blocks are measured, then drawn top to bottom,
/// opening a new page when the next piece does not fit; the running header and the "Página X de Y" footer
/// are drawn on every page once the page count is known.
/// </summary>
internal sealed partial class DocumentComposer : IDisposable
{
    private const double Epsilon = 0.01;

    private readonly OfficialDocument _source;
    private readonly PdfDocument _pdf = new();
    private readonly PdfFonts _fonts = new();
    private readonly XGraphics _measureContext;
    private readonly TextMeasurer _measurer;
    private readonly XSolidBrush _textBrush = new(PdfTheme.Text);
    private readonly XSolidBrush _mutedBrush = new(PdfTheme.Muted);
    private readonly XSolidBrush _primaryBrush = new(PdfTheme.Primary);
    private readonly XSolidBrush _primaryDarkBrush = new(PdfTheme.PrimaryDark);
    private PdfPage? _page;
    private XGraphics? _gfx;
    private double _y;
    private PdfOutline? _lastOutline;

    public DocumentComposer(OfficialDocument source)
    {
        _source = source;
        _measureContext = XGraphics.CreateMeasureContext(
            new XSize(PdfTheme.PageWidth, PdfTheme.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        _measurer = new TextMeasurer(_measureContext);
    }

    private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page is open.");

    private bool AtPageTop => _y <= PdfTheme.BodyTop + Epsilon;

    private double Remaining => PdfTheme.BodyBottom - _y;

    public byte[] Compose()
    {
        var info = _source.Info;
        if (_source.TitlePage is { } titlePage)
        {
            DrawTitlePage(titlePage);
        }
        if (_source.Body.Count > 0 || _source.TitlePage is null)
        {
            NewPage();
            DrawBody();
        }
        ClosePage();
        DrawPageFrames();

        _pdf.Info.Title = info.Title;
        _pdf.Info.Author = info.OrganizationName;
        _pdf.Info.Subject = info.Subject ?? info.Title;
        _pdf.Info.Creator = "SisPMPI";
        _pdf.Options.CompressContentStreams = true;

        using var output = new MemoryStream();
        _pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _measureContext.Dispose();
        _pdf.Dispose();
    }

    // ---- pages --------------------------------------------------------------------------------------------------

    private void NewPage()
    {
        ClosePage();
        _page = _pdf.AddPage();
        _page.Size = PageSize.A4;
        _page.Orientation = PageOrientation.Portrait;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = PdfTheme.BodyTop;
    }

    private void ClosePage()
    {
        _gfx?.Dispose();
        _gfx = null;
    }

    /// <summary>Header (except on the title page) and "Página X de Y" footer on every page, now that Y is known.</summary>
    private void DrawPageFrames()
    {
        var info = _source.Info;
        var total = _pdf.PageCount;
        var footerLeft = $"Gerado pelo SisPMPI em {PdfTheme.Date(info.GeneratedAt)}";
        for (var i = 0; i < total; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            var isTitlePage = i == 0 && _source.TitlePage is not null;
            if (!isTitlePage)
            {
                PageFrame.DrawHeader(gfx, _fonts, _measurer, info.OrganizationName, info.Title);
            }
            PageFrame.DrawFooter(gfx, _fonts, _measurer, isTitlePage ? null : footerLeft, $"Página {i + 1} de {total}");
        }
    }

    /// <summary>Vertical space between blocks, dropped at the top of a page.</summary>
    private void Space(double amount)
    {
        if (!AtPageTop)
        {
            _y += amount;
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is still empty).</summary>
    private void EnsureRoom(double height)
    {
        if (!AtPageTop && _y + height > PdfTheme.BodyBottom + Epsilon)
        {
            NewPage();
        }
    }

    // ---- title page ---------------------------------------------------------------------------------------------

    private void DrawTitlePage(TitlePage titlePage)
    {
        NewPage();
        var gfx = Gfx;
        var info = _source.Info;
        var x = PdfTheme.MarginLeft;
        var width = PdfTheme.BodyWidth;

        // Issuing organization, with a rule in the primary colour.
        var y = PdfTheme.BodyTop;
        y = DrawLines(TextLayout.Break(info.OrganizationName, _fonts.Get(12, bold: true), _primaryDarkBrush, width, _measurer),
            x, y, width, 16, _fonts.Get(12, bold: true), Alignment.Left, justify: false);
        y += 8;
        gfx.DrawRectangle(_primaryBrush, x, y, width, 2);

        // Title block, a third down the page, with a short yellow accent above it.
        y = Math.Max(y + 60, PdfTheme.PageHeight * 0.30);
        gfx.DrawRectangle(new XSolidBrush(PdfTheme.Hex("#FFCD07")), x, y, 56, 5);
        y += 22;
        var titleFont = _fonts.Get(24, bold: true);
        y = DrawLines(TextLayout.Break(titlePage.Title, titleFont, _primaryDarkBrush, width, _measurer), x, y, width, 31, titleFont,
            Alignment.Left, justify: false);
        if (!string.IsNullOrWhiteSpace(titlePage.Subtitle))
        {
            y += 8;
            var subtitleFont = _fonts.Get(14);
            y = DrawLines(TextLayout.Break(titlePage.Subtitle, subtitleFont, _mutedBrush, width, _measurer), x, y, width, 19,
                subtitleFont, Alignment.Left, justify: false);
        }
        if (titlePage.Lines.Count > 0)
        {
            y += 26;
            var lineFont = _fonts.Get(10.5);
            foreach (var line in titlePage.Lines)
            {
                y = DrawLines(TextLayout.Break(line, lineFont, _textBrush, width, _measurer), x, y, width, 15, lineFont,
                    Alignment.Left, justify: false);
                y += 3;
            }
        }

        // Generation date at the foot of the page.
        var dateFont = _fonts.Get(9.5);
        var bottom = PdfTheme.BodyBottom - 8;
        gfx.DrawString($"Documento gerado em {PdfTheme.Date(info.GeneratedAt)}", dateFont, _mutedBrush, x, bottom,
            XStringFormats.BaseLineLeft);
        ClosePage();
    }

    /// <summary>Draws lines without pagination (title page, fixed areas); returns the y below them.</summary>
    private double DrawLines(List<TextLine> lines, double x, double y, double width, double lineHeight, XFont font,
        Alignment alignment, bool justify)
    {
        var offset = TextLayout.BaselineOffset(font, lineHeight);
        foreach (var line in lines)
        {
            TextLayout.DrawLine(Gfx, line, x, y + offset, width, alignment, justify);
            y += lineHeight;
        }
        return y;
    }

    // ---- body ---------------------------------------------------------------------------------------------------

    /// <summary>A block measured ahead of drawing: how much of it must share a page with a heading before it.</summary>
    private sealed record PreparedBlock(Block Block, double SpaceBefore, double KeepHeight, Action Draw);

    private void DrawBody()
    {
        var blocks = _source.Body.Select(Prepare).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Block is Heading)
            {
                // Keep with next: the heading, any headings right after it and the start of the next content
                // must fit together, so that a heading never ends a page.
                var need = block.KeepHeight;
                var j = i + 1;
                while (j < blocks.Count && blocks[j].Block is Heading)
                {
                    need += blocks[j].SpaceBefore + blocks[j].KeepHeight;
                    j++;
                }
                if (j < blocks.Count)
                {
                    need += blocks[j].KeepHeight;
                }
                EnsureRoom(block.SpaceBefore + need);
            }
            block.Draw();
        }
    }

    private PreparedBlock Prepare(Block block) => block switch
    {
        Heading heading => PrepareHeading(heading),
        Paragraph paragraph => PrepareParagraph(paragraph),
        BulletList list => PrepareList(list),
        FieldList fields => PrepareFieldList(fields),
        Table table => PrepareTable(table),
        BarChart chart => PrepareBarChart(chart),
        DoughnutChart chart => PrepareDoughnut(chart),
        PageBreak => new PreparedBlock(block, 0, 0, () =>
        {
            if (!AtPageTop)
            {
                NewPage();
            }
        }),
        _ => throw new NotSupportedException($"Unknown block {block.GetType().Name}."),
    };

    private PreparedBlock PrepareHeading(Heading heading)
    {
        var level = Math.Clamp(heading.Level, 1, 3);
        var (size, brush, before, after) = level switch
        {
            1 => (15.0, _primaryBrush, 16.0, 9.0),
            2 => (12.5, _primaryDarkBrush, 13.0, 6.0),
            _ => (10.5, _textBrush, 10.0, 4.0),
        };
        var font = _fonts.Get(size, bold: true);
        var lineHeight = size * 1.3;
        var lines = TextLayout.Break(heading.Text, font, brush, PdfTheme.BodyWidth, _measurer);
        var ruleGap = level == 1 ? 4.0 : 0.0;
        var height = lines.Count * lineHeight + ruleGap + after;
        return new PreparedBlock(heading, before, height, () =>
        {
            Space(before);
            EnsureRoom(lines.Count * lineHeight);
            var page = _page!;
            _y = DrawLines(lines, PdfTheme.MarginLeft, _y, PdfTheme.BodyWidth, lineHeight, font, Alignment.Left, justify: false);
            if (level == 1)
            {
                _y += ruleGap;
                Gfx.DrawLine(new XPen(PdfTheme.Primary, 0.8), PdfTheme.MarginLeft, _y - 1.5, PdfTheme.BodyRight, _y - 1.5);
            }
            _y += after;
            AddOutline(level, heading.Text, page);
        });
    }

    private void AddOutline(int level, string text, PdfPage page)
    {
        if (level == 1 || _lastOutline is null)
        {
            _lastOutline = _pdf.Outlines.Add(text, page, opened: true);
        }
        else if (level == 2)
        {
            _lastOutline.Outlines.Add(text, page, opened: false);
        }
    }

    private PreparedBlock PrepareParagraph(Paragraph paragraph)
    {
        var (font, brush, justify) = paragraph.Style switch
        {
            TextStyle.Small => (_fonts.Get(PdfTheme.SmallSize), _mutedBrush, false),
            TextStyle.Emphasis => (_fonts.Get(PdfTheme.BodySize, italic: true), _textBrush, true),
            _ => (_fonts.Get(PdfTheme.BodySize), _textBrush, true),
        };
        var lineHeight = font.Size * PdfTheme.LineFactor;
        var lines = paragraph.Runs is { } runs
            ? TextLayout.Break(Styled(runs, font.Size, paragraph.Style == TextStyle.Emphasis, brush), PdfTheme.BodyWidth, _measurer)
            : TextLayout.Break(paragraph.Text, font, brush, PdfTheme.BodyWidth, _measurer);
        return new PreparedBlock(paragraph, 0, Math.Min(2, lines.Count) * lineHeight, () =>
        {
            FlowLines(lines, PdfTheme.MarginLeft, PdfTheme.BodyWidth, lineHeight, font, Alignment.Left, justify);
            Space(7);
        });
    }

    private PreparedBlock PrepareList(BulletList list)
    {
        var font = _fonts.Get(PdfTheme.BodySize);
        var lineHeight = font.Size * PdfTheme.LineFactor;
        const double inset = 8;
        var markers = list.Items.Select((_, i) => list.Numbered ? $"{i + 1}." : "•").ToList();
        var markerWidth = markers.Count == 0 ? 0 : markers.Max(m => _measurer.Width(m, font));
        var indent = inset + markerWidth + (list.Numbered ? 6 : 8);
        var textWidth = PdfTheme.BodyWidth - indent;
        var items = list.Items.Select((item, i) => list.RichItems is { } rich && i < rich.Count
            ? TextLayout.Break(Styled(rich[i], font.Size, false, _textBrush), textWidth, _measurer)
            : TextLayout.Break(item, font, _textBrush, textWidth, _measurer)).ToList();
        var keep = items.Count == 0 ? 0 : Math.Min(2, items[0].Count) * lineHeight;
        return new PreparedBlock(list, 0, keep, () =>
        {
            for (var i = 0; i < items.Count; i++)
            {
                var marker = markers[i];
                FlowLines(items[i], PdfTheme.MarginLeft + indent, textWidth, lineHeight, font, Alignment.Left, justify: true,
                    firstBaseline: baseline =>
                    {
                        var markerX = PdfTheme.MarginLeft + inset + markerWidth;
                        Gfx.DrawString(marker, font, list.Numbered ? _textBrush : _primaryBrush, markerX, baseline, XStringFormats.BaseLineRight);
                    });
                if (i < items.Count - 1)
                {
                    Space(3);
                }
            }
            Space(7);
        });
    }

    /// <summary>Formatted runs in the document's font at <paramref name="size"/>, all in italics when <paramref name="italic"/>.</summary>
    private List<TextRun> Styled(IReadOnlyList<InlineRun> runs, double size, bool italic, XBrush brush) =>
        runs.Select(r => new TextRun(r.Text, _fonts.Get(size, r.Bold, r.Italic || italic), brush)).ToList();

    /// <summary>
    /// Draws lines from the cursor down, continuing on new pages; never leaves a single line of a paragraph
    /// at the bottom of a page or alone at the top of the next one.
    /// </summary>
    private void FlowLines(List<TextLine> lines, double x, double width, double lineHeight, XFont font, Alignment alignment,
        bool justify, Action<double>? firstBaseline = null)
    {
        var offset = TextLayout.BaselineOffset(font, lineHeight);
        var i = 0;
        while (i < lines.Count)
        {
            var fit = (int)Math.Floor((Remaining + Epsilon) / lineHeight);
            var left = lines.Count - i;
            var take = left;
            if (fit < left)
            {
                take = fit;
                if (left - take < 2)
                {
                    take = left - 2;
                }
                if (take < 2 && !AtPageTop)
                {
                    NewPage();
                    continue;
                }
                take = Math.Max(1, Math.Min(take, fit));
            }
            for (var k = 0; k < take; k++)
            {
                var baseline = _y + offset;
                if (i + k == 0)
                {
                    firstBaseline?.Invoke(baseline);
                }
                TextLayout.DrawLine(Gfx, lines[i + k], x, baseline, width, alignment, justify);
                _y += lineHeight;
            }
            i += take;
            if (i < lines.Count)
            {
                NewPage();
            }
        }
    }
}
