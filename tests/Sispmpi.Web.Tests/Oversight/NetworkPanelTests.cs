using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Oversight;

/// <summary>
/// The network panel (SPEC §3.5) on a network built here — three dozen organizations of every kind with plans in
/// every status, obsolete versions, late and concluded actions, budgets of different years, some with none — on top
/// of the demo network: every figure the page and its CSV show must equal what an independent SQL query, written
/// here and not by the application, computes from the same tables.
/// </summary>
public sealed class NetworkPanelTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>, IAsyncLifetime
{
    private const string Admin = "admin@demo.gov.br";
    private static readonly TimeZoneInfo _brasilia = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _brasilia).DateTime);

    public async Task InitializeAsync() => await BuildNetworkAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_row_of_the_csv_matches_the_independent_query()
    {
        using var client = await app.LoginAsync(Admin);
        using var response = await client.GetAsync("/painel?handler=Csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Sigla;Organização;Natureza;Plano;Situação do plano");
        var csv = lines.Skip(1).Select(l => l.Split(';')).ToDictionary(c => c[0], c => (Status: c[4], Axes: int.Parse(c[9], CultureInfo.InvariantCulture),
            Actions: int.Parse(c[10], CultureInfo.InvariantCulture), Late: int.Parse(c[11], CultureInfo.InvariantCulture)));

        var expected = await QueryAsync(RowsSql, r => (Acronym: r.GetString(0), Status: r.IsDBNull(1) ? (int?)null : Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
            Axes: Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Actions: Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
            Late: Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture)));

        expected.Count.ShouldBeGreaterThan(36);
        csv.Keys.Order().ShouldBe(expected.Select(e => e.Acronym).Order());
        foreach (var e in expected)
        {
            var label = e.Status switch { 3 => "Publicado", 2 => "Em elaboração", 1 => "Não iniciado", _ => "Sem plano" };
            csv[e.Acronym].ShouldBe((label, e.Axes, e.Actions, e.Late), $"organization {e.Acronym}");
        }
        // The network built here has late actions and plans in every status, so the comparison above compared something.
        expected.Count(e => e.Late > 0).ShouldBeGreaterThan(5);
        expected.Select(e => e.Status).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task Figures_coverage_kinds_and_trends_match_the_independent_queries()
    {
        using var client = await app.LoginAsync(Admin);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/painel");

        var totals = (await QueryAsync(TotalsSql, r => (Organizations: Int(r, 0), Published: Int(r, 1), Actions: Int(r, 2), Late: Int(r, 3)))).Single();
        Figure(page, "organizacoes").ShouldBe(totals.Organizations.ToString(CultureInfo.InvariantCulture));
        Figure(page, "publicados").ShouldBe(totals.Published.ToString(CultureInfo.InvariantCulture));
        Figure(page, "acoes").ShouldBe(totals.Actions.ToString(CultureInfo.InvariantCulture));
        Figure(page, "atraso").ShouldBe(totals.Late.ToString(CultureInfo.InvariantCulture));

        var drafting = (await QueryAsync(DraftingSql, r => (Plans: Int(r, 0), MeanDays: Convert.ToDouble(r.GetValue(1), CultureInfo.InvariantCulture)))).Single();
        Figure(page, "planos-publicados").ShouldBe(drafting.Plans.ToString(CultureInfo.InvariantCulture));
        double.Parse(Figure(page, "tempo-medio"), CultureInfo.InvariantCulture).ShouldBe(drafting.MeanDays, 0.001);

        var coverage = (await QueryAsync(CoverageSql, r => (Budget: Dec(r, 0), Covered: Dec(r, 1), Headcount: Dec(r, 2), CoveredHeadcount: Dec(r, 3)))).Single();
        var budget = page.QuerySelector("[data-figure='cobertura-orcamento']")!;
        decimal.Parse(budget.GetAttribute("data-total")!, CultureInfo.InvariantCulture).ShouldBe(coverage.Budget, 0.01m);
        decimal.Parse(budget.GetAttribute("data-covered")!, CultureInfo.InvariantCulture).ShouldBe(coverage.Covered, 0.01m);
        double.Parse(budget.GetAttribute("data-value")!, CultureInfo.InvariantCulture).ShouldBe((double)(coverage.Covered / coverage.Budget), 0.000001);
        var headcount = page.QuerySelector("[data-figure='cobertura-servidores']")!;
        decimal.Parse(headcount.GetAttribute("data-total")!, CultureInfo.InvariantCulture).ShouldBe(coverage.Headcount);
        decimal.Parse(headcount.GetAttribute("data-covered")!, CultureInfo.InvariantCulture).ShouldBe(coverage.CoveredHeadcount);
        coverage.Covered.ShouldBeLessThan(coverage.Budget);

        var kinds = await QueryAsync(KindsSql, r => (Kind: (OrganizationKind)Int(r, 0), Organizations: Int(r, 1), Published: Int(r, 2), Actions: Int(r, 3), Late: Int(r, 4)));
        var kindRows = page.QuerySelectorAll("[data-kind-table] tr[data-kind]");
        kindRows.Select(r => (Kind: Enum.Parse<OrganizationKind>(r.GetAttribute("data-kind")!), Organizations: Attr(r, "data-organizations"),
                Published: Attr(r, "data-published"), Actions: Attr(r, "data-actions"), Late: Attr(r, "data-late")))
            .OrderBy(k => k.Kind).ShouldBe(kinds.OrderBy(k => k.Kind));
        kinds.Count.ShouldBeGreaterThanOrEqualTo(7);
        var kindDrafting = await QueryAsync(KindDraftingSql, r => (Kind: (OrganizationKind)Int(r, 0), MeanDays: Convert.ToDouble(r.GetValue(1), CultureInfo.InvariantCulture)));
        foreach (var (kind, meanDays) in kindDrafting)
        {
            var row = kindRows.Single(r => r.GetAttribute("data-kind") == kind.ToString());
            double.Parse(row.GetAttribute("data-mean-days")!, CultureInfo.InvariantCulture).ShouldBe(meanDays, 0.001, kind.ToString());
        }

        var first = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-11);
        var plansByMonth = (await QueryAsync(PublishedByMonthSql, r => (Month: r.GetString(0), Count: Int(r, 1)))).ToDictionary(x => x.Month, x => x.Count);
        var actionsByMonth = (await QueryAsync(ConcludedByMonthSql, r => (Month: r.GetString(0), Count: Int(r, 1)), first)).ToDictionary(x => x.Month, x => x.Count);
        var trend = page.QuerySelectorAll("[data-trend-table] tr[data-month]").ToList();
        trend.Count.ShouldBe(12);
        foreach (var row in trend)
        {
            var month = row.GetAttribute("data-month")!;
            Attr(row, "data-plans").ShouldBe(plansByMonth.GetValueOrDefault(month), $"plans published in {month}");
            Attr(row, "data-actions").ShouldBe(actionsByMonth.GetValueOrDefault(month), $"actions concluded in {month}");
        }
        trend.Sum(r => Attr(r, "data-plans")).ShouldBeGreaterThan(3);
        trend.Sum(r => Attr(r, "data-actions")).ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Filters_narrow_the_rows_and_the_figures()
    {
        using var client = await app.LoginAsync(Admin);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/painel?natureza=CityHall&situacao=publicado&ordem=atraso");
        var expected = (await QueryAsync(RowsSql, r => (Acronym: r.GetString(0), Status: r.IsDBNull(1) ? (int?)null : Int(r, 1), Late: Int(r, 4), Kind: Int(r, 5))))
            .Where(e => e.Kind == (int)OrganizationKind.CityHall && e.Status == 3).ToList();
        expected.Count.ShouldBeGreaterThan(2);
        Figure(page, "organizacoes").ShouldBe(expected.Count.ToString(CultureInfo.InvariantCulture));
        Figure(page, "atraso").ShouldBe(expected.Sum(e => e.Late).ToString(CultureInfo.InvariantCulture));
        var lates = page.QuerySelectorAll("tr[data-organization] td:last-child").Select(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture)).ToList();
        lates.ShouldBe(lates.OrderByDescending(x => x).ToList(), "sorted by late actions");

        var search = await SispmpiAppFactory.GetDocumentAsync(client, "/painel?busca=PNL07");
        search.QuerySelectorAll("tr[data-organization]").Count.ShouldBe(1);
        var none = await SispmpiAppFactory.GetDocumentAsync(client, "/painel?busca=nenhuma-organizacao-assim");
        none.QuerySelector(".sispmpi-empty")!.TextContent.ShouldContain("Nenhuma organização encontrada");
    }

    /// <summary>
    /// The panel reads per-plan summaries the database keeps in the transaction of each change (migration 0015): an action
    /// added, then started and concluded by its executor through the execution form, shows on the very next request.
    /// </summary>
    [Fact]
    public async Task A_change_made_a_moment_ago_shows_on_the_next_request()
    {
        var acronym = await app.WithDbAsync(db => db.Plans.IgnoreQueryFilters().Where(p => p.Title == ExecutionTestData.DemoPlanTitle)
            .Select(p => p.Organization!.Acronym).FirstAsync());
        using var admin = await app.LoginAsync(Admin);
        var before = await CsvRowAsync(admin, acronym);
        var monthBefore = await ConcludedThisMonthAsync(admin);

        // Not started, planned from 30 days ago: one action more, and one more late.
        var actionId = await app.CreateActionAsync("Ação de teste do painel", a => a.Classification = ActionClassification.OneOff);
        var added = await CsvRowAsync(admin, acronym);
        added.ShouldBe(before with { Actions = before.Actions + 1, Late = before.Late + 1 });
        var row = (await SispmpiAppFactory.GetDocumentAsync(admin, $"/painel?busca={Uri.EscapeDataString(acronym)}"))
            .QuerySelectorAll("tr[data-organization]").Single(r => r.QuerySelector("td a")!.TextContent == acronym)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        (row[^2], row[^1]).ShouldBe((added.Actions.ToString(CultureInfo.InvariantCulture), added.Late.ToString(CultureInfo.InvariantCulture)), "the page's row too");

        using var executor = await app.LoginAsync(ExecutionTestData.Executor);
        var url = $"/acoes/{actionId}/execucao";
        using (var started = await SispmpiAppFactory.PostFormAsync(executor, url,
            new Dictionary<string, string> { ["Record.StartedOn"] = ExecutionTestData.Iso(Today.AddDays(-5)) }))
        {
            started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await CsvRowAsync(admin, acronym)).ShouldBe(before with { Actions = before.Actions + 1 }, "started: in progress, before its planned end");

        using (var concluded = await SispmpiAppFactory.PostFormAsync(executor, url, new Dictionary<string, string>
            {
                ["Record.StartedOn"] = ExecutionTestData.Iso(Today.AddDays(-5)), ["Record.ConcludedOn"] = ExecutionTestData.Iso(Today),
            }))
        {
            concluded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await CsvRowAsync(admin, acronym)).ShouldBe(before with { Actions = before.Actions + 1 });
        (await ConcludedThisMonthAsync(admin)).ShouldBe(monthBefore + 1, "concluded today: this month's trend");

        await app.WithDbAsync(async db =>
        {
            db.PlanActions.Remove(await db.PlanActions.IgnoreQueryFilters().SingleAsync(a => a.Id == actionId));
            await db.SaveChangesAsync();
        });
        (await CsvRowAsync(admin, acronym)).ShouldBe(before, "removed");
        (await ConcludedThisMonthAsync(admin)).ShouldBe(monthBefore);
    }

    /// <summary>
    /// The panel sorts and pages in the database: walking every page gives the pt-BR order (case ignored, accents after
    /// the letter, then the id), by name and by acronym, on both databases; a renamed organization moves on the next request.
    /// </summary>
    [Fact]
    public async Task Pages_follow_the_portuguese_order_and_a_rename_moves_the_row_at_once()
    {
        string[] names =
        [
            "Ordem Ágil", "ordem agil", "Ordem Agil", "Ordem Ábaco", "Ordem Zênite", "ordem zebra", "Ordem Érica", "Ordem Eva", "Ordem Ção",
            "Ordem Casa", "Ordem 10", "Ordem 2", "Ordem-hífen", "Ordem (parênteses)", "ORDEM ÚLTIMA", "Ordem última", "Ordem Ímpar",
            "Ordem imã", "Ordem Ñandu", "Ordem nada", "Ordem Ônibus", "Ordem ovo", "Ordem Açaí", "Ordem acaso",
        ];
        var ids = await app.WithDbAsync(async db =>
        {
            var existing = await db.Organizations.IgnoreQueryFilters().Where(o => o.Acronym.StartsWith("ORD")).Select(o => o.Id).ToListAsync();
            if (existing.Count > 0)
            {
                return existing;
            }
            var cge = await db.Organizations.Where(o => o.ParentId == null && o.IsOversight).Select(o => o.Id).FirstAsync();
            var added = names.Select((name, i) => new Organization
            {
                Name = name, Acronym = $"ORD-{names[names.Length - 1 - i]}", Cnpj = $"{80_000_000_000_000L + i * 7919L}"[..14],
                Kind = OrganizationKind.Autarchy, Sphere = Sphere.State, Branch = Branch.Executive, ParentId = cge,
            }).ToList();
            db.Organizations.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(o => o.Id).ToList();
        });
        Invalidate();
        using var client = await app.LoginAsync(Admin);

        var ptBr = StringComparer.Create(CultureInfo.GetCultureInfo("pt-BR"), CompareOptions.IgnoreCase);
        async Task<List<(int Id, string Name, string Acronym)>> ExpectedAsync() => (await app.WithDbAsync(db => db.Organizations.IgnoreQueryFilters()
            .Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Acronym }).ToListAsync()))
            .Select(o => (o.Id, o.Name, o.Acronym)).ToList();
        var expected = await ExpectedAsync();
        var byName = expected.OrderBy(o => o.Name, ptBr).ThenBy(o => o.Id).Select(o => o.Id).ToList();
        (await PagedIdsAsync(client, "/painel?busca=ordem")).ShouldBe(byName);
        var byAcronym = expected.OrderBy(o => o.Acronym, ptBr).ThenBy(o => o.Id).Select(o => o.Id).ToList();
        (await PagedIdsAsync(client, "/painel?busca=ordem&ordem=sigla")).ShouldBe(byAcronym);

        // "ordem agil" becomes the last of them by name.
        var renamed = expected.Single(o => o.Name is "ordem agil" or "Ordem Zzz renomeada").Id;
        await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == renamed);
            organization.Name = organization.Name == "ordem agil" ? "Ordem Zzz renomeada" : "ordem agil";
            await db.SaveChangesAsync();
        });
        var after = (await ExpectedAsync()).OrderBy(o => o.Name, ptBr).ThenBy(o => o.Id).Select(o => o.Id).ToList();
        after.ShouldNotBe(byName);
        (await PagedIdsAsync(client, "/painel?busca=ordem")).ShouldBe(after);
    }

    /// <summary>The organizations' ids in the order the panel's pages show them, page after page (20 per page).</summary>
    private static async Task<List<int>> PagedIdsAsync(HttpClient client, string url)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var document = await SispmpiAppFactory.GetDocumentAsync(client, $"{url}&pagina={page}");
            var rows = document.QuerySelectorAll("tr[data-organization]").Select(r => Attr(r, "data-organization")).ToList();
            rows.Count.ShouldBeLessThanOrEqualTo(20);
            ids.AddRange(rows);
            if (ids.Count >= Attr(document.QuerySelector("[data-figure='organizacoes']")!, "data-value"))
            {
                return ids;
            }
            page.ShouldBeLessThan(10);
        }
    }

    private static async Task<(string Status, int Axes, int Actions, int Late)> CsvRowAsync(HttpClient client, string acronym)
    {
        using var response = await client.GetAsync("/painel?handler=Csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = (await response.Content.ReadAsStringAsync()).Split("\r\n").Select(l => l.Split(';')).Single(c => c[0] == acronym);
        return (row[4], int.Parse(row[9], CultureInfo.InvariantCulture), int.Parse(row[10], CultureInfo.InvariantCulture),
            int.Parse(row[11], CultureInfo.InvariantCulture));
    }

    private static async Task<int> ConcludedThisMonthAsync(HttpClient client)
    {
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/painel");
        var month = Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return Attr(page.QuerySelector($"[data-trend-table] tr[data-month='{month}']")!, "data-actions");
    }

    [Fact]
    public async Task A_bad_filter_answers_400_in_portuguese_and_the_xlsx_opens()
    {
        using var client = await app.LoginAsync(Admin);
        var bad = await SispmpiAppFactory.GetDocumentAsync(client, "/painel?natureza=Planeta&situacao=talvez", HttpStatusCode.BadRequest);
        bad.QuerySelector("#natureza")!.ParentElement!.TextContent.ShouldContain("Escolha uma natureza da lista.");
        bad.QuerySelector("#situacao")!.ParentElement!.TextContent.ShouldContain("Escolha uma situação da lista.");

        using var xlsx = await client.GetAsync("/painel?handler=Xlsx&natureza=CityCouncil");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray());
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        zip.GetEntry("xl/workbook.xml").ShouldNotBeNull();

        using var observer = await app.LoginAsync("observador@demo.gov.br");
        using var refused = await observer.GetAsync("/painel?handler=Csv");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    // ---- The independent computation ------------------------------------------------------------------------

    private bool IsPostgres => app.Database.Provider == DatabaseProvider.Postgres;

    /// <summary>Per active organization: its current plan (published first, else the newest not obsolete), by correlated subqueries.</summary>
    private const string RowsSql = """
        WITH ranked AS (
            SELECT p."Id", p."OrganizationId", p."Status",
                   ROW_NUMBER() OVER (PARTITION BY p."OrganizationId" ORDER BY CASE WHEN p."Status" = 3 THEN 0 ELSE 1 END, p."Id" DESC) AS rn
            FROM "Plans" p WHERE p."Status" <> 4)
        SELECT o."Acronym", c."Status",
               (SELECT COUNT(*) FROM "PlanAxes" x WHERE x."PlanId" = c."Id" AND x."ParentId" IS NULL),
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = c."Id"),
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = c."Id"
                   AND ((a."Status" = 1 AND a."PlannedStart" < @today) OR (a."Status" = 2 AND a."Classification" = 2 AND a."PlannedEnd" < @today))),
               o."Kind"
        FROM "Organizations" o LEFT JOIN ranked c ON c."OrganizationId" = o."Id" AND c.rn = 1
        WHERE o."IsActive"
        """;

    private const string TotalsSql = $"""
        SELECT COUNT(*), SUM(CASE WHEN r."Status" = 3 THEN 1 ELSE 0 END), SUM(r.actions), SUM(r.late)
        FROM ({RowsAlias}) r
        """;

    private const string RowsAlias = """
        SELECT c."Status" AS "Status", o."Kind" AS "Kind",
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = c."Id") AS actions,
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = c."Id"
                   AND ((a."Status" = 1 AND a."PlannedStart" < @today) OR (a."Status" = 2 AND a."Classification" = 2 AND a."PlannedEnd" < @today))) AS late
        FROM "Organizations" o LEFT JOIN (
            SELECT p."Id", p."OrganizationId", p."Status",
                   ROW_NUMBER() OVER (PARTITION BY p."OrganizationId" ORDER BY CASE WHEN p."Status" = 3 THEN 0 ELSE 1 END, p."Id" DESC) AS rn
            FROM "Plans" p WHERE p."Status" <> 4) c ON c."OrganizationId" = o."Id" AND c.rn = 1
        WHERE o."IsActive"
        """;

    private const string KindsSql = $"""
        SELECT r."Kind", COUNT(*), SUM(CASE WHEN r."Status" = 3 THEN 1 ELSE 0 END), SUM(r.actions), SUM(r.late)
        FROM ({RowsAlias}) r GROUP BY r."Kind"
        """;

    private string Days => IsPostgres
        ? """EXTRACT(EPOCH FROM (p."PublishedAt" - p."CreatedAt")) / 86400.0"""
        : """julianday(p."PublishedAt") - julianday(p."CreatedAt")""";

    private string DraftingSql => $"""
        SELECT COUNT(*), AVG({Days}) FROM "Plans" p JOIN "Organizations" o ON o."Id" = p."OrganizationId"
        WHERE o."IsActive" AND p."PublishedAt" IS NOT NULL
        """;

    private string KindDraftingSql => $"""
        SELECT o."Kind", AVG({Days}) FROM "Plans" p JOIN "Organizations" o ON o."Id" = p."OrganizationId"
        WHERE o."IsActive" AND p."PublishedAt" IS NOT NULL GROUP BY o."Kind"
        """;

    /// <summary>The latest year of each active organization; covered when the organization has a published plan.</summary>
    private const string CoverageSql = """
        SELECT SUM(f."Budget"), SUM(CASE WHEN EXISTS (SELECT 1 FROM "Plans" p WHERE p."OrganizationId" = o."Id" AND p."Status" = 3) THEN f."Budget" ELSE 0 END),
               SUM(f."Headcount"), SUM(CASE WHEN EXISTS (SELECT 1 FROM "Plans" p WHERE p."OrganizationId" = o."Id" AND p."Status" = 3) THEN f."Headcount" ELSE 0 END)
        FROM "OrganizationYearFigures" f JOIN "Organizations" o ON o."Id" = f."OrganizationId"
        WHERE o."IsActive" AND f."Year" = (SELECT MAX(g."Year") FROM "OrganizationYearFigures" g WHERE g."OrganizationId" = f."OrganizationId")
        """;

    private string PublishedByMonthSql => $"""
        SELECT {(IsPostgres ? """to_char(p."PublishedAt" AT TIME ZONE 'America/Sao_Paulo', 'YYYY-MM')""" : """strftime('%Y-%m', p."PublishedAt", '-3 hours')""")} AS m, COUNT(*)
        FROM "Plans" p JOIN "Organizations" o ON o."Id" = p."OrganizationId"
        WHERE o."IsActive" AND p."PublishedAt" IS NOT NULL GROUP BY m
        """;

    private string ConcludedByMonthSql => $"""
        SELECT {(IsPostgres ? """to_char(a."ConcludedOn", 'YYYY-MM')""" : """strftime('%Y-%m', a."ConcludedOn")""")} AS m, COUNT(*)
        FROM "PlanActions" a JOIN "Plans" p ON p."Id" = a."PlanId" JOIN "Organizations" o ON o."Id" = p."OrganizationId"
        WHERE o."IsActive" AND p."Status" <> 4 AND a."Status" = 3 AND a."ConcludedOn" >= @first AND a."ConcludedOn" <= @today GROUP BY m
        """;

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, DateOnly? first = null) =>
        await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                Add(command, "today", Today);
                Add(command, "first", first ?? Today);
                var result = new List<T>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    result.Add(read(reader));
                }
                return result;
            }
            finally
            {
                await connection.CloseAsync();
            }
        });

    private static void Add(DbCommand command, string name, DateOnly value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static decimal Dec(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture);

    private static string Figure(IDocument page, string name) =>
        page.QuerySelector($"[data-figure='{name}']")?.GetAttribute("data-value") ?? throw new ShouldAssertException($"no figure {name} on the panel");

    private static int Attr(IElement element, string name) => int.Parse(element.GetAttribute(name)!, CultureInfo.InvariantCulture);

    // ---- The network ----------------------------------------------------------------------------------------

    private static readonly OrganizationKind[] _kinds =
    [
        OrganizationKind.DirectAdministration, OrganizationKind.Autarchy, OrganizationKind.Foundation, OrganizationKind.PublicCompany,
        OrganizationKind.MixedCapitalCompany, OrganizationKind.CityHall, OrganizationKind.CityCouncil, OrganizationKind.Other,
    ];

    /// <summary>
    /// 40 organizations below the CGE (one inactive, which the panel leaves out); organization n gets, by n modulo 8:
    /// no plan; a plan not started; one in preparation; a published one; an obsolete published version 1 and a published
    /// version 2; a published plan and the next edition in preparation; an obsolete plan only; two plans in preparation.
    /// Actions of every status with planned dates before and after today, some concluded over the last months.
    /// Budgets for two years (the latest counts), one year, or none.
    /// </summary>
    private async Task BuildNetworkAsync()
    {
        var exists = await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Acronym == "PNL00"));
        if (exists)
        {
            return;
        }
        var random = new Random(20261122);
        var today = Today;
        var now = DateTimeOffset.UtcNow;
        var whole = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            var cge = await db.Organizations.Where(o => o.ParentId == null && o.IsOversight).Select(o => o.Id).FirstAsync();
            for (var n = 0; n < 40; n++)
            {
                var organization = new Organization
                {
                    Name = $"Órgão do painel {n:00}", Acronym = $"PNL{n:00}", Cnpj = $"{90_000_000_000_000L + n * 7919L}"[..14],
                    Kind = _kinds[n % _kinds.Length], Sphere = Sphere.State, Branch = Branch.Executive, ParentId = cge, IsActive = n != 39,
                };
                db.Organizations.Add(organization);
                await db.SaveChangesAsync();
                if (n % 5 != 4)
                {
                    db.OrganizationYearFigures.Add(new OrganizationYearFigures { OrganizationId = organization.Id, Year = today.Year - 1,
                        Budget = 1_000_000m + n * 12_345.67m, Headcount = 100 + n });
                }
                if (n % 3 == 0)
                {
                    db.OrganizationYearFigures.Add(new OrganizationYearFigures { OrganizationId = organization.Id, Year = today.Year,
                        Budget = 2_500_000.5m + n * 1_000m, Headcount = 250 + n * 3 });
                }
                var plans = (n % 8) switch
                {
                    0 => Array.Empty<PlanStatus>(),
                    1 => [PlanStatus.NotStarted],
                    2 => [PlanStatus.InPreparation],
                    3 => [PlanStatus.Published],
                    4 => [PlanStatus.Obsolete, PlanStatus.Published],
                    5 => [PlanStatus.Published, PlanStatus.InPreparation],
                    6 => [PlanStatus.Obsolete],
                    _ => [PlanStatus.InPreparation, PlanStatus.InPreparation],
                };
                for (var k = 0; k < plans.Length; k++)
                {
                    var status = plans[k];
                    var created = whole.AddDays(-random.Next(60, 400)).AddHours(-random.Next(0, 24));
                    var plan = new IntegrityPlan
                    {
                        OrganizationId = organization.Id, Title = $"Plano {n:00}.{k}", Edition = "2026–2028", Version = k + 1, Status = status,
                        CreatedAt = created,
                        PublishedAt = status is PlanStatus.Published or PlanStatus.Obsolete ? created.AddDays(random.Next(5, 50)).AddHours(random.Next(0, 24)) : null,
                    };
                    db.Plans.Add(plan);
                    await db.SaveChangesAsync();
                    var axes = new List<PlanAxis>();
                    for (var x = 0; x < 1 + random.Next(4); x++)
                    {
                        var axis = new PlanAxis { OrganizationId = organization.Id, PlanId = plan.Id, Position = x + 1, Number = $"{x + 1}", Title = $"Eixo {x + 1}" };
                        axes.Add(axis);
                        db.PlanAxes.Add(axis);
                    }
                    await db.SaveChangesAsync();
                    db.PlanAxes.Add(new PlanAxis { OrganizationId = organization.Id, PlanId = plan.Id, ParentId = axes[0].Id, Position = 1, Number = "1.1", Title = "Subeixo" });
                    for (var a = 0; a < random.Next(0, 12); a++)
                    {
                        var start = today.AddDays(random.Next(-200, 60));
                        var end = start.AddDays(random.Next(10, 200));
                        var started = random.Next(3) > 0 && start <= today ? start.AddDays(random.Next(0, 10)) : (DateOnly?)null;
                        var concluded = started is { } s && random.Next(3) == 0 ? s.AddDays(random.Next(1, 120)) : (DateOnly?)null;
                        db.PlanActions.Add(new PlanAction
                        {
                            OrganizationId = organization.Id, PlanId = plan.Id, AxisId = axes[a % axes.Count].Id, Position = a + 1,
                            Number = $"{a % axes.Count + 1}.{a + 1}", Title = $"Ação {a + 1}", ActionType = "Processo",
                            Classification = random.Next(2) == 0 ? ActionClassification.OneOff : ActionClassification.Continuous,
                            PlannedStart = start, PlannedEnd = end,
                            StartedOn = started > today ? today : started,
                            ConcludedOn = concluded > today ? today : concluded,
                            DiscontinuedOn = random.Next(15) == 0 && started is not null ? today.AddDays(-1) : null,
                        });
                    }
                    await db.SaveChangesAsync();
                }
            }
        });
        // The tenant middleware caches the network's tree.
        Invalidate();
    }

    private void Invalidate() =>
        OrganizationNetwork.Invalidate(app.Services.GetRequiredService<IMemoryCache>());
}
