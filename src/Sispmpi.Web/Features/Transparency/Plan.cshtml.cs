using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sispmpi.Web.Features.Transparency;

/// <summary>A published plan in the transparency portal: axes, actions with status, light and progress, figures and charts.</summary>
[AllowAnonymous]
[PublicCache]
public sealed class PlanModel(PublicData data) : PageModel
{
    public PublicPlanPage Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        if (await data.PlanAsync(planId, HttpContext.RequestAborted) is not { } page)
        {
            return NotFound();
        }
        Data = page;
        return Page();
    }

    public object ChartData => Charts.Of(Data.Figures, Data.Axes);
}
