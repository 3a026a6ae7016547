using System.Globalization;
using Sispmpi.Core.Evaluation;

namespace Sispmpi.Core.Tests.Evaluation;

public class MaturityScoringTests
{
    // Initialized before Model, which uses it.
    private static readonly IReadOnlyDictionary<MaturityLevel, string> Levels =
        MaturityLevels.All.ToDictionary(level => level, MaturityLevels.Name);

    // Dimension a: weight 1, questions a-1..a-3; b: weight 2, b-1..b-2; c: weight 1, c-1. Six questions in all.
    private static readonly MaturityModel Model = new("teste", 1, "Modelo de teste", null,
    [
        Dimension("a", 1m, 3),
        Dimension("b", 2m, 2),
        Dimension("c", 1m, 1),
    ]);

    // Answers: "question=level", "-" for not answered. Expected dimensions: "id=score/answered", "-" for a null score.
    // NaN stands for a null overall score.
    [Theory]
    // All answered: (2·1 + 4.5·2 + 5·1) / 4 = 16 / 4.
    [InlineData("a-1=1 a-2=2 a-3=3 b-1=4 b-2=5 c-1=5", "a=2/3 b=4.5/2 c=5/1", 4.0, MaturityLevel.Managed, 6)]
    [InlineData("a-1=5 a-2=5 a-3=5 b-1=5 b-2=5 c-1=5", "a=5/3 b=5/2 c=5/1", 5.0, MaturityLevel.Optimized, 6)]
    [InlineData("a-1=1 a-2=1 a-3=1 b-1=1 b-2=1 c-1=1", "a=1/3 b=1/2 c=1/1", 1.0, MaturityLevel.Initial, 6)]
    // Unanswered questions do not drag the mean down, they only lower Answered: (3·1 + 5·2 + 1·1) / 4 = 14 / 4.
    [InlineData("a-1=3 b-1=5 b-2=- c-1=1", "a=3/1 b=5/1 c=1/1", 3.5, MaturityLevel.Integrated, 3)]
    // A dimension with nothing answered has no score and is left out of the overall: (3·1 + 3·1) / 2.
    [InlineData("a-1=2 a-2=4 c-1=3", "a=3/2 b=-/0 c=3/1", 3.0, MaturityLevel.Integrated, 3)]
    // Weights: (1·1 + 4·2) / 3 = 3, where the plain mean would be 2.5.
    [InlineData("a-1=1 b-1=4", "a=1/1 b=4/1 c=-/0", 3.0, MaturityLevel.Integrated, 2)]
    [InlineData("b-1=2 b-2=3", "a=-/0 b=2.5/2 c=-/0", 2.5, MaturityLevel.Standardized, 2)]
    // The level is the integer part: (3·1 + 2.5·2 + 3·1) / 4 = 2.75 is still Padronizado.
    [InlineData("a-1=3 b-1=2 b-2=3 c-1=3", "a=3/1 b=2.5/2 c=3/1", 2.75, MaturityLevel.Standardized, 4)]
    // Unknown question ids are ignored; ids are case-sensitive.
    [InlineData("x-1=5 A-1=5 a-4=5 a-1=2", "a=2/1 b=-/0 c=-/0", 2.0, MaturityLevel.Standardized, 1)]
    // A repeated question id: the last answer wins, even "not answered".
    [InlineData("a-1=1 a-1=4", "a=4/1 b=-/0 c=-/0", 4.0, MaturityLevel.Managed, 1)]
    [InlineData("a-1=4 a-1=- c-1=2", "a=-/0 b=-/0 c=2/1", 2.0, MaturityLevel.Standardized, 1)]
    [InlineData("a-1=- a-1=3", "a=3/1 b=-/0 c=-/0", 3.0, MaturityLevel.Integrated, 1)]
    // Rounding to 2 decimals: 5 / 3 = 1.666… → 1.67.
    [InlineData("a-1=1 a-2=2 a-3=2", "a=1.67/3 b=-/0 c=-/0", 1.67, MaturityLevel.Initial, 3)]
    // The overall uses the rounded dimension scores, midpoints away from zero: (1.67 + 1) / 2 = 1.335 → 1.34
    // (from the unrounded 5/3 it would be 1.33).
    [InlineData("a-1=1 a-2=2 a-3=2 c-1=1", "a=1.67/3 b=-/0 c=1/1", 1.34, MaturityLevel.Initial, 4)]
    // 4 / 3 → 1.33; (1.33 + 2) / 2 = 1.665 → 1.67.
    [InlineData("a-1=1 a-2=1 a-3=2 c-1=2", "a=1.33/3 b=-/0 c=2/1", 1.67, MaturityLevel.Initial, 4)]
    // Nothing answered.
    [InlineData("", "a=-/0 b=-/0 c=-/0", double.NaN, null, 0)]
    [InlineData("a-1=- b-2=- z-9=3", "a=-/0 b=-/0 c=-/0", double.NaN, null, 0)]
    public void Score_follows_the_rules(
        string answers, string expectedDimensions, double overall, MaturityLevel? level, int answered)
    {
        var score = MaturityScoring.Score(Model, Answers(answers));

        var dimensions = score.Dimensions.Select(d => $"{d.DimensionId}={Format(d.Score)}/{d.Answered}");
        string.Join(' ', dimensions).ShouldBe(expectedDimensions);
        score.Overall.ShouldBe(double.IsNaN(overall) ? null : (decimal)overall);
        score.OverallLevel.ShouldBe(level);
        score.Answered.ShouldBe(answered);
        score.Questions.ShouldBe(6);
        score.IsComplete.ShouldBe(answered == 6);
    }

