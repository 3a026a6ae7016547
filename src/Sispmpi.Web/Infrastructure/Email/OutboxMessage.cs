using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sispmpi.Web.Infrastructure.Email;

// Stored as integers: never renumber.
public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    /// <summary>Given up after the last attempt, or interrupted mid-send: waits for Suporte técnico to re-send it.</summary>
    Failed = 3,
    /// <summary>Claimed by one instance, which is delivering it now.</summary>
    Sending = 4,
}

/// <summary>
/// An e-mail waiting to be delivered, written in the same transaction as the change that caused it (SPEC §7),
/// so that nothing is lost when delivery is down. <see cref="OutboxDispatcher"/> claims a row before sending it, so
/// two instances never send the same message, and never sends automatically a row whose sending was interrupted.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public int? OrganizationId { get; set; }
    /// <summary>What caused the message, e.g. "plano-publicado".</summary>
    public required string Event { get; set; }
    public required string To { get; set; }
    /// <summary>The recipient's account, when the message goes to a user (invitations go to an address).</summary>
    public int? UserId { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    /// <summary>UTC; not before this time (back-off). A <see cref="DateTime"/> so that both providers compare it in SQL.</summary>
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>The instance delivering the message while <see cref="Status"/> is Sending.</summary>
    public string? ClaimedBy { get; set; }
    /// <summary>UTC; past this time a Sending row is taken as interrupted.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Event).HasMaxLength(60);
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.ClaimedBy).HasMaxLength(120);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
