using System.Diagnostics;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// Start-up phases with their wall-clock time, for bench/startup.sh (issue 17): when SISPMPI_STARTUP_TRACE names a
/// file, each phase appends "name unix-milliseconds" to it; otherwise nothing is measured or written.
/// </summary>
public static class StartupTrace
{
    private static readonly string? _file = Environment.GetEnvironmentVariable("SISPMPI_STARTUP_TRACE");
    private static int _firstRequestSeen;

    public static bool Enabled => !string.IsNullOrEmpty(_file);

    public static void Mark(string phase)
    {
        if (Enabled)
        {
            Write(phase, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>The process's start, before the runtime loaded anything of the app.</summary>
    public static void MarkProcessStart()
    {
        if (Enabled)
        {
            Write("process", new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()));
        }
    }

    /// <summary>Marks when the first request came in and when its answer was sent.</summary>
    public static void UseFirstRequestTrace(this IApplicationBuilder app)
    {
        if (!Enabled)
        {
            return;
        }
        app.Use(async (context, next) =>
        {
            var first = Interlocked.Exchange(ref _firstRequestSeen, 1) == 0;
            if (first)
            {
                Mark("first-request-in");
            }
            await next();
            if (first)
            {
                Mark("first-request-out");
            }
        });
    }

    private static void Write(string phase, DateTimeOffset at)
    {
        lock (_file!)
        {
            File.AppendAllText(_file, $"{phase} {at.ToUnixTimeMilliseconds()}\n");
        }
    }
}
