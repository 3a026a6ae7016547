using System.Text;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Formulation.Import;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;

namespace Sispmpi.Web.Tests.Formulation;

/// <summary>The import's parsing without a database: pt-BR numbers and dates, CSV and XLSX reading, the rules of a line.</summary>
public sealed class ImportParserTests
{
    private static readonly string[] Headers = ImportColumns.All.Select(c => c.Header).ToArray();

    private static readonly ImportContext Context = new(
        [
            new ImportUnit(1, "Superintendência de Recursos Humanos", "SRH", true),
            new ImportUnit(2, "Superintendência de Compras e Contratos", "SCC", true),
            new ImportUnit(3, "Ouvidoria Setorial", "OUV", true),
            new ImportUnit(4, "Unidade Extinta", "EXT", false),
            new ImportUnit(5, "Assessoria A", "ASS", true),
            new ImportUnit(6, "Assessoria B", "ASS", true),
        ],
        ["Processo", "Normativo", "Sensibilização", "Formação"],
        [new ImportExistingAxis("1", "Comprometimento"), new ImportExistingAxis("1.1", "Normas")]);

    // ---- Numbers and dates ----

    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("R$ 1.234,56", "1234.56")]
    [InlineData("R$ 0,50", "0.5")]
    [InlineData("R$0,5", "0.5")]
    [InlineData("1234,56", "1234.56")]
    [InlineData("1.234", "1234")]
    [InlineData("1.234.567,8", "1234567.8")]
    [InlineData(" 12 ", "12")]
    [InlineData("-1", "-1")]
    [InlineData("-R$ 2,00", "-2")]
    [InlineData("R$ -2,00", "-2")]
    [InlineData("1\u00a0234,00", "1234")]
    [InlineData("0", "0")]
    public void Brazilian_numbers_parse(string text, string expected)
    {
        PtBrValues.TryParseDecimal(text, out var value).ShouldBeNull();
        value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1234.56", "Use vírgula para as casas decimais, por exemplo 1234,56.")]
    [InlineData("0.5", "Use vírgula para as casas decimais, por exemplo 0,5.")]
    [InlineData("1,234.56", "Use o formato 1.234,56.")]
    [InlineData("12.34", "Use vírgula para as casas decimais")]
    [InlineData("abc", "Número inválido: “abc”")]
    [InlineData("1,2,3", "Número inválido")]
    [InlineData("R$", "Número inválido")]
    [InlineData("99999999999999999999999999999999", "Número grande demais")]
    public void Malformed_numbers_are_refused_in_portuguese(string text, string problem) =>
        PtBrValues.TryParseDecimal(text, out _).ShouldNotBeNull().ShouldContain(problem);

    [Theory]
    [InlineData("29/02/2028", 2028, 2, 29)]
    [InlineData("01/03/2026", 2026, 3, 1)]
    [InlineData("1/3/2026", 2026, 3, 1)]
    [InlineData("31/12/2026", 2026, 12, 31)]
    [InlineData(" 2026-03-01 ", 2026, 3, 1)]
    public void Dates_parse_day_first(string text, int year, int month, int day)
    {
        PtBrValues.TryParseDate(text, out var date).ShouldBeNull();
        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("12/13/2026", "A data 12/13/2026 não existe. Use o formato dd/mm/aaaa (dia/mês/ano).")]
    [InlineData("31/02/2026", "A data 31/02/2026 não existe.")]
    [InlineData("29/02/2027", "A data 29/02/2027 não existe.")]
    [InlineData("00/01/2026", "não existe")]
    [InlineData("2026/03/01", "Data inválida: “2026/03/01”. Use o formato dd/mm/aaaa")]
    [InlineData("01/03/26", "Data inválida")]
    [InlineData("amanhã", "Data inválida")]
    [InlineData("01/01/1999", "Data fora do intervalo aceito")]
    public void Impossible_or_malformed_dates_are_refused(string text, string problem) =>
        PtBrValues.TryParseDate(text, out _).ShouldNotBeNull().ShouldContain(problem);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("12", 12)]
    [InlineData("2,0", 2)]
    [InlineData("03", 3)]
    public void Axis_numbers_are_whole(string text, int expected)
    {
        PtBrValues.TryParsePositiveInteger(text, 999, out var value).ShouldBeNull();
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1,5")]
    [InlineData("um")]
    [InlineData("1000")]
    public void Axis_numbers_that_are_not_whole_and_positive_are_refused(string text) =>
        PtBrValues.TryParsePositiveInteger(text, 999, out _).ShouldNotBeNull();

    [Fact]
    public void Decimal_places_ignore_trailing_zeros()
    {
        PtBrValues.DecimalPlaces(1.50m).ShouldBe(1);
        PtBrValues.DecimalPlaces(1.000m).ShouldBe(0);
        PtBrValues.DecimalPlaces(0.125m).ShouldBe(3);
    }

    // ---- CSV ----

    [Fact]
    public void Csv_follows_rfc_4180_and_numbers_lines_as_a_spreadsheet_does()
    {
        var text = "a;b;c\r\n\"x;1\";\"he said \"\"hi\"\"\";\"two\r\nlines\"\r\n\r\nlast;;\n";
        var table = CsvTableReader.Read(Encoding.UTF8.GetBytes(text), 100);
        table.Problem.ShouldBeNull();
        table.Rows.Count.ShouldBe(3);
        table.Rows[1].Line.ShouldBe(2);
        table.Rows[1].Cells.ShouldBe(["x;1", "he said \"hi\"", "two\nlines"]);
        // The blank line 3 is skipped but still counted.
        table.Rows[2].Line.ShouldBe(4);
        table.Rows[2].Cells.ShouldBe(["last", "", ""]);
    }

    [Fact]
    public void Csv_separator_is_sniffed_from_the_header_or_declared_by_sep()
    {
        CsvTableReader.Read("a,b;c,d\n1,2;3,4"u8, 10).Rows[1].Cells.ShouldBe(["1", "2;3", "4"]);
        CsvTableReader.Read("a;b,c;d\n1;2,3;4"u8, 10).Rows[1].Cells.ShouldBe(["1", "2,3", "4"]);
        CsvTableReader.Read("a\tb\tc\n1\t2\t3"u8, 10).Rows[1].Cells.ShouldBe(["1", "2", "3"]);
        var declared = CsvTableReader.Read("sep=,\r\na;b,c\r\n1;2,3"u8, 10);
        declared.Rows[0].Cells.ShouldBe(["a;b", "c"]);
        declared.Rows[0].Line.ShouldBe(1);
    }

    [Fact]
    public void Csv_text_is_utf8_with_or_without_bom_or_else_windows_1252()
    {
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Ação;Término")).ToArray();
        CsvTableReader.Read(withBom, 10).Rows[0].Cells.ShouldBe(["Ação", "Término"]);
        CsvTableReader.Read(Encoding.UTF8.GetBytes("Ação;Término"), 10).Rows[0].Cells.ShouldBe(["Ação", "Término"]);
        var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Ação;Término;“aspas”");
        CsvTableReader.Read(ansi, 10).Rows[0].Cells.ShouldBe(["Ação", "Término", "“aspas”"]);
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("Ação\tTérmino")).ToArray();
        CsvTableReader.Read(utf16, 10).Rows[0].Cells.ShouldBe(["Ação", "Término"]);
    }

    [Fact]
    public void An_unclosed_quote_names_its_line()
    {
        var table = CsvTableReader.Read("a;b\n1;2\n\"3;4\n5;6\n"u8, 10);
        table.Problem.ShouldBe("Aspas não fechadas: o campo que começa entre aspas na linha 3 vai até o fim do arquivo. Confira as aspas dessa linha.");
    }

    [Fact]
    public void Reading_stops_at_the_row_limit()
    {
        var text = string.Concat(Enumerable.Range(0, 10).Select(i => $"{i};x\n"));
        CsvTableReader.Read(Encoding.UTF8.GetBytes(text), 10).HasMoreRows.ShouldBeFalse();
        CsvTableReader.Read(Encoding.UTF8.GetBytes(text), 9).HasMoreRows.ShouldBeTrue();
    }

    // ---- XLSX ----

    [Fact]
    public void Xlsx_cells_read_as_text_with_dates_and_pt_br_numbers()
    {
        var bytes = XlsxWriter.Write(new Workbook(
            [
                new Sheet("Outra", [new SheetColumn("x")], [["ignorada"]]),
                new Sheet("Ações",
                    [new SheetColumn("Texto"), new SheetColumn("Inteiro", CellKind.Integer), new SheetColumn("Data", CellKind.Date),
                        new SheetColumn("Dinheiro", CellKind.Currency), new SheetColumn("Decimal", CellKind.Decimal)],
                    [
                        ["Ação", 3, new DateOnly(2028, 2, 29), 1234.56m, 0.1m],
                        [null, null, null, null, null],
                        ["  espaços ", 1, new DateOnly(2026, 3, 1), 0m, 150.5m],
                    ]),
            ], "t", "o"));
        var table = XlsxTableReader.Read(bytes, 100);
        table.Problem.ShouldBeNull();
        table.Rows.Select(r => r.Line).ShouldBe([1, 2, 4]);
        table.Rows[0].Cells.ShouldBe(["Texto", "Inteiro", "Data", "Dinheiro", "Decimal"]);
        table.Rows[1].Cells.ShouldBe(["Ação", "3", "29/02/2028", "1234,56", "0,1"]);
        table.Rows[2].Cells.ShouldBe(["  espaços ", "1", "01/03/2026", "0", "150,5"]);
    }

    [Theory]
    [InlineData("[$-416]dd/mm/yyyy", true)]
    [InlineData("d/m/yy h:mm", true)]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("[$-416]\"R$\" #,##0.00", false)]
    [InlineData("#,##0.00\" dias\"", false)]
    [InlineData("0.0%", false)]
    [InlineData("h:mm:ss", false)]
    [InlineData("General", false)]
    public void Date_formats_are_recognized(string code, bool isDate) => XlsxTableReader.IsDateFormat(code).ShouldBe(isDate);

    [Fact]
    public void Excel_serials_become_dates()
    {
        XlsxTableReader.SerialToDate(46082, date1904: false).ShouldBe(new DateOnly(2026, 3, 1));
        XlsxTableReader.SerialToDate(46082.75, date1904: false).ShouldBe(new DateOnly(2026, 3, 1));
        XlsxTableReader.SerialToDate(46082 - 1462, date1904: true).ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Fact]
    public void Other_files_are_recognized_by_content()
    {
        ActionImportParser.Detect([]).ShouldBe(ActionImportParser.FileKind.Empty);
        ActionImportParser.Detect("PK\u0003\u0004rest"u8).ShouldBe(ActionImportParser.FileKind.Xlsx);
        ActionImportParser.Detect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]).ShouldBe(ActionImportParser.FileKind.LegacyExcel);
        ActionImportParser.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).ShouldBe(ActionImportParser.FileKind.OtherBinary);
        ActionImportParser.Detect("Eixo;Ação"u8).ShouldBe(ActionImportParser.FileKind.Text);

        Parse([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]).Errors.Single().Problem.ShouldContain("(.xls) não são aceitas");
        Parse([]).Errors.Single().Problem.ShouldBe("O arquivo está vazio.");
        Parse("PK\u0003\u0004 not a zip"u8.ToArray()).Errors.Single().Problem.ShouldContain("não é uma planilha XLSX válida");
        Parse(new byte[ActionImportParser.MaxFileBytes + 1]).Errors.Single().Problem.ShouldContain("o limite é 5 MB");
    }

    // ---- The rules of a line and of the whole file ----

    [Fact]
    public void A_valid_line_becomes_a_row()
    {
        var result = Parse(Csv(Row()));
        result.Errors.ShouldBeEmpty();
        var row = result.Rows.Single();
        row.ShouldBe(row with
        {
            Line = 2, AxisNumber = 1, AxisTitle = "Comprometimento", SubAxisNumber = 1, SubAxisTitle = "Normas", Title = "Ação",
            ExecutingUnitId = 1, Classification = ActionClassification.OneOff, ActionType = "Sensibilização",
            PlannedStart = new DateOnly(2026, 3, 1), PlannedEnd = new DateOnly(2026, 12, 31), PlannedBudget = 1234.56m, Weight = 1m,
        });
        row.SupportUnitIds.ShouldBe([2, 3]);
    }

    [Fact]
    public void A_line_may_give_several_types_separated_by_semicolons_and_an_unknown_one_is_named()
    {
        var row = Parse(Csv(Row(("Tipo", "processo; FORMACAO")))).Rows.Single();
        row.ActionType.ShouldBe("Processo; Formação");
        ActionTypes.Split(row.ActionType).ShouldBe(["Processo", "Formação"]);
        Parse(Csv(Row(("Tipo", "Normativo, Sensibilização")))).Rows.Single().ActionType.ShouldBe("Normativo; Sensibilização");

        var error = Parse(Csv(Row(("Tipo", "Processo; Auditoria")))).Errors.Single();
        error.Column.ShouldBe("Tipo");
        error.Problem.ShouldContain("Tipo de ação desconhecido: “Auditoria”");
    }

    [Fact]
    public void Every_rule_of_a_line_is_checked_and_all_problems_are_collected()
    {
        var result = Parse(Csv(
            Row(("Eixo", "")),
            Row(("Ação", "")),
            Row(("Ação", new string('x', 501))),
            Row(("Unidade executora", "EXT")),
            Row(("Unidade executora", "ASS")),
            Row(("Unidades de apoio", "SCC; NADA")),
            Row(("Classificação", "")),
            Row(("Tipo", "")),
            Row(("Término previsto", "28/02/2026")),
            Row(("Orçamento previsto", "1,234")),
            Row(("Unidade da meta", "servidores")),
            Row(("Peso", "-2")),
            Row(("Título do subeixo", "Normas"), ("Subeixo", "")),
            Row(("Início previsto", ""))));
        result.Rows.ShouldBeEmpty();
        var problems = result.Errors.Select(e => $"{e.Line} {e.Column}: {e.Problem}").ToList();
        problems.ShouldBe(
        [
            "2 Eixo: Informe o número do eixo (1, 2, 3…).",
            "3 Ação: Informe o título da ação.",
            "4 Ação: Texto longo demais: 501 caracteres; o limite é 500.",
            "5 Unidade executora: A unidade “EXT” está inativa e não pode receber ações.",
            "6 Unidade executora: Há mais de uma unidade chamada “ASS”: use o nome completo da unidade.",
            "7 Unidades de apoio: Unidade não encontrada no órgão: “NADA”. Use a sigla ou o nome exato de uma unidade cadastrada (veja a aba Instruções do modelo).",
            "8 Classificação: Informe a classificação: Contínua ou Pontual.",
            "9 Tipo: Informe o tipo da ação: Processo, Normativo, Sensibilização, Formação.",
            "10 Término previsto: O término previsto (28/02/2026) é anterior ao início previsto (01/03/2026).",
            "11 Orçamento previsto: Use no máximo 2 casas decimais, e não 1,234.",
            "12 Indicador da meta: A meta está preenchida em parte: informe também o indicador da meta.",
            "12 Meta: A meta está preenchida em parte: informe também o valor da meta.",
            "13 Peso: O peso deve ser maior que zero.",
            "14 Subeixo: Há título de subeixo, mas falta o número do subeixo. Informe o número ou deixe o título em branco.",
            "15 Início previsto: Informe a data no formato dd/mm/aaaa.",
        ]);
        result.ErrorCount.ShouldBe(15);
    }

    [Fact]
    public void Axes_are_settled_across_the_file()
    {
        var result = Parse(Csv(
            Row(("Eixo", "2"), ("Título do eixo", "Riscos"), ("Subeixo", "1"), ("Título do subeixo", "Mapeamento")),
            Row(("Eixo", "2"), ("Título do eixo", ""), ("Subeixo", "1"), ("Título do subeixo", "")),
            Row(("Eixo", "2"), ("Título do eixo", "riscos"), ("Subeixo", "1"), ("Título do subeixo", "Tratamento")),
            Row(("Eixo", "3"), ("Título do eixo", ""), ("Subeixo", ""), ("Título do subeixo", "")),
            Row(("Eixo", "5"), ("Título do eixo", "Cinco"), ("Subeixo", "3"), ("Título do subeixo", "Três")),
            Row(("Eixo", "1"), ("Título do eixo", "Outro"), ("Subeixo", "2"), ("Título do subeixo", "Novo"))));
        var problems = result.Errors.Select(e => $"{e.Line} {e.Column}: {e.Problem}").ToList();
        problems.ShouldBe(
        [
            "4 Título do subeixo: O subeixo 2.1 aparece com outro título na linha 2 (“Mapeamento”). Use o mesmo título em todas as linhas ou deixe a célula em branco.",
            "5 Título do eixo: Informe o título do eixo 3, que ainda não existe no plano.",
            "6 Eixo: Não há eixo 4 no plano nem no arquivo. Numere os eixos em sequência (1, 2, 3…).",
            "6 Subeixo: Não há subeixo 5.1 no plano nem no arquivo. Numere os subeixos de cada eixo em sequência (1, 2, 3…).",
            "7 Título do eixo: O eixo 1 já existe no plano com o título “Comprometimento”. Use o mesmo título ou deixe a célula em branco.",
        ]);
    }

    [Fact]
    public void Errors_are_capped_with_the_total_kept()
    {
        var rows = Enumerable.Range(0, 150).Select(_ => Row(("Tipo", "?"), ("Classificação", "?"))).ToArray();
        var result = Parse(Csv(rows));
        result.ErrorCount.ShouldBe(300);
        result.Errors.Count.ShouldBe(ActionImportParser.MaxReportedErrors);
        result.UnreportedErrors.ShouldBe(100);
        result.Errors[0].Line.ShouldBe(2);
    }

    [Fact]
    public void More_than_5000_actions_are_refused_at_once()
    {
        var rows = Enumerable.Range(0, ActionImportParser.MaxRows + 1).Select(_ => Row()).ToArray();
        var result = Parse(Csv(rows));
        result.Errors.Single().Problem.ShouldBe("O arquivo tem mais de 5.000 ações; o limite é 5.000 por importação. Divida-o em arquivos menores.");
        Parse(Csv(rows[..ActionImportParser.MaxRows])).Rows.Count.ShouldBe(ActionImportParser.MaxRows);
    }

    [Fact]
    public void A_header_alone_or_nothing_is_refused()
    {
        Parse(Csv()).Errors.Single().Problem.ShouldBe("O arquivo tem só o cabeçalho: nenhuma ação para importar.");
        Parse("\r\n;;\r\n"u8.ToArray()).Errors.Single().Problem.ShouldBe("O arquivo está vazio: não há cabeçalho nem ações.");
    }

    [Fact]
    public void Header_names_ignore_case_accents_and_order_but_not_duplicates()
    {
        var reordered = Headers.Reverse().Select(h => ImportColumns.Normalize(h).ToUpperInvariant()).ToArray();
        var row = Row();
        var text = string.Join(';', reordered) + "\n" + string.Join(';', Headers.Reverse().Select(h => row[h])) + "\n";
        Parse(Encoding.UTF8.GetBytes(text)).Errors.ShouldBeEmpty();

        var duplicated = string.Join(';', Headers.Append("Peso")) + "\n" + string.Join(';', Headers.Select(h => row[h]).Append("2")) + "\n";
        Parse(Encoding.UTF8.GetBytes(duplicated)).Errors.Single().ShouldBe(new ImportError(1, "Peso", "Coluna repetida no cabeçalho."));
    }

    private static ActionImportResult Parse(byte[] bytes) => ActionImportParser.Parse(bytes, "arquivo.csv", Context);

    private static Dictionary<string, string> Row(params (string Column, string Value)[] changes)
    {
        var row = Headers.ToDictionary(h => h, _ => "");
        row["Eixo"] = "1";
        row["Título do eixo"] = "";
        row["Subeixo"] = "1";
        row["Título do subeixo"] = "normas";
        row["Ação"] = "Ação";
        row["Unidade executora"] = "srh";
        row["Unidades de apoio"] = "SCC, Ouvidoria Setorial";
        row["Classificação"] = "PONTUAL";
        row["Tipo"] = "sensibilizacao";
        row["Início previsto"] = "01/03/2026";
        row["Término previsto"] = "31/12/2026";
        row["Orçamento previsto"] = "R$ 1.234,56";
        foreach (var (column, value) in changes)
        {
            row[column] = value;
        }
        return row;
    }

    private static byte[] Csv(params Dictionary<string, string>[] rows)
    {
        var text = new StringBuilder(string.Join(';', Headers)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(';', Headers.Select(h => row[h].IndexOfAny([';', '"', '\n']) >= 0 ? "\"" + row[h].Replace("\"", "\"\"") + "\"" : row[h])).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
