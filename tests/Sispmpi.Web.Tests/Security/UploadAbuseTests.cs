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

namespace Sispmpi.Web.Tests.Security;

/// <summary>
/// Upload abuse (issue 20), on the executor's own action, on maturity evidence and on the publication documents:
/// executables renamed .pdf, a zip bomb renamed .docx, an HTML/PDF polyglot, a path in the name, an empty file, one byte
/// over the limit, .html and .svg are each refused with their reason next to the file field, leaving no row and no file
/// in the file store. The two imports (plan actions, agreement schedule), which keep no file, refuse programs, a zip
/// bomb, an empty file and one byte over the limit and import nothing. Every route that serves a file — stored or
/// generated — sends it as an attachment with <c>nosniff</c>.
/// </summary>
public sealed class UploadAbuseTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const int FiveMegabytes = 5 * 1024 * 1024;
    private const int TenMegabytes = 10 * 1024 * 1024;

    // Past ten times each upload limit (5 MB evidence, 10 MB publication documents) and past the imports' 200 MB.
    private static readonly Lazy<byte[]> DocxBomb = new(() => ZipBomb("word/document.xml", WordTypes, inflatedMegabytes: 120));
    private static readonly Lazy<byte[]> XlsxBomb = new(() => ZipBomb("xl/workbook.xml", SheetTypes, inflatedMegabytes: 210));
    private static int _cycleYear = 1970;

    public static TheoryData<string, string, string> Corpus => new()
    {
        // name, content, reason
        { "relatorio.pdf", "mz", "O arquivo é um programa executável, e programas não são aceitos como evidência." },
        { "relatorio.pdf", "elf", "O arquivo é um programa executável, e programas não são aceitos como evidência." },
        { "ata.docx", "bomb", "O arquivo DOCX descompactado passaria de 50 MB, o limite aceito: envie um arquivo menor." },
        // A zip with the entry names of a DOCX whose [Content_Types].xml does not declare a Word document.
        { "ata.docx", "undeclared-docx", "O conteúdo do arquivo não corresponde a um arquivo DOCX." },
        { "relatorio.pdf", "polyglot", "O arquivo contém marcação HTML ou script, que um navegador poderia executar, e não é aceito como evidência." },
        { "../relatorio.pdf", "pdf", "Nome de arquivo inválido: envie o arquivo sem caminho de pastas." },
        { "relatorio.pdf", "empty", "O arquivo está vazio." },
        { "relatorio.pdf", "oversized", "O arquivo excede o limite de 5 MB." },
        { "pagina.html", "html", "Tipo de arquivo não permitido. Envie PDF, PNG, JPG, DOC, DOCX, XLS, XLSX, ODT ou ODS." },
        { "imagem.svg", "svg", "Tipo de arquivo não permitido. Envie PDF, PNG, JPG, DOC, DOCX, XLS, XLSX, ODT ou ODS." },
    };

    private static byte[] Content(string kind, int limit = FiveMegabytes) => kind switch
    {
        "mz" => WindowsExecutable,
        "elf" => [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x01, 0x00, .. new byte[56]],
        "bomb" => DocxBomb.Value,
        "xlsx-bomb" => XlsxBomb.Value,
        "polyglot" => Encoding.ASCII.GetBytes("%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"),
        "empty" => [],
        "undeclared-docx" => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")),
        // One byte over the limit, of a file that would otherwise pass as a PDF.
        "oversized" => [.. Pdf, .. new byte[limit + 1 - Pdf.Length]],
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

    /// <summary>A new plan of SEPLAG's, for the commission to change.</summary>
    private Task<int> NewPlanAsync(Sispmpi.Core.Plans.PlanStatus status) => app.WithDbAsync(async db =>
    {
        var plan = new Sispmpi.Web.Features.Plans.IntegrityPlan
        {
            OrganizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync(),
            Title = $"Plano de upload {Guid.NewGuid():N}"[..30], Edition = "2030–2032", Status = status, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    private const string NotADocument = "Formato não aceito: envie um arquivo PDF, DOC, DOCX ou ODT.";
    private const string Executable = "O arquivo é um programa executável, e programas não são aceitos como evidência.";

    public static TheoryData<string, string, string> PublicationCorpus => new()
    {
        { "relatorio.pdf", "mz", Executable },
        { "relatorio.pdf", "elf", Executable },
        { "ata.docx", "bomb", "O arquivo DOCX descompactado passaria de 100 MB, o limite aceito: envie um arquivo menor." },
        { "ata.docx", "undeclared-docx", NotADocument },
        { "relatorio.pdf", "polyglot", "O arquivo contém marcação HTML ou script, que um navegador poderia executar, e não é aceito como evidência." },
        { "../relatorio.pdf", "pdf", "Nome de arquivo inválido: envie o arquivo sem caminho de pastas." },
        { "relatorio.pdf", "empty", "O arquivo está vazio." },
        { "relatorio.pdf", "oversized", "O arquivo tem 10,0 MB; o limite é de 10 MB." },
        { "pagina.html", "html", NotADocument },
        { "imagem.svg", "svg", NotADocument },
    };

    [Theory]
    [MemberData(nameof(PublicationCorpus))]
    public async Task On_the_publication_documents_each_abuse_is_refused_with_its_reason_and_leaves_nothing(string fileName, string kind, string reason)
    {
        var planId = await NewPlanAsync(Sispmpi.Core.Plans.PlanStatus.NotStarted);
        var client = await app.LoginAsync(Commission);
        var url = $"/planos/{planId}/etapas/publicacao";
        var filesBefore = FilesOf(app);

        using var response = await SispmpiAppFactory.PostMultipartAsync(client, $"{url}?handler=UploadCommunicationPlan",
            new Dictionary<string, string>(), "communicationPlan", fileName, Content(kind, TenMegabytes), "application/pdf", url);

        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again with the reason");
        page.Text("#CommunicationPlan-error").ShouldBe(reason);
        (await app.WithDbAsync(db => db.PlanPublications.AnyAsync(p => p.PlanId == planId))).ShouldBeFalse("no publication row");
        FilesOf(app).Keys.Order().ShouldBe(filesBefore.Keys.Order(), "no file left behind");
    }

    public static TheoryData<string, string, string, string> ImportCorpus => new()
    {
        // target, name, content, what the refusal says
        { "plano", "acoes.xlsx", "mz", "não é uma planilha XLSX nem um texto CSV" },
        { "plano", "acoes.csv", "elf", "não é uma planilha XLSX nem um texto CSV" },
        { "plano", "acoes.xlsx", "xlsx-bomb", "A planilha é grande demais depois de descompactada." },
        { "plano", "acoes.csv", "empty", "O arquivo enviado está vazio." },
        { "plano", "acoes.csv", "oversized", "o limite é 5 MB" },
        { "acordo", "cronograma.xlsx", "mz", "não é uma planilha XLSX nem um texto CSV" },
        { "acordo", "cronograma.xlsx", "xlsx-bomb", "A planilha é grande demais depois de descompactada." },
        { "acordo", "cronograma.csv", "empty", "Selecione o arquivo (CSV ou XLSX) com o cronograma físico." },
        { "acordo", "cronograma.csv", "oversized", "O arquivo passa de 5 MB." },
    };

    /// <summary>The imports keep no file: what is read becomes rows, so a refused file must leave no row.</summary>
    [Theory]
    [MemberData(nameof(ImportCorpus))]
    public async Task The_imports_refuse_programs_zip_bombs_empty_and_oversized_files_and_import_nothing(string target, string fileName, string kind, string reason)
    {
        HttpClient client;
        string url;
        Func<Task<int>> rows;
        if (target == "plano")
        {
            var planId = await NewPlanAsync(Sispmpi.Core.Plans.PlanStatus.InPreparation);
            client = await app.LoginAsync(Commission);
            url = $"/planos/{planId}/importar";
            rows = () => app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.PlanId == planId));
        }
        else
        {
            client = await app.LoginAsync("admin@demo.gov.br");
            var number = $"ACT nº {Guid.NewGuid().ToString("N")[..6]}/2025";
            using (var created = await SispmpiAppFactory.PostFormAsync(client, "/acordos/novo", Adoption.AdoptionTests.Agreement(number)))
            {
                created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }
            var agreementId = await app.WithDbAsync(db => db.Agreements.Where(a => a.Number == number).Select(a => a.Id).SingleAsync());
            url = $"/acordos/{agreementId}/importar";
            rows = () => app.WithDbAsync(async db => await db.WorkPlanAxes.CountAsync(a => a.AgreementId == agreementId)
                + await db.WorkPlanGoals.CountAsync(g => g.AgreementId == agreementId));
        }
        var rowsBefore = await rows();

        using var response = await SispmpiAppFactory.PostMultipartAsync(client, url, new Dictionary<string, string>(), "arquivo", fileName,
            Content(kind), "application/octet-stream");

        ((int)response.StatusCode).ShouldBeOneOf(200, 400);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.GetElementById("resultado-importacao").ShouldNotBeNull("the refusal is shown");
        page.QuerySelector("#resultado-importacao + .br-table tbody").ShouldNotBeNull().TextContent.ShouldContain(reason);
        (await rows()).ShouldBe(rowsBefore, "nothing imported");
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

    /// <summary>
    /// The generated files too — documents, reports, templates, the personal-data export and the open data (served a
    /// second time from the public cache, which must keep the headers) — are attachments with <c>nosniff</c>.
    /// </summary>
    [Fact]
    public async Task Every_route_serving_a_generated_file_sends_it_as_an_attachment_with_nosniff()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de downloads");
        var published = (await app.ActionAsync(actionId)).PlanId;
        var prep = await NewPlanAsync(Sispmpi.Core.Plans.PlanStatus.InPreparation);
        var commission = await app.LoginAsync(Commission);
        var executor = await app.LoginAsync(Executor);
        var monitor = await app.LoginAsync("monitor@demo.gov.br");
        var admin = await app.LoginAsync("admin@demo.gov.br");
        var anonymous = app.CreateAnonymousClient();

        var failures = new List<string>();
        foreach (var (client, url) in new[]
        {
            (commission, $"/planos/{published}/documento.pdf"),
            (commission, $"/planos/{prep}/minuta-do-plano.xlsx"),
            (commission, $"/planos/{prep}/minuta-do-programa.docx"),
            (commission, $"/planos/{prep}/importar/modelo.xlsx"),
            (commission, $"/planos/{prep}/importar/modelo.csv"),
            (executor, $"/acoes/{actionId}/execucao.pdf"),
            (executor, "/execucao?handler=Pdf"),
            (executor, "/conta/meus-dados?handler=Json"),
            (executor, "/conta/meus-dados?handler=Pdf"),
            (monitor, $"/monitoramento/planos/{published}/relatorio.pdf"),
            (monitor, $"/monitoramento/planos/{published}/relatorio.xlsx"),
            (admin, "/historico?handler=Csv"),
            (anonymous, "/dados-abertos/acoes.csv"),
            (anonymous, "/dados-abertos/acoes.csv"),
            (anonymous, "/dados-abertos/planos.json"),
            (anonymous, "/dados-abertos/planos.json"),
        })
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentDisposition?.DispositionType != "attachment")
            {
                failures.Add($"GET {url}: Content-Disposition {response.Content.Headers.ContentDisposition}");
            }
            if (!response.Headers.TryGetValues("X-Content-Type-Options", out var values) || !values.SequenceEqual(["nosniff"]))
            {
                failures.Add($"GET {url}: no nosniff");
            }
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>A small Office file in appearance whose main part inflates to <paramref name="inflatedMegabytes"/> MB of blanks.</summary>
    private static byte[] ZipBomb(string mainPart, string types, int inflatedMegabytes)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write(types);
            }
            using var document = archive.CreateEntry(mainPart, CompressionLevel.Optimal).Open();
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < inflatedMegabytes; i++)
            {
                document.Write(blanks);
            }
        }
        var bomb = stream.ToArray();
        bomb.Length.ShouldBeLessThan(FiveMegabytes / 10, "a small file");
        return bomb;
    }
}
