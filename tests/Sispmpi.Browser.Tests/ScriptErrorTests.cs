using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// With the app's real Content-Security-Policy in force (the accessibility tests have to bypass it to inject
/// axe), no page of the shell may log a script error: a blocked inline script or style, an exception in the
/// gov.br DS or in site.js, or a missing asset.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ScriptErrorTests(SiteFixture site)
{
    public static TheoryData<string?> Accounts => new(
        AccessibilityTests.Pages.Select(row => (string?)row[0]).Distinct());

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task No_shell_page_logs_a_script_error(string? account)
    {
        await using var context = account is null ? await site.NewContextAsync() : await site.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var current = "";
        page.Console += (_, message) =>
        {
            // The 404 and 403 pages are themselves error responses, which Chromium reports as a failed load.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of 40", StringComparison.Ordinal))
            {
                problems.Add($"{current}: console.error: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"{current}: exceção: {error}");
        page.RequestFailed += (_, request) => problems.Add($"{current}: falha ao carregar {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                problems.Add($"{current}: {response.Status} em {response.Url}");
            }
        };

        foreach (var row in AccessibilityTests.Pages.Where(row => (string?)row[0] == account))
        {
            current = (string)row[1];
            if (current.StartsWith('{'))
            {
                continue; // The plan page is found by following links; the accessibility test covers it.
            }
            var response = await page.GotoAsync(current, new() { WaitUntil = WaitUntilState.Load });
            response!.Status.ShouldBe((int)row[2], current);
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        }

        problems.ShouldBeEmpty();
    }
}
