using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Monitoring;

/// <summary>A point of attention of the dashboard (SPEC §3.3). Values appear in URLs: keep them stable.</summary>
public enum AttentionPoint
{
    LateToStart,
    LateToConclude,
    HighRisk,
}

/// <summary>Which actions a figure of the dashboard stands for; the list behind a figure applies the same filter.</summary>
public sealed record ActionFilter(ActionStatus? Status = null, TrafficLight? Light = null, AttentionPoint? Attention = null,
    bool? AnsweredRecommendations = null, int? AxisId = null)
{
    public bool IsEmpty => this == new ActionFilter();
}

/// <summary>One action as the dashboard sees it, its light computed for today.</summary>
public sealed record DashboardAction(int Id, string Number, string Title, int AxisId, int? ParentAxisId, ActionStatus Status,
    ActionClassification Classification, DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? Progress, decimal Weight,
    NonImplementationRisk? Risk, string? Responsible, string? Unit, TrafficLight Light, int Recommendations, int Unanswered);

public sealed record AxisProgress(int Id, string Number, string Title, decimal? Progress, int Actions);

public sealed record PlanDashboard(IntegrityPlan Plan, DateOnly Today, IReadOnlyList<DashboardAction> Actions, IReadOnlyList<AxisProgress> Axes,
    decimal? PlanProgress, int AnsweredRecommendations, int UnansweredRecommendations, int GeneralRecommendationsUnanswered)
{
    public int Count(ActionFilter filter) => Actions.Count(a => MonitoringDashboard.Matches(a, filter, Today));
}

/// <summary>
/// The monitoring dashboard of a plan: four queries (the plan, its axes, its actions, its recommendations counted by
/// action), then every figure is counted in memory from the same rows — so a figure and the list behind it agree.
/// </summary>
public sealed class MonitoringDashboard(SispmpiDbContext db, ActionLights lights)
{
    public async Task<PlanDashboard?> BuildAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId)
            .OrderBy(a => a.Position).Select(a => new { a.Id, a.ParentId, a.Number, a.Title }).ToListAsync(cancellationToken);
        var parents = axes.ToDictionary(a => a.Id, a => a.ParentId);
        // Sorted below by number part by part, which SQL's text order would not do.
        var rows = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new
            {
                a.Id, a.Number, a.Title, a.AxisId, a.Status, a.Classification, a.PlannedStart, a.PlannedEnd, a.LastUpdateOn, a.StartedOn,
                a.Progress, a.Weight, a.NonImplementationRisk, Responsible = a.ResponsibleUser!.FullName ?? a.ResponsibleServant!.Name, Unit = a.ExecutingUnit!.Acronym,
            })
            .ToListAsync(cancellationToken);
        // The plan's recommendations counted in one grouped pass (the general ones under no action), rather than two
        // correlated counts per action.
        var counts = await db.Recommendations.AsNoTracking().Where(r => r.PlanId == planId)
            .GroupBy(r => r.ActionId)
            .Select(g => new { ActionId = g.Key, All = g.Count(), Unanswered = g.Count(r => r.AnsweredAt == null) })
            .ToListAsync(cancellationToken);
        var byAction = counts.Where(c => c.ActionId is not null).ToDictionary(c => c.ActionId!.Value, c => (c.All, c.Unanswered));
        var today = lights.Today;
        var actions = rows.Select(a =>
            {
                var (all, unanswered) = byAction.GetValueOrDefault(a.Id);
                return new DashboardAction(a.Id, a.Number, a.Title, a.AxisId, parents.GetValueOrDefault(a.AxisId), a.Status,
                    a.Classification, a.PlannedStart, a.PlannedEnd, a.Progress, a.Weight, a.NonImplementationRisk, a.Responsible, a.Unit,
                    lights.Of(a.Status, a.Classification, a.PlannedEnd, a.LastUpdateOn ?? a.StartedOn, today), all, unanswered);
            })
            .OrderBy(a => NumberKey.Of(a.Number))
            .ToList();
        var rollup = Core.Execution.Progress.Rollup(actions.Select(a => new ActionProgressItem(a.AxisId, a.ParentAxisId, a.Progress, a.Weight)));
        var axisRows = axes.Where(a => a.ParentId is null)
            .Select(a => new AxisProgress(a.Id, a.Number, a.Title, rollup.ByAxis.GetValueOrDefault(a.Id),
                actions.Count(x => x.AxisId == a.Id || x.ParentAxisId == a.Id)))
            .ToList();
        var general = counts.FirstOrDefault(c => c.ActionId is null)?.Unanswered ?? 0;
        return new PlanDashboard(plan, today, actions, axisRows, rollup.Plan,
            actions.Sum(a => a.Recommendations - a.Unanswered), actions.Sum(a => a.Unanswered), general);
    }

    /// <summary>The one definition of each figure: the dashboard counts with it and the list behind the figure filters with it.</summary>
    public static bool Matches(DashboardAction a, ActionFilter filter, DateOnly today) =>
        (filter.Status is null || a.Status == filter.Status)
        && (filter.Light is null || a.Light == filter.Light)
        && (filter.AxisId is null || a.AxisId == filter.AxisId || a.ParentAxisId == filter.AxisId)
        && (filter.AnsweredRecommendations is null
            || (filter.AnsweredRecommendations.Value ? a.Recommendations - a.Unanswered > 0 : a.Unanswered > 0))
        && (filter.Attention is null || IsAttention(a, filter.Attention.Value, today));

    public static bool IsAttention(DashboardAction a, AttentionPoint point, DateOnly today) => point switch
    {
        AttentionPoint.LateToStart => a.Status == ActionStatus.NotStarted && a.PlannedStart < today,
        AttentionPoint.LateToConclude => a.Status == ActionStatus.InProgress && a.Classification == ActionClassification.OneOff && a.PlannedEnd < today,
        AttentionPoint.HighRisk => a.Risk is NonImplementationRisk.High or NonImplementationRisk.Extreme
            && a.Status is ActionStatus.NotStarted or ActionStatus.InProgress,
        _ => false,
    };
}

