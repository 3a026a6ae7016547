using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>
/// Steps 5 and 6: the programme draft (DOCX) and the plan draft (XLSX). Generating one through this page records
/// when it was generated and then downloads it from its usual address.
/// </summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class DraftsModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant, PlanLifecycle lifecycle,
    TimeProvider clock) : StepPageModel(db, progress, tenant)
{
    public static string ProgramDraftUrl(int planId) => $"/planos/{planId}/minuta-do-programa.docx";

    public static string PlanDraftUrl(int planId) => $"/planos/{planId}/minuta-do-plano.xlsx";

    public async Task<IActionResult> OnGetAsync(int planId) => await LoadAsync(planId) ? Page() : NotFound();

    public Task<IActionResult> OnPostProgramDraftAsync(int planId) => GenerateAsync(planId, FormulationStep.ProgramDraft);

    public Task<IActionResult> OnPostPlanDraftAsync(int planId) => GenerateAsync(planId, FormulationStep.PlanDraft);

    private async Task<IActionResult> GenerateAsync(int planId, FormulationStep step)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        if (!Progress[step].IsOpen)
        {
            TempData["Erro"] = $"A {StepTexts.Title(step).ToLowerInvariant()} só pode ser gerada depois das etapas anteriores. {StepTexts.BlockedReason(step)}";
            return Redirect($"/planos/{planId}/etapas/minutas");
        }
        var plan = await Db.Plans.FirstAsync(p => p.Id == planId);
        if (step == FormulationStep.ProgramDraft)
        {
            plan.ProgramDraftGeneratedAt = clock.GetUtcNow();
        }
        else
        {
            plan.PlanDraftGeneratedAt = clock.GetUtcNow();
        }
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        return Redirect(step == FormulationStep.ProgramDraft ? ProgramDraftUrl(planId) : PlanDraftUrl(planId));
    }
}
