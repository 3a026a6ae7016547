using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Sispmpi.Web.Features.Monitoring.Meetings;

namespace Sispmpi.Web.Infrastructure.Text;

/// <summary>
/// The one parse of user-written Markdown (meeting minutes, formatted fields): images and links to unsafe addresses are
/// removed, and the links kept carry <c>rel="nofollow noopener noreferrer"</c> (a user's link neither gains the site's
/// standing nor reaches back to the page that opened it).
/// </summary>
public static class SafeMarkdown
{
    private const string Rel = "nofollow noopener noreferrer";

    /// <summary>Parses with <paramref name="pipeline"/> (raw HTML disabled) and removes every image and every link to an address that is not safe.</summary>
    public static MarkdownDocument Parse(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            if (link.IsImage || !MinutesMarkdown.IsSafeUrl(url))
            {
                Unwrap(link);
            }
            else
            {
                link.Url = url;
                link.GetDynamicUrl = null;
                link.GetAttributes().AddPropertyIfNotExist("rel", Rel);
            }
        }
        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            if (!MinutesMarkdown.IsSafeUrl(link.IsEmail ? "mailto:" + link.Url : link.Url))
            {
                link.ReplaceBy(new LiteralInline(link.Url));
            }
            else
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", Rel);
            }
        }
        return document;
    }

    /// <summary>Puts a link's (or image's) content where it was, without the link: what remains is its text.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
