using System.Net;
using AngleSharp.Html.Parser;
using Sispmpi.Web.Features.Transparency;

namespace Sispmpi.Web.Tests.Transparency;

/// <summary>
/// Visits the public area as an anonymous visitor would: from /transparencia and /dados-abertos, following every link
/// (anchors, downloads, pagination) that stays within the public area, and keeps what each address answered.
/// </summary>
public static class PublicCrawler
{
    public sealed record Visit(string Url, HttpStatusCode Status, string ContentType, string Body);

    public static async Task<IReadOnlyList<Visit>> CrawlAsync(HttpClient client, int limit = 500)
    {
        var queue = new Queue<string>([PublicArea.Portal, PublicArea.OpenData]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var visits = new List<Visit>();
        var parser = new HtmlParser();
        while (queue.Count > 0)
        {
            visits.Count.ShouldBeLessThan(limit, "the public area should not be endless");
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
            visits.Add(new Visit(url, response.StatusCode, contentType, body));
            if (contentType != "text/html")
            {
                continue;
            }
            var document = await parser.ParseDocumentAsync(body);
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                var target = Resolve(url, href);
                if (target is not null && PublicArea.Contains(new Uri("http://x" + target).AbsolutePath) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }
        return visits;
    }

    /// <summary>The path and query of a same-site link, or null for another site, a fragment only, mailto: and the like.</summary>
    private static string? Resolve(string from, string href)
    {
        if (href.StartsWith('#') || href.Length == 0)
        {
            return null;
        }
        var absolute = new Uri(new Uri("http://localhost" + from), href);
        return absolute.Host == "localhost" && absolute.Scheme == "http" ? absolute.PathAndQuery : null;
    }
}
