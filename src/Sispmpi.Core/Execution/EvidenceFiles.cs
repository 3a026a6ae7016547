using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Sispmpi.Core.Execution;

/// <summary>The kinds of file accepted as evidence. Stored as integers: never renumber.</summary>
public enum EvidenceFileType
{
    Pdf = 1,
    Png = 2,
    Jpeg = 3,
    Doc = 4,
    Docx = 5,
    Xls = 6,
    Xlsx = 7,
    Odt = 8,
    Ods = 9,
}

/// <summary>The outcome of <see cref="EvidenceFiles.Check"/>: the detected type and MIME type, or a Portuguese error.</summary>
public sealed record EvidenceFileCheck(EvidenceFileType? Type, string? ContentType, string? Error)
{
    /// <summary>True when the file may be stored.</summary>
    public bool IsValid => Error is null;

    /// <summary>
    /// Refused only for its kind (an extension not accepted, or content that is not what the extension says), not for
    /// being dangerous: a caller that accepts fewer kinds may word this refusal its own way.
    /// </summary>
    public bool WrongKind { get; init; }
}

/// <summary>
/// Checks an uploaded evidence file by name, size and content (magic bytes), never trusting the extension alone:
/// the content must be a file of the kind its extension announces.
/// </summary>
/// <remarks>
/// <c>.doc</c> and <c>.xls</c> are both OLE2 compound files and are told apart by extension only; Office Open XML and
/// OpenDocument files are opened as ZIP archives and must hold the entries that identify their kind.
/// </remarks>
public static class EvidenceFiles
{
    /// <summary>Default size limit: 5 MB.</summary>
    public const long DefaultMaxBytes = 5 * 1024 * 1024;

    private const int MaxNameLength = 200;
    private const int MaxMimetypeBytes = 100;
    private const long BytesPerKilobyte = 1024;
    private const long BytesPerMegabyte = 1024 * 1024;

    private const string InvalidNameMessage = "Nome de arquivo inválido: envie o arquivo sem caminho de pastas.";
    private const string TypeNotAllowedMessage =
        "Tipo de arquivo não permitido. Envie PDF, PNG, JPG, DOC, DOCX, XLS, XLSX, ODT ou ODS.";
    private const string EmptyMessage = "O arquivo está vazio.";
    private const string ExecutableMessage = "O arquivo é um programa executável, e programas não são aceitos como evidência.";
    private const string MarkupMessage =
        "O arquivo contém marcação HTML ou script, que um navegador poderia executar, e não é aceito como evidência.";

    /// <summary>How far into a file markup is looked for: beyond what browsers sniff (1,445 bytes), with margin.</summary>
    public const int MarkupScanBytes = 8 * 1024;

    /// <summary>An Office or OpenDocument file may inflate to this many times the upload limit, and no more.</summary>
    public const int MaxInflationFactor = 10;

    /// <summary>More entries than any real document holds: a sign of an archive built to exhaust the server.</summary>
    private const int MaxZipEntries = 5_000;

    private static readonly CultureInfo BrazilianCulture = CultureInfo.GetCultureInfo("pt-BR");

