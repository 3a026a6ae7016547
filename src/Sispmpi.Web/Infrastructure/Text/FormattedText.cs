using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Sispmpi.Web.Features.Monitoring.Meetings;
using Sispmpi.Web.Infrastructure.Documents;
using Block = Sispmpi.Web.Infrastructure.Documents.Block;

namespace Sispmpi.Web.Infrastructure.Text;

/// <summary>
/// The long texts typed with the formatting toolbar (diagnosis results, action description, validation remarks,
/// execution notes, meeting agenda) are stored as a small Markdown — bold, italic, bullet and numbered lists, links —
/// and rendered from that one source as HTML on pages and as blocks of the document model in PDF and DOCX.
/// Text typed before the toolbar existed is plain text and reads as before: every line break is kept, and the parts
/// of Markdown that plain text would trip on (headings, rules, indented code, raw HTML) are not parsed. Nothing
/// typed becomes markup: raw HTML stays escaped text, images keep only their text, and a link survives only to an
/// absolute http, https or mailto address (<see cref="MinutesMarkdown.IsSafeUrl"/>).
/// </summary>
public static class FormattedText
{
    /// <summary>Shown under each formatted field of a form.</summary>
    public const string Hint = "Aceita formatação: **negrito**, *itálico*, listas (linhas iniciadas por “- ” ou “1. ”) e links [texto](https://…).";

