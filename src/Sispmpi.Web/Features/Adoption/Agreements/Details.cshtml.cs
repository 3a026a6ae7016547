using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Adoption;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Notifications;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

[Authorize(Policy = Policies.AgreementsRead)]
public sealed class DetailsModel(SispmpiDbContext db, AgreementAccess access, TenantContext tenant, Notifier notifier, TimeProvider clock) : PageModel
{
    /// <summary>Whether the user keeps this agreement; a linked signatory of another body reads it and goes to sign it.</summary>
    public bool Manages { get; private set; }

    public CooperationAgreement Agreement { get; private set; } = null!;
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int agreementId)
    {
        if (await AgreementQueries.LoadAsync(access.Readable(), agreementId) is not { } agreement)
        {
            return NotFound();
        }
        Agreement = agreement;
        Manages = access.Manages(agreement);
        var today = clock.Today();
        Goals = agreement.Goals.Select(g => GoalStatuses.View(g, agreement, today)).ToList();
        var linked = Manages ? agreement.Participants.Where(p => p.SignatoryUserId != null).Select(p => p.SignatoryUserId!.Value).ToList() : [];
        LinkedAccounts = await db.Users.AsNoTracking().Where(u => linked.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "");
        return Page();
    }

    /// <summary>The e-mail of each linked signatory's account, by user id.</summary>
    public IReadOnlyDictionary<int, string> LinkedAccounts { get; private set; } = new Dictionary<int, string>();

    /// <summary>Links the participant's signatory to the account with <paramref name="email"/>; a blank e-mail unlinks it.</summary>
    public async Task<IActionResult> OnPostLinkSignatoryAsync(int agreementId, int participantId, string? email)
    {
        if (!Policies.Allows(Policies.Adoption, tenant))
        {
            return Refusal.Forbidden("Somente o órgão gestor do acordo vincula as contas dos signatários.");
        }
        var participant = await db.AgreementParticipants.FirstOrDefaultAsync(p => p.Id == participantId && p.AgreementId == agreementId);
        if (participant is null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(email))
        {
            participant.SignatoryUserId = null;
            await db.SaveChangesAsync();
            TempData["Sucesso"] = $"O signatário de {participant.ShortName} não tem mais conta vinculada.";
            return Redirect($"/acordos/{agreementId}");
        }
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
        if (user is null)
        {
            return Refusal.Conflict($"Não há conta com o e-mail {email.Trim()}. Cadastre o usuário antes de vinculá-lo ao signatário.");
        }
        if (participant.SignatoryUserId != user.Id)
        {
            // The signatory has no menu entry for agreements: the notice is how it finds the one to sign.
            var number = await db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Number).SingleAsync();
            await notifier.NotifyAsync(null, [user.Id], Notices.AgreementSignatoryLinked(agreementId, number, participant.ShortName, tenant.UserName));
        }
        participant.SignatoryUserId = user.Id;
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"{participant.SignatoryName} ({participant.ShortName}) vinculado(a) à conta {user.Email}: só essa conta assina por esse partícipe, ou o administrador central em seu nome.";
        return Redirect($"/acordos/{agreementId}");
    }
}
