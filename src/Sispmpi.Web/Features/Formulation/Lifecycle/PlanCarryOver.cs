using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Formulation.Lifecycle;

/// <summary>
/// What a new plan, version or edition brings from the plan before it — the one place that copies. The programme's
/// state (commission with members and acts, diagnosis with its acknowledgement and thematic axes, risk register) and,
/// for a revision, the plan tree: axes and every action with every field, its support units, its staff and the risks
/// it treats, each action linked to the one it came from. Records are cloned field by field from EF's model, so a
/// field added to an entity travels without touching this class; only keys and links are rewritten.
/// </summary>
public sealed class PlanCarryOver(SispmpiDbContext db, TimeProvider clock)
{
    /// <summary>The organization's programme, created with its first plan.</summary>
    public async Task<int> ProgrammeIdAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        var id = await db.Programmes.IgnoreQueryFilters().Where(p => p.OrganizationId == organizationId).Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (id is int existing)
        {
            return existing;
        }
        var programme = new IntegrityProgramme { OrganizationId = organizationId, CreatedAt = clock.GetUtcNow() };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        return programme.Id;
    }

    /// <summary>The newest plan of the organization holding a state of its programme (a commission or a diagnosis), if any.</summary>
    public async Task<IntegrityPlan?> CurrentProgrammePlanAsync(int organizationId, int? exceptPlanId = null, CancellationToken cancellationToken = default)
    {
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && p.Id != exceptPlanId
                && (db.Commissions.Any(c => c.PlanId == p.Id) || db.Diagnoses.Any(d => d.PlanId == p.Id)))
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a DateTimeOffset, and a body has few plans.
        return plans.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).FirstOrDefault();
    }

    /// <summary>
    /// Copies the programme's state of <paramref name="fromPlanId"/> into <paramref name="toPlanId"/>: commission, members
    /// and acts; diagnosis; risk register (without its treatments). Returns each copied risk's id by its origin's.
    /// </summary>
    public async Task<Dictionary<int, int>> CopyProgrammeAsync(int fromPlanId, int toPlanId, CancellationToken cancellationToken = default)
    {
        var commission = await db.Commissions.AsNoTracking().Include(c => c.Members).Include(c => c.Acts)
            .FirstOrDefaultAsync(c => c.PlanId == fromPlanId, cancellationToken);
        if (commission is not null)
        {
            var copy = Clone(commission);
            copy.PlanId = toPlanId;
            copy.Members = commission.Members.Select(m => Reset(Clone(m), x => x.CommissionId = 0)).ToList();
            copy.Acts = commission.Acts.Select(a => Reset(Clone(a), x => x.CommissionId = 0)).ToList();
            db.Commissions.Add(copy);
        }
        var diagnosis = await db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == fromPlanId, cancellationToken);
        if (diagnosis is not null)
        {
            var copy = Clone(diagnosis);
            copy.PlanId = toPlanId;
            copy.Instruments = [.. diagnosis.Instruments];
            copy.ThematicAxes = [.. diagnosis.ThematicAxes];
            db.Diagnoses.Add(copy);
        }
        var risks = await db.Risks.AsNoTracking().Where(r => r.PlanId == fromPlanId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var copies = risks.ToDictionary(r => r.Id, r =>
        {
            var copy = Clone(r);
            copy.PlanId = toPlanId;
            copy.Treatments = [];
            return copy;
        });
        db.Risks.AddRange(copies.Values);
        await db.SaveChangesAsync(cancellationToken);
        return copies.ToDictionary(c => c.Key, c => c.Value.Id);
    }

    /// <summary>
    /// Copies the axes and actions of <paramref name="fromPlanId"/> into <paramref name="toPlanId"/>. Each action keeps every
    /// field — what was planned and what was done so far — and links to its origin; its support units, staff and treated
    /// risks (through <paramref name="riskCopies"/>) come with it. Evidence and measurements stay with the origin action,
    /// reached through it.
    /// </summary>
    public async Task CopyPlanTreeAsync(int fromPlanId, int toPlanId, IReadOnlyDictionary<int, int> riskCopies,
        CancellationToken cancellationToken = default)
    {
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == fromPlanId).ToListAsync(cancellationToken);
        var axisCopies = new Dictionary<int, PlanAxis>();
        foreach (var axis in axes.Where(a => a.ParentId is null).Concat(axes.Where(a => a.ParentId is not null)))
        {
            var copy = Clone(axis);
            copy.PlanId = toPlanId;
            copy.ParentId = null;
            copy.Parent = axis.ParentId is int parent ? axisCopies[parent] : null;
            axisCopies[axis.Id] = copy;
            db.PlanAxes.Add(copy);
        }
        await db.SaveChangesAsync(cancellationToken);

        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == fromPlanId).ToListAsync(cancellationToken);
        var carried = new Dictionary<int, PlanAction>();
        foreach (var action in actions)
        {
            var copy = Clone(action);
            copy.PlanId = toPlanId;
            copy.AxisId = axisCopies[action.AxisId].Id;
            copy.OriginActionId = action.Id;
            copy.LimitingFactors = action.LimitingFactors is null ? null : [.. action.LimitingFactors];
            db.PlanActions.Add(carried[action.Id] = copy);
        }
        await db.SaveChangesAsync(cancellationToken);

        var origins = carried.Keys.ToList();
        var supportUnits = await db.ActionSupportUnits.AsNoTracking().Where(s => origins.Contains(s.ActionId)).ToListAsync(cancellationToken);
        db.ActionSupportUnits.AddRange(supportUnits.Select(s => Reset(Clone(s), x => x.ActionId = carried[s.ActionId].Id)));
        var participants = await db.ActionParticipants.AsNoTracking().Where(p => origins.Contains(p.ActionId)).ToListAsync(cancellationToken);
        db.ActionParticipants.AddRange(participants.Select(p => Reset(Clone(p), x => x.ActionId = carried[p.ActionId].Id)));
        var servants = await db.ActionServants.AsNoTracking().Where(p => origins.Contains(p.ActionId)).ToListAsync(cancellationToken);
        db.ActionServants.AddRange(servants.Select(p => Reset(Clone(p), x => x.ActionId = carried[p.ActionId].Id)));
        var treatments = await db.RiskTreatments.AsNoTracking().Where(t => origins.Contains(t.ActionId)).ToListAsync(cancellationToken);
        db.RiskTreatments.AddRange(treatments.Where(t => riskCopies.ContainsKey(t.RiskId))
            .Select(t => Reset(Clone(t), x => (x.ActionId, x.RiskId) = (carried[t.ActionId].Id, riskCopies[t.RiskId]))));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A new, unsaved record with every stored field of <paramref name="entity"/> (navigations left empty).</summary>
    private T Clone<T>(T entity) where T : class
    {
        var copy = (T)db.Entry(entity).CurrentValues.ToObject();
        typeof(T).GetProperty("Id")!.SetValue(copy, 0);
        return copy;
    }

    private static T Reset<T>(T entity, Action<T> change)
    {
        change(entity);
        return entity;
    }
}
