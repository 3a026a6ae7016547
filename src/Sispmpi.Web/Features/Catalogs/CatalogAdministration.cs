using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Features.Catalogs;

/// <summary>
/// What the central administrator does with the catalogs (SPEC §3.5): names, addresses, how many records of the
/// whole installation use an entry (records copy the entry's name, so "in use" means the name appears in them), and
/// the order in which the entries are offered.
/// </summary>
public sealed class CatalogAdministration(SispmpiDbContext db)
{
    public const int MinJustification = 10;

    public static readonly IReadOnlyList<(CatalogKind Kind, string Slug, string Title, string Singular)> Kinds =
    [
        (CatalogKind.ThematicAxis, "eixos-tematicos", "Eixos temáticos", "eixo temático"),
        (CatalogKind.DiagnosisInstrument, "instrumentos-de-diagnostico", "Instrumentos de diagnóstico", "instrumento de diagnóstico"),
        (CatalogKind.LimitingFactor, "fatores-limitantes", "Fatores limitantes", "fator limitante"),
        (CatalogKind.Stakeholder, "partes-interessadas", "Partes interessadas", "parte interessada"),
        (CatalogKind.ActionType, "tipos-de-acao", "Tipos de ação", "tipo de ação"),
        (CatalogKind.RiskCategory, "categorias-de-risco", "Categorias de risco", "categoria de risco"),
    ];

    public static string Slug(CatalogKind kind) => Kinds.First(k => k.Kind == kind).Slug;

    public static string Title(CatalogKind kind) => Kinds.First(k => k.Kind == kind).Title;

    public static CatalogKind? FromSlug(string? slug) => Kinds.FirstOrDefault(k => k.Slug == slug) is { Slug: not null } k ? k.Kind : null;

    /// <summary>Records of the whole installation that carry <paramref name="name"/> from the catalog of <paramref name="kind"/>.</summary>
    public async Task<int> UsesAsync(CatalogKind kind, string name, CancellationToken cancellationToken = default) => kind switch
    {
        CatalogKind.ThematicAxis =>
            await db.PlanAxes.IgnoreQueryFilters().CountAsync(a => a.ParentId == null && a.Title == name, cancellationToken)
            + await db.Diagnoses.IgnoreQueryFilters().CountAsync(d => d.ThematicAxes.Contains(name), cancellationToken),
        CatalogKind.DiagnosisInstrument => await db.Diagnoses.IgnoreQueryFilters().CountAsync(d => d.Instruments.Contains(name), cancellationToken),
        CatalogKind.LimitingFactor => await db.PlanActions.IgnoreQueryFilters()
            .CountAsync(a => a.LimitingFactors != null && a.LimitingFactors.Contains(name), cancellationToken),
        CatalogKind.Stakeholder => await db.Plans.IgnoreQueryFilters().CountAsync(p => p.Stakeholders != null && p.Stakeholders.Contains(name), cancellationToken),
        // An action's types are one text joined by "; " (Core.Plans.ActionTypes): the name alone, first, last or in between.
        CatalogKind.ActionType => await db.PlanActions.IgnoreQueryFilters().CountAsync(a => a.ActionType == name
            || a.ActionType.StartsWith(name + ActionTypes.Separator) || a.ActionType.EndsWith(ActionTypes.Separator + name)
            || a.ActionType.Contains(ActionTypes.Separator + name + ActionTypes.Separator), cancellationToken),
        CatalogKind.RiskCategory => await db.Risks.IgnoreQueryFilters().CountAsync(r => r.Category == name, cancellationToken),
        _ => 0,
    };

    /// <summary>Uses of every entry of a catalog by name, in one query per table (not one per entry).</summary>
    public async Task<IReadOnlyDictionary<string, int>> UsesAsync(CatalogKind kind, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(IEnumerable<string> used)
        {
            foreach (var name in used)
            {
                result[name] = result.GetValueOrDefault(name) + 1;
            }
        }
        var list = names.ToList();
        switch (kind)
        {
            case CatalogKind.ActionType:
                // Counted per stored combination of types, then split: an action counts under each of its types.
                var combinations = await db.PlanActions.IgnoreQueryFilters().GroupBy(a => a.ActionType)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
                foreach (var (type, count) in ActionTypes.CountPerType(combinations.Select(g => (g.Key, g.Count))))
                {
                    if (list.Contains(type))
                    {
                        result[type] = count;
                    }
                }
                break;
            case CatalogKind.RiskCategory:
                foreach (var g in await db.Risks.IgnoreQueryFilters().Where(r => list.Contains(r.Category))
                             .GroupBy(r => r.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                {
                    result[g.Key] = g.Count;
                }
                break;
            case CatalogKind.ThematicAxis:
                foreach (var g in await db.PlanAxes.IgnoreQueryFilters().Where(a => a.ParentId == null && list.Contains(a.Title))
                             .GroupBy(a => a.Title).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                {
                    result[g.Key] = g.Count;
                }
                Add((await db.Diagnoses.IgnoreQueryFilters().Select(d => d.ThematicAxes).ToListAsync(cancellationToken)).SelectMany(x => x.Distinct()));
                break;
            case CatalogKind.DiagnosisInstrument:
                Add((await db.Diagnoses.IgnoreQueryFilters().Select(d => d.Instruments).ToListAsync(cancellationToken)).SelectMany(x => x.Distinct()));
                break;
            case CatalogKind.Stakeholder:
                Add((await db.Plans.IgnoreQueryFilters().Where(p => p.Stakeholders != null).Select(p => p.Stakeholders!).ToListAsync(cancellationToken))
                    .SelectMany(x => x.Distinct()));
                break;
            case CatalogKind.LimitingFactor:
                foreach (var name in list)
                {
                    result[name] = await UsesAsync(kind, name, cancellationToken);
                }
                break;
        }
        return result;
    }

    /// <summary>
    /// Null when <paramref name="name"/> (trimmed, not blank) may name an entry of <paramref name="kind"/>; otherwise why not.
    /// An action's types are listed joined by ";" in pages, exports and imports, so a type's own name cannot hold one.
    /// </summary>
    public static string? CheckName(CatalogKind kind, string name) =>
        name.Length > 200 ? "O nome deve ter até 200 caracteres."
        : kind == CatalogKind.ActionType && !Core.Plans.ActionTypes.IsValidName(name)
            ? "O nome de um tipo de ação não pode conter \";\": esse caractere separa os tipos de uma ação nas listas, exportações e importações."
        : null;

    public static string? CheckJustification(string? justification) =>
        string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < MinJustification
            ? $"Informe a justificativa (pelo menos {MinJustification} caracteres); ela fica registrada no histórico."
            : justification.Trim().Length > 1000 ? "A justificativa deve ter até 1.000 caracteres." : null;

    /// <summary>Swaps an entry with its neighbour above (<paramref name="up"/>) or below; positions are renumbered 1..n.</summary>
    public async Task<bool> MoveAsync(int itemId, bool up, CancellationToken cancellationToken = default)
    {
        var item = await db.CatalogItems.FirstOrDefaultAsync(c => c.Id == itemId, cancellationToken);
        if (item is null)
        {
            return false;
        }
        var items = await db.CatalogItems.Where(c => c.Kind == item.Kind).OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var index = items.IndexOf(item);
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
        {
            return true;
        }
        (items[index], items[other]) = (items[other], items[index]);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i + 1;
        }
        await db.SaveChangesAsync($"Ordem do catálogo {Title(item.Kind)}: \"{item.Name}\" movido para {(up ? "cima" : "baixo")}.", cancellationToken);
        return true;
    }
}
