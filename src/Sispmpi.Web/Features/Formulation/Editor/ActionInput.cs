using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Formulation.Editor;

/// <summary>Every field of an action (SPEC §3.1 step 3), as the editor's form posts it.</summary>
public sealed class ActionInput
{
    [Required(ErrorMessage = "Escolha o eixo ou subeixo da ação.")]
    public int? AxisId { get; set; }

    [Required(ErrorMessage = "Informe o título da ação.")]
    [StringLength(500, ErrorMessage = "O título deve ter até 500 caracteres.")]
    public string? Title { get; set; }

    public string? Description { get; set; }

    [Required(ErrorMessage = "Escolha a unidade executora.")]
    public int? ExecutingUnitId { get; set; }

    public List<int> SupportUnitIds { get; set; } = [];

    public string? Objectives { get; set; }
    public string? Benefits { get; set; }

    [Required(ErrorMessage = "Escolha a classificação: contínua ou pontual.")]
    public ActionClassification? Classification { get; set; }

    /// <summary>The types chosen, one form value each (the field keeps its old name, <c>ActionType</c>).</summary>
    [ModelBinder(Name = "ActionType")]
    public List<string> ActionTypes { get; set; } = [];

    [Required(ErrorMessage = "Informe o início previsto.")]
    public DateOnly? PlannedStart { get; set; }

    [Required(ErrorMessage = "Informe o término previsto.")]
    public DateOnly? PlannedEnd { get; set; }

    [Range(typeof(decimal), "0", "999999999999", ErrorMessage = "O orçamento previsto não pode ser negativo.", ParseLimitsInInvariantCulture = true)]
    public decimal? PlannedBudget { get; set; }

    public string? SuggestedEvidence { get; set; }

    [StringLength(300, ErrorMessage = "O indicador deve ter até 300 caracteres.")]
    public string? GoalIndicator { get; set; }

    [StringLength(60, ErrorMessage = "A unidade deve ter até 60 caracteres.")]
    public string? GoalUnit { get; set; }

    public decimal? GoalBaseline { get; set; }
    public decimal? GoalTarget { get; set; }

    [Range(typeof(decimal), "0.0001", "1000", ErrorMessage = "O peso deve ser maior que zero (até 1.000).", ParseLimitsInInvariantCulture = true)]
    public decimal Weight { get; set; } = 1m;

    public static ActionInput From(PlanAction a, IEnumerable<int> supportUnits) => new()
    {
        AxisId = a.AxisId, Title = a.Title, Description = a.Description, ExecutingUnitId = a.ExecutingUnitId, SupportUnitIds = [.. supportUnits],
        Objectives = a.Objectives, Benefits = a.Benefits, Classification = a.Classification, ActionTypes = [.. Core.Plans.ActionTypes.Split(a.ActionType)],
        PlannedStart = a.PlannedStart, PlannedEnd = a.PlannedEnd, PlannedBudget = a.PlannedBudget, SuggestedEvidence = a.SuggestedEvidence,
        GoalIndicator = a.GoalIndicator, GoalUnit = a.GoalUnit, GoalBaseline = a.GoalBaseline, GoalTarget = a.GoalTarget, Weight = a.Weight,
    };

    public void Validate(ModelStateDictionary modelState, string prefix, IReadOnlyCollection<string> knownTypes)
    {
        var types = Core.Plans.ActionTypes.Clean(ActionTypes);
        if (types.Count == 0)
        {
            modelState.AddModelError($"{prefix}.ActionType", "Escolha pelo menos um tipo para a ação.");
        }
        else if (types.FirstOrDefault(t => !knownTypes.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            modelState.AddModelError($"{prefix}.ActionType", $"Tipo de ação desconhecido: “{unknown}”. Escolha os tipos da lista.");
        }
        else if (Core.Plans.ActionTypes.Join(types).Length > 500)
        {
            modelState.AddModelError($"{prefix}.ActionType", "Os tipos escolhidos, juntos, devem ter até 500 caracteres.");
        }
        if (PlannedStart is { } start && PlannedEnd is { } end && end < start)
        {
            modelState.AddModelError($"{prefix}.{nameof(PlannedEnd)}", "O término previsto deve ser igual ou posterior ao início.");
        }
        var anyGoal = !string.IsNullOrWhiteSpace(GoalIndicator) || !string.IsNullOrWhiteSpace(GoalUnit) || GoalBaseline is not null || GoalTarget is not null;
        if (anyGoal && string.IsNullOrWhiteSpace(GoalIndicator))
        {
            modelState.AddModelError($"{prefix}.{nameof(GoalIndicator)}", "Informe o indicador da meta quantitativa.");
        }
        if (anyGoal && GoalTarget is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(GoalTarget)}", "Informe a meta a alcançar.");
        }
        if (SupportUnitIds.Contains(ExecutingUnitId ?? 0))
        {
            modelState.AddModelError($"{prefix}.{nameof(SupportUnitIds)}", "A unidade executora não precisa constar também como unidade de apoio.");
        }
    }

    public void ApplyTo(PlanAction a)
    {
        a.AxisId = AxisId!.Value;
        a.Title = Title!.Trim();
        a.Description = Clean(Description);
        a.ExecutingUnitId = ExecutingUnitId;
        a.Objectives = Clean(Objectives);
        a.Benefits = Clean(Benefits);
        a.Classification = Classification!.Value;
        a.ActionType = Core.Plans.ActionTypes.Join(ActionTypes);
        a.PlannedStart = PlannedStart;
        a.PlannedEnd = PlannedEnd;
        a.PlannedBudget = PlannedBudget;
        a.SuggestedEvidence = Clean(SuggestedEvidence);
        a.GoalIndicator = Clean(GoalIndicator);
        a.GoalUnit = Clean(GoalUnit);
        a.GoalBaseline = GoalBaseline;
        a.GoalTarget = GoalTarget;
        a.Weight = Weight;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
