using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Sispmpi.Web.Infrastructure.Web;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Operations;

/// <summary>
/// The standard ways to say where the site listens (ASPNETCORE_URLS, --urls, ASPNETCORE_HTTP_PORTS, Kestrel
/// endpoints) are obeyed; http://localhost:5000 applies only when none is given.
/// </summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_real_app_started_with_ASPNETCORE_URLS_listens_there()
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("sispmpi-hosting-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sispmpi.Web.dll"));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_CONTENTROOT"] = RepositoryPaths.WebProject,
            ["Database__Provider"] = "sqlite",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "app.db")}",
            ["Demo__Seed"] = "false",
            ["DataProtection__KeysDirectory"] = Path.Combine(folder, "keys"),
            ["Files__Root"] = Path.Combine(folder, "files"),
            ["Mail__PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Mail__SenderEnabled"] = "false",
            ["Jobs__Enabled"] = "false",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            HttpStatusCode? status = null;
            while (status != HttpStatusCode.OK && deadline.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
            {
                try
                {
                    using var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
                    status = response.StatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or still starting on a busy machine: the first answer may take a while.
                    await Task.Delay(250);
                }
            }
            string log;
            lock (output)
            {
                log = output.ToString();
            }
            status.ShouldBe(HttpStatusCode.OK, $"the app should answer /health on port {port}; its output:\n{log}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:8081")]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:8080")]
    public void Any_standard_address_setting_replaces_the_embedded_default(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        HostSetup.NamesAnAddress(configuration).ShouldBeTrue();
    }

    [Fact]
    public void Without_any_address_setting_the_embedded_default_applies_and_appsettings_pins_none()
    {
        var configuration = new ConfigurationBuilder().SetBasePath(RepositoryPaths.WebProject).AddJsonFile("appsettings.json").Build();
        HostSetup.NamesAnAddress(configuration).ShouldBeFalse();
        HostSetup.DefaultAddress.ShouldBe("http://localhost:5000");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
