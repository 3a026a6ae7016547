using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution;

namespace Sispmpi.Web.Features.Users.Servants;

/// <summary>
/// Linking a servant to an account: the actions he or she answers for pass to the account (unless another person
/// already answers for them), the actions he or she is involved in list the account instead, and the account takes
/// the servant's MASP and cargo when it has none. Nothing is saved here: the caller saves with its history reason.
/// </summary>
public static class ServantLinking
{
    public sealed record Outcome(int Responsible, int Involved);

    public static async Task<Outcome> LinkAsync(SispmpiDbContext db, Servant servant, Identity.AppUser user, DateTimeOffset now)
    {
        var responsibleFor = await db.PlanActions.Where(a => a.ResponsibleServantId == servant.Id).ToListAsync();
        foreach (var action in responsibleFor)
        {
            action.ResponsibleServantId = null;
            action.ResponsibleUserId ??= user.Id;
        }
        var involvedIn = await db.ActionServants.Where(s => s.ServantId == servant.Id).ToListAsync();
        var actionIds = involvedIn.Select(s => s.ActionId).ToList();
        var alreadyThere = await db.ActionParticipants.Where(p => p.UserId == user.Id && actionIds.Contains(p.ActionId)).Select(p => p.ActionId).ToListAsync();
        var responsibleIds = await db.PlanActions.Where(a => actionIds.Contains(a.Id) && a.ResponsibleUserId == user.Id).Select(a => a.Id).ToListAsync();
        responsibleIds.AddRange(responsibleFor.Where(a => a.ResponsibleUserId == user.Id).Select(a => a.Id));
        db.ActionServants.RemoveRange(involvedIn);
        db.ActionParticipants.AddRange(involvedIn
            .Where(s => !alreadyThere.Contains(s.ActionId) && !responsibleIds.Contains(s.ActionId))
            .Select(s => new ActionParticipant { OrganizationId = s.OrganizationId, ActionId = s.ActionId, UserId = user.Id }));
        user.Registration ??= servant.Registration;
        user.Position ??= servant.Position;
        servant.LinkedUserId = user.Id;
        servant.LinkedAt = now;
        return new Outcome(responsibleFor.Count, involvedIn.Count);
    }
}
