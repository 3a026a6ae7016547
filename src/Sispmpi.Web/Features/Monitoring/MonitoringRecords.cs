using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Monitoring;

// Stored as integers: never renumber.

/// <summary>The monitoring committee's judgement of how likely an action is not to be implemented (SPEC §3.3).</summary>
public enum NonImplementationRisk
{
    Low = 1,
    Medium = 2,
    High = 3,
    Extreme = 4,
}

/// <summary>One assessment of an action's risk of non-implementation; the latest one is the action's current risk.</summary>
public sealed class RiskAssessment : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int ActionId { get; set; }
    public NonImplementationRisk Level { get; set; }
    public required string Rationale { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public int? AssessedById { get; set; }
    public AppUser? AssessedBy { get; set; }
}

public enum RecommendationSource
{
    /// <summary>The monitoring committee, to the executors of one action.</summary>
    MonitoringCommittee = 1,
    /// <summary>Internal control: per action (evaluation) or general, to the commission.</summary>
    InternalControl = 2,
}

/// <summary>
/// A recommendation and its single answer. Once answered, the answer never changes: <see cref="AnsweredAt"/> is a
/// concurrency token, so of two answers sent at once only the first is saved.
/// </summary>
public sealed class Recommendation : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int PlanId { get; set; }
    public IntegrityPlan? Plan { get; set; }
    /// <summary>Null for a general recommendation about the plan.</summary>
    public int? ActionId { get; set; }
    public PlanAction? Action { get; set; }
    public RecommendationSource Source { get; set; }
    public required string Text { get; set; }
    /// <summary>When the recommendation should be acted on, if the author set a deadline.</summary>
    public DateOnly? Deadline { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public AppUser? CreatedBy { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public int? AnsweredById { get; set; }
    public AppUser? AnsweredBy { get; set; }

    public bool IsAnswered => AnsweredAt is not null;
}

/// <summary>A meeting of the monitoring committee, with its minutes (Markdown, rendered without raw HTML).</summary>
public sealed class CommitteeMeeting : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int? PlanId { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public List<MeetingParticipant> Participants { get; set; } = [];
}

/// <summary>Someone present at a meeting: a user of the system or anyone else, by name.</summary>
public sealed class MeetingParticipant : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int MeetingId { get; set; }
    public int? UserId { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
}

public enum UpdateKind
{
    /// <summary>A revision of the current edition (versão).</summary>
    NewVersion = 1,
    /// <summary>A new cycle of the plan (edição).</summary>
    NewEdition = 2,
}

public enum UpdateRequestStatus
{
    Pending = 1,
    Authorized = 2,
    Denied = 3,
}

/// <summary>The monitoring committee asks internal control for a new version or edition of a published plan.</summary>
public sealed class UpdateRequest : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int PlanId { get; set; }
    public IntegrityPlan? Plan { get; set; }
    public UpdateKind Kind { get; set; }
    public required string Justification { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public int? RequestedById { get; set; }
    public AppUser? RequestedBy { get; set; }
    public UpdateRequestStatus Status { get; set; } = UpdateRequestStatus.Pending;
    public string? Decision { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int? DecidedById { get; set; }
    /// <summary>The plan in elaboration that an authorization opened.</summary>
    public int? ResultingPlanId { get; set; }
}

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.Property(r => r.Rationale).HasMaxLength(2000);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.AssessedBy).WithMany().HasForeignKey(r => r.AssessedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.OrganizationId, r.ActionId });
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.Answer).HasMaxLength(4000);
        builder.Property(r => r.AnsweredAt).IsConcurrencyToken();
        builder.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Action).WithMany().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.CreatedBy).WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.AnsweredBy).WithMany().HasForeignKey(r => r.AnsweredById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.OrganizationId, r.PlanId });
        builder.HasIndex(r => r.ActionId);
        builder.Ignore(r => r.IsAnswered);
    }
}

internal sealed class CommitteeMeetingConfiguration : IEntityTypeConfiguration<CommitteeMeeting>
{
    public void Configure(EntityTypeBuilder<CommitteeMeeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.Agenda).HasMaxLength(4000);
        builder.Property(m => m.Minutes).HasMaxLength(100_000);
        builder.HasOne<IntegrityPlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OrganizationId, m.Date });
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Role).HasMaxLength(200);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.OrganizationId);
    }
}

internal sealed class UpdateRequestConfiguration : IEntityTypeConfiguration<UpdateRequest>
{
    public void Configure(EntityTypeBuilder<UpdateRequest> builder)
    {
        builder.Property(r => r.Justification).HasMaxLength(4000);
        builder.Property(r => r.Decision).HasMaxLength(4000);
        builder.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RequestedBy).WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<IntegrityPlan>().WithMany().HasForeignKey(r => r.ResultingPlanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.OrganizationId, r.Status });
        builder.HasIndex(r => r.PlanId);
    }
}
