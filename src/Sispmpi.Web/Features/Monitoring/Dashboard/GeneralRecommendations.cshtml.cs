using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Dashboard;

/// <summary>
/// Internal control's general recommendations about a plan and their replies (SPEC §3.3): the monitoring
/// committee or the commission replies once; the reply is then immutable.
/// </summary>
// Read by everyone who reads the plan: the commission replies here too, and it has no monitoring module.
[Authorize(Policy = Policies.PlansRead)]
[WritePolicy(Policies.GeneralRecommendationReply)]
public sealed class GeneralRecommendationsModel(SispmpiDbContext db, Recommendations recommendations, TenantContext tenant) : PageModel
{
    public sealed class ReplyInput
    {
        [Required(ErrorMessage = "Escreva a resposta.")]
        [StringLength(4000, ErrorMessage = "A resposta pode ter no máximo 4.000 caracteres.")]
        public string? Text { get; set; }
    }

    public sealed record Row(int Id, string Text, DateOnly? Deadline, DateTimeOffset CreatedAt, string? CreatedBy, string? Answer,
        DateTimeOffset? AnsweredAt, string? AnsweredBy);

    public IntegrityPlan Plan { get; private set; } = null!;
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public ReplyInput Reply { get; set; } = new();
    public int? ReplyFormId { get; private set; }
    public bool CanReply { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId) => await LoadAsync(planId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId, int recommendationId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        var recommendation = await db.Recommendations
            .FirstOrDefaultAsync(r => r.Id == recommendationId && r.PlanId == planId && r.ActionId == null);
        if (recommendation is null)
        {
            return NotFound();
        }
        if (!CanReply)
        {
            return Refuse("Somente o comitê de monitoramento e a comissão de integridade do órgão respondem às recomendações gerais.");
        }
        var input = new ReplyInput();
        await TryUpdateModelAsync(input, "Reply");
        Reply = input;
        ReplyFormId = recommendationId;
        if (recommendation.IsAnswered)
        {
            return Refusal.Conflict(Monitoring.Recommendations.AlreadyAnsweredMessage);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await recommendations.AnswerAsync(recommendation, input.Text!.Trim()) == AnswerResult.AlreadyAnswered)
        {
            return Refusal.Conflict(Monitoring.Recommendations.AlreadyAnsweredMessage);
        }
        TempData["Sucesso"] = "Resposta registrada.";
        return Redirect($"/monitoramento/planos/{planId}/recomendacoes-gerais");
    }

    private static Refusal Refuse(string reason) => Refusal.Forbidden(reason);

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        CanReply = Policies.Allows(Policies.GeneralRecommendationReply, tenant) && plan.OrganizationId == tenant.CurrentOrganizationId
            && plan.Status == PlanStatus.Published;
        Items = await db.Recommendations.AsNoTracking().Where(r => r.PlanId == planId && r.ActionId == null).OrderByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Text, r.Deadline, r.CreatedAt, r.CreatedBy!.FullName, r.Answer, r.AnsweredAt, r.AnsweredBy!.FullName))
            .ToListAsync();
        return true;
    }
}
