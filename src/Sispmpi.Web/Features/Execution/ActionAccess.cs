using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Execution;

/// <summary>What the current user may do with one action of a plan, and why not, in Portuguese.</summary>
public sealed record ActionRights(bool CanRecord, bool CanAssign, string? WhyNot)
{
    public static readonly ActionRights ReadOnly = new(false, false, null);

    /// <summary>Refused because of the plan's status (not published, or obsolete), whoever asks.</summary>
    public bool BlockedByPlanStatus => WhyNot is ActionAccess.NotPublishedMessage or ActionAccess.ObsoleteMessage;
}

/// <summary>
/// Execution is written only on published plans, in the user's current organization: the record, evidence and
/// measurements by the executors of the action (its responsible person and the staff involved), the responsibility
/// by the integrity commission or the action's responsible person (SPEC §1, §3.2).
/// </summary>
public sealed class ActionAccess(SispmpiDbContext db, TenantContext tenant)
{
    public const string NotPublishedMessage = "A execução só pode ser registrada em planos publicados.";
    public const string ObsoleteMessage = "Este plano está obsoleto: a execução das suas ações não pode mais ser alterada.";
    public const string NotExecutorMessage = "Somente o responsável pela ação e os servidores envolvidos registram a sua execução.";

    public async Task<ActionRights> RightsAsync(PlanAction action, PlanStatus planStatus, CancellationToken cancellationToken = default)
    {
        if (tenant.UserId is not int userId || action.OrganizationId != tenant.CurrentOrganizationId)
        {
            return ActionRights.ReadOnly;
        }
        if (planStatus != PlanStatus.Published)
        {
            return new(false, false, planStatus == PlanStatus.Obsolete ? ObsoleteMessage : NotPublishedMessage);
        }
        var isResponsible = action.ResponsibleUserId == userId;
        var isExecutor = tenant.Has(Profile.Executor) && (isResponsible
            || await db.ActionParticipants.AnyAsync(p => p.ActionId == action.Id && p.UserId == userId, cancellationToken));
        var canAssign = tenant.Has(Profile.IntegrityCommission) || (tenant.Has(Profile.Executor) && isResponsible);
        return new(isExecutor, canAssign, isExecutor ? null : NotExecutorMessage);
    }

    /// <summary>The actions the current user executes: responsible for, or involved in.</summary>
    public IQueryable<PlanAction> Mine(IQueryable<PlanAction> actions)
    {
        var userId = tenant.UserId ?? 0;
        return actions.Where(a => a.ResponsibleUserId == userId || db.ActionParticipants.Any(p => p.ActionId == a.Id && p.UserId == userId));
    }
}