    private static readonly MarkdownPipeline _pipeline = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml().UseSoftlineBreakAsHardlineBreak();
        builder.BlockParsers.TryRemove<HeadingBlockParser>();
        builder.BlockParsers.TryRemove<ThematicBreakParser>();
        builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        builder.BlockParsers.TryRemove<FencedCodeBlockParser>();
        builder.BlockParsers.Find<ParagraphBlockParser>()!.ParseSetextHeadings = false;
        return builder.Build();
    }

    /// <summary>The HTML of <paramref name="text"/> in a <c>div.sispmpi-formatted</c>, or <paramref name="empty"/> (encoded) when blank.</summary>
    public static IHtmlContent Html(string? text, string empty = "—")
    {
        var html = ToHtml(text);
        return html.Length == 0
            ? new HtmlString(System.Net.WebUtility.HtmlEncode(empty))
            : new HtmlString($"<div class=\"sispmpi-formatted\">{html}</div>");
    }

    /// <summary>The HTML of the text, safe to write unencoded; empty when the text is blank.</summary>
    public static string ToHtml(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var document = SafeMarkdown.Parse(text, _pipeline);
        return Markdown.ToHtml(document, _pipeline).Trim();
    }

    /// <summary>
    /// The text as document blocks: paragraphs and lists with their bold and italic stretches, quotes in italics; a
    /// link keeps its address in parentheses. A single paragraph <paramref name="empty"/> when the text is blank.
    /// </summary>
    public static IReadOnlyList<Block> ToBlocks(string? text, string empty = "—")
    {
        var blocks = new List<Block>();
        if (!string.IsNullOrWhiteSpace(text))
        {
            foreach (var block in SafeMarkdown.Parse(text, _pipeline))
            {
                AddBlock(blocks, block, italic: false);
            }
        }
        if (blocks.Count == 0)
        {
            blocks.Add(new Paragraph(empty));
        }
        return blocks;
    }

    /// <summary>A label–value field whose value keeps the formatting: list items become "• " (or "1. ") lines.</summary>
    public static Field ToField(string label, string? text, string empty = "—")
    {
        var runs = ToRuns(text);
        return runs.Count == 0 ? new Field(label, empty) : new Field(label, PlainOf(runs)) { Runs = runs };
    }

    /// <summary>The text without formatting marks (spreadsheets, CSV): paragraphs and list items on lines of their own.</summary>
    public static string ToPlainText(string? text) => string.IsNullOrWhiteSpace(text) ? "" : PlainOf(ToRuns(text));

    /// <summary>All the blocks as one stretch of runs, blocks separated by line breaks.</summary>
    private static List<InlineRun> ToRuns(string? text)
    {
        var runs = new List<InlineRun>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return runs;
        }
        foreach (var block in ToBlocks(text, ""))
        {
            switch (block)
            {
                case Paragraph paragraph:
                    AddLine(runs, paragraph.Runs ?? [new InlineRun(paragraph.Text)]);
                    break;
                case BulletList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        var marker = new InlineRun(list.Numbered ? $"{i + 1}. " : "• ");
                        AddLine(runs, [marker, .. list.RichItems?[i] ?? [new InlineRun(list.Items[i])]]);
                    }
                    break;
            }
        }
        return PlainOf(runs).Length == 0 ? [] : runs;
    }

    private static void AddLine(List<InlineRun> runs, IEnumerable<InlineRun> line)
    {
        if (runs.Count > 0)
        {
            runs.Add(new InlineRun("\n"));
        }
        runs.AddRange(line);
    }

    private static string PlainOf(IEnumerable<InlineRun> runs) => string.Concat(runs.Select(r => r.Text)).Trim();

    private static void AddBlock(List<Block> blocks, Markdig.Syntax.Block block, bool italic)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                AddParagraph(blocks, Runs(paragraph.Inline, italic));
                break;
            case ListBlock list:
                var items = list.OfType<ListItemBlock>().Select(i => ItemRuns(i, italic)).Where(r => PlainOf(r).Length > 0).ToList();
                if (items.Count > 0)
                {
                    blocks.Add(new BulletList(items.Select(PlainOf).ToList(), list.IsOrdered) { RichItems = items });
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AddBlock(blocks, child, italic: true);
                }
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddBlock(blocks, child, italic);
                }
                break;
            case LeafBlock { Inline: { } inline }:
                AddParagraph(blocks, Runs(inline, italic));
                break;
        }
    }

    private static void AddParagraph(List<Block> blocks, List<InlineRun> runs)
    {
        var plain = PlainOf(runs);
        if (plain.Length > 0)
        {
            blocks.Add(new Paragraph(plain) { Runs = runs });
        }
    }

    /// <summary>One list item: its paragraphs on lines of their own, nested items as "– " lines.</summary>
    private static List<InlineRun> ItemRuns(ListItemBlock item, bool italic)
    {
        var runs = new List<InlineRun>();
        foreach (var child in item)
        {
            switch (child)
            {
                case ListBlock nested:
                    foreach (var nestedItem in nested.OfType<ListItemBlock>())
                    {
                        var nestedRuns = ItemRuns(nestedItem, italic);
                        if (PlainOf(nestedRuns).Length > 0)
                        {
                            AddLine(runs, [new InlineRun("– "), .. nestedRuns]);
                        }
                    }
                    break;
                case LeafBlock { Inline: { } inline }:
                    AddLine(runs, Runs(inline, italic));
                    break;
                case ContainerBlock container:
                    foreach (var paragraph in container.Descendants<ParagraphBlock>())
                    {
                        AddLine(runs, Runs(paragraph.Inline, italic));
                    }
                    break;
            }
        }
        return runs;
    }

    private static List<InlineRun> Runs(ContainerInline? inline, bool italic)
    {
        var runs = new List<InlineRun>();
        AppendInline(runs, inline, bold: false, italic);
        // Trailing and leading spaces of a paragraph are not text.
        if (runs.Count > 0)
        {
            runs[0] = runs[0] with { Text = runs[0].Text.TrimStart() };
            runs[^1] = runs[^1] with { Text = runs[^1].Text.TrimEnd() };
        }
        return runs.Where(r => r.Text.Length > 0).ToList();
    }

    private static void Append(List<InlineRun> runs, string text, bool bold, bool italic)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (runs.Count > 0 && runs[^1].Bold == bold && runs[^1].Italic == italic)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        }
        else
        {
            runs.Add(new InlineRun(text, bold, italic));
        }
    }

    private static void AppendInline(List<InlineRun> runs, Inline? inline, bool bold, bool italic)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                Append(runs, literal.Content.ToString(), bold, italic);
                return;
            case CodeInline code:
                Append(runs, code.Content, bold, italic);
                return;
            case LineBreakInline:
                Append(runs, "\n", bold, italic);
                return;
            case HtmlEntityInline entity:
                Append(runs, entity.Transcoded.ToString(), bold, italic);
                return;
            case AutolinkInline autolink:
                Append(runs, autolink.Url, bold, italic);
                return;
            case EmphasisInline emphasis:
                var strong = emphasis.DelimiterCount >= 2;
                AppendChildren(runs, emphasis, bold || strong, italic || !strong);
                return;
            case LinkInline link:
                var label = new List<InlineRun>();
                AppendChildren(label, link, bold, italic);
                foreach (var run in label)
                {
                    Append(runs, run.Text, run.Bold, run.Italic);
                }
                var address = link.Url is { } url && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url["mailto:".Length..] : link.Url;
                if (!string.IsNullOrEmpty(address) && PlainOf(label) != address)
                {
                    Append(runs, $" ({address})", bold, italic);
                }
                return;
            case ContainerInline container:
                AppendChildren(runs, container, bold, italic);
                return;
        }
    }

    private static void AppendChildren(List<InlineRun> runs, ContainerInline container, bool bold, bool italic)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            AppendInline(runs, child, bold, italic);
        }
    }
}
