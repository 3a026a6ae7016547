using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Data;

/// <summary>
/// EF Core says at start-up when the model is ambiguous (a required relationship to a filtered entity, a
/// decimal without precision…). Such a warning is a design question left open: the start-up must log none.
/// </summary>
public sealed class StartupWarningTests
{
    [Fact]
    public async Task Starting_the_app_and_serving_pages_logs_no_entity_framework_warning()
    {
        var sink = new WarningSink();
        await using var app = new WarningCapturingApp(sink);
        await app.InitializeAsync();
        // The model is built by the migrations and the demo seed; a signed-in page and the API touch the rest.
        var admin = await app.LoginAsync("admin@demo.gov.br");
        (await admin.GetAsync("/conta")).EnsureSuccessStatusCode();
        (await admin.GetAsync("/painel")).EnsureSuccessStatusCode();

        sink.Warnings.Where(w => w.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .Select(w => $"{w.Category}: {w.Message}")
            .ShouldBeEmpty();
    }

    private sealed class WarningCapturingApp(WarningSink sink) : SispmpiAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(sink));
        }
    }

    private sealed class WarningSink : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Message)> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, WarningSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    sink.Warnings.Enqueue((category, formatter(state, exception)));
                }
            }
        }
    }
}
