namespace Sispmpi.Core.Evaluation;

/// <summary>The answer to one question of a self-assessment; a null <paramref name="Level"/> means not answered.</summary>
public sealed record MaturityAnswerValue(string QuestionId, MaturityLevel? Level);

/// <summary>
/// The score of one dimension: the mean level (1–5) of its answered questions, or null when none is answered;
/// <paramref name="Answered"/> of <paramref name="Questions"/> shows how complete it is.
/// </summary>
public sealed record DimensionScore(string DimensionId, string Title, decimal? Score, int Answered, int Questions);

/// <summary>
/// The result of a self-assessment: a score per dimension, in model order, and the weighted <paramref name="Overall"/>
/// score (1–5, null when nothing is answered). <paramref name="Answered"/> and <paramref name="Questions"/> count
/// the questions of the whole model.
/// </summary>
public sealed record MaturityScore(IReadOnlyList<DimensionScore> Dimensions, decimal? Overall, int Answered, int Questions)
{
    /// <summary>True when every question of the model is answered.</summary>
    public bool IsComplete => Answered == Questions;

    /// <summary>
    /// The level whose number is the integer part of <see cref="Overall"/> (2.75 is <see cref="MaturityLevel.Standardized"/>:
    /// a level is reached only when fully reached); null when <see cref="Overall"/> is null.
    /// </summary>
    public MaturityLevel? OverallLevel => Overall is { } overall
        ? (MaturityLevel)Math.Clamp((int)decimal.Floor(overall), (int)MaturityLevel.Initial, (int)MaturityLevel.Optimized)
        : null;
}

/// <summary>Scores a maturity self-assessment against its <see cref="MaturityModel"/>.</summary>
public static class MaturityScoring
{
    private const int ScoreDecimals = 2;

    /// <summary>
    /// Scores <paramref name="answers"/> against <paramref name="model"/>:
    /// <list type="bullet">
    /// <item>a dimension's score is the mean of the levels (1–5) of its answered questions, rounded to 2 decimals
    /// (midpoints away from zero); unanswered questions do not pull it down, they only show in
    /// <see cref="DimensionScore.Answered"/>; null when none is answered;</item>
    /// <item>the overall score is the mean of the (rounded) dimension scores that are not null, weighted by
    /// <see cref="MaturityDimension.Weight"/>, rounded to 2 decimals; dimensions with a weight of zero or less are left
    /// out; null when no dimension counts;</item>
    /// <item>answers to question ids not in the model (compared case-sensitively) are ignored; when a question id is
    /// repeated the last answer wins, even when it is "not answered".</item>
    /// </list>
    /// A level outside 1–5 throws <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public static MaturityScore Score(MaturityModel model, IEnumerable<MaturityAnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(answers);

        var levels = new Dictionary<string, MaturityLevel?>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            ArgumentNullException.ThrowIfNull(answer, nameof(answers));
            if (answer.Level is { } level && !Enum.IsDefined(level))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(answers), level, $"Nível de maturidade inválido na resposta à questão \"{answer.QuestionId}\".");
            }

            if (answer.QuestionId is not null)
            {
                levels[answer.QuestionId] = answer.Level;
            }
        }

        var dimensions = new List<DimensionScore>(model.Dimensions.Count);
        decimal weightedSum = 0;
        decimal totalWeight = 0;
        foreach (var dimension in model.Dimensions)
        {
            var answered = dimension.Questions
                .Select(question => levels.GetValueOrDefault(question.Id))
                .OfType<MaturityLevel>()
                .ToList();
            decimal? score = answered.Count > 0 ? Round((decimal)answered.Sum(level => (int)level) / answered.Count) : null;
            dimensions.Add(new DimensionScore(dimension.Id, dimension.Title, score, answered.Count, dimension.Questions.Count));

            if (score is { } value && dimension.Weight > 0)
            {
                weightedSum += value * dimension.Weight;
                totalWeight += dimension.Weight;
            }
        }

        decimal? overall = totalWeight > 0 ? Round(weightedSum / totalWeight) : null;
        return new MaturityScore(
            dimensions.AsReadOnly(),
            overall,
            dimensions.Sum(dimension => dimension.Answered),
            dimensions.Sum(dimension => dimension.Questions));
    }

    private static decimal Round(decimal value) => Math.Round(value, ScoreDecimals, MidpointRounding.AwayFromZero);
}
