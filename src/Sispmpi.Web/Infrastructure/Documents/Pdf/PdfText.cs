using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>Noto Sans faces at the sizes one rendering uses, created once each.</summary>
internal sealed class PdfFonts
{
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> _fonts = [];

    public XFont Get(double size, bool bold = false, bool italic = false)
    {
        if (!_fonts.TryGetValue((size, bold, italic), out var font))
        {
            var style = (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(NotoFontResolver.FamilyName, size, style, XPdfFontOptions.UnicodeDefault);
            _fonts[(size, bold, italic)] = font;
        }
        return font;
    }
}

/// <summary>Text widths, cached: the same words come back often (table cells, headers).</summary>
internal sealed class TextMeasurer
{
    private readonly XGraphics _gfx;
    private readonly Dictionary<(XFont Font, string Text), double> _widths = [];

    public TextMeasurer(XGraphics gfx) => _gfx = gfx;

    public double Width(string text, XFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = _gfx.MeasureString(text, font).Width;
            _widths[(font, text)] = width;
        }
        return width;
    }

    /// <summary>Cuts <paramref name="text"/> with an ellipsis so that it fits <paramref name="maxWidth"/>.</summary>
    public string Truncate(string text, XFont font, double maxWidth)
    {
        if (Width(text, font) <= maxWidth)
        {
            return text;
        }
        var elements = TextElements(text);
        for (var n = elements.Count - 1; n > 0; n--)
        {
            var candidate = string.Concat(elements.Take(n)).TrimEnd() + "…";
            if (Width(candidate, font) <= maxWidth)
            {
                return candidate;
            }
        }
        return "…";
    }

    public static List<string> TextElements(string text)
    {
        var list = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            list.Add(enumerator.GetTextElement());
        }
        return list;
    }
}

/// <summary>A stretch of text in one font and colour.</summary>
internal sealed record TextRun(string Text, XFont Font, XBrush Brush);

/// <summary>A piece of a word in one font (a word may mix fonts, e.g. a bold name followed by a comma).</summary>
internal sealed record WordPiece(string Text, XFont Font, XBrush Brush, double Width);

internal sealed class LineWord
{
    public List<WordPiece> Pieces { get; } = [];

    public double Width { get; set; }

    /// <summary>Width of the space before this word, and the font it was measured in; unused at a line start.</summary>
    public double SpaceWidth { get; set; }

    public XFont? SpaceFont { get; set; }
}

internal sealed class TextLine
{
    public List<LineWord> Words { get; } = [];

    /// <summary>Natural width: the words and one space between each two.</summary>
    public double Width { get; set; }

    /// <summary>The last line of a paragraph (or before a line break) is never justified.</summary>
    public bool EndsParagraph { get; set; }
}

/// <summary>
/// Line breaking and drawing of rich text: greedy breaking at spaces, words wider than the line broken between
/// characters, hard breaks at '\n', and left, centred, right or justified lines.
/// </summary>
internal static class TextLayout
{
    public static List<TextLine> Break(string text, XFont font, XBrush brush, double maxWidth, TextMeasurer measurer) =>
        Break([new TextRun(text, font, brush)], maxWidth, measurer);

    public static List<TextLine> Break(IReadOnlyList<TextRun> runs, double maxWidth, TextMeasurer measurer)
    {
        var lines = new List<TextLine>();
        var line = new TextLine();
        foreach (var token in Tokenize(runs, measurer))
        {
            if (token is null)
            {
                line.EndsParagraph = true;
                lines.Add(line);
                line = new TextLine();
                continue;
            }
            if (token.Width > maxWidth)
            {
                // Wider than a whole line: broken between characters, starting on the current line when a fair
                // part of it fits there (so the line before is not stretched around a gap).
                var room = line.Words.Count == 0 ? maxWidth : maxWidth - line.Width - token.SpaceWidth;
                if (room < maxWidth * 0.2)
                {
                    lines.Add(line);
                    line = new TextLine();
                    room = maxWidth;
                }
                var chunks = SplitWord(token, room, maxWidth, measurer);
                Append(line, chunks[0]);
                foreach (var chunk in chunks.Skip(1))
                {
                    lines.Add(line);
                    line = new TextLine();
                    Append(line, chunk);
                }
                continue;
            }
            if (line.Words.Count > 0 && line.Width + token.SpaceWidth + token.Width > maxWidth)
            {
                lines.Add(line);
                line = new TextLine();
            }
            Append(line, token);
        }
        if (line.Words.Count > 0 || lines.Count > 0)
        {
            line.EndsParagraph = true;
            lines.Add(line);
        }
        return lines;
    }

    private static void Append(TextLine line, LineWord word)
    {
        line.Width += (line.Words.Count > 0 ? word.SpaceWidth : 0) + word.Width;
        line.Words.Add(word);
    }

