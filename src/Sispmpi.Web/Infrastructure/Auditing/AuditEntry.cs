using Sispmpi.Core.Auditing;

namespace Sispmpi.Web.Infrastructure.Auditing;

/// <summary>One row of the "Histórico de alterações": written only by <see cref="AuditInterceptor"/>, never updated.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public int? UserId { get; set; }
    public required string UserName { get; set; }
    public string? Profile { get; set; }
    public int? OrganizationId { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditOperation Operation { get; set; }
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Justification { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public AuditRecord ToRecord() => new(OccurredAt, UserId, UserName, Profile, OrganizationId, EntityType, EntityId,
        Operation, Field, OldValue, NewValue, Justification);
}
