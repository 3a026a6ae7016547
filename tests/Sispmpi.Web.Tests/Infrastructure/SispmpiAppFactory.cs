using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Tests.Infrastructure;

/// <summary>
/// The real application — Program's own start-up, so migrations and the demo seed run as in production — on a
/// fresh <see cref="TestDatabase"/>, with mail and data-protection keys in a temporary folder.
/// </summary>
/// <remarks>
/// Settings go through <c>UseSetting</c>: for a minimal-hosting app the factory hands them to Program as
/// command-line arguments, so they are visible while <c>AddSispmpi</c> reads the configuration, before
/// <c>Build()</c> (configuration added with <c>ConfigureAppConfiguration</c> would arrive too late).
/// </remarks>
public class SispmpiAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    public const string LoginPath = "/conta/entrar";

    /// <summary>The password of every demo account.</summary>
    public static readonly string DemoPassword = new DemoOptions().Password;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sispmpi-tests", "app-" + Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;
    private bool _disposed;

    /// <summary>The database provider; by default the one <c>SISPMPI_TEST_PROVIDER</c> names.</summary>
    public DatabaseProvider? Provider { get; init; }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Call InitializeAsync first.");

    /// <summary>Whether Program seeds the demo network at start-up.</summary>
    protected virtual bool SeedDemo => true;

    /// <summary>Extra settings, applied after the defaults (e.g. SMTP delivery, scheduled jobs).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Another started app whose database this one uses (a second instance); it stays the other's to drop.</summary>
    public SispmpiAppFactory? ShareDatabaseWith { get; init; }

    public async Task InitializeAsync()
    {
        _database = ShareDatabaseWith is { } other ? other.Database : await TestDatabase.CreateAsync(Provider);
        Directory.CreateDirectory(_folder);
        // Starts the host now, so a start-up failure names this fixture rather than the first test.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The web project folder, with its wwwroot: the factory's own guess starts from the solution folder.
        builder.UseContentRoot(RepositoryPaths.WebProject);
        builder.UseSetting("Database:Provider", Database.ProviderSetting);
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("Mail:PollSeconds", "0.2");
        // Scheduled jobs would add reminders to the demo data behind the tests' backs; their tests start them on purpose.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_folder, "keys"));
        builder.UseSetting("Files:Root", FilesFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        // Keys are kept unencrypted in the temporary folder on purpose: no need to hear it at every start.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The folder of the file store (signed documents, evidence).</summary>
    public string FilesFolder => Path.Combine(_folder, "files");

    /// <summary>The folder where the file mail sender writes its messages.</summary>
    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>A browser-like client: cookies kept, redirects returned to the test rather than followed.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login page, as a person would, and returns the signed-in client.</summary>
    public async Task<HttpClient> LoginAsync(string email, string? password = null)
    {
        var client = CreateAnonymousClient();
        var response = await PostFormAsync(client, LoginPath, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password ?? DemoPassword,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new ShouldAssertException(
                $"Signing in as {email} should redirect (302) but answered {(int)response.StatusCode}:\n{Excerpt(body)}");
        }
        var location = response.Headers.Location?.OriginalString ?? "";
        location.ShouldNotStartWith(LoginPath, Case.Insensitive, $"signing in as {email} sent back to the login page");
        return client;
    }

    /// <summary>GETs <paramref name="url"/>, checks the status code and parses the HTML.</summary>
    public static async Task<IDocument> GetDocumentAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new ShouldAssertException($"GET {url} should answer {(int)expected} but answered {(int)response.StatusCode}:\n{Excerpt(html)}");
        }
        return await ParseAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html) => await new HtmlParser().ParseDocumentAsync(html);

    /// <summary>
    /// Posts a form the way a browser does: GETs the page showing it (<paramref name="formPage"/>, by default
    /// <paramref name="url"/> itself) to pick up the antiforgery token, then POSTs the fields with it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDictionary<string, string> fields,
        string? formPage = null)
    {
        var page = await GetDocumentAsync(client, formPage ?? url);
        var token = TokenOfFormPosting(page, formPage ?? url, url);
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>(AntiforgeryField, token)));
        return await client.PostAsync(url, content);
    }

    /// <summary>
    /// The antiforgery token a browser would send to <paramref name="url"/>: the one inside the POST form whose target
    /// (a button's <c>formaction</c>, else the form's <c>action</c>, else the page itself) is that address. A form that
    /// posts there without a token fails the test, as it would fail in the browser. Only when no form of the page posts to
    /// <paramref name="url"/> (a test borrowing a token to post where the user is offered no form) is the page's first
    /// token taken.
    /// </summary>
    public static string TokenOfFormPosting(IDocument page, string pageUrl, string url)
    {
        static string Normalize(string address)
        {
            var cut = address.IndexOf('#', StringComparison.Ordinal);
            return (cut < 0 ? address : address[..cut]).Trim();
        }
        var target = Normalize(url);
        foreach (var form in page.QuerySelectorAll("form"))
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var action = form.GetAttribute("action");
            var targets = form.QuerySelectorAll("button[formaction], input[formaction]").Select(b => b.GetAttribute("formaction")!)
                .Append(string.IsNullOrEmpty(action) ? pageUrl : action);
            if (targets.Any(t => string.Equals(Normalize(t), target, StringComparison.OrdinalIgnoreCase)))
            {
                return form.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value")
                    ?? throw new ShouldAssertException($"The form of {pageUrl} that posts to {url} has no {AntiforgeryField} field: a browser's post would be refused.");
            }
        }
        return page.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value")
            ?? throw new ShouldAssertException($"{pageUrl} has no {AntiforgeryField} field to post {url} with.");
    }

    /// <summary>
    /// Posts a multipart form (<c>enctype="multipart/form-data"</c>) the way a browser does, like
    /// <see cref="PostFormAsync"/>: the antiforgery token comes from <paramref name="formPage"/> (by default
    /// <paramref name="url"/>), then the fields and one file part go. The file part's name is sent exactly as given,
    /// only quoted, so a name such as <c>../x.pdf</c> reaches the server verbatim.
    /// </summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, IDictionary<string, string> fields,
        string fileField, string fileName, byte[] fileContent, string fileContentType = "application/octet-stream", string? formPage = null)
    {
        var page = await GetDocumentAsync(client, formPage ?? url);
        var token = TokenOfFormPosting(page, formPage ?? url, url);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        content.Add(new StringContent(token), AntiforgeryField);
        var file = new ByteArrayContent(fileContent);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileContentType);
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{fileField}\"",
            FileName = $"\"{fileName}\"",
        };
        content.Add(file);
        return await client.PostAsync(url, content);
    }

    /// <summary>Runs <paramref name="action"/> in a scope of the application, as the system (no tenant filter).</summary>
    public async Task<T> WithDbAsync<T>(Func<SispmpiDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        return await action(scope.ServiceProvider.GetRequiredService<SispmpiDbContext>());
    }

    public Task WithDbAsync(Func<SispmpiDbContext, Task> action) =>
        WithDbAsync(async db =>
        {
            await action(db);
            return true;
        });

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        // The application stops before its database is dropped.
        await base.DisposeAsync();
        if (_database is not null && ShareDatabaseWith is null)
        {
            await _database.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static string Excerpt(string body) => body.Length <= 2_000 ? body : body[..2_000] + " …";
}

/// <summary>One started application shared by the read-mostly test classes of the collection "app".</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<SispmpiAppFactory>
{
    public const string Name = "app";
}
