using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Monitoring;

/// <summary>
/// The monitoring dashboard of a plan (SPEC §3.3) on a fixture plan of its own, whose every action was chosen so that
/// each figure has a value worked out by hand: the numbers on the page must be those, and the list behind each
/// figure must hold exactly the actions counted. Then who sees the dashboard and who does not.
/// </summary>
public sealed class DashboardTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Monitor = "monitor@demo.gov.br";

    /// <summary>The points of attention as this test names them, to state by hand which actions each one holds.</summary>
    [Flags]
    private enum Points
    {
        None = 0,
        LateToStart = 1,
        LateToConclude = 2,
        HighRisk = 4,
    }

    /// <summary>
    /// One action of the fixture: its data (dates as day offsets from today in Brasília; a goal as baseline, target
    /// and latest value), then what the test expects of it — status, light, progress, points of attention —, worked
    /// out by hand from the rules of SPEC §3.2–3.3 and written down, never computed by the application's code.
    /// </summary>
    private sealed record Spec(
        string Key, string Axis, ActionClassification Classification, int? PlannedStart, int? PlannedEnd,
        int? Started, int? Concluded, int? Discontinued, int? LastUpdate, decimal Weight, (decimal Baseline, decimal Target, decimal Current)? Goal,
        NonImplementationRisk? Risk, int Answered, int Unanswered,
        ActionStatus Status, TrafficLight Light, Points Points);

    private const ActionClassification OneOff = ActionClassification.OneOff;
    private const ActionClassification Continuous = ActionClassification.Continuous;

    /// <summary>
    /// Axes "1" and "2", and "2.1" under "2". Lights: a one-off action in progress is green with 30 days or more left,
    /// yellow down to its end day, red after it; a continuous one is green under 30 days since its last update (its
    /// start when never updated), yellow up to 60, red after.
    /// </summary>
    private static readonly Spec[] _fixture =
    [
        // Not started, planned to start 10 days ago: late to start; high risk of a not-started action counts.
        new("A", "1", OneOff, -10, 60, null, null, null, null, 1m, null, NonImplementationRisk.High, 0, 2,
            ActionStatus.NotStarted, TrafficLight.White, Points.LateToStart | Points.HighRisk),
        // Planned to start yesterday: late by one day. Low risk is not a point of attention.
        new("B", "1", OneOff, -1, 90, null, null, null, null, 1m, null, NonImplementationRisk.Low, 0, 0,
            ActionStatus.NotStarted, TrafficLight.White, Points.LateToStart),
        // Planned to start today: not late yet.
        new("C", "1", Continuous, 0, 200, null, null, null, null, 2m, null, null, 0, 0,
            ActionStatus.NotStarted, TrafficLight.White, Points.None),
        // Concluded after its planned end: blue, not late; its high risk no longer counts; one unanswered recommendation.
        new("D", "1", OneOff, -90, -10, -60, -5, null, null, 3m, null, NonImplementationRisk.High, 0, 1,
            ActionStatus.Concluded, TrafficLight.Blue, Points.None),
        // Discontinued: grey, no progress, its extreme risk does not count.
        new("E", "1", OneOff, -90, 10, -60, null, -2, null, 5m, null, NonImplementationRisk.Extreme, 0, 0,
            ActionStatus.Discontinued, TrafficLight.Grey, Points.None),
        // One-off in progress, planned end yesterday: red, late to conclude.
        new("F", "1", OneOff, -60, -1, -30, null, null, null, 1m, null, null, 0, 0,
            ActionStatus.InProgress, TrafficLight.Red, Points.LateToConclude),
        // One-off in progress, end 3 days ago: red, late to conclude, extreme risk; one recommendation answered, one not.
        new("G", "2", OneOff, -60, -3, -50, null, null, null, 1m, (0m, 10m, 4m), NonImplementationRisk.Extreme, 1, 1,
            ActionStatus.InProgress, TrafficLight.Red, Points.LateToConclude | Points.HighRisk),
        // One-off in progress ending today: yellow, not late yet. Medium risk.
        new("H", "2", OneOff, -30, 0, -20, null, null, null, 2m, (0m, 8m, 2m), NonImplementationRisk.Medium, 0, 0,
            ActionStatus.InProgress, TrafficLight.Yellow, Points.None),
        // One-off in progress with exactly 30 days left: still green.
        new("I", "2", OneOff, -30, 30, -20, null, null, null, 1m, null, null, 0, 0,
            ActionStatus.InProgress, TrafficLight.Green, Points.None),
        // Continuous, updated 45 days ago: yellow; its planned end has passed, but a continuous action is never
        // late to conclude. Decreasing goal 100 → 50, now 75: half way. High risk; one answered recommendation.
        new("J", "2.1", Continuous, -120, -5, -100, null, null, -45, 1m, (100m, 50m, 75m), NonImplementationRisk.High, 1, 0,
            ActionStatus.InProgress, TrafficLight.Yellow, Points.HighRisk),
        // Continuous, never updated since it started 100 days ago: red.
        new("K", "2.1", Continuous, -120, 100, -100, null, null, null, 1m, null, null, 0, 0,
            ActionStatus.InProgress, TrafficLight.Red, Points.None),
        // Continuous, updated 2 days ago: green; its goal is overshot (6 of 4), so its progress is capped at 100%.
        new("L", "2.1", Continuous, -120, 100, -100, null, null, -2, 1m, (0m, 4m, 6m), null, 0, 0,
            ActionStatus.InProgress, TrafficLight.Green, Points.None),
    ];

    private static string[] Keys(Func<Spec, bool> which) => _fixture.Where(which).Select(s => s.Key).ToArray();

    /// <summary>The fixture plan as created: its id, its axes' ids by number and its actions' ids by key.</summary>
    private sealed record FixturePlan(int Id, string Title, IReadOnlyDictionary<string, int> Axes, IReadOnlyDictionary<string, int> Actions)
    {
        public int[] Ids(IEnumerable<string> keys) => keys.Select(k => Actions[k]).Order().ToArray();
    }

    /// <summary>
    /// A published plan of SEPLAG with the actions of <see cref="_fixture"/> (executor@ responsible), their
    /// recommendations from the monitoring committee, and two general recommendations of internal control, one
    /// answered and one not (which no action figure counts).
    /// </summary>
    private async Task<FixturePlan> CreateFixturePlanAsync(IReadOnlyList<Spec> specs)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var today = Today;
        var monitorId = await app.UserIdAsync(Monitor);
        var executorId = await app.UserIdAsync(Executor);
        var unitId = await app.UnitIdAsync("SEPLAG", "SRH");
        return await app.WithDbAsync(async db =>
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var plan = new IntegrityPlan
            {
                OrganizationId = organizationId, Title = $"Plano de teste do painel {tag}", Edition = "2026–2027", Status = PlanStatus.Published,
                ValidFrom = today.AddDays(-200), ValidTo = today.AddDays(400), CreatedAt = now.AddDays(-210), PublishedAt = now.AddDays(-200),
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var one = new PlanAxis { OrganizationId = organizationId, PlanId = plan.Id, Position = 1, Number = "1", Title = $"Eixo um {tag}" };
            var two = new PlanAxis { OrganizationId = organizationId, PlanId = plan.Id, Position = 2, Number = "2", Title = $"Eixo dois {tag}" };
            db.PlanAxes.AddRange(one, two);
            await db.SaveChangesAsync();
            var sub = new PlanAxis { OrganizationId = organizationId, PlanId = plan.Id, ParentId = two.Id, Position = 1, Number = "2.1", Title = $"Subeixo {tag}" };
            db.PlanAxes.Add(sub);
            await db.SaveChangesAsync();
            var axes = new Dictionary<string, PlanAxis> { ["1"] = one, ["2"] = two, ["2.1"] = sub };

            DateOnly? Day(int? offset) => offset is int o ? today.AddDays(o) : null;
            var created = new Dictionary<string, PlanAction>();
            foreach (var (s, n) in specs.Select((s, n) => (s, n)))
            {
                var position = specs.Take(n).Count(o => o.Axis == s.Axis) + 1;
                var action = new PlanAction
                {
                    OrganizationId = organizationId, PlanId = plan.Id, AxisId = axes[s.Axis].Id, Position = position,
                    Number = $"{s.Axis}.{position}", Title = $"Ação {s.Key} do painel {tag}", ActionType = "Processo",
                    Classification = s.Classification, ExecutingUnitId = unitId, ResponsibleUserId = executorId,
                    PlannedStart = Day(s.PlannedStart), PlannedEnd = Day(s.PlannedEnd),
                    StartedOn = Day(s.Started), ConcludedOn = Day(s.Concluded), DiscontinuedOn = Day(s.Discontinued),
                    DiscontinuationJustification = s.Discontinued is null ? null : "Absorvida por outro programa.",
                    LastUpdateAt = s.LastUpdate is int u ? NoonInBrasilia(today.AddDays(u)) : null,
                    Weight = s.Weight, NonImplementationRisk = s.Risk,
                };
                if (s.Goal is { } goal)
                {
                    (action.GoalIndicator, action.GoalUnit, action.GoalBaseline, action.GoalTarget, action.CurrentValue) =
                        ("Indicador", "unidades", goal.Baseline, goal.Target, goal.Current);
                }
                db.PlanActions.Add(action);
                created[s.Key] = action;
            }
            await db.SaveChangesAsync();

            Recommendation Recommend(int? actionId, RecommendationSource source, string text, bool answered) => new()
            {
                OrganizationId = organizationId, PlanId = plan.Id, ActionId = actionId, Source = source, Text = text,
                CreatedAt = now.AddDays(-20), CreatedById = monitorId,
                Answer = answered ? $"Resposta a: {text}" : null, AnsweredAt = answered ? now.AddDays(-10) : null,
                AnsweredById = answered ? executorId : null,
            };
            foreach (var s in specs)
            {
                for (var i = 0; i < s.Answered; i++)
                {
                    db.Recommendations.Add(Recommend(created[s.Key].Id, RecommendationSource.MonitoringCommittee, $"Respondida {i} de {s.Key}", true));
                }
                for (var i = 0; i < s.Unanswered; i++)
                {
                    db.Recommendations.Add(Recommend(created[s.Key].Id, RecommendationSource.MonitoringCommittee, $"Sem resposta {i} de {s.Key}", false));
                }
            }
            db.Recommendations.AddRange(
                Recommend(null, RecommendationSource.InternalControl, "Recomendação geral pendente", false),
                Recommend(null, RecommendationSource.InternalControl, "Recomendação geral respondida", true));
            await db.SaveChangesAsync();

            // The statuses the application derived from the dates are those the fixture states (else the fixture is wrong).
            foreach (var s in specs)
            {
                created[s.Key].Status.ShouldBe(s.Status, $"ação {s.Key}");
            }
            return new FixturePlan(plan.Id, plan.Title, axes.ToDictionary(a => a.Key, a => a.Value.Id), created.ToDictionary(a => a.Key, a => a.Value.Id));
        });
    }

    private static string Dashboard(int planId) => $"/monitoramento/planos/{planId}";

    private static string Value(IDocument page, string selector) =>
        (page.QuerySelector(selector) ?? throw new ShouldAssertException($"o painel não tem {selector}")).TextContent.Trim();

    /// <summary>The ids of the actions listed at <paramref name="url"/>, checking the page's count agrees.</summary>
    private static async Task<int[]> ListedAsync(HttpClient client, string url)
    {
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var ids = page.QuerySelectorAll("tr[data-action-id]").Select(r => int.Parse(r.GetAttribute("data-action-id")!)).ToArray();
        ids.Distinct().Count().ShouldBe(ids.Length, $"{url} lista uma ação mais de uma vez");
        if (ids.Length == 0)
        {
            page.QuerySelector("[data-empty]").ShouldNotBeNull($"{url} sem ações deve dizer que está vazia");
        }
        else
        {
            page.QuerySelector(".table-title")!.TextContent.Trim().ShouldBe(ids.Length == 1 ? "1 ação" : $"{ids.Length} ações", url);
        }
        return ids.Order().ToArray();
    }

    private static string Href(IDocument page, string selector) =>
        (page.QuerySelector(selector) ?? throw new ShouldAssertException($"o painel não tem {selector}")).GetAttribute("href")!;

    [Fact]
    public async Task Every_figure_equals_the_count_worked_out_by_hand_and_its_list_holds_exactly_those_actions()
    {
        var plan = await CreateFixturePlanAsync(_fixture);
        var client = await app.LoginAsync(Monitor);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, Dashboard(plan.Id));
        page.QuerySelector("h1")!.TextContent.ShouldBe("Painel de monitoramento");
        page.Body!.TextContent.ShouldContain(plan.Title);

        // Points of attention, by hand: late to start A, B (C starts today); late to conclude F, G (H ends today;
        // J is continuous); high or extreme risk A, G, J (D is concluded, E discontinued, B low, H medium).
        var attention = new (string Figure, string[] Keys)[]
        {
            ("LateToStart", ["A", "B"]),
            ("LateToConclude", ["F", "G"]),
            ("HighRisk", ["A", "G", "J"]),
        };
        // The same sets, from the flags written on each action.
        Keys(s => s.Points.HasFlag(Points.LateToStart)).ShouldBe(attention[0].Keys);
        Keys(s => s.Points.HasFlag(Points.LateToConclude)).ShouldBe(attention[1].Keys);
        Keys(s => s.Points.HasFlag(Points.HighRisk)).ShouldBe(attention[2].Keys);
        foreach (var (figure, keys) in attention)
        {
            Value(page, $"a[data-figure='{figure}'] .value").ShouldBe($"{keys.Length}", figure);
            (await ListedAsync(client, Href(page, $"a[data-figure='{figure}']"))).ShouldBe(plan.Ids(keys), figure);
        }

        // Recommendations on actions without answer: 2 on A, 1 on D, 1 on G = 4 (the general one does not count),
        // on three actions; answered: G and J, 2.
        Value(page, "a[data-figure='Unanswered'] .value").ShouldBe("4");
        _fixture.Sum(s => s.Unanswered).ShouldBe(4);
        Value(page, "a[data-figure='Unanswered'] .hint").ShouldBe("2 respondidas");
        (await ListedAsync(client, Href(page, "a[data-figure='Unanswered']"))).ShouldBe(plan.Ids(["A", "D", "G"]));
        (await ListedAsync(client, $"/monitoramento/planos/{plan.Id}/acoes?recomendacoes=respondidas")).ShouldBe(plan.Ids(["G", "J"]));
        // The general recommendation without answer is announced on its own button.
        page.QuerySelector($"a[href='/monitoramento/planos/{plan.Id}/recomendacoes-gerais']")!.TextContent
            .ShouldContain("Recomendações do controle interno (1 sem resposta)");

        // Status: not started A, B, C; in progress F to L; concluded D; discontinued E.
        var statuses = new Dictionary<ActionStatus, string[]>
        {
            [ActionStatus.NotStarted] = ["A", "B", "C"],
            [ActionStatus.InProgress] = ["F", "G", "H", "I", "J", "K", "L"],
            [ActionStatus.Concluded] = ["D"],
            [ActionStatus.Discontinued] = ["E"],
        };
        foreach (var (status, keys) in statuses)
        {
            Keys(s => s.Status == status).ShouldBe(keys, $"{status}");
            Value(page, $"a[data-status-count='{status}']").ShouldBe($"{keys.Length}", $"{status}");
            (await ListedAsync(client, Href(page, $"a[data-status-count='{status}']"))).ShouldBe(plan.Ids(keys), $"{status}");
        }

        // Lights.
        var lights = new Dictionary<TrafficLight, string[]>
        {
            [TrafficLight.White] = ["A", "B", "C"],
            [TrafficLight.Green] = ["I", "L"],
            [TrafficLight.Yellow] = ["H", "J"],
            [TrafficLight.Red] = ["F", "G", "K"],
            [TrafficLight.Blue] = ["D"],
            [TrafficLight.Grey] = ["E"],
        };
        foreach (var (light, keys) in lights)
        {
            Keys(s => s.Light == light).ShouldBe(keys, $"{light}");
            Value(page, $"a[data-light-count='{light}']").ShouldBe($"{keys.Length}", $"{light}");
            var listed = await SispmpiAppFactory.GetDocumentAsync(client, Href(page, $"a[data-light-count='{light}']"));
            listed.QuerySelectorAll("tr[data-action-id]").Select(r => int.Parse(r.GetAttribute("data-action-id")!)).Order().ToArray()
                .ShouldBe(plan.Ids(keys), $"{light}");
            listed.QuerySelectorAll("tr[data-action-id] [data-light]").ShouldAllBe(l => l.GetAttribute("data-light") == $"{light}");
        }

        // Progress, weighted by the actions' weights, discontinued E left out:
        // axis 1: A 0×1, B 0×1, C 0×2, D 1×3, F 0×1 → 3/8 = 37,5%;
        // axis 2 with its sub-axis: G 0,4×1, H 0,25×2, I 0×1, J 0,5×1, K 0×1, L 1×1 → 2,4/7 = 34,28…%;
        // plan: 5,4/15 = 36%.
        Value(page, "[data-axis-progress='1']").ShouldBe("37,5%");
        Value(page, "[data-axis-progress='2']").ShouldBe("34,3%");
        page.QuerySelector("[data-axis-progress='2.1']").ShouldBeNull("the table shows top-level axes only");
        Value(page, "[data-plan-progress]").ShouldBe("36%");
        var axisRows = page.QuerySelectorAll("table[data-axis-table] tbody tr").ToList();
        axisRows.Count.ShouldBe(2);
        foreach (var (row, number, keys) in new[] { (axisRows[0], "1", Keys(s => s.Axis == "1")), (axisRows[1], "2", Keys(s => s.Axis.StartsWith('2'))) })
        {
            row.QuerySelector("th")!.TextContent.ShouldStartWith($"{number}. ");
            var link = row.QuerySelector("td a")!;
            link.TextContent.Trim().ShouldBe($"{keys.Length}");
            (await ListedAsync(client, link.GetAttribute("href")!)).ShouldBe(plan.Ids(keys), $"eixo {number}");
        }
        Keys(s => s.Axis.StartsWith('2')).ShouldBe(["G", "H", "I", "J", "K", "L"]);
        // A sub-axis's list holds its own actions.
        (await ListedAsync(client, $"/monitoramento/planos/{plan.Id}/acoes?eixo={plan.Axes["2.1"]}")).ShouldBe(plan.Ids(["J", "K", "L"]));

        // All the actions.
        var all = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Todas as 12 ações"));
        (await ListedAsync(client, all.GetAttribute("href")!)).ShouldBe(plan.Ids(_fixture.Select(s => s.Key)));

        // The charts draw the same numbers as the tables.
        using var charts = JsonDocument.Parse(page.QuerySelector("#dados-do-painel")!.TextContent);
        charts.RootElement.GetProperty("status").EnumerateArray().Select(s => s.GetProperty("value").GetInt32())
            .ShouldBe([3, 7, 1, 1]);
        charts.RootElement.GetProperty("lights").EnumerateArray().Select(s => s.GetProperty("value").GetInt32())
            .ShouldBe([3, 2, 2, 3, 1, 1]);
    }

    [Fact]
    public async Task Filters_combine_and_an_unknown_point_is_ignored()
    {
        var plan = await CreateFixturePlanAsync(_fixture);
        var client = await app.LoginAsync(Monitor);
        var list = $"/monitoramento/planos/{plan.Id}/acoes";

        // Red and late to conclude: F and G; red and high risk: G; late to start on axis 2: none.
        (await ListedAsync(client, $"{list}?farol=Red&ponto=atraso-conclusao")).ShouldBe(plan.Ids(["F", "G"]));
        (await ListedAsync(client, $"{list}?farol=Red&ponto=risco-alto")).ShouldBe(plan.Ids(["G"]));
        (await ListedAsync(client, $"{list}?ponto=atraso-inicio&eixo={plan.Axes["2"]}")).ShouldBeEmpty();
        (await ListedAsync(client, $"{list}?situacao=InProgress&eixo={plan.Axes["2.1"]}&recomendacoes=respondidas")).ShouldBe(plan.Ids(["J"]));
        // An unknown point filters nothing.
        (await ListedAsync(client, $"{list}?ponto=qualquer")).Length.ShouldBe(_fixture.Length);
    }

    [Fact]
    public async Task The_list_is_paged_forty_actions_a_page_and_the_pages_hold_every_action_once()
    {
        // 41 actions not started, all late to start.
        var specs = Enumerable.Range(1, 41).Select(n => new Spec($"P{n}", "1", OneOff, -5, 50, null, null, null, null, 1m, null, null, 0, 0,
            ActionStatus.NotStarted, TrafficLight.White, Points.LateToStart)).ToArray();
        var plan = await CreateFixturePlanAsync(specs);
        var client = await app.LoginAsync(Monitor);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, Dashboard(plan.Id));
        Value(page, "a[data-figure='LateToStart'] .value").ShouldBe("41");
        var url = Href(page, "a[data-figure='LateToStart']");

        var first = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var firstIds = first.QuerySelectorAll("tr[data-action-id]").Select(r => int.Parse(r.GetAttribute("data-action-id")!)).ToList();
        firstIds.Count.ShouldBe(40);
        first.QuerySelector(".table-title")!.TextContent.Trim().ShouldBe("41 ações");
        var second = await SispmpiAppFactory.GetDocumentAsync(client, url + "&pagina=2");
        var secondIds = second.QuerySelectorAll("tr[data-action-id]").Select(r => int.Parse(r.GetAttribute("data-action-id")!)).ToList();
        secondIds.Count.ShouldBe(1);
        firstIds.Concat(secondIds).Order().ShouldBe(plan.Ids(specs.Select(s => s.Key)));
        // A page past the end shows the last one.
        var beyond = await SispmpiAppFactory.GetDocumentAsync(client, url + "&pagina=9");
        beyond.QuerySelectorAll("tr[data-action-id]").Select(r => int.Parse(r.GetAttribute("data-action-id")!)).ShouldBe(secondIds);
    }

    [Fact]
    public async Task The_observer_sees_the_dashboard_and_the_lists()
    {
        var plan = await CreateFixturePlanAsync(_fixture);
        var client = await app.LoginAsync(Observer);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, Dashboard(plan.Id));
        Value(page, "a[data-figure='HighRisk'] .value").ShouldBe("3");
        (await ListedAsync(client, Href(page, "a[data-figure='HighRisk']"))).ShouldBe(plan.Ids(["A", "G", "J"]));
    }

    [Fact]
    public async Task The_executor_is_refused_with_403()
    {
        var plan = await CreateFixturePlanAsync(_fixture);
        var client = await app.LoginAsync(Executor);

        foreach (var url in new[] { Dashboard(plan.Id), $"/monitoramento/planos/{plan.Id}/acoes", $"/monitoramento/planos/{plan.Id}/acoes?ponto=risco-alto" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(plan.Title);
        }
    }

    [Fact]
    public async Task The_monitoring_committee_of_another_organization_gets_404()
    {
        var plan = await CreateFixturePlanAsync(_fixture);
        var client = await app.LoginAsync(await app.CreateUserAsync("PMOP", "Monitora de Ouro Preto", Profile.MonitoringCommittee));

        // Its own organization's dashboards are open to it, so a 404 here is the tenancy, not the profile.
        foreach (var url in new[] { Dashboard(plan.Id), $"/monitoramento/planos/{plan.Id}/acoes", $"/monitoramento/planos/{plan.Id}/acoes?farol=Red" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(plan.Title);
        }
        var own = await app.WithDbAsync(db => db.Plans.Where(p => p.Organization!.Acronym == "PMOP").Select(p => p.Id).FirstAsync());
        await SispmpiAppFactory.GetDocumentAsync(client, Dashboard(own));
    }

    [Fact]
    public async Task An_unknown_plan_is_404()
    {
        var client = await app.LoginAsync(Monitor);
        var unknown = await app.WithDbAsync(db => db.Plans.MaxAsync(p => p.Id)) + 1000;

        foreach (var url in new[] { Dashboard(unknown), $"/monitoramento/planos/{unknown}/acoes" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
    }
}
