using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Bench.Dashboard;

/// <summary>
/// The monitoring dashboard of a large plan, timed on PostgreSQL: prepares the data (the generator, then the
/// committee's work), starts the real application on Kestrel in this process, signs in as a committee member and
/// times the page over loopback and <see cref="MonitoringDashboard.BuildAsync"/> on its own.
/// </summary>
public sealed partial class DashboardCommand(DashboardOptions options)
{
    /// <summary>The target for the page's p95 on the project's 2-core machine (issue 17; issue 12 asked for 100 ms).</summary>
    public const double TargetP95Milliseconds = 30;

    private static readonly CultureInfo _culture = GenerateCommand.Culture;
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public async Task<int> RunAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(options.Connection).Database;
        Say($"SisPMPI — painel de monitoramento no PostgreSQL: banco {database}, {options.Requests} medições após {options.Warmup} de aquecimento");
        Say($"Máquina: {Environment.ProcessorCount} núcleos, {RuntimeInformation.FrameworkDescription}, GC {(GCSettings.IsServerGC ? "de servidor" : "de estação")} ({GCSettings.LatencyMode}), carga {LoadAverage()}");
        if (!GCSettings.IsServerGC)
        {
            // The site runs with the Web SDK's server GC; this project's runtimeconfig keeps the generator's workstation GC.
            Say($"  Atenção: o site roda com o GC de servidor; para medir nas mesmas condições, DOTNET_gcServer=1 DOTNET_gcConcurrent=1.");
        }

        if (!await PrepareDatabaseAsync())
        {
            return 1;
        }

