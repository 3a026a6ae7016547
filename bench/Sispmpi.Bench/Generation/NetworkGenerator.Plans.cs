using Sispmpi.Core.Auditing;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Bench.Generation;

/// <summary>Integrity plans per scenario, with their axes and sub-axes.</summary>
public sealed partial class NetworkGenerator
{
    private void AddPlans(Organization organization, List<AdministrativeUnit> units, PlanScenario scenario, DateOnly cycleStart,
        List<HistoryEvent> history)
    {
        var actions = _options.ActionsPerOrganization;
        var edition = Edition(cycleStart.Year);
        var validTo = new DateOnly(cycleStart.Year + 2, 12, 31);
        var createdAt = At(cycleStart.AddDays(-_random.Next(60, 121)));
        var preparingAt = createdAt.AddDays(_random.Next(1, 10));
        var publishedAt = Max(At(cycleStart.AddDays(-_random.Next(3, 31))), preparingAt.AddDays(20));

        switch (scenario)
        {
            case PlanScenario.Published:
                PublishedPlan(1, null, cycleStart, createdAt, preparingAt, publishedAt, actions);
                break;
            case PlanScenario.ObsoleteThenPublished:
            {
                var carried = actions / 4;
                var v2CreatedAt = Min(publishedAt.AddDays(_random.Next(150, 251)), _now.AddDays(-60));
                var v2PublishedAt = Min(v2CreatedAt.AddDays(_random.Next(20, 41)), _now.AddDays(-5));
                var v2Start = DateOnly.FromDateTime(v2PublishedAt.UtcDateTime).AddDays(1);
                var (v1, v1Leaves, v1Actions) = PublishedPlan(1, null, cycleStart, createdAt, preparingAt, publishedAt, carried,
                    obsoleteAt: v2PublishedAt.AddSeconds(1));
                var v2 = AddPlan(organization, edition, 2, v2Start, validTo, v2CreatedAt, v2CreatedAt.AddHours(2), v2PublishedAt,
                    null, v1.Id, history);
                var v2Leaves = CopyAxes(v2, v1Leaves, v2CreatedAt.AddHours(3), history);
                AddActions(v2, v2Leaves, actions - carried, v1Actions, v2CreatedAt.AddHours(4), v2PublishedAt, units, history,
                    execute: true, _today, _now);
                break;
            }
            case PlanScenario.PublishedAndPreparing:
            {
                var next = actions / 5;
                PublishedPlan(1, null, cycleStart, createdAt, preparingAt, publishedAt, actions - next);
                var nextStart = new DateOnly(cycleStart.Year + 3, 1, 1);
                var nextCreatedAt = _now.AddDays(-_random.Next(10, 121));
                var nextPreparingAt = nextCreatedAt.AddDays(_random.Next(1, 6));
                var plan = AddPlan(organization, Edition(nextStart.Year), 1, nextStart, nextStart.AddYears(3).AddDays(-1),
                    nextCreatedAt, nextPreparingAt, null, null, null, history);
                var leaves = AddAxes(plan, nextPreparingAt.AddHours(1), history);
                AddActions(plan, leaves, next, [], nextPreparingAt.AddHours(2), _now.AddHours(-1), units, history,
                    execute: false, _today, _now);
                break;
            }
            case PlanScenario.PublishedAndNotStarted:
            {
                PublishedPlan(1, null, cycleStart, createdAt, preparingAt, publishedAt, actions);
                var nextStart = new DateOnly(cycleStart.Year + 3, 1, 1);
                AddPlan(organization, Edition(nextStart.Year), 1, nextStart, nextStart.AddYears(3).AddDays(-1),
                    _now.AddDays(-_random.Next(1, 61)), null, null, null, null, history);
                break;
            }
            case PlanScenario.FirstInPreparation:
            {
                var firstStart = new DateOnly(_today.Year + 1, 1, 1);
                var firstCreatedAt = _now.AddDays(-_random.Next(30, 201));
                var firstPreparingAt = firstCreatedAt.AddDays(_random.Next(1, 10));
                var plan = AddPlan(organization, Edition(firstStart.Year), 1, firstStart, firstStart.AddYears(3).AddDays(-1),
                    firstCreatedAt, firstPreparingAt, null, null, null, history);
                var leaves = AddAxes(plan, firstPreparingAt.AddHours(1), history);
                AddActions(plan, leaves, actions, [], firstPreparingAt.AddHours(2), _now.AddHours(-1), units, history,
                    execute: false, _today, _now);
                break;
            }
        }

        (IntegrityPlan Plan, List<LeafAxis> Leaves, List<PlanAction> Actions) PublishedPlan(int version, int? originId, DateOnly validFrom,
            DateTimeOffset created, DateTimeOffset preparing, DateTimeOffset published, int actionCount, DateTimeOffset? obsoleteAt = null)
        {
            var plan = AddPlan(organization, edition, version, validFrom, validTo, created, preparing, published, obsoleteAt, originId, history);
            var leaves = AddAxes(plan, preparing.AddHours(1), history);
            // An obsolete version stopped being executed when the next one was published.
            var cutoffAt = obsoleteAt ?? _now;
            var planActions = AddActions(plan, leaves, actionCount, [], preparing.AddHours(2), published.AddHours(-1), units, history,
                execute: true, DateOnly.FromDateTime(cutoffAt.UtcDateTime), cutoffAt);
            return (plan, leaves, planActions);
        }
    }

