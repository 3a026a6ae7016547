using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Oversight;

/// <summary>Which organizations the panel shows: by kind, by the status of their current plan, by name or acronym.</summary>
public sealed record PanelFilter(OrganizationKind? Kind = null, PanelPlanStatus? Status = null, string? Search = null, PanelSort Sort = PanelSort.Name)
{
    public bool NarrowsNetwork => Kind is not null || Status is not null || !string.IsNullOrWhiteSpace(Search);
}

/// <summary>The status of an organization's current plan, with "no plan" as a value of its own.</summary>
public enum PanelPlanStatus
{
    NoPlan,
    NotStarted,
    InPreparation,
    Published,
}

public enum PanelSort
{
    Name,
    Acronym,
    Kind,
    Status,
    Published,
    Actions,
    LateActions,
}

/// <summary>One organization and its current plan (the published one, else the latest one not obsolete).</summary>
public sealed record PanelRow(int OrganizationId, string Acronym, string Name, OrganizationKind Kind,
    int? PlanId, string? PlanTitle, PlanStatus? PlanStatus, string? Edition, int? Version, DateTimeOffset? CreatedAt, DateTimeOffset? PublishedAt,
    int Axes, int Actions, int LateActions, int ConcludedActions, int? FiguresYear, decimal? Budget, int? Headcount)
{
    public PanelPlanStatus PanelStatus => PlanStatus switch
    {
        Core.Plans.PlanStatus.Published => PanelPlanStatus.Published,
        Core.Plans.PlanStatus.InPreparation => PanelPlanStatus.InPreparation,
        Core.Plans.PlanStatus.NotStarted => PanelPlanStatus.NotStarted,
        _ => PanelPlanStatus.NoPlan,
    };
}

/// <summary>Figures of a group of organizations (the whole filtered network, or one kind).</summary>
public sealed record PanelFigures(int Organizations, int WithPlan, int Published, int InPreparation, int NotStarted, int NoPlan,
    int Actions, int LateActions, int PublishedPlans, double? MeanDraftingDays);

/// <summary><see cref="ReferenceYear"/> is set when the totals are the network's own (<see cref="NetworkReference"/>).</summary>
public sealed record PanelCoverage(decimal Budget, decimal PublishedBudget, long Headcount, long PublishedHeadcount, int? ReferenceYear = null)
{
    public double? BudgetShare => Budget == 0 ? null : (double)(PublishedBudget / Budget);
    public double? HeadcountShare => Headcount == 0 ? null : (double)PublishedHeadcount / Headcount;
}

/// <summary>One month of the trends: plans published (each version counts) and actions concluded in it.</summary>
public sealed record PanelMonth(int Year, int Month, int PlansPublished, int ActionsConcluded);

public sealed record PanelData(DateOnly Today, PanelFilter Filter, IReadOnlyList<PanelRow> Rows, PanelFigures Totals,
    IReadOnlyList<(OrganizationKind Kind, PanelFigures Figures)> ByKind, PanelCoverage Coverage, IReadOnlyList<PanelMonth> Trend);

/// <summary>
/// The network indicators panel (SPEC §3.5). Five set-based queries, none per organization: the organizations, every
/// plan's dates and status, the actions grouped by plan (the main one: in one pass over the actions, each plan's
/// actions, late actions, concluded actions and those concluded in each month of the trend), the axes grouped by
/// plan, and the yearly figures. Everything else — which plan is current, the filters, the figures by kind, the
/// coverage, the order — is worked out in memory from those rows.
/// </summary>
public sealed class NetworkPanel(SispmpiDbContext db, TimeProvider clock, TenantContext tenant)
{
    /// <summary>Months of the trends, the current one included.</summary>
    public const int TrendMonths = 12;

    /// <summary>The tag EF writes before the main query's SQL; the benchmark finds it by this.</summary>
    public const string MainQueryTag = "painel-da-rede: acoes por plano";

    private static readonly StringComparer _ptBr = StringComparer.Create(CultureInfo.GetCultureInfo("pt-BR"), CompareOptions.IgnoreCase);

