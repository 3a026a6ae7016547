using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>The guided path of SPEC §3.1: the seven formulation steps of a plan, in order, with what each still lacks.</summary>
[Authorize(Policy = Policies.Formulation)]
public sealed class IndexModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant)
    : StepPageModel(db, progress, tenant)
{
    /// <summary>Something waiting for the current user in particular (an acknowledgement), with its link.</summary>
    public sealed record Waiting(string Text, string Url, string Button);

    public IReadOnlyList<Waiting> WaitingForMe { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        var waiting = new List<Waiting>();
        if (!Plan.IsReadOnly)
        {
            var acknowledgementTab = Progress[DiagnosisTab.Acknowledgement];
            if (Policies.Allows(Policies.DiagnosisAcknowledge, Tenant) && acknowledgementTab.IsOpen && acknowledgementTab.State != StepState.Done)
            {
                waiting.Add(new("O diagnóstico está pronto e aguarda a ciência da alta administração.",
                    $"/planos/{planId}/etapas/diagnostico/ciencia", "Registrar ciência do diagnóstico"));
            }
            var publication = Progress.Snapshot.Publication;
            if (Progress[FormulationStep.Publication].IsOpen && publication.FinalPdfUploaded
                && ((Tenant.Has(Core.Identity.Profile.SeniorManagement) && publication.HeadAcknowledgedAt is null)
                    || (Tenant.Has(Core.Identity.Profile.InternalControl) && publication.InternalControlAcknowledgedAt is null)))
            {
                waiting.Add(new("O plano está pronto para publicação e aguarda a sua ciência.",
                    $"/planos/{planId}/etapas/publicacao/ciencia", "Registrar ciência da publicação"));
            }
        }
        WaitingForMe = waiting;
        return Page();
    }
}
