using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Formulation.Import;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;
using Sispmpi.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sispmpi.Web.Tests.Formulation;

/// <summary>
/// The import of actions (SPEC §3.1 step 3): a file with any problem imports nothing and names each problem
/// by line and column; a correct file of 200 actions imports in one go, numbered and linked.
/// </summary>
public sealed class ImportTests(SispmpiAppFactory app, ITestOutputHelper output) : IClassFixture<SispmpiAppFactory>
{
    private const string Commission = "comissao@demo.gov.br";
    private static readonly string[] Headers = ImportColumns.All.Select(c => c.Header).ToArray();
    private static readonly string[] Units = ["SRH", "SCC", "CSET", "ASCOM", "OUV", "GAB-SEPLAG"];
    private static readonly string[] Types = ["Processo", "normativo", "SENSIBILIZACAO", "Formação"];

    // ---- The acceptance scenario, in CSV and in XLSX ----

    [Fact]
    public async Task A_csv_of_200_actions_with_one_bad_line_imports_nothing_and_names_the_line_then_the_corrected_file_imports_all()
    {
        var planId = await CreatePlanAsync(PlanStatus.NotStarted);
        var client = await app.LoginAsync(Commission);

        var bad = Rows(200);
        bad[135]["Término previsto"] = "31/02/2026"; // line 137: the header is line 1
        using (var response = await UploadAsync(client, planId, Csv(bad), "acoes.csv"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector("#resultado-importacao")!.TextContent.ShouldContain("Nenhuma ação foi importada: corrija o problema abaixo e envie o arquivo de novo.");
            var errors = ErrorRows(page);
            errors.Count.ShouldBe(1);
            errors[0].ShouldBe(["137", "Término previsto", "A data 31/02/2026 não existe. Use o formato dd/mm/aaaa (dia/mês/ano)."]);
        }
        (await ActionCountAsync(planId)).ShouldBe(0);
        (await app.WithDbAsync(db => db.PlanAxes.CountAsync(a => a.PlanId == planId))).ShouldBe(0);

        var watch = Stopwatch.StartNew();
        using (var response = await UploadAsync(client, planId, Csv(Rows(200)), "acoes.csv"))
        {
            output.WriteLine($"200 actions imported in {watch.ElapsedMilliseconds} ms");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe($"/planos/{planId}");
            var details = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{planId}");
            details.QuerySelector(".br-message.success")!.TextContent.ShouldContain("200 ações importadas.");
        }
        await AssertImportedAsync(planId);
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync())).ShouldBe(PlanStatus.InPreparation);
    }

    [Fact]
    public async Task An_xlsx_of_200_actions_with_one_bad_line_imports_nothing_then_the_corrected_file_imports_all()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);

        var bad = Rows(200, typed: true);
        bad[135]["Término previsto"] = "31/02/2026";
        bad[10]["Unidade executora"] = "XYZ";
        using (var response = await UploadAsync(client, planId, Xlsx(bad), "acoes.xlsx"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector("#resultado-importacao")!.TextContent.ShouldContain("corrija os 2 problemas abaixo");
            var errors = ErrorRows(page);
            errors.Select(e => (e[0], e[1])).ShouldBe([("12", "Unidade executora"), ("137", "Término previsto")]);
            errors[0][2].ShouldContain("Unidade não encontrada no órgão: “XYZ”");
        }
        (await ActionCountAsync(planId)).ShouldBe(0);

        using (var response = await UploadAsync(client, planId, Xlsx(Rows(200, typed: true)), "acoes.xlsx"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        await AssertImportedAsync(planId);
        // Typed cells came through: a date serial, a currency number, a decimal.
        var first = await app.WithDbAsync(db => db.PlanActions.SingleAsync(a => a.PlanId == planId && a.Number == "1.1.1"));
        first.PlannedStart.ShouldBe(new DateOnly(2026, 3, 1));
        first.PlannedBudget.ShouldBe(1_234.56m);
    }

    // ---- Problems reported by line and column ----

    [Fact]
    public async Task A_bad_header_is_reported_on_line_1_and_stops_there()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);
        var rows = Rows(3);
        // "Ação" renamed, "Peso" left out, "Tipo" twice.
        var headers = Headers.Where(h => h != "Peso").Select(h => h == "Ação" ? "Nome da ação" : h).Append("Tipo").ToArray();
        var csv = Csv(rows, headers);
        using var response = await UploadAsync(client, planId, csv, "acoes.csv");
        var errors = ErrorRows(await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync()));
        errors.ShouldBe(
        [
            ["1", "Ação", "Coluna ausente no cabeçalho. Use o modelo, com todas as colunas, mesmo as que ficarem em branco."],
            ["1", "Tipo", "Coluna repetida no cabeçalho."],
            ["1", "Peso", "Coluna ausente no cabeçalho. Use o modelo, com todas as colunas, mesmo as que ficarem em branco."],
            ["1", "Nome da ação", "Coluna desconhecida no cabeçalho. Use os nomes de coluna do modelo, sem alterá-los."],
        ]);
        (await ActionCountAsync(planId)).ShouldBe(0);
    }

    [Fact]
    public async Task Every_problem_of_every_line_is_listed()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);
        var rows = Rows(6);
        rows[0]["Orçamento previsto"] = "-1";
        rows[1]["Classificação"] = "Eventual";
        rows[1]["Tipo"] = "Auditoria";
        rows[2]["Meta"] = "";
        rows[2]["Indicador da meta"] = "Servidores";
        rows[3]["Título do eixo"] = "Outro título";
        rows[4]["Eixo"] = "3";
        rows[4]["Título do eixo"] = "Eixo três";
        rows[5]["Início previsto"] = "12/13/2026";
        rows[5]["Peso"] = "0";
        using var response = await UploadAsync(client, planId, Csv(rows), "acoes.csv");
        var errors = ErrorRows(await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync()));
        errors.Select(e => $"{e[0]} {e[1]}").ShouldBe(
        [
            "2 Orçamento previsto", "3 Classificação", "3 Tipo", "4 Meta", "5 Título do eixo", "6 Eixo", "7 Início previsto", "7 Peso",
        ]);
        errors[0][2].ShouldBe("O orçamento previsto não pode ser negativo.");
        errors[2][2].ShouldContain("Tipos aceitos: Processo, Normativo, Sensibilização, Formação");
        errors[4][2].ShouldContain("O eixo 1 aparece com outro título na linha 2");
        errors[5][2].ShouldBe("Não há eixo 2 no plano nem no arquivo. Numere os eixos em sequência (1, 2, 3…).");
        errors[6][2].ShouldContain("12/13/2026 não existe");
        (await ActionCountAsync(planId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_whatever_its_name()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);
        using var response = await UploadAsync(client, planId, "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"u8.ToArray(), "acoes.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = ErrorRows(await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync()));
        errors.Single().ShouldBe(["—", "—", "O arquivo “acoes.csv” não é uma planilha XLSX nem um texto CSV. Envie o modelo preenchido, salvo como .xlsx ou .csv."]);

        // And an XLSX named .csv is read as the workbook it is.
        using var xlsx = await UploadAsync(client, planId, Xlsx(Rows(2, typed: true)), "acoes.csv");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ActionCountAsync(planId)).ShouldBe(2);
    }

    [Fact]
    public async Task A_windows_1252_csv_separated_by_commas_imports()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);
        var rows = Rows(2);
        rows[0]["Descrição"] = "Descrição com acentuação, vírgula e \"aspas\"";
        var text = Encoding.UTF8.GetString(Csv(rows, separator: ',')).TrimStart('\uFEFF');
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
        using var response = await UploadAsync(client, planId, bytes, "acoes.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var action = await app.WithDbAsync(db => db.PlanActions.SingleAsync(a => a.PlanId == planId && a.Number == "1.1.1"));
        action.Description.ShouldBe("Descrição com acentuação, vírgula e \"aspas\"");
        action.ActionType.ShouldBe("Processo");
    }

    // ---- Existing axes, appending, and the plan's state ----

    [Fact]
    public async Task Existing_axes_are_reused_by_number_and_actions_go_after_the_existing_ones()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);
        using (var first = await UploadAsync(client, planId, Csv(Rows(4)), "acoes.csv"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        // Axis 1 and sub-axis 1.1 exist now: the same titles (or none) reuse them; another title is refused.
        var more = Rows(2);
        more[0]["Título do eixo"] = "";
        more[0]["Título do subeixo"] = "";
        more[1]["Título do eixo"] = "Comprometimento da alta administração (outro)";
        using (var refused = await UploadAsync(client, planId, Csv(more), "acoes.csv"))
        {
            var errors = ErrorRows(await SispmpiAppFactory.ParseAsync(await refused.Content.ReadAsStringAsync()));
            errors.Single()[0].ShouldBe("3");
            errors.Single()[2].ShouldBe("O eixo 1 já existe no plano com o título “Comprometimento da alta administração”. Use o mesmo título ou deixe a célula em branco.");
        }
        more[1]["Título do eixo"] = "";
        using (var accepted = await UploadAsync(client, planId, Csv(more), "acoes.csv"))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var numbers = await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId == planId).OrderBy(a => a.Position).Select(a => a.Number).ToListAsync());
        numbers.ShouldBe(["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6"]);
        (await app.WithDbAsync(db => db.PlanAxes.CountAsync(a => a.PlanId == planId))).ShouldBe(2);
    }

    [Fact]
    public async Task A_published_plan_refuses_the_import_with_403()
    {
        var published = await app.WithDbAsync(db => db.Plans.Where(p => p.Status == PlanStatus.Published && p.Organization!.Acronym == "SEPLAG")
            .Select(p => p.Id).FirstAsync());
        var client = await app.LoginAsync(Commission);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{published}/importar");
        page.QuerySelector("input[type=file]").ShouldBeNull();
        page.Body!.TextContent.ShouldContain("Este plano está publicado");
        var before = await ActionCountAsync(published);
        using var response = await UploadAsync(client, published, Csv(Rows(2)), "acoes.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ActionCountAsync(published)).ShouldBe(before);
    }

    [Fact]
    public async Task Only_the_commission_may_import()
    {
        var planId = await CreatePlanAsync();
        var auditor = await app.LoginAsync("auditor@demo.gov.br");
        // Internal control reads the page but may not send a file.
        await SispmpiAppFactory.GetDocumentAsync(auditor, $"/planos/{planId}/importar");
        using var response = await UploadAsync(auditor, planId, Csv(Rows(2)), "acoes.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ActionCountAsync(planId)).ShouldBe(0);
    }

    // ---- Templates ----

    [Fact]
    public async Task The_xlsx_template_explains_the_columns_and_imports_its_example_rows()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);
        using var download = await client.GetAsync($"/planos/{planId}/importar/modelo.xlsx");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await download.Content.ReadAsByteArrayAsync();

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var names = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            names.ShouldBe(["Ações", "Instruções"]);
            var strings = document.WorkbookPart.SharedStringTablePart!.SharedStringTable.InnerText;
            strings.ShouldContain("SCC (Superintendência de Compras e Contratos)");
            strings.ShouldContain("Sensibilização");
        }
        var table = XlsxTableReader.Read(bytes, 10);
        table.Rows[0].Cells.ShouldBe(Headers);
        table.Rows.Count.ShouldBe(3);

        using var imported = await UploadAsync(client, planId, bytes, "modelo-importacao-acoes.xlsx");
        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());
        var actions = await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId == planId).OrderBy(a => a.Number).ToListAsync());
        actions.Select(a => a.Number).ShouldBe(["1.1.1", "1.2"]);
        actions[1].GoalTarget.ShouldBe(300m);
        actions[1].PlannedBudget.ShouldBe(12_000.5m);
        actions[1].Weight.ShouldBe(2m);
    }

    [Fact]
    public async Task The_csv_template_is_utf8_with_bom_and_imports_its_example_rows()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);
        using var download = await client.GetAsync($"/planos/{planId}/importar/modelo.csv");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes).ShouldStartWith("\uFEFFEixo;Título do eixo;Subeixo;Título do subeixo;Ação;");

        using var imported = await UploadAsync(client, planId, bytes, "modelo-importacao-acoes.csv");
        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());
        (await ActionCountAsync(planId)).ShouldBe(2);
        // The support units of the first example row are linked.
        (await app.WithDbAsync(db => db.ActionSupportUnits.CountAsync(s => db.PlanActions.Any(a => a.Id == s.ActionId && a.PlanId == planId)))).ShouldBe(2);
    }

    [Fact]
    public async Task The_import_page_offers_both_templates_and_a_file_field()
    {
        var planId = await CreatePlanAsync();
        var client = await app.LoginAsync(Commission);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{planId}/importar");
        page.QuerySelector($"a[href='/planos/{planId}/importar/modelo.xlsx']").ShouldNotBeNull();
        page.QuerySelector($"a[href='/planos/{planId}/importar/modelo.csv']").ShouldNotBeNull();
        page.QuerySelector("form[enctype='multipart/form-data'] input[type=file][name=arquivo]")!.GetAttribute("accept")!.ShouldContain(".xlsx");
        page.QuerySelector("form[enctype='multipart/form-data'] button[type=submit]")!.TextContent.Trim().ShouldBe("Importar ações");
        page.QuerySelectorAll(".br-breadcrumb .crumb:not(.home)").Select(c => c.TextContent.Trim()).ShouldBe(["Elaboração", await PlanTitleAsync(planId), "Importar ações"]);
    }

    // ---- Helpers ----

    /// <summary>The generated row an action came from: its title ends with the row's index.</summary>
    private static int Index(PlanAction action) => int.Parse(action.Title.Split(' ')[^1]);

    private async Task AssertImportedAsync(int planId)
    {
        var actions = await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId == planId).Include(a => a.Axis).ToListAsync());
        actions.Count.ShouldBe(200);
        var axes = await app.WithDbAsync(db => db.PlanAxes.Where(a => a.PlanId == planId).OrderBy(a => a.Number).ToListAsync());
        axes.Select(a => a.Number).ShouldBe(["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1", "4.2"]);
        axes.ShouldAllBe(a => a.OrganizationId == actions[0].OrganizationId);
        // 15 actions in each sub-axis, then 20 directly under the axis, numbered after its two sub-axes.
        var numbers = actions.OrderBy(Index).Select(a => a.Number).ToList();
        numbers.Take(17).ShouldBe(Enumerable.Range(1, 15).Select(n => $"1.1.{n}").Concat(["1.2.1", "1.2.2"]));
        numbers[30].ShouldBe("1.3");
        numbers[49].ShouldBe("1.22");
        numbers[50].ShouldBe("2.1.1");
        numbers.Distinct().Count().ShouldBe(200);
        // Line 137 is the 136th action (i = 135): the 6th directly under axis 3, after sub-axes 3.1 and 3.2.
        var line137 = actions.Single(a => a.Title == "Ação importada 135");
        line137.Number.ShouldBe("3.8");
        line137.PlannedEnd.ShouldBe(new DateOnly(2026, 11, 30));
        line137.Axis!.Title.ShouldBe("Transparência e controle social");
        // Support units: "SCC; OUV" on every third action (the executor itself dropped when listed).
        var supports = await app.WithDbAsync(db => db.ActionSupportUnits.Where(s => db.PlanActions.Any(a => a.Id == s.ActionId && a.PlanId == planId))
            .Select(s => new { s.ActionId, s.Unit!.Acronym, s.OrganizationId }).ToListAsync());
        var withSupport = actions.Where(a => Index(a) % 3 == 0).Select(a => a.Id).Order().ToList();
        supports.Select(s => s.ActionId).Distinct().Order().ShouldBe(withSupport);
        supports.Count.ShouldBe(2 * withSupport.Count);
        supports.ShouldAllBe(s => s.Acronym == "SCC" || s.Acronym == "OUV");
        supports.ShouldAllBe(s => s.OrganizationId == actions[0].OrganizationId);
        var types = actions.Select(a => a.ActionType).Distinct().Order().ToList();
        types.ShouldBe(["Formação", "Normativo", "Processo", "Sensibilização"]);
        actions.Count(a => a.GoalTarget is not null).ShouldBe(40);
    }

    /// <summary>
    /// 200 actions over 4 axes: in each axis, 15 actions in sub-axis 1, 15 in sub-axis 2 and 20 directly under it.
    /// Typed rows hold numbers and dates as an XLSX would store them; others hold the text a person types.
    /// </summary>
    private static List<Dictionary<string, object?>> Rows(int count, bool typed = false)
    {
        string[] axisTitles = ["Comprometimento da alta administração", "Gestão de riscos", "Transparência e controle social", "Comunicação e capacitação"];
        var rows = new List<Dictionary<string, object?>>();
        for (var i = 0; i < count; i++)
        {
            var axis = (i / 50) + 1;
            var inAxis = i % 50;
            int? sub = inAxis < 15 ? 1 : inAxis < 30 ? 2 : null;
            var goal = i % 5 == 0;
            var row = Headers.ToDictionary(h => h, _ => (object?)null);
            row["Eixo"] = typed ? axis : axis.ToString();
            row["Título do eixo"] = axisTitles[axis - 1];
            row["Subeixo"] = sub is null ? null : typed ? sub : sub.ToString();
            row["Título do subeixo"] = sub is null ? null : $"Subeixo {axis}.{sub}";
            row["Ação"] = $"Ação importada {i}";
            row["Descrição"] = i == 1 ? "Descrição em duas linhas;\ncom \"aspas\" e ponto e vírgula" : $"Descrição da ação {i}";
            row["Unidade executora"] = i % 7 == 0 ? "Superintendência de Recursos Humanos" : Units[i % Units.Length];
            row["Unidades de apoio"] = i % 3 == 0 ? (i % 2 == 0 ? "SCC; OUV" : "scc;ouv;SCC") : null;
            row["Objetivos"] = "Fortalecer a integridade";
            row["Benefícios"] = null;
            row["Classificação"] = i % 2 == 0 ? "Pontual" : "continua";
            row["Tipo"] = Types[i % Types.Length];
            row["Início previsto"] = typed ? new DateOnly(2026, 3, 1) : "01/03/2026";
            row["Término previsto"] = typed ? new DateOnly(2026, 11, 30) : "30/11/2026";
            row["Orçamento previsto"] = typed ? 1_234.56m : i % 2 == 0 ? "R$ 1.234,56" : "1234,56";
            row["Evidência sugerida"] = "Relatório";
            row["Indicador da meta"] = goal ? "Servidores capacitados" : null;
            row["Unidade da meta"] = goal ? "servidores" : null;
            row["Linha de base"] = goal ? (typed ? 0m : "0") : null;
            row["Meta"] = goal ? (typed ? 150.5m : "150,5") : null;
            row["Peso"] = typed ? 1.5m : i % 4 == 0 ? null : "1,5";
            rows.Add(row);
        }
        return rows;
    }

    private static byte[] Csv(List<Dictionary<string, object?>> rows, string[]? headers = null, char separator = ';')
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> values) =>
            text.AppendJoin(separator, values.Select(v => v.IndexOfAny([separator, '"', '\n', ';', ',']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v)).Append("\r\n");
        Line(headers ?? Headers);
        foreach (var row in rows)
        {
            Line(Headers.Select(h => row[h]?.ToString() ?? ""));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static byte[] Xlsx(List<Dictionary<string, object?>> rows) =>
        XlsxWriter.Write(new Workbook(
            [new Sheet("Ações", Headers.Select(h => new SheetColumn(h)).ToList(), rows.Select(r => (IReadOnlyList<object?>)Headers.Select(h => r[h]).ToList()).ToList())],
            "Ações", "SEPLAG"));

    private async Task<int> CreatePlanAsync(PlanStatus status = PlanStatus.InPreparation) =>
        await app.WithDbAsync(async db =>
        {
            var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
            var plan = new IntegrityPlan
            {
                OrganizationId = seplag.Id, Title = $"Plano de importação {Guid.NewGuid():N}"[..30], Edition = "2026–2028", Status = status,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

    private Task<string> PlanTitleAsync(int planId) => app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Title).SingleAsync());

    private Task<int> ActionCountAsync(int planId) => app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.PlanId == planId));

    /// <summary>Sends a file the way the page's form does: multipart, with the antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int planId, byte[] content, string fileName)
    {
        var account = await SispmpiAppFactory.GetDocumentAsync(client, "/conta");
        var token = account.QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), SispmpiAppFactory.AntiforgeryField },
            { new ByteArrayContent(content), "arquivo", fileName },
        };
        return await client.PostAsync($"/planos/{planId}/importar", form);
    }

    private static List<string[]> ErrorRows(IDocument page) =>
        page.QuerySelectorAll(".br-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToList();
}
