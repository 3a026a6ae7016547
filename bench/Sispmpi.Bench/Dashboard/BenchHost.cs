using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Bench.Dashboard;

/// <summary>
/// The real application, set up as <c>src/Sispmpi.Web/Program.cs</c> does (<c>AddSispmpi</c>,
/// <c>PrepareDatabaseAsync</c>, <c>UseSispmpi</c>), in the Production environment, on Kestrel at 127.0.0.1 on a free
/// port, against the benchmark's PostgreSQL database. One middleware is put in front of the pipeline to record how
/// long the server spent on each request. Keys, files and mail go to a scratch folder, not to <c>src/</c>.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchHost> StartAsync(string connection, string contentRoot, string scratch,
        ConcurrentQueue<(string Path, TimeSpan Elapsed)> serverTimes)
    {
        var port = DashboardCommand.FreeLoopbackPort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            // The web project's assembly, so that its Razor pages and views are its application parts.
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:Default"] = connection,
            ["Demo:Seed"] = "false",
            ["Urls"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["DataProtection:KeysDirectory"] = Path.Combine(scratch, "keys"),
            ["Files:Root"] = Path.Combine(scratch, "files"),
            ["Mail:PickupDirectory"] = Path.Combine(scratch, "mail"),
            // Only the page under measurement runs: no daily job catching up on the generated network at start-up, no outbox.
            ["Jobs:Enabled"] = "false",
            ["Mail:SenderEnabled"] = "false",
            // Warnings and errors only: the console is the benchmark's report.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Logging:Console:FormatterName"] = "simple",
        });
        builder.AddSispmpi();
        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                serverTimes.Enqueue((context.Request.Path.Value ?? "", Stopwatch.GetElapsedTime(start)));
            }
        });
        app.UseSispmpi();
        await app.StartAsync();
        return new BenchHost(app, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
