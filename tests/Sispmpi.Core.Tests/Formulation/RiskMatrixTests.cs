using Sispmpi.Core.Formulation;

namespace Sispmpi.Core.Tests.Formulation;

public sealed class RiskMatrixTests
{
    // The whole 5×5 table, written out cell by cell (probability, impact).
    [Theory]
    [InlineData(1, 1, RiskLevel.Low)]
    [InlineData(1, 2, RiskLevel.Low)]
    [InlineData(1, 3, RiskLevel.Low)]
    [InlineData(1, 4, RiskLevel.Low)]
    [InlineData(1, 5, RiskLevel.Medium)]
    [InlineData(2, 1, RiskLevel.Low)]
    [InlineData(2, 2, RiskLevel.Low)]
    [InlineData(2, 3, RiskLevel.Medium)]
    [InlineData(2, 4, RiskLevel.Medium)]
    [InlineData(2, 5, RiskLevel.High)]
    [InlineData(3, 1, RiskLevel.Low)]
    [InlineData(3, 2, RiskLevel.Medium)]
    [InlineData(3, 3, RiskLevel.Medium)]
    [InlineData(3, 4, RiskLevel.High)]
    [InlineData(3, 5, RiskLevel.High)]
    [InlineData(4, 1, RiskLevel.Low)]
    [InlineData(4, 2, RiskLevel.Medium)]
    [InlineData(4, 3, RiskLevel.High)]
    [InlineData(4, 4, RiskLevel.High)]
    [InlineData(4, 5, RiskLevel.Extreme)]
    [InlineData(5, 1, RiskLevel.Medium)]
    [InlineData(5, 2, RiskLevel.High)]
    [InlineData(5, 3, RiskLevel.High)]
    [InlineData(5, 4, RiskLevel.Extreme)]
    [InlineData(5, 5, RiskLevel.Extreme)]
    public void Every_cell_has_its_level(int probability, int impact, RiskLevel expected)
    {
        RiskMatrix.Level(probability, impact).ShouldBe(expected);
        RiskMatrix.CellLevel(probability, impact).ShouldBe(expected);
        RiskMatrix.Score(probability, impact).ShouldBe(probability * impact);
    }

    [Fact]
    public void The_bands_split_the_matrix_8_7_7_3()
    {
        var cells = from p in Enumerable.Range(1, 5) from i in Enumerable.Range(1, 5) select RiskMatrix.Level(p, i);
        cells.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(new Dictionary<RiskLevel, int>
        {
            [RiskLevel.Low] = 8,
            [RiskLevel.Medium] = 7,
            [RiskLevel.High] = 7,
            [RiskLevel.Extreme] = 3,
        });
    }

    private static readonly (int Probability, int Impact)[] _register =
    [
        (1, 1), (2, 2), (1, 4),           // low
        (3, 2), (3, 3), (3, 3), (5, 1),   // medium
        (2, 5), (4, 3), (4, 4),           // high
        (4, 5), (4, 5),                   // extreme
    ];

    [Fact]
    public void The_heat_map_counts_each_cell()
    {
        var map = RiskMatrix.HeatMap(_register);

        map.GetLength(0).ShouldBe(5);
        map.GetLength(1).ShouldBe(5);
        for (var impact = 1; impact <= 5; impact++)
        {
            for (var probability = 1; probability <= 5; probability++)
            {
                map[impact - 1, probability - 1].ShouldBe(_register.Count(r => r.Probability == probability && r.Impact == impact),
                    $"cell p={probability} i={impact}");
            }
        }
        map.Cast<int>().Sum().ShouldBe(_register.Length);
        map[2, 2].ShouldBe(2);
        map[4, 3].ShouldBe(2);
    }

    [Theory]
    [InlineData(5, 1, 0, 4)]
    [InlineData(1, 5, 4, 0)]
    [InlineData(2, 4, 3, 1)]
    public void Heat_map_rows_are_impact_and_columns_probability(int probability, int impact, int row, int column)
    {
        var map = RiskMatrix.HeatMap([(probability, impact)]);
        map[row, column].ShouldBe(1);
        map.Cast<int>().Sum().ShouldBe(1);
    }

    [Fact]
    public void Counts_by_level_cover_every_level()
    {
        RiskMatrix.CountByLevel(_register).ShouldBe(new Dictionary<RiskLevel, int>
        {
            [RiskLevel.Low] = 3,
            [RiskLevel.Medium] = 4,
            [RiskLevel.High] = 3,
            [RiskLevel.Extreme] = 2,
        });
        RiskMatrix.CountByLevel([]).ShouldBe(new Dictionary<RiskLevel, int>
        {
            [RiskLevel.Low] = 0,
            [RiskLevel.Medium] = 0,
            [RiskLevel.High] = 0,
            [RiskLevel.Extreme] = 0,
        });
        RiskMatrix.HeatMap([]).Cast<int>().ShouldAllBe(n => n == 0);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(6, 3)]
    [InlineData(3, 6)]
    [InlineData(-1, -1)]
    [InlineData(int.MaxValue, 1)]
    public void Ratings_outside_one_to_five_are_rejected(int probability, int impact)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => RiskMatrix.Level(probability, impact));
        Should.Throw<ArgumentOutOfRangeException>(() => RiskMatrix.CellLevel(probability, impact));
        Should.Throw<ArgumentOutOfRangeException>(() => RiskMatrix.HeatMap([(3, 3), (probability, impact)]));
        Should.Throw<ArgumentOutOfRangeException>(() => RiskMatrix.CountByLevel([(probability, impact)]));
        Should.Throw<ArgumentOutOfRangeException>(() => RiskMatrix.ResidualIsConsistent(3, 3, probability, impact));
        Should.Throw<ArgumentOutOfRangeException>(() => RiskMatrix.ResidualIsConsistent(probability, impact, 1, 1));
    }

    [Theory]
    [InlineData(4, 5, 2, 3, true)]
    [InlineData(4, 5, 4, 5, true)]
    [InlineData(4, 5, 1, 5, true)]
    [InlineData(1, 1, 1, 1, true)]
    [InlineData(4, 5, 5, 1, false)]
    [InlineData(3, 3, 3, 4, false)]
    [InlineData(2, 2, 3, 3, false)]
    public void Residual_risk_never_exceeds_the_inherent_one(int p, int i, int rp, int ri, bool expected) =>
        RiskMatrix.ResidualIsConsistent(p, i, rp, ri).ShouldBe(expected);
}
