using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Maturity;

/// <summary>
/// "Maturidade": the current organization's self-assessment cycles by year, the start of this year's cycle, and the
/// comparison of the dimension scores of the last submitted cycles and the open one, as a radar chart and a table.
/// </summary>
[Authorize(Policy = Policies.MaturityRead)]
[WritePolicy(Policies.MaturityWrite)]
public sealed class IndexModel(SispmpiDbContext db, MaturityAssessments assessments, TenantContext tenant, TimeProvider clock) : PageModel
{
    /// <summary>How many submitted cycles the comparison shows, besides the open one.</summary>
    public const int ComparedSubmitted = 3;

    public sealed record CycleRow(MaturityCycle Cycle, MaturityModel Model, MaturityScore Score);

    /// <summary>A dimension of the comparison, matched by id across model versions; the title is the newest cycle's.</summary>
    public sealed record ComparedDimension(string Id, string Title);

    /// <summary>
    /// One cycle of the comparison: the score of each dimension of its own model version (null when none of its
    /// questions is answered); a dimension its version does not have is missing from <paramref name="Scores"/>.
    /// </summary>
    public sealed record ComparedCycle(int Id, int Year, bool Submitted, IReadOnlyDictionary<string, decimal?> Scores)
    {
        public string Label => Submitted ? $"{Year}" : $"{Year} (em andamento)";
    }

    public IReadOnlyList<CycleRow> Cycles { get; private set; } = [];
    public IReadOnlyList<ComparedDimension> Dimensions { get; private set; } = [];
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ComparedCycle> Compared { get; private set; } = [];
    public int CurrentYear { get; private set; }
    public bool CanStart { get; private set; }
    public bool CanEditModel => Policies.Allows(Policies.MaturityModelEdit, tenant);

    /// <summary>The radar's data, read by <c>wwwroot/js/maturity.js</c>.</summary>
    public object ChartData => new
    {
        labels = Dimensions.Select(d => d.Title),
        datasets = Compared.Select(c => new
        {
            label = c.Label,
            open = !c.Submitted,
            data = Dimensions.Select(d => c.Scores.GetValueOrDefault(d.Id)),
        }),
    };

    public async Task OnGetAsync()
    {
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        var (cycle, created) = await assessments.StartAsync(clock.Today().Year);
        TempData[created ? "Sucesso" : "Erro"] = created
            ? $"Ciclo de {cycle.Year} iniciado com a versão {cycle.ModelVersion!.Version} do modelo “{cycle.ModelVersion.Title}”."
            : $"O ciclo de {cycle.Year} já existe.";
        return Redirect($"/maturidade/{cycle.Id}");
    }

    private async Task LoadAsync()
    {
        CurrentYear = clock.Today().Year;
        // The current organization only: a central administrator also sees the organizations below, each with its own page.
        var cycles = await db.MaturityCycles.AsNoTracking().AsSplitQuery()
            .Include(c => c.ModelVersion).Include(c => c.Answers)
            .Where(c => c.OrganizationId == tenant.CurrentOrganizationId)
            .OrderByDescending(c => c.Year)
            .ToListAsync();
        var models = cycles.Select(c => c.ModelVersion!).DistinctBy(v => v.Id).ToDictionary(v => v.Id, v => MaturityModel.Parse(v.Json));
        Cycles = cycles.Select(c => new CycleRow(c, models[c.ModelVersionId], CycleState.ScoreOf(models[c.ModelVersionId], c.Answers))).ToList();
        CanStart = Policies.Allows(Policies.MaturityWrite, tenant) && cycles.All(c => c.Year != CurrentYear);
        BuildComparison();
    }

    /// <summary>The last <see cref="ComparedSubmitted"/> submitted cycles and the newest open one, by year.</summary>
    private void BuildComparison()
    {
        var compared = Cycles.Where(r => r.Cycle.Status == MaturityCycleStatus.Submitted).Take(ComparedSubmitted)
            .Concat(Cycles.Where(r => r.Cycle.Status == MaturityCycleStatus.InProgress).Take(1))
            .OrderByDescending(r => r.Cycle.Year)
            .ToList();
        var dimensions = new List<ComparedDimension>();
        foreach (var row in compared)
        {
            foreach (var dimension in row.Model.Dimensions.Where(d => dimensions.All(known => known.Id != d.Id)))
            {
                dimensions.Add(new ComparedDimension(dimension.Id, dimension.Title));
            }
        }
        Dimensions = dimensions;
        Compared = compared.AsEnumerable().Reverse()
            .Select(r => new ComparedCycle(r.Cycle.Id, r.Cycle.Year, r.Cycle.Status == MaturityCycleStatus.Submitted,
                r.Score.Dimensions.ToDictionary(d => d.DimensionId, d => d.Score, StringComparer.Ordinal)))
            .ToList();
    }
}
