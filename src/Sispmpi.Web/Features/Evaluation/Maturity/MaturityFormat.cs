using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Maturity;

/// <summary>How maturity figures read in Portuguese.</summary>
public static class MaturityFormat
{
    /// <summary>A score from 1 to 5 with two decimals and a decimal comma ("3,50").</summary>
    public static string Score(decimal score) => score.ToString("0.00", BrazilTime.Culture);

    /// <summary>A score, or "—" when nothing is answered.</summary>
    public static string Score(decimal? score) => score is { } value ? Score(value) : "—";

    /// <summary>The level reached by a score: the integer part, as <see cref="MaturityScore.OverallLevel"/> reads it.</summary>
    public static MaturityLevel? LevelOf(decimal? score) => score is { } value
        ? (MaturityLevel)Math.Clamp((int)decimal.Floor(value), (int)MaturityLevel.Initial, (int)MaturityLevel.Optimized)
        : null;

    public static string LevelName(MaturityLevel? level) => level is { } value ? MaturityLevels.Name(value) : "—";

    public static string Status(MaturityCycle cycle) => cycle.Status == MaturityCycleStatus.Submitted
        ? $"Enviado em {Shared.Labels.Date(MaturityAssessments.BrasiliaDate(cycle.SubmittedAt ?? cycle.CreatedAt))}"
        : "Em andamento";

    public static string StatusClass(MaturityCycle cycle) => cycle.Status == MaturityCycleStatus.Submitted ? "success" : "info";
}
