using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Documents;

/// <summary>
/// A test that converts documents with LibreOffice (<c>libreoffice</c>) and reads the PDF back with
/// <c>pdftotext</c>. Without them it is skipped on a developer's machine, but runs — and fails, saying what is
/// missing — in CI (<c>CI=true</c>), where skipping would hide it.
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public const string InstallHint =
        "scripts/test.sh installs them when run as root; otherwise: apt-get install --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils";

    public LibreOfficeFactAttribute()
    {
        if (Missing() is { } missing && !IsCi)
        {
            Skip = $"{missing} not installed ({InstallHint}).";
        }
    }

    /// <summary>The programs missing, as a phrase ("libreoffice is"), or null when all are installed.</summary>
    public static string? Missing()
    {
        var missing = new[] { "libreoffice", "pdftotext" }.Where(p => Tools.Find(p) is null).ToList();
        return missing.Count switch
        {
            0 => null,
            1 => $"{missing[0]} is",
            _ => $"{string.Join(" and ", missing)} are",
        };
    }

    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");
}
