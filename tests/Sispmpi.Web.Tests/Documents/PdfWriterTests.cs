using System.Globalization;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Pdf;

namespace Sispmpi.Web.Tests.Documents;

/// <summary>One rendering of the sample document, shared by the tests that only read it.</summary>
public sealed class SamplePdfFixture : IDisposable
{
    public SamplePdfFixture()
    {
        Bytes = PdfWriter.Render(PdfWriterTests.SampleDocument());
        Pdf = new PdfFile(Bytes, "sample");
    }

    public byte[] Bytes { get; }

    public PdfFile Pdf { get; }

    public void Dispose() => Pdf.Dispose();
}

public sealed class PdfWriterTests(SamplePdfFixture sample) : IClassFixture<SamplePdfFixture>
{
    internal const string Organization = "Ministério da Integridade e Transparência Pública";
    internal const string Title = "Plano de Integridade 2025–2027";
    internal const string AccentSentence = "Ação de integridade: avaliação, gestão e comunicação — nº 1º § 2ª «ç»";
    /// <summary>Every accented letter of Portuguese, in both cases, and the typographic signs official texts use.</summary>
    internal const string Accents = "á é í ó ú â ê ô ã õ à ç ü Á É Í Ó Ú Â Ê Ô Ã Õ À Ç Ü – — º ª § “aspas” ‘simples’ «angulares» …";
    internal const string TableHeader = "Unidade executora";
    internal const int TableRows = 120;

    private static readonly CultureInfo _ptBr = CultureInfo.GetCultureInfo("pt-BR");

    private readonly PdfFile _pdf = sample.Pdf;

