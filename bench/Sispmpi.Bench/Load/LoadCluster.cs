using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Sispmpi.Bench.Load;

/// <summary>
/// The cluster of <c>scripts/cluster.sh</c>, started in the background and driven through its subcommands (kill,
/// restart, rolling, db-stop, db-start) and haproxy's admin socket, as an operator would.
/// </summary>
public sealed class LoadCluster : IAsyncDisposable
{
    private readonly LoadOptions _options;
    private readonly string _script;
    private readonly Dictionary<string, string> _environment;
    private Process? _foreground;

    public LoadCluster(LoadOptions options, string repositoryRoot, IReadOnlyDictionary<string, string> settings)
    {
        _options = options;
        _script = Path.Combine(repositoryRoot, "scripts", "cluster.sh");
        _environment = new Dictionary<string, string>(settings)
        {
            ["CLUSTER_DIR"] = options.ClusterDir,
            ["CLUSTER_PORT"] = options.ProxyPort.ToString(CultureInfo.InvariantCulture),
            ["CLUSTER_FIRST_APP_PORT"] = options.FirstAppPort.ToString(CultureInfo.InvariantCulture),
            ["PG_THROWAWAY_PORT"] = options.PostgresPort.ToString(CultureInfo.InvariantCulture),
        };
        // The web project's build next to this one (a referenced executable brings its runtimeconfig): no second build.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "Sispmpi.Web.runtimeconfig.json")))
        {
            _environment["CLUSTER_APP"] = AppContext.BaseDirectory;
        }
    }

    public string Directory => _options.ClusterDir;

    public Uri Address => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_options.ProxyPort}"));

    public string MailFolder => Path.Combine(Directory, "mail");

    public string HaproxyLog => Path.Combine(Directory, "haproxy.log");

    public string DatabaseConnection =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={File.ReadAllText(Path.Combine(Directory, "pg", "port")).Trim()};Username=postgres;Database=postgres;Timeout=3");

    public int InstancePort(int instance) => _options.FirstAppPort + instance - 1;

    public int? InstancePid(int instance)
    {
        var file = Path.Combine(Directory, $"app-{instance}.pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    public async Task StartAsync()
    {
        var log = Directory.TrimEnd('/') + ".log";
        var start = Start(["start", _options.Instances.ToString(CultureInfo.InvariantCulture)]);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        start.FileName = "bash";
        start.ArgumentList.Clear();
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec bash \"$0\" start {_options.Instances} >\"$1\" 2>&1");
        start.ArgumentList.Add(_script);
        start.ArgumentList.Add(log);
        _foreground = Process.Start(start)!;
        var waited = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(Directory, "ready")))
        {
            if (_foreground.HasExited || waited.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new InvalidOperationException($"O cluster não subiu; veja {log}:\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}");
            }
            await Task.Delay(500);
        }
        // haproxy's first health checks (rise 2, inter 1s).
        await Task.Delay(3000);
    }

    /// <summary>Runs <c>scripts/cluster.sh</c> with <paramref name="arguments"/> and returns its output; throws on failure.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(Start(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', arguments)}: {await output}{await error}");
        }
        return (await output).Trim();
    }

    /// <summary>Puts haproxy's server app<paramref name="instance"/> in maintenance (no traffic) or back to ready.</summary>
    public async Task SetServerStateAsync(int instance, bool ready)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(Path.Combine(Directory, "haproxy.sock")));
        await socket.SendAsync(Encoding.ASCII.GetBytes($"set server instances/app{instance} state {(ready ? "ready" : "maint")}\n"));
        var buffer = new byte[1024];
        var read = await socket.ReceiveAsync(buffer);
        var answer = Encoding.ASCII.GetString(buffer, 0, read).Trim();
        if (answer.Length > 0)
        {
            throw new InvalidOperationException($"haproxy: {answer}");
        }
    }

    private ProcessStartInfo Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("stop");
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
        }
        if (_foreground is { HasExited: false })
        {
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _foreground.WaitForExitAsync(stopped.Token);
            }
            catch (OperationCanceledException)
            {
                _foreground.Kill(entireProcessTree: true);
            }
        }
        _foreground?.Dispose();
    }
}
