using AngleSharp.Html.Parser;
using Sispmpi.Web.Features.Monitoring.Meetings;
using Sispmpi.Web.Infrastructure.Documents;

namespace Sispmpi.Web.Tests.Monitoring.Meetings;

/// <summary>
/// The minutes' Markdown: the formatting the form's guide promises, and nothing typed ever reaching the page as
/// markup — raw HTML, event handlers, script or data addresses in links, images.
/// </summary>
public sealed class MinutesMarkdownTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument($"<div id='ata'>{html}</div>");

    [Fact]
    public void The_guides_formatting_becomes_html_with_headings_below_the_pages_own()
    {
        var html = MinutesMarkdown.ToHtml("## Deliberações\n\nTexto em **negrito** e *itálico*.\n\n- primeiro item\n- segundo item\n\n1. um\n2. dois");
        var page = Parse(html);
        page.QuerySelector("#ata h3")!.TextContent.ShouldBe("Deliberações");
        page.QuerySelector("#ata h2").ShouldBeNull("the page's own h1 and h2 come first");
        page.QuerySelector("#ata strong")!.TextContent.ShouldBe("negrito");
        page.QuerySelector("#ata em")!.TextContent.ShouldBe("itálico");
        page.QuerySelectorAll("#ata ul li").Select(l => l.TextContent).ShouldBe(["primeiro item", "segundo item"]);
        page.QuerySelectorAll("#ata ol li").Select(l => l.TextContent).ShouldBe(["um", "dois"]);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Antes <script>alert(1)</script> depois")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Texto <img src=x onerror=alert(1)> no meio")]
    [InlineData("<div onclick=\"alert(1)\">clique</div>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<style>body{display:none}</style>")]
    public void Raw_html_stays_text(string markdown)
    {
        var html = MinutesMarkdown.ToHtml(markdown);
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<div", Case.Insensitive);
        html.ShouldNotContain("<iframe", Case.Insensitive);
        html.ShouldNotContain("<svg", Case.Insensitive);
        html.ShouldNotContain("<style", Case.Insensitive);
        html.ShouldNotContain("<a ", Case.Insensitive);
        var page = Parse(html);
        page.QuerySelectorAll("#ata *").Select(e => e.LocalName).ShouldAllBe(name => name == "p");
        page.QuerySelectorAll("#ata *").SelectMany(e => e.Attributes).ShouldBeEmpty();
        // What was typed is still there, as text.
        page.QuerySelector("#ata")!.TextContent.Trim().ShouldBe(markdown);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x]( javascript:alert(1) )")]
    [InlineData("[x](java&#09;script:alert(1))")]
    [InlineData("[x](javascript&#58;alert(1))")]
    [InlineData("[x](<javascript:alert(1)>)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x](//evil.example/x)")]
    [InlineData("[x](/planos/1)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[x]\n\n[x]: data:text/html,oi")]
    public void Links_to_anything_but_http_https_or_mailto_keep_only_their_text(string markdown)
    {
        var html = MinutesMarkdown.ToHtml(markdown);
        html.ShouldNotContain("href", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldNotContain("data:", Case.Insensitive);
        var page = Parse(html);
        page.QuerySelector("#ata a").ShouldBeNull();
        page.QuerySelector("#ata")!.TextContent.Trim().ShouldBe("x");
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<data:text/html,oi>")]
    public void Autolinks_to_unsafe_addresses_stay_text(string markdown)
    {
        var html = MinutesMarkdown.ToHtml(markdown);
        html.ShouldNotContain("href", Case.Insensitive);
        Parse(html).QuerySelector("#ata a").ShouldBeNull();
    }

    [Theory]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](https://example.com/a.png)")]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![x][img]\n\n[img]: https://example.com/a.png")]
    public void Images_are_dropped_and_their_alternative_text_stays(string markdown)
    {
        var html = MinutesMarkdown.ToHtml(markdown);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("src", Case.Insensitive);
        Parse(html).QuerySelector("#ata")!.TextContent.Trim().ShouldBe("x");
    }

    [Fact]
    public void Safe_links_are_kept_without_passing_on_the_referrer()
    {
        var page = Parse(MinutesMarkdown.ToHtml("Veja [o portal](https://www.gov.br/cgu \"Portal\"), <https://example.com/a?b=1&c=2> e [escreva](mailto:comite@demo.gov.br)."));
        var links = page.QuerySelectorAll("#ata a").ToList();
        links.Select(a => a.GetAttribute("href")).ShouldBe(["https://www.gov.br/cgu", "https://example.com/a?b=1&c=2", "mailto:comite@demo.gov.br"]);
        links.ShouldAllBe(a => a.GetAttribute("rel") == "nofollow noopener noreferrer");
        links[0].GetAttribute("title").ShouldBe("Portal");
    }

    [Fact]
    public void A_link_title_cannot_break_out_of_its_attribute()
    {
        var page = Parse(MinutesMarkdown.ToHtml("[x](https://example.com \"a&quot; onmouseover=&quot;alert(1)\")"));
        var link = page.QuerySelector("#ata a")!;
        link.HasAttribute("onmouseover").ShouldBeFalse();
        link.GetAttribute("title").ShouldBe("a\" onmouseover=\"alert(1)");
    }

    [Theory]
    [InlineData("https://www.gov.br", true)]
    [InlineData("HTTP://EXAMPLE.COM/x", true)]
    [InlineData("mailto:comite@demo.gov.br", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("\u0001javascript:alert(1)", false)]
    [InlineData("data:text/html,oi", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("/relativo", false)]
    [InlineData("//example.com", false)]
    [InlineData("https://exa mple.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_absolute_http_https_and_mailto_addresses_are_safe(string? url, bool safe) =>
        MinutesMarkdown.IsSafeUrl(url).ShouldBe(safe);

    [Fact]
    public void Minutes_become_document_blocks_with_emphasis_flattened()
    {
        var blocks = MinutesMarkdown.ToBlocks(
            "# Abertura\n\nO coordenador **abriu** a reunião às *9h*.\nSegunda linha.\n\n## Deliberações\n\n- Aprovar o relatório\n- Cobrar as ações\n  - 1.2.3 atrasada\n\n" +
            "1. Primeiro\n2. Segundo\n\n> Citação\n\nVeja [o portal](https://www.gov.br) e ![figura](https://example.com/a.png) <script>x</script>\n\n    codigo()\n\n---\n");
        blocks.Select(Describe).ShouldBe(
        [
            "h3: Abertura",
            "p: O coordenador abriu a reunião às 9h. Segunda linha.",
            "h3: Deliberações",
            "ul: Aprovar o relatório | Cobrar as ações\n– 1.2.3 atrasada",
            "ol: Primeiro | Segundo",
            "p(Emphasis): Citação",
            "p: Veja o portal (https://www.gov.br) e figura <script>x</script>",
            "p(Small): codigo()",
        ]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Empty_minutes_give_nothing(string? markdown)
    {
        MinutesMarkdown.ToHtml(markdown).ShouldBe("");
        MinutesMarkdown.ToBlocks(markdown).ShouldBeEmpty();
    }

    private static string Describe(Block block) => block switch
    {
        Heading h => $"h{h.Level}: {h.Text}",
        Paragraph { Style: TextStyle.Normal } p => $"p: {p.Text}",
        Paragraph p => $"p({p.Style}): {p.Text}",
        BulletList l => $"{(l.Numbered ? "ol" : "ul")}: {string.Join(" | ", l.Items)}",
        _ => block.ToString() ?? "",
    };
}
