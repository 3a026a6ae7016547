using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
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
    IReadOnlyList<(OrganizationKind Kind, PanelFigures Figures)> ByKind, PanelCoverage Coverage, IReadOnlyList<PanelMonth> Trend)
{
    /// <summary>The page <see cref="Rows"/> are (1 when they are every organization of the filter, as the exports ask).</summary>
    public int Page { get; init; } = 1;
}

/// <summary>
/// The network indicators panel (SPEC §3.5), worked out in the database so that a request moves the rows of one page and
/// the figures, not the network: each organization's current plan (the published one, else the latest not obsolete) is
/// chosen in SQL and joined with its summary (<see cref="PlanSummary"/>: axes, actions by status, late actions — kept
/// current by the database's triggers in the transaction of each change) and its latest yearly figures; the figures by
/// kind and the coverage are aggregates over that, and filter, order and paging are SQL too. The order by name or acronym
/// is the pt-BR one, through the collation keys stored with each organization (<see cref="OrganizationSortKey"/>).
/// Late actions are counted again from the actions' dates, before anything is read, only for the current plans a
/// passing day has changed.
/// </summary>
public sealed partial class NetworkPanel(SispmpiDbContext db, TimeProvider clock, TenantContext tenant)
{
    /// <summary>Months of the trends, the current one included.</summary>
    public const int TrendMonths = 12;

    /// <summary>Organizations per page of the panel.</summary>
    public const int PageSize = PagedExtensions.DefaultPageSize;

    /// <summary>The tag EF writes before the main query's SQL (the figures by kind); the benchmark finds it by this.</summary>
    public const string MainQueryTag = "painel-da-rede: indicadores por natureza";

    private static readonly StringComparer _ptBr = StringComparer.Create(CultureInfo.GetCultureInfo("pt-BR"), CompareOptions.IgnoreCase);

    /// <summary>The kinds in the pt-BR order of their labels, the order of the "Natureza" column.</summary>
    private static readonly OrganizationKind[] _kindsByLabel = [.. Enum.GetValues<OrganizationKind>().OrderBy(k => Labels.Of(k), _ptBr)];

    /// <summary>
    /// The panel for <paramref name="filter"/>: the figures of every organization it selects, and the rows of page
    /// <paramref name="page"/> (clamped to the pages there are), or every row when <paramref name="page"/> is null.
    /// </summary>
    public async Task<PanelData> BuildAsync(PanelFilter filter, int? page = null, CancellationToken cancellationToken = default)
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
        var lines = Lines(organizations);
        if (filter.Status is { } status)
        {
            PlanStatus? planStatus = status switch
            {
                PanelPlanStatus.Published => PlanStatus.Published,
                PanelPlanStatus.InPreparation => PlanStatus.InPreparation,
                PanelPlanStatus.NotStarted => PlanStatus.NotStarted,
                _ => null,
            };
            lines = planStatus is null ? lines.Where(l => l.PlanId == null) : lines.Where(l => l.PlanStatus == planStatus);
        }

        var stale = await lines.Where(l => l.PlanId != null
                && !(l.LateAsOf != null && l.LateAsOf <= today && (l.LateUntil == null || today <= l.LateUntil)))
            .Select(l => l.PlanId!.Value).ToListAsync(cancellationToken);
        if (stale.Count > 0)
        {
            await RefreshLateActionsAsync(stale, today, cancellationToken);
        }

