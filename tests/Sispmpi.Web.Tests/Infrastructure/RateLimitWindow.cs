namespace Sispmpi.Web.Tests.Infrastructure;

/// <summary>
/// The rate limits count in fixed windows aligned to the clock's minutes (shared by every instance through the
/// database): a test that fills a limit first waits, if needed, so that it does not straddle two windows.
/// </summary>
public static class RateLimitWindow
{
    public static async Task WaitForRoomAsync(TimeSpan needed)
    {
        var intoMinute = TimeSpan.FromSeconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 60_000 / 1000.0);
        if (intoMinute + needed >= TimeSpan.FromMinutes(1))
        {
            await Task.Delay(TimeSpan.FromMinutes(1) - intoMinute + TimeSpan.FromMilliseconds(200));
        }
    }
}
