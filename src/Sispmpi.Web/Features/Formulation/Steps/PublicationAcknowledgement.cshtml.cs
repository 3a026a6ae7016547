using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Infrastructure.Web;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>
/// Step 7, the two acknowledgements of the plan to be published: the body's head (Alta administração) and
/// internal control each record theirs, with name and time, once the final signed PDF is there.
/// </summary>
[Authorize(Policy = Policies.PublicationAcknowledge)]
[EditablePlan]
public sealed class PublicationAcknowledgementModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant,
    PlanLifecycle lifecycle, TimeProvider clock) : StepPageModel(db, progress, tenant)
{
    public PlanPublication? Saved { get; private set; }
    public bool IsHead => Tenant.Has(Profile.SeniorManagement);
    public bool IsInternalControl => Tenant.Has(Profile.InternalControl);

    /// <summary>What must be there before acknowledging: the earlier steps, the act and the final PDF.</summary>
    public IReadOnlyList<string> Blockers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await LoadSavedAsync();
        return Page();
    }

    public Task<IActionResult> OnPostHeadAsync(int planId) => AcknowledgeAsync(planId, head: true);

    public Task<IActionResult> OnPostInternalControlAsync(int planId) => AcknowledgeAsync(planId, head: false);

    private async Task<IActionResult> AcknowledgeAsync(int planId, bool head)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        if (head ? !IsHead : !IsInternalControl)
        {
            return Refusal.Forbidden(head
                ? "Esta ciência é dada pela alta administração do órgão."
                : "Esta ciência é dada pelo controle interno do órgão.");
        }
        await LoadSavedAsync();
        if (Blockers.Count > 0)
        {
            foreach (var blocker in Blockers)
            {
                AddFormError(blocker);
            }
            return Page();
        }
        var publication = await Db.PlanPublications.FirstAsync(p => p.PlanId == planId);
        var now = clock.GetUtcNow();
        if (head)
        {
            (publication.HeadAcknowledgedAt, publication.HeadAcknowledgedBy) = (now, Tenant.UserName);
        }
        else
        {
            (publication.InternalControlAcknowledgedAt, publication.InternalControlAcknowledgedBy) = (now, Tenant.UserName);
        }
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        TempData["Sucesso"] = head
            ? "Ciência da alta administração registrada."
            : "Ciência do controle interno registrada.";
        return Redirect($"/planos/{planId}/etapas/publicacao/ciencia");
    }

    private async Task LoadSavedAsync()
    {
        Saved = await Db.PlanPublications.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == Plan.Id);
        var blockers = new List<string>();
        if (!Progress[FormulationStep.Publication].IsOpen)
        {
            blockers.Add("As etapas 1 a 6 da elaboração ainda não foram concluídas.");
        }
        if (string.IsNullOrWhiteSpace(Saved?.ActName) || string.IsNullOrWhiteSpace(Saved.ActNumber) || Saved.ActDate is null)
        {
            blockers.Add("A comissão ainda não informou o ato de publicação (nome, número e data).");
        }
        if (Saved?.FinalPdfKey is null)
        {
            blockers.Add("A comissão ainda não enviou o PDF final assinado.");
        }
        Blockers = blockers;
    }
}