    [Fact]
    public void Dimension_scores_carry_the_model_titles_and_question_counts_in_model_order()
    {
        var score = MaturityScoring.Score(Model, []);

        score.Dimensions.ShouldBe(
        [
            new DimensionScore("a", "Dimensão a", null, 0, 3),
            new DimensionScore("b", "Dimensão b", null, 0, 2),
            new DimensionScore("c", "Dimensão c", null, 0, 1),
        ]);
    }

    [Fact]
    public void Dimension_score_rounds_midpoints_away_from_zero()
    {
        var model = new MaturityModel("m", 1, "M", null, [Dimension("d", 1m, 8)]);
        int[] levels = [1, 2, 2, 2, 2, 3, 3, 2]; // 17 / 8 = 2.125

        var score = MaturityScoring.Score(
            model, levels.Select((level, i) => new MaturityAnswerValue($"d-{i + 1}", (MaturityLevel)level)));

        score.Dimensions[0].Score.ShouldBe(2.13m);
        score.Overall.ShouldBe(2.13m);
    }

    [Theory]
    [InlineData(1.0, MaturityLevel.Initial)]
    [InlineData(1.99, MaturityLevel.Initial)]
    [InlineData(2.0, MaturityLevel.Standardized)]
    [InlineData(2.75, MaturityLevel.Standardized)]
    [InlineData(3.0, MaturityLevel.Integrated)]
    [InlineData(3.5, MaturityLevel.Integrated)]
    [InlineData(4.99, MaturityLevel.Managed)]
    [InlineData(5.0, MaturityLevel.Optimized)]
    public void Overall_level_is_the_integer_part_of_the_overall_score(double overall, MaturityLevel expected)
    {
        new MaturityScore([], (decimal)overall, 1, 1).OverallLevel.ShouldBe(expected);
    }

    [Fact]
    public void Overall_level_is_null_without_an_overall_score()
    {
        new MaturityScore([], null, 0, 3).OverallLevel.ShouldBeNull();
    }

    [Fact]
    public void Default_model_scores_to_the_level_answered_everywhere()
    {
        foreach (var level in MaturityLevels.All)
        {
            var score = MaturityScoring.Score(
                MaturityModel.Default, MaturityModel.Default.Questions.Select(q => new MaturityAnswerValue(q.Id, level)));

            score.Overall.ShouldBe((int)level);
            score.OverallLevel.ShouldBe(level);
            score.IsComplete.ShouldBeTrue();
            score.Questions.ShouldBe(24);
            score.Dimensions.Count.ShouldBe(8);
        }
    }

    [Fact]
    public void Dimensions_weighing_zero_are_left_out_of_the_overall()
    {
        // Parse rejects such weights; a model built in code may still have them.
        var model = new MaturityModel("m", 1, "M", null, [Dimension("a", 0m, 1), Dimension("b", 1m, 1)]);

        var score = MaturityScoring.Score(model, Answers("a-1=5 b-1=2"));

        score.Dimensions[0].Score.ShouldBe(5m);
        score.Overall.ShouldBe(2m);
        MaturityScoring.Score(model, Answers("a-1=5")).Overall.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Levels_outside_one_to_five_are_rejected(int level)
    {
        Should.Throw<ArgumentOutOfRangeException>(() =>
            MaturityScoring.Score(Model, [new MaturityAnswerValue("a-1", (MaturityLevel)level)]));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Should.Throw<ArgumentNullException>(() => MaturityScoring.Score(null!, []));
        Should.Throw<ArgumentNullException>(() => MaturityScoring.Score(Model, null!));
        Should.Throw<ArgumentNullException>(() => MaturityScoring.Score(Model, [null!]));
    }

    private static MaturityDimension Dimension(string id, decimal weight, int questions) => new(
        id,
        $"Dimensão {id}",
        null,
        weight,
        Enumerable.Range(1, questions).Select(n => new MaturityQuestion($"{id}-{n}", $"Questão {id}-{n}?", Levels)).ToList());

    private static IEnumerable<MaturityAnswerValue> Answers(string answers) =>
        answers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var (question, level) = (pair.Split('=')[0], pair.Split('=')[1]);
            return new MaturityAnswerValue(question, level == "-" ? null : (MaturityLevel)int.Parse(level, CultureInfo.InvariantCulture));
        });

    private static string Format(decimal? score) =>
        score is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) : "-";
}
