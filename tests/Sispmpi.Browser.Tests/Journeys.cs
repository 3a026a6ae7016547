using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>What the journey tests share: dates as the date inputs take them, files to upload, the formulation steps' moves.</summary>
internal static class Journeys
{
    /// <summary>Ticks a gov.br checkbox, whose input sits under its styled label.</summary>
    public static readonly LocatorCheckOptions Ticked = new() { Force = true };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Saves a diagnosis tab and expects the next one.</summary>
    public static async Task SaveAndContinueAsync(IPage page, string nextTab)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar e continuar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/etapas/diagnostico\?aba={nextTab}$"));
    }

    /// <summary>A tiny but well-formed one-page PDF (the upload checks read its "%PDF-" signature).</summary>
    public static byte[] MinimalPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
