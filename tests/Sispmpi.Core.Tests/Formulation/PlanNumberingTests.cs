using Sispmpi.Core.Formulation;

namespace Sispmpi.Core.Tests.Formulation;

public sealed class PlanNumberingTests
{
    // Axes and sub-axes share ids (one table); actions have their own ids, here overlapping on purpose.
    //   1  axis 10                 (position 1)
    //   1.1  sub-axis 11           (1)   actions 1.1.1 = 100, 1.1.2 = 101, 1.1.3 = 102
    //   1.2  sub-axis 12           (2)   action 1.2.1 = 103
    //   1.3, 1.4  direct actions 104, 105 of axis 10 (they continue after the sub-axes)
    //   2  axis 20                 (position 5, a gap)   direct actions 10 (position 2) and 11 (position 1)
    //   3  axis 30                 (position 9)          empty sub-axis 31
    private static readonly TreeNode[] _tree =
    [
        new(30, null, NodeKind.Axis, 9),
        new(20, null, NodeKind.Axis, 5),
        new(10, null, NodeKind.Axis, 1),
        new(12, 10, NodeKind.SubAxis, 2),
        new(11, 10, NodeKind.SubAxis, 1),
        new(31, 30, NodeKind.SubAxis, 1),
        new(102, 11, NodeKind.Action, 3),
        new(100, 11, NodeKind.Action, 1),
        new(101, 11, NodeKind.Action, 2),
        new(103, 12, NodeKind.Action, 1),
        new(105, 10, NodeKind.Action, 2),
        new(104, 10, NodeKind.Action, 1),
        new(10, 20, NodeKind.Action, 2),
        new(11, 20, NodeKind.Action, 1),
    ];

    [Theory]
    [InlineData(NodeKind.Axis, 10, "1")]
    [InlineData(NodeKind.SubAxis, 11, "1.1")]
    [InlineData(NodeKind.Action, 100, "1.1.1")]
    [InlineData(NodeKind.Action, 101, "1.1.2")]
    [InlineData(NodeKind.Action, 102, "1.1.3")]
    [InlineData(NodeKind.SubAxis, 12, "1.2")]
    [InlineData(NodeKind.Action, 103, "1.2.1")]
    [InlineData(NodeKind.Action, 104, "1.3")]
    [InlineData(NodeKind.Action, 105, "1.4")]
    [InlineData(NodeKind.Axis, 20, "2")]
    [InlineData(NodeKind.Action, 11, "2.1")]
    [InlineData(NodeKind.Action, 10, "2.2")]
    [InlineData(NodeKind.Axis, 30, "3")]
    [InlineData(NodeKind.SubAxis, 31, "3.1")]
    public void Every_node_is_numbered_by_its_position(NodeKind kind, int id, string expected) =>
        PlanNumbering.Number(_tree)[new NodeKey(kind, id)].ShouldBe(expected);

    [Fact]
    public void Every_node_gets_one_number_and_no_number_repeats()
    {
        var numbers = PlanNumbering.Number(_tree);
        numbers.Count.ShouldBe(_tree.Length);
        numbers.Values.Distinct().Count().ShouldBe(_tree.Length);
    }

    [Fact]
    public void An_empty_plan_has_no_numbers() => PlanNumbering.Number([]).ShouldBeEmpty();

    // The actions of sub-axis 1.1 are 100, 101, 102; expected numbers are given in that id order.
    [Theory]
    [InlineData("to", 102, 0, "1.1.2", "1.1.3", "1.1.1")]
    [InlineData("to", 100, 2, "1.1.3", "1.1.1", "1.1.2")]
    [InlineData("to", 101, 1, "1.1.1", "1.1.2", "1.1.3")]
    [InlineData("up", 101, 0, "1.1.2", "1.1.1", "1.1.3")]
    [InlineData("up", 102, 0, "1.1.1", "1.1.3", "1.1.2")]
    [InlineData("up", 100, 0, "1.1.1", "1.1.2", "1.1.3")]
    [InlineData("down", 101, 0, "1.1.1", "1.1.3", "1.1.2")]
    [InlineData("down", 100, 0, "1.1.2", "1.1.1", "1.1.3")]
    [InlineData("down", 102, 0, "1.1.1", "1.1.2", "1.1.3")]
    public void Reordering_actions_renumbers_them(string move, int id, int newIndex, string n100, string n101, string n102)
    {
        var order = SiblingOrder(_tree, NodeKind.Action, parentId: 11);
        order.ShouldBe([100, 101, 102]);

        var moved = Move(move, order, id, newIndex);
        var numbers = PlanNumbering.Number(Apply(_tree, NodeKind.Action, PlanNumbering.Renumber(moved)));

        new[] { numbers[new(NodeKind.Action, 100)], numbers[new(NodeKind.Action, 101)], numbers[new(NodeKind.Action, 102)] }
            .ShouldBe([n100, n101, n102]);
        numbers[new(NodeKind.Action, 103)].ShouldBe("1.2.1");
        numbers[new(NodeKind.Action, 104)].ShouldBe("1.3");
    }

