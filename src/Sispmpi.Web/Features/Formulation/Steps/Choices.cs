using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Catalogs;

namespace Sispmpi.Web.Features.Formulation.Steps;

public sealed record ChoiceOption(string Name, bool Retired);

/// <summary>Checkboxes of catalog entries, posted under <see cref="Name"/>.</summary>
public sealed record ChoicesView(string Name, string Id, string Legend, string? Hint, IReadOnlyList<ChoiceOption> Options,
    IReadOnlySet<string> Selected, string? Error = null);

/// <summary>
/// Choices from a central catalog (SPEC §3.5). A record keeps the names it chose, so an entry retired from the
/// catalog later still shows, marked, where it was chosen; no one can choose it anew.
/// </summary>
public static class Choices
{
    public static async Task<IReadOnlyList<ChoiceOption>> OptionsAsync(SispmpiDbContext db, CatalogKind kind, IEnumerable<string>? saved)
    {
        var active = await db.CatalogItems.AsNoTracking().Where(c => c.Kind == kind && c.IsActive)
            .OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync();
        var retired = (saved ?? []).Where(s => !active.Contains(s)).Distinct();
        return active.Select(n => new ChoiceOption(n, false)).Concat(retired.Select(n => new ChoiceOption(n, true))).ToList();
    }

    /// <summary>The posted names that are options, in catalog order, without repeats.</summary>
    public static List<string> Keep(IReadOnlyList<ChoiceOption> options, IEnumerable<string>? posted)
    {
        var chosen = (posted ?? []).ToHashSet(StringComparer.Ordinal);
        return options.Where(o => chosen.Contains(o.Name)).Select(o => o.Name).ToList();
    }
}
