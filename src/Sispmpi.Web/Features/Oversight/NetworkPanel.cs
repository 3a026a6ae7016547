using System.Data;
using System.Data.Common;
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
/// The network indicators panel (SPEC §3.5). A few set-based queries, none per organization and none over the actions:
/// the organizations, every plan with its summary (<see cref="PlanSummary"/>: axes, actions by status, late actions —
/// kept current by the database's triggers in the transaction of each change), the yearly figures, and the actions
/// concluded per month (<see cref="PlanMonthConclusions"/>). Late actions are counted again from the actions' dates only
/// for the plans a passing day has changed. Everything else — which plan is current, the filters, the figures by kind,
/// the coverage, the order — is worked out in memory from those rows.
/// </summary>
public sealed class NetworkPanel(SispmpiDbContext db, TimeProvider clock, TenantContext tenant)
{
    /// <summary>Months of the trends, the current one included.</summary>
    public const int TrendMonths = 12;

    /// <summary>The tag EF writes before the main query's SQL (plans and their summaries); the benchmark finds it by this.</summary>
    public const string MainQueryTag = "painel-da-rede: planos e resumos";

    private static readonly StringComparer _ptBr = StringComparer.Create(CultureInfo.GetCultureInfo("pt-BR"), CompareOptions.IgnoreCase);
    private static readonly CompareInfo _ptBrCompare = CultureInfo.GetCultureInfo("pt-BR").CompareInfo;
    private static readonly Comparer<SortKey> _bySortKey = Comparer<SortKey>.Create(SortKey.Compare);

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

        var plans = await db.Plans.AsNoTracking().TagWith(MainQueryTag)
            .GroupJoin(db.Set<PlanSummary>().AsNoTracking(), p => p.Id, s => s.PlanId, (p, s) => new { p, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new PlanLine(x.p.Id, x.p.OrganizationId, x.p.Title, x.p.Status, x.p.Edition, x.p.Version,
                x.p.CreatedAt, x.p.PublishedAt, s == null ? 0 : s.Axes, s == null ? 0 : s.Actions, s == null ? 0 : s.Concluded,
                s == null ? 0 : s.Late, s == null ? null : s.LateAsOf, s == null ? null : s.LateUntil))
            .ToListAsync(cancellationToken);

        // The latest year each organization reported.
        var figures = (await db.OrganizationYearFigures.AsNoTracking()
                .Select(f => new { f.OrganizationId, f.Year, f.Budget, f.Headcount }).ToListAsync(cancellationToken))
            .GroupBy(f => f.OrganizationId)
            .ToDictionary(g => g.Key, g => g.MaxBy(f => f.Year)!);

        var currentPlans = plans.Where(p => p.Status != PlanStatus.Obsolete).GroupBy(p => p.OrganizationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Status == PlanStatus.Published).ThenByDescending(p => p.Id).First());
        var stale = currentPlans.Values.Where(p => !p.LateHoldsOn(today)).Select(p => p.Id).ToList();
        var late = stale.Count == 0 ? [] : await LateActionsAsync(stale, today, cancellationToken);

