using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>
/// Imports the actions of a file into a plan open for editing (SPEC §3.1 step 3): all of them in one save,
/// or none when the file has any problem. Axes and sub-axes are matched by number and created when new;
/// actions go after those already in their axis or sub-axis; every number is recomputed from positions.
/// </summary>
public sealed class ActionImporter(SispmpiDbContext db, PlanLifecycle lifecycle, TimeProvider clock)
{
    /// <summary>The plan's units, action types and axes, or null when the plan is not visible.</summary>
    public async Task<ImportContext?> LoadContextAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is null ? null : await LoadContextAsync(plan, cancellationToken);
    }

    private async Task<ImportContext> LoadContextAsync(IntegrityPlan plan, CancellationToken cancellationToken)
    {
        var units = await db.AdministrativeUnits.AsNoTracking().Where(u => u.OrganizationId == plan.OrganizationId)
            .Select(u => new ImportUnit(u.Id, u.Name, u.Acronym, u.IsActive)).ToListAsync(cancellationToken);
        var types = await db.CatalogItems.AsNoTracking().Where(c => c.Kind == CatalogKind.ActionType && c.IsActive)
            .OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == plan.Id)
            .OrderBy(a => a.ParentId == null ? a.Position : a.Parent!.Position).ThenBy(a => a.ParentId != null).ThenBy(a => a.Position)
            .Select(a => new ImportExistingAxis(a.Number, a.Title)).ToListAsync(cancellationToken);
        return new ImportContext(units, types, axes);
    }

    /// <summary>What the templates are filled with, or null when the plan is not visible.</summary>
    public async Task<ImportTemplateData?> TemplateDataAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var context = await LoadContextAsync(plan, cancellationToken);
        var thematicAxes = await db.CatalogItems.AsNoTracking().Where(c => c.Kind == CatalogKind.ThematicAxis && c.IsActive)
            .OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var firstDay = plan.ValidFrom ?? new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return new ImportTemplateData(plan.Title, plan.Organization?.Name ?? "", firstDay, context, thematicAxes);
    }

    /// <summary>
    /// Checks the file and, when it has no problem, saves all its actions in one transaction and moves the
    /// plan to "em elaboração". With any problem nothing is saved and the problems are returned.
    /// </summary>
    public async Task<ActionImportResult> ImportAsync(int planId, byte[] content, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return ActionImportResult.Failure("Plano não encontrado.");
        }
        if (plan.IsReadOnly)
        {
            return ActionImportResult.Failure(EditablePlanAttribute.ReadOnlyMessage);
        }
        var result = ActionImportParser.Parse(content, fileName, await LoadContextAsync(plan, cancellationToken));
        if (!result.Succeeded)
        {
            return result;
        }

        var axes = await db.PlanAxes.Where(a => a.PlanId == planId).ToListAsync(cancellationToken);
        var actions = await db.PlanActions.Where(a => a.PlanId == planId).ToListAsync(cancellationToken);
        Apply(plan, result.Rows, axes, actions);
        Renumber(axes, actions);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await lifecycle.MarkInPreparationAsync(planId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Adds the file's axes, sub-axes, actions and support units to the context. New entities carry negative
    /// temporary keys, replaced by the database's on save, so that foreign keys and numbering can refer to
    /// them before they exist.
    /// </summary>
    private void Apply(IntegrityPlan plan, IReadOnlyList<ActionImportRow> rows, List<PlanAxis> axes, List<PlanAction> actions)
    {
        var nextAxisId = -1;
        var nextActionId = -1;
        var nextSupportId = -1;
        var topLevel = axes.Where(a => a.ParentId is null).GroupBy(a => a.Number).ToDictionary(g => g.Key, g => g.First());
        var subLevel = axes.Where(a => a.ParentId is not null).GroupBy(a => a.Number).ToDictionary(g => g.Key, g => g.First());
        var nextPosition = actions.GroupBy(a => a.AxisId).ToDictionary(g => g.Key, g => g.Max(a => a.Position) + 1);

        PlanAxis NewAxis(int? parentId, int number, string numberText, string title)
        {
            // A new axis goes as many places after the last existing sibling as its number is above their count.
            var siblings = axes.Where(a => a.ParentId == parentId && a.Id > 0).ToList();
            var axis = new PlanAxis
            {
                Id = nextAxisId--, OrganizationId = plan.OrganizationId, PlanId = plan.Id, ParentId = parentId,
                Position = (siblings.Count == 0 ? 0 : siblings.Max(a => a.Position)) + number - siblings.Count,
                Number = numberText, Title = title,
            };
            db.PlanAxes.Add(axis).Property(a => a.Id).IsTemporary = true;
            axes.Add(axis);
            return axis;
        }

        foreach (var row in rows)
        {
            var axisNumber = row.AxisNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!topLevel.TryGetValue(axisNumber, out var axis))
            {
                axis = topLevel[axisNumber] = NewAxis(null, row.AxisNumber, axisNumber, row.AxisTitle);
            }
            var parent = axis;
            if (row.SubAxisNumber is int sub)
            {
                var subNumber = $"{axisNumber}.{sub}";
                if (!subLevel.TryGetValue(subNumber, out var subAxis))
                {
                    subAxis = subLevel[subNumber] = NewAxis(axis.Id, sub, subNumber, row.SubAxisTitle!);
                }
                parent = subAxis;
            }
            var position = nextPosition.GetValueOrDefault(parent.Id, 1);
            nextPosition[parent.Id] = position + 1;
            var action = new PlanAction
            {
                Id = nextActionId--, OrganizationId = plan.OrganizationId, PlanId = plan.Id, AxisId = parent.Id, Position = position,
                Number = "", Title = row.Title, Description = row.Description, ExecutingUnitId = row.ExecutingUnitId,
                Objectives = row.Objectives, Benefits = row.Benefits, Classification = row.Classification, ActionType = row.ActionType,
                PlannedStart = row.PlannedStart, PlannedEnd = row.PlannedEnd, PlannedBudget = row.PlannedBudget,
                SuggestedEvidence = row.SuggestedEvidence, GoalIndicator = row.GoalIndicator, GoalUnit = row.GoalUnit,
                GoalBaseline = row.GoalBaseline, GoalTarget = row.GoalTarget, Weight = row.Weight,
            };
            db.PlanActions.Add(action).Property(a => a.Id).IsTemporary = true;
            actions.Add(action);
            foreach (var unitId in row.SupportUnitIds)
            {
                var support = new ActionSupportUnit { Id = nextSupportId--, OrganizationId = plan.OrganizationId, ActionId = action.Id, UnitId = unitId };
                db.ActionSupportUnits.Add(support).Property(s => s.Id).IsTemporary = true;
            }
        }
    }

    /// <summary>Every number of the plan from positions (SPEC §3.1 step 3), new and existing nodes alike.</summary>
    private static void Renumber(List<PlanAxis> axes, List<PlanAction> actions)
    {
        var nodes = axes.Select(a => new TreeNode(a.Id, a.ParentId, a.ParentId is null ? NodeKind.Axis : NodeKind.SubAxis, a.Position))
            .Concat(actions.Select(a => new TreeNode(a.Id, a.AxisId, NodeKind.Action, a.Position)));
        var numbers = PlanNumbering.Number(nodes);
        foreach (var axis in axes)
        {
            var number = numbers[new NodeKey(axis.ParentId is null ? NodeKind.Axis : NodeKind.SubAxis, axis.Id)];
            if (axis.Number != number)
            {
                axis.Number = number;
            }
        }
        foreach (var action in actions)
        {
            var number = numbers[new NodeKey(NodeKind.Action, action.Id)];
            if (action.Number != number)
            {
                action.Number = number;
            }
        }
    }
}
