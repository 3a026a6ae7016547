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

/// <summary>A new entry of the plan's integrity risk register (SPEC §3.1, 2e).</summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant, PlanLifecycle lifecycle) : PageModel
{
    [BindProperty]
    public RiskInput Input { get; set; } = new();

    public IntegrityPlan Plan { get; private set; } = null!;
    public IReadOnlyList<string> ActiveCategories { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Categories { get; private set; } = [];
    public IReadOnlyList<RiskActionOption> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        return RiskRegister.CanEdit(Plan, tenant) ? Page() : Refuse();
    }

    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        if (!RiskRegister.CanEdit(Plan, tenant))
        {
            return Refuse();
        }
        Input.Validate(ModelState, ActiveCategories, Actions.Select(a => a.Id).ToHashSet());
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var risk = new IntegrityRisk { OrganizationId = Plan.OrganizationId, PlanId = Plan.Id, Category = "", Title = "" };
        Input.ApplyTo(risk);
        db.Risks.Add(risk);
        await db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(Plan.Id);
        TempData["Sucesso"] = $"Risco “{risk.Title}” cadastrado.";
        return Redirect($"/planos/{Plan.Id}/riscos");
    }

    private StatusCodeResult Refuse()
    {
        if (Plan.IsReadOnly)
        {
            HttpContext.Items[EditablePlanAttribute.ErrorMessageKey] = EditablePlanAttribute.ReadOnlyMessage;
        }
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        ActiveCategories = await RiskRegister.ActiveCategoriesAsync(db);
        Categories = RiskRegister.CategoryItems(ActiveCategories);
        Actions = await RiskRegister.ActionsAsync(db, planId);
        return true;
    }
}
