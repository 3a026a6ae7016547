using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sispmpi.Bench.Dashboard;
using Sispmpi.Bench.Panel;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Bench.Save;

/// <summary>
/// What keeping the panel summary current costs (migration 0015): the save of an action's execution record — start,
/// conclusion, budget and notes through the application's DbContext, with its history entry — timed with the summary
/// trigger on and off, in alternating blocks of the same run, on actions of different plans. Afterwards the summaries
/// are computed again from the actions, since the saves made with the trigger off did not reach them.
/// </summary>
public sealed class SaveCommand(PanelOptions options)
{
    /// <summary>Issue 17: the save must not get more than 10% slower.</summary>
    public const double TargetRatio = 1.10;
    private const int Block = 10;

    private static readonly CultureInfo _culture = GenerateCommand.Culture;
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public async Task<int> RunAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(options.Connection).Database;
        Say($"SisPMPI — custo do resumo do painel no registro de execução: banco {database}, {options.Requests} gravações de cada tipo após {options.Warmup} de aquecimento");
        Say($"Máquina: {Environment.ProcessorCount} núcleos, {RuntimeInformation.FrameworkDescription}, GC {(GCSettings.IsServerGC ? "de servidor" : "de estação")}, carga {DashboardCommand.LoadAverage()}");
        if (!await BenchDatabase.PrepareAsync(options.Connection, options.Recreate, options.Organizations, options.Actions, options.Seed, Say, Phase, Done))
        {
            return 1;
        }
        var scratch = Directory.CreateTempSubdirectory("sispmpi-bench-save-");
        var host = await BenchHost.StartAsync(options.Connection, DashboardCommand.ResolveContentRoot(options.ContentRoot), scratch.FullName,
            new System.Collections.Concurrent.ConcurrentQueue<(string, TimeSpan)>());
        try
        {
            List<int> actionIds;
            DateOnly today;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("Benchmark");
                today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
                var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
                // One open action per plan, of plans still followed, so that each save moves a summary row of its own.
                actionIds = await db.PlanActions.AsNoTracking()
                    .Where(a => a.Plan!.Status != Sispmpi.Core.Plans.PlanStatus.Obsolete && a.DiscontinuedOn == null && a.PlannedStart < today)
                    .GroupBy(a => a.PlanId).Select(g => g.Min(a => a.Id)).OrderBy(id => id).Take(400).ToListAsync();
            }
            if (actionIds.Count == 0)
            {
                await Console.Error.WriteLineAsync("Nenhuma ação para registrar: gere os dados com o gerador.");
                return 1;
            }

            var phase = Phase($"Gravações alternadas em blocos de {Block}, gatilho do resumo ligado e desligado; carga {DashboardCommand.LoadAverage()}");
            var withSummary = new Timings("Registro de execução, com o resumo (gatilho)");
            var withoutSummary = new Timings("Registro de execução, sem o resumo (piso)");
            var next = 0;
            var rounds = (options.Warmup + options.Requests + Block - 1) / Block;
            for (var round = 0; round < rounds * 2; round++)
            {
                var summary = round % 2 == 0;
                await SetTriggerAsync(summary);
                for (var i = 0; i < Block; i++)
                {
                    var elapsed = await SaveAsync(host, actionIds[next++ % actionIds.Count], today, next);
                    if (round / 2 * Block + i >= options.Warmup)
                    {
                        (summary ? withSummary : withoutSummary).Add(elapsed);
                    }
                }
            }
            await SetTriggerAsync(true);
            Done(phase, $"com: mediana {withSummary.Median:0.00} ms; sem: mediana {withoutSummary.Median:0.00} ms");

            var refill = Phase("Recalculando os resumos a partir das ações");
            await ExecuteAsync("""TRUNCATE "PlanSummaries", "PlanMonthConclusions"; SELECT sispmpi_fill_plan_summaries(0, @today)""", today);
            Done(refill, "");

            Console.WriteLine();
            foreach (var t in new[] { withSummary, withoutSummary })
            {
                Console.WriteLine(string.Create(_culture,
                    $"{t.Name,-48} {t.Count,5} mediana {t.Median,7:0.00} ms  p95 {t.P95,7:0.00} ms  média {t.Mean,7:0.00} ms"));
            }
            var ratio = withSummary.Median / withoutSummary.Median;
            Say($"Valor: {ratio:0.000} vezes o piso nas medianas ({withSummary.P95 / withoutSummary.P95:0.000} nos p95) — meta até {TargetRatio:0.00}: {(ratio <= TargetRatio ? "atingida" : "NÃO atingida")}.");
            Say($"Concluído em {_total.Elapsed.TotalSeconds:0.0} s.");
            return ratio <= TargetRatio ? 0 : 3;
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

    /// <summary>
    /// One execution record as the form saves it: the action loaded, its dates and notes set, the status derived, one
    /// SaveChangesAsync (the history interceptor writes its entry). Alternately started and concluded, so the status moves.
    /// </summary>
    private static async Task<TimeSpan> SaveAsync(BenchHost host, int actionId, DateOnly today, int n)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem("Benchmark");
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var watch = Stopwatch.StartNew();
        var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
        action.StartedOn ??= today.AddDays(-30);
        action.ConcludedOn = action.ConcludedOn is null ? today : null;
        action.ExecutionNotes = string.Create(CultureInfo.InvariantCulture, $"Registro {n} do benchmark");
        action.LastUpdateAt = DateTimeOffset.UtcNow;
        action.RefreshStatus();
        await db.SaveChangesAsync();
        return watch.Elapsed;
    }

    // Migration 0024 split the summary trigger of PlanActions by kind of change (insert or delete, move, update).
    private static readonly string[] _summaryTriggers = ["TR_PlanActions_Summary", "TR_PlanActions_Summary_Move", "TR_PlanActions_Summary_Update"];

    private Task SetTriggerAsync(bool on) =>
        ExecuteAsync(string.Concat(_summaryTriggers.Select(t => $"""ALTER TABLE "PlanActions" {(on ? "ENABLE" : "DISABLE")} TRIGGER "{t}"; """)), null);

    private async Task ExecuteAsync(string sql, DateOnly? today)
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        if (today is { } day)
        {
            command.Parameters.AddWithValue("today", day);
        }
        await command.ExecuteNonQueryAsync();
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
