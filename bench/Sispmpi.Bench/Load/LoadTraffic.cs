using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sispmpi.Bench.Load;

/// <summary>One request of the mix: its kind, when it started and ended (seconds since the phase began), its answer.</summary>
public sealed record Sample(string Kind, string RequestId, double Start, double End, int Status, string? Error, long? WriteId)
{
    public bool Failed => Error is not null || Status is not (200 or 201);
}

/// <summary>
/// The users of the mix, signed in through the proxy as a browser would, and the requests each kind makes:
/// citizens on the transparency portal, the executor on his action's execution page, the monitor on the plan's
/// dashboard, the central administrator on the network panel, and an executor's integration writing goal
/// measurements through the API (each answered 201 with the measurement's id, checked in the database afterwards).
/// </summary>
public sealed partial class LoadTraffic
{
    public const string Password = "Demo@SisPMPI2026";

    // Weights of the mix: mostly reading, a quarter writes.
    private static readonly (string Kind, int Weight)[] Mix =
        [("portal", 35), ("plano-publico", 10), ("execucao", 15), ("monitoramento", 10), ("painel", 5), ("medicao", 25)];

    private readonly Uri _address;
    private readonly HttpClient _anonymous;
    private HttpClient _executor = null!, _monitor = null!, _admin = null!, _api = null!;
    private int _planId, _goalActionId;
    private int[] _executorActions = [];
    private long _sequence;

    public LoadTraffic(Uri address)
    {
        _address = address;
        _anonymous = Client(null);
    }