    public async Task<PanelData> BuildAsync(PanelFilter filter, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var organizations = db.Organizations.AsNoTracking().Where(o => o.IsActive);
        if (filter.Kind is { } kind)
        {
            organizations = organizations.Where(o => o.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = SearchText.Term(filter.Search)!;
            organizations = organizations.Where(o => SearchText.Fold(o.Name)!.Contains(term) || SearchText.Fold(o.Acronym)!.Contains(term));
        }
        var orgs = await organizations.Select(o => new { o.Id, o.Acronym, o.Name, o.Kind }).ToListAsync(cancellationToken);

        var plans = await db.Plans.AsNoTracking()
            .Select(p => new PlanLine(p.Id, p.OrganizationId, p.Title, p.Status, p.Edition, p.Version, p.CreatedAt, p.PublishedAt))
            .ToListAsync(cancellationToken);

        // The trend's months as bounds [b(i), b(i+1)); the last month ends today.
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(TrendMonths - 1));
        DateOnly b0 = first, b1 = first.AddMonths(1), b2 = first.AddMonths(2), b3 = first.AddMonths(3), b4 = first.AddMonths(4),
            b5 = first.AddMonths(5), b6 = first.AddMonths(6), b7 = first.AddMonths(7), b8 = first.AddMonths(8), b9 = first.AddMonths(9),
            b10 = first.AddMonths(10), b11 = first.AddMonths(11), b12 = today.AddDays(1);
        const ActionStatus done = ActionStatus.Concluded;
        // The tenant filter applies to the plans joined (a few thousand rows), not to each of the actions: an action
        // belongs to its plan's organization, so the join alone keeps the rows within the user's network.
        var actions = await db.PlanActions.IgnoreQueryFilters().AsNoTracking().TagWith(MainQueryTag)
            .Join(db.Plans.Where(p => p.Status != PlanStatus.Obsolete), a => a.PlanId, p => p.Id, (a, p) => a)
            .GroupBy(a => a.PlanId)
            .Select(g => new ActionCounts
            {
                PlanId = g.Key,
                Actions = g.Count(),
                Late = g.Count(a => (a.Status == ActionStatus.NotStarted && a.PlannedStart < today)
                    || (a.Status == ActionStatus.InProgress && a.Classification == ActionClassification.OneOff && a.PlannedEnd < today)),
                Concluded = g.Count(a => a.Status == done),
                M0 = g.Count(a => a.Status == done && a.ConcludedOn >= b0 && a.ConcludedOn < b1),
                M1 = g.Count(a => a.Status == done && a.ConcludedOn >= b1 && a.ConcludedOn < b2),
                M2 = g.Count(a => a.Status == done && a.ConcludedOn >= b2 && a.ConcludedOn < b3),
                M3 = g.Count(a => a.Status == done && a.ConcludedOn >= b3 && a.ConcludedOn < b4),
                M4 = g.Count(a => a.Status == done && a.ConcludedOn >= b4 && a.ConcludedOn < b5),
                M5 = g.Count(a => a.Status == done && a.ConcludedOn >= b5 && a.ConcludedOn < b6),
                M6 = g.Count(a => a.Status == done && a.ConcludedOn >= b6 && a.ConcludedOn < b7),
                M7 = g.Count(a => a.Status == done && a.ConcludedOn >= b7 && a.ConcludedOn < b8),
                M8 = g.Count(a => a.Status == done && a.ConcludedOn >= b8 && a.ConcludedOn < b9),
                M9 = g.Count(a => a.Status == done && a.ConcludedOn >= b9 && a.ConcludedOn < b10),
                M10 = g.Count(a => a.Status == done && a.ConcludedOn >= b10 && a.ConcludedOn < b11),
                M11 = g.Count(a => a.Status == done && a.ConcludedOn >= b11 && a.ConcludedOn < b12),
            })
            .ToDictionaryAsync(x => x.PlanId, cancellationToken);

        var axes = await db.PlanAxes.AsNoTracking()
            .Where(x => x.ParentId == null)
            .GroupBy(x => x.PlanId)
            .Select(g => new { PlanId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.PlanId, x => x.Count, cancellationToken);

        // The latest year each organization reported.
        var figures = (await db.OrganizationYearFigures.AsNoTracking()
                .Select(f => new { f.OrganizationId, f.Year, f.Budget, f.Headcount }).ToListAsync(cancellationToken))
            .GroupBy(f => f.OrganizationId)
            .ToDictionary(g => g.Key, g => g.MaxBy(f => f.Year)!);

        var plansByOrganization = plans.ToLookup(p => p.OrganizationId);
        var rows = new List<PanelRow>(orgs.Count);
        foreach (var o in orgs)
        {
            var current = plansByOrganization[o.Id].Where(p => p.Status != PlanStatus.Obsolete)
                .OrderByDescending(p => p.Status == PlanStatus.Published).ThenByDescending(p => p.Id).FirstOrDefault();
            var counts = current is null ? null : actions.GetValueOrDefault(current.Id);
            var year = figures.GetValueOrDefault(o.Id);
            rows.Add(new PanelRow(o.Id, o.Acronym, o.Name, o.Kind, current?.Id, current?.Title, current?.Status, current?.Edition, current?.Version,
                current?.CreatedAt, current?.PublishedAt,
                current is null ? 0 : axes.GetValueOrDefault(current.Id), counts?.Actions ?? 0, counts?.Late ?? 0, counts?.Concluded ?? 0,
                year?.Year, year?.Budget, year?.Headcount));
        }
        if (filter.Status is { } status)
        {
            rows = rows.Where(r => r.PanelStatus == status).ToList();
        }
        rows = Sort(rows, filter.Sort);

        var shown = rows.Select(r => r.OrganizationId).ToHashSet();
        var publishedPlans = plans.Where(p => p.PublishedAt is not null && shown.Contains(p.OrganizationId)).ToList();
        var kindOf = rows.ToDictionary(r => r.OrganizationId, r => r.Kind);

        var totals = Figures(rows, publishedPlans);
        var byKind = rows.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => (g.Key, Figures(g.ToList(), publishedPlans.Where(p => kindOf[p.OrganizationId] == g.Key).ToList())))
            .ToList();

        var coverage = NetworkReference.Coverage(rows,
            await NetworkReference.CurrentAsync(db, tenant.CurrentOrganizationId, today.Year, cancellationToken));

        // Actions concluded per month in every plan not obsolete of the organizations shown, from the main query's rows.
        var concludedByMonth = new int[TrendMonths];
        foreach (var plan in plans.Where(p => p.Status != PlanStatus.Obsolete && shown.Contains(p.OrganizationId)))
        {
            if (actions.GetValueOrDefault(plan.Id) is { } counts)
            {
                var months = counts.Months;
                for (var i = 0; i < TrendMonths; i++)
                {
                    concludedByMonth[i] += months[i];
                }
            }
        }
        var published = publishedPlans
            .Select(p => TimeZoneInfo.ConvertTime(p.PublishedAt!.Value, BrazilTime.Zone))
            .GroupBy(d => (d.Year, d.Month))
            .ToDictionary(g => g.Key, g => g.Count());
        var trend = Enumerable.Range(0, TrendMonths)
            .Select(i => (Index: i, Month: first.AddMonths(i)))
            .Select(m => new PanelMonth(m.Month.Year, m.Month.Month, published.GetValueOrDefault((m.Month.Year, m.Month.Month)), concludedByMonth[m.Index]))
            .ToList();
        return new PanelData(today, filter, rows, totals, byKind, coverage, trend);
    }

