using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Features.Api;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Web;
using Sispmpi.Web.Tests.Api;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Operations;

/// <summary>
/// A PostgreSQL cluster of the test's own (scripts/pg-throwaway.sh), which the test may stop and start again as an
/// operator restarting the database would.
/// </summary>
internal sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sispmpi-pg-" + Guid.NewGuid().ToString("N")[..8]);

    public string ConnectionString { get; private set; } = "";

    public static async Task<OwnPostgres> StartAsync()
    {
        var cluster = new OwnPostgres();
        var started = await Tools.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "pg-throwaway.sh"), "start", cluster._folder], TimeSpan.FromSeconds(90));
        started.ExitCode.ShouldBe(0, started.Error);
        var port = (await File.ReadAllTextAsync(Path.Combine(cluster._folder, "port"))).Trim();
        // A plain `pg_ctl start` later must find the same address as the script's first start.
        await File.AppendAllTextAsync(Path.Combine(cluster._folder, "data", "postgresql.conf"),
            $"\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{cluster._folder}'\nfsync = off\n");
        cluster.ConnectionString = started.Output.Trim() + ";Database=postgres;Timeout=3;Command Timeout=15";
        return cluster;
    }

    public Task StopServerAsync() => PgCtlAsync("-m", "fast", "-w", "-t", "30", "stop");

    public Task StartServerAsync() => PgCtlAsync("-w", "-t", "30", "-l", Path.Combine(_folder, "server.log"), "start");

    private async Task PgCtlAsync(params string[] arguments)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists)
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).Last();
        var command = new List<string>();
        if (Environment.UserName == "root")
        {
            command.AddRange(["runuser", "-u", "postgres", "--"]);
        }
        command.AddRange([Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(_folder, "data")]);
        command.AddRange(arguments);
        var result = await Tools.RunAsync(command[0], command.Skip(1), TimeSpan.FromSeconds(60));
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
    }

    public async ValueTask DisposeAsync()
    {
        await Tools.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "pg-throwaway.sh"), "stop", _folder], TimeSpan.FromSeconds(90));
    }
}

/// <summary>
/// When PostgreSQL restarts, pages answer the Portuguese 503 page and /health 503 while it is down, and the same
/// instance serves again by itself once it is back. On stop, an instance hands its claimed e-mails back.
/// </summary>
public sealed class ResilienceTests
{
    private sealed class EmptyAppFactory : SispmpiAppFactory
    {
        protected override bool SeedDemo => false;
    }

