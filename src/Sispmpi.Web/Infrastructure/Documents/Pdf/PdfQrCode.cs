using PdfSharp.Drawing;
using QRCoder;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>A QR code drawn as vector squares (one filled path), so it stays sharp at any zoom or print size.</summary>
internal static class PdfQrCode
{
    /// <summary>
    /// Draws the code for <paramref name="text"/> (error correction M) as a <paramref name="size"/> square with its
    /// top-left corner at (x, y). The quiet zone is not drawn: keep about a tenth of the size clear around it.
    /// </summary>
    public static void Draw(XGraphics gfx, string text, double x, double y, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = 21 + 4 * (data.Version - 1);
        var quiet = (matrix.Count - modules) / 2;
        var module = size / modules;

        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var row = 0; row < modules; row++)
        {
            var bits = matrix[row + quiet];
            var column = 0;
            while (column < modules)
            {
                if (!bits[column + quiet])
                {
                    column++;
                    continue;
                }
                // One rectangle per horizontal run of dark modules.
                var start = column;
                while (column < modules && bits[column + quiet])
                {
                    column++;
                }
                path.AddRectangle(x + start * module, y + row * module, (column - start) * module, module);
            }
        }
        gfx.DrawPath(XBrushes.Black, path);
    }
}
