namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as an A4 PDF (vector text and charts, Noto Sans embedded) and stamps
/// signatures onto such a PDF. Thread-safe: each call works on its own document.
/// </summary>
public static class PdfWriter
{
    /// <summary>
    /// Renders the document: optional title page, then the body with a running header (organization and title)
    /// and a "Página X de Y" footer on every page.
    /// </summary>
    public static byte[] Render(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfSharpSetup.EnsureInitialized();
        using var composer = new DocumentComposer(document);
        return composer.Compose();
    }

    /// <summary>
    /// Returns a copy of <paramref name="content"/> (a PDF made by <see cref="Render"/>, left unchanged) with the
    /// signature stamp: the verification sentence and a QR code for <see cref="SignatureStamp.VerificationUrl"/> under
    /// the footer of every page, and a closing "Assinaturas" page listing each signature. Stamping the same content
    /// again with another stamp gives an independent result.
    /// </summary>
    public static byte[] Stamp(byte[] content, SignatureStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(stamp);
        PdfSharpSetup.EnsureInitialized();
        return SignatureStamper.Stamp(content, stamp);
    }
}
