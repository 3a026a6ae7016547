using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Documents;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Tests.Evaluation.Maturity;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// Upload abuse (issue 20), on the executor's own action and on maturity evidence: executables renamed .pdf, a zip bomb
/// renamed .docx, an HTML/PDF polyglot, a path in the name, an empty file, one byte over the limit, .html and .svg are
/// each refused with their reason next to the file field, leaving no row and no file in the file store; and every route
/// that serves a stored file sends it as an attachment with <c>nosniff</c>.
/// </summary>
public sealed class UploadAbuseTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const int FiveMegabytes = 5 * 1024 * 1024;
    private static int _cycleYear = 1970;

    public static TheoryData<string, string, string> Corpus => new()
    {
        // name, content, reason
        { "relatorio.pdf", "mz", "O arquivo é um programa executável, e programas não são aceitos como evidência." },
        { "relatorio.pdf", "elf", "O arquivo é um programa executável, e programas não são aceitos como evidência." },
        { "ata.docx", "bomb", "O arquivo DOCX descompactado passaria de 50 MB, o limite aceito: envie um arquivo menor." },
        { "relatorio.pdf", "polyglot", "O arquivo contém marcação HTML ou script, que um navegador poderia executar, e não é aceito como evidência." },
        { "../relatorio.pdf", "pdf", "Nome de arquivo inválido: envie o arquivo sem caminho de pastas." },
        { "relatorio.pdf", "empty", "O arquivo está vazio." },
        { "relatorio.pdf", "oversized", "O arquivo excede o limite de 5 MB." },
        { "pagina.html", "html", "Tipo de arquivo não permitido. Envie PDF, PNG, JPG, DOC, DOCX, XLS, XLSX, ODT ou ODS." },
        { "imagem.svg", "svg", "Tipo de arquivo não permitido. Envie PDF, PNG, JPG, DOC, DOCX, XLS, XLSX, ODT ou ODS." },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "mz" => WindowsExecutable,
        "elf" => [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x01, 0x00, .. new byte[56]],
        "bomb" => ZipBomb(),
        "polyglot" => Encoding.ASCII.GetBytes("%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"),
        "empty" => [],
        // One byte over the limit, of a file that would otherwise pass as a PDF.
        "oversized" => [.. Pdf, .. new byte[FiveMegabytes + 1 - Pdf.Length]],
        "html" => "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(),
        "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(),
        _ => Pdf,
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task On_the_executors_own_action_each_abuse_is_refused_with_its_reason_and_leaves_nothing(string fileName, string kind, string reason)
    {
        var actionId = await app.CreateActionAsync("Ação de teste de upload abusivo");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var filesBefore = FilesOf(app);
        var lastUpdateBefore = (await app.ActionAsync(actionId)).LastUpdateAt;

        using var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = "Comprovante" }, "Upload.File", fileName, Content(kind), "application/pdf", url);

        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again with the reason");
        page.QuerySelector("#arquivo-erro")!.TextContent.Trim().ShouldBe(reason);
        (await app.WithDbAsync(db => db.ActionEvidence.CountAsync(e => e.ActionId == actionId))).ShouldBe(0, "no evidence row");
        FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order(), "no file left behind");
        (await app.ActionAsync(actionId)).LastUpdateAt.ShouldBe(lastUpdateBefore);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task On_maturity_evidence_each_abuse_is_refused_with_its_reason_and_leaves_nothing(string fileName, string kind, string reason)
    {
        var cycleId = await app.CreateCycleAsync("SEPLAG", Interlocked.Increment(ref _cycleYear));
        var question = (await app.CycleAsync(cycleId)).Model.Questions.First();
        var client = await app.LoginAsync(MaturityTestData.Commission);
        var url = $"/maturidade/{cycleId}";
        var filesBefore = FilesOf(app);

        using var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=File&questionId={question.Id}",
            new Dictionary<string, string> { ["Upload.Description"] = "Comprovante" }, "Upload.File", fileName, Content(kind), "application/pdf", url);

        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again with the reason");
        page.Text($"#q-{question.Id}-arquivo-erro").ShouldBe(reason);
        (await app.CycleAsync(cycleId)).Evidence.ShouldBeEmpty("no evidence row");
        FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order(), "no file left behind");
    }

    [Fact]
    public async Task Every_route_serving_a_stored_file_sends_it_as_an_attachment_with_nosniff()
    {
        // Action evidence, through the executor's upload.
        var actionId = await app.CreateActionAsync("Ação de teste de download");
        var executor = await app.LoginAsync(Executor);
        using (var upload = await SispmpiAppFactory.PostMultipartAsync(executor, $"/acoes/{actionId}/execucao?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = "Comprovante" }, "Upload.File", "relatorio.pdf", Pdf, "application/pdf", $"/acoes/{actionId}/execucao"))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var actionEvidence = await app.WithDbAsync(db => db.ActionEvidence.Where(e => e.ActionId == actionId).Select(e => e.Id).SingleAsync());

        // Maturity evidence, through the commission's upload.
        var cycleId = await app.CreateCycleAsync("SEPLAG", Interlocked.Increment(ref _cycleYear));
        var question = (await app.CycleAsync(cycleId)).Model.Questions.First();
        var commission = await app.LoginAsync(MaturityTestData.Commission);
        (await MaturityTestData.AddFileAsync(commission, cycleId, question.Id, "Relatório", "relatorio.pdf", Pdf)).ShouldRedirectToQuestion(cycleId, question.Id);
        var maturityEvidence = (await app.CycleAsync(cycleId)).Evidence.ShouldHaveSingleItem().Id;

        // A signed document, stored as the signing stores it.
        var documentId = await app.WithDbAsync(async db =>
        {
            var files = app.Services.GetRequiredService<IFileStore>();
            var key = await files.SaveAsync("documentos", Pdf);
            var document = new SignedDocument
            {
                OrganizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync(),
                Kind = DocumentKind.InternalControlReport, SubjectId = 999_999, Title = "Relatório de teste", FileName = "relatorio-assinado.pdf",
                VerificationCode = Guid.NewGuid().ToString("N")[..20], Crc = "0A1B2C3D", ContentKey = key, ContentSha256 = Authenticity.Sha256(Pdf),
                SignedKey = key, SignedSha256 = Authenticity.Sha256(Pdf), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.SignedDocuments.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });

        foreach (var (client, url, name) in new[]
        {
            (executor, $"/acoes/{actionId}/evidencias/{actionEvidence}", "relatorio.pdf"),
            (commission, $"/maturidade/{cycleId}/evidencias/{maturityEvidence}", "relatorio.pdf"),
            (commission, $"/documentos/{documentId}/assinado.pdf", "relatorio-assinado.pdf"),
        })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf, url);
            var disposition = response.Content.Headers.ContentDisposition.ShouldNotBeNull(url);
            disposition.DispositionType.ShouldBe("attachment", url);
            (disposition.FileNameStar ?? disposition.FileName!.Trim('"')).ShouldBe(name, url);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], url);
        }
    }

    /// <summary>A small DOCX in appearance whose document.xml inflates to 60 MB of blanks, past the 50 MB allowed.</summary>
    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types/>");
            }
            using var document = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < 60; i++)
            {
                document.Write(blanks);
            }
        }
        var bomb = stream.ToArray();
        bomb.Length.ShouldBeLessThan(FiveMegabytes / 10, "a small file");
        return bomb;
    }
}
