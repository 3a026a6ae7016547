using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Evaluation;

/// <summary>An integrity-promotion activity of internal control (SPEC §3.4): what, when, how many hours.</summary>
public sealed class IntegrityActivity : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public decimal Hours { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int? RecordedById { get; set; }
}

/// <summary>
/// A version of a maturity model, kept as its JSON: the central administrator edits the model by saving a new
/// version; each assessment cycle keeps the version it was answered with, so old cycles never change meaning.
/// </summary>
public sealed class MaturityModelVersion
{
    public int Id { get; set; }
    /// <summary>The model's id in the JSON, e.g. "integridade-publica".</summary>
    public required string ModelId { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    /// <summary>The version new cycles use.</summary>
    public bool IsCurrent { get; set; }
}

public enum MaturityCycleStatus
{
    InProgress = 1,
    Submitted = 2,
}

/// <summary>An organization's maturity self-assessment for one year; frozen once submitted.</summary>
public sealed class MaturityCycle : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int Year { get; set; }
    public int ModelVersionId { get; set; }
    public MaturityModelVersion? ModelVersion { get; set; }
    public MaturityCycleStatus Status { get; set; } = MaturityCycleStatus.InProgress;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int? SubmittedById { get; set; }
    /// <summary>The overall score when submitted (1 to 5), for lists and comparisons.</summary>
    public decimal? OverallScore { get; set; }
    public List<MaturityAnswer> Answers { get; set; } = [];
}

/// <summary>The answer to one question of a cycle: a level, its justification and evidence.</summary>
public sealed class MaturityAnswer : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int CycleId { get; set; }
    public required string QuestionId { get; set; }
    public MaturityLevel? Level { get; set; }
    public string? Justification { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int? UpdatedById { get; set; }
}

/// <summary>Evidence of a maturity answer, under the same rules as the evidence of an action.</summary>
public sealed class MaturityEvidence : EvidenceRecord
{
    public int AnswerId { get; set; }
}

internal sealed class IntegrityActivityConfiguration : IEntityTypeConfiguration<IntegrityActivity>
{
    public void Configure(EntityTypeBuilder<IntegrityActivity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.Hours).HasPrecision(9, 2);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.OrganizationId, a.Date });
    }
}

internal sealed class MaturityModelVersionConfiguration : IEntityTypeConfiguration<MaturityModelVersion>
{
    public void Configure(EntityTypeBuilder<MaturityModelVersion> builder)
    {
        builder.Property(m => m.ModelId).HasMaxLength(100);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ModelId, m.Version }).IsUnique();
    }
}

internal sealed class MaturityCycleConfiguration : IEntityTypeConfiguration<MaturityCycle>
{
    public void Configure(EntityTypeBuilder<MaturityCycle> builder)
    {
        builder.Property(c => c.OverallScore).HasPrecision(5, 2);
        builder.HasOne(c => c.ModelVersion).WithMany().HasForeignKey(c => c.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.SubmittedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Answers).WithOne().HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OrganizationId, c.Year }).IsUnique();
    }
}

internal sealed class MaturityAnswerConfiguration : IEntityTypeConfiguration<MaturityAnswer>
{
    public void Configure(EntityTypeBuilder<MaturityAnswer> builder)
    {
        builder.Property(a => a.QuestionId).HasMaxLength(100);
        builder.Property(a => a.Justification).HasMaxLength(4000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.CycleId, a.QuestionId }).IsUnique();
        builder.HasIndex(a => a.OrganizationId);
    }
}

internal sealed class MaturityEvidenceConfiguration : IEntityTypeConfiguration<MaturityEvidence>
{
    public void Configure(EntityTypeBuilder<MaturityEvidence> builder)
    {
        EvidenceRecord.ConfigureColumns(builder);
        builder.HasOne<MaturityAnswer>().WithMany().HasForeignKey(e => e.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.AddedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.OrganizationId, e.AnswerId });
    }
}
