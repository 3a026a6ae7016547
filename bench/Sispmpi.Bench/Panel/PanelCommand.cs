using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sispmpi.Bench.Dashboard;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Oversight;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Bench.Panel;

/// <summary>
/// The network panel (<c>GET /painel</c>) timed on PostgreSQL on a large network: the real application on Kestrel in
/// this process, signed in as the CGE's central administrator, and — alternating with each request — the panel's
/// main SQL query (every plan with its summary, as EF sent it, with its parameters) run directly with Npgsql: the floor.
/// Then a check, not timed: the panel's figures of 50 bodies drawn at random equal a direct SQL computation from the actions.
/// </summary>
public sealed partial class PanelCommand(PanelOptions options)
{
    /// <summary>Issue 17's targets: the whole response's p95 over loopback, at 2,000 bodies and at 20,000 (100 actions each).</summary>
    public const double TargetP95Milliseconds = 50;
    public const double TargetP95NationalMilliseconds = 150;
    public const int NationalBodies = 20_000;
    public const int SampleBodies = 50;

    private static readonly CultureInfo _culture = GenerateCommand.Culture;
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public async Task<int> RunAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(options.Connection).Database;
        Say($"SisPMPI — painel da rede no PostgreSQL: banco {database}, {options.Requests} medições após {options.Warmup} de aquecimento");
        Say($"Máquina: {Environment.ProcessorCount} núcleos, {RuntimeInformation.FrameworkDescription}, GC {(GCSettings.IsServerGC ? "de servidor" : "de estação")}, carga {DashboardCommand.LoadAverage()}");
        if (!GCSettings.IsServerGC)
        {
            Say($"  Atenção: o site roda com o GC de servidor; para medir nas mesmas condições, DOTNET_gcServer=1 DOTNET_gcConcurrent=1.");
        }
        if (!await BenchDatabase.PrepareAsync(options.Connection, options.Recreate, options.Organizations, options.Actions, options.Seed, Say, Phase, Done))
        {
            return 1;
        }

