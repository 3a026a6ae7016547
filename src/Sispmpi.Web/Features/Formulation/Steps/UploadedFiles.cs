using System.IO.Compression;

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

    private static readonly byte[] _pdf = "%PDF"u8.ToArray();
    private static readonly byte[] _ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] _zip = [0x50, 0x4B, 0x03, 0x04];

    public static UploadFormat Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(_pdf))
        {
            return UploadFormat.Pdf;
        }
        if (content.StartsWith(_ole))
        {
            return UploadFormat.Doc;
        }
        return content.StartsWith(_zip) ? DetectPackage(content.ToArray()) : UploadFormat.Unknown;
    }

    private static UploadFormat DetectPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text" ? UploadFormat.Odt : UploadFormat.Unknown;
            }
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null
                ? UploadFormat.Docx
                : UploadFormat.Unknown;
        }
        catch (InvalidDataException)
        {
            return UploadFormat.Unknown;
        }
    }

    public static string ContentType(UploadFormat format) => format switch
    {
        UploadFormat.Pdf => "application/pdf",
        UploadFormat.Doc => "application/msword",
        UploadFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        UploadFormat.Odt => "application/vnd.oasis.opendocument.text",
        _ => "application/octet-stream",
    };

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
