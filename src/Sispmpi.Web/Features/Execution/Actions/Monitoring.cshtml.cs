using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>
/// Tab "Monitoramento": the light and why; the committee's risk of non-implementation with its history; the
/// recommendations to the executors, each answered once by them (SPEC §3.3). Everyone who reads the plan sees it.
/// </summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class MonitoringModel(SispmpiDbContext db, ActionAccess access, ActionLights lights, Recommendations recommendations,
    TenantContext tenant, TimeProvider clock) : RecommendationTabModel(db, access, lights, recommendations, clock)
{
    public sealed class RiskInput
    {
        [Required(ErrorMessage = "Escolha o nível de risco.")]
        public NonImplementationRisk? Level { get; set; }

        [Required(ErrorMessage = "Explique o motivo da avaliação.")]
        [StringLength(2000, ErrorMessage = "A justificativa pode ter no máximo 2.000 caracteres.")]
        public string? Rationale { get; set; }
    }

    public sealed record AssessmentRow(NonImplementationRisk Level, string Rationale, DateTimeOffset AssessedAt, string? AssessedBy);

    public override ActionTab Tab => ActionTab.Monitoring;
    public override RecommendationSource Source => RecommendationSource.MonitoringCommittee;

    public RiskInput Risk { get; set; } = new();

    /// <summary>The fact behind the light, in words.</summary>
    public string LightReason { get; private set; } = "";
    public IReadOnlyList<AssessmentRow> Assessments { get; private set; } = [];
    /// <summary>The monitoring committee of this organization, while the plan is published.</summary>
    public bool CanMonitor { get; private set; }

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        if (!await LoadTabAsync(actionId))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRiskAsync(int actionId)
    {
        if (!await LoadTabAsync(actionId))
        {
            return NotFound();
        }
        if (!CanMonitor)
        {
            return Refuse(MonitorOnlyMessage);
        }
        var input = new RiskInput();
        await TryUpdateModelAsync(input, "Risk");
        Risk = input;
        if (input.Level is { } chosen && !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError("Risk.Level", "Escolha um nível de risco da lista.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var level = input.Level!.Value;
        var now = Clock.GetUtcNow();
        Db.RiskAssessments.Add(new RiskAssessment
        {
            OrganizationId = Action.OrganizationId, ActionId = Action.Id, Level = level, Rationale = input.Rationale!.Trim(),
            AssessedAt = now, AssessedById = tenant.UserId,
        });
        Action.NonImplementationRisk = level;
        await Db.SaveChangesAsync();
        TempData["Sucesso"] = $"Risco de não implementação registrado: {Shared.Labels.Of(level).ToLowerInvariant()}.";
        return Redirect($"/acoes/{Action.Id}/monitoramento#risco");
    }

    private const string MonitorOnlyMessage = "Somente o comitê de monitoramento do órgão avalia riscos e faz recomendações, em planos publicados.";

    protected override bool MayRecommend() =>
        tenant.Has(Core.Identity.Profile.MonitoringCommittee) && Action.OrganizationId == tenant.CurrentOrganizationId;

    protected override async Task LoadOwnAsync()
    {
        CanMonitor = CanRecommend;
        LightReason = DescribeLight();
        Assessments = await Db.RiskAssessments.AsNoTracking().Where(r => r.ActionId == Action.Id).OrderByDescending(r => r.Id)
            .Select(r => new AssessmentRow(r.Level, r.Rationale, r.AssessedAt, r.AssessedBy!.FullName)).ToListAsync();
    }

    private string DescribeLight()
    {
        var today = Lights.Today;
        return (Action.Status, Action.Classification) switch
        {
            (ActionStatus.NotStarted, _) => "A ação ainda não foi iniciada.",
            (ActionStatus.Concluded, _) => $"A ação foi concluída em {Shared.Labels.Date(Action.ConcludedOn)}.",
            (ActionStatus.Discontinued, _) => $"A ação foi descontinuada em {Shared.Labels.Date(Action.DiscontinuedOn)}.",
            (_, ActionClassification.OneOff) when Action.PlannedEnd is DateOnly end => Days(end.DayNumber - today.DayNumber),
            (_, ActionClassification.OneOff) => "A ação não tem término previsto.",
            _ when (Action.LastUpdateOn ?? Action.StartedOn) is DateOnly last =>
                $"Ação contínua: última atualização da execução há {Plural(today.DayNumber - last.DayNumber, "dia", "dias")}.",
            _ => "Ação contínua sem registro de atualização.",
        };
    }

    private static string Days(int left) => left switch
    {
        > 0 => $"Faltam {Plural(left, "dia", "dias")} para o término previsto.",
        0 => "O término previsto é hoje.",
        _ => $"O término previsto passou há {Plural(-left, "dia", "dias")}.",
    };

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
