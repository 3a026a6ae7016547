using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Notifications;

/// <summary>A message as the SMTP server received it: envelope recipients, decoded subject and parts.</summary>
public sealed record ReceivedMail(
    [property: JsonPropertyName("rcpt_tos")] string[] Recipients,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("outbox_id")] string? OutboxId,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html);

/// <summary>
/// A real SMTP server process on 127.0.0.1 (smtp_sink.py on Debian's python3-aiosmtpd, which scripts/test.sh
/// installs), started and stopped by the test; what it receives is read back from its folder.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    public int Port { get; } = FreePort();
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sispmpi-tests", "smtp-" + Guid.NewGuid().ToString("N"));

    /// <summary>Settings that make an app deliver to this server.</summary>
    public Dictionary<string, string> AppSettings() => new()
    {
        ["Mail:Delivery"] = "smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "none",
        ["Mail:Smtp:TimeoutSeconds"] = "5",
    };

    public async Task StartAsync()
    {
        File.Exists(Python).ShouldBeTrue($"{Python} is missing: install python3 and python3-aiosmtpd (scripts/test.sh does)");
        var script = Path.Combine(RepositoryPaths.Root, "tests", "Sispmpi.Web.Tests", "Notifications", "smtp_sink.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(Folder);
        _process = Process.Start(start)!;
        var ready = _process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20))) != ready || await ready != "ready")
        {
            var error = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "no answer in 20 s";
            throw new InvalidOperationException($"The SMTP server did not start ({error}); is python3-aiosmtpd installed?");
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public IReadOnlyList<ReceivedMail> Received() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<ReceivedMail>(File.ReadAllText(f))!).ToList()
            : [];

    /// <summary>Waits until <paramref name="done"/> holds for what was received, or fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<IReadOnlyList<ReceivedMail>, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var received = Received();
            if (done(received))
            {
                return received;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"The SMTP server received {received.Count} messages in {seconds} s, not what the test waited for: "
                    + string.Join(" | ", received.Select(m => $"{string.Join(",", m.Recipients)}: {m.Subject}")));
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