    [Theory]
    [InlineData("up", 100)]
    [InlineData("down", 102)]
    public void Moving_the_first_up_or_the_last_down_changes_nothing(string move, int id)
    {
        IReadOnlyList<int> order = [100, 101, 102];
        Move(move, order, id, 0).ShouldBe(order);
    }

    [Fact]
    public void Moving_a_sub_axis_carries_its_actions_along()
    {
        var moved = PlanNumbering.MoveDown(SiblingOrder(_tree, NodeKind.SubAxis, parentId: 10), 11);
        var numbers = PlanNumbering.Number(Apply(_tree, NodeKind.SubAxis, PlanNumbering.Renumber(moved)));

        numbers[new(NodeKind.SubAxis, 12)].ShouldBe("1.1");
        numbers[new(NodeKind.Action, 103)].ShouldBe("1.1.1");
        numbers[new(NodeKind.SubAxis, 11)].ShouldBe("1.2");
        numbers[new(NodeKind.Action, 102)].ShouldBe("1.2.3");
        numbers[new(NodeKind.Action, 104)].ShouldBe("1.3");
    }

    [Fact]
    public void Moving_an_axis_renumbers_its_whole_subtree()
    {
        var moved = PlanNumbering.MoveTo(SiblingOrder(_tree, NodeKind.Axis, parentId: null), 30, 0);
        var numbers = PlanNumbering.Number(Apply(_tree, NodeKind.Axis, PlanNumbering.Renumber(moved)));

        numbers[new(NodeKind.SubAxis, 31)].ShouldBe("1.1");
        numbers[new(NodeKind.Action, 101)].ShouldBe("2.1.2");
        numbers[new(NodeKind.Action, 10)].ShouldBe("3.2");
    }

    [Fact]
    public void Direct_actions_of_an_axis_without_sub_axes_start_at_one()
    {
        TreeNode[] tree = [new(1, null, NodeKind.Axis, 1), new(7, 1, NodeKind.Action, 1), new(8, 1, NodeKind.Action, 2)];
        var numbers = PlanNumbering.Number(tree);
        numbers[new(NodeKind.Action, 7)].ShouldBe("1.1");
        numbers[new(NodeKind.Action, 8)].ShouldBe("1.2");
    }

    [Theory]
    [InlineData("1:10,2:20,3:30", "1,2,3")]
    [InlineData("3:30,1:10,2:20", "1,2,3")]
    [InlineData("1:5,2:5,3:1", "3,1,2")]
    [InlineData("7:2,3:2,5:2", "3,5,7")]
    [InlineData("4:0,2:-1,9:100", "2,4,9")]
    public void Gaps_and_duplicate_positions_order_by_position_then_id(string siblings, string expectedOrder)
    {
        var pairs = siblings.Split(',').Select(p => p.Split(':')).Select(p => (Id: int.Parse(p[0]), Position: int.Parse(p[1]))).ToList();
        var expected = expectedOrder.Split(',').Select(int.Parse).ToList();

        PlanNumbering.Order(pairs).ShouldBe(expected);

        var tree = pairs.Select(p => new TreeNode(p.Id, null, NodeKind.Axis, p.Position));
        var numbers = PlanNumbering.Number(tree);
        expected.Select(id => numbers[new(NodeKind.Axis, id)]).ShouldBe(expected.Select((_, i) => (i + 1).ToString()));
    }

