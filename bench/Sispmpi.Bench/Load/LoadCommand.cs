using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Sispmpi.Bench.Load;

/// <summary>
/// <c>load</c>: the production topology (scripts/cluster.sh) under a mixed load through haproxy while parts of it
/// fail — an instance killed, the database restarted, a rolling restart — then every acknowledged write looked up
/// by id, the e-mail outbox checked for messages sent twice or lost, and <c>verify-audit</c> run.
/// </summary>
public sealed partial class LoadCommand(LoadOptions options)
{
    private static readonly CultureInfo Br = CultureInfo.GetCultureInfo("pt-BR");
    private readonly List<(string Criterion, bool Passed, string Detail)> _verdicts = [];
    private readonly List<long> _acknowledged = [];
    private readonly ConcurrentDictionary<int, long> _peakMemory = new();
    private readonly List<string> _summary = [];

    public async Task<int> RunAsync()
    {
        var root = FindRepositoryRoot();
        Console.WriteLine($"Carga no cluster: {options.Instances} instâncias, {options.Connections} clientes simultâneos; fases {string.Join(", ", options.Phases)}");
        Console.WriteLine($"Carga da máquina antes: {LoadAverage()} ({Environment.ProcessorCount} núcleos)");
        await using var cluster = new LoadCluster(options, root, new Dictionary<string, string>
        {
            // The integration writes many times a minute; the limit is per token, not what is measured here.
            ["Api__RequestsPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        var startup = Stopwatch.StartNew();
        await cluster.StartAsync();
        Console.WriteLine($"Cluster de pé em {startup.Elapsed.TotalSeconds:0} s: {cluster.Address}");
        await using var database = NpgsqlDataSource.Create(cluster.DatabaseConnection);
        var traffic = new LoadTraffic(cluster.Address);
        await traffic.PrepareAsync(database, Enumerable.Range(1, options.Instances)
            .Select(i => new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{cluster.InstancePort(i)}"))));
        Console.WriteLine($"Usuários conectados e páginas aquecidas em {startup.Elapsed.TotalSeconds:0} s");

        using var stopSampling = new CancellationTokenSource();
        var memory = SampleMemoryAsync(cluster, stopSampling.Token);
        var outbox = new OutboxFeeder(database);

        if (options.Phases.Contains("scale"))
        {
            await ScaleAsync(cluster, traffic);
        }
        outbox.Start();
        if (options.Phases.Contains("kill"))
        {
            await KillAsync(cluster, traffic);
        }
        if (options.Phases.Contains("db"))
        {
            await DatabaseRestartAsync(cluster, traffic);
        }
        if (options.Phases.Contains("rolling"))
        {
            await RollingAsync(cluster, traffic);
        }
        await outbox.StopAsync();
        await stopSampling.CancelAsync();
        await memory;

        await CheckWritesAsync(database);
        await CheckOutboxAsync(database, cluster, outbox);
        await VerifyAuditAsync(cluster);

        Console.WriteLine();
        Console.WriteLine($"Carga da máquina depois: {LoadAverage()}");
        Console.WriteLine("Pico de memória (RSS) por instância: " + string.Join(", ",
            _peakMemory.OrderBy(p => p.Key).Select(p => $"app{p.Key} {p.Value / 1024.0:0} MiB")));
        Console.WriteLine();
        Console.WriteLine("Resumo:");
        _summary.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("Critérios:");
        foreach (var (criterion, passed, detail) in _verdicts)
        {
            Console.WriteLine($"  [{(passed ? "ok" : "FALHOU")}] {criterion}: {detail}");
        }
        return _verdicts.All(v => v.Passed) ? 0 : 3;
    }

    private void Verdict(string criterion, bool passed, string detail) => _verdicts.Add((criterion, passed, detail));

    private async Task<(List<Sample> Samples, double Seconds)> LoadAsync(LoadTraffic traffic, TimeSpan? duration, Func<Stopwatch, Task> events)
    {
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = traffic.RunAsync(options.Connections, clock, stop.Token);
        await events(clock);
        if (duration is { } d && clock.Elapsed < d)
        {
            await Task.Delay(d - clock.Elapsed);
        }
        await stop.CancelAsync();
        var samples = await load;
        var seconds = clock.Elapsed.TotalSeconds;
        lock (_acknowledged)
        {
            _acknowledged.AddRange(samples.Where(s => s.WriteId is not null).Select(s => s.WriteId!.Value));
        }
        return (samples, seconds);
    }

    private static async Task At(Stopwatch clock, double seconds)
    {
        var wait = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    private async Task ScaleAsync(LoadCluster cluster, LoadTraffic traffic)
    {
        var seconds = TimeSpan.FromSeconds(options.ScaleSeconds);
        for (var i = 2; i <= options.Instances; i++)
        {
            await cluster.SetServerStateAsync(i, ready: false);
        }
        var (one, oneSeconds) = await LoadAsync(traffic, seconds, _ => Task.CompletedTask);
        Report("1 instância", one, oneSeconds);
        for (var i = 2; i <= options.Instances; i++)
        {
            await cluster.SetServerStateAsync(i, ready: true);
        }
        await Task.Delay(1000);
        var (all, allSeconds) = await LoadAsync(traffic, seconds, _ => Task.CompletedTask);
        Report($"{options.Instances} instâncias", all, allSeconds);
        var ratio = all.Count(s => !s.Failed) / allSeconds / (one.Count(s => !s.Failed) / oneSeconds);
        _summary.Add($"  Vazão {options.Instances} instâncias / 1 instância: {ratio.ToString("0.00", Br)} (em {Environment.ProcessorCount} núcleos)");
        Verdict("escala: sem falhas", one.Concat(all).All(s => !s.Failed), $"{one.Concat(all).Count(s => s.Failed)} falhas");
    }

    private async Task KillAsync(LoadCluster cluster, LoadTraffic traffic)
    {
        const int victim = 2;
        // The signal lands somewhere between the call and the script's return: a request in flight is one that was
        // still open when the call began and had started before the script returned.
        double killFrom = 0, killTo = 0;
        var (samples, seconds) = await LoadAsync(traffic, TimeSpan.FromSeconds(options.Seconds), async clock =>
        {
            await At(clock, 20);
            killFrom = clock.Elapsed.TotalSeconds;
            await cluster.RunAsync("kill", victim.ToString(CultureInfo.InvariantCulture));
            killTo = clock.Elapsed.TotalSeconds;
        });
        Report($"kill -9 da app{victim} aos 20 s", samples, seconds);
        var failed = samples.Where(s => s.Failed).ToList();
        var servers = ServersOf(cluster, failed.Select(s => s.RequestId));
        // haproxy's stdout log may drop lines under load, and those of the victim's last requests are the likeliest to go;
        // a request haproxy did not log, open across the kill and cut off without any answer (status 0), can only have been
        // on the instance that died: a living one answers, and haproxy answers for itself with a status when it has none.
        bool OnVictim(Sample s) => servers.TryGetValue(s.RequestId, out var server) ? server == $"app{victim}" : s.Status == 0;
        bool InFlight(Sample s) => s.Start <= killTo && s.End >= killFrom && OnVictim(s);
        var inFlight = failed.Count(InFlight);
        var rate = samples.Count == 0 ? 1 : (double)failed.Count / samples.Count;
        _summary.Add($"  kill -9: {failed.Count} de {samples.Count} falharam ({rate.ToString("P2", Br)}), {inFlight} delas em curso na app{victim} quando morreu");
        Verdict("kill -9: menos de 1% de falhas", rate < 0.01, rate.ToString("P2", Br));
        Verdict("kill -9: só falham as requisições em curso na instância morta", inFlight == failed.Count,
            string.Join("; ", failed.Where(s => !InFlight(s)).Take(5).Select(s => $"{s.Kind} {s.Status} {s.Error} em {servers.GetValueOrDefault(s.RequestId, "?")} {s.Start:0.00}–{s.End:0.00} s")));
        await cluster.RunAsync("restart", victim.ToString(CultureInfo.InvariantCulture));
        await Task.Delay(3000);
    }

    private async Task DatabaseRestartAsync(LoadCluster cluster, LoadTraffic traffic)
    {
        var health = new ConcurrentBag<(int Instance, double At, int Status)>();
        double stoppedAt = 0, startedAt = 0;
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var stopProbe = new CancellationTokenSource();
        var (samples, seconds) = await LoadAsync(traffic, TimeSpan.FromSeconds(options.Seconds), async clock =>
        {
            var probing = Task.Run(async () =>
            {
                while (!stopProbe.IsCancellationRequested)
                {
                    await Task.WhenAll(Enumerable.Range(1, options.Instances).Select(async i =>
                    {
                        int status;
                        try
                        {
                            using var r = await probe.GetAsync($"http://127.0.0.1:{cluster.InstancePort(i)}/health");
                            status = (int)r.StatusCode;
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                            status = 0;
                        }
                        health.Add((i, clock.Elapsed.TotalSeconds, status));
                    }));
                    await Task.Delay(250);
                }
            });
            await At(clock, 15);
            await cluster.RunAsync("db-stop");
            stoppedAt = clock.Elapsed.TotalSeconds;
            await At(clock, stoppedAt + 10);
            await cluster.RunAsync("db-start");
            startedAt = clock.Elapsed.TotalSeconds;
            await At(clock, options.Seconds);
            await stopProbe.CancelAsync();
            await probing;
        });
        Report("PostgreSQL parado 10 s", samples, seconds);
        var errors500 = samples.Count(s => s.Status >= 500 && s.Status != 503 && s.Status != 502);
        var served500 = samples.Count(s => s.Status == 500);
        Verdict("banco reiniciado: nenhuma página 500", served500 == 0 && errors500 == 0,
            $"{served500} respostas 500, {samples.Count(s => s.Status == 503)} 503, {samples.Count(s => s.Status == 502)} 502, {samples.Count(s => s.Status == 0)} sem resposta");
        var backs = new List<double>();
        for (var i = 1; i <= options.Instances; i++)
        {
            var mine = health.Where(h => h.Instance == i).OrderBy(h => h.At).ToList();
            var down = mine.Any(h => h.At > stoppedAt && h.At < startedAt && h.Status == 503);
            var firstBack = mine.FirstOrDefault(h => h.At > startedAt && h.Status == 200);
            var back = firstBack == default ? double.PositiveInfinity : firstBack.At - startedAt;
            backs.Add(back);
            Verdict($"banco reiniciado: /health da app{i} 503 e depois 200", down && back < 5, $"503 durante a parada: {(down ? "sim" : "não")}, 200 {back.ToString("0.0", Br)} s depois de o banco voltar");
        }
        var firstServed = samples.Where(s => s.Start >= startedAt && !s.Failed).Select(s => s.End - startedAt).DefaultIfEmpty(double.PositiveInfinity).Min();
        var lastFailure = samples.Where(s => s.Failed && s.Start >= startedAt).Select(s => s.End - startedAt).DefaultIfEmpty(0).Max();
        _summary.Add($"  Banco parado de {stoppedAt:0.0} a {startedAt:0.0} s: /health das instâncias 200 de novo em {string.Join(", ", backs.Select(b => b.ToString("0.0", Br)))} s;"
            + $" primeira resposta boa pelo haproxy {firstServed.ToString("0.0", Br)} s depois do banco, última falha {lastFailure.ToString("0.0", Br)} s depois");
        Verdict("banco reiniciado: serviço de volta em até 5 s", firstServed < 5 && lastFailure < 5,
            $"primeira resposta {firstServed.ToString("0.0", Br)} s, última falha {lastFailure.ToString("0.0", Br)} s depois de o banco voltar");
    }

    private async Task RollingAsync(LoadCluster cluster, LoadTraffic traffic)
    {
        double began = 0, ended = 0;
        var (samples, seconds) = await LoadAsync(traffic, TimeSpan.FromSeconds(options.Seconds), async clock =>
        {
            await At(clock, 5);
            began = clock.Elapsed.TotalSeconds;
            await cluster.RunAsync("rolling");
            ended = clock.Elapsed.TotalSeconds;
            await At(clock, ended + 5);
        });
        Report($"reinício gradual ({began:0}–{ended:0} s)", samples, seconds);
        var failed = samples.Where(s => s.Failed).ToList();
        Verdict("reinício gradual: nenhuma requisição falha", failed.Count == 0,
            $"{failed.Count} de {samples.Count}" + (failed.Count == 0 ? "" : ": " + string.Join("; ", failed.Take(5).Select(s => $"{s.Kind} {s.Status} {s.Error} {s.Start:0.00} s"))));
    }

    private async Task CheckWritesAsync(NpgsqlDataSource database)
    {
        var ids = _acknowledged.Distinct().ToArray();
        await using var command = database.CreateCommand("""SELECT count(*) FROM "ActionMeasurements" WHERE "Id" = ANY($1)""");
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var found = (long)(await command.ExecuteScalarAsync())!;
        _summary.Add($"  Escritas confirmadas (201 com id): {ids.Length}; encontradas no banco: {found}");
        Verdict("toda escrita confirmada está no banco", found == ids.Length && ids.Length == _acknowledged.Count, $"{found} de {ids.Length}");
    }

    private async Task CheckOutboxAsync(NpgsqlDataSource database, LoadCluster cluster, OutboxFeeder outbox)
    {
        // The senders poll every 5 s: give the queue time to empty.
        var waited = Stopwatch.StartNew();
        Dictionary<int, long> byStatus;
        do
        {
            await Task.Delay(1000);
            byStatus = await CountByStatusAsync(database);
        }
        while ((byStatus.GetValueOrDefault(1) > 0 || byStatus.GetValueOrDefault(4) > 0) && waited.Elapsed < TimeSpan.FromSeconds(90));
        var files = new Dictionary<long, int>();
        foreach (var file in Directory.GetFiles(cluster.MailFolder, "*.eml"))
        {
            if (OutboxHeader().Match(await File.ReadAllTextAsync(file)) is { Success: true } m)
            {
                var id = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                files[id] = files.GetValueOrDefault(id) + 1;
            }
        }
        var sent = new HashSet<long>();
        await using (var command = database.CreateCommand("""SELECT "Id" FROM "OutboxMessages" WHERE "Event" = 'carga' AND "Status" = 2"""))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sent.Add(reader.GetInt64(0));
            }
        }
        var ours = outbox.Ids.ToHashSet();
        var twice = files.Count(f => ours.Contains(f.Key) && f.Value > 1);
        var sentWithoutFile = sent.Count(id => !files.ContainsKey(id));
        var missing = ours.Count(id => !sent.Contains(id));
        _summary.Add($"  Fila de e-mails: {ours.Count} mensagens postas durante a carga; enviadas {sent.Count}, "
            + $"pendentes {byStatus.GetValueOrDefault(1)}, enviando {byStatus.GetValueOrDefault(4)}, com falha (para o suporte) {byStatus.GetValueOrDefault(3)}; "
            + $"enviadas duas vezes {twice}, marcadas enviadas sem arquivo {sentWithoutFile}");
        Verdict("nenhum e-mail enviado duas vezes", twice == 0, $"{twice}");
        Verdict("nenhum e-mail perdido", missing == 0 && sentWithoutFile == 0,
            $"{missing} não enviadas ({byStatus.GetValueOrDefault(3)} interrompidas pelo kill -9 ficam para o suporte reenviar), {sentWithoutFile} sem arquivo");
    }

    private static async Task<Dictionary<int, long>> CountByStatusAsync(NpgsqlDataSource database)
    {
        var counts = new Dictionary<int, long>();
        await using var command = database.CreateCommand("""SELECT "Status", count(*) FROM "OutboxMessages" WHERE "Event" = 'carga' GROUP BY "Status" """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    private async Task VerifyAuditAsync(LoadCluster cluster)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("source \"$0/env\" && dotnet \"$CLUSTER_APP_DLL\" verify-audit");
        start.ArgumentList.Add(cluster.Directory);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Trim().Split('\n').LastOrDefault()?.Trim() ?? "";
        _summary.Add($"  verify-audit: código {process.ExitCode}: {last}");
        Verdict("verify-audit passa", process.ExitCode == 0, last);
    }

    /// <summary>Which haproxy server handled each request, from haproxy's log (the captured X-Request-Id).</summary>
    private static Dictionary<string, string> ServersOf(LoadCluster cluster, IEnumerable<string> requestIds)
    {
        var wanted = requestIds.ToHashSet();
        var servers = new Dictionary<string, string>();
        if (wanted.Count == 0)
        {
            return servers;
        }
        using var stream = new FileStream(cluster.HaproxyLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (HaproxyLine().Match(line) is { Success: true } m && wanted.Contains(m.Groups[2].Value))
            {
                servers[m.Groups[2].Value] = m.Groups[1].Value;
            }
        }
        return servers;
    }

    private void Report(string phase, List<Sample> samples, double seconds)
    {
        var ok = samples.Count(s => !s.Failed);
        Console.WriteLine();
        Console.WriteLine($"== {phase}: {samples.Count} requisições em {seconds.ToString("0.0", Br)} s, {(ok / seconds).ToString("0.0", Br)} respostas boas/s, "
            + $"{samples.Count - ok} falhas; carga da máquina {LoadAverage()}");
        Console.WriteLine("   tipo             n      falhas  mediana    p95");
        foreach (var kind in LoadTraffic.Kinds)
        {
            var mine = samples.Where(s => s.Kind == kind).ToList();
            var times = mine.Where(s => !s.Failed).Select(s => (s.End - s.Start) * 1000).Order().ToList();
            Console.WriteLine($"   {kind,-15} {mine.Count,6} {mine.Count(s => s.Failed),7} {Percentile(times, 50),7:0} ms {Percentile(times, 95),6:0} ms");
        }
        var all = samples.Where(s => !s.Failed).Select(s => (s.End - s.Start) * 1000).Order().ToList();
        _summary.Add($"  {phase}: {samples.Count} requisições, {(ok / seconds).ToString("0.0", Br)}/s boas, {samples.Count - ok} falhas, "
            + $"mediana {Percentile(all, 50):0} ms, p95 {Percentile(all, 95):0} ms, carga {LoadAverage()}");
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private async Task SampleMemoryAsync(LoadCluster cluster, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            for (var i = 1; i <= options.Instances; i++)
            {
                if (cluster.InstancePid(i) is int pid && File.Exists($"/proc/{pid}/status"))
                {
                    try
                    {
                        var rss = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                        if (rss is not null && long.TryParse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kib))
                        {
                            _peakMemory.AddOrUpdate(i, kib, (_, old) => Math.Max(old, kib));
                        }
                    }
                    catch (IOException)
                    {
                        // The process ended between the two reads.
                    }
                }
            }
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "scripts", "cluster.sh")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("scripts/cluster.sh não encontrado acima da pasta atual.");
    }

    [GeneratedRegex(@"X-SisPMPI-Outbox-Id: (\d+)")]
    private static partial Regex OutboxHeader();

    [GeneratedRegex(@" instances/(app\d+) .*\{([^}|]*)\}")]
    private static partial Regex HaproxyLine();
}

/// <summary>
/// Puts an e-mail in the outbox every 200 ms during the faults, as the application's own writes would, and keeps
/// the ids the database acknowledged; while the database is down the inserts fail and are not counted.
/// </summary>
internal sealed class OutboxFeeder(NpgsqlDataSource database)
{
    private readonly ConcurrentBag<long> _ids = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _feeding = Task.CompletedTask;

    public IReadOnlyCollection<long> Ids => _ids;

    public void Start() => _feeding = Task.Run(async () =>
    {
        var n = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var command = database.CreateCommand("""
                    INSERT INTO "OutboxMessages" ("Event", "To", "Subject", "TextBody", "CreatedAt", "Status", "Attempts")
                    VALUES ('carga', 'carga@bench.gov.br', $1, 'Mensagem da carga.', now(), 1, 0) RETURNING "Id"
                    """);
                command.Parameters.Add(new NpgsqlParameter { Value = $"Carga {++n}" });
                _ids.Add((long)(await command.ExecuteScalarAsync())!);
            }
            catch (NpgsqlException)
            {
                // The database is down: this message was never queued.
            }
            try
            {
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    });

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _feeding;
        _stop.Dispose();
    }
}
