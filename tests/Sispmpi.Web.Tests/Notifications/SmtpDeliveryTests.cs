using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Features.Notifications;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Notifications;

/// <summary>
/// E-mail leaves through the outbox to a real SMTP server process on 127.0.0.1: what arrives is read back and its
/// link followed; an outage loses nothing and sends nothing twice, with two instances delivering the same outbox.
/// </summary>
public sealed partial class SmtpDeliveryTests
{
    private const string Auditor = "auditor@demo.gov.br";
    private const string Monitor = "monitor@demo.gov.br";
    private const string Executor = "executor@demo.gov.br";

    private static async Task<SispmpiAppFactory> StartAppAsync(IReadOnlyDictionary<string, string> settings, SispmpiAppFactory? shareWith = null)
    {
        var app = new SispmpiAppFactory { Settings = settings, ShareDatabaseWith = shareWith };
        await app.InitializeAsync();
        return app;
    }

    [Fact]
    public async Task An_invitation_arrives_by_smtp_in_portuguese_with_a_link_that_creates_the_account_and_no_password()
    {
        await using var smtp = new SmtpSink();
        await smtp.StartAsync();
        await using var app = await StartAppAsync(smtp.AppSettings());
        var email = $"convidada.{Guid.NewGuid():N}"[..20] + "@exemplo.gov.br";

        var auditor = await app.LoginAsync(Auditor);
        using (var response = await SispmpiAppFactory.PostFormAsync(auditor, "/usuarios/convidar", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Maria da Conceição",
            ["Input.Email"] = email,
            ["Input.Profile"] = "Observer",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var mail = (await smtp.WaitForAsync(r => r.Any(m => m.Recipients.Contains(email)))).Single(m => m.Recipients.Contains(email));
        mail.Recipients.ShouldBe([email]);
        mail.Subject.ShouldBe("SisPMPI: convite de acesso");
        mail.Text.ShouldNotBeNull();
        mail.Text.ShouldContain("Olá, Maria da Conceição.");
        mail.Text.ShouldContain("convidou você para acessar o SisPMPI");
        mail.Text.ShouldContain("com o perfil Observador");
        mail.Text.ShouldContain("Nenhuma senha é enviada por e-mail.");
        mail.Text.ShouldNotContain(SispmpiAppFactory.DemoPassword);
        mail.Html.ShouldNotBeNull();
        mail.Html.ShouldContain("Criar minha conta");

        var link = InviteLink().Match(mail.Text).Value;
        link.ShouldNotBeEmpty();
        mail.Html.ShouldContain(WebUtility.HtmlEncode(link));
        var anonymous = app.CreateAnonymousClient();
        var form = await SispmpiAppFactory.GetDocumentAsync(anonymous, new Uri(link).PathAndQuery);
        form.Body!.TextContent.ShouldContain("Maria da Conceição");
        using var accepted = await SispmpiAppFactory.PostFormAsync(anonymous, new Uri(link).PathAndQuery,
            new Dictionary<string, string> { ["Input.Password"] = SispmpiAppFactory.DemoPassword, ["Input.Confirmation"] = SispmpiAppFactory.DemoPassword });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.LoginAsync(email)).ShouldNotBeNull();

        var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == email));
        row.Status.ShouldBe(OutboxStatus.Sent);
        row.Attempts.ShouldBe(1);
        mail.OutboxId.ShouldBe(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_recommendation_reaches_the_executor_by_smtp_and_its_link_opens_the_action_tab()
    {
        await using var smtp = new SmtpSink();
        await smtp.StartAsync();
        await using var app = await StartAppAsync(smtp.AppSettings());
        var actionId = await app.CreateActionAsync("Ação do teste de entrega por SMTP");
        var text = $"Anexar o relatório final {Guid.NewGuid():N}"[..34];
        var monitor = await app.LoginAsync(Monitor);
        using (var response = await SispmpiAppFactory.PostFormAsync(monitor, $"/acoes/{actionId}/monitoramento?handler=Recommend",
                   new Dictionary<string, string> { ["NewRecommendation.Text"] = text, ["NewRecommendation.Deadline"] = "" },
                   $"/acoes/{actionId}/monitoramento"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var mail = (await smtp.WaitForAsync(r => r.Any(m => m.Text?.Contains(text) == true))).Single(m => m.Text?.Contains(text) == true);
        mail.Recipients.ShouldBe([Executor]);
        mail.Subject.ShouldStartWith("SisPMPI: recomendação sobre a ação 5.");
        mail.Text!.ShouldContain("Você recebeu uma recomendação do comitê de monitoramento");
        var link = new Uri(Regex.Match(mail.Text!, @"http://\S+/acoes/\d+/monitoramento").Value);
        link.AbsolutePath.ShouldBe($"/acoes/{actionId}/monitoramento");
        var executor = await app.LoginAsync(Executor);
        var tab = await SispmpiAppFactory.GetDocumentAsync(executor, link.PathAndQuery);
        tab.Body!.TextContent.ShouldContain(text);

        // The same notice is in the executor's bell.
        var home = await SispmpiAppFactory.GetDocumentAsync(executor, "/");
        home.QuerySelector("[data-testid='sino']")!.GetAttribute("aria-label")!.ShouldStartWith("Avisos:");
        var list = await SispmpiAppFactory.GetDocumentAsync(executor, "/notificacoes");
        list.QuerySelector("[data-testid='avisos']")!.TextContent.ShouldContain(mail.Subject["SisPMPI: ".Length..]);
    }

    [Fact]
    public async Task Twenty_messages_queued_while_the_smtp_server_is_down_arrive_exactly_once_when_it_is_back_with_two_instances_sending()
    {
        await using var smtp = new SmtpSink();
        var settings = new Dictionary<string, string>(smtp.AppSettings())
        {
            ["Mail:RetryBaseSeconds"] = "0.2", ["Mail:RetryMaxSeconds"] = "1", ["Mail:MaxAttempts"] = "1000", ["Mail:PollSeconds"] = "0.1",
        };
        await using var first = await StartAppAsync(settings);
        await using var second = await StartAppAsync(settings, shareWith: first);

        // The server is down: 20 notifications are produced, each written with its change (here, on its own).
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<long>();
        for (var i = 1; i <= 20; i++)
        {
            using var scope = (i % 2 == 0 ? first : second).Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Sispmpi.Web.Data.SispmpiDbContext>();
            scope.ServiceProvider.GetRequiredService<Notifier>().Email($"pessoa{i:00}@exemplo.gov.br", $"Pessoa {i}",
                new Notice("teste-indisponibilidade", $"aviso {i} de 20 ({marker})", "Aviso de teste.", ["Aviso de teste durante a indisponibilidade."], "/", "Acessar"));
            await db.SaveChangesAsync();
            ids.Add(await db.Outbox.Where(m => m.Subject.Contains($"aviso {i} de 20 ({marker})")).Select(m => m.Id).SingleAsync());
        }

        // Both instances try, fail and keep the messages: each has failed at least twice, none is lost or given up.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<OutboxMessage> rows;
        do
        {
            await Task.Delay(200);
            rows = await first.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        }
        while (rows.Any(r => r.Attempts < 2) && DateTime.UtcNow < deadline);
        rows.ShouldAllBe(r => r.Attempts >= 2 && r.Status != OutboxStatus.Sent && r.Status != OutboxStatus.Failed && r.LastError != null);
        smtp.Received().ShouldBeEmpty();

        await smtp.StartAsync();
        var received = await smtp.WaitForAsync(r => r.Count(m => m.Subject.Contains(marker)) >= 20);
        // A little longer: a duplicate would show up now.
        await Task.Delay(TimeSpan.FromSeconds(2));
        received = smtp.Received().Where(m => m.Subject.Contains(marker)).ToList();
        received.Count.ShouldBe(20);
        received.Select(m => m.OutboxId).Distinct().Count().ShouldBe(20);
        received.Select(m => long.Parse(m.OutboxId!, System.Globalization.CultureInfo.InvariantCulture)).Order().ShouldBe(ids.Order());
        received.Select(m => m.Recipients.Single()).Order().ShouldBe(Enumerable.Range(1, 20).Select(i => $"pessoa{i:00}@exemplo.gov.br"));
        rows = await first.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        rows.ShouldAllBe(r => r.Status == OutboxStatus.Sent && r.SentAt != null);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_left_failed_for_support_who_resends_it_and_it_arrives()
    {
        await using var smtp = new SmtpSink();
        var settings = new Dictionary<string, string>(smtp.AppSettings())
        {
            ["Mail:RetryBaseSeconds"] = "0.1", ["Mail:RetryMaxSeconds"] = "0.2", ["Mail:MaxAttempts"] = "3",
        };
        await using var app = await StartAppAsync(settings);
        var email = "falha@exemplo.gov.br";
        await app.WithDbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            var scoped = scope.ServiceProvider.GetRequiredService<Sispmpi.Web.Data.SispmpiDbContext>();
            scope.ServiceProvider.GetRequiredService<Notifier>().Email(email, null,
                new Notice("teste-falha", "aviso que falha", "Aviso.", ["Aviso de teste."], "/", "Acessar"));
            await scoped.SaveChangesAsync();
        });
        var message = await WaitForRowAsync(app, email, m => m.Status == OutboxStatus.Failed);
        message.Attempts.ShouldBe(3);
        message.LastError.ShouldNotBeNullOrWhiteSpace();

        var support = await app.LoginAsync("ti@demo.gov.br");
        var page = await SispmpiAppFactory.GetDocumentAsync(support, "/suporte?mensagens=falhas");
        var row = page.QuerySelectorAll("#mensagens ~ .br-table tbody tr").Single(r => r.TextContent.Contains(email));
        row.TextContent.ShouldContain("Falha");
        row.QuerySelector("form[data-confirm]")!.GetAttribute("data-confirm")!.ShouldContain("Reenviar a mensagem");

        await smtp.StartAsync();
        using (var resend = await SispmpiAppFactory.PostFormAsync(support, $"/suporte?handler=Resend&id={message.Id}&mensagens=falhas",
                   new Dictionary<string, string>(), "/suporte?mensagens=falhas"))
        {
            resend.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await smtp.WaitForAsync(r => r.Any(m => m.Recipients.Contains(email)))).Count(m => m.Recipients.Contains(email)).ShouldBe(1);
        (await WaitForRowAsync(app, email, m => m.Status == OutboxStatus.Sent)).Attempts.ShouldBe(1);

        // Only support may re-send.
        var auditor = await app.LoginAsync(Auditor);
        using var refused = await auditor.PostAsync($"/suporte?handler=Resend&id={message.Id}", new FormUrlEncodedContent([]));
        ((int)refused.StatusCode).ShouldBeInRange(400, 403);
    }

    private static async Task<OutboxMessage> WaitForRowAsync(SispmpiAppFactory app, string to, Func<OutboxMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == to));
            if (condition(row))
            {
                return row;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"The outbox row to {to} stayed {row.Status} after {row.Attempts} attempts ({row.LastError}).");
            }
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"http://\S+/conta/convite\?token=\S+")]
    private static partial Regex InviteLink();
}
