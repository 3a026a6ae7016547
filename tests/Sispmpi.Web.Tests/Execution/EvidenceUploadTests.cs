using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// Evidence files sent through the "Execução" tab (SPEC §3.2): every accepted kind is stored, listed and downloaded
/// byte for byte; a disguised executable, an empty or oversized file and a name with folders are refused next to the
/// file field, and leave neither a row nor a file behind.
/// </summary>
/// <remarks>Each class of this folder starts its own application: the tests change the demo plan's execution.</remarks>
public sealed class EvidenceUploadTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string FileField = "Upload.File";
    /// <summary>The default limit (setting Execution:EvidenceMaxBytes): 5 MB.</summary>
    private const int FiveMegabytes = 5 * 1024 * 1024;
    private const string InvalidName = "Nome de arquivo inválido: envie o arquivo sem caminho de pastas.";

    public static TheoryData<string, string, string> RefusedFiles => new()
    {
        // name, kind of content, message
        { "relatorio.pdf", "exe", "O arquivo é um programa executável, e programas não são aceitos como evidência." },
        { "relatorio.pdf", "empty", "O arquivo está vazio." },
        { "relatorio.pdf", "oversized", "O arquivo excede o limite de 5 MB." },
        { "../../etc/relatorio.pdf", "pdf", InvalidName },
        { "..\\..\\relatorio.pdf", "pdf", InvalidName },
        { "/tmp/relatorio.pdf", "pdf", InvalidName },
        { "programa.exe", "exe", "Tipo de arquivo não permitido. Envie PDF, PNG, JPG, DOC, DOCX, XLS, XLSX, ODT ou ODS." },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_refused_file_shows_the_reason_next_to_the_field_and_stores_nothing(string fileName, string kind, string message)
    {
        var content = kind switch
        {
            "exe" => WindowsExecutable,
            "empty" => [],
            // One byte over the limit, of a file that would otherwise pass as a PDF.
            "oversized" => [.. Pdf, .. new byte[FiveMegabytes + 1 - Pdf.Length]],
            _ => Pdf,
        };
        var actionId = await app.CreateActionAsync("Ação de teste de upload recusado");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var rowsBefore = await app.WithDbAsync(db => db.ActionEvidence.CountAsync());
        var filesBefore = FilesOf(app);
        var lastUpdateBefore = (await app.ActionAsync(actionId)).LastUpdateAt;

        using var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = "Relatório da ação" }, FileField, fileName, content, "application/pdf", url);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.Length > 2000 ? body[..2000] : body);
        var page = await SispmpiAppFactory.ParseAsync(body);
        page.QuerySelector("#arquivo-erro")!.TextContent.Trim().ShouldBe(message);
        page.QuerySelector("#Upload_File")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Upload_File")!.GetAttribute("aria-describedby")!.ShouldContain("arquivo-erro");
        page.QuerySelector("#Upload_File")!.Closest("details")!.HasAttribute("open").ShouldBeTrue("the file form opens with its error");
        page.QuerySelector("#Upload_Description")!.GetAttribute("value").ShouldBe("Relatório da ação", "the description typed is kept");
        page.QuerySelector("[data-evidence-empty]").ShouldNotBeNull("nothing is listed");

        (await app.WithDbAsync(db => db.ActionEvidence.CountAsync())).ShouldBe(rowsBefore, "no evidence row");
        FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order(), "no file written anywhere under the application's folder");
        (await app.ActionAsync(actionId)).LastUpdateAt.ShouldBe(lastUpdateBefore, "a refused file is no update of the execution");
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de limite");
        var client = await app.LoginAsync(Executor);
        byte[] content = [.. Pdf, .. new byte[FiveMegabytes - Pdf.Length]];

        var evidence = await UploadAsync(client, actionId, "no-limite.pdf", content);

        evidence.FileSize.ShouldBe(FiveMegabytes);
        (await File.ReadAllBytesAsync(StoredPath(app, evidence.FileKey!))).ShouldBe(content);
    }

    public static TheoryData<string, string> AcceptedFiles => new()
    {
        { "relatório final.pdf", "application/pdf" },
        { "foto.png", "image/png" },
        { "foto.jpg", "image/jpeg" },
        { "ata.doc", "application/msword" },
        { "ata.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "planilha.xls", "application/vnd.ms-excel" },
        { "planilha.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "ata.odt", "application/vnd.oasis.opendocument.text" },
        { "planilha.ods", "application/vnd.oasis.opendocument.spreadsheet" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public async Task Every_accepted_kind_is_stored_listed_and_downloaded_with_the_same_bytes_and_type(string fileName, string contentType)
    {
        var content = Path.GetExtension(fileName) switch
        {
            ".pdf" => Pdf,
            ".png" => Png,
            ".jpg" => Jpeg,
            ".doc" or ".xls" => Ole2,
            ".docx" => Docx,
            ".xlsx" => Xlsx,
            ".odt" => Odt,
            _ => Ods,
        };
        var actionId = await app.CreateActionAsync("Ação de teste de upload aceito");
        var client = await app.LoginAsync(Executor);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var evidence = await UploadAsync(client, actionId, fileName, content);

        // Stored: the row describes the file, whose bytes sit in the file store under a generated name.
        evidence.Kind.ShouldBe(EvidenceKind.File);
        evidence.Description.ShouldBe($"Comprovante {fileName}");
        evidence.FileName.ShouldBe(fileName);
        evidence.ContentType.ShouldBe(contentType);
        evidence.FileSize.ShouldBe(content.Length);
        evidence.FileSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        evidence.FileKey.ShouldNotBeNull();
        evidence.FileKey.ShouldNotContain(Path.GetFileNameWithoutExtension(fileName), Case.Insensitive, "the stored name is not the sender's");
        (await File.ReadAllBytesAsync(StoredPath(app, evidence.FileKey))).ShouldBe(content);
        (await app.ActionAsync(actionId)).LastUpdateAt!.Value.ShouldBeGreaterThan(before, "an evidence counts as an update");

        // Listed on the tab, as a download link.
        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/acoes/{actionId}/execucao");
        var link = page.QuerySelector($"table[data-evidence] a[href='/acoes/{actionId}/evidencias/{evidence.Id}']");
        link.ShouldNotBeNull();
        link.TextContent.ShouldBe(fileName);
        link.ParentElement!.ParentElement!.TextContent.ShouldContain($"Comprovante {fileName}");
        page.Body!.TextContent.ShouldContain($"Evidência “Comprovante {fileName}” incluída.");

        // Downloaded as sent.
        using var download = await client.GetAsync($"/acoes/{actionId}/evidencias/{evidence.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        download.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        var disposition = download.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        (disposition.FileNameStar ?? disposition.FileName!.Trim('"')).ShouldBe(fileName);
        download.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
    }

    [Fact]
    public async Task A_file_without_description_is_refused_and_stores_nothing()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de descrição");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var filesBefore = FilesOf(app);

        using var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = "" }, FileField, "relatorio.pdf", Pdf, "application/pdf", url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Upload_Description-error")!.TextContent.ShouldContain("Descreva a evidência.");
        (await app.WithDbAsync(db => db.ActionEvidence.CountAsync(e => e.ActionId == actionId))).ShouldBe(0);
        FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order());
    }

    /// <summary>Uploads as a browser would, expects the redirect to the evidence list and returns the stored row.</summary>
    private async Task<ActionEvidence> UploadAsync(HttpClient client, int actionId, string fileName, byte[] content)
    {
        var url = $"/acoes/{actionId}/execucao";
        using var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = $"Comprovante {fileName}" }, FileField, fileName, content,
            formPage: url);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            throw new ShouldAssertException(
                $"Uploading {fileName} answered {(int)response.StatusCode}: {page.QuerySelector("#arquivo-erro")?.TextContent ?? page.Title}");
        }
        response.Headers.Location!.OriginalString.ShouldBe($"/acoes/{actionId}/execucao#evidencias");
        var rows = await app.WithDbAsync(db => db.ActionEvidence.AsNoTracking().Where(e => e.ActionId == actionId).ToListAsync());
        return rows.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_helper_sends_the_file_name_verbatim()
    {
        // Guards the refusal tests above: were the name cleaned on the way, "../../etc/relatorio.pdf" would arrive as
        // "relatorio.pdf" and be accepted, and the refusal would not be the server's.
        var actionId = await app.CreateActionAsync("Ação de teste de nome");
        var client = await app.LoginAsync(Executor);
        var evidence = await UploadAsync(client, actionId, "nome com espaços e ç (1).pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        evidence.FileName.ShouldBe("nome com espaços e ç (1).pdf");
    }
}