    private sealed record PlanLine(int Id, int OrganizationId, string Title, PlanStatus Status, string Edition, int Version,
        DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);

    private static PanelFigures Figures(IReadOnlyList<PanelRow> rows, IReadOnlyList<PlanLine> publishedPlans) => new(
        rows.Count,
        rows.Count(r => r.PlanId is not null),
        rows.Count(r => r.PlanStatus == PlanStatus.Published),
        rows.Count(r => r.PlanStatus == PlanStatus.InPreparation),
        rows.Count(r => r.PlanStatus == PlanStatus.NotStarted),
        rows.Count(r => r.PlanId is null),
        rows.Sum(r => r.Actions),
        rows.Sum(r => r.LateActions),
        publishedPlans.Count,
        publishedPlans.Count == 0 ? null : publishedPlans.Average(p => (p.PublishedAt!.Value - p.CreatedAt).TotalDays));

    /// <summary>One row of the main query: a plan's actions, late ones, concluded ones, and concluded ones in each month of the trend.</summary>
    private sealed class ActionCounts
    {
        public int PlanId { get; init; }
        public int Actions { get; init; }
        public int Late { get; init; }
        public int Concluded { get; init; }
        public int M0 { get; init; }
        public int M1 { get; init; }
        public int M2 { get; init; }
        public int M3 { get; init; }
        public int M4 { get; init; }
        public int M5 { get; init; }
        public int M6 { get; init; }
        public int M7 { get; init; }
        public int M8 { get; init; }
        public int M9 { get; init; }
        public int M10 { get; init; }
        public int M11 { get; init; }

        public int[] Months => [M0, M1, M2, M3, M4, M5, M6, M7, M8, M9, M10, M11];
    }

    private static List<PanelRow> Sort(List<PanelRow> rows, PanelSort sort) => sort switch
    {
        PanelSort.Acronym => [.. rows.OrderBy(r => r.Acronym, _ptBr).ThenBy(r => r.OrganizationId)],
        PanelSort.Kind => [.. rows.OrderBy(r => Labels.Of(r.Kind), _ptBr).ThenBy(r => r.Name, _ptBr).ThenBy(r => r.OrganizationId)],
        PanelSort.Status => [.. rows.OrderBy(r => r.PanelStatus).ThenBy(r => r.Name, _ptBr).ThenBy(r => r.OrganizationId)],
        PanelSort.Published => [.. rows.OrderByDescending(r => r.PublishedAt.HasValue).ThenByDescending(r => r.PublishedAt)
            .ThenBy(r => r.Name, _ptBr).ThenBy(r => r.OrganizationId)],
        PanelSort.Actions => [.. rows.OrderByDescending(r => r.Actions).ThenBy(r => r.Name, _ptBr).ThenBy(r => r.OrganizationId)],
        PanelSort.LateActions => [.. rows.OrderByDescending(r => r.LateActions).ThenBy(r => r.Name, _ptBr).ThenBy(r => r.OrganizationId)],
        _ => [.. rows.OrderBy(r => r.Name, _ptBr).ThenBy(r => r.OrganizationId)],
    };
}
