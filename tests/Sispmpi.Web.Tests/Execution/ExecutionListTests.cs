using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// The execution list, <c>/execucao</c>: an executor starts with his own actions, and the traffic-light filter (run
/// in the database) agrees with the light shown, which agrees with the SPEC's rules applied here to each action's dates.
/// </summary>
public sealed class ExecutionListTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>, IAsyncLifetime
{
    private sealed record Row(int Id, string Title, TrafficLight Light);

    private sealed record Expected(int Id, string Title, bool Mine, TrafficLight Light, ActionStatus Status, DateOnly? PlannedEnd, int AxisId);

    /// <summary>
    /// Actions on every boundary of the light rules, for executor@, besides the demo's: the list must agree with the
    /// rules on the day a colour changes, not only in the middle of a range.
    /// </summary>
    public async Task InitializeAsync()
    {
        if (await app.WithDbAsync(db => db.PlanActions.AnyAsync(a => a.Title.StartsWith("Limite "))))
        {
            return;
        }
        var started = Today.AddDays(-100);
        foreach (var (name, days) in new (string, int?)[] { ("término em 30 dias", 30), ("término em 29 dias", 29), ("término hoje", 0), ("término ontem", -1), ("sem término", null) })
        {
            await app.CreateActionAsync($"Limite pontual {name}", a =>
            {
                a.StartedOn = started;
                a.PlannedEnd = days is int d ? Today.AddDays(d) : null;
                a.LastUpdateAt = DateTimeOffset.UtcNow;
            });
        }
        foreach (var (name, lastUpdate, start) in new (string, DateTimeOffset?, DateOnly)[]
        {
            ("atualizada há 29 dias", NoonInBrasilia(Today.AddDays(-29)), started),
            ("atualizada há 30 dias", NoonInBrasilia(Today.AddDays(-30)), started),
            // 23:30 in Brasília is already the next day in UTC: the day counted must be Brasília's.
            ("atualizada há 30 dias à noite", NoonInBrasilia(Today.AddDays(-30)).AddHours(11.5), started),
            ("atualizada há 60 dias", NoonInBrasilia(Today.AddDays(-60)), started),
            ("atualizada há 61 dias", NoonInBrasilia(Today.AddDays(-61)), started),
            ("iniciada há 10 dias", null, Today.AddDays(-10)),
            ("iniciada há 61 dias", null, Today.AddDays(-61)),
        })
        {
            await app.CreateActionAsync($"Limite contínua {name}", a =>
            {
                a.Classification = ActionClassification.Continuous;
                a.StartedOn = start;
                a.LastUpdateAt = lastUpdate;
                a.PlannedEnd = Today.AddDays(-400);
            });
        }

        // An action he is only involved in, one he has nothing to do with, and one of a plan not published.
        var executorId = await app.UserIdAsync(Executor);
        var involved = await app.CreateActionAsync("Limite com participação", a => a.ResponsibleUserId = null);
        await app.CreateActionAsync("Limite de outra pessoa", a => a.ResponsibleUserId = null);
        await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == involved);
            db.ActionParticipants.Add(new ActionParticipant { OrganizationId = action.OrganizationId, ActionId = involved, UserId = executorId });
            var plan = new IntegrityPlan
            {
                OrganizationId = action.OrganizationId, Title = "Limite — plano em elaboração", Edition = "2030", Status = PlanStatus.InPreparation,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var axis = new PlanAxis { OrganizationId = plan.OrganizationId, PlanId = plan.Id, Position = 1, Number = "1", Title = "Eixo" };
            db.PlanAxes.Add(axis);
            await db.SaveChangesAsync();
            db.PlanActions.Add(new PlanAction
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, AxisId = axis.Id, Position = 1, Number = "1.1", ActionType = "Processo",
                Title = "Limite de plano não publicado", ResponsibleUserId = executorId, StartedOn = Today.AddDays(-5),
            });
            await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every action of SEPLAG's published plans, with the light the SPEC gives it today, computed here.</summary>
    private async Task<List<Expected>> ExpectedAsync()
    {
        var executorId = await app.UserIdAsync(Executor);
        var seplagId = await app.OrganizationIdAsync("SEPLAG");
        var today = Today;
        return await app.WithDbAsync(async db =>
        {
            var involved = await db.ActionParticipants.Where(p => p.UserId == executorId).Select(p => p.ActionId).ToListAsync();
            var actions = await db.PlanActions.AsNoTracking()
                .Where(a => a.OrganizationId == seplagId && a.Plan!.Status == PlanStatus.Published)
                .Select(a => new
                {
                    a.Id, a.Title, a.ResponsibleUserId, a.StartedOn, a.ConcludedOn, a.DiscontinuedOn, a.Classification, a.PlannedEnd,
                    a.LastUpdateAt, a.AxisId,
                })
                .ToListAsync();
            return actions.Select(a =>
            {
                // The status the dates tell (SPEC §3.2), and the last update as a Brasília day, falling back to the start.
                var status = a.DiscontinuedOn is not null ? ActionStatus.Discontinued
                    : a.StartedOn is not null && a.ConcludedOn is not null ? ActionStatus.Concluded
                    : a.StartedOn is not null ? ActionStatus.InProgress
                    : ActionStatus.NotStarted;
                var lastUpdate = a.LastUpdateAt is { } at ? BrasiliaDate(at) : a.StartedOn;
                var light = TrafficLightRules.Compute(status, a.Classification, a.PlannedEnd, lastUpdate, today, TrafficLightThresholds.Default);
                return new Expected(a.Id, a.Title, a.ResponsibleUserId == executorId || involved.Contains(a.Id), light, status, a.PlannedEnd, a.AxisId);
            }).ToList();
        });
    }

