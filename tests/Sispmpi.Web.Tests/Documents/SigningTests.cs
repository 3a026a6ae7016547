using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Documents;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Documents;

/// <summary>
/// Signs the demo plan document with two signers, then checks it as the public would: with the code and CRC
/// printed on it, through /verificar.
/// </summary>
public sealed partial class SigningTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private async Task<int> DemoPlanIdAsync() =>
        await app.WithDbAsync(db => db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id).SingleAsync());

    private async Task<HttpResponseMessage> SignAsync(HttpClient client, int planId, string password) =>
        await SispmpiAppFactory.PostFormAsync(client, $"/planos/{planId}/assinar", new Dictionary<string, string> { ["Password"] = password });

    [Fact]
    public async Task Two_signers_sign_in_turn_and_the_public_verifies_the_printed_code_and_crc()
    {
        var planId = await DemoPlanIdAsync();
        var commission = await app.LoginAsync("comissao@demo.gov.br");
        var head = await app.LoginAsync("alta@demo.gov.br");

        using (var wrong = await SignAsync(commission, planId, "senha-errada"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("Senha incorreta.");
        }
        (await app.WithDbAsync(db => db.SignedDocuments.CountAsync())).ShouldBe(0);

        (await SignAsync(commission, planId, SispmpiAppFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var first = await app.WithDbAsync(db => db.SignedDocuments.AsNoTracking().SingleAsync());
        (await SignAsync(head, planId, SispmpiAppFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var again = await SignAsync(head, planId, SispmpiAppFactory.DemoPassword))
        {
            (await again.Content.ReadAsStringAsync()).ShouldContain("Você já assinou este documento.");
        }

        var document = await app.WithDbAsync(db => db.SignedDocuments.AsNoTracking().Include(d => d.Signatures).SingleAsync());
        document.Signatures.Select(s => s.Name).ShouldBe(["Beatriz Comissão", "Henrique Secretário"], ignoreOrder: true);
        // The content was frozen at the first signature: the second one kept code, CRC and content.
        document.VerificationCode.ShouldBe(first.VerificationCode);
        document.ContentSha256.ShouldBe(first.ContentSha256);
        document.SignedSha256.ShouldNotBe(first.SignedSha256);

        // What is printed on the PDF is what the public types.
        var signedPdf = await commission.GetByteArrayAsync($"/documentos/{document.Id}/assinado.pdf");
        using var pdf = new PdfFile(signedPdf, "assinado");
        var text = pdf.FlatText();
        var printed = PrintedCodes().Match(text);
        printed.Success.ShouldBeTrue(text);
        var (code, crc) = (printed.Groups[1].Value, printed.Groups[2].Value);
        code.ShouldBe(document.VerificationCode);
        crc.ShouldBe(document.Crc);
        text.ShouldContain("Beatriz Comissão");
        text.ShouldContain("Henrique Secretário");
        text.ShouldContain("conforme horário oficial de Brasília");

        var visitor = app.CreateAnonymousClient();
        var page = await Verify(visitor, code, crc);
        page.ShouldContain("Documento autêntico");
        page.ShouldContain("Plano de Integridade da SEPLAG");
        page.ShouldContain("Henrique Secretário");
        using var download = await SispmpiAppFactory.PostFormAsync(visitor, "/verificar?handler=Download",
            new Dictionary<string, string> { ["codigo"] = code, ["crc"] = crc }, formPage: "/verificar");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(signedPdf);

        // A right code with a wrong CRC reveals nothing.
        var wrongCrc = crc == "00000000" ? "11111111" : "00000000";
        var refused = await Verify(visitor, code, wrongCrc);
        refused.ShouldContain(VerifyModel.NotFoundMessage);
        refused.ShouldNotContain("Plano de Integridade da SEPLAG");

        // One byte changed in storage: verification fails with a clear message, and nothing is served.
        var path = Path.Combine(app.FilesFolder, document.SignedKey);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes);
        var tampered = await Verify(visitor, code, crc);
        tampered.ShouldContain(VerifyModel.TamperedMessage);
        tampered.ShouldNotContain("Baixar o documento");
        using var blocked = await SispmpiAppFactory.PostFormAsync(visitor, "/verificar?handler=Download",
            new Dictionary<string, string> { ["codigo"] = code, ["crc"] = crc }, formPage: "/verificar");
        blocked.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task The_qr_code_link_opens_the_page_with_both_values_filled_in()
    {
        var visitor = app.CreateAnonymousClient();
        var page = await SispmpiAppFactory.GetDocumentAsync(visitor, "/verificar?codigo=1234567890&crc=ABCDEF12");
        page.QuerySelector("#codigo")!.GetAttribute("value").ShouldBe("1234567890");
        page.QuerySelector("#crc")!.GetAttribute("value").ShouldBe("ABCDEF12");
    }

    [Fact]
    public async Task A_plan_in_preparation_is_not_signed_and_another_organizations_plan_is_not_found()
    {
        var seplag = await app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync());
        var draftId = await app.WithDbAsync(async db =>
        {
            var draft = new Sispmpi.Web.Features.Plans.IntegrityPlan
            {
                OrganizationId = seplag, Title = "Plano em elaboração", Edition = "2028–2030", Status = Sispmpi.Core.Plans.PlanStatus.InPreparation,
            };
            db.Plans.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        var commission = await app.LoginAsync("comissao@demo.gov.br");
        using (var response = await SignAsync(commission, draftId, SispmpiAppFactory.DemoPassword))
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain("O documento do plano só pode ser assinado depois da publicação do plano.");
        }
        (await app.WithDbAsync(db => db.SignedDocuments.AnyAsync(d => d.SubjectId == draftId))).ShouldBeFalse();

        var otherOrganizationsPlan = await app.WithDbAsync(db => db.Plans.Where(p => p.OrganizationId != seplag).Select(p => p.Id).FirstAsync());
        (await commission.GetAsync($"/planos/{otherOrganizationsPlan}/assinar")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<string> Verify(HttpClient client, string code, string crc)
    {
        using var response = await SispmpiAppFactory.PostFormAsync(client, "/verificar",
            new Dictionary<string, string> { ["codigo"] = code, ["crc"] = crc });
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"código verificador\s+(\d{10})\s+e o código CRC\s+([0-9A-F]{8})")]
    private static partial Regex PrintedCodes();
}

/// <summary>Too many attempts from one address are refused, so codes cannot be enumerated.</summary>
public sealed class VerificationRateLimitTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task The_31st_wrong_attempt_within_a_minute_is_refused()
    {
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(20));
        var visitor = app.CreateAnonymousClient();
        var token = (await SispmpiAppFactory.GetDocumentAsync(visitor, "/verificar"))
            .QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;
        for (var attempt = 1; attempt <= 31; attempt++)
        {
            using var response = await visitor.PostAsync("/verificar", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["codigo"] = $"{1_000_000_000 + attempt}",
                ["crc"] = "DEADBEEF",
                [SispmpiAppFactory.AntiforgeryField] = token,
            }));
            var html = await response.Content.ReadAsStringAsync();
            if (attempt <= 30)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
                html.ShouldContain(VerifyModel.NotFoundMessage);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
                html.ShouldContain(VerifyModel.TooManyMessage);
            }
        }
    }
}
