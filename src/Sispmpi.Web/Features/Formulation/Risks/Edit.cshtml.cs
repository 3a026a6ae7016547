using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
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
public sealed class EditModel(SispmpiDbContext db, TenantContext tenant, PlanLifecycle lifecycle)
    : RiskPageModel(db, tenant, lifecycle)
{
    public IntegrityRisk Risk { get; private set; } = null!;

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
            return Refuse();
        }
        if (!InputIsValid())
        {
            return Page();
        }
        Input.ApplyTo(Risk);
        return await SaveAsync($"Risco “{Risk.Title}” atualizado.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int riskId)
    {
        if (!await LoadAsync(riskId))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Refuse();
        }
        Db.Risks.Remove(Risk);
        await Db.SaveChangesAsync();
        TempData["Sucesso"] = $"Risco “{Risk.Title}” excluído.";
        return Redirect(RegisterUrl);
    }

    private async Task<bool> LoadAsync(int riskId)
    {
        var risk = await Db.Risks.Include(r => r.Treatments).FirstOrDefaultAsync(r => r.Id == riskId);
        var plan = risk is null ? null : await Db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == risk.PlanId);
        if (risk is null || plan is null)
        {
            return false;
        }
        Risk = risk;
        await LoadPlanAsync(plan);
        return true;
    }
}
