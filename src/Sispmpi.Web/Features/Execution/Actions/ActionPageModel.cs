using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>The tabs of an action's page, in order.</summary>
public enum ActionTab
{
    Information,
    Responsibility,
    Execution,
    Monitoring,
    Evaluation,
}

/// <summary>
/// Common ground of the five tabs of an action: loading it (the tenant filter turns another organization's action
/// into a 404), its light, what the user may change, and the refusal of writes the user may not make.
/// </summary>
public abstract class ActionPageModel(SispmpiDbContext db, ActionAccess access, ActionLights lights) : PageModel
{
    protected SispmpiDbContext Db { get; } = db;
    protected ActionLights Lights { get; } = lights;

    public PlanAction Action { get; private set; } = null!;
    public TrafficLight Light { get; private set; }
    public ActionRights Rights { get; private set; } = ActionRights.ReadOnly;
    public abstract ActionTab Tab { get; }

    public IReadOnlyList<Crumb> Crumbs => [new("Planos", "/elaboracao"), new(Action.Plan!.Title, $"/planos/{Action.PlanId}"), new($"Ação {Action.Number}")];

    /// <summary>Loads the action (tracked, so a write handler can change it); false when it is not visible.</summary>
    protected async Task<bool> LoadAsync(int actionId)
    {
        var action = await Db.PlanActions
            .Include(a => a.Plan).Include(a => a.Axis).Include(a => a.ExecutingUnit).Include(a => a.ResponsibleUser).Include(a => a.ResponsibleServant)
            .FirstOrDefaultAsync(a => a.Id == actionId);
        if (action is null)
        {
            return false;
        }
        Action = action;
        Light = Lights.Of(action);
        Rights = await access.RightsAsync(action, action.Plan!.Status);
        return true;
    }

    /// <summary>403 with the reason shown on the error page.</summary>
    protected static Refusal Refuse(string? reason) => Refusal.Forbidden(reason ?? ActionAccess.NotExecutorMessage);

    /// <summary>Refreshes the light after a change, for the page shown in answer to the post.</summary>
    protected void RefreshLight()
    {
        Action.RefreshStatus();
        Light = Lights.Of(Action);
    }
}
