using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Core.Execution;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Execution;

/// <summary>A member of the organization's staff involved in carrying out an action, besides its responsible person.</summary>
public sealed class ActionParticipant : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int ActionId { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
}

/// <summary>Stored as integers: never renumber.</summary>
public enum EvidenceKind
{
    Link = 1,
    Process = 2,
    File = 3,
}

/// <summary>
/// Proof of something done — a link, an administrative process number (NUP or Sei!MG) or a file kept in the file
/// store under a generated name, read back only through an authorized page. The same rules serve an action's
/// evidence and a maturity answer's.
/// </summary>
public abstract class EvidenceRecord : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public EvidenceKind Kind { get; set; }
    public required string Description { get; set; }
    public string? Url { get; set; }
    public string? ProcessNumber { get; set; }
    /// <summary>The name the file had on the sender's computer, shown and offered on download.</summary>
    public string? FileName { get; set; }
    public string? FileKey { get; set; }
    public string? ContentType { get; set; }
    public long? FileSize { get; set; }
    public string? FileSha256 { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public int? AddedById { get; set; }

    /// <summary>The columns every kind of evidence shares.</summary>
    internal static void ConfigureColumns<T>(EntityTypeBuilder<T> builder) where T : EvidenceRecord
    {
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.ProcessNumber).HasMaxLength(30);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.FileKey).HasMaxLength(200);
        builder.Property(e => e.ContentType).HasMaxLength(120);
        builder.Property(e => e.FileSha256).HasMaxLength(64);
    }
}

/// <summary>Evidence that an action was carried out.</summary>
public sealed class ActionEvidence : EvidenceRecord
{
    public int ActionId { get; set; }
    public ProcessNumberKind? ProcessNumberKind { get; set; }
    public AppUser? AddedBy { get; set; }
}

/// <summary>A dated value of an action's quantitative goal; the latest one gives the action's progress.</summary>
public sealed class ActionMeasurement : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int ActionId { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int? RecordedById { get; set; }
    public AppUser? RecordedBy { get; set; }
}

internal sealed class ActionParticipantConfiguration : IEntityTypeConfiguration<ActionParticipant>
{
    public void Configure(EntityTypeBuilder<ActionParticipant> builder)
    {
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ActionId, p.UserId }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.UserId });
    }
}

internal sealed class ActionEvidenceConfiguration : IEntityTypeConfiguration<ActionEvidence>
{
    public void Configure(EntityTypeBuilder<ActionEvidence> builder)
    {
        EvidenceRecord.ConfigureColumns(builder);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.AddedBy).WithMany().HasForeignKey(e => e.AddedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.OrganizationId, e.ActionId });
    }
}

internal sealed class ActionMeasurementConfiguration : IEntityTypeConfiguration<ActionMeasurement>
{
    public void Configure(EntityTypeBuilder<ActionMeasurement> builder)
    {
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Note).HasMaxLength(1000);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(m => m.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.RecordedBy).WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.OrganizationId, m.ActionId, m.MeasuredOn });
    }
}
