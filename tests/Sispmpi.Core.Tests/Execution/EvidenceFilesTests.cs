using System.IO.Compression;
using System.Text;
using Sispmpi.Core.Execution;

namespace Sispmpi.Core.Tests.Execution;

public class EvidenceFilesTests
{
    private const long Limit = EvidenceFiles.DefaultMaxBytes;
    private const string InvalidName = "Nome de arquivo inválido: envie o arquivo sem caminho de pastas.";
    private const string TypeNotAllowed = "Tipo de arquivo não permitido. Envie PDF, PNG, JPG, DOC, DOCX, XLS, XLSX, ODT ou ODS.";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
    private static readonly byte[] WindowsExecutable = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[56]];

    /// <summary>The <c>[Content_Types].xml</c> of a minimal DOCX and XLSX: the main part declared with its kind's type.</summary>
    private const string WordTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    private const string SheetTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";

    private static readonly byte[] Docx = Zip(
        ("[Content_Types].xml", WordTypes),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>"),
        ("word/document.xml", "<?xml version=\"1.0\"?><w:document/>"));

    private static readonly byte[] Xlsx = Zip(
        ("[Content_Types].xml", SheetTypes),
        ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook/>"));

    private static readonly byte[] Odt = Zip(
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<?xml version=\"1.0\"?><office:document-content/>"));

    private static readonly byte[] Ods = Zip(
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", "<?xml version=\"1.0\"?><office:document-content/>"));

    public static TheoryData<string, byte[], EvidenceFileType, string> AllowedFiles => new()
    {
        { "relatório.pdf", Pdf, EvidenceFileType.Pdf, "application/pdf" },
        { "foto.png", Png, EvidenceFileType.Png, "image/png" },
        { "foto.jpg", Jpeg, EvidenceFileType.Jpeg, "image/jpeg" },
        { "foto.jpeg", Jpeg, EvidenceFileType.Jpeg, "image/jpeg" },
        { "ata.doc", Ole2, EvidenceFileType.Doc, "application/msword" },
        { "ata.docx", Docx, EvidenceFileType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "planilha.xls", Ole2, EvidenceFileType.Xls, "application/vnd.ms-excel" },
        { "planilha.xlsx", Xlsx, EvidenceFileType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "ata.odt", Odt, EvidenceFileType.Odt, "application/vnd.oasis.opendocument.text" },
        { "planilha.ods", Ods, EvidenceFileType.Ods, "application/vnd.oasis.opendocument.spreadsheet" },
        // Extensions are case-insensitive.
        { "RELATÓRIO.PDF", Pdf, EvidenceFileType.Pdf, "application/pdf" },
        { "Foto.JPeG", Jpeg, EvidenceFileType.Jpeg, "image/jpeg" },
        { "Ata Final (versão 2).DOCX", Docx, EvidenceFileType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public void Allowed_file_is_accepted_with_its_content_type(
        string fileName, byte[] content, EvidenceFileType type, string contentType)
    {
        var check = EvidenceFiles.Check(fileName, content, Limit);

        check.Error.ShouldBeNull();
        check.IsValid.ShouldBeTrue();
        check.Type.ShouldBe(type);
        check.ContentType.ShouldBe(contentType);
    }

    public static TheoryData<string, byte[], string> MismatchedFiles => new()
    {
        { "foto.png", Pdf, "PNG" },
        { "foto.JPG", Png, "JPG" },
        { "foto.jpeg", Pdf, "JPEG" },
        { "ata.doc", Docx, "DOC" },
        { "planilha.xls", Pdf, "XLS" },
        { "planilha.xlsx", Docx, "XLSX" },
        { "ata.docx", Xlsx, "DOCX" },
        { "ata.docx", Zip(("leiame.txt", "texto")), "DOCX" }, // a plain zip
        { "ata.docx", Zip(("word/document.xml", "<w:document/>")), "DOCX" }, // no [Content_Types].xml
        // [Content_Types].xml that does not declare the main document: any zip with the right entry names.
        { "ata.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), "DOCX" },
        // A macro-enabled document renamed .docx.
        { "ata.docx", Zip(("[Content_Types].xml", WordTypes.Replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal)), ("word/document.xml", "<w:document/>")), "DOCX" },
        { "planilha.xlsx", Zip(("[Content_Types].xml", "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"text/html\"/></Types>"),
            ("xl/workbook.xml", "<workbook/>")), "XLSX" },
        { "ata.docx", Ole2, "DOCX" },
        { "ata.odt", Ods, "ODT" },
        { "planilha.ods", Odt, "ODS" },
        { "planilha.ods", Xlsx, "ODS" },
        { "ata.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text-template")), "ODT" },
        { "ata.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text" + new string(' ', 200))), "ODT" },
        { "ata.odt", Zip(("content.xml", "<office:document-content/>")), "ODT" }, // no mimetype
        { "ata.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00], "DOCX" }, // truncated zip
        { "ata.odt", [.. Odt[..(Odt.Length / 2)]], "ODT" }, // zip cut in half
        { "relatório.pdf", "%PDF"u8.ToArray(), "PDF" },
        { "relatório.pdf", " %PDF-1.7"u8.ToArray(), "PDF" },
    };

    [Theory]
    [MemberData(nameof(MismatchedFiles))]
    public void Content_that_does_not_match_the_extension_is_refused(string fileName, byte[] content, string expectedType)
    {
        var check = EvidenceFiles.Check(fileName, content, Limit);

        check.IsValid.ShouldBeFalse();
        check.Error.ShouldBe($"O conteúdo do arquivo não corresponde a um arquivo {expectedType}.");
        check.Type.ShouldBeNull();
        check.ContentType.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("../relatório.pdf")]
    [InlineData("..\\relatório.pdf")]
    [InlineData("a/b.pdf")]
    [InlineData("a\\b.pdf")]
    [InlineData("/etc/relatório.pdf")]
    [InlineData("C:\\Users\\ana\\relatório.pdf")]
    [InlineData("relatório..pdf")]
    [InlineData("relatório\0.pdf")]
    [InlineData("relatório\n.pdf")]
    [InlineData("\u001brelatório.pdf")]
    public void Unsafe_name_is_refused(string? fileName)
    {
        var check = EvidenceFiles.Check(fileName, Pdf, Limit);

        check.Error.ShouldBe(InvalidName);
        check.Type.ShouldBeNull();
    }

    [Fact]
    public void Name_may_have_up_to_200_characters()
    {
        EvidenceFiles.Check(new string('a', 196) + ".pdf", Pdf, Limit).IsValid.ShouldBeTrue();
        EvidenceFiles.Check(new string('a', 197) + ".pdf", Pdf, Limit).Error.ShouldBe(InvalidName);
    }

    [Theory]
    [InlineData("programa.exe")]
    [InlineData("relatório.pdf.exe")]
    [InlineData("relatório")]
    [InlineData("relatório.")]
    [InlineData("página.html")]
    [InlineData("arquivo.zip")]
    [InlineData("foto.gif")]
    [InlineData("relatório.pdf ")]
    public void Extension_not_allowed_is_refused(string fileName)
    {
        EvidenceFiles.Check(fileName, Pdf, Limit).Error.ShouldBe(TypeNotAllowed);
    }

    [Fact]
    public void Name_is_checked_before_extension_and_content()
    {
        EvidenceFiles.Check("../programa.exe", [], Limit).Error.ShouldBe(InvalidName);
        EvidenceFiles.Check("programa.exe", [], Limit).Error.ShouldBe(TypeNotAllowed);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        EvidenceFiles.Check("relatório.pdf", [], Limit).Error.ShouldBe("O arquivo está vazio.");
    }

    [Fact]
    public void File_over_the_limit_is_refused_before_its_content_is_read()
    {
        var content = new byte[1025]; // not a PDF either: size comes first
        "%PDF-"u8.CopyTo(content);

        EvidenceFiles.Check("relatório.pdf", content, 1024).Error.ShouldBe("O arquivo excede o limite de 1 KB.");
        EvidenceFiles.Check("relatório.pdf", content[..1024], 1024).IsValid.ShouldBeTrue();
        EvidenceFiles.Check("relatório.png", new byte[1025], 1024).Error.ShouldBe("O arquivo excede o limite de 1 KB.");
    }

    [Theory]
    [InlineData(5L * 1024 * 1024, "5 MB")]
    [InlineData(5L * 1024 * 1024 / 2, "2,5 MB")]
    [InlineData(1024 * 1024, "1 MB")]
    [InlineData(10L * 1024 * 1024 + (1024 * 1024 / 4), "10,25 MB")]
    [InlineData(1024, "1 KB")]
    [InlineData(1536, "1,5 KB")]
    public void Size_limit_is_written_in_Brazilian_Portuguese(long maxBytes, string expected)
    {
        var content = new byte[maxBytes + 1];
        "%PDF-"u8.CopyTo(content);

        EvidenceFiles.Check("relatório.pdf", content, maxBytes).Error.ShouldBe($"O arquivo excede o limite de {expected}.");
    }

    [Fact]
    public void Allowed_extensions_and_accept_attribute_list_the_ten_extensions()
    {
        EvidenceFiles.AllowedExtensions.ShouldBe([".pdf", ".png", ".jpg", ".jpeg", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods"]);
        EvidenceFiles.AcceptAttribute.ShouldBe(".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.odt,.ods");
        EvidenceFiles.DefaultMaxBytes.ShouldBe(5 * 1024 * 1024);
    }

    [Fact]
    public void Type_values_are_stable()
    {
        // Stored as integers: these must never change.
        Enum.GetValues<EvidenceFileType>().Select(t => (int)t).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        ((int)EvidenceFileType.Pdf).ShouldBe(1);
        ((int)EvidenceFileType.Ods).ShouldBe(9);
    }

    private const string Executable = "O arquivo é um programa executável, e programas não são aceitos como evidência.";
    private const string Markup = "O arquivo contém marcação HTML ou script, que um navegador poderia executar, e não é aceito como evidência.";

    public static TheoryData<string, byte[]> Executables => new()
    {
        { "relatório.pdf", WindowsExecutable },
        { "relatório.pdf", [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x01, .. new byte[57]] },
        { "foto.png", [0xCF, 0xFA, 0xED, 0xFE, .. new byte[60]] },
        { "ata.docx", WindowsExecutable },
    };

    [Theory]
    [MemberData(nameof(Executables))]
    public void An_executable_is_refused_as_such_whatever_its_name(string fileName, byte[] content) =>
        EvidenceFiles.Check(fileName, content, Limit).Error.ShouldBe(Executable);

    public static TheoryData<string, string> Polyglots => new()
    {
        { "relatório.pdf", "%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n" },
        { "relatório.pdf", "%PDF-1.7\n%<!DOCTYPE HTML>\n<BODY onload=alert(1)>\n" },
        { "relatório.pdf", "%PDF-1.7\n1 0 obj <</Length 60>> stream\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>" },
        { "relatório.pdf", "%PDF-1.7\n" + new string('x', 7000) + "<iframe src=x>" },
    };

    [Theory]
    [MemberData(nameof(Polyglots))]
    public void A_pdf_that_is_also_a_web_page_is_refused(string fileName, string content) =>
        EvidenceFiles.Check(fileName, Encoding.Latin1.GetBytes(content), Limit).Error.ShouldBe(Markup);

    [Fact]
    public void Markup_past_the_scanned_head_or_tag_like_pdf_syntax_is_not_taken_for_a_web_page()
    {
        var late = Encoding.Latin1.GetBytes("%PDF-1.7\n" + new string('x', EvidenceFiles.MarkupScanBytes) + "<html>");
        EvidenceFiles.Check("relatório.pdf", late, Limit).IsValid.ShouldBeTrue();
        var pdfSyntax = Encoding.Latin1.GetBytes("%PDF-1.7\n<</Type /Catalog /Html <48746D6C>>>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><htmlish/>\n%%EOF\n");
        EvidenceFiles.Check("relatório.pdf", pdfSyntax, Limit).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_zip_bomb_named_docx_is_refused_by_its_declared_size()
    {
        var bomb = Bomb(inflatedBytes: 60 * 1024 * 1024);
        bomb.Length.ShouldBeLessThan(200 * 1024, "a small file");

        EvidenceFiles.Check("ata.docx", bomb, Limit).Error.ShouldBe("O arquivo DOCX descompactado passaria de 50 MB, o limite aceito: envie um arquivo menor.");
    }

    [Fact]
    public void A_zip_bomb_that_lies_about_its_sizes_is_refused_after_inflating_no_more_than_the_limit()
    {
        var bomb = Bomb(inflatedBytes: 3 * 1024 * 1024);
        // Small enough to hide the bomb, large enough to leave [Content_Types].xml (whose type is read) telling the truth.
        LieAboutSizes(bomb, declared: 1000);

        EvidenceFiles.InflatesWithin(bomb, maxInflated: 1024 * 1024).ShouldBeFalse();
        EvidenceFiles.Check("ata.docx", bomb, maxBytes: 100 * 1024).Error.ShouldBe("O arquivo DOCX descompactado passaria de 1000 KB, o limite aceito: envie um arquivo menor.");
    }

    [Fact]
    public void A_document_that_inflates_within_the_limit_is_accepted()
    {
        var document = Bomb(inflatedBytes: 2 * 1024 * 1024);

        EvidenceFiles.InflatesWithin(document, maxInflated: 2 * 1024 * 1024 + 1024).ShouldBeTrue();
        EvidenceFiles.Check("ata.docx", document, Limit).IsValid.ShouldBeTrue();
    }

    /// <summary>A DOCX in appearance whose document.xml is <paramref name="inflatedBytes"/> of blanks, deflated.</summary>
    private static byte[] Bomb(int inflatedBytes)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write(WordTypes);
            }
            using var document = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var written = 0; written < inflatedBytes; written += blanks.Length)
            {
                document.Write(blanks, 0, Math.Min(blanks.Length, inflatedBytes - written));
            }
        }
        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="declared"/> as the uncompressed size of every entry, in local and central headers.</summary>
    private static void LieAboutSizes(byte[] zip, uint declared)
    {
        for (var i = 0; i + 46 <= zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && BitConverter.ToUInt32(zip, i + 22) > declared)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), declared);
            }
            else if (signature == 0x02014b50 && BitConverter.ToUInt32(zip, i + 24) > declared)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), declared);
            }
        }
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var entry = archive.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }
}
