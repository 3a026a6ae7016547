using Sispmpi.Core.Identity;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>
/// Step 4, validação geral: the validity period, the stakeholders consulted and remarks. "Concluir validação"
/// records when the plan was validated, once steps 1 to 3 are done.
/// </summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class ValidationModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant, PlanLifecycle lifecycle,
    TimeProvider clock, Notifications.Notifier notifier) : StepPageModel(db, progress, tenant)
{
    public sealed class ValidationInput
    {
        public string? ValidFrom { get; set; }
        public string? ValidTo { get; set; }
        public List<string> Stakeholders { get; set; } = [];

        [StringLength(2000, ErrorMessage = "Outras partes interessadas: até 2.000 caracteres.")]
        public string? OtherStakeholders { get; set; }

        [StringLength(10_000, ErrorMessage = "As observações devem ter até 10.000 caracteres.")]
        public string? Remarks { get; set; }
    }

    public ValidationInput Input { get; set; } = new();
    public IReadOnlyList<ChoiceOption> StakeholderOptions { get; private set; } = [];

    public ChoicesView StakeholderChoices => new("Input.Stakeholders", "parte", "Partes interessadas consultadas",
        "Escolha no catálogo quem foi ouvido sobre o plano.", StakeholderOptions, Input.Stakeholders.ToHashSet(),
        ModelState.TryGetValue("Input.Stakeholders", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null);

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        Input = new ValidationInput
        {
            ValidFrom = FormValues.DateText(Plan.ValidFrom), ValidTo = FormValues.DateText(Plan.ValidTo),
            Stakeholders = [.. Plan.Stakeholders ?? []], OtherStakeholders = Plan.OtherStakeholders, Remarks = Plan.ValidationRemarks,
        };
        StakeholderOptions = await Choices.OptionsAsync(Db, CatalogKind.Stakeholder, Plan.Stakeholders);
        return Page();
    }

    /// <summary>Saves what was typed; a validation already concluded stays so only while it is still complete.</summary>
    public Task<IActionResult> OnPostAsync(int planId) => SaveAsync(planId, conclude: false);

    /// <summary>Saves and concludes the validation: every earlier step done, period and stakeholders given.</summary>
    public Task<IActionResult> OnPostConcludeAsync(int planId) => SaveAsync(planId, conclude: true);

    private async Task<IActionResult> SaveAsync(int planId, bool conclude)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        StakeholderOptions = await Choices.OptionsAsync(Db, CatalogKind.Stakeholder, Plan.Stakeholders);
        await TryUpdateModelAsync(Input, nameof(Input));
        var from = FormValues.Date(ModelState, "Input.ValidFrom", Input.ValidFrom, "o início da vigência", required: conclude);
        var to = FormValues.Date(ModelState, "Input.ValidTo", Input.ValidTo, "o fim da vigência", required: conclude);
        if (from is DateOnly f && to is DateOnly t && t <= f)
        {
            ModelState.AddModelError("Input.ValidTo", "O fim da vigência deve ser posterior ao início.");
        }
        var stakeholders = Choices.Keep(StakeholderOptions, Input.Stakeholders);
        var others = FormValues.Clean(Input.OtherStakeholders);
        if (conclude)
        {
            if (stakeholders.Count == 0 && others is null)
            {
                ModelState.AddModelError("Input.Stakeholders", "Indique ao menos uma parte interessada consultada.");
            }
            var pending = Progress.EarlierPending(FormulationStep.Validation);
            if (pending.Count > 0)
            {
                AddFormError("A validação só pode ser concluída depois das etapas 1 a 3. Ainda falta:");
                foreach (var step in pending)
                {
                    foreach (var missing in step.Missing)
                    {
                        AddFormError($"Etapa {(int)step.Step} ({StepTexts.Title(step.Step).ToLowerInvariant()}): {StepTexts.Sentence(missing)}");
                    }
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var plan = await Db.Plans.FirstAsync(p => p.Id == planId);
        plan.ValidFrom = from;
        plan.ValidTo = to;
        plan.Stakeholders = stakeholders;
        plan.OtherStakeholders = others;
        plan.ValidationRemarks = FormValues.Clean(Input.Remarks);
        var complete = from is not null && to is not null && (stakeholders.Count > 0 || others is not null);
        if (conclude)
        {
            plan.ValidatedAt = clock.GetUtcNow();
            var recipients = await notifier.UsersWithAsync([plan.OrganizationId], [Profile.SeniorManagement, Profile.InternalControl]);
            var organization = await Db.Organizations.AsNoTracking().Where(o => o.Id == plan.OrganizationId).Select(o => o.Name).SingleAsync();
            await notifier.NotifyAsync(plan.OrganizationId, recipients, Notifications.Notices.PlanValidated(plan.Id, plan.Title, organization));
        }
        else if (!complete)
        {
            plan.ValidatedAt = null;
        }
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        TempData["Sucesso"] = conclude
            ? "Validação geral concluída. Próximo passo: gerar as minutas do programa e do plano."
            : plan.ValidatedAt is null && complete
                ? "Dados da validação salvos. Quando estiver tudo certo, use “Concluir validação”."
                : "Dados da validação salvos.";
        return Redirect(conclude ? $"/planos/{planId}/etapas/minutas" : $"/planos/{planId}/etapas/validacao");
    }
}
