using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Notifications;

/// <summary>Events of SPEC §7 tell the right people, in the bell and by e-mail: profile changes, answered recommendations.</summary>
public sealed class EventNoticeTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task Granting_and_withdrawing_a_profile_tells_the_person()
    {
        var email = await app.CreateUserAsync("SEPLAG", "Pessoa dos Perfis", Profile.Executor);
        var userId = await app.UserIdAsync(email);
        var auditor = await app.LoginAsync("auditor@demo.gov.br");

        using (var granted = await SispmpiAppFactory.PostFormAsync(auditor, $"/usuarios/{userId}?handler=Grant",
                   new Dictionary<string, string> { ["NewProfile"] = nameof(Profile.Observer), ["GrantJustification"] = "Passa a acompanhar o plano pela unidade." }, $"/usuarios/{userId}"))
        {
            granted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await granted.Content.ReadAsStringAsync());
        }
        var grantMail = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == email && m.Event == "perfil-alterado"));
        grantMail.Subject.ShouldBe("SisPMPI: novo perfil de acesso");
        grantMail.TextBody.ShouldContain("Você recebeu o perfil Observador em Secretaria de Estado de Planejamento e Gestão");
        grantMail.HtmlBody.ShouldNotBeNull();

        var grantId = await app.WithDbAsync(db => db.ProfileGrants.Where(g => g.UserId == userId && g.Profile == Profile.Observer).Select(g => g.Id).SingleAsync());
        using (var revoked = await SispmpiAppFactory.PostFormAsync(auditor, $"/usuarios/{userId}?handler=Revoke",
                   new Dictionary<string, string> { ["grantId"] = grantId.ToString(), ["justification"] = "Mudou de unidade e não acompanha mais o plano." },
                   $"/usuarios/{userId}"))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var notices = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync());
        notices.ShouldBe(["novo perfil de acesso", "perfil de acesso retirado"]);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == email && m.Event == "perfil-alterado"))).ShouldBe(2);
    }

    [Fact]
    public async Task An_answered_recommendation_tells_its_author_with_the_answer_and_a_link_to_the_tab()
    {
        var actionId = await app.CreateActionAsync("Ação do aviso de resposta");
        var tab = $"/acoes/{actionId}/monitoramento";
        var text = $"Enviar o cronograma revisado {Guid.NewGuid():N}"[..38];
        var monitor = await app.LoginAsync("monitor@demo.gov.br");
        using (var recommended = await SispmpiAppFactory.PostFormAsync(monitor, $"{tab}?handler=Recommend",
                   new Dictionary<string, string> { ["NewRecommendation.Text"] = text, ["NewRecommendation.Deadline"] = "" }, tab))
        {
            recommended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var recommendationId = await app.WithDbAsync(db => db.Recommendations.Where(r => r.Text == text).Select(r => r.Id).SingleAsync());
        var executor = await app.LoginAsync("executor@demo.gov.br");
        using (var answered = await SispmpiAppFactory.PostFormAsync(executor, $"{tab}?handler=Answer&recommendationId={recommendationId}",
                   new Dictionary<string, string> { ["Answer.Text"] = "Cronograma enviado ao comitê." }, tab))
        {
            answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var mail = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Event == "recomendacao-respondida" && m.TextBody.Contains(text)));
        mail.To.ShouldBe("monitor@demo.gov.br");
        mail.TextBody.ShouldContain("Resposta: Cronograma enviado ao comitê.");
        mail.TextBody.ShouldContain($"http://localhost:5000{tab}");
        var monitorId = await app.UserIdAsync("monitor@demo.gov.br");
        (await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == monitorId && n.Event == "recomendacao-respondida" && n.Link == tab))).ShouldBe(1);
    }
}