    [Fact]
    public void Renumber_gives_positions_one_to_n()
    {
        PlanNumbering.Renumber([5, 3, 9]).ShouldBe([(5, 1), (3, 2), (9, 3)]);
        PlanNumbering.Renumber([]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("axis with a parent")]
    [InlineData("sub-axis without a parent")]
    [InlineData("sub-axis under a missing axis")]
    [InlineData("sub-axis under a sub-axis")]
    [InlineData("action without a parent")]
    [InlineData("action under a missing axis")]
    [InlineData("axis and sub-axis with the same id")]
    [InlineData("two actions with the same id")]
    [InlineData("unknown kind")]
    public void Invalid_trees_are_rejected(string name)
    {
        TreeNode axis = new(1, null, NodeKind.Axis, 1);
        TreeNode subAxis = new(2, 1, NodeKind.SubAxis, 1);
        TreeNode[] tree = name switch
        {
            "axis with a parent" => [axis, new(3, 1, NodeKind.Axis, 2)],
            "sub-axis without a parent" => [axis, new(2, null, NodeKind.SubAxis, 1)],
            "sub-axis under a missing axis" => [axis, new(2, 99, NodeKind.SubAxis, 1)],
            "sub-axis under a sub-axis" => [axis, subAxis, new(3, 2, NodeKind.SubAxis, 1)],
            "action without a parent" => [axis, new(5, null, NodeKind.Action, 1)],
            "action under a missing axis" => [axis, subAxis, new(5, 99, NodeKind.Action, 1)],
            "axis and sub-axis with the same id" => [axis, new(1, 1, NodeKind.SubAxis, 1)],
            "two actions with the same id" => [axis, subAxis, new(5, 1, NodeKind.Action, 1), new(5, 2, NodeKind.Action, 1)],
            "unknown kind" => [axis, new(5, 1, (NodeKind)9, 1)],
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        Should.Throw<ArgumentException>(() => PlanNumbering.Number(tree));
    }

    [Fact]
    public void Actions_may_hang_under_an_axis_or_a_sub_axis_and_share_ids_with_them()
    {
        TreeNode[] tree = [new(1, null, NodeKind.Axis, 1), new(2, 1, NodeKind.SubAxis, 1), new(1, 2, NodeKind.Action, 1), new(2, 1, NodeKind.Action, 1)];
        var numbers = PlanNumbering.Number(tree);
        numbers[new(NodeKind.Action, 1)].ShouldBe("1.1.1");
        numbers[new(NodeKind.Action, 2)].ShouldBe("1.2");
    }

    [Fact]
    public void Moves_reject_unknown_ids_out_of_range_indexes_and_repeated_ids()
    {
        Should.Throw<ArgumentException>(() => PlanNumbering.MoveUp([1, 2, 3], 4));
        Should.Throw<ArgumentException>(() => PlanNumbering.MoveDown([], 1));
        Should.Throw<ArgumentOutOfRangeException>(() => PlanNumbering.MoveTo([1, 2, 3], 2, 3));
        Should.Throw<ArgumentOutOfRangeException>(() => PlanNumbering.MoveTo([1, 2, 3], 2, -1));
        Should.Throw<ArgumentException>(() => PlanNumbering.MoveTo([1, 2, 2], 1, 0));
        Should.Throw<ArgumentException>(() => PlanNumbering.Renumber([1, 1]));
        Should.Throw<ArgumentException>(() => PlanNumbering.Order([(1, 1), (1, 2)]));
    }

    [Fact]
    public void Moves_do_not_change_the_list_they_are_given()
    {
        var order = new List<int> { 1, 2, 3 };
        PlanNumbering.MoveTo(order, 3, 0).ShouldBe([3, 1, 2]);
        order.ShouldBe([1, 2, 3]);
    }

    private static IReadOnlyList<int> Move(string move, IReadOnlyList<int> order, int id, int newIndex) => move switch
    {
        "up" => PlanNumbering.MoveUp(order, id),
        "down" => PlanNumbering.MoveDown(order, id),
        "to" => PlanNumbering.MoveTo(order, id, newIndex),
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    private static IReadOnlyList<int> SiblingOrder(IEnumerable<TreeNode> tree, NodeKind kind, int? parentId) =>
        PlanNumbering.Order(tree.Where(n => n.Kind == kind && n.ParentId == parentId).Select(n => (n.Id, n.Position)));

    /// <summary>Stores new positions back, as the page handler would.</summary>
    private static TreeNode[] Apply(IEnumerable<TreeNode> tree, NodeKind kind, IReadOnlyList<(int Id, int Position)> positions)
    {
        var byId = positions.ToDictionary(p => p.Id, p => p.Position);
        return tree.Select(n => n.Kind == kind && byId.TryGetValue(n.Id, out var position) ? n with { Position = position } : n).ToArray();
    }
}