        // A live database has had autovacuum pass over its tables; a freshly copied one has not, and without the
        // visibility map an index-only scan still reads the table. VACUUM gives the steady state autovacuum would.
        var vacuum = Phase("VACUUM (ANALYZE) das tabelas lidas pelo painel");
        await using (var connection = new NpgsqlConnection(options.Connection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""VACUUM (ANALYZE) "PlanActions", "Plans", "PlanAxes", "Organizations", "OrganizationYearFigures" """, connection)
            {
                CommandTimeout = 600,
            };
            await command.ExecuteNonQueryAsync();
        }
        Done(vacuum, "");
        var bodies = await CountBodiesAsync();
        var target = bodies >= NationalBodies ? TargetP95NationalMilliseconds : TargetP95Milliseconds;

        var scratch = Directory.CreateTempSubdirectory("sispmpi-bench-panel-");
        var serverTimes = new ConcurrentQueue<(string Path, TimeSpan Elapsed)>();
        var host = await BenchHost.StartAsync(options.Connection, DashboardCommand.ResolveContentRoot(options.ContentRoot), scratch.FullName, serverTimes);
        using var capture = new SqlCapture();
        try
        {
            var admin = await CentralAdministratorAsync(host);
            if (admin is null)
            {
                await Console.Error.WriteLineAsync("Nenhum administrador central na organização de topo: gere os dados com o gerador.");
                return 1;
            }
            using var client = DashboardCommand.NewClient(host.BaseAddress);
            var phase = Phase($"Entrando como {admin} (administrador central) em {host.BaseAddress}");
            if (await DashboardCommand.SignInAsync(client, admin, options.Password) is { } signInError)
            {
                await Console.Error.WriteLineAsync(signInError);
                return 1;
            }
            Done(phase, "sessão aberta");

            // One request with its commands kept: the main query, as EF sent it, is what is then run directly.
            capture.Reset(keepCommands: true);
            var (firstStatus, firstHtml) = await GetAsync(client);
            var firstCommands = capture.Take().Kept;
            if (firstStatus != HttpStatusCode.OK || !IsPanel(firstHtml))
            {
                await Console.Error.WriteLineAsync($"GET /painel respondeu {(int)firstStatus}.");
                return 1;
            }
            var main = firstCommands.FirstOrDefault(c => c.Sql.Contains(NetworkPanel.MainQueryTag, StringComparison.Ordinal));
            if (main is null)
            {
                await Console.Error.WriteLineAsync($"A consulta principal (marcada \"{NetworkPanel.MainQueryTag}\") não apareceu entre as {firstCommands.Count} do painel.");
                return 1;
            }

            phase = Phase($"GET /painel e a consulta principal direto no banco, alternados: {options.Warmup} + {options.Requests} de cada; carga {DashboardCommand.LoadAverage()}");
            var page = new Timings("GET /painel (cliente, loopback)");
            var server = new Timings("  no servidor (pipeline ASP.NET Core)");
            var queries = new List<int>();
            var direct = new Timings("Consulta principal direto (Npgsql, lendo as linhas)");
            long bytes = 0;
            var mainRows = 0;
            serverTimes.Clear();
            for (var i = 0; i < options.Warmup + options.Requests; i++)
            {
                var measured = i >= options.Warmup;
                capture.Reset();
                serverTimes.Clear();
                var watch = Stopwatch.StartNew();
                var (status, html) = await GetAsync(client);
                watch.Stop();
                var (count, _, _) = capture.Take();
                if (status != HttpStatusCode.OK || !IsPanel(html))
                {
                    await Console.Error.WriteLineAsync(string.Create(_culture, $"Erro HTTP na requisição {i + 1}: {(int)status}"));
                    return 1;
                }
                var serverTime = await ServerTimeAsync(serverTimes);

                var (elapsed, rows) = await RunDirectAsync(main);
                if (measured)
                {
                    page.Add(watch.Elapsed);
                    server.Add(serverTime);
                    queries.Add(count);
                    direct.Add(elapsed);
                    bytes = Encoding.UTF8.GetByteCount(html);
                    mainRows = rows;
                }
            }
            Done(phase, $"página: mediana {server.Median:0.0} ms, p95 {server.P95:0.0} ms no servidor; consulta principal: mediana {direct.Median:0.0} ms; carga {DashboardCommand.LoadAverage()}");

            Console.WriteLine();
            var header = string.Create(_culture, $"{"",-52} {"n",5} {"mediana",9} {"p95",9} {"máx",9} {"mín",9} {"média",9} {"consultas",9}");
            Console.WriteLine(header);
            Console.WriteLine(new string('─', header.Length));
            foreach (var (t, q) in new[] { (page, queries), (server, null), (direct, (List<int>?)null) })
            {
                var n = q is null ? "" : q.Distinct().Count() == 1 ? q[0].ToString(_culture) : $"{q.Min()}–{q.Max()}";
                Console.WriteLine(string.Create(_culture,
                    $"{t.Name,-52} {t.Count,5} {t.Median,6:0.0} ms {t.P95,6:0.0} ms {t.Max,6:0.0} ms {t.Min,6:0.0} ms {t.Mean,6:0.0} ms {n,9}"));
            }
            var ratio = page.Median / direct.Median;
            var ratioP95 = page.P95 / direct.P95;
            Say($"Página: {bytes / 1024.0:0.0} KiB de HTML; consulta principal: {mainRows} linhas (uma por plano, com seu resumo).");
            Say($"Valor: p95 da resposta inteira (cliente, loopback) {page.P95:0.0} ms com {bodies} órgãos — meta até {target:0} ms: {(page.P95 <= target ? "atingida" : "NÃO atingida")}.");
            Say($"Piso: a consulta principal direto no banco, p95 {direct.P95:0.0} ms; razão página / piso {ratio:0.00} nas medianas, {ratioP95:0.00} nos p95.");
            Say($"O que o painel mostrou: {Figures(firstHtml)}");
            var sampleOk = await CheckSampleAsync(host);
            Console.WriteLine();
            await ExplainAsync(firstCommands);
            Say($"Concluído em {_total.Elapsed.TotalSeconds:0.0} s.");
            return !sampleOk ? 1 : page.P95 <= target ? 0 : 3;
        }
        finally
        {
            await host.DisposeAsync();
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static async Task<string?> CentralAdministratorAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("Benchmark");
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        return await db.ProfileGrants.AsNoTracking()
            .Where(g => g.Profile == Profile.CentralAdministrator && g.Organization!.ParentId == null && g.Organization.IsActive)
            .OrderBy(g => g.Id)
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => u.Email)
            .FirstOrDefaultAsync();
    }

    private async Task<int> CountBodiesAsync()
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT COUNT(*) FROM "Organizations" WHERE "IsActive" """, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The panel's row of <see cref="SampleBodies"/> active bodies drawn at random against SQL written here from the plans,
    /// axes and actions themselves (not the summaries): current plan, status, axes, actions, late and concluded actions.
    /// </summary>
    private async Task<bool> CheckSampleAsync(BenchHost host)
    {
        var phase = Phase($"Conferência: o painel contra SQL direto sobre as ações, em {SampleBodies} órgãos sorteados");
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("Benchmark");
        var data = await scope.ServiceProvider.GetRequiredService<NetworkPanel>().BuildAsync(new PanelFilter());
        var today = data.Today;
        var rows = data.Rows.ToDictionary(r => r.OrganizationId);
        var sample = rows.Keys.Order().ToList();
        var random = new Random(options.Seed);
        sample = sample.OrderBy(_ => random.Next()).Take(SampleBodies).ToList();

        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH ranked AS (
                SELECT p."Id", p."OrganizationId", p."Status",
                       ROW_NUMBER() OVER (PARTITION BY p."OrganizationId" ORDER BY CASE WHEN p."Status" = 3 THEN 0 ELSE 1 END, p."Id" DESC) AS rn
                FROM "Plans" p WHERE p."Status" <> 4 AND p."OrganizationId" = ANY(@ids))
            SELECT o."Id", c."Id", c."Status",
                   (SELECT COUNT(*) FROM "PlanAxes" x WHERE x."PlanId" = c."Id" AND x."ParentId" IS NULL),
                   (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = c."Id"),
                   (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = c."Id"
                       AND ((a."Status" = 1 AND a."PlannedStart" < @today) OR (a."Status" = 2 AND a."Classification" = 2 AND a."PlannedEnd" < @today))),
                   (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = c."Id" AND a."StartedOn" IS NOT NULL AND a."ConcludedOn" IS NOT NULL AND a."DiscontinuedOn" IS NULL)
            FROM "Organizations" o LEFT JOIN ranked c ON c."OrganizationId" = o."Id" AND c.rn = 1
            WHERE o."Id" = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", sample.ToArray());
        command.Parameters.AddWithValue("today", today);
        var differences = new List<string>();
        var compared = 0;
        long actions = 0, late = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt32(0);
                var row = rows[id];
                var expected = (PlanId: reader.IsDBNull(1) ? (int?)null : reader.GetInt32(1), Status: reader.IsDBNull(2) ? (int?)null : reader.GetInt32(2),
                    Axes: (int)reader.GetInt64(3), Actions: (int)reader.GetInt64(4), Late: (int)reader.GetInt64(5), Concluded: (int)reader.GetInt64(6));
                var shown = (row.PlanId, Status: (int?)row.PlanStatus, row.Axes, row.Actions, Late: row.LateActions, Concluded: row.ConcludedActions);
                if (shown != expected)
                {
                    differences.Add($"órgão {id} ({row.Acronym}): painel {shown}, SQL {expected}");
                }
                compared++;
                actions += expected.Actions;
                late += expected.Late;
            }
        }
        foreach (var difference in differences)
        {
            Say($"  DIFERENÇA: {difference}");
        }
        var ok = differences.Count == 0 && compared == sample.Count;
        Done(phase, $"{compared} órgãos, {actions} ações, {late} em atraso em {today:dd/MM/yyyy}: {(ok ? "iguais" : $"{differences.Count} diferença(s)")}");
        return ok;
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/painel");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static bool IsPanel(string html) =>
        html.Contains("<h1>Painel da rede</h1>", StringComparison.Ordinal) && html.Contains("id=\"dados-da-rede\"", StringComparison.Ordinal);

    private static async Task<TimeSpan> ServerTimeAsync(ConcurrentQueue<(string Path, TimeSpan Elapsed)> times)
    {
        for (var wait = 0; wait < 200; wait++)
        {
            if (times.TryDequeue(out var entry) && entry.Path == "/painel")
            {
                return entry.Elapsed;
            }
            await Task.Delay(5);
        }
        throw new InvalidOperationException("O servidor não registrou o tempo de /painel.");
    }

    /// <summary>The main query on a pooled connection, as the application runs it: open, execute, read every row.</summary>
    private async Task<(TimeSpan Elapsed, int Rows)> RunDirectAsync(CapturedCommand main)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(main.Sql, connection);
        foreach (var parameter in main.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }
        var rows = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }
        watch.Stop();
        return (watch.Elapsed, rows);
    }

    private static string Figures(string html)
    {
        string Value(string name) => FigureValue(name).Match(html) is { Success: true } m ? m.Groups[1].Value : "?";
        return $"{Value("organizacoes")} organizações, {Value("publicados")} com plano publicado, {Value("acoes")} ações nos planos atuais, " +
               $"{Value("atraso")} em atraso, tempo médio de elaboração {Value("tempo-medio")} dias em {Value("planos-publicados")} planos publicados, " +
               $"cobertura do orçamento {Value("cobertura-orcamento")}, dos servidores {Value("cobertura-servidores")}";
    }

    private static Regex FigureValue(string name) => new($"data-figure=\"{Regex.Escape(name)}\" data-value=\"([^\"]*)\"");

    /// <summary>Each query of one page request, with its rows, its time in EF and its planning and execution time under EXPLAIN ANALYZE.</summary>
    private async Task ExplainAsync(IReadOnlyList<CapturedCommand> commands)
    {
        Say($"As {commands.Count} consultas de uma requisição (a primeira), e o EXPLAIN (ANALYZE, BUFFERS) de cada:");
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        var start = commands.Count == 0 ? DateTimeOffset.UtcNow : commands[0].StartTime;
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.Sql, connection);
            foreach (var parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }
            var execution = plan.FirstOrDefault(l => l.StartsWith("Execution Time", StringComparison.Ordinal)) ?? "";
            var planning = plan.FirstOrDefault(l => l.StartsWith("Planning Time", StringComparison.Ordinal)) ?? "";
            var shape = Regex.Replace(command.Sql, @"\s+", " ").Trim();
            Say($"  {i + 1}. em +{(command.StartTime - start).TotalMilliseconds:0.0} ms: {command.Rows} linhas; {planning}; {execution} — {(shape.Length > 90 ? shape[..90] + "…" : shape)}");
            if (options.Explain)
            {
                Console.WriteLine();
                Console.WriteLine(command.Sql);
                foreach (var line in plan)
                {
                    Console.WriteLine("    " + line);
                }
                Console.WriteLine();
            }
        }
    }

    private Stopwatch Phase(string name)
    {
        Say($"{name}…");
        return Stopwatch.StartNew();
    }

    private void Done(Stopwatch phase, string detail) =>
        Say($"  {(detail.Length > 0 ? detail + " " : "")}({phase.Elapsed.TotalSeconds:0.0} s; total {_total.Elapsed.TotalSeconds:0.0} s)");

    private static void Say(FormattableString message) => Console.WriteLine(message.ToString(_culture));
}