        var rows = new List<PanelRow>(orgs.Count);
        foreach (var o in orgs)
        {
            var current = currentPlans.GetValueOrDefault(o.Id);
            var year = figures.GetValueOrDefault(o.Id);
            rows.Add(new PanelRow(o.Id, o.Acronym, o.Name, o.Kind, current?.Id, current?.Title, current?.Status, current?.Edition, current?.Version,
                current?.CreatedAt, current?.PublishedAt, current?.Axes ?? 0, current?.Actions ?? 0,
                current is null ? 0 : late.TryGetValue(current.Id, out var fresh) ? fresh : current.Late, current?.Concluded ?? 0,
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

        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(TrendMonths - 1));
        // Actions concluded per month in every plan not obsolete of the organizations shown, from the monthly summaries.
        var plansShown = db.Plans.Where(p => p.Status != PlanStatus.Obsolete);
        if (filter.NarrowsNetwork)
        {
            var shownIds = shown.ToList();
            plansShown = plansShown.Where(p => shownIds.Contains(p.OrganizationId));
        }
        else
        {
            plansShown = plansShown.Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.IsActive));
        }
        int firstMonth = PlanMonthConclusions.Key(first), lastMonth = PlanMonthConclusions.Key(today);
        var concluded = await db.Set<PlanMonthConclusions>().AsNoTracking()
            .Where(m => m.Month >= firstMonth && m.Month <= lastMonth)
            .Join(plansShown, m => m.PlanId, p => p.Id, (m, p) => m)
            .GroupBy(m => m.Month)
            .Select(g => new { Month = g.Key, Actions = g.Sum(m => m.Actions) })
            .ToDictionaryAsync(m => m.Month, m => m.Actions, cancellationToken);
        var concludedByMonth = Enumerable.Range(0, TrendMonths)
            .Select(i => concluded.GetValueOrDefault(PlanMonthConclusions.Key(first.AddMonths(i)))).ToArray();
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
        DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, int Axes, int Actions, int Concluded, int Late, DateOnly? LateAsOf, DateOnly? LateUntil)
    {
        public bool LateHoldsOn(DateOnly today) => new PlanSummary { LateAsOf = LateAsOf, LateUntil = LateUntil }.LateHoldsOn(today);
    }

    /// <summary>
    /// Counts again the late actions of plans whose summary no longer holds today (a day passed one of their planned dates),
    /// from the actions' indexed dates, and stores the count with the day it holds until. The write is a cache: when a
    /// change to one of these plans commits meanwhile (PostgreSQL's repeatable read refuses the update), the count is
    /// only read and the next request stores it.
    /// </summary>
    private async Task<Dictionary<int, int>> LateActionsAsync(List<int> planIds, DateOnly today, CancellationToken cancellationToken)
    {
        const ActionStatus notStarted = ActionStatus.NotStarted, inProgress = ActionStatus.InProgress;
        const ActionClassification oneOff = ActionClassification.OneOff;
        var actions = db.PlanActions.IgnoreQueryFilters();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(
                db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, cancellationToken);
            await db.Set<PlanSummary>().Where(s => planIds.Contains(s.PlanId)).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Late, s => actions.Count(a => a.PlanId == s.PlanId
                    && ((a.Status == notStarted && a.PlannedStart < today) || (a.Status == inProgress && a.Classification == oneOff && a.PlannedEnd < today))))
                .SetProperty(s => s.LateUntil, s => actions.Where(a => a.PlanId == s.PlanId).Min(a =>
                    a.Status == notStarted && a.PlannedStart >= today ? a.PlannedStart
                    : a.Status == inProgress && a.Classification == oneOff && a.PlannedEnd >= today ? a.PlannedEnd : null))
                .SetProperty(s => s.LateAsOf, today), cancellationToken);
            var stored = await db.Set<PlanSummary>().AsNoTracking().Where(s => planIds.Contains(s.PlanId))
                .ToDictionaryAsync(s => s.PlanId, s => s.Late, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return stored;
        }
        catch (DbException)
        {
            db.ChangeTracker.Clear();
            return await actions.AsNoTracking().Where(a => planIds.Contains(a.PlanId)
                    && ((a.Status == notStarted && a.PlannedStart < today) || (a.Status == inProgress && a.Classification == oneOff && a.PlannedEnd < today)))
                .GroupBy(a => a.PlanId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        }
    }

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

    private static List<PanelRow> Sort(List<PanelRow> rows, PanelSort sort)
    {
        // The culture's order, computed once per row as a sort key: a national network sorts 20,000 names, and a
        // culture-aware comparison on each of the n log n comparisons costs more than the rest of the panel.
        var names = rows.ToDictionary(r => r.OrganizationId, r => _ptBrCompare.GetSortKey(r.Name, CompareOptions.IgnoreCase));
        SortKey Name(PanelRow r) => names[r.OrganizationId];
        return sort switch
        {
            PanelSort.Acronym => [.. rows.OrderBy(r => _ptBrCompare.GetSortKey(r.Acronym, CompareOptions.IgnoreCase), _bySortKey).ThenBy(r => r.OrganizationId)],
            PanelSort.Kind => [.. rows.OrderBy(r => Labels.Of(r.Kind), _ptBr).ThenBy(Name, _bySortKey).ThenBy(r => r.OrganizationId)],
            PanelSort.Status => [.. rows.OrderBy(r => r.PanelStatus).ThenBy(Name, _bySortKey).ThenBy(r => r.OrganizationId)],
            PanelSort.Published => [.. rows.OrderByDescending(r => r.PublishedAt.HasValue).ThenByDescending(r => r.PublishedAt)
                .ThenBy(Name, _bySortKey).ThenBy(r => r.OrganizationId)],
            PanelSort.Actions => [.. rows.OrderByDescending(r => r.Actions).ThenBy(Name, _bySortKey).ThenBy(r => r.OrganizationId)],
            PanelSort.LateActions => [.. rows.OrderByDescending(r => r.LateActions).ThenBy(Name, _bySortKey).ThenBy(r => r.OrganizationId)],
            _ => [.. rows.OrderBy(Name, _bySortKey).ThenBy(r => r.OrganizationId)],
        };
    }
}
