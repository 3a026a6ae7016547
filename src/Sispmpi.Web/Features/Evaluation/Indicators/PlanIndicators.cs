using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Indicators;

/// <summary>
/// One top-level axis of a plan with the indicators of its actions, those of its sub-axes included.
/// <see cref="ConcludedShare"/> is the axis's execution as <see cref="EffectivenessIndicators"/> defines it (concluded ÷
/// (actions − discontinued)), null when the axis has no action that counts.
/// </summary>
public sealed record AxisIndicators(PlanAxis Axis, Effectiveness Figures, decimal? ConcludedShare);

/// <summary>
/// The effectiveness indicators of a plan on <see cref="Today"/>: the whole plan and each top-level axis.
/// <see cref="ConcludedShare"/> is the plan's execution under the same definition as an axis's.
/// </summary>
public sealed record PlanIndicators(IntegrityPlan Plan, string OrganizationName, DateOnly Today, Effectiveness Overall,
    decimal? ConcludedShare, IReadOnlyList<AxisIndicators> Axes);

/// <summary>
/// Loads a plan's actions and computes its effectiveness indicators with the pure rules of
/// <see cref="EffectivenessIndicators.Compute"/>: each action counts under its top-level axis (an action of a sub-axis
/// under the axis above it), on today's date in Brasília. The query filters apply: a plan of another organization is
/// simply not found.
/// </summary>
public sealed class PlanIndicatorsService(SispmpiDbContext db, TimeProvider clock)
{
    public async Task<PlanIndicators?> LoadAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new { a.AxisId, a.Status, a.Classification, a.PlannedEnd, a.ConcludedOn, a.PlannedBudget, a.BudgetSpent })
            .ToListAsync(cancellationToken);

        var parents = axes.ToDictionary(a => a.Id, a => a.ParentId);
        var items = actions
            .Select(a => new IndicatorAction(TopAxisOf(a.AxisId, parents), a.Status, a.Classification, a.PlannedEnd, a.ConcludedOn,
                a.PlannedBudget, a.BudgetSpent))
            .ToList();
        var today = clock.Today();
        var overall = EffectivenessIndicators.Compute(items, today);
        var execution = overall.ByAxis.ToDictionary(x => x.AxisId);
        var byAxis = items.ToLookup(i => i.AxisId);
        var rows = axes.Where(a => a.ParentId is null)
            .Select(axis => new AxisIndicators(axis, EffectivenessIndicators.Compute(byAxis[axis.Id], today),
                execution.TryGetValue(axis.Id, out var x) ? x.ConcludedShare : null))
            .ToList();
        // The plan as one axis: its execution under the same definition as each axis's.
        var whole = EffectivenessIndicators.Compute(items.Select(i => i with { AxisId = 0 }), today).ByAxis;
        return new PlanIndicators(plan, plan.Organization!.Name, today, overall, whole.Count == 0 ? null : whole[0].ConcludedShare, rows);
    }

    /// <summary>The top-level axis above <paramref name="axisId"/> (itself when it has no parent).</summary>
    private static int TopAxisOf(int axisId, IReadOnlyDictionary<int, int?> parents)
    {
        var current = axisId;
        // Bounded walk: a malformed tree (a cycle) must not hang the request.
        for (var steps = 0; steps < parents.Count && parents.GetValueOrDefault(current) is int parent; steps++)
        {
            current = parent;
        }
        return current;
    }
}

/// <summary>How the indicators read in Portuguese, on the page and in the internal-control report.</summary>
public static class IndicatorText
{
    public const string OnTimeDefinition =
        "Das ações concluídas, a parcela concluída até a data de término prevista. Ação concluída sem término previsto conta como no prazo.";

    public const string MeanDelayDefinition =
        "Média, em dias, do atraso das ações concluídas (as concluídas no prazo contam como zero) e das ações pontuais não iniciadas " +
        "ou em andamento cujo término previsto já passou, contado até hoje. Ações contínuas em andamento e ações descontinuadas não entram.";

    public const string LateOpenDefinition =
        "Ações pontuais não iniciadas ou em andamento com o término previsto já vencido (uma ação que termina hoje ainda não está atrasada).";

    public const string AxisDefinition =
        "Ações concluídas ÷ (ações do eixo − ações descontinuadas), contando as ações dos subeixos no eixo a que pertencem.";

    public const string BudgetDefinition =
        "Orçamento executado ÷ orçamento previsto, somando todas as ações do plano, inclusive as descontinuadas (o que gastaram foi gasto). " +
        "Valor não informado conta como zero.";

    /// <summary>A share (a fraction) as a percentage, or why there is none.</summary>
    public static string Share(decimal? share, string whenNone) => share is null ? whenNone : Labels.Progress(share);

    public static string Days(decimal? days) => days switch
    {
        null => "Não se aplica (nenhuma ação concluída ou atrasada)",
        1m => "1 dia",
        _ => $"{Labels.Decimal(days)} dias",
    };

    public static string OnTime(Effectiveness figures) =>
        Share(figures.OnTimeShare, "Não se aplica (nenhuma ação concluída)")
        + (figures.Concluded > 0 ? $" ({figures.ConcludedOnTime} de {figures.Concluded} concluídas)" : "");

    public static string Budget(Effectiveness figures) => Share(figures.BudgetExecutionShare, "Não se aplica (nenhum orçamento previsto)");

    public static string AxisLabel(PlanAxis axis) => $"Eixo {axis.Number} — {axis.Title}";
}
