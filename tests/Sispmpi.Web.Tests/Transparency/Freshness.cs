using System.Diagnostics;

namespace Sispmpi.Web.Tests.Transparency;

/// <summary>
/// Each instance reuses the data version for <c>Transparency:StampSeconds</c> (1 s by default) before asking the
/// database again: after a change, the public area shows it within that time, which these tests wait for.
/// </summary>
internal static class Freshness
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>GETs <paramref name="url"/> until <paramref name="fresh"/> holds for the response, or fails after the deadline.</summary>
    public static async Task<HttpResponseMessage> UntilAsync(Func<Task<HttpResponseMessage>> get, Func<HttpResponseMessage, string, bool> fresh,
        string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await get();
            if (fresh(response, await response.Content.ReadAsStringAsync()))
            {
                return response;
            }
            response.Dispose();
            clock.Elapsed.ShouldBeLessThan(Deadline, $"the public area should show {what} within a few seconds");
            await Task.Delay(200);
        }
    }

    public static Task<HttpResponseMessage> UntilAsync(HttpClient client, string url, string expected) =>
        UntilAsync(() => client.GetAsync(url), (_, body) => body.Contains(expected, StringComparison.Ordinal), $"“{expected}” at {url}");
}
