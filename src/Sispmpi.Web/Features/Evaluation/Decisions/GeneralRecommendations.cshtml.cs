using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Decisions;

/// <summary>
/// Internal control's general recommendations about a plan, to the commission and the monitoring committee, with
/// their replies (given on the monitoring module's page) and the per-action evaluation recommendations.
/// </summary>
[Authorize(Policy = Policies.Evaluation)]
[WritePolicy(Policies.EvaluationWrite)]
public sealed class GeneralRecommendationsModel(SispmpiDbContext db, Recommendations recommendations, TenantContext tenant, TimeProvider clock) : PageModel
{
    public sealed class RecommendationInput
    {
        [Required(ErrorMessage = "Escreva a recomendação.")]
        [StringLength(4000, ErrorMessage = "A recomendação pode ter no máximo 4.000 caracteres.")]
        public string? Text { get; set; }

        public DateOnly? Deadline { get; set; }
    }

    public sealed record Row(int Id, int? ActionId, string? ActionNumber, string? ActionTitle, string Text, DateOnly? Deadline, DateTimeOffset CreatedAt,
        string? Answer, DateTimeOffset? AnsweredAt, string? AnsweredBy);

    public IntegrityPlan Plan { get; private set; } = null!;
    public IReadOnlyList<Row> General { get; private set; } = [];
    public IReadOnlyList<Row> PerAction { get; private set; } = [];
    public bool CanRecommend { get; private set; }

    [BindProperty]
    public RecommendationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int planId) => await LoadAsync(planId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        if (!CanRecommend)
        {
            return Refusal.Forbidden("Somente o controle interno do órgão faz recomendações gerais, sobre planos publicados.");
        }
        if (Input.Deadline < clock.Today())
        {
            ModelState.AddModelError("Input.Deadline", "O prazo não pode ser anterior a hoje.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await recommendations.AddGeneralAsync(Plan, Input.Text!.Trim(), Input.Deadline);
        TempData["Sucesso"] = "Recomendação enviada à comissão de integridade e ao comitê de monitoramento.";
        return Redirect($"/avaliacao/planos/{planId}/recomendacoes");
    }

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        CanRecommend = tenant.Has(Profile.InternalControl) && plan.OrganizationId == tenant.CurrentOrganizationId && plan.Status == PlanStatus.Published;
        var rows = await db.Recommendations.AsNoTracking()
            .Where(r => r.PlanId == planId && r.Source == RecommendationSource.InternalControl)
            .OrderByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.ActionId, r.Action!.Number, r.Action.Title, r.Text, r.Deadline, r.CreatedAt, r.Answer, r.AnsweredAt,
                r.AnsweredBy!.FullName))
            .ToListAsync();
        General = rows.Where(r => r.ActionId is null).ToList();
        PerAction = rows.Where(r => r.ActionId is not null).ToList();
        return true;
    }
}
