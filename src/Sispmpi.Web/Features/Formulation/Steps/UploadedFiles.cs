using Sispmpi.Core.Execution;

namespace Sispmpi.Web.Features.Formulation.Steps;

public enum UploadFormat
{
    Unknown,
    Pdf,
    Doc,
    Docx,
    Odt,
}

/// <summary>
/// Recognizes the formats accepted for the publication documents by their content, never by the name or the
/// type the browser sent: a PDF starts with <c>%PDF</c>, a Word 97 document is an OLE compound file, and DOCX and
/// ODT are zip packages told apart by what they hold.
/// </summary>
public static class UploadedFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The first format whose content the bytes have; the rules are the evidence files' (SPEC §3.2).</summary>
    public static UploadFormat Detect(byte[] content) =>
        _formats.FirstOrDefault(f => EvidenceFiles.HasContentOf(f.Type, content)).Format;

    private static readonly (UploadFormat Format, EvidenceFileType Type)[] _formats =
    [
        (UploadFormat.Pdf, EvidenceFileType.Pdf),
        (UploadFormat.Doc, EvidenceFileType.Doc),
        (UploadFormat.Docx, EvidenceFileType.Docx),
        (UploadFormat.Odt, EvidenceFileType.Odt),
    ];

    public static string ContentType(UploadFormat format) =>
        _formats.Where(f => f.Format == format).Select(f => EvidenceFiles.ContentTypeOf(f.Type)).FirstOrDefault() ?? "application/octet-stream";

    /// <summary>The name the file had on the sender's computer, without any folder, at most 200 characters.</summary>
    public static string OriginalName(string? fileName, string fallback)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/').Split('/')[^1]).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0)
        {
            return fallback;
        }
        if (name.Length > 200)
        {
            var extension = Path.GetExtension(name);
            name = name[..(200 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }
        return name;
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024.0):0.0} MB".Replace('.', ',')
        : $"{Math.Max(1, bytes / 1024)} KB";
}
