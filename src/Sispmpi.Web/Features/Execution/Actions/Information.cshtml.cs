using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>Tab "Informações": what the plan says about the action.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class InformationModel(SispmpiDbContext db, ActionAccess access, ActionLights lights) : ActionPageModel(db, access, lights)
{
    public override ActionTab Tab => ActionTab.Information;
    public IReadOnlyList<string> SupportUnits { get; private set; } = [];
    /// <summary>The same action in every version of the plan, oldest first, this one included.</summary>
    public IReadOnlyList<ActionVersion> Versions { get; private set; } = [];

    public sealed record ActionVersion(int Id, string Number, int PlanId, string Edition, int Version, PlanStatus Status, ActionStatus ActionStatus);

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return NotFound();
        }
        SupportUnits = await Db.ActionSupportUnits.AsNoTracking().Where(s => s.ActionId == actionId)
            .Select(s => s.Unit!.Name).OrderBy(n => n).ToListAsync();
        Versions = await VersionsAsync();
        return Page();
    }

    /// <summary>
    /// Follows <see cref="Plans.PlanAction.OriginActionId"/> back to the first version and forward to the latest, so the
    /// history of an action reads across versions and editions of its plan (a few queries: plans have few versions).
    /// </summary>
    private async Task<IReadOnlyList<ActionVersion>> VersionsAsync()
    {
        var chain = new List<ActionVersion> { await VersionOfAsync(Action.Id) };
        for (var origin = Action.OriginActionId; origin is int id && chain.Count < 50;)
        {
            var earlier = await VersionOfAsync(id);
            chain.Insert(0, earlier);
            origin = await Db.PlanActions.Where(a => a.Id == id).Select(a => a.OriginActionId).FirstOrDefaultAsync();
        }
        for (var current = Action.Id; chain.Count < 50;)
        {
            var next = await Db.PlanActions.Where(a => a.OriginActionId == current).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync();
            if (next is not int nextId)
            {
                break;
            }
            chain.Add(await VersionOfAsync(nextId));
            current = nextId;
        }
        return chain;
    }

    private Task<ActionVersion> VersionOfAsync(int actionId) => Db.PlanActions.AsNoTracking().Where(a => a.Id == actionId)
        .Select(a => new ActionVersion(a.Id, a.Number, a.PlanId, a.Plan!.Edition, a.Plan.Version, a.Plan.Status, a.Status))
        .SingleAsync();
}
