using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Risks;

/// <summary>
/// The plan's integrity risk register (SPEC §3.1, 2e): the risks, filterable by category, level and heat-map
/// cell; the 5×5 heat map of inherent or residual ratings; and how many risks each level has.
/// </summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public const string ResidualBasis = "residual";

    public sealed record RiskRow(int Id, string Category, string Title, int Probability, int Impact,
        int ResidualProbability, int ResidualImpact, int Treatments)
    {
        public RiskLevel? Inherent => RiskLabels.LevelOrNull(Probability, Impact);
        public RiskLevel? Residual => RiskLabels.LevelOrNull(ResidualProbability, ResidualImpact);
    }

    [BindProperty(SupportsGet = true, Name = "categoria")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "nivel")]
    public RiskLevel? Level { get; set; }

    /// <summary>"residual" for the residual ratings; anything else is the inherent ones.</summary>
    [BindProperty(SupportsGet = true, Name = "mapa")]
    public string? Basis { get; set; }

    [BindProperty(SupportsGet = true, Name = "probabilidade")]
    public int? CellProbability { get; set; }

    [BindProperty(SupportsGet = true, Name = "impacto")]
    public int? CellImpact { get; set; }

    public IntegrityPlan Plan { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool Residual => Basis == ResidualBasis;
    public string BasisName => Residual ? "residual" : "inerente";
    public bool CellFilter => RiskLabels.IsRating(CellProbability) && RiskLabels.IsRating(CellImpact);
    public bool Filtered => !string.IsNullOrEmpty(Category) || Level is not null || CellFilter;

    /// <summary>How many risks the plan has, whatever the filters.</summary>
    public int Total { get; private set; }
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public IReadOnlyList<RiskRow> Rows { get; private set; } = [];
    /// <summary>Risks per cell, <c>[impact - 1, probability - 1]</c>, of the chosen basis and category.</summary>
    public int[,] HeatMap { get; private set; } = new int[RiskMatrix.MaxRating, RiskMatrix.MaxRating];
    public IReadOnlyDictionary<RiskLevel, int> CountByLevel { get; private set; } = new Dictionary<RiskLevel, int>();

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        CanEdit = RiskRegister.CanEdit(plan, tenant);
        var risks = await db.Risks.AsNoTracking().Where(r => r.PlanId == planId)
            .Select(r => new RiskRow(r.Id, r.Category, r.Title, r.Probability, r.Impact, r.ResidualProbability, r.ResidualImpact, r.Treatments.Count))
            .ToListAsync();
        Total = risks.Count;
        Categories = risks.Select(r => r.Category).Distinct().Order(StringComparer.CurrentCulture).ToList();

        // The map and the counts follow the category filter, so a cell's link shows exactly its risks.
        var inCategory = string.IsNullOrEmpty(Category) ? risks : risks.Where(r => r.Category == Category).ToList();
        var rated = inCategory.Select(Rating).Where(r => RiskLabels.IsRating(r.Probability) && RiskLabels.IsRating(r.Impact)).ToList();
        HeatMap = RiskMatrix.HeatMap(rated);
        CountByLevel = RiskMatrix.CountByLevel(rated);

        IEnumerable<RiskRow> rows = inCategory;
        if (Level is RiskLevel level)
        {
            rows = rows.Where(r => LevelOf(r) == level);
        }
        if (CellFilter)
        {
            rows = rows.Where(r => Rating(r) == (CellProbability!.Value, CellImpact!.Value));
        }
        Rows = rows
            .OrderByDescending(r => LevelOf(r) ?? 0)
            .ThenByDescending(r => Rating(r).Probability * Rating(r).Impact)
            .ThenBy(r => r.Title, StringComparer.CurrentCulture)
            .ToList();
        return Page();
    }

    /// <summary>The ratings the map is drawn from: inherent or residual.</summary>
    public (int Probability, int Impact) Rating(RiskRow row) =>
        Residual ? (row.ResidualProbability, row.ResidualImpact) : (row.Probability, row.Impact);

    public RiskLevel? LevelOf(RiskRow row) => Residual ? row.Residual : row.Inherent;

    /// <summary>This page with other filters: the category is kept, the rest is what is given.</summary>
    public string ListUrl(bool residual, RiskLevel? level = null, int? probability = null, int? impact = null)
    {
        var query = new List<string>();
        if (residual)
        {
            query.Add($"mapa={ResidualBasis}");
        }
        if (!string.IsNullOrEmpty(Category))
        {
            query.Add($"categoria={Uri.EscapeDataString(Category)}");
        }
        if (level is not null)
        {
            query.Add($"nivel={level}");
        }
        if (probability is not null && impact is not null)
        {
            query.Add($"probabilidade={probability}");
            query.Add($"impacto={impact}");
        }
        return $"/planos/{Plan.Id}/riscos" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }
}
