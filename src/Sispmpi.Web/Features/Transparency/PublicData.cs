using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;

namespace Sispmpi.Web.Features.Transparency;

public sealed record PublicOrganization(int Id, string Name, string Acronym, string Cnpj, OrganizationKind Kind, Sphere Sphere, Branch Branch,
    string? StateCode, string? MunicipalityCode, string? MunicipalityName, string? ParentName, int PublishedPlans, int Actions);

public sealed record PublicPlan(int Id, int OrganizationId, string OrganizationName, string OrganizationAcronym, string Title, string Edition,
    int Version, DateOnly? ValidFrom, DateOnly? ValidTo, DateTimeOffset? PublishedAt, int Axes, int Actions, decimal? Progress);

/// <summary>
/// One action as the public sees it: plan content and execution figures, the executing unit's name, never a person
/// (no responsible, no participants, no free-text notes or justifications).
/// </summary>
public sealed record PublicAction(int Id, int PlanId, int OrganizationId, int AxisId, int? ParentAxisId, string AxisNumber, string AxisTitle,
    string Number, string Title,
    string ActionType, ActionClassification Classification, string? Unit, DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? PlannedBudget,
    DateOnly? StartedOn, DateOnly? ConcludedOn, DateOnly? DiscontinuedOn, decimal? BudgetSpent, ActionStatus Status, TrafficLight Light,
    decimal? Progress, decimal Weight);

public sealed record PublicAxis(int Id, int? ParentId, string Number, string Title, decimal? Progress, IReadOnlyList<PublicAction> Actions)
{
    public List<PublicAxis> Children { get; } = [];
    public string Caption => $"{Number}. {Title}";
}

/// <summary>Counts of actions by status and by light, for the figures and charts of the portal.</summary>
public sealed record ActionFigures(int Total, IReadOnlyDictionary<ActionStatus, int> ByStatus, IReadOnlyDictionary<TrafficLight, int> ByLight)
{
    public static readonly ActionStatus[] StatusOrder = Monitoring.Dashboard.DashboardModel.StatusOrder;
    public static readonly TrafficLight[] LightOrder = Monitoring.Dashboard.DashboardModel.LightOrder;

    public int Of(ActionStatus status) => ByStatus.GetValueOrDefault(status);
    public int Of(TrafficLight light) => ByLight.GetValueOrDefault(light);

    public static ActionFigures From(IReadOnlyCollection<PublicAction> actions) => new(actions.Count,
        actions.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()),
        actions.GroupBy(a => a.Light).ToDictionary(g => g.Key, g => g.Count()));
}

public sealed record PublicPlanPage(PublicPlan Plan, IReadOnlyList<PublicAxis> Axes, IReadOnlyList<PublicAction> Actions, ActionFigures Figures, DateOnly Today);

public sealed record PortalFigures(int Organizations, int Plans, ActionFigures Actions, DateOnly Today);

/// <summary>
/// The transparency portal's only door to data (SPEC §6): an anonymous visitor has no tenant, so these queries leave the
/// tenant filter aside on purpose and put the public rule in its place — published plans of active organizations, and
/// only the columns listed in the records above. Lights and progress come from the same rules as the plan page and
/// the monitoring dashboard (<see cref="ActionLights"/>, <see cref="Core.Execution.Progress"/>).
/// </summary>
public sealed class PublicData(SispmpiDbContext db, ActionLights lights)
{
    public DateOnly Today => lights.Today;

    private IQueryable<IntegrityPlan> Plans => db.Plans.IgnoreQueryFilters().AsNoTracking()
        .Where(p => p.Status == PlanStatus.Published && p.Organization!.IsActive);

    private IQueryable<PlanAction> Actions => db.PlanActions.IgnoreQueryFilters().AsNoTracking()
        .Where(a => a.Plan!.Status == PlanStatus.Published && a.Plan.Organization!.IsActive);

    private IQueryable<Organizations.Organization> Organizations => db.Organizations.IgnoreQueryFilters().AsNoTracking()
        .Where(o => o.IsActive && db.Plans.Any(p => p.OrganizationId == o.Id && p.Status == PlanStatus.Published));

    private IQueryable<PublicOrganization> OrganizationRows(IQueryable<Organizations.Organization> query) => query
        .Select(o => new PublicOrganization(o.Id, o.Name, o.Acronym, o.Cnpj, o.Kind, o.Sphere, o.Branch, o.StateCode, o.MunicipalityCode,
            o.MunicipalityName, o.Parent == null ? null : o.Parent.Name,
            db.Plans.Count(p => p.OrganizationId == o.Id && p.Status == PlanStatus.Published),
            db.PlanActions.Count(a => a.OrganizationId == o.Id && a.Plan!.Status == PlanStatus.Published)));

