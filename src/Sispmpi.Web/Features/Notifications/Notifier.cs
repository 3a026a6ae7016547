using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Email;

namespace Sispmpi.Web.Features.Notifications;

/// <summary>
/// Queues notifications in the caller's unit of work (nothing is saved here): for each recipient an in-app
/// notification and, by the recipient's preference, an e-mail in the outbox now or a line in tomorrow's digest.
/// The caller's SaveChanges writes them in the same transaction as the change that caused them (SPEC §7).
/// </summary>
public sealed class Notifier(SispmpiDbContext db, MailRenderer renderer, TimeProvider clock)
{
    /// <summary>Active users holding any of <paramref name="profiles"/> in any of <paramref name="organizationIds"/>.</summary>
    public async Task<IReadOnlyList<int>> UsersWithAsync(IEnumerable<int> organizationIds, IReadOnlyCollection<Profile> profiles,
        CancellationToken cancellationToken = default)
    {
        var organizations = organizationIds.ToList();
        return await db.ProfileGrants.IgnoreQueryFilters()
            .Where(g => organizations.Contains(g.OrganizationId) && profiles.Contains(g.Profile) && g.User!.IsActive)
            .Select(g => g.UserId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Notifies each user once (duplicates and inactive accounts are skipped); returns how many were notified.</summary>
    public async Task<int> NotifyAsync(int? organizationId, IEnumerable<int> userIds, Notice notice, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }
        var recipients = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.FullName })
            .ToListAsync(cancellationToken);
        var digest = (await db.NotificationPreferences.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && p.Delivery == NotificationDelivery.DailyDigest)
            .Select(p => p.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var recipient in recipients.OrderBy(r => r.Id))
        {
            var awaitsDigest = digest.Contains(recipient.Id);
            db.Notifications.Add(new Notification
            {
                UserId = recipient.Id, OrganizationId = organizationId, Event = notice.Event, Title = Clip(notice.Subject, 300),
                Summary = Clip(notice.Summary, 1000), Link = notice.LinkPath, CreatedAt = now, AwaitsDigest = awaitsDigest,
            });
            if (!awaitsDigest)
            {
                Email(recipient.Email!, recipient.FullName, notice, organizationId, recipient.Id);
            }
        }
        return recipients.Count;
    }

    /// <summary>An e-mail only, to an address (invitations, password resets, digests): always immediate.</summary>
    public void Email(string to, string? recipientName, Notice notice, int? organizationId = null, int? userId = null)
    {
        var (text, html) = renderer.Render(notice, recipientName);
        db.Outbox.Add(new OutboxMessage
        {
            OrganizationId = organizationId, UserId = userId, Event = notice.Event, To = to, Subject = Clip("SisPMPI: " + notice.Subject, 300),
            TextBody = text, HtmlBody = html, CreatedAt = clock.GetUtcNow(),
        });
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
