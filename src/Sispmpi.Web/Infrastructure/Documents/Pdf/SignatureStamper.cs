using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>
/// Adds to frozen content (a PDF made by <see cref="PdfWriter.Render"/>) what a signed document carries: on each
/// page, under the page number, the verification sentence with a QR code; and closing page(s) listing every
/// signature in the style of SEI, followed by the verification sentence and QR code once more.
/// </summary>
internal static class SignatureStamper
{
    private const double SignatureTextSize = 9.5;
    private const double SealSize = 26;
    private const double BoxPadding = 9;

    public static byte[] Stamp(byte[] content, SignatureStamp stamp)
    {
        using var input = new MemoryStream(content, writable: false);
        using var pdf = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        using var measureContext = XGraphics.CreateMeasureContext(
            new XSize(PdfTheme.PageWidth, PdfTheme.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var fonts = new PdfFonts();
        var measurer = new TextMeasurer(measureContext);

        var contentPages = pdf.PageCount;
        for (var i = 0; i < contentPages; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            DrawFooterStamp(gfx, fonts, measurer, stamp);
        }
        AppendSignaturePages(pdf, fonts, measurer, stamp);

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>"Documento assinado eletronicamente. A autenticidade pode ser conferida em … CRC …."</summary>
    private static List<TextRun> VerificationSentence(SignatureStamp stamp, XFont regular, XFont bold, XBrush brush) =>
    [
        new("Documento assinado eletronicamente. A autenticidade pode ser conferida em ", regular, brush),
        new(WithoutQuery(stamp.VerificationUrl), regular, brush),
        new(" informando o código verificador ", regular, brush),
        new(stamp.VerificationCode, bold, brush),
        new(" e o código CRC ", regular, brush),
        new(stamp.Crc, bold, brush),
        new(".", regular, brush),
    ];

    private static string WithoutQuery(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut];
    }

    /// <summary>QR code at left, the verification sentence beside it, under the footer of the page.</summary>
    private static void DrawFooterStamp(XGraphics gfx, PdfFonts fonts, TextMeasurer measurer, SignatureStamp stamp)
    {
        var brush = new XSolidBrush(PdfTheme.Text);
        var regular = fonts.Get(PdfTheme.StampSize);
        var bold = fonts.Get(PdfTheme.StampSize, bold: true);
        var lineHeight = PdfTheme.StampSize * 1.35;
        var textLeft = PdfTheme.MarginLeft + PdfTheme.QrSize + PdfTheme.StampTextGap;
        var textWidth = PdfTheme.BodyRight - textLeft;
        var lines = TextLayout.Break(VerificationSentence(stamp, regular, bold, brush), textWidth, measurer);

        PdfQrCode.Draw(gfx, stamp.VerificationUrl, PdfTheme.MarginLeft, PdfTheme.StampTop, PdfTheme.QrSize);
        var y = PdfTheme.StampTop + Math.Max(0, (PdfTheme.QrSize - lines.Count * lineHeight) / 2);
        var offset = TextLayout.BaselineOffset(regular, lineHeight);
        foreach (var line in lines)
        {
            TextLayout.DrawLine(gfx, line, textLeft, y + offset, textWidth, Alignment.Left, justify: false);
            y += lineHeight;
        }
    }

    private static void AppendSignaturePages(PdfDocument pdf, PdfFonts fonts, TextMeasurer measurer, SignatureStamp stamp)
    {
        var organization = pdf.Info.Author ?? "";
        var title = pdf.Info.Title ?? "";
        var brush = new XSolidBrush(PdfTheme.Text);
        var regular = fonts.Get(SignatureTextSize);
        var bold = fonts.Get(SignatureTextSize, bold: true);
        var lineHeight = SignatureTextSize * 1.42;
        var textLeft = PdfTheme.MarginLeft + BoxPadding + SealSize + 12;
        var textWidth = PdfTheme.BodyRight - BoxPadding - textLeft;

        XGraphics? gfx = null;
        var y = 0.0;
        var pageHasVerification = false;

        void Open(bool continuation)
        {
            gfx?.Dispose();
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            gfx = XGraphics.FromPdfPage(page);
            PageFrame.DrawHeader(gfx, fonts, measurer, organization, title);
            PageFrame.DrawFooter(gfx, fonts, measurer, null, "Folha de assinaturas");
            y = PdfTheme.BodyTop;
            var headingFont = fonts.Get(15, bold: true);
            var heading = continuation ? "Assinaturas (continuação)" : "Assinaturas";
            gfx.DrawString(heading, headingFont, new XSolidBrush(PdfTheme.Primary), PdfTheme.MarginLeft,
                y + TextLayout.BaselineOffset(headingFont, 19.5), XStringFormats.BaseLineLeft);
            y += 19.5 + 4;
            gfx.DrawLine(new XPen(PdfTheme.Primary, 0.8), PdfTheme.MarginLeft, y - 1.5, PdfTheme.BodyRight, y - 1.5);
            y += 12;
        }

        // Pages that do not end with the verification box carry the footer stamp like the content pages.
        void Close()
        {
            if (gfx is not null && !pageHasVerification)
            {
                DrawFooterStamp(gfx, fonts, measurer, stamp);
            }
        }

        Open(continuation: false);
        foreach (var signature in stamp.Signatures)
        {
            var lines = TextLayout.Break(SignatureSentence(signature, regular, bold, brush), textWidth, measurer);
            var height = Math.Max(SealSize, lines.Count * lineHeight) + 2 * BoxPadding;
            if (y + height > PdfTheme.BodyBottom)
            {
                Close();
                Open(continuation: true);
            }
            DrawBox(gfx!, y, height);
            DrawSeal(gfx!, PdfTheme.MarginLeft + BoxPadding, y + (height - SealSize) / 2);
            var top = y + (height - lines.Count * lineHeight) / 2;
            var offset = TextLayout.BaselineOffset(regular, lineHeight);
            foreach (var line in lines)
            {
                TextLayout.DrawLine(gfx!, line, textLeft, top + offset, textWidth, Alignment.Left, justify: true);
                top += lineHeight;
            }
            y += height + 8;
        }

        // The verification sentence and QR code once more, larger.
        var vRegular = fonts.Get(9);
        var vBold = fonts.Get(9, bold: true);
        var vLineHeight = 9 * 1.42;
        var qr = PdfTheme.QrSize * 1.25;
        var vLeft = PdfTheme.MarginLeft + BoxPadding + qr + 14;
        var vWidth = PdfTheme.BodyRight - BoxPadding - vLeft;
        var vLines = TextLayout.Break(VerificationSentence(stamp, vRegular, vBold, brush), vWidth, measurer);
        var vHeight = Math.Max(qr, vLines.Count * vLineHeight) + 2 * BoxPadding;
        y += 10;
        if (y + vHeight > PdfTheme.BodyBottom)
        {
            Close();
            Open(continuation: true);
        }
        var box = gfx!;
        box.DrawRectangle(new XPen(PdfTheme.TableBorder, 0.6), PdfTheme.MarginLeft, y, PdfTheme.BodyWidth, vHeight);
        PdfQrCode.Draw(box, stamp.VerificationUrl, PdfTheme.MarginLeft + BoxPadding, y + (vHeight - qr) / 2, qr);
        var vTop = y + (vHeight - vLines.Count * vLineHeight) / 2;
        var vOffset = TextLayout.BaselineOffset(vRegular, vLineHeight);
        foreach (var line in vLines)
        {
            TextLayout.DrawLine(box, line, vLeft, vTop + vOffset, vWidth, Alignment.Left, justify: false);
            vTop += vLineHeight;
        }
        pageHasVerification = true;
        Close();
        gfx?.Dispose();
    }

    /// <summary>
    /// "Documento assinado eletronicamente por **Nome**, Cargo, Órgão, em dd/MM/yyyy, às HH:mm, conforme horário
    /// oficial de Brasília, com fundamento …." (SEI wording).
    /// </summary>
    private static List<TextRun> SignatureSentence(PrintedSignature signature, XFont regular, XFont bold, XBrush brush)
    {
        var at = PdfTheme.ToBrasilia(signature.SignedAt);
        var position = string.IsNullOrWhiteSpace(signature.Position) ? "" : $", {signature.Position.Trim()}";
        var basis = signature.LegalBasis.Trim().TrimEnd('.');
        var date = at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var time = at.ToString("HH:mm", CultureInfo.InvariantCulture);
        return
        [
            new("Documento assinado eletronicamente por ", regular, brush),
            new(signature.Name.Trim(), bold, brush),
            new($"{position}, {signature.OrganizationName.Trim()}, em {date}, às {time}, conforme horário oficial de Brasília, " +
                $"com fundamento {basis}.", regular, brush),
        ];
    }

    private static void DrawBox(XGraphics gfx, double y, double height)
    {
        gfx.DrawRectangle(new XPen(PdfTheme.TableBorder, 0.6), new XSolidBrush(PdfTheme.SoftBackground),
            PdfTheme.MarginLeft, y, PdfTheme.BodyWidth, height);
    }

    /// <summary>A round seal with a check mark, drawn in the primary colour.</summary>
    private static void DrawSeal(XGraphics gfx, double x, double y)
    {
        gfx.DrawEllipse(new XSolidBrush(PdfTheme.Primary), x, y, SealSize, SealSize);
        var pen = new XPen(XColors.White, 2.6) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
        gfx.DrawLines(pen,
        [
            new XPoint(x + SealSize * 0.28, y + SealSize * 0.52),
            new XPoint(x + SealSize * 0.44, y + SealSize * 0.68),
            new XPoint(x + SealSize * 0.73, y + SealSize * 0.36),
        ]);
    }
}