        var kinds = await lines.TagWith(MainQueryTag).GroupBy(l => l.Kind).Select(g => new KindTotals
        {
            Kind = g.Key,
            Organizations = g.Count(),
            Published = g.Count(l => l.PlanStatus == PlanStatus.Published),
            InPreparation = g.Count(l => l.PlanStatus == PlanStatus.InPreparation),
            NotStarted = g.Count(l => l.PlanStatus == PlanStatus.NotStarted),
            NoPlan = g.Count(l => l.PlanId == null),
            Actions = g.Sum(l => l.Actions),
            Late = g.Sum(l => l.Late),
            BudgetCents = g.Sum(l => l.BudgetCents ?? 0),
            PublishedBudgetCents = g.Sum(l => l.PlanStatus == PlanStatus.Published ? l.BudgetCents ?? 0 : 0),
            Headcount = g.Sum(l => (long)(l.Headcount ?? 0)),
            PublishedHeadcount = g.Sum(l => l.PlanStatus == PlanStatus.Published ? (long)(l.Headcount ?? 0) : 0),
        }).ToListAsync(cancellationToken);

        // Every plan ever published (obsolete versions too) of the organizations shown: drafting time and monthly trend.
        var publishedPlans = db.Database.SqlQueryRaw<PublishedPlan>(db.Database.IsNpgsql() ? PublishedPlansPostgres : PublishedPlansSqlite)
            .Join(organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { o.Kind, p.OrganizationId, p.PublishedAt, p.PublishedDays, p.DraftingDays });
        if (filter.Status is not null)
        {
            var shownIds = lines.Select(l => l.OrganizationId);
            publishedPlans = publishedPlans.Where(p => shownIds.Contains(p.OrganizationId));
        }
        var drafting = await publishedPlans
            .GroupBy(p => p.Kind)
            .Select(g => new { Kind = g.Key, Plans = g.Count(), Days = g.Sum(p => p.DraftingDays) })
            .ToDictionaryAsync(g => g.Kind, g => (g.Plans, g.Days), cancellationToken);

        var totals = Figures(kinds, drafting.Values);
        var byKind = kinds.OrderBy(k => k.Kind)
            .Select(k => (k.Kind, Figures([k], drafting.TryGetValue(k.Kind, out var d) ? [d] : [])))
            .ToList();

