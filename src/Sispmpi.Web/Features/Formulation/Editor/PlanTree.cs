using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Formulation.Editor;

/// <summary>
/// Keeps the plan's numbering true to its positions (SPEC §3.1 step 3): every change to the tree — adding,
/// removing or moving an axis, sub-axis or action — ends with <see cref="RenumberAsync"/>, which applies
/// <see cref="PlanNumbering"/> to the tracked entities before they are saved.
/// </summary>
public sealed class PlanTree(SispmpiDbContext db)
{
    /// <summary>Recomputes the numbers of every axis, sub-axis and action of the plan (tracked, not saved).</summary>
    public async Task RenumberAsync(int planId, CancellationToken cancellationToken = default)
    {
        var axes = await TrackedAxesAsync(planId, cancellationToken);
        var actions = await TrackedActionsAsync(planId, cancellationToken);
        var nodes = axes.Select(a => new TreeNode(a.Id, a.ParentId, a.ParentId is null ? NodeKind.Axis : NodeKind.SubAxis, a.Position))
            .Concat(actions.Select(a => new TreeNode(a.Id, a.AxisId, NodeKind.Action, a.Position)));
        var numbers = PlanNumbering.Number(nodes);
        foreach (var axis in axes)
        {
            axis.Number = numbers[new NodeKey(axis.ParentId is null ? NodeKind.Axis : NodeKind.SubAxis, axis.Id)];
        }
        foreach (var action in actions)
        {
            action.Number = numbers[new NodeKey(NodeKind.Action, action.Id)];
        }
    }

    /// <summary>Moves an axis or sub-axis among its siblings; returns false when it does not belong to the plan.</summary>
    public async Task<bool> MoveAxisAsync(int planId, int axisId, Func<IReadOnlyList<int>, int, IReadOnlyList<int>> move,
        CancellationToken cancellationToken = default)
    {
        var axes = await TrackedAxesAsync(planId, cancellationToken);
        var axis = axes.FirstOrDefault(a => a.Id == axisId);
        if (axis is null)
        {
            return false;
        }
        var siblings = axes.Where(a => a.ParentId == axis.ParentId).ToList();
        Apply(siblings.Select(a => (a.Id, a.Position)), move, axisId, (id, position) => siblings.First(a => a.Id == id).Position = position);
        await RenumberAsync(planId, cancellationToken);
        return true;
    }

    /// <summary>Moves an action among the actions of its axis or sub-axis.</summary>
    public async Task<bool> MoveActionAsync(int planId, int actionId, Func<IReadOnlyList<int>, int, IReadOnlyList<int>> move,
        CancellationToken cancellationToken = default)
    {
        var actions = await TrackedActionsAsync(planId, cancellationToken);
        var action = actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null)
        {
            return false;
        }
        var siblings = actions.Where(a => a.AxisId == action.AxisId).ToList();
        Apply(siblings.Select(a => (a.Id, a.Position)), move, actionId, (id, position) => siblings.First(a => a.Id == id).Position = position);
        await RenumberAsync(planId, cancellationToken);
        return true;
    }

    /// <summary>The position after the last sibling, for something added to the end of a list.</summary>
    public async Task<int> NextAxisPositionAsync(int planId, int? parentId, CancellationToken cancellationToken = default) =>
        (await db.PlanAxes.Where(a => a.PlanId == planId && a.ParentId == parentId).MaxAsync(a => (int?)a.Position, cancellationToken) ?? 0) + 1;

    public async Task<int> NextActionPositionAsync(int axisId, CancellationToken cancellationToken = default) =>
        (await db.PlanActions.Where(a => a.AxisId == axisId).MaxAsync(a => (int?)a.Position, cancellationToken) ?? 0) + 1;

    private static void Apply(IEnumerable<(int Id, int Position)> siblings, Func<IReadOnlyList<int>, int, IReadOnlyList<int>> move, int id,
        Action<int, int> setPosition)
    {
        foreach (var (siblingId, position) in PlanNumbering.Renumber(move(PlanNumbering.Order(siblings), id)))
        {
            setPosition(siblingId, position);
        }
    }

    // Entities already tracked (e.g. just added) are returned by EF together with those loaded from the database.
    private async Task<List<PlanAxis>> TrackedAxesAsync(int planId, CancellationToken cancellationToken)
    {
        await db.PlanAxes.Where(a => a.PlanId == planId).LoadAsync(cancellationToken);
        return db.PlanAxes.Local.Where(a => a.PlanId == planId && db.Entry(a).State != EntityState.Deleted).ToList();
    }

    private async Task<List<PlanAction>> TrackedActionsAsync(int planId, CancellationToken cancellationToken)
    {
        await db.PlanActions.Where(a => a.PlanId == planId).LoadAsync(cancellationToken);
        return db.PlanActions.Local.Where(a => a.PlanId == planId && db.Entry(a).State != EntityState.Deleted).ToList();
    }
}
