using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Api;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Api;

/// <summary>
/// Personal access tokens (SPEC §10): made and revoked on the account page, stored hashed, bound to one organization
/// and to reading or reading and writing; the API writes with the execution page's own rules.
/// </summary>
public sealed class ApiTokenTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private Task<int> GoalActionAsync() => app.CreateActionAsync("Medir a adesão ao código de conduta", a =>
        (a.GoalIndicator, a.GoalUnit, a.GoalBaseline, a.GoalTarget) = ("Servidores que aderiram", "servidores", 100m, 600m));

    [Fact]
    public async Task A_token_made_on_the_account_page_is_shown_once_stored_hashed_used_and_revoked()
    {
        var browser = await app.LoginAsync(Observer);
        var response = await SispmpiAppFactory.PostFormAsync(browser, "/conta?handler=Token", new Dictionary<string, string>
        {
            ["Token.Name"] = "Painel de BI", ["Token.OrganizationId"] = await OrgIdAsync("SEPLAG"), ["Token.Access"] = "leitura", ["Token.ExpiresOn"] = "",
        }, formPage: "/conta");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var page = await SispmpiAppFactory.ParseAsync(html);
        var secret = page.QuerySelector("[data-token-secret]")?.TextContent.Trim()
            ?? throw new ShouldAssertException("no token shown:\n" + html);
        secret.ShouldStartWith("spmpi_");
        secret.Length.ShouldBeGreaterThan(50);

        // The row keeps the SHA-256 of the secret and its prefix, never the secret; neither does the history.
        var row = await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "Painel de BI"));
        row.TokenHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
        secret.ShouldStartWith(row.Prefix + "_");
        var secretPart = secret[(row.Prefix.Length + 1)..];
        new[] { row.Name, row.Prefix, row.TokenHash }.ShouldNotContain(v => v.Contains(secretPart));
        row.CanWrite.ShouldBeFalse();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.NewValue != null && e.NewValue.Contains(secret.Substring(15, 20))))).ShouldBe(0);

        // Shown once: the page never shows it again, but lists the token.
        var again = await SispmpiAppFactory.GetDocumentAsync(browser, "/conta");
        again.Body!.InnerHtml.ShouldNotContain(secret);
        var listed = again.QuerySelector($"tr[data-token-id='{row.Id}']")!;
        listed.TextContent.ShouldContain("Painel de BI");
        listed.TextContent.ShouldContain("Somente leitura");
        listed.TextContent.ShouldContain("Nunca usado");

        var api = app.CreateTokenClient(secret);
        var me = await (await api.GetAsync("/api/v1/me")).JsonAsync();
        me.GetProperty("email").GetString().ShouldBe(Observer);
        me.GetProperty("organization").GetProperty("acronym").GetString().ShouldBe("SEPLAG");
        me.GetProperty("token").GetProperty("canWrite").GetBoolean().ShouldBeFalse();
        (await app.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Id == row.Id))).LastUsedAt.ShouldNotBeNull();

        (await SispmpiAppFactory.PostFormAsync(browser, $"/conta?handler=RevokeToken&tokenId={row.Id}", new Dictionary<string, string>(), formPage: "/conta"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var refused = await api.GetAsync("/api/v1/me");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.JsonAsync()).GetProperty("detail").GetString().ShouldBe(ApiTokenHandler.InvalidMessage);
        (await SispmpiAppFactory.GetDocumentAsync(browser, "/conta")).QuerySelector($"tr[data-token-id='{row.Id}'] [data-token-status]")!
            .TextContent.ShouldStartWith("Revogado em");
    }

    [Fact]
    public async Task The_account_page_refuses_a_bad_token_form_in_portuguese()
    {
        var browser = await app.LoginAsync(Observer);
        var response = await SispmpiAppFactory.PostFormAsync(browser, "/conta?handler=Token", new Dictionary<string, string>
        {
            ["Token.Name"] = "", ["Token.OrganizationId"] = await OrgIdAsync("CGE"), ["Token.Access"] = "tudo", ["Token.ExpiresOn"] = Iso(Today.AddDays(-1)),
        }, formPage: "/conta");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Dê um nome ao token");
        html.ShouldContain("Escolha uma organização em que você tem perfil.");
        html.ShouldContain("Escolha somente leitura ou leitura e escrita.");
        html.ShouldContain("A validade não pode ser anterior a hoje.");
        html.ShouldNotContain("data-token-secret");
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_one_valid_through_today_is_accepted()
    {
        var expired = await app.CreateTokenAsync(Observer, "SEPLAG", canWrite: false, expiresOn: Today.AddDays(-1));
        var lastDay = await app.CreateTokenAsync(Observer, "SEPLAG", canWrite: false, expiresOn: Today);
        (await app.CreateTokenClient(expired).GetAsync("/api/v1/plans")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.CreateTokenClient(lastDay).GetAsync("/api/v1/plans")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_read_only_token_cannot_write_and_nothing_changes()
    {
        var actionId = await GoalActionAsync();
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Executor, "SEPLAG", canWrite: false));

        using var record = await api.PutJsonAsync($"/api/v1/actions/{actionId}/execution", new { startedOn = Iso(Today.AddDays(-3)) });
        record.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await record.JsonAsync()).GetProperty("detail").GetString().ShouldBe(ApiEndpoints.ReadOnlyTokenMessage);
        using var measure = await api.PostAsJsonAsync($"/api/v1/actions/{actionId}/measurements", new { measuredOn = Iso(Today), value = 300 });
        measure.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var action = await app.ActionAsync(actionId);
        action.StartedOn.ShouldBeNull();
        action.CurrentValue.ShouldBeNull();
        (await app.WithDbAsync(db => db.ActionMeasurements.CountAsync(m => m.ActionId == actionId))).ShouldBe(0);
        // It still reads.
        (await api.GetAsync($"/api/v1/actions/{actionId}/execution")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_read_write_token_records_the_execution_with_the_pages_rules()
    {
        var actionId = await GoalActionAsync();
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Executor, "SEPLAG", canWrite: true));
        var url = $"/api/v1/actions/{actionId}/execution";

        using var started = await api.PutJsonAsync(url, new { startedOn = Iso(Today.AddDays(-5)), budgetSpent = 1234.56m, notes = "Em curso.", limitingFactors = Array.Empty<string>() });
        started.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await started.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("InProgress");
        body.GetProperty("statusLabel").GetString().ShouldBe("Em andamento");
        body.GetProperty("canRecord").GetBoolean().ShouldBeTrue();
        var saved = await app.ActionAsync(actionId);
        (saved.StartedOn, saved.BudgetSpent, saved.ExecutionNotes, saved.Status).ShouldBe((Today.AddDays(-5), 1234.56m, "Em curso.", ActionStatus.InProgress));

        // The same rule as the page: no conclusion without a start; the record stays as it was.
        using var invalid = await api.PutJsonAsync(url, new { concludedOn = Iso(Today) });
        invalid.StatusCode.ShouldBe((HttpStatusCode)422);
        var problem = await invalid.JsonAsync();
        problem.GetProperty("errors").GetProperty("startedOn")[0].GetString().ShouldBe("Informe a data de início: uma ação só é concluída depois de iniciada.");
        (await app.ActionAsync(actionId)).StartedOn.ShouldBe(Today.AddDays(-5));

        using var future = await api.PutJsonAsync(url, new { startedOn = Iso(Today.AddDays(1)), discontinuedOn = Iso(Today), notes = new string('x', 4001) });
        future.StatusCode.ShouldBe((HttpStatusCode)422);
        var errors = (await future.JsonAsync()).GetProperty("errors");
        errors.GetProperty("startedOn")[0].GetString().ShouldBe("A data não pode ser posterior a hoje.");
        errors.GetProperty("discontinuationJustification")[0].GetString().ShouldBe("Justifique a descontinuação da ação.");
        errors.GetProperty("notes")[0].GetString().ShouldBe("As observações podem ter no máximo 4.000 caracteres.");

        using var unknownFactor = await api.PutJsonAsync(url, new { startedOn = Iso(Today), limitingFactors = new[] { "Falta de vontade" } });
        unknownFactor.StatusCode.ShouldBe((HttpStatusCode)422);
        (await unknownFactor.JsonAsync()).GetProperty("errors").GetProperty("limitingFactors")[0].GetString()!.ShouldContain("Falta de vontade");

        using var malformed = await api.PutAsync(url, new StringContent("""{"startedOn":"31/12/2025"}""", Encoding.UTF8, "application/json"));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.JsonAsync()).GetProperty("errors").GetProperty("startedOn")[0].GetString()!.ShouldContain("aaaa-mm-dd");
        (await app.ActionAsync(actionId)).StartedOn.ShouldBe(Today.AddDays(-5));
    }

    [Fact]
    public async Task Measurements_through_the_api_move_the_current_value_and_need_a_goal()
    {
        var actionId = await GoalActionAsync();
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Executor, "SEPLAG", canWrite: true));

        using var created = await api.PostAsJsonAsync($"/api/v1/actions/{actionId}/measurements", new { measuredOn = Iso(Today.AddDays(-2)), value = 350m, note = "Primeira apuração." });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var action = await app.ActionAsync(actionId);
        action.CurrentValue.ShouldBe(350m);
        action.Progress.ShouldBe(0.5m); // (350 − 100) / (600 − 100)

        var list = await (await api.GetAsync($"/api/v1/actions/{actionId}/measurements")).JsonAsync();
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("note").GetString().ShouldBe("Primeira apuração.");

        using var missing = await api.PostAsJsonAsync($"/api/v1/actions/{actionId}/measurements", new { note = "Sem valor" });
        missing.StatusCode.ShouldBe((HttpStatusCode)422);
        var errors = (await missing.JsonAsync()).GetProperty("errors");
        errors.GetProperty("measuredOn")[0].GetString().ShouldBe("Informe a data da medição.");
        errors.GetProperty("value")[0].GetString().ShouldBe("Informe o valor medido.");

        var noGoal = await app.CreateActionAsync("Ação sem meta");
        using var conflict = await api.PostAsJsonAsync($"/api/v1/actions/{noGoal}/measurements", new { measuredOn = Iso(Today), value = 1m });
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await conflict.JsonAsync()).GetProperty("detail").GetString().ShouldBe(ExecutionRecording.NoGoalMessage);
        (await app.WithDbAsync(db => db.ActionMeasurements.CountAsync(m => m.ActionId == noGoal))).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_actions_executors_write_and_the_cookie_only_reads()
    {
        var actionId = await GoalActionAsync();
        var body = new { startedOn = Iso(Today.AddDays(-1)) };
        var url = $"/api/v1/actions/{actionId}/execution";

        // The commission reads the plan but does not record execution (policy), as on the page.
        using var commission = await app.CreateTokenClient(await app.CreateTokenAsync(Commission, "SEPLAG", canWrite: true)).PutJsonAsync(url, body);
        commission.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The executor's own session reads, but a write through the cookie is refused: a token is needed.
        var browser = await app.LoginAsync(Executor);
        (await browser.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var cookieWrite = await browser.PutJsonAsync(url, body);
        cookieWrite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cookieWrite.JsonAsync()).GetProperty("detail").GetString().ShouldBe(ApiEndpoints.CookieWriteMessage);
        (await app.ActionAsync(actionId)).StartedOn.ShouldBeNull();
    }

    [Fact]
    public async Task A_token_of_one_organization_does_not_reach_another_ones_data()
    {
        // The executor is also an observer in the Prefeitura de Ouro Preto: his token there sees only the prefeitura.
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Executor, "PMOP", canWrite: true));
        var seplagPlan = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == DemoPlanTitle).Select(p => p.Id).SingleAsync());
        var seplagAction = await app.DemoActionIdAsync(ActionWithEvidence);

        var me = await (await api.GetAsync("/api/v1/me")).JsonAsync();
        me.GetProperty("organization").GetProperty("acronym").GetString().ShouldBe("PMOP");
        me.GetProperty("profiles").EnumerateArray().Select(p => p.GetProperty("profile").GetString()).ShouldBe(["Observer"]);

        var plans = await (await api.GetAsync("/api/v1/plans?pageSize=100")).JsonAsync();
        plans.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        plans.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("organization").GetProperty("acronym").GetString() == "PMOP");

        (await api.GetAsync($"/api/v1/plans/{seplagPlan}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/plans/{seplagPlan}/actions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/actions/{seplagAction}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/actions/{seplagAction}/execution")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // An observer does not record execution, and this action is not his organization's anyway.
        (await api.PutJsonAsync($"/api/v1/actions/{seplagAction}/execution", new { startedOn = Iso(Today) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The same person's SEPLAG token does see it.
        var seplag = app.CreateTokenClient(await app.CreateTokenAsync(Executor, "SEPLAG", canWrite: false));
        (await seplag.GetAsync($"/api/v1/actions/{seplagAction}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reads_give_the_plan_its_actions_and_the_dashboards_figures()
    {
        var api = app.CreateTokenClient(await app.CreateTokenAsync("monitor@demo.gov.br", "SEPLAG", canWrite: false));
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == DemoPlanTitle).Select(p => p.Id).SingleAsync());

        var plan = await (await api.GetAsync($"/api/v1/plans/{planId}")).JsonAsync();
        plan.GetProperty("plan").GetProperty("status").GetString().ShouldBe("Published");
        var actionCount = plan.GetProperty("actions").GetInt32();
        actionCount.ShouldBeGreaterThanOrEqualTo(21);

        var indicators = await (await api.GetAsync($"/api/v1/plans/{planId}/indicators")).JsonAsync();
        indicators.GetProperty("byStatus").EnumerateArray().Sum(s => s.GetProperty("count").GetInt32()).ShouldBe(actionCount);
        indicators.GetProperty("byLight").EnumerateArray().Sum(s => s.GetProperty("count").GetInt32()).ShouldBe(actionCount);

        // A figure and the list behind it agree: the red count is the number of red actions listed.
        var red = indicators.GetProperty("byLight").EnumerateArray().Single(l => l.GetProperty("key").GetString() == "Red").GetProperty("count").GetInt32();
        red.ShouldBeGreaterThan(0);
        var redList = await (await api.GetAsync($"/api/v1/plans/{planId}/actions?light=red&pageSize=100")).JsonAsync();
        redList.GetProperty("total").GetInt32().ShouldBe(red);
        redList.GetProperty("items").EnumerateArray().ShouldAllBe(a => a.GetProperty("light").GetString() == "Red");

        var page1 = await (await api.GetAsync($"/api/v1/plans/{planId}/actions?pageSize=5")).JsonAsync();
        page1.GetProperty("items").GetArrayLength().ShouldBe(5);
        page1.GetProperty("pageCount").GetInt32().ShouldBe((int)Math.Ceiling(actionCount / 5.0));

        var axes = await (await api.GetAsync($"/api/v1/plans/{planId}/axes")).JsonAsync();
        axes.EnumerateArray().Count(a => a.GetProperty("parentId").ValueKind == System.Text.Json.JsonValueKind.Null).ShouldBe(5);
        axes.EnumerateArray().Count(a => a.GetProperty("parentId").ValueKind != System.Text.Json.JsonValueKind.Null).ShouldBe(3);
    }

    [Fact]
    public async Task Errors_are_problem_details_in_portuguese_never_html()
    {
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Observer, "SEPLAG", canWrite: false));
        foreach (var (url, status, text) in new[]
        {
            ("/api/v1/nada", 404, "não existe"),
            ("/api/v1/plans/999999", 404, "Plano não encontrado."),
            ("/api/v1/plans?pageSize=500", 400, "O tamanho da página vai de 1 a 100."),
            ("/api/v1/plans?page=0", 400, "A página começa em 1."),
            ("/api/v1/plans?status=publicado", 400, "Valor desconhecido: publicado."),
            ("/api/v1/plans?page=abc", 400, "Requisição inválida"),
            ("/api/v1/organizations", 403, "não permite"),
        })
        {
            using var response = await api.GetAsync(url);
            ((int)response.StatusCode).ShouldBe(status, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", url);
            (await response.Content.ReadAsStringAsync()).ShouldContain(text, Case.Sensitive, url);
        }
        using var wrongMethod = await api.DeleteAsync("/api/v1/plans");
        wrongMethod.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        wrongMethod.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint()
    {
        using var response = await app.CreateAnonymousClient().GetAsync(ApiEndpoints.OpenApiPath);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.JsonAsync();
        var paths = document.GetProperty("paths");
        var endpoints = app.ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(13);
        foreach (var endpoint in endpoints)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.Template(), ":[a-z]+}", "}");
            paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is missing from the OpenAPI document");
            item.TryGetProperty(endpoint.Method().ToLowerInvariant(), out _).ShouldBeTrue($"{endpoint.Method()} {path} is missing from the OpenAPI document");
        }
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("TokenDeAcesso").GetProperty("scheme").GetString().ShouldBe("bearer");
    }

    private Task<string> OrgIdAsync(string acronym) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id.ToString()).SingleAsync());
}

/// <summary>The API's rate limit, on an application that allows three requests a minute.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.Factory app) : IClassFixture<ApiRateLimitTests.Factory>
{
    public sealed class Factory : SispmpiAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Api:RequestsPerMinute", "3");
        }
    }

    [Fact]
    public async Task Past_the_limit_a_token_gets_429_and_another_token_is_not_affected()
    {
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(15));
        var api = app.CreateTokenClient(await app.CreateTokenAsync(Observer, "SEPLAG", canWrite: false));
        for (var i = 0; i < 3; i++)
        {
            (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var limited = await api.GetAsync("/api/v1/me");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Limite de requisições por minuto atingido");

        var other = app.CreateTokenClient(await app.CreateTokenAsync(Commission, "SEPLAG", canWrite: false));
        (await other.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
