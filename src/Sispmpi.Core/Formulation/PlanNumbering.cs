namespace Sispmpi.Core.Formulation;

public enum NodeKind
{
    Axis = 1,
    SubAxis = 2,
    Action = 3,
}

/// <summary>
/// Identifies a node of the plan tree. Axes and sub-axes share one id space (both are rows of the axis
/// table, a sub-axis being an axis with a parent); actions have their own.
/// </summary>
public readonly record struct NodeKey(NodeKind Kind, int Id);

/// <summary>
/// One node of the plan tree. <paramref name="ParentId"/> is null for an axis, the id of an axis for a
/// sub-axis, and the id of an axis or a sub-axis for an action (the action's <c>AxisId</c>).
/// </summary>
public sealed record TreeNode(int Id, int? ParentId, NodeKind Kind, int Position)
{
    public NodeKey Key => new(Kind, Id);
}

/// <summary>
/// SPEC §3.1 step 3: numbers of axes, sub-axes and actions are never typed, they follow the position of
/// each node among its siblings (ordered by <c>Position</c>, then by id, so gaps and duplicates are harmless).
/// <list type="bullet">
/// <item>axes: "1", "2", …;</item>
/// <item>sub-axes of axis 1: "1.1", "1.2", …;</item>
/// <item>actions of sub-axis 1.2: "1.2.1", "1.2.2", …;</item>
/// <item>actions hanging directly under axis 1 continue after its sub-axes: with sub-axes 1.1 and 1.2 they
/// are "1.3", "1.4", …; without sub-axes "1.1", "1.2", …. So a number never names two nodes, and the
/// sub-axes, which group the bulk of the plan, keep the low numbers.</item>
/// </list>
/// Sub-axes and the direct actions of an axis are two separate sibling lists, each with its own positions:
/// reordering moves a node only within its own list.
/// </summary>
public static class PlanNumbering
{
    /// <summary>
    /// The number of every node. Throws <see cref="ArgumentException"/> when an axis has a parent, a
    /// sub-axis does not hang under an axis, an action does not hang under an axis or a sub-axis, or a key
    /// appears twice (an axis and a sub-axis with the same id count as the same key).
    /// </summary>
    public static IReadOnlyDictionary<NodeKey, string> Number(IEnumerable<TreeNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var axisRows = new Dictionary<int, TreeNode>();
        var actions = new Dictionary<int, TreeNode>();
        foreach (var node in nodes)
        {
            ArgumentNullException.ThrowIfNull(node, nameof(nodes));
            var table = node.Kind switch
            {
                NodeKind.Axis or NodeKind.SubAxis => axisRows,
                NodeKind.Action => actions,
                _ => throw new ArgumentException($"Node {node.Id} has an unknown kind {node.Kind}.", nameof(nodes)),
            };
            if (!table.TryAdd(node.Id, node))
            {
                throw new ArgumentException($"{node.Kind} {node.Id} appears twice (axes and sub-axes share ids).", nameof(nodes));
            }
        }

        foreach (var node in axisRows.Values.Concat(actions.Values))
        {
            CheckParent(node, axisRows, nameof(nodes));
        }

        var subAxesByAxis = axisRows.Values.Where(n => n.Kind == NodeKind.SubAxis).ToLookup(n => n.ParentId!.Value);
        var actionsByParent = actions.Values.ToLookup(n => n.ParentId!.Value);
        var numbers = new Dictionary<NodeKey, string>(axisRows.Count + actions.Count);

        var axisNumber = 0;
        foreach (var axis in Ordered(axisRows.Values.Where(n => n.Kind == NodeKind.Axis)))
        {
            var prefix = (++axisNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
            numbers[axis.Key] = prefix;
            var childNumber = 0;
            foreach (var subAxis in Ordered(subAxesByAxis[axis.Id]))
            {
                var subPrefix = $"{prefix}.{++childNumber}";
                numbers[subAxis.Key] = subPrefix;
                var actionNumber = 0;
                foreach (var action in Ordered(actionsByParent[subAxis.Id]))
                {
                    numbers[action.Key] = $"{subPrefix}.{++actionNumber}";
                }
            }
            foreach (var action in Ordered(actionsByParent[axis.Id]))
            {
                numbers[action.Key] = $"{prefix}.{++childNumber}";
            }
        }
        return numbers;
    }

    /// <summary>Ids of one sibling list in display order: by position, then by id.</summary>
    public static IReadOnlyList<int> Order(IEnumerable<(int Id, int Position)> siblings)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        var ordered = siblings.OrderBy(s => s.Position).ThenBy(s => s.Id).Select(s => s.Id).ToList();
        CheckDistinct(ordered, nameof(siblings));
        return ordered;
    }

