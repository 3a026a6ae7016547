using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Risks;

/// <summary>A new entry of the plan's integrity risk register (SPEC §3.1, 2e).</summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant, PlanLifecycle lifecycle)
    : RiskPageModel(db, tenant, lifecycle)
{
    public async Task<IActionResult> OnGetAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        return CanEdit ? Page() : Refuse();
    }

    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
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
        var risk = new IntegrityRisk { OrganizationId = Plan.OrganizationId, PlanId = Plan.Id, Category = "", Title = "" };
        Input.ApplyTo(risk);
        Db.Risks.Add(risk);
        return await SaveAsync($"Risco “{risk.Title}” cadastrado.");
    }

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await Db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        await LoadPlanAsync(plan);
        return true;
    }
}
