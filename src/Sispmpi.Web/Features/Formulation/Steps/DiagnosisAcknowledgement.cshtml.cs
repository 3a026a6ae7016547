using System.ComponentModel.DataAnnotations;
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
/// Step 2d: the Alta administração reads the diagnosis and records whether it validates it, with suggestions.
/// Who and when are recorded; the commission sees the decision, read-only, on the diagnosis page.
/// </summary>
[Authorize(Policy = Policies.DiagnosisAcknowledge)]
[EditablePlan]
public sealed class DiagnosisAcknowledgementModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant,
    PlanLifecycle lifecycle, TimeProvider clock) : StepPageModel(db, progress, tenant)
{
    public sealed class AcknowledgementInput
    {
        public bool? Validated { get; set; }

        [StringLength(10_000, ErrorMessage = "As sugestões devem ter até 10.000 caracteres.")]
        public string? Suggestions { get; set; }
    }

    public AcknowledgementInput Input { get; set; } = new();
    public Diagnosis? Saved { get; private set; }
    public bool IsReady => Progress[DiagnosisTab.Acknowledgement].IsOpen;

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        Saved = await Db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == planId);
        Input = new AcknowledgementInput { Validated = Saved?.Validated, Suggestions = Saved?.AcknowledgementSuggestions };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await TryUpdateModelAsync(Input, nameof(Input));
        var diagnosis = await Db.Diagnoses.FirstOrDefaultAsync(d => d.PlanId == planId);
        Saved = diagnosis;
        if (!IsReady || diagnosis is null)
        {
            AddFormError("O diagnóstico ainda não está completo: a ciência é registrada depois que a comissão preencher as partes a, b e c.");
        }
        if (Input.Validated is null)
        {
            ModelState.AddModelError("Input.Validated", "Indique se a alta administração valida o diagnóstico.");
        }
        else if (Input.Validated == false && string.IsNullOrWhiteSpace(Input.Suggestions))
        {
            ModelState.AddModelError("Input.Suggestions", "Ao não validar o diagnóstico, diga à comissão o que deve ser revisto.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        diagnosis!.Validated = Input.Validated;
        diagnosis.AcknowledgementSuggestions = FormValues.Clean(Input.Suggestions);
        diagnosis.AcknowledgedById = Tenant.UserId;
        diagnosis.AcknowledgedByName = Tenant.UserName;
        diagnosis.AcknowledgedAt = clock.GetUtcNow();
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        TempData["Sucesso"] = Input.Validated == true
            ? "Ciência registrada: diagnóstico validado. A comissão pode seguir com o plano."
            : "Ciência registrada: diagnóstico não validado. A comissão verá as suas sugestões e pedirá nova ciência após revisá-lo.";
        return Redirect($"/planos/{planId}/etapas/diagnostico?aba={StepTexts.Slug(DiagnosisTab.Acknowledgement)}");
    }
}