    [Fact]
    public async Task The_boundary_actions_have_the_lights_of_the_spec()
    {
        // Guards the fixture: were the expectations computed wrongly here, the list tests would prove nothing.
        var expected = (await ExpectedAsync()).Where(e => e.Title.StartsWith("Limite ")).ToDictionary(e => e.Title[..e.Title.LastIndexOf(' ')], e => e.Light);
        expected["Limite pontual término em 30 dias"].ShouldBe(TrafficLight.Green);
        expected["Limite pontual término em 29 dias"].ShouldBe(TrafficLight.Yellow);
        expected["Limite pontual término hoje"].ShouldBe(TrafficLight.Yellow);
        expected["Limite pontual término ontem"].ShouldBe(TrafficLight.Red);
        expected["Limite pontual sem término"].ShouldBe(TrafficLight.Green);
        expected["Limite contínua atualizada há 29 dias"].ShouldBe(TrafficLight.Green);
        expected["Limite contínua atualizada há 30 dias"].ShouldBe(TrafficLight.Yellow);
        expected["Limite contínua atualizada há 30 dias à noite"].ShouldBe(TrafficLight.Yellow);
        expected["Limite contínua atualizada há 60 dias"].ShouldBe(TrafficLight.Yellow);
        expected["Limite contínua atualizada há 61 dias"].ShouldBe(TrafficLight.Red);
        expected["Limite contínua iniciada há 10 dias"].ShouldBe(TrafficLight.Green);
        expected["Limite contínua iniciada há 61 dias"].ShouldBe(TrafficLight.Red);
        expected["Limite com participação"].ShouldBe(TrafficLight.White);
    }

    [Fact]
    public async Task The_executor_starts_with_his_own_actions_and_may_see_them_all()
    {
        var expected = await ExpectedAsync();
        var client = await app.LoginAsync(Executor);

        var (mine, minePage) = await ListAsync(client, "/execucao");
        minePage.QuerySelector("h1")!.TextContent.ShouldBe("Minhas ações");
        mine.Select(r => r.Id).ShouldBe(expected.Where(e => e.Mine).Select(e => e.Id), ignoreOrder: true);
        var titles = mine.Select(r => r.Title).ToList();
        foreach (var title in NotTheExecutors)
        {
            titles.ShouldNotContain(title);
        }
        titles.ShouldContain(t => t.StartsWith("Limite com participação"), "an action he is involved in is his too");
        titles.ShouldNotContain(t => t.StartsWith("Limite de outra pessoa"));
        titles.ShouldNotContain("Limite de plano não publicado");
        (await ListAsync(client, "/execucao?escopo=minhas")).Rows.Select(r => r.Id).ShouldBe(mine.Select(r => r.Id));

        var (all, allPage) = await ListAsync(client, "/execucao?escopo=todas");
        allPage.QuerySelector("h1")!.TextContent.ShouldBe("Execução");
        all.Select(r => r.Id).ShouldBe(expected.Select(e => e.Id), ignoreOrder: true);
        foreach (var title in NotTheExecutors)
        {
            all.Select(r => r.Title).ShouldContain(title);
        }
        all.Select(r => r.Title).ShouldNotContain("Limite de plano não publicado");

        // Without the executor profile, the list starts with every action.
        var commission = await app.LoginAsync(Commission);
        (await ListAsync(commission, "/execucao")).Rows.Select(r => r.Id).ShouldBe(all.Select(r => r.Id));
    }

    [Theory]
    [InlineData("todas")]
    [InlineData("minhas")]
    public async Task Each_light_filter_returns_exactly_the_actions_showing_that_light(string scope)
    {
        var expected = (await ExpectedAsync()).Where(e => scope == "todas" || e.Mine).ToDictionary(e => e.Id);
        var client = await app.LoginAsync(Executor);

        // Unfiltered, every row shows the light the rules give it.
        var (all, _) = await ListAsync(client, $"/execucao?escopo={scope}");
        all.Select(r => r.Id).ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var row in all)
        {
            row.Light.ShouldBe(expected[row.Id].Light, $"light shown for “{row.Title}”");
        }

