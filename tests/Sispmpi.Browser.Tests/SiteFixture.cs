using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using Sispmpi.Web.Data;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// One real SisPMPI (the built <c>Sispmpi.Web.dll</c> as a child process on Kestrel, with a fresh SQLite database
/// seeded with the demo network) and one headless system Chromium, shared by every test of <see cref="SiteCollection"/>.
/// Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan _startupTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _appOutput = new();
    private readonly ConcurrentDictionary<string, Task<string>> _storageStates = new();
    private Process? _app;
    private IPlaywright? _playwright;
    private string _tempDirectory = "";

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string AxeScriptPath => Path.Combine(AppContext.BaseDirectory, "assets", "axe.min.js");

    /// <summary>The app's Mail:PickupDirectory: the outbox sender writes each e-mail there as an .eml file.</summary>
    public string MailFolder => Path.Combine(_tempDirectory, "mail");

    /// <summary>The build configuration of this test assembly (Debug, Release): the app is run from the same one.</summary>
    public static string Configuration =>
        typeof(SiteFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium não encontrado em {ChromiumPath}: os testes de navegador usam o Chromium do sistema " +
                "(o download de navegadores do Playwright não é usado). Instale-o com `apt-get install chromium`.");
        }
        if (!File.Exists(AxeScriptPath))
        {
            throw new InvalidOperationException($"axe-core não encontrado em {AxeScriptPath} (assets/axe.min.js do projeto de testes).");
        }
        // Start the app and the browser at the same time: both take a moment.
        var app = StartAppAsync();
        var browser = StartBrowserAsync();
        await Task.WhenAll(app, browser);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            try
            {
                if (!_app.HasExited)
                {
                    _app.Kill(entireProcessTree: true);
                    await _app.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                // Already gone, or will be reaped with the test host.
            }
            _app.Dispose();
        }
        try
        {
            if (Directory.Exists(_tempDirectory))
            {
                Directory.Delete(_tempDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open by the dying process: the OS cleans the temp folder eventually.
        }
    }

    /// <summary>The test OpenID Connect provider (tests/oidc) that stands in for gov.br, when one runs.</summary>
    public static string? GovBrAddress => Environment.GetEnvironmentVariable("SISPMPI_TEST_OIDC") is { Length: > 0 } value ? value.TrimEnd('/') : null;

    /// <summary>The app's SQLite database, for tests that check what was (not) stored.</summary>
    public string DatabasePath => Path.Combine(_tempDirectory, "db.sqlite");

    public string AppOutputTail(int lines = 40) => string.Join(Environment.NewLine, _appOutput.TakeLast(lines));

    /// <summary>A fresh context (no cookies) with the app as base URL.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool bypassCsp = false, string? storageState = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "pt-BR",
            TimezoneId = "America/Sao_Paulo",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            // Only for axe: Playwright injects the script inline, which the app's Content-Security-Policy forbids.
            BypassCSP = bypassCsp,
            StorageState = storageState,
            JavaScriptEnabled = javaScript,
        });
        // Every page answers in well under a second: fail fast rather than after Playwright's 30 s default.
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return context;
    }

    /// <summary>
    /// The form control labelled <paramref name="label"/>. The gov-field labels of required fields end with an
    /// aria-hidden "*" that Playwright counts as label text, so the asterisk is optional here.
    /// </summary>
    public static ILocator Field(IPage page, string label) =>
        page.GetByLabel(new Regex($@"^\s*{Regex.Escape(label)}\s*\*?\s*$"));

    /// <summary>Signs in through the login form, as a user would, and waits for the home page.</summary>
    public static async Task SignInAsync(IPage page, string email, string? password = null)
    {
        await page.GotoAsync("/conta/entrar");
        await Field(page, "E-mail").FillAsync(email);
        await Field(page, "Senha").FillAsync(password ?? new DemoOptions().Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^[^?#]*://[^/]+/$"));
    }

    /// <summary>
    /// A signed-in context for <paramref name="email"/>. The form login happens once per account; later contexts
    /// reuse its cookies (the tests about the login itself sign in through the form every time).
    /// </summary>
    public async Task<IBrowserContext> SignedInContextAsync(string email, bool bypassCsp = false)
    {
        var state = await _storageStates.GetOrAdd(email, async e =>
        {
            await using var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            await SignInAsync(page, e);
            return await context.StorageStateAsync();
        });
        return await NewContextAsync(bypassCsp, state);
    }

    private async Task StartBrowserAsync()
    {
        try
        {
            _playwright = await Playwright.CreateAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"Playwright não iniciou: o driver Node deve estar em {Path.Combine(AppContext.BaseDirectory, ".playwright")} " +
                "(copiado pelo pacote Microsoft.Playwright no build).", ex);
        }
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    private async Task StartAppAsync()
    {
        var contentRoot = Path.Combine(RepositoryRoot, "src", "Sispmpi.Web");
        var dll = Path.Combine(contentRoot, "bin", Configuration, "net10.0", "Sispmpi.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"{dll} não existe: compile a solução na configuração {Configuration} antes (dotnet build -c {Configuration}).");
        }
        _tempDirectory = Directory.CreateTempSubdirectory("sispmpi-browser-").FullName;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["Urls"] = BaseUrl;
        environment["ASPNETCORE_URLS"] = BaseUrl;
        environment["Database__Provider"] = "sqlite";
        environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_tempDirectory, "db.sqlite")}";
        environment["Demo__Seed"] = "true";
        environment["Mail__PickupDirectory"] = MailFolder;
        environment["Mail__PublicBaseUrl"] = BaseUrl;
        environment["DataProtection__KeysDirectory"] = Path.Combine(_tempDirectory, "keys");
        environment["Files__Root"] = Path.Combine(_tempDirectory, "files");
        // gov.br sign-in against the test OpenID Connect provider, when scripts/test.sh started one (GovBrJourneyTests).
        if (GovBrAddress is { } govBr)
        {
            environment["GovBr__Enabled"] = "true";
            environment["GovBr__Authority"] = govBr;
            environment["GovBr__ClientId"] = "sispmpi-test";
            environment["GovBr__ClientSecret"] = "sispmpi-test-secret-0123456789abcdef";
            environment["GovBr__RequireHttpsMetadata"] = "false";
        }
        // Plain console lines, easier to read in a failure message than the JSON formatter.
        environment["Logging__Console__FormatterName"] = "simple";

        _app = new Process { StartInfo = start, EnableRaisingEvents = true };
        _app.OutputDataReceived += (_, e) => Record(e.Data);
        _app.ErrorDataReceived += (_, e) => Record(e.Data);
        _app.Start();
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_app.HasExited)
            {
                throw new InvalidOperationException(
                    $"O SisPMPI encerrou na partida (código {_app.ExitCode}). Saída:{Environment.NewLine}{AppOutputTail()}");
            }
            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (deadline.Elapsed > _startupTimeout)
            {
                throw new TimeoutException(
                    $"{BaseUrl}/health não respondeu 200 em {_startupTimeout.TotalSeconds:0} s. Saída:{Environment.NewLine}{AppOutputTail()}");
            }
            await Task.Delay(200);
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        _appOutput.Enqueue(line);
        while (_appOutput.Count > 500 && _appOutput.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sispmpi.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Sispmpi.slnx não encontrado acima de {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site";
}
