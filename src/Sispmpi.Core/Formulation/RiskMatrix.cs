namespace Sispmpi.Core.Formulation;

// Stored as integers: never renumber.
public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
    Extreme = 4,
}

/// <summary>
/// SPEC §3.1 step 2e: integrity risks rated probability 1–5 × impact 1–5, the usual 5×5 matrix of
/// Brazilian public-sector risk methodologies. The level follows the score p × i:
/// <list type="table">
/// <listheader><term>score</term><description>level</description></listheader>
/// <item><term>1–4 (1, 2, 3, 4)</term><description>Low</description></item>
/// <item><term>5–9 (5, 6, 8, 9)</term><description>Medium</description></item>
/// <item><term>10–16 (10, 12, 15, 16)</term><description>High</description></item>
/// <item><term>20–25 (20, 25)</term><description>Extreme</description></item>
/// </list>
/// The bands are symmetric in p and i and split the 25 cells 8 / 7 / 7 / 3: a rating of 5 in one dimension
/// alone is Medium (5 × 1) and becomes High as soon as the other dimension is 2; Extreme is kept for the
/// three cells where both dimensions are at least 4 and one of them is 5.
/// </summary>
public static class RiskMatrix
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public static int Score(int probability, int impact)
    {
        CheckRating(probability, nameof(probability));
        CheckRating(impact, nameof(impact));
        return probability * impact;
    }

    /// <summary>The level of a risk; <see cref="ArgumentOutOfRangeException"/> outside 1–5.</summary>
    public static RiskLevel Level(int probability, int impact) => Score(probability, impact) switch
    {
        <= 4 => RiskLevel.Low,
        <= 9 => RiskLevel.Medium,
        <= 16 => RiskLevel.High,
        _ => RiskLevel.Extreme,
    };

    /// <summary>The colour band of a heat-map cell: the level a risk in that cell has.</summary>
    public static RiskLevel CellLevel(int probability, int impact) => Level(probability, impact);

    /// <summary>
    /// How many risks fall in each cell, indexed <c>[impact - 1, probability - 1]</c>: rows are impact,
    /// columns probability. Row 0 is impact 1, so a heat map drawn with the highest impact on top walks the
    /// rows from 4 down to 0.
    /// </summary>
    public static int[,] HeatMap(IEnumerable<(int Probability, int Impact)> risks)
    {
        ArgumentNullException.ThrowIfNull(risks);
        var map = new int[MaxRating, MaxRating];
        foreach (var (probability, impact) in risks)
        {
            CheckRating(probability, nameof(risks));
            CheckRating(impact, nameof(risks));
            map[impact - 1, probability - 1]++;
        }
        return map;
    }

    /// <summary>How many risks have each level; every level is present, with 0 when no risk has it.</summary>
    public static IReadOnlyDictionary<RiskLevel, int> CountByLevel(IEnumerable<(int Probability, int Impact)> risks)
    {
        ArgumentNullException.ThrowIfNull(risks);
        var counts = Enum.GetValues<RiskLevel>().ToDictionary(level => level, _ => 0);
        foreach (var (probability, impact) in risks)
        {
            CheckRating(probability, nameof(risks));
            CheckRating(impact, nameof(risks));
            counts[Level(probability, impact)]++;
        }
        return counts;
    }

    /// <summary>
    /// Existing controls can only lower a risk: the residual rating must not exceed the inherent one in
    /// either dimension. <see cref="ArgumentOutOfRangeException"/> when any rating is outside 1–5.
    /// </summary>
    public static bool ResidualIsConsistent(int probability, int impact, int residualProbability, int residualImpact)
    {
        CheckRating(probability, nameof(probability));
        CheckRating(impact, nameof(impact));
        CheckRating(residualProbability, nameof(residualProbability));
        CheckRating(residualImpact, nameof(residualImpact));
        return residualProbability <= probability && residualImpact <= impact;
    }

    private static void CheckRating(int rating, string paramName)
    {
        if (rating is < MinRating or > MaxRating)
        {
            throw new ArgumentOutOfRangeException(paramName, rating, $"A rating goes from {MinRating} to {MaxRating}.");
        }
    }
}
