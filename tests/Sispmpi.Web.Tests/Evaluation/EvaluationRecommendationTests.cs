using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Evaluation;

/// <summary>
/// Internal control's recommendations (SPEC §3.4), through the pages: on an action, in its "Avaliação" tab, answered
/// once by the action's executors; and general ones about the plan, replied to once on the monitoring module's page
/// and shown with their reply in the evaluation module.
/// </summary>
public sealed class EvaluationRecommendationTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Auditor = "auditor@demo.gov.br";
    private const string Monitor = "monitor@demo.gov.br";
    private const string Head = "alta@demo.gov.br";
    private const string AlreadyAnswered = "Esta recomendação já foi respondida; a resposta não pode ser alterada.";

    private static string Tab(int actionId) => $"/acoes/{actionId}/avaliacao";

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    /// <summary>How the pages write a moment: day and time in Brasília.</summary>
    private static string Shown(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Brasilia).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private sealed record Stored(string Text, string? Answer, DateTimeOffset? AnsweredAt, int? AnsweredById);

    private Task<Stored> StoredAsync(int recommendationId) => app.WithDbAsync(db => db.Recommendations.AsNoTracking()
        .Where(r => r.Id == recommendationId).Select(r => new Stored(r.Text, r.Answer, r.AnsweredAt, r.AnsweredById)).SingleAsync());

    private Task<int> RecommendationCountAsync() => app.WithDbAsync(db => db.Recommendations.CountAsync());

    private Task<int> DemoPlanIdAsync() => app.WithDbAsync(db => db.Plans.Where(p => p.Title == DemoPlanTitle).Select(p => p.Id).SingleAsync());

    private static Task<HttpResponseMessage> RecommendAsync(HttpClient client, int actionId, string text, string deadline = "") =>
        SispmpiAppFactory.PostFormAsync(client, $"{Tab(actionId)}?handler=Recommend",
            new Dictionary<string, string> { ["NewRecommendation.Text"] = text, ["NewRecommendation.Deadline"] = deadline }, Tab(actionId));

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, int actionId, int recommendationId, string text) =>
        SispmpiAppFactory.PostFormAsync(client, $"{Tab(actionId)}?handler=Answer&recommendationId={recommendationId}",
            new Dictionary<string, string> { ["Answer.Text"] = text }, Tab(actionId));

    /// <summary>Internal control recommends <paramref name="text"/> on the action through its tab; returns the recommendation's id.</summary>
    private async Task<int> RecommendedAsync(int actionId, string text)
    {
        using var response = await RecommendAsync(await app.LoginAsync(Auditor), actionId, text);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Recommendations.Where(r => r.ActionId == actionId && r.Text == text).Select(r => r.Id).SingleAsync());
    }

    private static IElement Article(IDocument page, int recommendationId) =>
        page.QuerySelector($"article[data-recommendation='{recommendationId}']")
        ?? throw new ShouldAssertException($"a recomendação {recommendationId} não aparece na página");

    private static async Task<IDocument> PageOfAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body.Length > 2000 ? body[..2000] : body);
        return await SispmpiAppFactory.ParseAsync(body);
    }

    [Fact]
    public async Task Internal_control_recommends_on_an_action_and_the_executor_sees_it_and_is_notified()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de recomendação de avaliação");
        var auditor = await app.LoginAsync(Auditor);
        var text = Unique("Anexar o relatório de conclusão às evidências");
        var deadline = Today.AddDays(20);

        using (var response = await RecommendAsync(auditor, actionId, $"  {text}  ", Iso(deadline)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe($"{Tab(actionId)}#recomendacoes");
        }

        var saved = await app.WithDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.ActionId == actionId));
        saved.Text.ShouldBe(text);
        saved.Source.ShouldBe(RecommendationSource.InternalControl);
        saved.Deadline.ShouldBe(deadline);
        saved.PlanId.ShouldBe(await DemoPlanIdAsync());
        saved.CreatedById.ShouldBe(await app.UserIdAsync(Auditor));
        saved.AnsweredAt.ShouldBeNull();

        var executor = await app.LoginAsync(Executor);
        var article = Article(await SispmpiAppFactory.GetDocumentAsync(executor, Tab(actionId)), saved.Id);
        article.TextContent.ShouldContain(text);
        article.TextContent.ShouldContain($"Controle interno — {Shown(saved.CreatedAt)}, Cláudia Controle");
        article.TextContent.ShouldContain($"Prazo: {deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        article.QuerySelector("textarea[name='Answer.Text']").ShouldNotBeNull("the executor is offered the answer form");
        var seen = Article(await SispmpiAppFactory.GetDocumentAsync(auditor, Tab(actionId)), saved.Id);
        seen.QuerySelector("[data-unanswered]")!.TextContent.Trim().ShouldBe("Aguardando resposta dos executores.");
        seen.QuerySelector("form").ShouldBeNull("internal control does not answer");
        // The committee's tab shows only the committee's recommendations.
        (await SispmpiAppFactory.GetDocumentAsync(executor, $"/acoes/{actionId}/monitoramento"))
            .QuerySelector($"article[data-recommendation='{saved.Id}']").ShouldBeNull();
        // Listed among internal control's recommendations on actions of the plan.
        var plan = await SispmpiAppFactory.GetDocumentAsync(auditor, $"/avaliacao/planos/{saved.PlanId}/recomendacoes");
        var row = plan.QuerySelectorAll("section[aria-labelledby='por-acao'] tbody tr").First(r => r.TextContent.Contains(text));
        row.QuerySelector($"a[href='{Tab(actionId)}']").ShouldNotBeNull();
        row.TextContent.ShouldContain("Sem resposta");

        var message = await app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .SingleAsync(m => m.Event == "recomendacao-recebida" && m.TextBody.Contains(text)));
        message.To.ShouldBe(Executor);
        message.TextBody.ShouldContain("do controle interno");
    }

    [Fact]
    public async Task The_notice_of_an_evaluation_recommendation_points_to_the_evaluation_tab()
    {
        var actionId = await app.CreateActionAsync("Ação de teste do aviso da recomendação");
        var text = Unique("Publicar o relatório da ação");
        await RecommendedAsync(actionId, text);

        var message = await app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .SingleAsync(m => m.Event == "recomendacao-recebida" && m.TextBody.Contains(text)));
        message.TextBody.ShouldContain(Tab(actionId));
        message.TextBody.ShouldNotContain($"/acoes/{actionId}/monitoramento");
    }

    [Fact]
    public async Task A_recommendation_with_no_text_or_a_past_deadline_is_refused_in_portuguese()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de recomendação inválida");
        var auditor = await app.LoginAsync(Auditor);
        var count = await RecommendationCountAsync();

        (string Text, string Deadline, string Field, string Message)[] cases =
        [
            ("", "", "NewRecommendation_Text", "Escreva a recomendação."),
            ("   ", Iso(Today.AddDays(5)), "NewRecommendation_Text", "Escreva a recomendação."),
            ("Rever o cronograma da ação.", Iso(Today.AddDays(-1)), "NewRecommendation_Deadline", "O prazo não pode ser anterior a hoje."),
        ];
        foreach (var (text, deadline, field, message) in cases)
        {
            using var response = await RecommendAsync(auditor, actionId, text, deadline);
            var page = await PageOfAsync(response, HttpStatusCode.OK);
            page.QuerySelector($"#{field}-error")!.TextContent.Trim().ShouldBe(message, $"“{text}”, {deadline}");
        }

        (await RecommendationCountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task The_executor_answers_once_and_a_second_answer_is_409_and_the_first_stays()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de resposta única");
        var recommendationId = await RecommendedAsync(actionId, Unique("Rever o cronograma da ação"));
        var executor = await app.LoginAsync(Executor);
        var answer = Unique("Cronograma revisto e anexado às evidências");

        using (var response = await AnswerAsync(executor, actionId, recommendationId, $" {answer} "))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe($"{Tab(actionId)}#recomendacoes");
        }

        var stored = await StoredAsync(recommendationId);
        stored.Answer.ShouldBe(answer);
        stored.AnsweredAt.ShouldNotBeNull();
        stored.AnsweredById.ShouldBe(await app.UserIdAsync(Executor));
        foreach (var client in new[] { executor, await app.LoginAsync(Auditor) })
        {
            var article = Article(await SispmpiAppFactory.GetDocumentAsync(client, Tab(actionId)), recommendationId);
            var shown = article.QuerySelector("[data-answer]")!;
            shown.TextContent.ShouldContain($"Resposta — {Shown(stored.AnsweredAt!.Value)}, Eduardo Executor");
            shown.TextContent.ShouldContain(answer);
            article.QuerySelector("form").ShouldBeNull("an answered recommendation takes no other answer");
        }

        using (var second = await AnswerAsync(executor, actionId, recommendationId, "Uma segunda resposta, que não deve valer."))
        {
            var page = await PageOfAsync(second, HttpStatusCode.Conflict);
            page.Body!.TextContent.ShouldContain(AlreadyAnswered);
        }
        using (var empty = await AnswerAsync(executor, actionId, recommendationId, ""))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.Conflict, "already answered, whatever the new text");
        }

        (await StoredAsync(recommendationId)).ShouldBe(stored);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_in_portuguese_and_the_recommendation_stays_unanswered()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de resposta vazia");
        var recommendationId = await RecommendedAsync(actionId, Unique("Informar o andamento da ação"));
        var before = await StoredAsync(recommendationId);

        using var response = await AnswerAsync(await app.LoginAsync(Executor), actionId, recommendationId, "  ");

        var page = await PageOfAsync(response, HttpStatusCode.OK);
        Article(page, recommendationId).QuerySelector("#Answer_Text-error")!.TextContent.Trim().ShouldBe("Escreva a resposta.");
        (await StoredAsync(recommendationId)).ShouldBe(before);
    }

    [Fact]
    public async Task The_committee_and_others_cannot_recommend_on_the_evaluation_tab_nor_answer_there()
    {
        var actionId = await app.CreateActionAsync("Ação de teste de quem avalia");
        var recommendationId = await RecommendedAsync(actionId, Unique("Registrar as evidências da ação"));
        var before = await StoredAsync(recommendationId);
        var count = await RecommendationCountAsync();

        foreach (var email in new[] { Monitor, Executor, Commission, Head, Observer })
        {
            var client = await app.LoginAsync(email);
            var page = await SispmpiAppFactory.GetDocumentAsync(client, Tab(actionId));
            page.QuerySelector("textarea[name='NewRecommendation.Text']").ShouldBeNull($"{email} is not offered the form");
            using var response = await RecommendAsync(client, actionId, $"Recomendação de {email}, que não deve valer.");
            var refused = await PageOfAsync(response, HttpStatusCode.Forbidden);
            refused.Body!.TextContent.ShouldContain("Somente o controle interno do órgão faz recomendações de avaliação, em planos publicados.");
        }
        foreach (var email in new[] { Monitor, Auditor, Commission })
        {
            using var response = await AnswerAsync(await app.LoginAsync(email), actionId, recommendationId, $"Resposta de {email}.");
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }

        (await RecommendationCountAsync()).ShouldBe(count);
        (await StoredAsync(recommendationId)).ShouldBe(before);
    }

    private static Task<HttpResponseMessage> RecommendGenerallyAsync(HttpClient client, int planId, string text, string deadline = "",
        string? formPage = null) =>
        SispmpiAppFactory.PostFormAsync(client, $"/avaliacao/planos/{planId}/recomendacoes",
            new Dictionary<string, string> { ["Input.Text"] = text, ["Input.Deadline"] = deadline }, formPage);

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient client, int planId, int recommendationId, string text)
    {
        var url = $"/monitoramento/planos/{planId}/recomendacoes-gerais";
        return SispmpiAppFactory.PostFormAsync(client, $"{url}?recommendationId={recommendationId}",
            new Dictionary<string, string> { ["Reply.Text"] = text }, url);
    }

    /// <summary>
    /// Internal control makes a general recommendation on its page, listed there "Sem resposta"; <paramref name="replier"/>
    /// replies on the monitoring page; the evaluation page then shows the reply. Returns nothing: it asserts all the way.
    /// </summary>
    private async Task GeneralRecommendationIsRepliedByAsync(string replier, string replierName)
    {
        var planId = await DemoPlanIdAsync();
        var auditor = await app.LoginAsync(Auditor);
        var text = Unique("Apresentar à alta administração o balanço semestral do plano");
        var deadline = Today.AddDays(45);
        var notices = await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == "recomendacao-geral"));

        using (var response = await RecommendGenerallyAsync(auditor, planId, $" {text} ", Iso(deadline)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe($"/avaliacao/planos/{planId}/recomendacoes");
        }
        var saved = await app.WithDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Text == text));
        saved.ActionId.ShouldBeNull();
        saved.PlanId.ShouldBe(planId);
        saved.Source.ShouldBe(RecommendationSource.InternalControl);
        saved.Deadline.ShouldBe(deadline);
        // One message to each person of the commission and of the monitoring committee (comissao and monitor in the demo).
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == "recomendacao-geral"))).ShouldBe(notices + 2);
        (await app.WithDbAsync(db => db.Outbox.Where(m => m.Event == "recomendacao-geral" && m.TextBody.Contains(text)).Select(m => m.To).ToListAsync()))
            .Order().ShouldBe(["comissao@demo.gov.br", "monitor@demo.gov.br"]);

        var evaluation = await SispmpiAppFactory.GetDocumentAsync(auditor, $"/avaliacao/planos/{planId}/recomendacoes");
        var listed = Article(evaluation, saved.Id);
        listed.TextContent.ShouldContain(text);
        listed.TextContent.ShouldContain($"prazo {deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        listed.QuerySelector("[data-unanswered]")!.TextContent.Trim().ShouldBe("Sem resposta.");

        var client = await app.LoginAsync(replier);
        var monitoring = await SispmpiAppFactory.GetDocumentAsync(client, $"/monitoramento/planos/{planId}/recomendacoes-gerais");
        Article(monitoring, saved.Id).QuerySelector("textarea[name='Reply.Text']").ShouldNotBeNull($"{replier} is offered the reply form");
        var reply = Unique("O balanço será apresentado na reunião de junho");
        using (var response = await ReplyAsync(client, planId, saved.Id, reply))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var stored = await StoredAsync(saved.Id);
        stored.Answer.ShouldBe(reply);
        stored.AnsweredById.ShouldBe(await app.UserIdAsync(replier));
        var answered = Article(await SispmpiAppFactory.GetDocumentAsync(auditor, $"/avaliacao/planos/{planId}/recomendacoes"), saved.Id);
        answered.QuerySelector("[data-unanswered]").ShouldBeNull();
        var answer = answered.QuerySelector("[data-answer]")!;
        answer.TextContent.ShouldContain($"Resposta — {Shown(stored.AnsweredAt!.Value)}, {replierName}");
        answer.TextContent.ShouldContain(reply);

        using (var second = await ReplyAsync(client, planId, saved.Id, "Uma segunda resposta, que não deve valer."))
        {
            second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        (await StoredAsync(saved.Id)).ShouldBe(stored);
    }

    [Fact]
    public async Task A_general_recommendation_is_listed_without_reply_replied_by_the_committee_and_shown_with_the_reply() =>
        await GeneralRecommendationIsRepliedByAsync(Monitor, "Márcio Monitoramento");

    [Fact]
    public async Task A_general_recommendation_is_replied_by_the_commission_on_the_monitoring_page() =>
        await GeneralRecommendationIsRepliedByAsync(Commission, "Beatriz Comissão");

    [Fact]
    public async Task Only_internal_control_makes_general_recommendations()
    {
        var planId = await DemoPlanIdAsync();
        var count = await RecommendationCountAsync();

        foreach (var email in new[] { Monitor, Commission, Executor })
        {
            using var response = await RecommendGenerallyAsync(await app.LoginAsync(email), planId,
                "Recomendação geral de quem não é o controle interno.", formPage: "/");
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }
        // The head reads internal control's recommendations but makes none.
        var head = await app.LoginAsync(Head);
        (await SispmpiAppFactory.GetDocumentAsync(head, $"/avaliacao/planos/{planId}/recomendacoes")).QuerySelector("textarea[name='Input.Text']").ShouldBeNull();
        using (var response = await SispmpiAppFactory.PostFormAsync(head, $"/avaliacao/planos/{planId}/recomendacoes",
            new Dictionary<string, string> { ["Input.Text"] = "Recomendação geral da alta administração." }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await RecommendationCountAsync()).ShouldBe(count);
    }
}
