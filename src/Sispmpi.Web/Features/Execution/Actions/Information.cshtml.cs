using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>Tab "Informações": what the plan says about the action.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class InformationModel(SispmpiDbContext db, ActionAccess access, ActionLights lights) : ActionPageModel(db, access, lights)
{
    public override ActionTab Tab => ActionTab.Information;
    public IReadOnlyList<string> SupportUnits { get; private set; } = [];
    public (int Id, string Number, string PlanTitle)? Origin { get; private set; }

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return NotFound();
        }
        SupportUnits = await Db.ActionSupportUnits.AsNoTracking().Where(s => s.ActionId == actionId)
            .Select(s => s.Unit!.Name).OrderBy(n => n).ToListAsync();
        if (Action.OriginActionId is int originId)
        {
            Origin = await Db.PlanActions.AsNoTracking().Where(o => o.Id == originId)
                .Select(o => new ValueTuple<int, string, string>(o.Id, o.Number, o.Plan!.Title + " — versão " + o.Plan.Version))
                .FirstOrDefaultAsync();
        }
        return Page();
    }
}