    private static readonly FrozenDictionary<string, EvidenceFileType> TypesByExtension =
        new Dictionary<string, EvidenceFileType>
        {
            [".pdf"] = EvidenceFileType.Pdf,
            [".png"] = EvidenceFileType.Png,
            [".jpg"] = EvidenceFileType.Jpeg,
            [".jpeg"] = EvidenceFileType.Jpeg,
            [".doc"] = EvidenceFileType.Doc,
            [".docx"] = EvidenceFileType.Docx,
            [".xls"] = EvidenceFileType.Xls,
            [".xlsx"] = EvidenceFileType.Xlsx,
            [".odt"] = EvidenceFileType.Odt,
            [".ods"] = EvidenceFileType.Ods,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The accepted extensions, lower-case with the dot.</summary>
    public static IReadOnlyList<string> AllowedExtensions { get; } =
        [".pdf", ".png", ".jpg", ".jpeg", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods"];

    /// <summary>The accepted extensions joined by commas, for the <c>accept</c> attribute of a file input.</summary>
    public static string AcceptAttribute { get; } = string.Join(',', AllowedExtensions);

    /// <summary>
    /// Checks, in this order, the name (no folders, control characters or more than 200 characters), the extension,
    /// that the file is not empty nor over <paramref name="maxBytes"/>, and that its content matches the extension.
    /// </summary>
    public static EvidenceFileCheck Check(string? fileName, byte[] content, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        if (!IsSafeName(fileName))
        {
            return Fail(InvalidNameMessage);
        }

        var extension = Path.GetExtension(fileName);
        if (!TypesByExtension.TryGetValue(extension, out var type))
        {
            return Fail(TypeNotAllowedMessage) with { WrongKind = true };
        }

        if (content.Length == 0)
        {
            return Fail(EmptyMessage);
        }

        if (content.LongLength > maxBytes)
        {
            return Fail($"O arquivo excede o limite de {FormatSize(maxBytes)}.");
        }

        if (IsExecutable(content))
        {
            return Fail(ExecutableMessage);
        }

        if (!HasContentOf(type, content))
        {
            var expected = extension.TrimStart('.').ToUpperInvariant();
            return Fail($"O conteúdo do arquivo não corresponde a um arquivo {expected}.") with { WrongKind = true };
        }

        if (HasMarkup(content))
        {
            return Fail(MarkupMessage);
        }

        var maxInflated = maxBytes * MaxInflationFactor;
        if (type is EvidenceFileType.Docx or EvidenceFileType.Xlsx or EvidenceFileType.Odt or EvidenceFileType.Ods
            && !InflatesWithin(content, maxInflated))
        {
            var kind = extension.TrimStart('.').ToUpperInvariant();
            return Fail($"O arquivo {kind} descompactado passaria de {FormatSize(maxInflated)}, o limite aceito: envie um arquivo menor.");
        }

        return new EvidenceFileCheck(type, ContentTypeOf(type), null);
    }

    private static EvidenceFileCheck Fail(string error) => new(null, null, error);

    private static readonly byte[] WindowsExecutableSignature = "MZ"u8.ToArray();
    private static readonly byte[] ElfSignature = [0x7F, (byte)'E', (byte)'L', (byte)'F'];
    private static readonly byte[] MachOSignature = [0xCF, 0xFA, 0xED, 0xFE];

    /// <summary>Windows (MZ), Linux (ELF) and macOS (Mach-O) programs, whatever their name says.</summary>
    public static bool IsExecutable(byte[] content) =>
        content.AsSpan().StartsWith(WindowsExecutableSignature) || content.AsSpan().StartsWith(ElfSignature)
        || content.AsSpan().StartsWith(MachOSignature);

    // The tags by which browsers sniff HTML (WHATWG MIME Sniffing), plus SVG and the elements that load or run code.
    private static readonly string[] MarkupTags =
        ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<object", "<embed", "<img"];

    /// <summary>
    /// Whether the first <see cref="MarkupScanBytes"/> hold HTML markup: a PDF (or image) that is also a web page, which a
    /// browser told to sniff could run. Downloads are sent as attachments with <c>nosniff</c> too; this refuses the polyglot
    /// outright, so it is never stored.
    /// </summary>
    public static bool HasMarkup(byte[] content)
    {
        var head = Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, MarkupScanBytes));
        foreach (var tag in MarkupTags)
        {
            for (var at = head.IndexOf(tag, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = head.IndexOf(tag, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                // "<html>" or "<html lang=…>", not "<htmlish".
                var end = at + tag.Length;
                if (end >= head.Length || head[end] is '>' or ' ' or '\t' or '\n' or '\r' or '/')
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Whether the archive's entries inflate to at most <paramref name="maxInflated"/> bytes in all: first by the sizes the
    /// archive declares (and that they are plausible for the compressed bytes), then by inflating with a running count that
    /// stops at the limit, since the declared sizes can lie.
    /// A "zip bomb" is thus refused after inflating at most the limit, never all of it.
    /// </summary>
    public static bool InflatesWithin(byte[] content, long maxInflated)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            // Deflate never makes data much larger, so more compressed bytes than declared ones means the sizes lie.
            if (archive.Entries.Count > MaxZipEntries || archive.Entries.Sum(e => e.Length) > maxInflated
                || archive.Entries.Any(e => e.CompressedLength > e.Length + (e.Length / 100) + 1024))
            {
                return false;
            }
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxInflated - total + 1))) > 0)
                {
                    total += read;
                    if (total > maxInflated)
                    {
                        return false;
                    }
                }
            }
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsSafeName([NotNullWhen(true)] string? fileName) =>
        !string.IsNullOrWhiteSpace(fileName)
        && fileName.Length <= MaxNameLength
        && fileName.AsSpan().IndexOfAny('/', '\\') < 0
        && !fileName.Contains("..", StringComparison.Ordinal)
        && !fileName.Any(char.IsControl);

