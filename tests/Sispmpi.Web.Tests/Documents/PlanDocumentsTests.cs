using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Documents;

/// <summary>The three documents of the demo plan, downloaded as a user would and read with independent tools.</summary>
[Collection(AppCollection.Name)]
public sealed class PlanDocumentsTests(SispmpiAppFactory app)
{
    private async Task<(HttpClient Client, int PlanId)> CommissionAsync() =>
        (await app.LoginAsync("comissao@demo.gov.br"),
         await app.WithDbAsync(db => db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id).SingleAsync()));

    [Fact]
    public async Task The_plan_pdf_has_every_axis_and_action_with_accents_intact()
    {
        var (client, planId) = await CommissionAsync();
        using var response = await client.GetAsync($"/planos/{planId}/documento.pdf");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith(".pdf");
        using var pdf = new PdfFile(await response.Content.ReadAsByteArrayAsync(), "plano");
        var flat = pdf.FlatText();
        var actions = await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId == planId).Select(a => a.Title).ToListAsync());
        var axes = await app.WithDbAsync(db => db.PlanAxes.Where(a => a.PlanId == planId && a.ParentId == null).Select(a => a.Title).ToListAsync());
        foreach (var title in actions.Concat(axes))
        {
            flat.ShouldContain(title);
        }
        flat.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        flat.ShouldContain("Comprometimento e apoio da alta administração");
        flat.ShouldContain("Página 1 de");
    }

    [Fact]
    public async Task The_plan_spreadsheet_has_one_typed_row_per_action_and_is_valid()
    {
        var (client, planId) = await CommissionAsync();
        using var response = await client.GetAsync($"/planos/{planId}/minuta-do-plano.xlsx");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document).ShouldBeEmpty();
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().First(s => s.Name == "Ações");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.InnerText;
        var actionCount = await app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.PlanId == planId));
        var allText = rows.SelectMany(r => r.Elements<Cell>()).Select(Text).ToList();
        allText.ShouldContain("Mapear riscos à integridade nos processos de compras");
        allText.ShouldContain("Orçamento previsto");
        // Title row, header row, then one row per action.
        rows.Count.ShouldBe(actionCount + 2);
        // A date is a number, not text.
        var header = rows[1].Elements<Cell>().Select(Text).ToList();
        var startColumn = header.IndexOf("Início previsto");
        var firstDate = rows[2].Elements<Cell>().ElementAt(startColumn);
        firstDate.DataType.ShouldBeNull();
        double.Parse(firstDate.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(40_000);
    }

    [Fact]
    public async Task The_programme_draft_is_an_editable_document_from_the_commission_and_the_diagnosis()
    {
        var (client, planId) = await CommissionAsync();
        using var response = await client.GetAsync($"/planos/{planId}/minuta-do-programa.docx");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document).ShouldBeEmpty();
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        text.ShouldContain("Comissão de integridade");
        text.ShouldContain("Beatriz Comissão");
        text.ShouldContain("Resolução SEPLAG nº 42");
        text.ShouldContain("Baixo conhecimento do código de conduta");
        text.ShouldContain("Questionário aplicado aos servidores");
        text.ShouldContain("Diagnóstico validado por Henrique Secretário");
    }

    [Fact]
    public async Task The_programme_draft_is_for_the_formulation_profiles_only()
    {
        var executor = await app.LoginAsync("executor@demo.gov.br");
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id).SingleAsync());
        (await executor.GetAsync($"/planos/{planId}/minuta-do-programa.docx")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await executor.GetAsync($"/planos/{planId}/documento.pdf")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