    public async Task<PortalFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        var organizations = await Organizations.CountAsync(cancellationToken);
        var plans = await Plans.CountAsync(cancellationToken);
        var byStatus = await Actions.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // The lights as database filters: the same rules as for one action, without loading the network's actions.
        var byLight = new Dictionary<TrafficLight, int>();
        foreach (var light in ActionFigures.LightOrder)
        {
            byLight[light] = await lights.Where(Actions, light).CountAsync(cancellationToken);
        }
        var total = byStatus.Sum(s => s.Count);
        return new PortalFigures(organizations, plans, new ActionFigures(total, byStatus.ToDictionary(s => s.Key, s => s.Count), byLight), Today);
    }

    /// <summary>Organizations with a published plan, by name, filtered by name, acronym or municipality (any case).</summary>
    public Task<Paged<PublicOrganization>> OrganizationsAsync(string? search, int page, CancellationToken cancellationToken)
    {
        var query = Organizations;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = SearchText.Term(search)!;
            query = query.Where(o => SearchText.Fold(o.Name)!.Contains(term) || SearchText.Fold(o.Acronym)!.Contains(term)
                || (o.MunicipalityName != null && SearchText.Fold(o.MunicipalityName)!.Contains(term)));
        }
        return OrganizationRows(query.OrderBy(o => o.Name).ThenBy(o => o.Id)).ToPagedAsync(page, cancellationToken: cancellationToken);
    }

    public Task<PublicOrganization?> OrganizationAsync(int organizationId, CancellationToken cancellationToken) =>
        OrganizationRows(Organizations.Where(o => o.Id == organizationId)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every organization with a published plan, for the open-data file.</summary>
    public Task<List<PublicOrganization>> AllOrganizationsAsync(CancellationToken cancellationToken) =>
        OrganizationRows(Organizations.OrderBy(o => o.Id)).ToListAsync(cancellationToken);

    /// <summary>Published plans (of one organization, or all), each with its progress rolled up from its actions.</summary>
    public async Task<List<PublicPlan>> PlansAsync(int? organizationId, CancellationToken cancellationToken)
    {
        var plans = Plans;
        var actions = Actions;
        if (organizationId is int id)
        {
            plans = plans.Where(p => p.OrganizationId == id);
            actions = actions.Where(a => a.OrganizationId == id);
        }
        var progress = (await actions.Select(a => new { a.PlanId, a.Progress, a.Weight }).ToListAsync(cancellationToken))
            .GroupBy(a => a.PlanId)
            .ToDictionary(g => g.Key, g => Core.Execution.Progress.WeightedMean(g.Select(a => (a.Progress, a.Weight))));
        return (await PlanRows(plans).ToListAsync(cancellationToken)).Select(p => p with { Progress = progress.GetValueOrDefault(p.Id) }).ToList();
    }

    /// <summary>Plans in id order, their progress not yet known.</summary>
    private static IQueryable<PublicPlan> PlanRows(IQueryable<IntegrityPlan> plans) => plans.OrderBy(p => p.Id)
        .Select(p => new PublicPlan(p.Id, p.OrganizationId, p.Organization!.Name, p.Organization.Acronym, p.Title, p.Edition, p.Version,
            p.ValidFrom, p.ValidTo, p.PublishedAt, p.Axes.Count, p.Actions.Count, null));

    /// <summary>A published plan with its axes and actions; null when there is none with this id (or it is not published).</summary>
    /// <remarks>
    /// The portal's most expensive page when not cached (issue 17): three narrow queries on one connection. Once the plan
    /// is known to be public, its axes and actions are read by plan id alone — the axis columns of each action come from
    /// the axes already read, and the counts from the lists — instead of joining plan, organization and axes again.
    /// </remarks>
    public async Task<PublicPlanPage?> PlanAsync(int planId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var plan = await Plans.Where(p => p.Id == planId)
                .Select(p => new PublicPlan(p.Id, p.OrganizationId, p.Organization!.Name, p.Organization.Acronym, p.Title, p.Edition, p.Version,
                    p.ValidFrom, p.ValidTo, p.PublishedAt, 0, 0, null))
                .FirstOrDefaultAsync(cancellationToken);
            if (plan is null)
            {
                return null;
            }
            var axes = await db.PlanAxes.IgnoreQueryFilters().AsNoTracking().Where(a => a.PlanId == planId)
                .OrderBy(a => a.Position).Select(a => new { a.Id, a.ParentId, a.Number, a.Title }).ToListAsync(cancellationToken);
            var axisById = axes.ToDictionary(a => a.Id);
            var rows = await db.PlanActions.IgnoreQueryFilters().AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Id)
                .Select(a => new ActionRow(a.Id, a.PlanId, a.OrganizationId, a.AxisId, a.Number, a.Title, a.ActionType, a.Classification,
                    a.ExecutingUnit!.Name, a.PlannedStart, a.PlannedEnd, a.PlannedBudget, a.StartedOn, a.ConcludedOn, a.DiscontinuedOn,
                    a.BudgetSpent, a.Status, a.LastUpdateOn, a.Progress, a.Weight))
                .ToListAsync(cancellationToken);
            var actions = Public(rows, id => axisById.TryGetValue(id, out var axis) ? (axis.ParentId, axis.Number, axis.Title) : (null, "", ""));
            var rollup = Core.Execution.Progress.Rollup(actions.Select(a => new ActionProgressItem(a.AxisId, a.ParentAxisId, a.Progress, a.Weight)));
            var byAxis = actions.ToLookup(a => a.AxisId);
            var nodes = axes.Select(a => new PublicAxis(a.Id, a.ParentId, a.Number, a.Title, rollup.ByAxis.GetValueOrDefault(a.Id), byAxis[a.Id].ToList()))
                .ToList();
            var byId = nodes.ToDictionary(a => a.Id);
            foreach (var axis in nodes.Where(a => a.ParentId is int parent && byId.ContainsKey(parent)))
            {
                byId[axis.ParentId!.Value].Children.Add(axis);
            }
            return new PublicPlanPage(plan with { Axes = axes.Count, Actions = actions.Count, Progress = rollup.Plan },
                nodes.Where(a => a.ParentId is null).ToList(), actions, ActionFigures.From(actions), Today);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every action of every published plan, for the open-data file, in plan and numbering order.</summary>
    public Task<List<PublicAction>> AllActionsAsync(CancellationToken cancellationToken) => ActionsAsync(Actions, cancellationToken);

    private async Task<List<PublicAction>> ActionsAsync(IQueryable<PlanAction> query, CancellationToken cancellationToken)
    {
        var rows = await query.OrderBy(a => a.PlanId).ThenBy(a => a.Id)
            .Select(a => new
            {
                Row = new ActionRow(a.Id, a.PlanId, a.OrganizationId, a.AxisId, a.Number, a.Title, a.ActionType, a.Classification,
                    a.ExecutingUnit!.Name, a.PlannedStart, a.PlannedEnd, a.PlannedBudget, a.StartedOn, a.ConcludedOn, a.DiscontinuedOn,
                    a.BudgetSpent, a.Status, a.LastUpdateOn, a.Progress, a.Weight),
                a.Axis!.ParentId, a.Axis.Number, a.Axis.Title,
            })
            .ToListAsync(cancellationToken);
        var axes = new Dictionary<int, (int?, string, string)>();
        foreach (var row in rows)
        {
            axes.TryAdd(row.Row.AxisId, (row.ParentId, row.Number, row.Title));
        }
        return Public(rows.ConvertAll(r => r.Row), id => axes[id]);
    }

    /// <summary>An action's columns as read, before its light is computed.</summary>
    private sealed record ActionRow(int Id, int PlanId, int OrganizationId, int AxisId, string Number, string Title, string ActionType,
        ActionClassification Classification, string? Unit, DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? PlannedBudget,
        DateOnly? StartedOn, DateOnly? ConcludedOn, DateOnly? DiscontinuedOn, decimal? BudgetSpent, ActionStatus Status, DateOnly? LastUpdateOn,
        decimal? Progress, decimal Weight);

    /// <summary>The rows with their axis and light, in plan and numbering order (the day read once for the list).</summary>
    private List<PublicAction> Public(List<ActionRow> rows, Func<int, (int? ParentId, string Number, string Title)> axisOf)
    {
        var today = lights.Today;
        return rows
            .Select(a =>
            {
                var axis = axisOf(a.AxisId);
                return new PublicAction(a.Id, a.PlanId, a.OrganizationId, a.AxisId, axis.ParentId, axis.Number, axis.Title, a.Number, a.Title,
                    a.ActionType, a.Classification, a.Unit, a.PlannedStart, a.PlannedEnd, a.PlannedBudget, a.StartedOn, a.ConcludedOn,
                    a.DiscontinuedOn, a.BudgetSpent, a.Status, lights.Of(a.Status, a.Classification, a.PlannedEnd, a.LastUpdateOn ?? a.StartedOn, today),
                    a.Progress, a.Weight);
            })
            .OrderBy(a => a.PlanId).ThenBy(a => a.Number, NumberComparer.Instance)
            .ToList();
    }
}