    [PostgresFact]
    public async Task While_postgres_restarts_pages_answer_503_in_portuguese_and_service_returns_without_a_restart()
    {
        await using var postgres = await OwnPostgres.StartAsync();
        await using var app = new EmptyAppFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = "postgres", ["ConnectionStrings:Default"] = postgres.ConnectionString, ["Mail:SenderEnabled"] = "false",
                // The public cache may rightly serve a page rendered a moment before the database went away; this
                // test is about the pages that need the database, so the portal asks it on every request here.
                ["Transparency:StampSeconds"] = "0", ["Transparency:OutputCacheSeconds"] = "0",
            },
        };
        await app.InitializeAsync();
        var client = app.CreateAnonymousClient();
        (await client.GetAsync("/transparencia")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await postgres.StopServerAsync();
        using (var page = await client.GetAsync("/transparencia"))
        {
            var html = await page.Content.ReadAsStringAsync();
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, html);
            html.ShouldContain(DatabaseUnavailableMiddleware.Heading);
            html.ShouldContain("Nada do que já estava salvo foi perdido");
            html.ShouldNotContain("Exception");
            html.ShouldNotContain("Npgsql");
        }
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // An API write whose token cannot be looked up: 503 problem details in Portuguese, not the API's 500.
        using (var api = new HttpRequestMessage(HttpMethod.Post, "/api/v1/actions/1/measurements")
        {
            Content = JsonContent.Create(new { value = 1 }),
        })
        {
            api.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiTokens.TokenStart + new string('a', 40));
            using var answer = await client.SendAsync(api);
            var body = await answer.Content.ReadAsStringAsync();
            answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
            answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            body.ShouldContain(DatabaseUnavailableMiddleware.Heading);
            answer.Headers.RetryAfter.ShouldNotBeNull();
        }

        await postgres.StartServerAsync();
        var back = Stopwatch.StartNew();
        while (true)
        {
            using var health = await client.GetAsync("/health");
            using var page = await client.GetAsync("/transparencia");
            if (health.StatusCode == HttpStatusCode.OK && page.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
            page.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
            back.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), $"still {(int)health.StatusCode} on /health and {(int)page.StatusCode} on the page");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_stopping_instance_answers_503_on_health_for_the_drain_time_while_it_still_serves_pages()
    {
        await using var app = new EmptyAppFactory { Settings = new Dictionary<string, string> { ["Host:DrainSeconds"] = "30" } };
        await app.InitializeAsync();
        var client = app.CreateAnonymousClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // What the host does first on SIGTERM, before the server stops taking connections.
        using var shutdownTimeout = new CancellationTokenSource();
        var draining = app.Services.GetRequiredService<ShutdownDrain>().StoppingAsync(shutdownTimeout.Token);
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/transparencia")).StatusCode.ShouldBe(HttpStatusCode.OK);
        draining.IsCompleted.ShouldBeFalse("the instance waits for the proxy to notice before it stops listening");

        await shutdownTimeout.CancelAsync();
        await draining;
    }

    [PostgresFact]
    public async Task An_instance_killed_during_writes_loses_none_it_acknowledged_and_another_instance_goes_on()
    {
        await using var postgres = await OwnPostgres.StartAsync();
        var settings = new Dictionary<string, string>
        {
            // Opening a connection and the demo seed's statements may take long on a busy machine; nothing here waits for a dead server.
            ["Database:Provider"] = "postgres", ["ConnectionStrings:Default"] = postgres.ConnectionString + ";Timeout=30;Command Timeout=120",
            ["Mail:SenderEnabled"] = "false",
            // The writers send far more than an integration would in a minute; the limit is not what is tested.
            ["Api:RequestsPerMinute"] = "100000",
        };
        await using var survivor = new SispmpiAppFactory { Settings = settings };
        await survivor.InitializeAsync();
        var actionId = await survivor.CreateActionAsync("Medir durante a queda", a =>
            (a.GoalIndicator, a.GoalUnit, a.GoalBaseline, a.GoalTarget) = ("Servidores capacitados", "servidores", 0m, 1_000m));
        var secret = await survivor.CreateTokenAsync(ExecutionTestData.Executor, "SEPLAG", canWrite: true);
        await using var doomed = await AppProcess.StartAsync(settings);

        var acknowledged = new ConcurrentBag<int>();
        var cutOff = 0;
        var killed = false;
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = doomed.Address, Timeout = TimeSpan.FromSeconds(15) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            for (var i = 0; i < 500; i++)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync($"/api/v1/actions/{actionId}/measurements",
                        new { measuredOn = ExecutionTestData.Iso(ExecutionTestData.Today), value = writer * 1000 + i, note = $"Escritor {writer}, {i}" });
                    response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                    acknowledged.Add((await response.JsonAsync()).GetProperty("id").GetInt32());
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && Volatile.Read(ref killed))
                {
                    // The instance died: this write, in flight, has no answer; the writer's next one would go elsewhere.
                    Interlocked.Increment(ref cutOff);
                    return;
                }
            }
        })).ToList();
        var writing = Stopwatch.StartNew();
        while (acknowledged.Count < 30)
        {
            writing.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the writers should be answered before the kill");
            await Task.Delay(20);
        }
        Volatile.Write(ref killed, true);
        await doomed.KillAsync();
        await Task.WhenAll(writers);

        cutOff.ShouldBe(4, "every writer was writing when the instance died");
        var ids = acknowledged.ToList();
        (await survivor.WithDbAsync(db => db.ActionMeasurements.CountAsync(m => ids.Contains(m.Id)))).ShouldBe(ids.Count,
            "every write answered 201 before the kill is in the database");
        // The other instance goes on with the same token, and the history chain has no half-written link.
        using (var after = await survivor.CreateTokenClient(secret).PostAsJsonAsync($"/api/v1/actions/{actionId}/measurements",
            new { measuredOn = ExecutionTestData.Iso(ExecutionTestData.Today), value = 999, note = "Depois da queda" }))
        {
            after.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        (await survivor.WithDbAsync(db => new AuditVerifier(db).VerifyAsync())).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task An_instance_stopping_with_a_claimed_email_releases_it_and_another_sends_it_once()
    {
        // An SMTP server that accepts the connection and never answers: the message stays claimed, being sent.
        using var silentSmtp = new TcpListener(IPAddress.Loopback, 0);
        silentSmtp.Start();
        var held = new List<TcpClient>();
        using var stopListening = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await silentSmtp.AcceptTcpClientAsync(stopListening.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        await using var owner = new EmptyAppFactory { Settings = new Dictionary<string, string> { ["Mail:SenderEnabled"] = "false" } };
        await owner.InitializeAsync();
        var stopping = new EmptyAppFactory
        {
            ShareDatabaseWith = owner,
            Settings = new Dictionary<string, string>
            {
                ["Mail:Delivery"] = "smtp", ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Security"] = "none",
                ["Mail:Smtp:Port"] = ((IPEndPoint)silentSmtp.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Smtp:TimeoutSeconds"] = "120",
            },
        };
        await stopping.InitializeAsync();
        var subject = $"Mensagem da parada {Guid.NewGuid():N}";
        var id = await owner.WithDbAsync(async db =>
        {
            var message = new OutboxMessage
            {
                Event = "teste", To = "destino@demo.gov.br", Subject = subject, TextBody = "Corpo", CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        var deadline = Stopwatch.StartNew();
        OutboxMessage claimed;
        do
        {
            await Task.Delay(100);
            claimed = await owner.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the stopping instance should claim the message");
        }
        while (claimed.Status != OutboxStatus.Sending);
        claimed.ClaimedUntil.ShouldNotBeNull();

        // SIGTERM, as a host stop: the claim is handed back at once, not after Mail:LeaseSeconds (300 s).
        await stopping.DisposeAsync();
        var released = await owner.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
        released.Status.ShouldBe(OutboxStatus.Pending);
        released.ClaimedBy.ShouldBeNull();
        released.ClaimedUntil.ShouldBeNull();

        await using var sender = new EmptyAppFactory { ShareDatabaseWith = owner };
        await sender.InitializeAsync();
        deadline.Restart();
        OutboxMessage sent;
        do
        {
            await Task.Delay(100);
            sent = await owner.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "another instance should send the released message");
        }
        while (sent.Status != OutboxStatus.Sent);
        await Task.Delay(1000);
        // The only message in the outbox, sent once: one file.
        var files = Directory.GetFiles(sender.MailFolder, "*.eml");
        files.Length.ShouldBe(1);

        await stopListening.CancelAsync();
        silentSmtp.Stop();
        await accepting;
        held.ForEach(c => c.Dispose());
    }
}

/// <summary>Which failures count as "the database is unavailable" (503) rather than a bug (500).</summary>
public sealed class DatabaseUnavailableClassificationTests
{
    [Theory]
    [InlineData("57P01", true)] // terminating connection due to administrator command (the server is shutting down)
    [InlineData("57P03", true)] // the database system is starting up
    [InlineData("08006", true)] // connection failure
    [InlineData("53300", true)] // too many connections
    [InlineData("23505", false)] // a unique violation is the application's business, not an outage
    [InlineData("42P01", false)] // undefined table: a bug
    public void Postgres_errors_by_sql_state(string sqlState, bool unavailable)
    {
        var error = new Npgsql.PostgresException("mensagem", "FATAL", "FATAL", sqlState);
        DatabaseUnavailableMiddleware.IsUnavailable(new InvalidOperationException("wrapped by EF", error)).ShouldBe(unavailable);
    }

    [Fact]
    public void A_refused_connection_or_a_pool_timeout_is_unavailable_but_a_timeout_elsewhere_is_not()
    {
        var refused = new Npgsql.NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        DatabaseUnavailableMiddleware.IsUnavailable(refused).ShouldBeTrue();
        var pool = new Npgsql.NpgsqlException("The connection pool has been exhausted", new TimeoutException());
        DatabaseUnavailableMiddleware.IsUnavailable(new Microsoft.EntityFrameworkCore.DbUpdateException("save", pool)).ShouldBeTrue();
        DatabaseUnavailableMiddleware.IsUnavailable(new TimeoutException("SMTP")).ShouldBeFalse();
        DatabaseUnavailableMiddleware.IsUnavailable(new InvalidOperationException("a bug")).ShouldBeFalse();
    }
}
