using Sispmpi.Web.Features.LegacyImport;
using Sispmpi.Web.Infrastructure.Text;

namespace Sispmpi.Web.Tests.Import;

/// <summary>The original's TinyMCE HTML, as its users typed it, turned into this system's formatted text.</summary>
public sealed class LegacyRichTextTests
{
    [Fact]
    public void Paragraphs_bold_italic_and_line_breaks_become_the_toolbars_markdown()
    {
        var markdown = LegacyRichText.ToMarkdown(
            "<p style=\"text-align: justify;\">Mapear os <strong>riscos</strong> das <em>compras</em>.</p>\n<p>Linha um<br />linha&nbsp;dois</p>");
        markdown.ShouldBe("Mapear os **riscos** das *compras*.\n\nLinha um\nlinha dois");
        FormattedText.ToHtml(markdown).ShouldContain("<strong>riscos</strong>");
        FormattedText.ToHtml(markdown).ShouldContain("<em>compras</em>");
    }

    [Fact]
    public void Lists_and_safe_links_are_kept_and_unsafe_links_keep_only_their_text()
    {
        var markdown = LegacyRichText.ToMarkdown(
            "<ul><li>Primeiro</li><li>Segundo</li></ul><ol><li>Um</li><li>Dois</li></ol>"
            + "<p><a href=\"https://www.cge.mg.gov.br/\">Portal</a> e <a href=\"javascript:alert(1)\">isto</a></p>");
        markdown.ShouldBe("- Primeiro\n- Segundo\n\n1. Um\n2. Dois\n\n[Portal](https://www.cge.mg.gov.br/) e isto");
        var html = FormattedText.ToHtml(markdown);
        html.ShouldContain("<li>Segundo</li>");
        html.ShouldContain("href=\"https://www.cge.mg.gov.br/\"");
        html.ShouldNotContain("javascript", Case.Insensitive);
    }

    [Fact]
    public void Characters_markdown_would_read_as_formatting_stay_text_and_markup_in_text_stays_escaped()
    {
        var markdown = LegacyRichText.ToMarkdown("<p>1. Não é lista *nem* _ênfase_</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        FormattedText.ToPlainText(markdown).ShouldBe("1. Não é lista *nem* _ênfase_\n<script>alert(1)</script>");
        var html = FormattedText.ToHtml(markdown);
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<ol");
        html.ShouldNotContain("<em>");
    }

    [Fact]
    public void Plain_text_comes_unchanged_and_plain_fields_get_no_marks()
    {
        LegacyRichText.ToMarkdown("Texto sem marcação: a < b e *asteriscos*").ShouldBe("Texto sem marcação: a < b e *asteriscos*");
        LegacyRichText.ToMarkdown(null).ShouldBeNull();
        LegacyRichText.ToPlainText("<p>Orientar <strong>condutas</strong> no <a href=\"https://x.gov.br\">portal</a></p><p>&nbsp;</p>")
            .ShouldBe("Orientar condutas no portal (https://x.gov.br)");
        LegacyRichText.ToMarkdown("<p>&nbsp;</p>").ShouldBeNull();
    }
}