    internal static OfficialDocument SampleDocument()
    {
        const string filler =
            "A gestão de riscos à integridade é um processo contínuo, conduzido pela alta administração e pelas unidades, " +
            "que identifica, avalia e trata as vulnerabilidades capazes de favorecer práticas de corrupção, fraudes, " +
            "irregularidades e desvios éticos e de conduta. O órgão promoverá ações de capacitação, comunicação e " +
            "monitoramento, com participação da sociedade e transparência ativa em todas as etapas.";
        var rows = Enumerable.Range(1, TableRows).Select(i => (IReadOnlyList<string>)
        [
            i.ToString(CultureInfo.InvariantCulture),
            $"Linha {i:000} – " + (i % 7 == 0
                ? "Elaborar e publicar a política de gestão de riscos à integridade, com matriz de riscos, planos de tratamento e indicadores de acompanhamento"
                : i % 3 == 0 ? "Capacitar servidores em ética e integridade" : "Revisar normativos internos"),
            i % 2 == 0 ? "Corregedoria" : "Unidade de Gestão da Integridade",
            new DateOnly(2025, 1, 1).AddDays(i * 3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            (i * 1500m).ToString("N2", _ptBr),
        ]).ToList();

        Block[] body =
        [
            new Heading(1, "1. Apresentação"),
            new Paragraph(AccentSentence),
            new Paragraph(filler + " " + filler),
            new Paragraph(Accents, TextStyle.Emphasis),
            new Paragraph("Nota: este documento foi gerado automaticamente pelo sistema e reflete a situação registrada na data de geração.", TextStyle.Small),
            new Heading(2, "1.1 Objetivos"),
            new BulletList(
            [
                "Fortalecer a cultura de integridade no órgão.",
                "Mapear e tratar os riscos à integridade das unidades finalísticas e de suporte, priorizando os processos de contratação, concessão de benefícios e gestão de pessoas.",
                "Dar transparência às ações e aos resultados.",
            ]),
            new BulletList(["Diagnóstico", "Planejamento", "Execução e monitoramento"], Numbered: true),
            new Heading(3, "Ficha da ação"),
            new FieldList(
            [
                new Field("Ação", "Instituir o comitê de integridade"),
                new Field("Responsável", "Unidade de Gestão da Integridade (UGI)"),
                new Field("Descrição", filler),
                new Field("Prazo", "30/06/2025"),
            ]),
            new Paragraph("Palavras muito longas são quebradas: " + string.Concat(Enumerable.Repeat("Pneumoultramicroscopicossilicovulcanoconiótico", 4)) +
                " e endereços também: https://www.gov.br/cgu/pt-br/assuntos/integridade-publica/programa-de-integridade/documentos/plano.pdf"),
            new Heading(1, "2. Plano de ação"),
            new Table(
            [
                new TableColumn("Nº", 0.5, Alignment.Right),
                new TableColumn("Descrição da ação", 3.2),
                new TableColumn(TableHeader, 1.8),
                new TableColumn("Prazo", 1.1, Alignment.Center),
                new TableColumn("Custo estimado (R$)", 1.4, Alignment.Right),
            ], rows, "Tabela 1 – Ações previstas no plano"),
            new Heading(1, "3. Indicadores"),
            new BarChart("Ações por eixo do programa",
            [
                new ChartItem("Comprometimento da alta administração", 4321),
                new ChartItem("Gestão de riscos", 2870),
                new ChartItem("Capacitação e comunicação", 1450),
                new ChartItem("Canais de denúncia", 75),
                new ChartItem("Monitoramento", 12),
            ]),
            new DoughnutChart("Situação das ações",
            [
                new ChartItem("Concluídas", 25),
                new ChartItem("Em andamento", 40),
                new ChartItem("Não iniciadas", 30),
                new ChartItem("Canceladas", 5, "#888888"),
            ]),
            new PageBreak(),
            new Heading(1, "4. Considerações finais"),
            new Paragraph(filler),
        ];
        return new OfficialDocument(
            new DocumentInfo(Title, Organization, new DateTimeOffset(2025, 3, 10, 15, 0, 0, TimeSpan.Zero), "Programa de integridade"),
            new TitlePage(Title, "Programa de Integridade do órgão — versão para publicação",
                ["Unidade de Gestão da Integridade (UGI)", "Aprovado pela Portaria nº 123, de 5 de março de 2025", "Brasília – DF"]),
            body);
    }

    internal static SignatureStamp SampleStamp(string code = "0001234", string crc = "A1B2C3D4") => new(
        code, crc, $"https://sispmpi.gov.br/verificar?codigo={code}&crc={crc}",
        [
            new PrintedSignature("Maria da Conceição Araújo", "Secretária-Executiva", Organization,
                new DateTimeOffset(2025, 3, 12, 17, 30, 0, TimeSpan.Zero), "no art. 4º, § 3º, do Decreto nº 10.543, de 13 de novembro de 2020"),
            new PrintedSignature("João Antônio Gonçalves", null, Organization,
                new DateTimeOffset(2025, 3, 12, 19, 5, 0, TimeSpan.Zero), "no art. 4º, § 3º, do Decreto nº 10.543, de 13 de novembro de 2020."),
        ]);

    [Fact]
    public void Render_KeepsEveryAccentedCharacter()
    {
        var text = _pdf.FlatText();

        text.ShouldContain(AccentSentence);
        text.ShouldContain(PdfTestTools.Flatten(Accents));
        foreach (var ch in Accents.Where(c => !char.IsWhiteSpace(c)))
        {
            text.ShouldContain(ch.ToString());
        }
    }

    [Fact]
    public void Render_HasTitlePageThenHeaderAndNumberedFooterOnEveryPage()
    {
        var total = _pdf.PageCount;
        total.ShouldBeGreaterThan(4);

        var titlePage = _pdf.FlatText(1);
        titlePage.ShouldContain(Title);
        titlePage.ShouldContain("Programa de Integridade do órgão — versão para publicação");
        titlePage.ShouldContain("Aprovado pela Portaria nº 123, de 5 de março de 2025");
        titlePage.ShouldContain("Documento gerado em 10/03/2025");

        _pdf.FlatText(2).ShouldContain(Organization);
        _pdf.FlatText(total).ShouldContain(Organization);
        for (var k = 1; k <= total; k++)
        {
            var page = _pdf.FlatText(k);
            page.ShouldContain($"Página {k} de {total}");
            PdfTestTools.Occurrences(page, "Página ").ShouldBe(1);
            if (k > 1)
            {
                page.ShouldContain(Title);
            }
        }
    }

    [Fact]
    public void Render_LongTableRepeatsItsHeaderOnEveryPageAndNeverSplitsARow()
    {
        var pages = Enumerable.Range(1, _pdf.PageCount).Select(k => (Number: k, Text: _pdf.FlatText(k))).ToList();
        var tablePages = pages.Where(p => p.Text.Contains("Linha ", StringComparison.Ordinal)).ToList();

        tablePages.Count.ShouldBeGreaterThan(2);
        foreach (var page in tablePages)
        {
            PdfTestTools.Occurrences(page.Text, TableHeader).ShouldBe(1, $"header on page {page.Number}");
            PdfTestTools.Occurrences(page.Text, "Custo estimado").ShouldBe(1, $"header on page {page.Number}");
        }
        for (var i = 1; i <= TableRows; i++)
        {
            var label = $"Linha {i:000} –";
            var holding = tablePages.Where(p => p.Text.Contains(label, StringComparison.Ordinal)).ToList();
            holding.Count.ShouldBe(1, $"row {i}");
            holding[0].Text.ShouldContain((i * 1500m).ToString("N2", _ptBr));
        }
        // Wrapped cells grow the row: the long description is complete.
        _pdf.FlatText().ShouldContain("com matriz de riscos, planos de tratamento e indicadores de acompanhamento");
    }

    [Fact]
    public void Render_DrawsChartsAsVectorsWithLegendAndBrazilianNumbers()
    {
        var text = _pdf.FlatText();

        text.ShouldContain("Ações por eixo do programa");
        text.ShouldContain("Capacitação e comunicação");
        text.ShouldContain("4.321");
        text.ShouldContain("2.870");
        text.ShouldContain("Situação das ações");
        foreach (var label in new[] { "Concluídas", "Em andamento", "Não iniciadas", "Canceladas" })
        {
            text.ShouldContain(label);
        }
        text.ShouldContain("25,0%");
        text.ShouldContain("40,0%");
        text.ShouldContain("5,0%");
        text.ShouldContain("100,0%");
        _pdf.ImageCount().ShouldBe(0);
    }

    [Fact]
    public void Render_BreaksWordsWiderThanTheLine()
    {
        var text = _pdf.FlatText().Replace(" ", "", StringComparison.Ordinal);

        text.ShouldContain(string.Concat(Enumerable.Repeat("Pneumoultramicroscopicossilicovulcanoconiótico", 4)));
        text.ShouldContain("https://www.gov.br/cgu/pt-br/assuntos/integridade-publica/programa-de-integridade/documentos/plano.pdf");
    }

    [Fact]
    public void Render_EmbedsOnlyNotoSans()
    {
        var fonts = _pdf.Fonts();

        fonts.ShouldNotBeEmpty();
        foreach (var (name, embedded) in fonts)
        {
            embedded.ShouldBeTrue(name);
            name.ShouldMatch(@"^[A-Z]{6}\+Noto Sans\b", "a subset of Noto Sans");
        }
        fonts.Select(f => f.Name.Split('+')[^1]).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Render_FillsTheDocumentInformation()
    {
        _pdf.Info["Title"].ShouldBe(Title);
        _pdf.Info["Author"].ShouldBe(Organization);
        _pdf.Info["Subject"].ShouldBe("Programa de integridade");
        _pdf.Info["Creator"].ShouldBe("SisPMPI");
        _pdf.Info["Page size"].ShouldBe("595 x 842 pts (A4)");
    }

    [Fact]
    public void Render_NeverEndsAPageWithAHeading()
    {
        var body = new List<Block>();
        for (var i = 1; i <= 40; i++)
        {
            body.Add(new Heading(1 + i % 3, $"Seção {i}"));
            var words = 20 + i * 37 % 90;
            body.Add(new Paragraph(string.Join(' ', Enumerable.Repeat("integridade pública", words))));
        }
        var document = new OfficialDocument(new DocumentInfo("Teste de quebra", "Órgão", DateTimeOffset.UtcNow), null, body);
        using var pdf = new PdfFile(PdfWriter.Render(document), "headings");

        pdf.PageCount.ShouldBeGreaterThan(3);
        for (var k = 1; k <= pdf.PageCount; k++)
        {
            var lines = pdf.Text(k).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var footer = lines.FindIndex(l => l.Contains("Página ", StringComparison.Ordinal));
            footer.ShouldBeGreaterThan(1);
            lines[footer - 1].ShouldNotStartWith("Seção", Case.Sensitive, $"page {k} ends with a heading");
        }
    }

    [Fact]
    public void Render_WithoutTitlePageOrBody_StillMakesOnePage()
    {
        var document = new OfficialDocument(new DocumentInfo("Vazio", "Órgão", DateTimeOffset.UtcNow), null, []);
        using var pdf = new PdfFile(PdfWriter.Render(document), "empty");

        pdf.PageCount.ShouldBe(1);
        pdf.FlatText(1).ShouldContain("Página 1 de 1");
    }

    [Fact]
    public void Stamp_AddsTheVerificationFooterToEveryPageAndASignaturePage()
    {
        var original = sample.Bytes.ToArray();
        using var signed = new PdfFile(PdfWriter.Stamp(sample.Bytes, SampleStamp()), "signed");

        sample.Bytes.ShouldBe(original);
        signed.PageCount.ShouldBe(_pdf.PageCount + 1);
        for (var k = 1; k <= _pdf.PageCount; k++)
        {
            var page = signed.FlatText(k);
            page.ShouldContain($"Página {k} de {_pdf.PageCount}");
            page.ShouldContain("Documento assinado eletronicamente. A autenticidade pode ser conferida em https://sispmpi.gov.br/verificar " +
                "informando o código verificador 0001234 e o código CRC A1B2C3D4.");
        }

        var last = signed.FlatText(signed.PageCount);
        last.ShouldContain("Assinaturas");
        last.ShouldContain("Documento assinado eletronicamente por Maria da Conceição Araújo, Secretária-Executiva, " + Organization +
            ", em 12/03/2025, às 14:30, conforme horário oficial de Brasília, com fundamento no art. 4º, § 3º, do Decreto nº 10.543, " +
            "de 13 de novembro de 2020.");
        last.ShouldContain("Documento assinado eletronicamente por João Antônio Gonçalves, " + Organization + ", em 12/03/2025, às 16:05,");
        last.ShouldNotContain("2020..");
        last.ShouldContain("código verificador 0001234 e o código CRC A1B2C3D4");
        last.ShouldContain(Organization);

        foreach (var (name, embedded) in signed.Fonts())
        {
            embedded.ShouldBeTrue(name);
            name.ShouldMatch(@"^[A-Z]{6}\+Noto Sans\b", "a subset of Noto Sans");
        }
        signed.ImageCount().ShouldBe(0);
    }

    [Fact]
    public void Stamp_TheSameContentTwiceWithDifferentStamps_GivesIndependentDocuments()
    {
        var first = PdfWriter.Stamp(sample.Bytes, SampleStamp("1111111", "AAAA1111"));
        var second = PdfWriter.Stamp(sample.Bytes, SampleStamp("2222222", "BBBB2222") with { Signatures = [SampleStamp().Signatures[0]] });
        using var one = new PdfFile(first, "signed-1");
        using var two = new PdfFile(second, "signed-2");

        one.PageCount.ShouldBe(_pdf.PageCount + 1);
        two.PageCount.ShouldBe(_pdf.PageCount + 1);
        var oneText = one.FlatText();
        var twoText = two.FlatText();
        oneText.ShouldContain("código verificador 1111111 e o código CRC AAAA1111");
        oneText.ShouldNotContain("2222222");
        twoText.ShouldContain("código verificador 2222222 e o código CRC BBBB2222");
        twoText.ShouldNotContain("1111111");
        twoText.ShouldNotContain("João Antônio Gonçalves");
        PdfTestTools.Occurrences(twoText, "código CRC BBBB2222").ShouldBe(_pdf.PageCount + 1);
    }

    [Fact]
    public void Stamp_ManySignatures_ContinueOnMorePages()
    {
        var signers = Enumerable.Range(1, 24)
            .Select(i => new PrintedSignature($"Pessoa Signatária {i:00}", "Membro do Comitê", Organization,
                new DateTimeOffset(2025, 3, 12, 12, i, 0, TimeSpan.Zero), "no Decreto nº 10.543, de 2020"))
            .ToList();
        using var signed = new PdfFile(PdfWriter.Stamp(sample.Bytes, SampleStamp() with { Signatures = signers }), "signed-many");

        signed.PageCount.ShouldBeGreaterThan(_pdf.PageCount + 1);
        var closing = string.Concat(Enumerable.Range(_pdf.PageCount + 1, signed.PageCount - _pdf.PageCount).Select(k => signed.FlatText(k)));
        foreach (var signer in signers)
        {
            PdfTestTools.Occurrences(closing, signer.Name + ",").ShouldBe(1);
        }
        closing.ShouldContain("Assinaturas (continuação)");
        closing.ShouldContain("às 09:24, conforme horário oficial de Brasília");
        for (var k = _pdf.PageCount + 1; k <= signed.PageCount; k++)
        {
            signed.FlatText(k).ShouldContain("código verificador 0001234 e o código CRC A1B2C3D4");
        }
    }

    [Fact]
    public void RenderAndStamp_RunInParallel()
    {
        var results = new byte[8][];
        Parallel.For(0, results.Length, i =>
        {
            var document = new OfficialDocument(new DocumentInfo($"Documento {i}", "Órgão", DateTimeOffset.UtcNow), null,
                [new Heading(1, $"Título {i}"), new Paragraph(AccentSentence)]);
            results[i] = PdfWriter.Stamp(PdfWriter.Render(document), SampleStamp($"{i:0000000}"));
        });

        for (var i = 0; i < results.Length; i++)
        {
            using var pdf = new PdfFile(results[i], $"parallel-{i}");
            pdf.PageCount.ShouldBe(2);
            var text = pdf.FlatText();
            text.ShouldContain($"Título {i}");
            text.ShouldContain($"código verificador {i:0000000}");
        }
    }
}
