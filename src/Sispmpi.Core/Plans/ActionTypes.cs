namespace Sispmpi.Core.Plans;

/// <summary>
/// An action may have several types (as in the original SisPMPI). They are kept together, in the order chosen, in
/// one text joined by <see cref="Separator"/>, so that lists, exports and documents show them as read; figures
/// per type split it back.
/// </summary>
public static class ActionTypes
{
    public const string Separator = "; ";

    /// <summary>The types, trimmed, without blanks or repeats (compared ignoring case), in the order given.</summary>
    public static IReadOnlyList<string> Clean(IEnumerable<string?> types) =>
        types.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>A type's own name may not hold ';': it separates an action's types in lists, exports and imports.</summary>
    public static bool IsValidName(string name) => !name.Contains(';', StringComparison.Ordinal);

    /// <summary>A name of the original SisPMPI (which allowed ';') made valid: each ';' becomes ','.</summary>
    public static string WithoutSeparator(string name) => name.Replace(';', ',');

    public static string Join(IEnumerable<string?> types) => string.Join(Separator, Clean(types));

    public static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrWhiteSpace(joined) ? [] : Clean(joined.Split(';'));

    /// <summary>How many actions have each type, from counts per stored text: an action counts once under each of its types.</summary>
    public static IReadOnlyDictionary<string, int> CountPerType(IEnumerable<(string Joined, int Count)> countsPerText)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (joined, count) in countsPerText)
        {
            foreach (var type in Split(joined))
            {
                counts[type] = counts.GetValueOrDefault(type) + count;
            }
        }
        return counts;
    }
}
