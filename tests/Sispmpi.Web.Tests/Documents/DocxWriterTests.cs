using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Docx;
using Xunit.Abstractions;
using Heading = Sispmpi.Web.Infrastructure.Documents.Heading;
using PageBreak = Sispmpi.Web.Infrastructure.Documents.PageBreak;
using Paragraph = Sispmpi.Web.Infrastructure.Documents.Paragraph;
using Table = Sispmpi.Web.Infrastructure.Documents.Table;
using TitlePage = Sispmpi.Web.Infrastructure.Documents.TitlePage;

namespace Sispmpi.Web.Tests.Documents;

public sealed class DocxWriterTests(ITestOutputHelper output)
{
    public const string SampleSentence =
        "A comissão de integridade aprovará as ações de prevenção à corrupção, promoção da ética e transparência até o fim do exercício.";

    public const string Organization = "Prefeitura Municipal de São João";

    /// <summary>A document with a title page and every kind of block.</summary>
    public static OfficialDocument SampleDocument() =>
        new(
            new DocumentInfo("Plano de Integridade 2025–2026", Organization, new DateTimeOffset(2025, 3, 10, 13, 30, 0, TimeSpan.Zero), "Programa de integridade"),
            new TitlePage("Plano de Integridade", "Programa de Integridade Pública 2025–2026", ["Controladoria-Geral do Município", "Março de 2025"]),
            [
                new Heading(1, "Apresentação"),
                new Paragraph(SampleSentence),
                new Paragraph("As metas serão revistas anualmente.", TextStyle.Emphasis),
                new Paragraph("Fonte: Controladoria-Geral, 2025.", TextStyle.Small),
                new Heading(2, "Objetivos"),
                new BulletList(["Promover a cultura de integridade;", "Fortalecer os controles internos."]),
                new Heading(3, "Etapas"),
                new BulletList(["Diagnóstico", "Elaboração", "Aprovação"], Numbered: true),
                new BulletList(["Outra lista", "que recomeça em 1"], Numbered: true),
                new FieldList([new Field("Ação", "Implantar o canal de denúncias"), new Field("Responsável:", "Ouvidoria-Geral")]),
                new Table(
                    [new TableColumn("Código", 1), new TableColumn("Ação", 3), new TableColumn("Orçamento", 1.5, Alignment.Right)],
                    Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"AÇ-{i:000}", $"Revisão do procedimento nº {i}", $"R$ {i * 1000:N0},00"]).ToList(),
                    "Tabela 1 – Ações do plano"),
                new BarChart("Gráfico 1 – Ações por eixo", [new ChartItem("Gestão de riscos", 12, "#1351B4"), new ChartItem("Transparência", 8)]),
                new DoughnutChart("Gráfico 2 – Situação", [new ChartItem("Concluídas", 3), new ChartItem("Em andamento", 1)]),
                new PageBreak(),
                new Heading(1, "Anexos"),
                new Paragraph("Primeira linha\nsegunda linha"),
            ]);

    [Fact]
    public void Document_is_valid_Open_XML()
    {
        using var package = Open(DocxWriter.Render(SampleDocument()));

        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(package).ToList();
        foreach (var error in errors)
        {
            output.WriteLine($"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}");
        }

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Headings_use_heading_styles_defined_with_outline_levels()
    {
        using var package = Open(DocxWriter.Render(SampleDocument()));
        var body = package.MainDocumentPart!.Document.Body!;

        StyleOf(body, "Apresentação").ShouldBe("Heading1");
        StyleOf(body, "Objetivos").ShouldBe("Heading2");
        StyleOf(body, "Etapas").ShouldBe("Heading3");
        StyleOf(body, "Plano de Integridade").ShouldBe("Title");
        StyleOf(body, SampleSentence).ShouldBe("Normal");

        var styles = package.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        for (var level = 1; level <= 3; level++)
        {
            var heading = styles[$"Heading{level}"];
            heading.StyleName!.Val!.Value.ShouldBe($"heading {level}");
            heading.StyleParagraphProperties!.OutlineLevel!.Val!.Value.ShouldBe(level - 1);
        }

        styles.Keys.ShouldContain("Title");
        styles.Keys.ShouldContain("ListParagraph");
        styles["Normal"].Default!.Value.ShouldBeTrue();
    }

    [Fact]
    public void Lists_use_a_numbering_definition_and_numbered_lists_restart()
    {
        using var package = Open(DocxWriter.Render(SampleDocument()));
        var numbering = package.MainDocumentPart!.NumberingDefinitionsPart.ShouldNotBeNull().Numbering;

        var formats = numbering.Elements<AbstractNum>()
            .ToDictionary(a => a.AbstractNumberId!.Value, a => a.Elements<Level>().First().NumberingFormat!.Val!.Value);
        formats.Values.ShouldContain(NumberFormatValues.Bullet);
        formats.Values.ShouldContain(NumberFormatValues.Decimal);

        var items = package.MainDocumentPart.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.NumberingProperties is not null)
            .Select(p => (Text: p.InnerText, Id: p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value))
            .ToList();
        items.Count.ShouldBe(7);
        items.ShouldAllBe(i => numbering.Elements<NumberingInstance>().Any(n => n.NumberID! == i.Id));

        int AbstractOf(string text)
        {
            var id = items.Single(i => i.Text == text).Id;
            return numbering.Elements<NumberingInstance>().Single(n => n.NumberID! == id).AbstractNumId!.Val!.Value;
        }

        formats[AbstractOf("Fortalecer os controles internos.")].ShouldBe(NumberFormatValues.Bullet);
        formats[AbstractOf("Diagnóstico")].ShouldBe(NumberFormatValues.Decimal);
        // Two numbered lists are two instances, so the second starts again at 1.
        items.Single(i => i.Text == "Outra lista").Id.ShouldNotBe(items.Single(i => i.Text == "Diagnóstico").Id);
    }

    [Fact]
    public void Tables_repeat_their_header_row_and_take_widths_from_the_columns()
    {
        using var package = Open(DocxWriter.Render(SampleDocument()));
        var tables = package.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        tables.Count.ShouldBe(3); // the table and the two charts

        var table = tables[0];
        var rows = table.Elements<TableRow>().ToList();
        rows.Count.ShouldBe(61);
        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
        rows[1].TableRowProperties?.GetFirstChild<TableHeader>().ShouldBeNull();
        rows[0].InnerText.ShouldBe("CódigoAçãoOrçamento");

        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();
        widths.Sum().ShouldBe(11906 - (2 * 1134));
        Math.Abs(widths[1] - (widths[0] * 3)).ShouldBeLessThanOrEqualTo(3);
        table.GetFirstChild<TableProperties>()!.TableBorders!.InsideHorizontalBorder!.Val!.Value.ShouldBe(BorderValues.Single);

        var amount = rows[1].Elements<TableCell>().Last().Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Single();
        amount.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);

        var caption = table.PreviousSibling<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()!;
        caption.InnerText.ShouldBe("Tabela 1 – Ações do plano");
        caption.ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Caption");
    }

    [Fact]
    public void Charts_become_tables_of_value_and_share()
    {
        using var package = Open(DocxWriter.Render(SampleDocument()));
        var tables = package.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();

        var bar = tables[1];
        bar.PreviousSibling<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()!.InnerText.ShouldBe("Gráfico 1 – Ações por eixo");
        var rows = bar.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        rows[0].ShouldBe(["Item", "Valor", "Participação"]);
        rows[1].ShouldBe(["■ Gestão de riscos", "12", "60,0%"]);
        rows[^1].ShouldBe(["Total", "20", "100,0%"]);

        var doughnut = tables[2].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        doughnut[1].ShouldBe(["Concluídas", "3", "75,0%"]);
    }

    [Fact]
    public void Page_is_A4_with_2_cm_margins_a_header_and_a_numbered_footer()
    {
        using var package = Open(DocxWriter.Render(SampleDocument()));
        var main = package.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();

        var size = section.GetFirstChild<PageSize>()!;
        (size.Width!.Value, size.Height!.Value).ShouldBe((11906u, 16838u));
        var margin = section.GetFirstChild<PageMargin>()!;
        new[] { margin.Top!.Value, (int)margin.Bottom!.Value, (int)margin.Left!.Value, (int)margin.Right!.Value }.ShouldAllBe(m => m == 1134);

        var headerId = section.Elements<HeaderReference>().Single(r => r.Type! == HeaderFooterValues.Default).Id!.Value!;
        ((HeaderPart)main.GetPartById(headerId)).Header.InnerText.ShouldBe(Organization);

        var footerId = section.Elements<FooterReference>().Single(r => r.Type! == HeaderFooterValues.Default).Id!.Value!;
        var footer = ((FooterPart)main.GetPartById(footerId)).Footer;
        var fields = footer.Descendants<FieldCode>().Select(f => f.Text.Trim().Split(' ')[0]).ToList();
        fields.ShouldBe(["PAGE", "NUMPAGES"]);
        footer.InnerText.ShouldContain("Página ");
        footer.InnerText.ShouldContain(" de ");

        // The title page has a footer of its own, without a page number.
        section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TitlePage>().ShouldNotBeNull();
        var firstFooterId = section.Elements<FooterReference>().Single(r => r.Type! == HeaderFooterValues.First).Id!.Value!;
        ((FooterPart)main.GetPartById(firstFooterId)).Footer.Descendants<FieldCode>().ShouldBeEmpty();
    }

    [Fact]
    public void Text_reads_back_intact_and_is_marked_pt_BR()
    {
        using var package = Open(DocxWriter.Render(SampleDocument()));
        var body = package.MainDocumentPart!.Document.Body!;

        var text = string.Concat(body.Descendants<Text>().Select(t => t.Text));
        text.ShouldContain(SampleSentence);
        text.ShouldContain("Ação: Implantar o canal de denúncias");
        text.ShouldContain("Responsável: Ouvidoria-Geral");

        body.Descendants<Run>().ShouldAllBe(r => r.RunProperties!.Languages!.Val!.Value == "pt-BR");
        var defaults = package.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!;
        defaults.Descendants<Languages>().Single().Val!.Value.ShouldBe("pt-BR");

        var label = body.Descendants<Run>().First(r => r.InnerText == "Ação: ");
        label.RunProperties!.Bold.ShouldNotBeNull();

        // A line break inside a paragraph stays a line break.
        var lines = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Single(p => p.InnerText == "Primeira linhasegunda linha");
        lines.Descendants<Break>().Count().ShouldBe(1);

        package.PackageProperties.Title.ShouldBe("Plano de Integridade 2025–2026");
        package.PackageProperties.Creator.ShouldBe("SisPMPI");
        package.ExtendedFilePropertiesPart!.Properties.Company!.Text.ShouldBe(Organization);
    }

    [Fact]
    public void Page_breaks_start_the_next_block_on_a_new_page()
    {
        using var package = Open(DocxWriter.Render(SampleDocument()));
        var body = package.MainDocumentPart!.Document.Body!;

        // After the title page and after the PageBreak block.
        var breaking = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.PageBreakBefore is not null)
            .Select(p => p.InnerText)
            .ToList();
        breaking.ShouldBe(["Apresentação", "Anexos"]);
    }

    [Fact]
    public void A_document_without_title_page_or_blocks_is_still_valid()
    {
        var document = new OfficialDocument(new DocumentInfo("Vazio", "Órgão & Cia <teste>", DateTimeOffset.UnixEpoch), null, []);
        using var package = Open(DocxWriter.Render(document));

        new OpenXmlValidator(FileFormatVersions.Office2016).Validate(package).ShouldBeEmpty();
        var section = package.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TitlePage>().ShouldBeNull();
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static string? StyleOf(Body body, string text) =>
        body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First(p => p.InnerText == text).ParagraphProperties?.ParagraphStyleId?.Val?.Value;
}
