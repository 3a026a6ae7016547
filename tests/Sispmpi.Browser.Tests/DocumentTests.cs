using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>The plan's documents, downloaded from the plan page as a user would.</summary>
[Collection(SiteCollection.Name)]
public sealed class DocumentTests(SiteFixture site)
{
    [Fact]
    public async Task The_commission_downloads_the_plan_as_pdf_xlsx_and_docx()
    {
        await using var context = await site.SignedInContextAsync("comissao@demo.gov.br");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/elaboracao");
        await page.GetByRole(AriaRole.Link, new() { Name = "Plano de Integridade da SEPLAG" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plano de Integridade da SEPLAG");

        // Each file starts with its format's signature: %PDF for PDF, a zip (PK) for the Open XML formats.
        (string Link, string Extension, byte[] Magic)[] downloads =
        [
            ("Documento do plano (PDF)", ".pdf", "%PDF"u8.ToArray()),
            ("Minuta do plano (XLSX)", ".xlsx", "PK"u8.ToArray()),
            ("Minuta do programa (DOCX)", ".docx", "PK"u8.ToArray()),
        ];
        foreach (var (link, extension, magic) in downloads)
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
            download.SuggestedFilename.ShouldEndWith(extension);
            var path = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(path);
            bytes.Length.ShouldBeGreaterThan(2_000, link);
            bytes.Take(magic.Length).ShouldBe(magic, link);
        }
    }
}