        var total = 0;
        foreach (var light in Enum.GetValues<TrafficLight>())
        {
            var (rows, page) = await ListAsync(client, $"/execucao?escopo={scope}&farol={light}");
            rows.ShouldAllBe(r => r.Light == light, $"every row of farol={light} shows {light}");
            rows.Select(r => r.Id).ShouldBe(expected.Values.Where(e => e.Light == light).Select(e => e.Id), ignoreOrder: true, $"farol={light}");
            page.QuerySelector("#farol option[selected]")!.GetAttribute("value").ShouldBe(light.ToString());
            if (scope == "todas")
            {
                rows.ShouldNotBeEmpty($"the demo and the boundary actions cover {light}");
            }
            total += rows.Count;
        }
        total.ShouldBe(all.Count, "the six lights add up to the whole list");
    }

    [Fact]
    public async Task The_other_filters_narrow_the_list_as_they_say()
    {
        var expected = await ExpectedAsync();
        var client = await app.LoginAsync(Executor);

        foreach (var status in Enum.GetValues<ActionStatus>())
        {
            (await ListAsync(client, $"/execucao?escopo=todas&situacao={status}")).Rows.Select(r => r.Id)
                .ShouldBe(expected.Where(e => e.Status == status).Select(e => e.Id), ignoreOrder: true, status.ToString());
        }

        var dueBy = Today.AddDays(20);
        (await ListAsync(client, $"/execucao?escopo=todas&termino-ate={Iso(dueBy)}")).Rows.Select(r => r.Id)
            .ShouldBe(expected.Where(e => e.PlannedEnd <= dueBy).Select(e => e.Id), ignoreOrder: true);

        (await ListAsync(client, "/execucao?escopo=todas&busca=reunião trimestral")).Rows.Select(r => r.Title)
            .ShouldBe(["Realizar reunião trimestral da alta administração sobre integridade"]);

        // Filters combine: the executor's red actions of the fifth axis.
        var axisId = await app.WithDbAsync(db => db.PlanAxes.Where(x => x.Number == "5" && db.Plans.Any(p => p.Id == x.PlanId && p.Title == DemoPlanTitle)).Select(x => x.Id).SingleAsync());
        (await ListAsync(client, $"/execucao?escopo=minhas&farol=Red&eixo={axisId}")).Rows.Select(r => r.Id)
            .ShouldBe(expected.Where(e => e.Mine && e.Light == TrafficLight.Red && e.AxisId == axisId).Select(e => e.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task An_executor_without_actions_is_told_how_he_gets_some()
    {
        var client = await app.LoginAsync(await app.CreateUserAsync("SEPLAG", "Executor sem ações", Sispmpi.Core.Identity.Profile.Executor));

        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/execucao");

        page.QuerySelector("table[data-actions]").ShouldBeNull();
        page.QuerySelector("[data-empty]")!.TextContent.ShouldContain("Você ainda não é responsável por nenhuma ação nem está envolvido em alguma.");
        (await ListAsync(client, "/execucao?escopo=todas")).Rows.ShouldNotBeEmpty();
        page = await SispmpiAppFactory.GetDocumentAsync(client, "/execucao?farol=Blue");
        page.QuerySelector("[data-empty]")!.TextContent.ShouldContain("Nenhuma ação encontrada com os filtros escolhidos.");
    }

    [Fact]
    public async Task Profiles_outside_execution_are_refused_the_list()
    {
        var observer = await app.LoginAsync(Observer);
        (await observer.GetAsync("/execucao")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var anonymous = app.CreateAnonymousClient();
        (await anonymous.GetAsync("/execucao")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Reads every page of the list, following its "next page" link, and checks the count announced.</summary>
    private static async Task<(List<Row> Rows, IDocument FirstPage)> ListAsync(HttpClient client, string url)
    {
        var rows = new List<Row>();
        IDocument? first = null;
        int? announced = null;
        string? next = url;
        for (var pages = 0; next is not null; pages++)
        {
            pages.ShouldBeLessThan(20, "the pagination ends");
            var page = await SispmpiAppFactory.GetDocumentAsync(client, next);
            first ??= page;
            if (page.QuerySelector("[data-empty]") is not null)
            {
                announced = 0;
                break;
            }
            var title = page.QuerySelector(".table-title")!.TextContent.Trim();
            announced = int.Parse(title.Split(' ')[0]);
            rows.AddRange(page.QuerySelectorAll("table[data-actions] tbody tr").Select(tr => new Row(
                int.Parse(tr.GetAttribute("data-action-id")!),
                tr.QuerySelector("td:nth-child(2) a")!.TextContent.Trim(),
                Enum.Parse<TrafficLight>(tr.QuerySelector("[data-light]")!.GetAttribute("data-light")!))));
            next = page.QuerySelector("a[data-next-page]")?.GetAttribute("href");
        }
        rows.Count.ShouldBe(announced!.Value, $"{url}: rows listed against the count announced");
        rows.Select(r => r.Id).ShouldBeUnique($"{url}: no action on two pages");
        return (rows, first!);
    }
}
