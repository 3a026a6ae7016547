using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>
/// A tab that carries recommendations to the action's executors — the monitoring committee's on "Monitoramento",
/// internal control's on "Avaliação" — each answered once by the executors (SPEC §3.3, §3.4).
/// </summary>
public abstract class RecommendationTabModel(SispmpiDbContext db, ActionAccess access, ActionLights lights, Recommendations recommendations,
    TimeProvider clock) : ActionPageModel(db, access, lights)
{
    public sealed class RecommendationInput
    {
        [Required(ErrorMessage = "Escreva a recomendação.")]
        [StringLength(4000, ErrorMessage = "A recomendação pode ter no máximo 4.000 caracteres.")]
        public string? Text { get; set; }

        public DateOnly? Deadline { get; set; }
    }

    public sealed class AnswerInput
    {
        [Required(ErrorMessage = "Escreva a resposta.")]
        [StringLength(4000, ErrorMessage = "A resposta pode ter no máximo 4.000 caracteres.")]
        public string? Text { get; set; }
    }

    public sealed record RecommendationRow(int Id, RecommendationSource Source, string Text, DateOnly? Deadline, DateTimeOffset CreatedAt,
        string? CreatedBy, string? Answer, DateTimeOffset? AnsweredAt, string? AnsweredBy);

    protected TimeProvider Clock { get; } = clock;

    /// <summary>Whose recommendations this tab shows and takes.</summary>
    public abstract RecommendationSource Source { get; }

    /// <summary>Whether the user may recommend here: the right profile, in the action's organization, on a published plan.</summary>
    public bool CanRecommend { get; private set; }

    public RecommendationInput NewRecommendation { get; set; } = new();
    public AnswerInput Answer { get; set; } = new();
    /// <summary>The recommendation whose answer form failed, to show its errors there.</summary>
    public int? AnswerFormId { get; private set; }
    public IReadOnlyList<RecommendationRow> TabRecommendations { get; private set; } = [];

    protected abstract bool MayRecommend();

    /// <summary>Loads the action, the tab's own data and its recommendations; false when the action is not visible.</summary>
    protected async Task<bool> LoadTabAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return false;
        }
        CanRecommend = MayRecommend() && Action.Plan!.Status == PlanStatus.Published;
        TabRecommendations = await Db.Recommendations.AsNoTracking().Where(r => r.ActionId == actionId && r.Source == Source)
            .OrderByDescending(r => r.Id)
            .Select(r => new RecommendationRow(r.Id, r.Source, r.Text, r.Deadline, r.CreatedAt, r.CreatedBy!.FullName, r.Answer, r.AnsweredAt,
                r.AnsweredBy!.FullName))
            .ToListAsync();
        await LoadOwnAsync();
        return true;
    }

    /// <summary>What else the tab shows.</summary>
    protected virtual Task LoadOwnAsync() => Task.CompletedTask;

    public async Task<IActionResult> OnPostRecommendAsync(int actionId)
    {
        if (!await LoadTabAsync(actionId))
        {
            return NotFound();
        }
        if (!CanRecommend)
        {
            return Refuse(Source == RecommendationSource.MonitoringCommittee
                ? "Somente o comitê de monitoramento do órgão faz recomendações aos executores, em planos publicados."
                : "Somente o controle interno do órgão faz recomendações de avaliação, em planos publicados.");
        }
        var input = new RecommendationInput();
        await TryUpdateModelAsync(input, "NewRecommendation");
        NewRecommendation = input;
        if (input.Deadline < Clock.Today())
        {
            ModelState.AddModelError("NewRecommendation.Deadline", "O prazo não pode ser anterior a hoje.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await recommendations.AddToActionAsync(Action, Source, input.Text!.Trim(), input.Deadline);
        TempData["Sucesso"] = "Recomendação enviada aos executores da ação.";
        return Redirect($"{Request.Path}#recomendacoes");
    }

    public async Task<IActionResult> OnPostAnswerAsync(int actionId, int recommendationId)
    {
        if (!await LoadTabAsync(actionId))
        {
            return NotFound();
        }
        var recommendation = await Db.Recommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.ActionId == actionId && r.Source == Source);
        if (recommendation is null)
        {
            return NotFound();
        }
        if (!Rights.CanRecord)
        {
            return Refuse("Somente o responsável pela ação e os servidores envolvidos respondem às recomendações.");
        }
        var input = new AnswerInput();
        await TryUpdateModelAsync(input, "Answer");
        Answer = input;
        AnswerFormId = recommendationId;
        if (recommendation.IsAnswered)
        {
            return AlreadyAnswered();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await recommendations.AnswerAsync(recommendation, input.Text!.Trim()) == AnswerResult.AlreadyAnswered)
        {
            return AlreadyAnswered();
        }
        TempData["Sucesso"] = "Resposta registrada.";
        return Redirect($"{Request.Path}#recomendacoes");
    }

    /// <summary>409 with the reason, shown by the error page; the first answer is left as it was.</summary>
    private static Refusal AlreadyAnswered() => Refusal.Conflict(Recommendations.AlreadyAnsweredMessage);
}