    /// <summary>The limit in MB with up to two decimals in pt-BR ("5 MB", "2,5 MB"); limits below 1 MB in KB.</summary>
    private static string FormatSize(long bytes) => bytes >= BytesPerMegabyte
        ? ((decimal)bytes / BytesPerMegabyte).ToString("0.##", BrazilianCulture) + " MB"
        : ((decimal)bytes / BytesPerKilobyte).ToString("0.##", BrazilianCulture) + " KB";

    /// <summary>Whether <paramref name="content"/> is a file of <paramref name="type"/>, judged by its bytes alone.</summary>
    public static bool HasContentOf(EvidenceFileType type, byte[] content) => type switch
    {
        EvidenceFileType.Pdf => content.AsSpan().StartsWith(PdfSignature),
        EvidenceFileType.Png => content.AsSpan().StartsWith(PngSignature),
        EvidenceFileType.Jpeg => content.AsSpan().StartsWith(JpegSignature),
        EvidenceFileType.Doc or EvidenceFileType.Xls => content.AsSpan().StartsWith(Ole2Signature),
        EvidenceFileType.Docx => IsZipWith(content, archive => DeclaresMainPart(archive, "word/document.xml", WordDocumentType)),
        EvidenceFileType.Xlsx => IsZipWith(content, archive => DeclaresMainPart(archive, "xl/workbook.xml", SpreadsheetType)),
        EvidenceFileType.Odt => IsZipWith(content, archive =>
            HasMimetype(archive, "application/vnd.oasis.opendocument.text")),
        EvidenceFileType.Ods => IsZipWith(content, archive =>
            HasMimetype(archive, "application/vnd.oasis.opendocument.spreadsheet")),
        _ => false,
    };

    private static bool IsZipWith(byte[] content, Func<ZipArchive, bool> test)
    {
        if (!content.AsSpan().StartsWith(ZipSignature))
        {
            return false;
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return test(archive);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool HasEntry(ZipArchive archive, string name) => archive.GetEntry(name) is not null;

    private const string WordDocumentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>Real <c>[Content_Types].xml</c> parts take a few KB; a larger one is not read.</summary>
    private const int MaxContentTypesBytes = 64 * 1024;

    /// <summary>
    /// An Office Open XML package of one kind: the main part is present and <c>[Content_Types].xml</c> declares it with
    /// that kind's type — so a macro-enabled document (<c>.docm</c>, <c>.xlsm</c>) or any other zip renamed is refused.
    /// At most 64 KB of <c>[Content_Types].xml</c> are inflated.
    /// </summary>
    private static bool DeclaresMainPart(ZipArchive archive, string mainPart, string contentType)
    {
        if (!HasEntry(archive, mainPart) || archive.GetEntry("[Content_Types].xml") is not { } types)
        {
            return false;
        }
        var buffer = new byte[MaxContentTypesBytes + 1];
        int read;
        using (var stream = types.Open())
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        if (read > MaxContentTypesBytes)
        {
            return false;
        }
        try
        {
            var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = System.Xml.XmlReader.Create(new MemoryStream(buffer, 0, read, writable: false), settings);
            while (reader.Read())
            {
                if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "Override"
                    && string.Equals(reader.GetAttribute("PartName"), "/" + mainPart, StringComparison.OrdinalIgnoreCase)
                    && reader.GetAttribute("ContentType") == contentType)
                {
                    return true;
                }
            }
            return false;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    /// <summary>OpenDocument files name their kind in the <c>mimetype</c> entry; at most 100 bytes are read.</summary>
    private static bool HasMimetype(ZipArchive archive, string mimetype)
    {
        if (archive.GetEntry("mimetype") is not { } entry)
        {
            return false;
        }

        using var stream = entry.Open();
        Span<byte> buffer = stackalloc byte[MaxMimetypeBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read].SequenceEqual(Encoding.ASCII.GetBytes(mimetype));
    }

    public static string ContentTypeOf(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "application/pdf",
        EvidenceFileType.Png => "image/png",
        EvidenceFileType.Jpeg => "image/jpeg",
        EvidenceFileType.Doc => "application/msword",
        EvidenceFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceFileType.Xls => "application/vnd.ms-excel",
        EvidenceFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceFileType.Odt => "application/vnd.oasis.opendocument.text",
        EvidenceFileType.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
