using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Monitoring;

/// <summary>
/// The monitoring tab of an action (SPEC §3.3): the committee's recommendations, answered once by the action's
/// executors, and its assessments of the risk of non-implementation; internal control's general recommendations,
/// replied to once. Each test works on an action or a recommendation of its own.
/// </summary>
public sealed class RecommendationTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Monitor = "monitor@demo.gov.br";
    private const string AlreadyAnswered = "Esta recomendação já foi respondida; a resposta não pode ser alterada.";

    private static string Tab(int actionId) => $"/acoes/{actionId}/monitoramento";

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    /// <summary>How the pages write a moment: day and time in Brasília.</summary>
    private static string Shown(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Brasilia).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private sealed record Stored(string Text, string? Answer, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, int? AnsweredById);

    private Task<Stored> StoredAsync(int recommendationId) => app.WithDbAsync(db => db.Recommendations.AsNoTracking()
        .Where(r => r.Id == recommendationId).Select(r => new Stored(r.Text, r.Answer, r.CreatedAt, r.AnsweredAt, r.AnsweredById)).SingleAsync());

    /// <summary>A recommendation of the monitoring committee on <paramref name="actionId"/>, written straight to the database.</summary>
    private async Task<int> RecommendAsync(int actionId, string text)
    {
        var monitorId = await app.UserIdAsync(Monitor);
        return await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            var recommendation = new Recommendation
            {
                OrganizationId = action.OrganizationId, PlanId = action.PlanId, ActionId = action.Id, Source = RecommendationSource.MonitoringCommittee,
                Text = text, CreatedAt = DateTimeOffset.UtcNow.AddDays(-1), CreatedById = monitorId,
            };
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            return recommendation.Id;
        });
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, int actionId, int recommendationId, string text) =>
        SispmpiAppFactory.PostFormAsync(client, $"{Tab(actionId)}?handler=Answer&recommendationId={recommendationId}",
            new Dictionary<string, string> { ["Answer.Text"] = text }, Tab(actionId));

    private static IElement Article(IDocument page, int recommendationId) =>
        page.QuerySelector($"article[data-recommendation='{recommendationId}']")
        ?? throw new ShouldAssertException($"a recomendação {recommendationId} não aparece na página");

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body.Length > 2000 ? body[..2000] : body);
        var page = await SispmpiAppFactory.ParseAsync(body);
        page.Body!.TextContent.ShouldContain(message);
    }

    [Fact]
    public async Task The_committee_recommends_and_the_executor_sees_it_dated_and_is_notified()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de recomendação");
        var text = Unique("Apresentar novo cronograma ao comitê");
        var deadline = Today.AddDays(15);
        var monitor = await app.LoginAsync(Monitor);

        using var response = await SispmpiAppFactory.PostFormAsync(monitor, $"{Tab(actionId)}?handler=Recommend", new Dictionary<string, string>
        {
            ["NewRecommendation.Text"] = $"  {text}  ", ["NewRecommendation.Deadline"] = Iso(deadline),
        }, Tab(actionId));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"{Tab(actionId)}#recomendacoes");
        var monitorId = await app.UserIdAsync(Monitor);
        var saved = await app.WithDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.ActionId == actionId));
        saved.Text.ShouldBe(text);
        saved.Deadline.ShouldBe(deadline);
        saved.Source.ShouldBe(RecommendationSource.MonitoringCommittee);
        saved.CreatedById.ShouldBe(monitorId);
        saved.AnsweredAt.ShouldBeNull();
        BrasiliaDate(saved.CreatedAt).ShouldBe(Today);

        // The executor sees it with its date, its author and its deadline, and may answer it.
        var executor = await app.LoginAsync(Executor);
        var article = Article(await SispmpiAppFactory.GetDocumentAsync(executor, Tab(actionId)), saved.Id);
        var heading = article.QuerySelector("h3")!.TextContent;
        heading.ShouldContain("Comitê de monitoramento");
        heading.ShouldContain(Shown(saved.CreatedAt));
        heading.ShouldContain(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        article.TextContent.ShouldContain(text);
        article.TextContent.ShouldContain($"Prazo: {deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        article.QuerySelector("textarea[name='Answer.Text']").ShouldNotBeNull("the executor answers it here");
        // The committee sees it waiting.
        var seen = Article(await SispmpiAppFactory.GetDocumentAsync(monitor, Tab(actionId)), saved.Id);
        seen.QuerySelector("[data-unanswered]").ShouldNotBeNull();
        seen.QuerySelector("textarea").ShouldBeNull();

        // An e-mail to the executor is queued.
        var action = await app.ActionAsync(actionId);
        var messages = await app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Event == "recomendacao-recebida" && m.OrganizationId == action.OrganizationId).ToListAsync());
        var message = messages.Where(m => m.TextBody.Contains(text)).ShouldHaveSingleItem();
        message.To.Split(", ").ShouldContain(Executor);
        message.Subject.ShouldContain(action.Number);
    }

    [Fact]
    public async Task A_recommendation_with_a_past_deadline_or_no_text_is_refused_in_portuguese()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de recomendação recusada");
        var monitor = await app.LoginAsync(Monitor);

        foreach (var (text, deadline, field, message) in new[]
        {
            ("", Iso(Today.AddDays(5)), "NewRecommendation_Text", "Escreva a recomendação."),
            ("Rever prazos", Iso(Today.AddDays(-1)), "NewRecommendation_Deadline", "O prazo não pode ser anterior a hoje."),
        })
        {
            using var response = await SispmpiAppFactory.PostFormAsync(monitor, $"{Tab(actionId)}?handler=Recommend", new Dictionary<string, string>
            {
                ["NewRecommendation.Text"] = text, ["NewRecommendation.Deadline"] = deadline,
            }, Tab(actionId));

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector($"#{field}-error")!.TextContent.ShouldContain(message);
        }
        (await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ActionId == actionId))).ShouldBe(0);
    }

    [Fact]
    public async Task The_executor_answers_once_and_both_see_the_answer_with_its_date()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de resposta");
        var recommendationId = await RecommendAsync(actionId, Unique("Registrar as evidências do levantamento"));
        var answer = Unique("Evidências registradas no processo SEI");
        var executor = await app.LoginAsync(Executor);

        using var response = await AnswerAsync(executor, actionId, recommendationId, $"  {answer}\n");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"{Tab(actionId)}#recomendacoes");
        var stored = await StoredAsync(recommendationId);
        stored.Answer.ShouldBe(answer);
        stored.AnsweredAt.ShouldNotBeNull();
        BrasiliaDate(stored.AnsweredAt.Value).ShouldBe(Today);
        stored.AnsweredById.ShouldBe(await app.UserIdAsync(Executor));
        var executorName = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Executor).Select(u => u.FullName).SingleAsync());

        foreach (var client in new[] { executor, await app.LoginAsync(Monitor) })
        {
            var article = Article(await SispmpiAppFactory.GetDocumentAsync(client, Tab(actionId)), recommendationId);
            var shown = article.QuerySelector("[data-answer]")!;
            shown.TextContent.ShouldContain($"Resposta — {Shown(stored.AnsweredAt.Value)}, {executorName}");
            shown.TextContent.ShouldContain(answer);
            article.QuerySelector("form").ShouldBeNull("an answered recommendation takes no other answer");
        }
    }

    [Fact]
    public async Task A_second_answer_is_refused_with_409_in_portuguese_and_the_first_stays()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de segunda resposta");
        var recommendationId = await RecommendAsync(actionId, Unique("Informar a previsão de orçamento"));
        var executor = await app.LoginAsync(Executor);
        using (var first = await AnswerAsync(executor, actionId, recommendationId, "Orçamento liberado em março."))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var before = await StoredAsync(recommendationId);

        using var second = await AnswerAsync(executor, actionId, recommendationId, "Outra resposta, que não deve valer.");

        await ShouldBeRefusedAsync(second, HttpStatusCode.Conflict, AlreadyAnswered);
        (await StoredAsync(recommendationId)).ShouldBe(before);
        // Even empty, a second answer is refused as such (not as an empty form).
        using var empty = await AnswerAsync(executor, actionId, recommendationId, "");
        await ShouldBeRefusedAsync(empty, HttpStatusCode.Conflict, AlreadyAnswered);
        (await StoredAsync(recommendationId)).ShouldBe(before);
    }

    [Fact]
    public async Task An_answer_saved_over_a_stale_read_is_refused_and_the_first_answer_stays()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de respostas simultâneas");
        var recommendationId = await RecommendAsync(actionId, Unique("Rever o cronograma das regionais"));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        // Read before the other answer arrives…
        var stale = await db.Recommendations.SingleAsync(r => r.Id == recommendationId);
        stale.IsAnswered.ShouldBeFalse();

        // …the executor answers through the page…
        var executor = await app.LoginAsync(Executor);
        using (var response = await AnswerAsync(executor, actionId, recommendationId, "A resposta que chegou primeiro."))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var first = await StoredAsync(recommendationId);

        // …and the late write, on the stale row, is refused.
        var result = await scope.ServiceProvider.GetRequiredService<Recommendations>().AnswerAsync(stale, "A resposta que chegou depois.");

        result.ShouldBe(AnswerResult.AlreadyAnswered);
        (await StoredAsync(recommendationId)).ShouldBe(first);
        first.Answer.ShouldBe("A resposta que chegou primeiro.");
    }

    [Fact]
    public async Task Someone_who_is_not_an_executor_of_the_action_cannot_answer()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de resposta alheia");
        var recommendationId = await RecommendAsync(actionId, Unique("Apresentar relatório parcial"));
        var before = await StoredAsync(recommendationId);
        var anotherExecutor = await app.CreateUserAsync("SEPLAG", "Outra Executora", Profile.Executor);

        foreach (var account in new[] { Monitor, Commission, Observer, anotherExecutor })
        {
            var client = await app.LoginAsync(account);
            var article = Article(await SispmpiAppFactory.GetDocumentAsync(client, Tab(actionId)), recommendationId);
            article.QuerySelector("textarea").ShouldBeNull($"{account} sees no answer form");

            using var response = await AnswerAsync(client, actionId, recommendationId, $"Resposta de {account}");

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, account);
            (await StoredAsync(recommendationId)).ShouldBe(before, account);
        }
    }

    [Fact]
    public async Task The_observer_and_the_executor_cannot_recommend_nor_assess_risk()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de recomendação proibida");

        foreach (var account in new[] { Observer, Executor })
        {
            var client = await app.LoginAsync(account);
            var page = await SispmpiAppFactory.GetDocumentAsync(client, Tab(actionId));
            page.QuerySelector("textarea[name='NewRecommendation.Text']").ShouldBeNull(account);
            page.QuerySelector("textarea[name='Risk.Rationale']").ShouldBeNull(account);

            using var recommend = await SispmpiAppFactory.PostFormAsync(client, $"{Tab(actionId)}?handler=Recommend",
                new Dictionary<string, string> { ["NewRecommendation.Text"] = $"Recomendação de {account}" }, Tab(actionId));
            await ShouldBeRefusedAsync(recommend, HttpStatusCode.Forbidden, "Somente o comitê de monitoramento");

            using var risk = await SispmpiAppFactory.PostFormAsync(client, $"{Tab(actionId)}?handler=Risk",
                new Dictionary<string, string> { ["Risk.Level"] = "High", ["Risk.Rationale"] = $"Avaliação de {account}" }, Tab(actionId));
            await ShouldBeRefusedAsync(risk, HttpStatusCode.Forbidden, "Somente o comitê de monitoramento");
        }
        (await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ActionId == actionId))).ShouldBe(0);
        (await app.WithDbAsync(db => db.RiskAssessments.CountAsync(r => r.ActionId == actionId))).ShouldBe(0);
        (await app.ActionAsync(actionId)).NonImplementationRisk.ShouldBeNull();
    }

    [Fact]
    public async Task The_committee_assesses_the_risk_and_each_assessment_goes_on_top_of_the_history()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de risco");
        var monitor = await app.LoginAsync(Monitor);
        var monitorName = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Monitor).Select(u => u.FullName).SingleAsync());
        var page = await SispmpiAppFactory.GetDocumentAsync(monitor, Tab(actionId));
        page.QuerySelector("[data-risk]")!.TextContent.Trim().ShouldBe("Não avaliado");
        page.QuerySelector("table[data-risk-history]").ShouldBeNull();

        await AssessAsync("High", "  Prazo vencido e equipe reduzida.  ");

        (await app.ActionAsync(actionId)).NonImplementationRisk.ShouldBe(NonImplementationRisk.High);
        page = await SispmpiAppFactory.GetDocumentAsync(monitor, Tab(actionId));
        page.QuerySelector("[data-risk]")!.GetAttribute("data-risk").ShouldBe("High");
        page.QuerySelector("[data-risk]")!.TextContent.Trim().ShouldBe("Alto");
        var rows = History(page);
        rows.Count.ShouldBe(1);
        rows[0][1].ShouldBe("Alto");
        rows[0][2].ShouldBe("Prazo vencido e equipe reduzida.");
        rows[0][3].ShouldBe(monitorName);
        rows[0][0].ShouldStartWith(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

        await AssessAsync("Low", "Orçamento liberado e cronograma refeito.");

        (await app.ActionAsync(actionId)).NonImplementationRisk.ShouldBe(NonImplementationRisk.Low);
        page = await SispmpiAppFactory.GetDocumentAsync(monitor, Tab(actionId));
        page.QuerySelector("[data-risk]")!.GetAttribute("data-risk").ShouldBe("Low");
        rows = History(page);
        rows.Select(r => (r[1], r[2])).ShouldBe([("Baixo", "Orçamento liberado e cronograma refeito."), ("Alto", "Prazo vencido e equipe reduzida.")]);
        var stored = await app.WithDbAsync(db => db.RiskAssessments.AsNoTracking().Where(r => r.ActionId == actionId).OrderBy(r => r.Id).ToListAsync());
        stored.Select(r => r.Level).ShouldBe([NonImplementationRisk.High, NonImplementationRisk.Low]);
        stored.ShouldAllBe(r => r.AssessedById == stored[0].AssessedById && r.AssessedById != null);
        // The executor sees the history too.
        History(await SispmpiAppFactory.GetDocumentAsync(await app.LoginAsync(Executor), Tab(actionId))).Count.ShouldBe(2);

        async Task AssessAsync(string level, string rationale)
        {
            using var response = await SispmpiAppFactory.PostFormAsync(monitor, $"{Tab(actionId)}?handler=Risk",
                new Dictionary<string, string> { ["Risk.Level"] = level, ["Risk.Rationale"] = rationale }, Tab(actionId));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe($"{Tab(actionId)}#risco");
        }

        static List<string[]> History(IDocument page) => page.QuerySelectorAll("table[data-risk-history] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
    }

    public static TheoryData<string, string, string, string> InvalidAssessments => new()
    {
        { "High", "", "Risk_Rationale", "Explique o motivo da avaliação." },
        { "High", "   ", "Risk_Rationale", "Explique o motivo da avaliação." },
        { "", "Equipe reduzida.", "Risk_Level", "Escolha o nível de risco." },
        { "High", new string('x', 2001), "Risk_Rationale", "A justificativa pode ter no máximo 2.000 caracteres." },
    };

    [Theory]
    [MemberData(nameof(InvalidAssessments))]
    public async Task An_incomplete_assessment_is_refused_in_portuguese_and_nothing_changes(string level, string rationale, string field, string message)
    {
        var actionId = await app.CreateActionAsync("Ação de teste de risco recusado", a => a.NonImplementationRisk = NonImplementationRisk.Medium);
        var monitor = await app.LoginAsync(Monitor);

        using var response = await SispmpiAppFactory.PostFormAsync(monitor, $"{Tab(actionId)}?handler=Risk",
            new Dictionary<string, string> { ["Risk.Level"] = level, ["Risk.Rationale"] = rationale }, Tab(actionId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again");
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector($"#{field}-error")!.TextContent.ShouldContain(message);
        page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await app.WithDbAsync(db => db.RiskAssessments.CountAsync(r => r.ActionId == actionId))).ShouldBe(0);
        (await app.ActionAsync(actionId)).NonImplementationRisk.ShouldBe(NonImplementationRisk.Medium);
    }

    /// <summary>A general recommendation of internal control on the demo plan, written straight to the database.</summary>
    private async Task<(int PlanId, int Id)> GeneralRecommendationAsync(string text)
    {
        var auditorId = await app.UserIdAsync("auditor@demo.gov.br");
        return await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Title == DemoPlanTitle);
            var recommendation = new Recommendation
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, Source = RecommendationSource.InternalControl, Text = text,
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-2), CreatedById = auditorId,
            };
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            return (plan.Id, recommendation.Id);
        });
    }

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient client, int planId, int recommendationId, string text)
    {
        var url = $"/monitoramento/planos/{planId}/recomendacoes-gerais";
        return SispmpiAppFactory.PostFormAsync(client, $"{url}?recommendationId={recommendationId}",
            new Dictionary<string, string> { ["Reply.Text"] = text }, url);
    }

    [Fact]
    public async Task A_general_recommendation_is_replied_to_once_by_the_committee_and_a_second_reply_is_409()
    {
        var text = Unique("Definir indicadores de resultado");
        var (planId, recommendationId) = await GeneralRecommendationAsync(text);
        var monitor = await app.LoginAsync(Monitor);
        var reply = Unique("O comitê incluirá os indicadores no relatório");

        using (var response = await ReplyAsync(monitor, planId, recommendationId, $" {reply} "))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var stored = await StoredAsync(recommendationId);
        stored.Answer.ShouldBe(reply);
        stored.AnsweredById.ShouldBe(await app.UserIdAsync(Monitor));
        var page = await SispmpiAppFactory.GetDocumentAsync(monitor, $"/monitoramento/planos/{planId}/recomendacoes-gerais");
        var answer = Article(page, recommendationId).QuerySelector("[data-answer]")!;
        answer.TextContent.ShouldContain($"Resposta — {Shown(stored.AnsweredAt!.Value)}");
        answer.TextContent.ShouldContain(reply);

        using var second = await ReplyAsync(monitor, planId, recommendationId, "Uma segunda resposta, que não deve valer.");

        await ShouldBeRefusedAsync(second, HttpStatusCode.Conflict, AlreadyAnswered);
        (await StoredAsync(recommendationId)).ShouldBe(stored);
    }

    [Fact]
    public async Task The_observer_cannot_reply_to_a_general_recommendation()
    {
        var (planId, recommendationId) = await GeneralRecommendationAsync(Unique("Apresentar o relatório à alta administração"));
        var before = await StoredAsync(recommendationId);
        var observer = await app.LoginAsync(Observer);
        Article(await SispmpiAppFactory.GetDocumentAsync(observer, $"/monitoramento/planos/{planId}/recomendacoes-gerais"), recommendationId)
            .QuerySelector("[data-unanswered]").ShouldNotBeNull();

        using var response = await ReplyAsync(observer, planId, recommendationId, "Resposta do observador.");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StoredAsync(recommendationId)).ShouldBe(before);
    }

    [Fact]
    public async Task The_integrity_commission_replies_to_a_general_recommendation_once()
    {
        var (planId, recommendationId) = await GeneralRecommendationAsync(Unique("Rever as metas do eixo de capacitação"));
        var commission = await app.LoginAsync(Commission);
        var reply = Unique("A comissão revisará as metas na próxima versão");
        // The e-mail of a new general recommendation goes to the commission and sends it to this page.
        await SispmpiAppFactory.GetDocumentAsync(commission, $"/monitoramento/planos/{planId}/recomendacoes-gerais");
        using (var response = await ReplyAsync(commission, planId, recommendationId, reply))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var stored = await StoredAsync(recommendationId);
        stored.Answer.ShouldBe(reply);
        stored.AnsweredById.ShouldBe(await app.UserIdAsync(Commission));
        using var second = await ReplyAsync(commission, planId, recommendationId, "Segunda resposta da comissão.");
        await ShouldBeRefusedAsync(second, HttpStatusCode.Conflict, AlreadyAnswered);
        (await StoredAsync(recommendationId)).ShouldBe(stored);
    }
}
