using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Features.Notifications;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Notifications;

public sealed class NotificationPageTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private async Task<(string Email, int UserId)> NewUserAsync(string name)
    {
        var email = await app.CreateUserAsync("SEPLAG", name, Sispmpi.Core.Identity.Profile.Executor);
        return (email, await app.UserIdAsync(email));
    }

    private async Task NotifyAsync(int userId, string title, string link)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Sispmpi.Web.Data.SispmpiDbContext>();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(null, [userId],
            new Notice("teste", title, $"Resumo de {title}.", ["Texto."], link, "Abrir"));
        await db.SaveChangesAsync();
    }

    private static async Task<string> BellAsync(HttpClient client) =>
        (await SispmpiAppFactory.GetDocumentAsync(client, "/")).QuerySelector("[data-testid='sino']")!.GetAttribute("aria-label")!;

    [Fact]
    public async Task The_bell_counts_unread_notices_which_open_their_page_and_can_be_marked_read()
    {
        var (email, userId) = await NewUserAsync("Pessoa do Sino");
        var client = await app.LoginAsync(email);
        (await BellAsync(client)).ShouldBe("Avisos: nenhum não lido");
        var list = await SispmpiAppFactory.GetDocumentAsync(client, "/notificacoes");
        list.Body!.TextContent.ShouldContain("Você ainda não recebeu avisos.");

        await NotifyAsync(userId, "Primeiro aviso", "/execucao");
        await NotifyAsync(userId, "Segundo aviso", "/execucao?escopo=todas");
        await NotifyAsync(userId, "Terceiro aviso", "/conta");
        (await BellAsync(client)).ShouldBe("Avisos: 3 não lidos");

        var ids = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync());
        // Opening a notice goes to its page and marks it read.
        using (var opened = await client.GetAsync($"/notificacoes/{ids[0]}"))
        {
            opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            opened.Headers.Location!.OriginalString.ShouldBe("/execucao");
        }
        (await BellAsync(client)).ShouldBe("Avisos: 2 não lidos");

        using (var read = await SispmpiAppFactory.PostFormAsync(client, $"/notificacoes?handler=Read&id={ids[1]}", new Dictionary<string, string>(), "/notificacoes"))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await BellAsync(client)).ShouldBe("Avisos: 1 não lido");
        var unread = await SispmpiAppFactory.GetDocumentAsync(client, "/notificacoes?filtro=nao-lidas");
        var items = unread.QuerySelector("[data-testid='avisos']")!.TextContent;
        items.ShouldContain("Terceiro aviso");
        items.ShouldNotContain("Primeiro aviso");

        using (var all = await SispmpiAppFactory.PostFormAsync(client, "/notificacoes?handler=ReadAll", new Dictionary<string, string>(), "/notificacoes"))
        {
            all.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await BellAsync(client)).ShouldBe("Avisos: nenhum não lido");
    }

    [Fact]
    public async Task Nobody_opens_or_marks_another_persons_notice()
    {
        var (_, ownerId) = await NewUserAsync("Dona do Aviso");
        await NotifyAsync(ownerId, "Aviso particular", "/execucao");
        var id = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == ownerId).Select(n => n.Id).SingleAsync());
        var (otherEmail, _) = await NewUserAsync("Outra Pessoa");
        var other = await app.LoginAsync(otherEmail);

        using (var opened = await other.GetAsync($"/notificacoes/{id}"))
        {
            opened.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var read = await SispmpiAppFactory.PostFormAsync(other, $"/notificacoes?handler=Read&id={id}", new Dictionary<string, string>(), "/notificacoes"))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync())).ShouldBeNull();
        (await SispmpiAppFactory.GetDocumentAsync(other, "/notificacoes")).Body!.TextContent.ShouldNotContain("Aviso particular");
    }

    [Fact]
    public async Task An_invalid_preference_is_refused_in_portuguese_and_the_saved_one_kept()
    {
        var (email, userId) = await NewUserAsync("Pessoa da Preferência");
        var client = await app.LoginAsync(email);
        using (var saved = await SispmpiAppFactory.PostFormAsync(client, "/notificacoes?handler=Preference",
                   new Dictionary<string, string> { ["Delivery"] = "DailyDigest" }, "/notificacoes"))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        using var refused = await SispmpiAppFactory.PostFormAsync(client, "/notificacoes?handler=Preference",
            new Dictionary<string, string> { ["Delivery"] = "Semanal" }, "/notificacoes");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await refused.Content.ReadAsStringAsync());
        page.Body!.TextContent.ShouldContain("Escolha como quer receber os avisos por e-mail.");
        (await app.WithDbAsync(db => db.NotificationPreferences.Where(p => p.UserId == userId).Select(p => p.Delivery).SingleAsync()))
            .ShouldBe(NotificationDelivery.DailyDigest);
    }

    [Fact]
    public async Task A_send_interrupted_by_a_dead_instance_is_left_failed_for_support_rather_than_sent_again()
    {
        var row = new OutboxMessage
        {
            Event = "teste", To = "interrompida@exemplo.gov.br", Subject = "SisPMPI: interrompida", TextBody = "Texto.", CreatedAt = DateTimeOffset.UtcNow,
            Status = OutboxStatus.Sending, Attempts = 1, ClaimedBy = "instancia-que-morreu", ClaimedUntil = DateTime.UtcNow.AddMinutes(-1),
        };
        await app.WithDbAsync(async db =>
        {
            db.Outbox.Add(row);
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        var stored = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == row.Id));
        stored.Status.ShouldBe(OutboxStatus.Failed);
        stored.LastError.ShouldBe(OutboxDispatcher.InterruptedMessage);
        stored.Attempts.ShouldBe(1);
        var mails = Directory.Exists(app.MailFolder) ? Directory.EnumerateFiles(app.MailFolder).Select(File.ReadAllText) : [];
        mails.ShouldNotContain(m => m.Contains("interrompida@exemplo.gov.br"));
    }
}
