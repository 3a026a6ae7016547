using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Evaluation.Report.EvaluationTestData;

namespace Sispmpi.Web.Tests.Evaluation.Report;

/// <summary>
/// The effectiveness indicators page on a fixture plan whose figures are counted by hand below (never by calling the
/// rules the page uses), with an action in a sub-axis counted under its top axis; and who may see the page.
/// </summary>
public sealed class IndicatorsTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private static string Url(int planId) => $"/avaliacao/planos/{planId}/indicadores";

    /// <summary>
    /// Axis 1 (with sub-axis 1.1), axis 2 and axis 3 (no action), on today T:
    /// <list type="bullet">
    /// <item>A1 (axis 1) pontual, ends T−10, concluded T−15: on time, delay 0; budget 1,000 planned, 800 spent.</item>
    /// <item>A2 (sub-axis 1.1) pontual, ends T−30, concluded T−20: late by 10 days; 2,000 planned, 2,500 spent.</item>
    /// <item>A3 (axis 1) pontual in progress, ends T−6: open and 6 days late; 500 planned.</item>
    /// <item>A4 (axis 2) contínua in progress, ends T−40: never late while open; 100 spent.</item>
    /// <item>A5 (axis 2) pontual discontinued, ends T−35: out of the delay and of the axis share; 300 planned, 50 spent.</item>
    /// <item>A6 (axis 2) pontual not started, ends T: due today, not late; 200 planned.</item>
    /// <item>A7 (axis 2) concluded without a planned end: on time, no delay; 10 spent.</item>
    /// </list>
    /// </summary>
    private async Task<int> CreateFixturePlanAsync()
    {
        var t = Today;
        return await app.WithDbAsync(async db =>
        {
            var (plan, axes) = await CreatePlanAsync(db, Unique("Plano dos indicadores"), PlanStatus.Obsolete, new DateOnly(t.Year - 1, 1, 1),
                ("1", null), ("1.1", "1"), ("2", null), ("3", null));
            db.PlanActions.AddRange(
                Action(plan, axes["1"], "1.1", "A1", ActionClassification.OneOff, t.AddDays(-10), t.AddDays(-100), t.AddDays(-15), planned: 1000m, spent: 800m),
                Action(plan, axes["1.1"], "1.1.1", "A2", ActionClassification.OneOff, t.AddDays(-30), t.AddDays(-90), t.AddDays(-20), planned: 2000m, spent: 2500m),
                Action(plan, axes["1"], "1.2", "A3", ActionClassification.OneOff, t.AddDays(-6), t.AddDays(-50), planned: 500m),
                Action(plan, axes["2"], "2.1", "A4", ActionClassification.Continuous, t.AddDays(-40), t.AddDays(-80), spent: 100m),
                Action(plan, axes["2"], "2.2", "A5", ActionClassification.OneOff, t.AddDays(-35), t.AddDays(-60), discontinued: t.AddDays(-30), planned: 300m, spent: 50m),
                Action(plan, axes["2"], "2.3", "A6", ActionClassification.OneOff, t, planned: 200m),
                Action(plan, axes["2"], "2.4", "A7", ActionClassification.OneOff, null, t.AddDays(-70), t.AddDays(-5), planned: 0m, spent: 10m));
            await db.SaveChangesAsync();
            return plan.Id;
        });
    }

    private static string Cell(IDocument page, string axis, string column) =>
        Plain(page.QuerySelector($"[data-axis-table] tr[data-axis='{axis}'] [data-col='{column}']")?.TextContent);

    private static string Figure(IDocument page, string name) => Plain(page.QuerySelector($"[data-indicator='{name}']")?.TextContent);

    private static string Money(decimal value) => Plain(Labels.Money(value));

    [Fact]
    public async Task Indicators_of_a_fixture_plan_equal_the_values_counted_by_hand()
    {
        var planId = await CreateFixturePlanAsync();
        var client = await app.LoginAsync(Auditor);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, Url(planId));

        // Seven actions; concluded: A1, A2, A7.
        Figure(page, "actions").ShouldBe("7");
        Figure(page, "concluded").ShouldBe("3");
        // On time: A1 and A7 of the three concluded = 66.67%.
        Figure(page, "on-time-share").ShouldBe("66,7%");
        Figure(page, "on-time").ShouldBe("2 de 3 concluídas");
        // Delays: A1 0, A2 10, A3 6 (open and late) → 16 / 3 = 5.33 days; A4 (contínua), A5 (discontinued), A6 (due today), A7 (no end) do not count.
        Figure(page, "mean-delay").ShouldBe("5,3 dias");
        Figure(page, "late-open").ShouldBe("1");
        // Budget: planned 1,000 + 2,000 + 500 + 300 + 200 = 4,000; spent 800 + 2,500 + 100 + 50 + 10 = 3,460 → 86.5%.
        Figure(page, "budget-planned").ShouldBe(Money(4000m));
        Figure(page, "budget-spent").ShouldBe(Money(3460m));
        Figure(page, "budget-share").ShouldBe("86,5%");

        // Axis 1 holds A1, A3 and, from its sub-axis, A2: 2 concluded of 3 → 66.7%; on time 1 of 2 → 50%;
        // delays 0, 10, 6 → 5.3 days; budget 3,500 planned, 3,300 spent → 94.29%.
        Cell(page, "1", "actions").ShouldBe("3");
        Cell(page, "1", "concluded").ShouldBe("2");
        Cell(page, "1", "share").ShouldBe("66,7%");
        Cell(page, "1", "on-time").ShouldBe("50%");
        Cell(page, "1", "mean-delay").ShouldBe("5,3 dias");
        Cell(page, "1", "planned").ShouldBe(Money(3500m));
        Cell(page, "1", "spent").ShouldBe(Money(3300m));
        Cell(page, "1", "budget-share").ShouldBe("94,3%");
        page.QuerySelector("[data-axis-table] tr[data-axis='1.1']").ShouldBeNull("sub-axes count under their axis");

        // Axis 2 holds A4–A7: 1 concluded (A7) of 4 − 1 discontinued → 33.3%; on time 1 of 1; no delay that counts;
        // budget 500 planned, 160 spent → 32%.
        Cell(page, "2", "actions").ShouldBe("4");
        Cell(page, "2", "concluded").ShouldBe("1");
        Cell(page, "2", "share").ShouldBe("33,3%");
        Cell(page, "2", "on-time").ShouldBe("100%");
        Cell(page, "2", "mean-delay").ShouldBe("—");
        Cell(page, "2", "planned").ShouldBe(Money(500m));
        Cell(page, "2", "spent").ShouldBe(Money(160m));
        Cell(page, "2", "budget-share").ShouldBe("32%");

        // Axis 3 has no action: nothing applies.
        Cell(page, "3", "actions").ShouldBe("0");
        Cell(page, "3", "share").ShouldBe("—");
        Cell(page, "3", "budget-share").ShouldBe("—");

        // The plan: 3 concluded of 7 − 1 discontinued = 50%.
        Cell(page, "plano", "share").ShouldBe("50%");
        Cell(page, "plano", "planned").ShouldBe(Money(4000m));

        // Definitions in plain Portuguese, and the chart's data as JSON for the script.
        var text = page.Body!.TextContent;
        text.ShouldContain("Das ações concluídas, a parcela concluída até a data de término prevista.");
        text.ShouldContain("Ações contínuas em andamento e ações descontinuadas não entram.");
        using var json = JsonDocument.Parse(page.QuerySelector("script#dados-dos-indicadores[type='application/json']")!.TextContent);
        var axes = json.RootElement.EnumerateArray().ToList();
        axes.Select(a => a.GetProperty("label").GetString()).ShouldBe(["Eixo 1", "Eixo 2", "Eixo 3"]);
        axes[0].GetProperty("concluded").GetDecimal().ShouldBe(66.7m);
        axes[1].GetProperty("concluded").GetDecimal().ShouldBe(33.3m);
        axes[2].GetProperty("concluded").ValueKind.ShouldBe(JsonValueKind.Null);
        axes[0].GetProperty("planned").GetDecimal().ShouldBe(3500m);
        axes[1].GetProperty("spent").GetDecimal().ShouldBe(160m);
        page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ShouldContain(s => s.StartsWith("/js/indicadores.js", StringComparison.Ordinal));
        page.QuerySelectorAll("script:not([src])").ShouldAllBe(s => s.GetAttribute("type") == "application/json", "the CSP forbids inline script");
    }

    [Fact]
    public async Task The_demo_plan_shows_one_row_per_top_axis_and_a_link_to_the_report()
    {
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id).SingleAsync());
        var topAxes = await app.WithDbAsync(db => db.PlanAxes.CountAsync(a => a.PlanId == planId && a.ParentId == null));
        var actions = await app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.PlanId == planId));
        var client = await app.LoginAsync(Auditor);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, Url(planId));

        page.QuerySelectorAll("[data-axis-table] tbody tr").Length.ShouldBe(topAxes);
        Figure(page, "actions").ShouldBe($"{actions}");
        page.QuerySelectorAll("[data-axis-table] tbody [data-col=actions]").Sum(c => int.Parse(c.TextContent.Trim())).ShouldBe(actions,
            "every action, those of sub-axes included, counts under one top axis");
        page.QuerySelector($"a[href='/avaliacao/planos/{planId}/relatorio']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_head_reads_the_indicators_and_an_empty_plan_says_so()
    {
        var planId = await app.WithDbAsync(async db =>
            (await CreatePlanAsync(db, Unique("Plano sem ações"), PlanStatus.Obsolete, new DateOnly(2024, 1, 1), ("1", null))).Plan.Id);
        var client = await app.LoginAsync(Head);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, Url(planId));
        page.QuerySelector("#sem-acoes")!.TextContent.ShouldContain("O plano ainda não tem ações");
    }

    [Fact]
    public async Task Executor_and_observer_are_forbidden_and_another_organization_gets_not_found()
    {
        var planId = await CreateFixturePlanAsync();
        foreach (var email in new[] { Executor, Observer })
        {
            var client = await app.LoginAsync(email);
            (await client.GetAsync(Url(planId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }
        var outsider = await app.LoginAsync(await app.CreateUserAsync("PMOP", Profile.InternalControl));
        using var response = await outsider.GetAsync(Url(planId));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Plano dos indicadores");
    }
}
