using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Tests.Api;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Operations;

/// <summary>
/// Two instances of the application on one database, sharing the file store and the data-protection keys as the
/// production topology does (README, "Produção"): what a user does through one holds on the other.
/// </summary>
public sealed class TwoInstanceTests(TwoInstanceTests.Cluster cluster) : IClassFixture<TwoInstanceTests.Cluster>
{
    public const int ApiLimit = 4;

    public sealed class Cluster : IAsyncLifetime
    {
        private readonly string _shared = Directory.CreateTempSubdirectory("sispmpi-cluster-").FullName;

        public SispmpiAppFactory First { get; private set; } = null!;
        public SispmpiAppFactory Second { get; private set; } = null!;

        private Dictionary<string, string> Settings => new()
        {
            ["DataProtection:KeysDirectory"] = Path.Combine(_shared, "keys"),
            ["Files:Root"] = Path.Combine(_shared, "files"),
            ["Api:RequestsPerMinute"] = ApiLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        public async Task InitializeAsync()
        {
            First = new SispmpiAppFactory { Settings = Settings };
            await First.InitializeAsync();
            Second = new SispmpiAppFactory { Settings = Settings, ShareDatabaseWith = First };
            await Second.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
            Directory.Delete(_shared, recursive: true);
        }
    }

    private static HttpClient Client(SispmpiAppFactory instance, CookieContainer cookies) =>
        instance.CreateDefaultClient(new CookieContainerHandler(cookies));

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await SispmpiAppFactory.GetDocumentAsync(client, url)).QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!
            .GetAttribute("value")!;

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string token, string email, string password) =>
        client.PostAsync(SispmpiAppFactory.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, [SispmpiAppFactory.AntiforgeryField] = token,
        }));

    [Fact]
    public async Task Signed_in_through_one_instance_with_its_antiforgery_token_the_user_is_signed_in_on_the_other()
    {
        var cookies = new CookieContainer();
        using var first = Client(cluster.First, cookies);
        using var second = Client(cluster.Second, cookies);
        (await first.GetAsync("/conta")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in yet");

        // The form comes from the first instance, the post goes to the second.
        var token = await TokenAsync(first, SispmpiAppFactory.LoginPath);
        using var signedIn = await SignInAsync(second, token, ExecutionTestData.Commission, SispmpiAppFactory.DemoPassword);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldNotStartWith(SispmpiAppFactory.LoginPath);

        (await first.GetAsync("/conta")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.GetAsync("/conta")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Verification_attempts_split_across_instances_share_one_limit()
    {
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(20));
        var cookies = new CookieContainer();
        HttpClient[] instances = [Client(cluster.First, cookies), Client(cluster.Second, cookies)];
        var token = await TokenAsync(instances[0], "/verificar");
        for (var attempt = 1; attempt <= 31; attempt++)
        {
            using var response = await instances[attempt % 2].PostAsync("/verificar", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["codigo"] = $"{1_000_000_000 + attempt}", ["crc"] = "DEADBEEF", [SispmpiAppFactory.AntiforgeryField] = token,
            }));
            var html = await response.Content.ReadAsStringAsync();
            if (attempt <= 30)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
                html.ShouldContain(VerifyModel.NotFoundMessage);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
                html.ShouldContain(VerifyModel.TooManyMessage);
            }
        }
    }

    [Fact]
    public async Task Api_requests_split_across_instances_share_one_limit()
    {
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(15));
        var secret = await cluster.First.CreateTokenAsync(ExecutionTestData.Observer, "SEPLAG", canWrite: false);
        HttpClient[] instances = [cluster.First.CreateTokenClient(secret), cluster.Second.CreateTokenClient(secret)];
        for (var i = 0; i < ApiLimit; i++)
        {
            (await instances[i % 2].GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i + 1}");
        }
        using var limited = await instances[ApiLimit % 2].GetAsync("/api/v1/me");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Limite de requisições por minuto atingido");
    }

    [Fact]
    public async Task Failed_sign_ins_split_across_instances_lock_the_account()
    {
        const string email = "monitor@demo.gov.br";
        var cookies = new CookieContainer();
        HttpClient[] instances = [Client(cluster.First, cookies), Client(cluster.Second, cookies)];
        var token = await TokenAsync(instances[0], SispmpiAppFactory.LoginPath);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await SignInAsync(instances[attempt % 2], token, email, "Senha-errada-123");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK, $"failure {attempt + 1} shows the form again");
        }
        // The right password no longer opens the account, on either instance.
        foreach (var instance in instances)
        {
            using var locked = await SignInAsync(instance, token, email, SispmpiAppFactory.DemoPassword);
            locked.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await locked.Content.ReadAsStringAsync()).ShouldContain("Conta bloqueada temporariamente");
        }
    }

    [Fact]
    public async Task A_file_uploaded_through_one_instance_downloads_through_the_other()
    {
        var actionId = await cluster.First.CreateActionAsync("Ação de teste entre instâncias");
        var cookies = new CookieContainer();
        using var first = Client(cluster.First, cookies);
        using var second = Client(cluster.Second, cookies);
        var token = await TokenAsync(first, SispmpiAppFactory.LoginPath);
        (await SignInAsync(first, token, ExecutionTestData.Executor, SispmpiAppFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var url = $"/acoes/{actionId}/execucao";
        var content = ExecutionTestData.Pdf.Concat(Guid.NewGuid().ToByteArray()).ToArray();
        using (var uploaded = await SispmpiAppFactory.PostMultipartAsync(first, $"{url}?handler=File",
            new Dictionary<string, string> { ["Upload.Description"] = "Ata enviada à primeira instância" }, "Upload.File", "ata.pdf", content, "application/pdf", url))
        {
            uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var evidenceId = await cluster.Second.WithDbAsync(db => db.ActionEvidence.Where(e => e.ActionId == actionId).Select(e => e.Id).SingleAsync());

        using var download = await second.GetAsync($"/acoes/{actionId}/evidencias/{evidenceId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
    }

    [Fact]
    public async Task The_public_area_of_one_instance_shows_a_change_made_through_the_other_within_the_stamp_time()
    {
        var first = cluster.First.CreateAnonymousClient();
        var actionId = await cluster.First.WithDbAsync(db =>
            db.PlanActions.OrderBy(a => a.Id).Where(a => a.Plan!.Status == PlanStatus.Published).Select(a => a.Id).FirstAsync());
        // The first instance has the open-data file rendered and cached.
        (await first.GetAsync("/dados-abertos/acoes.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.GetAsync("/dados-abertos/acoes.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var marker = $"Título mudado na segunda instância {Guid.NewGuid():N}";
        await cluster.Second.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            action.Title = marker;
            await db.SaveChangesAsync();
        });
        var changed = Stopwatch.StartNew();
        while (!(await first.GetStringAsync("/dados-abertos/acoes.csv")).Contains(marker, StringComparison.Ordinal))
        {
            // Transparency:StampSeconds is 1 s; the margin is for a loaded machine.
            changed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1 + 2), "the first instance still serves the data from before the change");
            await Task.Delay(100);
        }
    }
}
