using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sispmpi.Web.Features.Monitoring.Meetings;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>
/// The original's long texts were typed in TinyMCE (bold, italic, alignment) and stored as its HTML. This system
/// stores the same fields as the small Markdown of its formatting toolbar (<see cref="Infrastructure.Text.FormattedText"/>),
/// so the HTML is turned into that Markdown: paragraphs and line breaks, bold, italic, lists and safe links are
/// kept; every other tag (alignment, fonts, tables) is dropped with its text kept; entities are decoded; and any
/// character the Markdown would read as formatting is escaped. Text without tags is returned as it was.
/// </summary>
public static partial class LegacyRichText
{
    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>""']|""[^""]*""|'[^']*')*)/?>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\bhref\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"<(?:/?(?:p|div|br|strong|b|em|i|u|span|ul|ol|li|a|h[1-6]|table|tr|td|th|tbody|thead|blockquote|font|sub|sup|s|strike|del)\b[^>]*|!--)>",
        RegexOptions.IgnoreCase)]
    private static partial Regex KnownTag();

    [GeneratedRegex(@"[ \t]*\n[ \t]*")]
    private static partial Regex SpacesAroundBreak();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    private static readonly HashSet<string> _blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote", "ul", "ol",
    };

    /// <summary>The toolbar Markdown of an HTML text of the original; plain text (no tag of an editor) unchanged.</summary>
    public static string? ToMarkdown(string? text) => Convert(text, markdown: true);

    /// <summary>For the fields this system shows as plain text: the same text without formatting, links as "text (address)".</summary>
    public static string? ToPlainText(string? text) => Convert(text, markdown: false);

    private static string? Convert(string? text, bool markdown)
    {
        if (string.IsNullOrWhiteSpace(text) || !KnownTag().IsMatch(text))
        {
            return text;
        }
        var output = new StringBuilder(text.Length);
        // The lists open at this point, innermost last: null for a bullet list, else the next number.
        var lists = new List<int?>();
        (string Href, int Start)? link = null;
        var position = 0;
        foreach (Match match in Tag().Matches(text))
        {
            AppendText(output, text[position..match.Index], markdown);
            position = match.Index + match.Length;
            if (!match.Groups[2].Success)
            {
                continue; // a comment
            }
            var closing = match.Groups[1].Length > 0;
            var name = match.Groups[2].Value.ToLowerInvariant();
            switch (name)
            {
                case "br":
                    output.Append('\n');
                    break;
                case "strong" or "b" when markdown:
                    output.Append("**");
                    break;
                case "em" or "i" when markdown:
                    output.Append('*');
                    break;
                case "ul" or "ol":
                    if (closing)
                    {
                        if (lists.Count > 0)
                        {
                            lists.RemoveAt(lists.Count - 1);
                        }
                    }
                    else
                    {
                        lists.Add(name == "ol" ? 1 : null);
                    }
                    output.Append("\n\n");
                    break;
                case "li" when !closing:
                    var marker = lists.Count > 0 && lists[^1] is int n ? $"{n.ToString(CultureInfo.InvariantCulture)}. " : "- ";
                    if (lists.Count > 0 && lists[^1] is int current)
                    {
                        lists[^1] = current + 1;
                    }
                    output.Append('\n').Append(' ', Math.Max(0, lists.Count - 1) * 3).Append(marker);
                    break;
                case "a" when !closing:
                    var href = Href().Match(match.Groups[3].Value);
                    var url = href.Success ? WebUtility.HtmlDecode(href.Groups[1].Success ? href.Groups[1].Value
                        : href.Groups[2].Success ? href.Groups[2].Value : href.Groups[3].Value).Trim() : "";
                    link = MinutesMarkdown.IsSafeUrl(url) ? (url, output.Length) : null;
                    break;
                case "a" when link is { } open:
                    var label = output.ToString(open.Start, output.Length - open.Start).Trim();
                    output.Length = open.Start;
                    if (!markdown)
                    {
                        output.Append(label.Length == 0 || label == open.Href ? open.Href : $"{label} ({open.Href})");
                    }
                    else
                    {
                        output.Append('[').Append(label.Length == 0 ? Escape(open.Href) : label).Append("](")
                            .Append(open.Href.Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)).Append(')');
                    }
                    link = null;
                    break;
                case "td" or "th" when closing:
                    output.Append(' ');
                    break;
                default:
                    if (_blocks.Contains(name))
                    {
                        output.Append("\n\n");
                    }
                    break;
            }
        }
        AppendText(output, text[position..], markdown);
        var result = SpacesAroundBreak().Replace(output.ToString(), "\n");
        result = BlankLines().Replace(result, "\n\n").Trim();
        // Bold or italic markers around nothing (an empty <strong></strong>) would print as asterisks.
        result = result.Replace("****", "", StringComparison.Ordinal);
        return result.Length == 0 ? null : result;
    }

    /// <summary>Text between tags: entities decoded, HTML's white space collapsed, Markdown's own characters escaped.</summary>
    private static void AppendText(StringBuilder output, string html, bool markdown)
    {
        if (html.Length == 0)
        {
            return;
        }
        var text = WebUtility.HtmlDecode(html).Replace('\u00A0', ' ');
        var previousSpace = output.Length > 0 && output[^1] is ' ' or '\n';
        var lineStart = output.Length == 0 || output[^1] == '\n';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (markdown && lineStart && !char.IsWhiteSpace(c))
            {
                // "- x", "+ x" or "1. x" typed at the start of a line is text here, not a list.
                lineStart = false;
                if (c is '-' or '+' && i + 1 < text.Length && text[i + 1] == ' ')
                {
                    output.Append('\\');
                }
                else if (char.IsAsciiDigit(c))
                {
                    var end = i;
                    while (end < text.Length && char.IsAsciiDigit(text[end]))
                    {
                        end++;
                    }
                    if (end < text.Length && text[end] is '.' or ')')
                    {
                        output.Append(text, i, end - i).Append('\\').Append(text[end]);
                        i = end;
                        previousSpace = false;
                        continue;
                    }
                }
            }
            if (char.IsWhiteSpace(c))
            {
                if (!previousSpace)
                {
                    output.Append(' ');
                }
                previousSpace = true;
                continue;
            }
            if (markdown && c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '#')
            {
                output.Append('\\');
            }
            output.Append(c);
            previousSpace = false;
        }
    }

    private static string Escape(string text)
    {
        var output = new StringBuilder(text.Length);
        AppendText(output, WebUtility.HtmlEncode(text), markdown: true);
        return output.ToString();
    }
}
