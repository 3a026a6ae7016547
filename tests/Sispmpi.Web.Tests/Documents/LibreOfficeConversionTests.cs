using System.Text.RegularExpressions;
using Sispmpi.Web.Infrastructure.Documents.Docx;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Documents;

/// <summary>
/// Opens the generated workbook and document in LibreOffice — converting them to PDF — and reads the PDF's text
/// back: the files open in a real office suite and show what they hold, formatted as a Brazilian reader expects.
/// </summary>
[Trait("Category", "LibreOffice")]
public sealed partial class LibreOfficeConversionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [LibreOfficeFact]
    public async Task Workbook_converts_to_a_PDF_showing_pt_BR_numbers_and_dates()
    {
        var text = await ConvertAndReadAsync("planilha.xlsx", XlsxWriter.Write(XlsxWriterTests.SampleWorkbook()));

        text.ShouldContain(XlsxWriterTests.SampleText);
        text.ShouldContain("Plano de Integridade — ações");
        text.ShouldContain("Descrição da ação");
        // The first data row, formatted by LibreOffice with pt-BR separators whatever its own locale.
        text.ShouldContain("R$ 1.234,56");
        text.ShouldContain("1.234.567");
        text.ShouldContain("9.876,50");
        text.ShouldContain("25,0%");
        text.ShouldContain("31/12/2025");
        text.ShouldContain("10/03/2025 10:30"); // 13:30 UTC in São Paulo
        text.ShouldContain("-R$ 2.500,75"); // the second sheet
        text.ShouldMatch(@"Página 1 de \d+");
    }

    [LibreOfficeFact]
    public async Task Document_converts_to_a_PDF_with_its_text_and_page_numbers()
    {
        var text = await ConvertAndReadAsync("documento.docx", DocxWriter.Render(DocxWriterTests.SampleDocument()));

        text.ShouldContain(DocxWriterTests.SampleSentence);
        text.ShouldContain(DocxWriterTests.Organization);
        text.ShouldContain("Tabela 1 – Ações do plano");
        text.ShouldContain("Gráfico 1 – Ações por eixo");
        text.ShouldContain("Ação: Implantar o canal de denúncias");
        // The title page has no number; the next pages count it. The table's header row repeats on page 3.
        text.ShouldNotContain("Página 1 de");
        text.ShouldMatch(@"Página 2 de (\d+)");
        var pages = int.Parse(PageCount().Match(text).Groups[1].Value);
        pages.ShouldBeGreaterThanOrEqualTo(4);
        Regex.Count(text, "Código Ação Orçamento").ShouldBeGreaterThanOrEqualTo(2);
    }

    /// <summary>Writes the file, converts it with LibreOffice and returns the PDF's text, whitespace collapsed.</summary>
    internal static async Task<string> ConvertAndReadAsync(string fileName, byte[] content)
    {
        if (LibreOfficeFactAttribute.Missing() is { } missing)
        {
            // Only reached in CI, where the attribute does not skip.
            throw new InvalidOperationException($"{missing} not installed ({LibreOfficeFactAttribute.InstallHint}).");
        }

        var directory = Directory.CreateTempSubdirectory("sispmpi-lo-");
        var profile = Path.Combine(Path.GetTempPath(), $"lo-profile-{Guid.NewGuid():N}");
        try
        {
            var input = Path.Combine(directory.FullName, fileName);
            await File.WriteAllBytesAsync(input, content);

            var conversion = await Tools.RunAsync(
                "libreoffice",
                [$"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--headless", "--convert-to", "pdf", "--outdir", directory.FullName, input],
                Timeout);
            var pdf = Path.ChangeExtension(input, ".pdf");
            conversion.ExitCode.ShouldBe(0, $"libreoffice: {conversion.Output} {conversion.Error}");
            File.Exists(pdf).ShouldBeTrue($"no PDF written: {conversion.Output} {conversion.Error}");
            new FileInfo(pdf).Length.ShouldBeGreaterThan(1000);

            var extraction = await Tools.RunAsync("pdftotext", ["-enc", "UTF-8", pdf, "-"], Timeout);
            extraction.ExitCode.ShouldBe(0, extraction.Error);
            return Whitespace().Replace(extraction.Output, " ");
        }
        finally
        {
            directory.Delete(recursive: true);
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Página \d+ de (\d+)")]
    private static partial Regex PageCount();
}

/// <summary>The demo plan's real spreadsheet and programme draft, as downloaded, open in LibreOffice.</summary>
[Trait("Category", "LibreOffice")]
[Collection(AppCollection.Name)]
public sealed class PlanDocumentsInLibreOfficeTests(SispmpiAppFactory app)
{
    [LibreOfficeFact]
    public async Task The_demo_plan_spreadsheet_and_programme_draft_convert_with_their_content()
    {
        var client = await app.LoginAsync("comissao@demo.gov.br");
        var planId = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id)));

        var sheet = await LibreOfficeConversionTests.ConvertAndReadAsync("minuta.xlsx",
            await client.GetByteArrayAsync($"/planos/{planId}/minuta-do-plano.xlsx"));
        sheet.ShouldContain("Mapear riscos à integridade nos processos de compras");
        sheet.ShouldContain("R$ 40.000,00");

        var draft = await LibreOfficeConversionTests.ConvertAndReadAsync("programa.docx",
            await client.GetByteArrayAsync($"/planos/{planId}/minuta-do-programa.docx"));
        draft.ShouldContain("Comissão de integridade");
        draft.ShouldContain("Beatriz Comissão");
        draft.ShouldContain("Diagnóstico validado por Henrique Secretário");
    }
}
