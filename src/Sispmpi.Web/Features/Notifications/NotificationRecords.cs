using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Features.Identity;

namespace Sispmpi.Web.Features.Notifications;

/// <summary>An in-app notification (the bell): one per recipient, whatever the e-mail preference.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    public int? OrganizationId { get; set; }
    public required string Event { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    /// <summary>Path inside the system, e.g. "/acoes/12/monitoramento".</summary>
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>Whether the notification still waits for the recipient's daily digest e-mail.</summary>
    public bool AwaitsDigest { get; set; }
}

public enum NotificationDelivery
{
    /// <summary>One e-mail per notification, as it happens (the default: no row).</summary>
    Immediate = 1,
    /// <summary>One e-mail a day listing the day's notifications.</summary>
    DailyDigest = 2,
}

/// <summary>A user's choice of e-mail delivery; users without a row get immediate e-mails.</summary>
public sealed class NotificationPreference
{
    public int UserId { get; set; }
    public NotificationDelivery Delivery { get; set; }
}

/// <summary>A deadline reminder already queued for an action: the key (see ReminderRules) is never queued twice.</summary>
public sealed class ReminderLog
{
    public long Id { get; set; }
    public int ActionId { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Event).HasMaxLength(60);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Summary).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.AwaitsDigest, n.UserId });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => p.UserId);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<NotificationPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> builder)
    {
        builder.ToTable("ReminderLogs");
        builder.Property(r => r.Key).HasMaxLength(60);
        builder.HasIndex(r => new { r.ActionId, r.Key }).IsUnique();
        builder.HasOne<Plans.PlanAction>().WithMany().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