        var scratch = Directory.CreateTempSubdirectory("sispmpi-bench-dashboard-");
        var serverTimes = new ConcurrentQueue<(string Path, TimeSpan Elapsed)>();
        var host = await BenchHost.StartAsync(options.Connection, ResolveContentRoot(), scratch.FullName, serverTimes);
        using var capture = new SqlCapture();
        try
        {
            var target = await PrepareMonitoringAsync(host);
            if (target is null)
            {
                return 1;
            }
            var (plan, member) = target.Value;
            var path = $"/monitoramento/planos/{plan.Id}";

            using var client = NewClient(host.BaseAddress);
            var phase = Phase($"Entrando como {member.Email} (comitê de monitoramento) em {host.BaseAddress}");
            var signInError = await SignInAsync(client, member.Email);
            if (signInError is not null)
            {
                await Console.Error.WriteLineAsync(signInError);
                return 1;
            }
            Done(phase, "sessão aberta");

            // The page and BuildAsync alternate, one at a time, so that a change in the machine's load (other jobs on
            // these 2 cores) affects both series alike.
            phase = Phase($"GET {path} e BuildAsync({plan.Id}), alternados: {options.Warmup} de aquecimento + {options.Requests} medidos de cada; carga {LoadAverage()}");
            var tenant = await TenantOfAsync(host, member.UserId, plan.OrganizationId);
            var page = new Timings($"GET {path} (cliente, loopback)");
            var server = new Timings("  no servidor (pipeline ASP.NET Core)");
            var pageSql = new Timings("  no banco (consultas EF)");
            var pageQueries = new List<int>();
            var build = new Timings("MonitoringDashboard.BuildAsync (escopo próprio)");
            var buildSql = new Timings("  no banco (consultas EF)");
            var buildQueries = new List<int>();
            PlanDashboard? data = null;
            long bytes = 0;
            for (var i = 0; i < options.Warmup + options.Requests; i++)
            {
                var measured = i >= options.Warmup;

                capture.Reset();
                serverTimes.Clear();
                var watch = Stopwatch.StartNew();
                using (var response = await client.GetAsync(path))
                {
                    var body = await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    var (queries, sqlTime, _) = capture.Take();
                    if (response.StatusCode != HttpStatusCode.OK || !IsDashboard(body))
                    {
                        await Console.Error.WriteLineAsync(string.Create(_culture,
                            $"Erro HTTP na requisição {i + 1}: {(int)response.StatusCode} {response.ReasonPhrase} {response.Headers.Location} ({body.Length} bytes)"));
                        return 1;
                    }
                    var serverTime = await ServerTimeAsync(serverTimes, path);
                    if (measured)
                    {
                        page.Add(watch.Elapsed);
                        server.Add(serverTime);
                        pageSql.Add(sqlTime);
                        pageQueries.Add(queries);
                        bytes = body.Length;
                    }
                }

                capture.Reset();
                var (elapsed, result) = await BuildOnceAsync(host, tenant, plan.Id);
                var (buildQueryCount, buildSqlTime, _) = capture.Take();
                data = result ?? throw new InvalidOperationException($"BuildAsync({plan.Id}) não encontrou o plano.");
                if (measured)
                {
                    build.Add(elapsed);
                    buildSql.Add(buildSqlTime);
                    buildQueries.Add(buildQueryCount);
                }
            }
            Done(phase, $"GET: mediana {page.Median:0.0} ms, p95 {page.P95:0.0} ms; BuildAsync: mediana {build.Median:0.0} ms, p95 {build.P95:0.0} ms; carga {LoadAverage()}");

            // Five more calls, keeping their commands; the median one is shown query by query, then explained.
            var samples = new List<(DateTimeOffset Started, TimeSpan Elapsed, IReadOnlyList<CapturedCommand> Commands)>();
            for (var k = 0; k < 5; k++)
            {
                capture.Reset(keepCommands: true);
                var started = DateTimeOffset.UtcNow;
                var (elapsed, _) = await BuildOnceAsync(host, tenant, plan.Id);
                samples.Add((started, elapsed, capture.Take().Kept));
            }
            var sample = samples.OrderBy(x => x.Elapsed).ElementAt(samples.Count / 2);

            Console.WriteLine();
            PrintTable(
                (page, pageQueries), (server, null), (pageSql, null),
                (build, buildQueries), (buildSql, null));
            Say($"Página: {bytes / 1024.0:0.0} KiB de HTML. Meta: p95 do GET até {TargetP95Milliseconds:0} ms — {(page.P95 <= TargetP95Milliseconds ? "atingida" : "NÃO atingida")} ({page.P95:0.0} ms).");
            Console.WriteLine();
            PrintRows(data!, plan);
            Console.WriteLine();
            await ExplainAsync(sample.Started, sample.Elapsed, sample.Commands);
            Say($"Concluído em {_total.Elapsed.TotalSeconds:0.0} s.");
            return 0;
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

    // ---- Data ------------------------------------------------------------------------------------------------

    /// <summary>Creates (or recreates) the database, and fills it with the generator when it has no organization.</summary>
    private Task<bool> PrepareDatabaseAsync() =>
        BenchDatabase.PrepareAsync(options.Connection, options.Recreate, options.Organizations, options.Actions, options.Seed, Say, Phase, Done);

    /// <summary>Picks the plan, checks its derived columns, makes sure of a committee member and adds the monitoring data.</summary>
    private async Task<(IntegrityPlan Plan, CommitteeMember Member)?> PrepareMonitoringAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("Gerador de dados");
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();

        var plans = db.Plans.AsNoTracking().Include(p => p.Organization);
        var plan = options.PlanId is { } id
            ? await plans.FirstOrDefaultAsync(p => p.Id == id)
            : await plans.Where(p => p.Status == PlanStatus.Published)
                .OrderByDescending(p => db.PlanActions.Count(a => a.PlanId == p.Id)).ThenBy(p => p.Id).FirstOrDefaultAsync();
        if (plan is null)
        {
            await Console.Error.WriteLineAsync(options.PlanId is null ? "Nenhum plano publicado no banco." : $"O plano {options.PlanId} não existe.");
            return null;
        }

        var phase = Phase($"Conferindo as colunas derivadas das ações do plano {plan.Id} (Status, Progress, LastUpdateOn)");
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync();
        var wrong = 0;
        foreach (var action in actions)
        {
            var stored = (action.Status, action.Progress, action.LastUpdateOn);
            action.RefreshStatus();
            if (stored != (action.Status, action.Progress, action.LastUpdateOn))
            {
                wrong++;
            }
        }
        if (wrong > 0)
        {
            await Console.Error.WriteLineAsync(string.Create(_culture,
                $"{wrong} de {actions.Count} ações têm Status, Progress ou LastUpdateOn diferentes de PlanAction.RefreshStatus(): dados inválidos."));
            return null;
        }
        Done(phase, $"{actions.Count} ações, todas coerentes com PlanAction.RefreshStatus()");

        phase = Phase("Conta do comitê de monitoramento e dados de monitoramento");
        var data = new MonitoringData(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), options.Seed);
        var member = await data.EnsureCommitteeMemberAsync(plan.OrganizationId);
        var volume = await data.AddAsync(plan, member);
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "PlanActions", "Recommendations", "RiskAssessments", "ProfileGrants", "AspNetUsers", "AuditEntries" """);
        Done(phase, volume is null
            ? $"{member.Email}; o plano já tinha dados de monitoramento: reaproveitados"
            : $"{member.Email}{(member.GrantAdded ? " (perfil concedido agora)" : "")}; {volume.ActionRecommendations} recomendações em ações " +
              $"({volume.AnsweredActionRecommendations} respondidas), {volume.GeneralRecommendations} gerais, {volume.Assessments} avaliações de risco " +
              $"em {volume.AssessedActions} ações, {volume.ResponsibleAssigned} responsáveis designados");
        return (plan, member);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    internal static HttpClient NewClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Signs in through the login form (with its antiforgery token), as a browser would; null when it worked.</summary>
    private Task<string?> SignInAsync(HttpClient client, string email) => SignInAsync(client, email, options.Password);

    internal static async Task<string?> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/conta/entrar");
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            return "A página /conta/entrar não trouxe o token antiforgery.";
        }
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync("/conta/entrar", content);
        return response.StatusCode == HttpStatusCode.Redirect
            ? null
            : $"A entrada como {email} falhou: HTTP {(int)response.StatusCode} (senha diferente de {password}? use --password).";
    }

    private static bool IsDashboard(byte[] body)
    {
        var html = Encoding.UTF8.GetString(body);
        return html.Contains("<h1>Painel de monitoramento</h1>", StringComparison.Ordinal)
            && html.Contains("id=\"dados-do-painel\"", StringComparison.Ordinal);
    }

    /// <summary>The server's time for the request just made (its middleware records it as the response completes).</summary>
    private static async Task<TimeSpan> ServerTimeAsync(ConcurrentQueue<(string Path, TimeSpan Elapsed)> times, string path)
    {
        for (var wait = 0; wait < 200; wait++)
        {
            if (times.TryDequeue(out var entry) && entry.Path == path)
            {
                return entry.Elapsed;
            }
            await Task.Delay(5);
        }
        throw new InvalidOperationException($"O servidor não registrou o tempo de {path}.");
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"[^>]*>""")]
    private static partial Regex AntiforgeryToken();

    // ---- BuildAsync ------------------------------------------------------------------------------------------

    /// <summary>The member's grants as the tenant middleware reads them on every request.</summary>
    private static async Task<(int UserId, string Name, List<GrantSummary> Grants, int OrganizationId)> TenantOfAsync(BenchHost host, int userId,
        int organizationId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstAsync();
        var grants = await db.ProfileGrants.IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.UserId == userId && g.Organization!.IsActive)
            .OrderBy(g => g.Organization!.Acronym).ThenBy(g => g.Profile)
            .Select(g => new GrantSummary(g.OrganizationId, g.Organization!.Acronym, g.Organization.Name, g.Profile))
            .ToListAsync();
        return (userId, name, grants, organizationId);
    }

    private static async Task<(TimeSpan Elapsed, PlanDashboard? Result)> BuildOnceAsync(BenchHost host,
        (int UserId, string Name, List<GrantSummary> Grants, int OrganizationId) tenant, int planId)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>()
            .UseUser(tenant.UserId, tenant.Name, tenant.Grants, tenant.OrganizationId, [tenant.OrganizationId]);
        var result = await scope.ServiceProvider.GetRequiredService<MonitoringDashboard>().BuildAsync(planId);
        watch.Stop();
        return (watch.Elapsed, result);
    }

    // ---- Report ----------------------------------------------------------------------------------------------

    private static void PrintTable(params (Timings Timings, List<int>? Queries)[] rows)
    {
        var header = string.Create(_culture, $"{"",-52} {"n",5} {"mediana",9} {"p95",9} {"máx",9} {"mín",9} {"média",9} {"consultas",9}");
        Console.WriteLine(header);
        Console.WriteLine(new string('─', header.Length));
        foreach (var (t, queries) in rows)
        {
            var count = queries is null ? "" : queries.Distinct().Count() == 1 ? queries[0].ToString(_culture) : $"{queries.Min()}–{queries.Max()}";
            Console.WriteLine(string.Create(_culture,
                $"{t.Name,-52} {t.Count,5} {t.Median,6:0.0} ms {t.P95,6:0.0} ms {t.Max,6:0.0} ms {t.Min,6:0.0} ms {t.Mean,6:0.0} ms {count,9}"));
        }
    }

    private static void PrintRows(PlanDashboard d, IntegrityPlan plan)
    {
        Say($"O que o painel viu — plano {plan.Id}, {plan.Title} ({plan.Organization?.Acronym}), hoje = {d.Today:yyyy-MM-dd}:");
        Say($"  {d.Actions.Count} ações em {d.Axes.Count} eixos (com subeixos: {d.Actions.Select(a => a.AxisId).Distinct().Count()} folhas); progresso do plano {d.PlanProgress:P1}");
        Say($"  situação: {string.Join(", ", Enum.GetValues<ActionStatus>().Select(s => $"{Labels.Of(s).ToLowerInvariant()} {d.Count(new ActionFilter(Status: s))}"))}");
        Say($"  faróis: {string.Join(", ", Enum.GetValues<TrafficLight>().Select(l => $"{Labels.Of(l).ToLowerInvariant()} {d.Count(new ActionFilter(Light: l))}"))}");
        Say($"  atenção: atraso no início {d.Count(new ActionFilter(Attention: AttentionPoint.LateToStart))}, atraso na conclusão {d.Count(new ActionFilter(Attention: AttentionPoint.LateToConclude))}, risco alto ou extremo {d.Count(new ActionFilter(Attention: AttentionPoint.HighRisk))}");
        Say($"  recomendações em ações: {d.AnsweredRecommendations + d.UnansweredRecommendations} ({d.AnsweredRecommendations} respondidas, {d.UnansweredRecommendations} sem resposta) em {d.Actions.Count(a => a.Recommendations > 0)} ações; gerais sem resposta: {d.GeneralRecommendationsUnanswered}");
        Say($"  risco avaliado em {d.Actions.Count(a => a.Risk is not null)} ações; responsável em {d.Actions.Count(a => a.Responsible is not null)}; cronograma com {d.Actions.Count(a => a.PlannedStart is not null && a.PlannedEnd is not null)} barras");
    }

    /// <summary>
    /// One BuildAsync call query by query — when each started, how long EF had its reader open (execution plus
    /// materializing the rows), how much of the call was spent outside the queries — then each query under EXPLAIN
    /// ANALYZE (with --explain, its SQL and whole plan too).
    /// </summary>
    private async Task ExplainAsync(DateTimeOffset started, TimeSpan elapsed, IReadOnlyList<CapturedCommand> commands)
    {
        var inQueries = TimeSpan.FromTicks(commands.Sum(c => c.Duration.Ticks));
        Say($"Uma chamada de BuildAsync (a mediana de 5): {elapsed.TotalMilliseconds:0.0} ms, dos quais {inQueries.TotalMilliseconds:0.0} ms com as {commands.Count} consultas abertas no EF e {(elapsed - inQueries).TotalMilliseconds:0.0} ms fora delas (escopo e DbContext, preparo das consultas pelo EF, cálculo em memória).");
        Say($"Cada consulta, e o EXPLAIN (ANALYZE, BUFFERS) dela:");
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
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
            var shape = OneLine(command.Sql);
            Say($"  {i + 1}. em +{(command.StartTime - started).TotalMilliseconds:0.0} ms: {(command.Rows >= 0 ? $"{command.Rows} linhas" : "comando")}, {command.Duration.TotalMilliseconds:0.00} ms no EF; {planning}; {execution} — {(shape.Length > 80 ? shape[..80] + "…" : shape)}");
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

    private static string OneLine(string sql) => WhiteSpace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    // ---- Plumbing --------------------------------------------------------------------------------------------

    private string ResolveContentRoot() => ResolveContentRoot(options.ContentRoot);

    internal static string ResolveContentRoot(string? contentRoot)
    {
        if (contentRoot is { } given)
        {
            return Path.GetFullPath(given);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Sispmpi.Web");
                if (File.Exists(Path.Combine(candidate, "Sispmpi.Web.csproj")))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException("Pasta src/Sispmpi.Web não encontrada: indique --content-root.");
    }

    private Stopwatch Phase(string name)
    {
        Say($"{name}…");
        return Stopwatch.StartNew();
    }

    private void Done(Stopwatch phase, string detail) =>
        Say($"  {(detail.Length > 0 ? detail + " " : "")}({phase.Elapsed.TotalSeconds:0.0} s; total {_total.Elapsed.TotalSeconds:0.0} s)");

    private static void Say(FormattableString message) => Console.WriteLine(message.ToString(_culture));

    /// <summary>The 1-, 5- and 15-minute load averages on Linux (other jobs share these cores); "?" elsewhere.</summary>
    internal static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" / ", parts.Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