    /// <summary>Words (with the space before each) and, as null, hard line breaks.</summary>
    private static IEnumerable<LineWord?> Tokenize(IReadOnlyList<TextRun> runs, TextMeasurer measurer)
    {
        LineWord? word = null;
        double pendingSpace = 0;
        XFont? pendingSpaceFont = null;
        var piece = new StringBuilder();
        TextRun? pieceRun = null;

        void FlushPiece()
        {
            if (piece.Length > 0 && pieceRun is not null)
            {
                var text = piece.ToString();
                var width = measurer.Width(text, pieceRun.Font);
                word ??= new LineWord { SpaceWidth = pendingSpace, SpaceFont = pendingSpaceFont };
                word.Pieces.Add(new WordPiece(text, pieceRun.Font, pieceRun.Brush, width));
                word.Width += width;
                piece.Clear();
            }
        }

        foreach (var run in runs)
        {
            var text = run.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            foreach (var ch in text)
            {
                if (ch == '\n' || (char.IsWhiteSpace(ch) && ch != '\u00A0' && ch != '\u202F'))
                {
                    FlushPiece();
                    if (word is not null)
                    {
                        yield return word;
                        word = null;
                    }
                    if (ch == '\n')
                    {
                        yield return null;
                        pendingSpace = 0;
                        pendingSpaceFont = null;
                    }
                    else
                    {
                        pendingSpace = measurer.Width(" ", run.Font);
                        pendingSpaceFont = run.Font;
                    }
                    continue;
                }
                if (!ReferenceEquals(pieceRun, run))
                {
                    FlushPiece();
                    pieceRun = run;
                }
                piece.Append(ch);
            }
            FlushPiece();
        }
        if (word is not null)
        {
            yield return word;
        }
    }

    /// <summary>Breaks a word wider than the line between characters (never inside a surrogate pair or accent).</summary>
    private static List<LineWord> SplitWord(LineWord word, double firstWidth, double maxWidth, TextMeasurer measurer)
    {
        var chunks = new List<LineWord>();
        var current = new LineWord { SpaceWidth = word.SpaceWidth, SpaceFont = word.SpaceFont };
        foreach (var piece in word.Pieces)
        {
            var text = new StringBuilder();
            foreach (var element in TextMeasurer.TextElements(piece.Text))
            {
                var candidate = text + element;
                var candidateWidth = measurer.Width(candidate, piece.Font);
                var limit = chunks.Count == 0 ? firstWidth : maxWidth;
                if (current.Width + candidateWidth > limit && (current.Pieces.Count > 0 || text.Length > 0))
                {
                    AddPiece(current, text.ToString(), piece, measurer);
                    chunks.Add(current);
                    current = new LineWord();
                    text.Clear();
                }
                text.Append(element);
            }
            AddPiece(current, text.ToString(), piece, measurer);
        }
        chunks.Add(current);
        return chunks;
    }

    private static void AddPiece(LineWord word, string text, WordPiece like, TextMeasurer measurer)
    {
        if (text.Length == 0)
        {
            return;
        }
        var width = measurer.Width(text, like.Font);
        word.Pieces.Add(like with { Text = text, Width = width });
        word.Width += width;
    }

    /// <summary>Draws one line with its baseline at <paramref name="baseline"/>, within [x, x + width].</summary>
    public static void DrawLine(XGraphics gfx, TextLine line, double x, double baseline, double width, Alignment alignment, bool justify)
    {
        if (line.Words.Count == 0)
        {
            return;
        }
        var slack = width - line.Width;
        if (justify && !line.EndsParagraph && line.Words.Count > 1 && slack > 0)
        {
            // Word by word, the slack shared among the gaps.
            var extra = slack / (line.Words.Count - 1);
            var wx = x;
            for (var i = 0; i < line.Words.Count; i++)
            {
                var word = line.Words[i];
                if (i > 0)
                {
                    wx += word.SpaceWidth + extra;
                }
                DrawWord(gfx, word, wx, baseline);
                wx += word.Width;
            }
            return;
        }

        var start = alignment switch
        {
            Alignment.Center => x + Math.Max(0, slack) / 2,
            Alignment.Right => x + Math.Max(0, slack),
            _ => x,
        };
        // Consecutive words in the same font are drawn as one string, so that text extraction sees real spaces.
        var segment = new StringBuilder();
        XFont? segmentFont = null;
        XBrush? segmentBrush = null;
        var segmentX = start;
        var cursor = start;

        void Flush()
        {
            if (segment.Length > 0 && segmentFont is not null && segmentBrush is not null)
            {
                gfx.DrawString(segment.ToString(), segmentFont, segmentBrush, segmentX, baseline, XStringFormats.BaseLineLeft);
            }
            segment.Clear();
        }

        for (var i = 0; i < line.Words.Count; i++)
        {
            var word = line.Words[i];
            if (i > 0)
            {
                var first = word.Pieces[0];
                if (segmentFont == word.SpaceFont && segmentFont == first.Font && segmentBrush == first.Brush)
                {
                    segment.Append(' ');
                }
                else
                {
                    Flush();
                }
                cursor += word.SpaceWidth;
            }
            foreach (var piece in word.Pieces)
            {
                if (segment.Length > 0 && (piece.Font != segmentFont || piece.Brush != segmentBrush))
                {
                    Flush();
                }
                if (segment.Length == 0)
                {
                    segmentX = cursor;
                    segmentFont = piece.Font;
                    segmentBrush = piece.Brush;
                }
                segment.Append(piece.Text);
                cursor += piece.Width;
            }
        }
        Flush();
    }

    private static void DrawWord(XGraphics gfx, LineWord word, double x, double baseline)
    {
        foreach (var piece in word.Pieces)
        {
            gfx.DrawString(piece.Text, piece.Font, piece.Brush, x, baseline, XStringFormats.BaseLineLeft);
            x += piece.Width;
        }
    }

    /// <summary>Distance from the top of a line box to its baseline, centring the font's ascent and descent.</summary>
    public static double BaselineOffset(XFont font, double lineHeight)
    {
        var metrics = font.Metrics;
        var ascent = metrics.Ascent * font.Size / metrics.UnitsPerEm;
        var descent = Math.Abs(metrics.Descent) * font.Size / metrics.UnitsPerEm;
        return (lineHeight - ascent - descent) / 2 + ascent;
    }
}