        var reference = await NetworkReference.CurrentAsync(db, tenant.CurrentOrganizationId, today.Year, cancellationToken);
        long publishedBudget = kinds.Sum(k => k.PublishedBudgetCents), publishedHeadcount = kinds.Sum(k => k.PublishedHeadcount);
        var coverage = new PanelCoverage(reference?.Budget ?? kinds.Sum(k => k.BudgetCents) / 100m, publishedBudget / 100m,
            reference?.Headcount ?? kinds.Sum(k => k.Headcount), publishedHeadcount, reference?.Year);

        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(TrendMonths - 1));
        // A day early: the comparison is on floating-point days; the month is then taken from the instant itself.
        var fromDays = (TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), BrazilTime.Zone) - DateTime.UnixEpoch).TotalDays - 1;
        var recentlyPublished = await publishedPlans.Where(p => p.PublishedDays >= fromDays).Select(p => p.PublishedAt).ToListAsync(cancellationToken);
        var trend = await TrendAsync(today, first, filter.Status is null ? organizations.Select(o => o.Id) : lines.Select(l => l.OrganizationId),
            recentlyPublished, cancellationToken);

        var pageNumber = page is int requested ? Math.Clamp(requested, 1, Math.Max(1, (totals.Organizations + PageSize - 1) / PageSize)) : 1;
        var ordered = Sort(lines, filter.Sort);
        if (page is not null)
        {
            ordered = ordered.Skip((pageNumber - 1) * PageSize).Take(PageSize);
        }
        var rows = await ordered.Select(l => new PanelRow(l.OrganizationId, l.Acronym, l.Name, l.Kind, l.PlanId, l.PlanTitle, l.PlanStatus,
                l.Edition, l.Version, l.CreatedAt, l.PublishedAt, l.Axes, l.Actions, l.Late, l.Concluded, l.FiguresYear, l.Budget, l.Headcount))
            .ToListAsync(cancellationToken);
        return new PanelData(today, filter, rows, totals, byKind, coverage, trend) { Page = pageNumber };
    }

    /// <summary>Each organization of <paramref name="organizations"/> with its current plan, that plan's summary and its latest yearly figures.</summary>
    private IQueryable<Line> Lines(IQueryable<Organization> organizations)
    {
        var postgres = db.Database.IsNpgsql();
        var current = db.Database.SqlQueryRaw<CurrentPlan>(postgres ? CurrentPlansPostgres : CurrentPlansSqlite);
        var figures = db.Database.SqlQueryRaw<LatestFigures>(postgres ? LatestFiguresPostgres : LatestFiguresSqlite);
        return from o in organizations
               join c in current on o.Id equals c.OrganizationId into plans
               from c in plans.DefaultIfEmpty()
               join f in figures on o.Id equals f.OrganizationId into years
               from f in years.DefaultIfEmpty()
               select new Line
               {
                   OrganizationId = o.Id, Acronym = o.Acronym, Name = o.Name, Kind = o.Kind, NameKey = o.NameSortKey, AcronymKey = o.AcronymSortKey,
                   PlanId = (int?)c.PlanId, PlanTitle = c.PlanTitle, PlanStatus = (PlanStatus?)c.PlanStatus, Edition = c.Edition, Version = (int?)c.Version,
                   CreatedAt = (DateTimeOffset?)c.CreatedAt, PublishedAt = c.PublishedAt, PublishedDays = c.PublishedDays,
                   Axes = (int?)c.Axes ?? 0, Actions = (int?)c.Actions ?? 0, Concluded = (int?)c.Concluded ?? 0, Late = (int?)c.Late ?? 0,
                   LateAsOf = c.LateAsOf, LateUntil = c.LateUntil,
                   FiguresYear = (int?)f.Year, Budget = (decimal?)f.Budget, BudgetCents = (long?)f.BudgetCents, Headcount = (int?)f.Headcount,
               };
    }


    /// <summary>Plans published (each version) and actions concluded per month, in Brasília time, over the last <see cref="TrendMonths"/> months.</summary>
    private async Task<List<PanelMonth>> TrendAsync(DateOnly today, DateOnly first, IQueryable<int> shownIds,
        List<DateTimeOffset> recentlyPublished, CancellationToken cancellationToken)
    {
        var published = recentlyPublished
            .Select(at => TimeZoneInfo.ConvertTime(at, BrazilTime.Zone))
            .GroupBy(d => (d.Year, d.Month))
            .ToDictionary(g => g.Key, g => g.Count());

        // Actions concluded per month in every plan not obsolete of the organizations shown, from the monthly summaries.
        var plansShown = db.Plans.Where(p => p.Status != PlanStatus.Obsolete && shownIds.Contains(p.OrganizationId));
        int firstMonth = PlanMonthConclusions.Key(first), lastMonth = PlanMonthConclusions.Key(today);
        var concluded = await db.Set<PlanMonthConclusions>().AsNoTracking()
            .Where(m => m.Month >= firstMonth && m.Month <= lastMonth)
            .Join(plansShown, m => m.PlanId, p => p.Id, (m, p) => m)
            .GroupBy(m => m.Month)
            .Select(g => new { Month = g.Key, Actions = g.Sum(m => m.Actions) })
            .ToDictionaryAsync(m => m.Month, m => m.Actions, cancellationToken);
        return Enumerable.Range(0, TrendMonths)
            .Select(i => first.AddMonths(i))
            .Select(m => new PanelMonth(m.Year, m.Month, published.GetValueOrDefault((m.Year, m.Month)), concluded.GetValueOrDefault(PlanMonthConclusions.Key(m))))
            .ToList();
    }

    private static PanelFigures Figures(IReadOnlyCollection<KindTotals> kinds, IReadOnlyCollection<(int Plans, double Days)> drafting)
    {
        var plans = drafting.Sum(d => d.Plans);
        return new PanelFigures(kinds.Sum(k => k.Organizations), kinds.Sum(k => k.Organizations - k.NoPlan), kinds.Sum(k => k.Published),
            kinds.Sum(k => k.InPreparation), kinds.Sum(k => k.NotStarted), kinds.Sum(k => k.NoPlan), kinds.Sum(k => k.Actions), kinds.Sum(k => k.Late),
            plans, plans == 0 ? null : drafting.Sum(d => d.Days) / plans);
    }

    /// <summary>The order of each column, then the name, then the id: the same on both databases (the name by its pt-BR key).</summary>
    private static IQueryable<Line> Sort(IQueryable<Line> lines, PanelSort sort) => sort switch
    {
        PanelSort.Acronym => lines.OrderBy(l => l.AcronymKey).ThenBy(l => l.OrganizationId),
        PanelSort.Kind => lines.OrderBy(KindOrder()).ThenBy(l => l.NameKey).ThenBy(l => l.OrganizationId),
        PanelSort.Status => lines.OrderBy(l => (int?)l.PlanStatus ?? 0).ThenBy(l => l.NameKey).ThenBy(l => l.OrganizationId),
        PanelSort.Published => lines.OrderByDescending(l => l.PublishedDays != null).ThenByDescending(l => l.PublishedDays)
            .ThenBy(l => l.NameKey).ThenBy(l => l.OrganizationId),
        PanelSort.Actions => lines.OrderByDescending(l => l.Actions).ThenBy(l => l.NameKey).ThenBy(l => l.OrganizationId),
        PanelSort.LateActions => lines.OrderByDescending(l => l.Late).ThenBy(l => l.NameKey).ThenBy(l => l.OrganizationId),
        _ => lines.OrderBy(l => l.NameKey).ThenBy(l => l.OrganizationId),
    };

    /// <summary>l => l.Kind == k0 ? 0 : l.Kind == k1 ? 1 : …, the kinds ranked by their pt-BR labels.</summary>
    private static Expression<Func<Line, int>> KindOrder()
    {
        var line = Expression.Parameter(typeof(Line), "l");
        var kind = Expression.Property(line, nameof(Line.Kind));
        Expression rank = Expression.Constant(_kindsByLabel.Length);
        for (var i = _kindsByLabel.Length - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(kind, Expression.Constant(_kindsByLabel[i])), Expression.Constant(i), rank);
        }
        return Expression.Lambda<Func<Line, int>>(rank, line);
    }

    /// <summary>
    /// Counts again the late actions of plans whose summary no longer holds today (a day passed one of their planned dates),
    /// from the actions' indexed dates, and stores the count with the day it holds until, before the panel reads the
    /// summaries. When a change to one of these plans commits meanwhile (PostgreSQL's repeatable read refuses the update),
    /// the count is tried once more; the change's own trigger has then already stored a count that holds.
    /// </summary>
    private async Task RefreshLateActionsAsync(List<int> planIds, DateOnly today, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StoreLateActionsAsync(planIds, today, cancellationToken);
                return;
            }
            catch (DbException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task StoreLateActionsAsync(List<int> planIds, DateOnly today, CancellationToken cancellationToken)
    {
        const ActionStatus notStarted = ActionStatus.NotStarted, inProgress = ActionStatus.InProgress;
        const ActionClassification oneOff = ActionClassification.OneOff;
        var actions = db.PlanActions.IgnoreQueryFilters();
        await using var transaction = await db.Database.BeginTransactionAsync(
            db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, cancellationToken);
        await db.Set<PlanSummary>().Where(s => planIds.Contains(s.PlanId)).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Late, s => actions.Count(a => a.PlanId == s.PlanId
                && ((a.Status == notStarted && a.PlannedStart < today) || (a.Status == inProgress && a.Classification == oneOff && a.PlannedEnd < today))))
            .SetProperty(s => s.LateUntil, s => actions.Where(a => a.PlanId == s.PlanId).Min(a =>
                a.Status == notStarted && a.PlannedStart >= today ? a.PlannedStart
                : a.Status == inProgress && a.Classification == oneOff && a.PlannedEnd >= today ? a.PlannedEnd : null))
            .SetProperty(s => s.LateAsOf, today), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