/// <summary>
/// An action's number parsed once, ordered as <see cref="NumberComparer"/> orders the text: a sort of a plan's 500
/// actions compares n·log n times (a tenth of the dashboard's own CPU time when each comparison parsed both numbers).
/// </summary>
public sealed class NumberKey : IComparable<NumberKey>
{
    private readonly string[] _parts;
    private readonly int?[] _values;

    private NumberKey(string number)
    {
        _parts = number.Split('.');
        _values = Array.ConvertAll(_parts, p => int.TryParse(p, out var v) ? v : (int?)null);
    }

    public static NumberKey Of(string? number) => new(number ?? "");

    public int CompareTo(NumberKey? other)
    {
        if (other is null)
        {
            return 1;
        }
        for (var i = 0; i < _parts.Length && i < other._parts.Length; i++)
        {
            var order = _values[i] is int m && other._values[i] is int n ? m.CompareTo(n) : string.CompareOrdinal(_parts[i], other._parts[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return _parts.Length.CompareTo(other._parts.Length);
    }
}

/// <summary>Orders "1.2" before "1.10": numbers compared part by part.</summary>
public sealed class NumberComparer : IComparer<string>
{
    public static readonly NumberComparer Instance = new();

    // Called n·log n times per sort of a plan's actions: compares part by part without splitting the strings.
    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").AsSpan();
        var b = (y ?? "").AsSpan();
        while (true)
        {
            var i = a.IndexOf('.');
            var j = b.IndexOf('.');
            var partA = i < 0 ? a : a[..i];
            var partB = j < 0 ? b : b[..j];
            var order = int.TryParse(partA, out var m) && int.TryParse(partB, out var n) ? m.CompareTo(n) : partA.CompareTo(partB, StringComparison.Ordinal);
            if (order != 0)
            {
                return order;
            }
            if (i < 0 || j < 0)
            {
                // One ran out of parts: the shorter comes first, as with equal prefixes.
                return (i < 0 ? 0 : 1).CompareTo(j < 0 ? 0 : 1);
            }
            a = a[(i + 1)..];
            b = b[(j + 1)..];
        }
    }
}
