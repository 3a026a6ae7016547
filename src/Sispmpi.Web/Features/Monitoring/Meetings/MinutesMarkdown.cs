using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Text;
using Sispmpi.Web.Infrastructure.Web;
using Block = Sispmpi.Web.Infrastructure.Documents.Block;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>
/// The minutes of a committee meeting are typed in Markdown and shown as HTML on the meeting page and as blocks of
/// the neutral document model in the PDF. Nothing typed can become markup: raw HTML is not parsed at all (it stays
/// text, escaped by the renderer), images are reduced to their alternative text, and a link survives only when it
/// is an absolute http, https or mailto address — any other (<c>javascript:</c>, <c>data:</c>, relative, malformed)
/// is reduced to its text. The checks run on the parsed tree, so reference links and autolinks are covered too.
/// </summary>
public static class MinutesMarkdown
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>
    /// The HTML of the minutes, safe to write unencoded. Headings go below the page's own h1 and h2: "#" and "##"
    /// (the one the form's guide shows) become <c>h3</c>, "###" <c>h4</c>, and so on down to <c>h6</c>.
    /// </summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = SafeMarkdown.Parse(markdown, _pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(Math.Max(heading.Level, 2) + 1, 6);
        }
        return Markdown.ToHtml(document, _pipeline);
    }

    /// <summary>
    /// The minutes as document blocks: headings (all at level 3, under the document's own sections), paragraphs,
    /// bullet and numbered lists (nested items as "– " lines), quotes in italics and code as small text. Inline
    /// emphasis is flattened to text; a link keeps its address in parentheses.
    /// </summary>
    public static IReadOnlyList<Block> ToBlocks(string? markdown)
    {
        var blocks = new List<Block>();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return blocks;
        }
        foreach (var block in SafeMarkdown.Parse(markdown, _pipeline))
        {
            AddBlock(blocks, block, TextStyle.Normal);
        }
        return blocks;
    }

    /// <summary>Whether a link may point there: an absolute http, https or mailto address, without control characters or spaces.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var mail) && mail.Scheme == Uri.UriSchemeMailto;
        }
        return url == url.Trim() && WebAddress.TryParse(url, out _);
    }

    private static void AddBlock(List<Block> blocks, Markdig.Syntax.Block block, TextStyle style)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var title = InlineText(heading.Inline);
                if (title.Length > 0)
                {
                    blocks.Add(new Heading(3, title));
                }
                break;
            case ParagraphBlock paragraph:
                AddParagraph(blocks, InlineText(paragraph.Inline), style);
                break;
            case ListBlock list:
                var items = list.OfType<ListItemBlock>().Select(ItemText).Where(t => t.Length > 0).ToList();
                if (items.Count > 0)
                {
                    blocks.Add(new BulletList(items, list.IsOrdered));
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AddBlock(blocks, child, TextStyle.Emphasis);
                }
                break;
            case CodeBlock code:
                AddParagraph(blocks, string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())), TextStyle.Small);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddBlock(blocks, child, style);
                }
                break;
            case LeafBlock { Inline: { } inline }:
                AddParagraph(blocks, InlineText(inline), style);
                break;
        }
    }

    private static void AddParagraph(List<Block> blocks, string text, TextStyle style)
    {
        text = text.Trim();
        if (text.Length > 0)
        {
            blocks.Add(new Paragraph(text, style));
        }
    }

    /// <summary>One list item: its own text, then each nested item on a line of its own.</summary>
    private static string ItemText(ListItemBlock item)
    {
        var lines = new List<string>();
        foreach (var child in item)
        {
            switch (child)
            {
                case ListBlock nested:
                    lines.AddRange(nested.OfType<ListItemBlock>().Select(ItemText).Where(t => t.Length > 0)
                        .Select(t => "– " + t.Replace("\n", "\n  ", StringComparison.Ordinal)));
                    break;
                case LeafBlock { Inline: { } inline }:
                    lines.Add(InlineText(inline));
                    break;
                case CodeBlock code:
                    lines.Add(string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())));
                    break;
                case ContainerBlock container:
                    lines.AddRange(container.Descendants<ParagraphBlock>().Select(p => InlineText(p.Inline)));
                    break;
            }
        }
        return string.Join("\n", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        AppendInline(text, inline);
        return text.ToString().Trim();
    }

    private static void AppendInline(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                text.Append(code.Content);
                return;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                return;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                return;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                return;
            case LinkInline link:
                var start = text.Length;
                AppendChildren(text, link);
                var label = text.ToString(start, text.Length - start).Trim();
                var address = link.Url is { } url && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url["mailto:".Length..] : link.Url;
                if (!string.IsNullOrEmpty(address) && label != address)
                {
                    text.Append(" (").Append(address).Append(')');
                }
                return;
            case ContainerInline container:
                AppendChildren(text, container);
                return;
        }
    }

    private static void AppendChildren(StringBuilder text, ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            AppendInline(text, child);
        }
    }
}
