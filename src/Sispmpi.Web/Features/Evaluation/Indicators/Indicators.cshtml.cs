using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Indicators;

/// <summary>
/// "Indicadores de efetividade" of a plan (SPEC §3.4): share of actions concluded on time, mean delay, execution by axis
/// and budget executed against planned, each with its definition in plain Portuguese, and a chart of the axes.
/// </summary>
[Authorize(Policy = Policies.Evaluation)]
public sealed class IndicatorsModel(PlanIndicatorsService indicators) : PageModel
{
    /// <summary>One bar group of the charts: an axis, its share concluded (in %, null when none counts) and its budget.</summary>
    public sealed record ChartAxis(string Label, string Title, decimal? Concluded, decimal Planned, decimal Spent);

    public PlanIndicators Data { get; private set; } = null!;

    /// <summary>What <c>wwwroot/js/indicadores.js</c> draws; the same numbers are in the table.</summary>
    public IReadOnlyList<ChartAxis> ChartData => [.. Data.Axes.Select(a => new ChartAxis(
        $"Eixo {a.Axis.Number}", a.Axis.Title, a.ConcludedShare is { } share ? Math.Round(share * 100, 1) : null,
        a.Figures.PlannedBudget, a.Figures.BudgetSpent))];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken)
    {
        if (await indicators.LoadAsync(planId, cancellationToken) is not { } data)
        {
            return NotFound();
        }
        Data = data;
        return Page();
    }
}
