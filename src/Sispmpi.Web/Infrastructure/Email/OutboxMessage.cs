using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sispmpi.Web.Infrastructure.Email;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// An e-mail waiting to be delivered, written in the same transaction as the change that caused it (SPEC §7),
/// so that nothing is lost when delivery is down and nothing is sent twice once a sender marks it sent.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public int? OrganizationId { get; set; }
    /// <summary>What caused the message, e.g. "plano-publicado".</summary>
    public required string Event { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
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
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
