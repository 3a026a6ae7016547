using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Lifecycle;

/// <summary>The central administrator reopens a published plan, with a justification kept in the history.</summary>
[Authorize(Policy = Policies.PlanReopen)]
public sealed class ReopenModel(SispmpiDbContext db, PlanLifecycle lifecycle) : PageModel
{
    [BindProperty]
    public string? Justification { get; set; }

    public IntegrityPlan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId) => await LoadAsync(planId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        if (await lifecycle.ReopenAsync(planId, Justification) is { } error)
        {
            ModelState.AddModelError(nameof(Justification), error);
            return Page();
        }
        TempData["Sucesso"] = "Plano reaberto para elaboração. A reabertura e a justificativa ficaram registradas no histórico.";
        return Redirect($"/planos/{planId}");
    }

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        Plan = plan!;
        return plan is not null;
    }
}
