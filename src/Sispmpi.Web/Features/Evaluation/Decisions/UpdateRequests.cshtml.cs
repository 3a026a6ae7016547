using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Decisions;

/// <summary>The monitoring committee's update requests of the organization, decided here by internal control.</summary>
[Authorize(Policy = Policies.Evaluation)]
[WritePolicy(Policies.EvaluationWrite)]
public sealed class UpdateRequestsModel(SispmpiDbContext db, UpdateDecisions decisions, TenantContext tenant) : PageModel
{
    public sealed class DecisionInput
    {
        [Required(ErrorMessage = "Justifique a decisão.")]
        [StringLength(4000, MinimumLength = 10, ErrorMessage = "A justificativa deve ter de 10 a 4.000 caracteres.")]
        public string? Justification { get; set; }

        [StringLength(40, ErrorMessage = "A edição pode ter no máximo 40 caracteres.")]
        public string? NewEdition { get; set; }
    }

    public sealed record Row(int Id, int PlanId, string PlanTitle, string Edition, int Version, UpdateKind Kind, string Justification,
        DateTimeOffset RequestedAt, string? RequestedBy, UpdateRequestStatus Status, string? Decision, DateTimeOffset? DecidedAt, int? ResultingPlanId);

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public bool CanDecide => tenant.Has(Profile.InternalControl);
    public DecisionInput Input { get; set; } = new();
    /// <summary>The request whose decision form failed, to show its errors there.</summary>
    public int? FormId { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAuthorizeAsync(int requestId) => DecideAsync(requestId, authorize: true);

    public Task<IActionResult> OnPostDenyAsync(int requestId) => DecideAsync(requestId, authorize: false);

    private async Task<IActionResult> DecideAsync(int requestId, bool authorize)
    {
        var request = await db.UpdateRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.OrganizationId == tenant.CurrentOrganizationId);
        if (request is null)
        {
            return NotFound();
        }
        var input = new DecisionInput();
        await TryUpdateModelAsync(input, "Input");
        Input = input;
        FormId = requestId;
        if (ModelState.IsValid)
        {
            var error = authorize
                ? await decisions.AuthorizeAsync(request, input.Justification!.Trim(), input.NewEdition?.Trim())
                : await decisions.DenyAsync(request, input.Justification!.Trim());
            if (error is null)
            {
                TempData["Sucesso"] = authorize
                    ? "Atualização autorizada: o novo plano está em elaboração, com as ações do plano atual."
                    : "Solicitação negada.";
                return Redirect("/avaliacao/solicitacoes");
            }
            ModelState.AddModelError(string.Empty, error);
        }
        db.ChangeTracker.Clear();
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Items = await db.UpdateRequests.AsNoTracking().Where(r => r.OrganizationId == tenant.CurrentOrganizationId)
            .OrderBy(r => r.Status).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.PlanId, r.Plan!.Title, r.Plan.Edition, r.Plan.Version, r.Kind, r.Justification, r.RequestedAt,
                r.RequestedBy!.FullName, r.Status, r.Decision, r.DecidedAt, r.ResultingPlanId))
            .ToListAsync();
    }
}