    /// <summary>The order after moving <paramref name="id"/> one place up; the first stays where it is.</summary>
    public static IReadOnlyList<int> MoveUp(IReadOnlyList<int> siblingIdsInOrder, int id) =>
        MoveTo(siblingIdsInOrder, id, Math.Max(IndexOf(siblingIdsInOrder, id) - 1, 0));

    /// <summary>The order after moving <paramref name="id"/> one place down; the last stays where it is.</summary>
    public static IReadOnlyList<int> MoveDown(IReadOnlyList<int> siblingIdsInOrder, int id) =>
        MoveTo(siblingIdsInOrder, id, Math.Min(IndexOf(siblingIdsInOrder, id) + 1, siblingIdsInOrder.Count - 1));

    /// <summary>
    /// The order after dragging <paramref name="id"/> so that it ends at <paramref name="newIndex"/> (0-based
    /// index in the resulting list); the others keep their relative order.
    /// </summary>
    public static IReadOnlyList<int> MoveTo(IReadOnlyList<int> siblingIdsInOrder, int id, int newIndex)
    {
        var from = IndexOf(siblingIdsInOrder, id);
        ArgumentOutOfRangeException.ThrowIfNegative(newIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(newIndex, siblingIdsInOrder.Count);
        var order = siblingIdsInOrder.ToList();
        order.RemoveAt(from);
        order.Insert(newIndex, id);
        return order;
    }

    /// <summary>Positions 1..n for an order, to be stored back so that positions have no gaps.</summary>
    public static IReadOnlyList<(int Id, int Position)> Renumber(IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        CheckDistinct(order, nameof(order));
        return order.Select((id, index) => (id, index + 1)).ToList();
    }

    private static IEnumerable<TreeNode> Ordered(IEnumerable<TreeNode> siblings) =>
        siblings.OrderBy(n => n.Position).ThenBy(n => n.Id);

    private static void CheckParent(TreeNode node, Dictionary<int, TreeNode> axisRows, string paramName)
    {
        if (node.Kind == NodeKind.Axis)
        {
            if (node.ParentId is not null)
            {
                throw new ArgumentException($"Axis {node.Id} has a parent ({node.ParentId}); axes are the top level.", paramName);
            }
            return;
        }
        if (node.ParentId is not { } parentId || !axisRows.TryGetValue(parentId, out var parent))
        {
            throw new ArgumentException($"{node.Kind} {node.Id} hangs under a missing parent ({node.ParentId?.ToString() ?? "none"}).", paramName);
        }
        if (node.Kind == NodeKind.SubAxis && parent.Kind != NodeKind.Axis)
        {
            throw new ArgumentException($"Sub-axis {node.Id} hangs under {parent.Kind} {parent.Id}; a sub-axis hangs under an axis.", paramName);
        }
    }

    private static int IndexOf(IReadOnlyList<int> siblingIdsInOrder, int id)
    {
        ArgumentNullException.ThrowIfNull(siblingIdsInOrder);
        CheckDistinct(siblingIdsInOrder, nameof(siblingIdsInOrder));
        for (var i = 0; i < siblingIdsInOrder.Count; i++)
        {
            if (siblingIdsInOrder[i] == id)
            {
                return i;
            }
        }
        throw new ArgumentException($"{id} is not among the siblings.", nameof(id));
    }

    private static void CheckDistinct(IReadOnlyCollection<int> ids, string paramName)
    {
        if (ids.Distinct().Count() != ids.Count)
        {
            throw new ArgumentException("A sibling list holds the same id twice.", paramName);
        }
    }
}
