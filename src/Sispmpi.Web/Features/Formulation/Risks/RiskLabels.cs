using Sispmpi.Core.Formulation;

namespace Sispmpi.Web.Features.Formulation.Risks;

/// <summary>How risk levels and ratings read in Portuguese, and the CSS class that colours each level.</summary>
public static class RiskLabels
{
    public static string Of(RiskLevel level) => level switch
    {
        RiskLevel.Low => "Baixo",
        RiskLevel.Medium => "Médio",
        RiskLevel.High => "Alto",
        RiskLevel.Extreme => "Extremo",
        _ => level.ToString(),
    };

    /// <summary>The colour band of a level (site.css, "Integrity risk register"); never shown without the level's name.</summary>
    public static string CssClass(RiskLevel level) => level switch
    {
        RiskLevel.Low => "sispmpi-risk-low",
        RiskLevel.Medium => "sispmpi-risk-medium",
        RiskLevel.High => "sispmpi-risk-high",
        RiskLevel.Extreme => "sispmpi-risk-extreme",
        _ => "",
    };

    /// <summary>"Muito baixa" … "Muito alta": probability is feminine in Portuguese.</summary>
    public static string Probability(int rating) => rating switch
    {
        1 => "Muito baixa",
        2 => "Baixa",
        3 => "Média",
        4 => "Alta",
        5 => "Muito alta",
        _ => rating.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>"Muito baixo" … "Muito alto".</summary>
    public static string Impact(int rating) => rating switch
    {
        1 => "Muito baixo",
        2 => "Baixo",
        3 => "Médio",
        4 => "Alto",
        5 => "Muito alto",
        _ => rating.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static bool IsRating(int? rating) => rating is >= RiskMatrix.MinRating and <= RiskMatrix.MaxRating;

    /// <summary>The level of a pair of ratings, or null while either is missing or out of range.</summary>
    public static RiskLevel? LevelOrNull(int? probability, int? impact) =>
        IsRating(probability) && IsRating(impact) ? RiskMatrix.Level(probability!.Value, impact!.Value) : null;
}
