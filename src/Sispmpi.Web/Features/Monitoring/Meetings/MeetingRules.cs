using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>A user of the organization offered as a participant: "name (position or profiles)".</summary>
public sealed record ParticipantOption(int UserId, string Name, string? Role)
{
    public string Label => Role is null ? Name : $"{Name} ({Role})";
}

/// <summary>
/// What the meeting pages share: who changes and who signs a meeting, whether its minutes are frozen by a
/// signature, and the choices the form offers. Reading follows <see cref="Policies.Monitoring"/>.
/// </summary>
public static class MeetingRules
{
    public const string SignedMessage =
        "A ata desta reunião já foi assinada eletronicamente: o conteúdo assinado está congelado e a reunião não pode mais ser alterada nem excluída.";

    /// <summary>
    /// The monitoring committee of the meeting's own organization. (The write filter already refuses other
    /// profiles; this also keeps a central body's user out of a subordinate's meetings.)
    /// </summary>
    public static bool CanWrite(TenantContext tenant, int organizationId) =>
        organizationId == tenant.CurrentOrganizationId && Policies.Allows(Policies.MonitoringWrite, tenant);

    /// <summary>
    /// Who signs the minutes: the committee that held the meeting (<see cref="Policies.MonitoringWrite"/>) and the
    /// profiles that sign a body's official documents (<see cref="Policies.Sign"/>), of the meeting's own
    /// organization. The signing page itself is read with <see cref="Policies.Monitoring"/>, so of the
    /// <see cref="Policies.Sign"/> profiles it is the head and internal control that sign; the integrity
    /// commission, which does not see the monitoring module, does not.
    /// </summary>
    public static bool CanSign(TenantContext tenant, int organizationId) =>
        organizationId == tenant.CurrentOrganizationId
        && (Policies.Allows(Policies.MonitoringWrite, tenant) || Policies.Allows(Policies.Sign, tenant));

    public static Task<SignedDocument?> FindSignedAsync(DocumentSigning signing, int meetingId) =>
        signing.FindAsync(DocumentKind.MeetingMinutes, meetingId);

    public static Task<bool> IsSignedAsync(SispmpiDbContext db, int meetingId) =>
        db.SignedDocuments.AnyAsync(d => d.Kind == DocumentKind.MeetingMinutes && d.SubjectId == meetingId);

    /// <summary>403, with the reason shown on the error page when there is one to tell.</summary>
    public static Refusal Refuse(string? reason = null) => Refusal.Forbidden(reason);

    /// <summary>The organization's plans, newest first, for the optional "plano de referência".</summary>
    public static async Task<IReadOnlyList<SelectListItem>> PlanItemsAsync(SispmpiDbContext db, int organizationId) =>
        (await db.Plans.AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .OrderByDescending(p => p.ValidFrom).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Edition, p.Version, p.Status })
            .ToListAsync())
        .Select(p => new SelectListItem($"{p.Title} — edição {p.Edition}, versão {p.Version} ({Labels.Of(p.Status).ToLowerInvariant()})",
            p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();

    /// <summary>
    /// The organization's active users (anyone holding a profile in it), by name, plus anyone already taking part
    /// in the meeting who is no longer one of them, so that editing never drops a participant silently.
    /// </summary>
    public static async Task<IReadOnlyList<ParticipantOption>> UserOptionsAsync(SispmpiDbContext db, int organizationId,
        IReadOnlyCollection<int> alreadyParticipating)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => (u.IsActive && u.Grants.Any(g => g.OrganizationId == organizationId)) || alreadyParticipating.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.Position })
            .ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var grants = await db.ProfileGrants.AsNoTracking()
            .Where(g => g.OrganizationId == organizationId && ids.Contains(g.UserId))
            .Select(g => new { g.UserId, g.Profile })
            .ToListAsync();
        string? RoleOf(int userId, string? position)
        {
            if (!string.IsNullOrWhiteSpace(position))
            {
                return position.Trim();
            }
            var profiles = grants.Where(g => g.UserId == userId).Select(g => g.Profile).Distinct().Order().Select(Labels.Of).ToList();
            return profiles.Count == 0 ? null : string.Join(", ", profiles);
        }
        return users
            .Select(u => new ParticipantOption(u.Id, u.FullName, RoleOf(u.Id, u.Position)))
            .OrderBy(u => u.Name, StringComparer.Create(BrazilTime.Culture, ignoreCase: true))
            .ThenBy(u => u.UserId)
            .ToList();
    }
}
