using PdfSharp;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>
/// Process-wide PDFsharp settings, applied once before the first PDF is written or read: the license and the font
/// resolver.
/// </summary>
/// <remarks>
/// PDFsharp 6.5 is published under AGPL-3.0-only (or a commercial license) and throws on every document until the
/// code selects one. The AGPL license is selected here, which makes the AGPL's terms apply to the application as
/// served; with a commercial key this call becomes <c>PdfSharpLicense.LoadLicense(key)</c>.
/// </remarks>
internal static class PdfSharpSetup
{
    private static readonly Lock _lock = new();
    private static volatile bool _done;

    public static void EnsureInitialized()
    {
        if (_done)
        {
            return;
        }
        lock (_lock)
        {
            if (_done)
            {
                return;
            }
            PdfSharpLicense.SetAgplLicense();
            NotoFontResolver.EnsureRegistered();
            _done = true;
        }
    }
}
