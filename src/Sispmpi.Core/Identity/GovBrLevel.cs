namespace Sispmpi.Core.Identity;

/// <summary>
/// gov.br's account reliability levels (confiabilidades), weakest first. Values are stored in the database:
/// never renumber.
/// </summary>
public enum GovBrLevel
{
    Bronze = 1,
    Silver = 2,
    Gold = 3,
}

public static class GovBrLevels
{
    private static readonly (string Name, GovBrLevel Level)[] _names =
        [("ouro", GovBrLevel.Gold), ("prata", GovBrLevel.Silver), ("bronze", GovBrLevel.Bronze)];

    /// <summary>The Portuguese name gov.br uses: bronze, prata, ouro.</summary>
    public static string Name(GovBrLevel level) => level switch
    {
        GovBrLevel.Bronze => "bronze",
        GovBrLevel.Silver => "prata",
        GovBrLevel.Gold => "ouro",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Reads a setting such as "prata" (any case); empty or null means no level.</summary>
    public static bool TryParse(string? text, out GovBrLevel? level)
    {
        level = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        foreach (var (name, value) in _names)
        {
            if (string.Equals(text.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                level = value;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The highest level named in the values of the <c>amr</c> and confiabilidades claims, or null when none
    /// names one. A value names a level when it contains its Portuguese name as a word ("prata",
    /// "govbr_prata", "{\"id\":\"ouro\"}"): gov.br's own spellings vary between its claims and its API.
    /// </summary>
    public static GovBrLevel? Highest(IEnumerable<string> claimValues)
    {
        GovBrLevel? highest = null;
        foreach (var value in claimValues)
        {
            foreach (var (name, level) in _names)
            {
                if (ContainsWord(value, name) && (highest is null || level > highest))
                {
                    highest = level;
                }
            }
        }
        return highest;
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var after = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }
        }
        return false;
    }
}
