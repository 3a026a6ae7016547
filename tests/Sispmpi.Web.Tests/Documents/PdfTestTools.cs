using System.Globalization;
using System.Text.RegularExpressions;

namespace Sispmpi.Web.Tests.Documents;

/// <summary>
/// Reads PDFs with poppler-utils (pdftotext, pdfinfo, pdffonts, pdfimages): tools independent of the library that
/// wrote them. Each PDF is written to a temporary file, deleted on dispose.
/// </summary>
public sealed class PdfFile : IDisposable
{
    private static readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sispmpi-pdf-tests");

    public PdfFile(byte[] bytes, string name = "document")
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, $"{name}-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(Path, bytes);
        // To look at the output: SISPMPI_PDF_SAMPLES=/some/folder dotnet test ...
        if (Environment.GetEnvironmentVariable("SISPMPI_PDF_SAMPLES") is { Length: > 0 } samples)
        {
            Directory.CreateDirectory(samples);
            File.WriteAllBytes(System.IO.Path.Combine(samples, $"{name}.pdf"), bytes);
        }
        Info = ParseInfo(PdfTestTools.Run("pdfinfo", "-enc", "UTF-8", Path));
        PageCount = int.Parse(Info["Pages"], CultureInfo.InvariantCulture);
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Info { get; }

    public int PageCount { get; }

    /// <summary>The text of the whole document, or of one page, in physical layout.</summary>
    public string Text(int? page = null) => page is { } k
        ? PdfTestTools.Run("pdftotext", "-layout", "-enc", "UTF-8", "-f", $"{k}", "-l", $"{k}", Path, "-")
        : PdfTestTools.Run("pdftotext", "-layout", "-enc", "UTF-8", Path, "-");

    /// <summary>The text with every run of white space (layout padding, justification, line ends) as one space.</summary>
    public string FlatText(int? page = null) => PdfTestTools.Flatten(Text(page));

    /// <summary>Rows of <c>pdffonts</c>: the font name and whether it is embedded.</summary>
    public IReadOnlyList<(string Name, bool Embedded)> Fonts()
    {
        var lines = PdfTestTools.Run("pdffonts", Path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Fixed-width columns (name, type, encoding, emb, sub, uni, object ID), as wide as the dashes under the titles.
        var widths = lines[1].Split(' ').Select(d => d.Length).ToArray();
        var embStart = widths.Take(3).Sum() + 3;
        return lines.Skip(2)
            .Select(l => (l[..widths[0]].Trim(), l.Substring(embStart, widths[3]).Trim() == "yes"))
            .ToList();
    }

    /// <summary>The data rows of <c>pdfimages -list</c>: one per raster image in the document.</summary>
    public int ImageCount() =>
        PdfTestTools.Run("pdfimages", "-list", Path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;

    public void Dispose() => File.Delete(Path);

    private static Dictionary<string, string> ParseInfo(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
}

public static partial class PdfTestTools
{
    /// <summary>Runs a command-line tool and returns its standard output; fails on a non-zero exit code.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var result = Infrastructure.Tools.RunAsync(tool, arguments, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Error}");
        }
        return result.Output;
    }

    public static string Flatten(string text) => WhiteSpace().Replace(text, " ").Trim();

    public static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
