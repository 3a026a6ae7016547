using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Risks;

/// <summary>
/// One risk of the register: edited by the commission while the plan is editable, shown with every field
/// disabled to the other formulation profiles and once the plan is published.
/// </summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class EditModel(SispmpiDbContext db, TenantContext tenant, PlanLifecycle lifecycle) : PageModel
{
    [BindProperty]
    public RiskInput Input { get; set; } = new();

    public IntegrityRisk Risk { get; private set; } = null!;
    public IntegrityPlan Plan { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<string> ActiveCategories { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Categories { get; private set; } = [];
    public IReadOnlyList<RiskActionOption> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int riskId)
    {
        if (!await LoadAsync(riskId))
        {
            return NotFound();
        }
        Input = RiskInput.From(Risk, ActiveCategories);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int riskId)
    {
        if (!await LoadAsync(riskId))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Input.Validate(ModelState, ActiveCategories, Actions.Select(a => a.Id).ToHashSet());
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Risk);
        await db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(Plan.Id);
        TempData["Sucesso"] = $"Risco “{Risk.Title}” atualizado.";
        return Redirect($"/planos/{Plan.Id}/riscos");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int riskId)
    {
        if (!await LoadAsync(riskId))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        db.Risks.Remove(Risk);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Risco “{Risk.Title}” excluído.";
        return Redirect($"/planos/{Plan.Id}/riscos");
    }

    private async Task<bool> LoadAsync(int riskId)
    {
        var risk = await db.Risks.Include(r => r.Treatments).FirstOrDefaultAsync(r => r.Id == riskId);
        var plan = risk is null ? null : await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == risk.PlanId);
        if (risk is null || plan is null)
        {
            return false;
        }
        Risk = risk;
        Plan = plan;
        CanEdit = RiskRegister.CanEdit(plan, tenant);
        ActiveCategories = await RiskRegister.ActiveCategoriesAsync(db);
        Categories = RiskRegister.CategoryItems(ActiveCategories);
        Actions = await RiskRegister.ActionsAsync(db, plan.Id);
        return true;
    }
}