    private HttpClient Client(CookieContainer? cookies) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(3) }; // the first requests of a cold instance; the load's own is RequestTimeout

    /// <summary>A request of the load without an answer after this long counts as failed.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Signs the users in, makes the executor's API token on his account page, finds the ids the mix uses.</summary>
    public async Task PrepareAsync(Npgsql.NpgsqlDataSource database, IEnumerable<Uri> instances)
    {
        // Each instance compiles its pages on first use: warm them directly, so that the load measures serving.
        foreach (var instance in instances)
        {
            using var warm = new HttpClient { BaseAddress = instance, Timeout = TimeSpan.FromMinutes(3) };
            foreach (var path in new[] { "/conta/entrar", "/transparencia", "/health" })
            {
                using var response = await warm.GetAsync(path);
            }
        }
        _executor = await SignInAsync("executor@demo.gov.br");
        _monitor = await SignInAsync("monitor@demo.gov.br");
        _admin = await SignInAsync("admin@demo.gov.br");

        await using (var command = database.CreateCommand("""
            SELECT p."Id", a."Id" FROM "Plans" p JOIN "PlanActions" a ON a."PlanId" = p."Id"
            WHERE p."Title" = 'Plano de Integridade da SEPLAG' AND a."Title" = 'Capacitar servidores em ética e integridade'
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("O plano de demonstração da SEPLAG não foi encontrado.");
            }
            (_planId, _goalActionId) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        var actions = new List<int>();
        await using (var command = database.CreateCommand("""
            SELECT a."Id" FROM "PlanActions" a JOIN "AspNetUsers" u ON u."Id" = a."ResponsibleUserId"
            WHERE a."PlanId" = $1 AND u."Email" = 'executor@demo.gov.br' ORDER BY a."Id"
            """))
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = _planId });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                actions.Add(reader.GetInt32(0));
            }
        }
        _executorActions = [.. actions];

        // The token, made on the account page as its owner would.
        var page = await _executor.GetStringAsync("/conta");
        var organization = OrganizationOption().Match(page);
        if (!organization.Success)
        {
            throw new InvalidOperationException("A página /conta não oferece a SEPLAG para o token.");
        }
        using var created = await _executor.PostAsync("/conta?handler=Token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token.Name"] = $"Carga {DateTime.UtcNow:HHmmss}", ["Token.OrganizationId"] = organization.Groups[1].Value, ["Token.Access"] = "escrita",
            ["Token.ExpiresOn"] = "", ["__RequestVerificationToken"] = Antiforgery(page),
        }));
        var secret = TokenSecret().Match(await created.Content.ReadAsStringAsync());
        if (!secret.Success)
        {
            throw new InvalidOperationException($"O token não foi criado ({(int)created.StatusCode}).");
        }
        _api = Client(null);
        _api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret.Groups[1].Value.Trim());

        // Every kind answers as it should before the load begins.
        foreach (var (kind, _) in Enumerable.Repeat(Mix, 3).SelectMany(m => m))
        {
            var sample = await SendAsync(kind, Stopwatch.StartNew());
            if (sample.Failed)
            {
                throw new InvalidOperationException($"{kind}: {sample.Status} {sample.Error}");
            }
        }
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = Client(new CookieContainer());
        var form = await client.GetStringAsync("/conta/entrar");
        using var response = await client.PostAsync("/conta/entrar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = Antiforgery(form),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/conta/entrar", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"{email} não entrou ({(int)response.StatusCode}).");
        }
        return client;
    }

    private static string Antiforgery(string html) =>
        AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("Formulário sem token antifalsificação.");

    /// <summary><paramref name="connections"/> clients, each sending the mix one request at a time until <paramref name="stop"/>.</summary>
    public async Task<List<Sample>> RunAsync(int connections, Stopwatch clock, CancellationToken stop)
    {
        var samples = new ConcurrentBag<Sample>();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker * 7919 + 17);
            var total = Mix.Sum(m => m.Weight);
            while (!stop.IsCancellationRequested)
            {
                var pick = random.Next(total);
                var kind = Mix.First(m => (pick -= m.Weight) < 0).Kind;
                samples.Add(await SendAsync(kind, clock));
            }
        })).ToList();
        await Task.WhenAll(workers);
        return [.. samples];
    }

    private async Task<Sample> SendAsync(string kind, Stopwatch clock)
    {
        var id = $"carga-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid().ToString("N")[..8]}";
        var (client, request) = Request(kind, id);
        request.Headers.Add("X-Request-Id", id);
        var start = clock.Elapsed.TotalSeconds;
        try
        {
            using var timeout = new CancellationTokenSource(RequestTimeout);
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            long? writeId = null;
            if (kind == "medicao" && response.StatusCode == HttpStatusCode.Created)
            {
                writeId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
            }
            return new Sample(kind, id, start, clock.Elapsed.TotalSeconds, (int)response.StatusCode, null, writeId);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Sample(kind, id, start, clock.Elapsed.TotalSeconds, 0, exception.GetBaseException().Message, null);
        }
        finally
        {
            request.Dispose();
        }
    }

    private (HttpClient, HttpRequestMessage) Request(string kind, string id) => kind switch
    {
        "portal" => (_anonymous, new HttpRequestMessage(HttpMethod.Get, "/transparencia")),
        "plano-publico" => (_anonymous, new HttpRequestMessage(HttpMethod.Get, $"/transparencia/planos/{_planId}")),
        "execucao" => (_executor, new HttpRequestMessage(HttpMethod.Get, $"/acoes/{_executorActions[Random.Shared.Next(_executorActions.Length)]}/execucao")),
        "monitoramento" => (_monitor, new HttpRequestMessage(HttpMethod.Get, $"/monitoramento/planos/{_planId}")),
        "painel" => (_admin, new HttpRequestMessage(HttpMethod.Get, "/painel")),
        "medicao" => (_api, new HttpRequestMessage(HttpMethod.Post, $"/api/v1/actions/{_goalActionId}/measurements")
        {
            Content = JsonContent.Create(new
            {
                measuredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                value = Random.Shared.Next(120, 1500),
                note = id,
            }),
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IReadOnlyList<string> Kinds => [.. Mix.Select(m => m.Kind)];

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<option value="(\d+)"[^>]*>[^<]*SEPLAG""")]
    private static partial Regex OrganizationOption();

    [GeneratedRegex("""data-token-secret[^>]*>\s*([^<\s]+)""")]
    private static partial Regex TokenSecret();
}
