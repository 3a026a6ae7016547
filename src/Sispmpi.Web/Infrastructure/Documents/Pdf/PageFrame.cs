using PdfSharp.Drawing;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>The running header and footer every page carries (the title page has the footer only).</summary>
internal static class PageFrame
{
    /// <summary>Organization name at left, document title at right, thin rule below.</summary>
    public static void DrawHeader(XGraphics gfx, PdfFonts fonts, TextMeasurer measurer, string organization, string title)
    {
        var font = fonts.Get(PdfTheme.HeaderSize);
        var bold = fonts.Get(PdfTheme.HeaderSize, bold: true);
        var brush = new XSolidBrush(PdfTheme.Muted);
        var half = PdfTheme.BodyWidth / 2 - 8;
        var left = measurer.Truncate(organization, bold, half);
        var right = measurer.Truncate(title, font, half);
        gfx.DrawString(left, bold, new XSolidBrush(PdfTheme.PrimaryDark), PdfTheme.MarginLeft, PdfTheme.HeaderBaseline, XStringFormats.BaseLineLeft);
        gfx.DrawString(right, font, brush, PdfTheme.BodyRight, PdfTheme.HeaderBaseline, XStringFormats.BaseLineRight);
        gfx.DrawLine(RulePen(), PdfTheme.MarginLeft, PdfTheme.HeaderRuleY, PdfTheme.BodyRight, PdfTheme.HeaderRuleY);
    }

    /// <summary>Thin rule, then <paramref name="left"/> and <paramref name="right"/> (the page number) on one line.</summary>
    public static void DrawFooter(XGraphics gfx, PdfFonts fonts, TextMeasurer measurer, string? left, string right)
    {
        var font = fonts.Get(PdfTheme.HeaderSize);
        var brush = new XSolidBrush(PdfTheme.Muted);
        gfx.DrawLine(RulePen(), PdfTheme.MarginLeft, PdfTheme.FooterRuleY, PdfTheme.BodyRight, PdfTheme.FooterRuleY);
        var rightWidth = measurer.Width(right, font);
        gfx.DrawString(right, font, brush, PdfTheme.BodyRight, PdfTheme.FooterBaseline, XStringFormats.BaseLineRight);
        if (!string.IsNullOrEmpty(left))
        {
            var text = measurer.Truncate(left, font, PdfTheme.BodyWidth - rightWidth - 16);
            gfx.DrawString(text, font, brush, PdfTheme.MarginLeft, PdfTheme.FooterBaseline, XStringFormats.BaseLineLeft);
        }
    }

    private static XPen RulePen() => new(PdfTheme.Rule, 0.6);
}