    private static string Edition(int firstYear) => $"{firstYear}–{firstYear + 2}";

    private IntegrityPlan AddPlan(Organization organization, string edition, int version, DateOnly validFrom, DateOnly validTo,
        DateTimeOffset createdAt, DateTimeOffset? preparingAt, DateTimeOffset? publishedAt, DateTimeOffset? obsoleteAt, int? originId,
        List<HistoryEvent> history)
    {
        var status = obsoleteAt is not null ? PlanStatus.Obsolete
            : publishedAt is not null ? PlanStatus.Published
            : preparingAt is not null ? PlanStatus.InPreparation
            : PlanStatus.NotStarted;
        var plan = new IntegrityPlan
        {
            Id = ++_planId,
            OrganizationId = organization.Id,
            Title = $"Plano de Integridade {WordLists.Of(organization.Name)} {organization.Acronym}",
            Edition = edition,
            Version = version,
            Status = status,
            ValidFrom = validFrom,
            ValidTo = validTo,
            CreatedAt = createdAt,
            PublishedAt = publishedAt,
            OriginPlanId = originId,
        };
        _network.Plans.Add(plan);
        history.Add(new HistoryEvent(createdAt, plan, AuditOperation.Insert,
            InsertOverrides: new Dictionary<string, object?> { ["Status"] = PlanStatus.NotStarted, ["PublishedAt"] = null }));
        if (preparingAt is { } preparing)
        {
            history.Add(new HistoryEvent(preparing, plan, AuditOperation.Update,
                [new("Status", PlanStatus.NotStarted, PlanStatus.InPreparation)]));
        }
        if (publishedAt is { } published)
        {
            history.Add(new HistoryEvent(published, plan, AuditOperation.Update,
                [new("PublishedAt", null, published), new("Status", PlanStatus.InPreparation, PlanStatus.Published)]));
        }
        if (obsoleteAt is { } obsolete)
        {
            history.Add(new HistoryEvent(obsolete, plan, AuditOperation.Update,
                [new("Status", PlanStatus.Published, PlanStatus.Obsolete)]));
        }
        return plan;
    }

    /// <summary>4–6 axes in catalogue order, some split in two or three sub-axes; returns the leaves that hold actions.</summary>
    private List<LeafAxis> AddAxes(IntegrityPlan plan, DateTimeOffset at, List<HistoryEvent> history)
    {
        var count = _random.Next(4, 7);
        var chosen = Enumerable.Range(0, WordLists.Axes.Length).OrderBy(_ => _random.Next()).Take(count).Order()
            .Select(i => WordLists.Axes[i]).ToList();
        var leaves = new List<LeafAxis>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var template = chosen[i];
            var axis = AddAxis(plan, null, i + 1, $"{i + 1}", template.Title, template.Description, at = at.AddMinutes(_random.Next(1, 20)), history);
            var subCount = template.SubAxes.Length == 0 || _random.Next(3) != 0 ? 0 : _random.Next(2, template.SubAxes.Length + 1);
            if (subCount == 0)
            {
                leaves.Add(new LeafAxis(axis, template));
                continue;
            }
            for (var s = 0; s < subCount; s++)
            {
                var sub = AddAxis(plan, axis.Id, s + 1, $"{axis.Number}.{s + 1}", template.SubAxes[s], null,
                    at = at.AddMinutes(_random.Next(1, 20)), history);
                leaves.Add(new LeafAxis(sub, template));
            }
        }
        return leaves;
    }

    /// <summary>A new version keeps the axes of the one it revises.</summary>
    private List<LeafAxis> CopyAxes(IntegrityPlan plan, List<LeafAxis> originalLeaves, DateTimeOffset at, List<HistoryEvent> history)
    {
        var originalAxes = AxesOfRecentPlan(originalLeaves[0].Axis.PlanId);
        var copies = new Dictionary<int, PlanAxis>();
        foreach (var axis in originalAxes)
        {
            var parentId = axis.ParentId is int p ? copies[p].Id : (int?)null;
            copies[axis.Id] = AddAxis(plan, parentId, axis.Position, axis.Number, axis.Title, axis.Description,
                at = at.AddSeconds(_random.Next(2, 30)), history);
        }
        return originalLeaves.Select(l => new LeafAxis(copies[l.Axis.Id], l.Template)).ToList();
    }

    /// <summary>
    /// The axes of a plan of the body being generated, in creation order: they form one block near the end of the list,
    /// so it is read backwards instead of filtered whole (a scan of every axis per revised plan grew with the network).
    /// </summary>
    private List<PlanAxis> AxesOfRecentPlan(int planId)
    {
        var axes = _network.Axes;
        var end = axes.Count;
        while (end > 0 && axes[end - 1].PlanId != planId)
        {
            end--;
        }
        var start = end;
        while (start > 0 && axes[start - 1].PlanId == planId)
        {
            start--;
        }
        return axes.GetRange(start, end - start);
    }

    private PlanAxis AddAxis(IntegrityPlan plan, int? parentId, int position, string number, string title, string? description,
        DateTimeOffset at, List<HistoryEvent> history)
    {
        var axis = new PlanAxis
        {
            Id = ++_axisId,
            OrganizationId = plan.OrganizationId,
            PlanId = plan.Id,
            ParentId = parentId,
            Position = position,
            Number = number,
            Title = title,
            Description = description,
        };
        _network.Axes.Add(axis);
        history.Add(new HistoryEvent(at, axis, AuditOperation.Insert));
        return axis;
    }
}
