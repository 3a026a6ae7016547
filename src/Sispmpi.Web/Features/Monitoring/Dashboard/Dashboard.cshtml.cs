using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Dashboard;

/// <summary>The monitoring dashboard of a plan (SPEC §3.3): every figure links to the list of actions behind it.</summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class DashboardModel(MonitoringDashboard dashboards) : PageModel
{
    public PlanDashboard Data { get; private set; } = null!;

    public static readonly TrafficLight[] LightOrder =
        [TrafficLight.White, TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red, TrafficLight.Blue, TrafficLight.Grey];

    public static readonly ActionStatus[] StatusOrder =
        [ActionStatus.NotStarted, ActionStatus.InProgress, ActionStatus.Concluded, ActionStatus.Discontinued];

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        var data = await dashboards.BuildAsync(planId, HttpContext.RequestAborted);
        if (data is null)
        {
            return NotFound();
        }
        Data = data;
        return Page();
    }

    /// <summary>The address of the list of actions behind a figure.</summary>
    public string ListUrl(ActionFilter filter) => ActionsModel.For(Data.Plan.Id, filter);

    /// <summary>The chart data, as JSON read by dashboard.js (no inline script under the CSP).</summary>
    public object ChartData => new
    {
        status = StatusOrder.Select(s => new { label = Shared.Labels.Of(s), value = Data.Count(new(Status: s)), url = ListUrl(new(Status: s)) }),
        lights = LightOrder.Select(l => new
        {
            label = Shared.Labels.Of(l), value = Data.Count(new(Light: l)), url = ListUrl(new(Light: l)), light = l.ToString().ToLowerInvariant(),
        }),
        axes = Data.Axes.Select(a => new { label = $"{a.Number}. {a.Title}", value = Math.Round((a.Progress ?? 0) * 100, 1), url = ListUrl(new(AxisId: a.Id)) }),
        timeline = Data.Actions.Where(a => a.PlannedStart is not null && a.PlannedEnd is not null).Select(a => new
        {
            label = $"{a.Number} {a.Title}", start = a.PlannedStart!.Value.ToString("yyyy-MM-dd"), end = a.PlannedEnd!.Value.ToString("yyyy-MM-dd"),
            light = a.Light.ToString().ToLowerInvariant(), url = $"/acoes/{a.Id}/monitoramento",
        }),
        today = Data.Today.ToString("yyyy-MM-dd"),
    };
}
