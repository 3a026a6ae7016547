using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Risks;

/// <summary>
/// What the pages that create and edit a risk share: the plan, the choices of the form, whether the
/// commission may change the register, and how a valid form is saved.
/// </summary>
public abstract class RiskPageModel(SispmpiDbContext db, TenantContext tenant, PlanLifecycle lifecycle) : PageModel
{
    [BindProperty]
    public RiskInput Input { get; set; } = new();

    public IntegrityPlan Plan { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<string> ActiveCategories { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Categories { get; private set; } = [];
    public IReadOnlyList<RiskActionOption> Actions { get; private set; } = [];

    protected SispmpiDbContext Db => db;

    protected string RegisterUrl => $"/planos/{Plan.Id}/riscos";

    protected async Task LoadPlanAsync(IntegrityPlan plan)
    {
        Plan = plan;
        CanEdit = RiskRegister.CanEdit(plan, tenant);
        ActiveCategories = await RiskRegister.ActiveCategoriesAsync(db);
        Categories = RiskRegister.CategoryItems(ActiveCategories);
        Actions = await RiskRegister.ActionsAsync(db, plan.Id);
    }

    /// <summary>403, saying why when the plan is published or obsolete.</summary>
    protected Refusal Refuse() => Refusal.Forbidden(Plan.IsReadOnly ? EditablePlanAttribute.ReadOnlyMessage : null);

    protected bool InputIsValid()
    {
        Input.Validate(ModelState, ActiveCategories, Actions.Select(a => a.Id).ToHashSet());
        return ModelState.IsValid;
    }

    /// <summary>Saves the register, marks the plan as in preparation and goes back to the register.</summary>
    protected async Task<IActionResult> SaveAsync(string message)
    {
        await db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(Plan.Id);
        TempData["Sucesso"] = message;
        return Redirect(RegisterUrl);
    }
}
