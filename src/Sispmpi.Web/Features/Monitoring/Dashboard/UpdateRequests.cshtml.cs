using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Dashboard;

/// <summary>
/// The monitoring committee's requests for a new version or edition of a published plan, sent to internal control
/// with a justification (SPEC §3); internal control decides in the evaluation module.
/// </summary>
[Authorize(Policy = Policies.Monitoring)]
[WritePolicy(Policies.MonitoringWrite)]
public sealed class UpdateRequestsModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock, Notifications.Notifier notifier) : PageModel
{
    public sealed class RequestInput
    {
        [Required(ErrorMessage = "Escolha o tipo de atualização.")]
        public UpdateKind? Kind { get; set; }

        [Required(ErrorMessage = "Justifique a solicitação.")]
        [StringLength(4000, MinimumLength = 20, ErrorMessage = "A justificativa deve ter de 20 a 4.000 caracteres.")]
        public string? Justification { get; set; }
    }

    public sealed record Row(int Id, UpdateKind Kind, string Justification, DateTimeOffset RequestedAt, string? RequestedBy,
        UpdateRequestStatus Status, string? Decision, DateTimeOffset? DecidedAt, int? ResultingPlanId);

    public IntegrityPlan Plan { get; private set; } = null!;
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public bool CanRequest { get; private set; }
    public bool HasPending => Items.Any(i => i.Status == UpdateRequestStatus.Pending);

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int planId) => await LoadAsync(planId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        if (!CanRequest)
        {
            return Refusal.Forbidden("Somente o comitê de monitoramento do órgão solicita a atualização de um plano publicado.");
        }
        if (Input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Escolha um tipo de atualização da lista.");
        }
        if (HasPending)
        {
            ModelState.AddModelError(string.Empty, "Já há uma solicitação aguardando a decisão do controle interno.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var request = new UpdateRequest
        {
            OrganizationId = Plan.OrganizationId, PlanId = Plan.Id, Kind = Input.Kind!.Value, Justification = Input.Justification!.Trim(),
            RequestedAt = now, RequestedById = tenant.UserId,
        };
        db.UpdateRequests.Add(request);
        var auditors = await notifier.UsersWithAsync([Plan.OrganizationId], [Profile.InternalControl]);
        await notifier.NotifyAsync(Plan.OrganizationId, auditors,
            Notifications.Notices.UpdateRequested(Plan.Id, Plan.Title, Shared.Labels.Of(request.Kind).ToLowerInvariant(), request.Justification));
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Solicitação enviada ao controle interno.";
        return Redirect($"/monitoramento/planos/{planId}/solicitacoes");
    }

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        CanRequest = tenant.Has(Profile.MonitoringCommittee) && plan.OrganizationId == tenant.CurrentOrganizationId
            && plan.Status == PlanStatus.Published;
        Items = await db.UpdateRequests.AsNoTracking().Where(r => r.PlanId == planId).OrderByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Kind, r.Justification, r.RequestedAt, r.RequestedBy!.FullName, r.Status, r.Decision, r.DecidedAt,
                r.ResultingPlanId))
            .ToListAsync();
        return true;
    }
}
