using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// Measurements of an action's quantitative goal (SPEC §3.2): the latest one, by date, is the current value, and the
/// progress is the share of the way from baseline to target.
/// </summary>
public sealed class MeasurementTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    /// <summary>A fresh action with the goal of the demo's "Capacitar servidores em ética e integridade": 120 → 1,500.</summary>
    private Task<int> TrainingActionAsync() => app.CreateActionAsync("Capacitar servidores em integridade", a =>
    {
        a.ActionType = "Formação";
        a.Classification = ActionClassification.Continuous;
        a.StartedOn = Today.AddDays(-300);
        a.LastUpdateAt = DateTimeOffset.UtcNow.AddDays(-90);
        (a.GoalIndicator, a.GoalUnit, a.GoalBaseline, a.GoalTarget) = ("Servidores capacitados", "servidores", 120m, 1_500m);
    });

    [Fact]
    public async Task The_demo_training_action_shows_its_measured_progress()
    {
        var actionId = await app.DemoActionIdAsync("Capacitar servidores em ética e integridade");
        var client = await app.LoginAsync(Executor);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/acoes/{actionId}/execucao");

        // 840 of the way from 120 to 1,500: 720 / 1,380 = 52.17…%.
        page.QuerySelector("[data-current-value]")!.TextContent.ShouldBe("840");
        page.QuerySelector("[data-progress]")!.TextContent.ShouldBe("52,2% da meta");
        page.QuerySelectorAll("table[data-measurements] tbody tr").Length.ShouldBe(3);
    }

    [Fact]
    public async Task Measurements_update_the_current_value_and_the_progress_shown()
    {
        var actionId = await TrainingActionAsync();
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        page.QuerySelector("[data-current-value]")!.TextContent.ShouldBe("—");
        page.QuerySelector("[data-progress]")!.TextContent.ShouldBe("0% da meta");

        // 690: (690 − 120) / 1,380 = 41.30…%.
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await MeasureAsync(client, actionId, Today.AddDays(-10), "690", "Primeira turma.");
        await ShowsAsync(client, actionId, 690m, "690", "41,3%");
        (await app.ActionAsync(actionId)).LastUpdateAt!.Value.ShouldBeGreaterThan(before, "a measurement is an update");

        // 1.050 (pt-BR thousands separator): (1,050 − 120) / 1,380 = 67.39…%.
        await MeasureAsync(client, actionId, Today, "1.050", null);
        await ShowsAsync(client, actionId, 1_050m, "1.050", "67,4%");

        // An older measurement, even a higher one, does not replace the latest.
        await MeasureAsync(client, actionId, Today.AddDays(-20), "1.400,5", "Registro atrasado.");
        await ShowsAsync(client, actionId, 1_050m, "1.050", "67,4%");

        // Beyond the target the progress stops at 100%.
        await MeasureAsync(client, actionId, Today, "2.000", null);
        await ShowsAsync(client, actionId, 2_000m, "2.000", "100%");

        // The history lists them all, latest first.
        page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var rows = page.QuerySelectorAll("table[data-measurements] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()).ToArray()).ToList();
        rows.Select(r => r[1]).ShouldBe(["2.000 servidores", "1.050 servidores", "690 servidores", "1.400,5 servidores"]);
        rows[2][0].ShouldBe(Today.AddDays(-10).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));

        // Removing the latest measurement brings back the one before.
        var latest = await app.WithDbAsync(db => db.ActionMeasurements.Where(m => m.ActionId == actionId && m.Value == 2_000m).Select(m => m.Id).SingleAsync());
        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=RemoveMeasurement&measurementId={latest}",
            new Dictionary<string, string>(), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        await ShowsAsync(client, actionId, 1_050m, "1.050", "67,4%");
    }

    [Fact]
    public async Task A_measurement_dated_in_the_future_is_refused()
    {
        var actionId = await TrainingActionAsync();
        await app.WithDbAsync(async db =>
        {
            db.ActionMeasurements.Add(new ActionMeasurement
            {
                OrganizationId = (await db.PlanActions.SingleAsync(a => a.Id == actionId)).OrganizationId, ActionId = actionId,
                MeasuredOn = Today.AddDays(-30), Value = 500m, RecordedAt = DateTimeOffset.UtcNow.AddDays(-30),
            });
            var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            action.CurrentValue = 500m;
            await db.SaveChangesAsync();
        });
        var before = await app.ActionAsync(actionId);
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Measurement", new Dictionary<string, string>
        {
            ["Measurement.MeasuredOn"] = Iso(Today.AddDays(1)), ["Measurement.Value"] = "900", ["Measurement.Note"] = "Previsão",
        }, url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Measurement_MeasuredOn-error")!.TextContent.Trim().ShouldBe("A data da medição não pode ser posterior a hoje.");
        page.QuerySelector("#Measurement_MeasuredOn")!.GetAttribute("value").ShouldBe(Iso(Today.AddDays(1)));
        page.QuerySelector("#Measurement_Value")!.GetAttribute("value").ShouldBe("900");
        (await app.WithDbAsync(db => db.ActionMeasurements.CountAsync(m => m.ActionId == actionId))).ShouldBe(1);
        var after = await app.ActionAsync(actionId);
        after.CurrentValue.ShouldBe(500m);
        after.LastUpdateAt.ShouldBe(before.LastUpdateAt);
    }

    [Theory]
    [InlineData("", "Informe o valor medido.")]
    [InlineData("muitos", "O valor “muitos” não é válido neste campo.")]
    public async Task A_measurement_without_a_valid_value_is_refused(string value, string message)
    {
        var actionId = await TrainingActionAsync();
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Measurement", new Dictionary<string, string>
        {
            ["Measurement.MeasuredOn"] = Iso(Today), ["Measurement.Value"] = value,
        }, url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Measurement_Value-error")!.TextContent.ShouldContain(message);
        (await app.WithDbAsync(db => db.ActionMeasurements.CountAsync(m => m.ActionId == actionId))).ShouldBe(0);
    }

    [Fact]
    public async Task An_action_without_a_goal_has_nothing_to_measure()
    {
        var actionId = await app.CreateActionAsync("Ação de teste sem meta");
        var client = await app.LoginAsync(Executor);
        var url = $"/acoes/{actionId}/execucao";
        (await SispmpiAppFactory.GetDocumentAsync(client, url)).QuerySelector("#medicoes").ShouldBeNull();

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Measurement", new Dictionary<string, string>
        {
            ["Measurement.MeasuredOn"] = Iso(Today), ["Measurement.Value"] = "10",
        }, url);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Esta ação não tem meta quantitativa: não há o que medir.");
        (await app.WithDbAsync(db => db.ActionMeasurements.CountAsync(m => m.ActionId == actionId))).ShouldBe(0);
    }

    private static async Task MeasureAsync(HttpClient client, int actionId, DateOnly day, string value, string? note)
    {
        var url = $"/acoes/{actionId}/execucao";
        using var response = await SispmpiAppFactory.PostFormAsync(client, $"{url}?handler=Measurement", new Dictionary<string, string>
        {
            ["Measurement.MeasuredOn"] = Iso(day), ["Measurement.Value"] = value, ["Measurement.Note"] = note ?? "",
        }, url);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            throw new ShouldAssertException(
                $"Measuring {value} answered {(int)response.StatusCode}: {string.Join(" | ", page.QuerySelectorAll(".feedback.danger").Select(e => e.TextContent))}");
        }
        response.Headers.Location!.OriginalString.ShouldBe($"{url}#medicoes");
    }

    /// <summary>The stored current value and progress, and what the tab and its header show.</summary>
    private async Task ShowsAsync(HttpClient client, int actionId, decimal value, string shown, string progress)
    {
        var action = await app.ActionAsync(actionId);
        action.CurrentValue.ShouldBe(value);
        action.Progress!.Value.ShouldBe(Math.Clamp((value - 120m) / (1_500m - 120m), 0m, 1m), 0.000001m);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/acoes/{actionId}/execucao");
        page.QuerySelector("[data-current-value]")!.TextContent.ShouldBe(shown);
        page.QuerySelector("[data-progress]")!.TextContent.ShouldBe($"{progress} da meta");
        page.QuerySelector("[data-action-summary] .sispmpi-progress")!.TextContent.Trim().ShouldBe(progress);
    }
}
