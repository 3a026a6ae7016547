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
    public Task<int> NotifyAsync(int? organizationId, IEnumerable<int> userIds, Notice notice, CancellationToken cancellationToken = default) =>
        NotifyEachAsync([(organizationId, userIds, notice)], cancellationToken);

    /// <summary>
    /// Several notices at once (a scheduled job's): the recipients' accounts and preferences are read in two queries for
    /// all of them. Returns how many notifications were queued.
    /// </summary>
    public async Task<int> NotifyEachAsync(IReadOnlyList<(int? OrganizationId, IEnumerable<int> UserIds, Notice Notice)> notices,
        CancellationToken cancellationToken = default)
    {
        var batches = notices.Select(n => (n.OrganizationId, Users: n.UserIds.Distinct().ToList(), n.Notice)).Where(n => n.Users.Count > 0).ToList();
        var ids = batches.SelectMany(b => b.Users).Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }
        var recipients = (await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.FullName })
            .ToListAsync(cancellationToken)).ToDictionary(u => u.Id);
        var digest = (await db.NotificationPreferences.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && p.Delivery == NotificationDelivery.DailyDigest)
            .Select(p => p.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var (organizationId, users, notice) in batches)
        {
            foreach (var userId in users.Order())
            {
                if (!recipients.TryGetValue(userId, out var recipient))
                {
                    continue;
                }
                var awaitsDigest = digest.Contains(userId);
                db.Notifications.Add(new Notification
                {
                    UserId = userId, OrganizationId = organizationId, Event = notice.Event, Title = Clip(notice.Subject, 300),
                    Summary = Clip(notice.Summary, 1000), Link = notice.LinkPath, CreatedAt = now, AwaitsDigest = awaitsDigest,
                });
                if (!awaitsDigest)
                {
                    Email(recipient.Email!, recipient.FullName, notice, organizationId, userId);
                }
                queued++;
            }
        }
        return queued;
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
