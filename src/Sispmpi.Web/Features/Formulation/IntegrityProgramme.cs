using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Formulation;

/// <summary>
/// The integrity programme of a body (SPEC §3): the lasting structure its plans are cycles of — the commission with its
/// acts over time, the diagnosis with its acknowledgement and the thematic axes chosen. One per organization.
/// <para>Its state is kept with each plan (the plan's <see cref="IntegrityCommission"/> and <see cref="Diagnosis"/>):
/// a new plan, version or edition starts from the state of the newest plan (<see cref="Lifecycle.PlanCarryOver"/>),
/// and what the commission changes during the new formulation is the new plan's state, so the earlier plan and its
/// documents keep theirs, and the history records each change.</para>
/// </summary>
public sealed class IntegrityProgramme : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

// Stored as integers: never renumber. The instituting act is the commission's own (step 1).
public enum CommissionActKind
{
    /// <summary>Prorrogação de prazo: the working period is extended by <see cref="CommissionAct.ExtensionDays"/>.</summary>
    DeadlineExtension = 2,
    /// <summary>Alteração na composição: members come in or leave.</summary>
    MembershipChange = 3,
}

/// <summary>An act of the commission after the one instituting it, as published: type, number, date and link.</summary>
public sealed class CommissionAct : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int CommissionId { get; set; }
    public CommissionActKind Kind { get; set; }
    /// <summary>e.g. "Portaria", "Resolução".</summary>
    public required string ActType { get; set; }
    public required string ActNumber { get; set; }
    public DateOnly ActDate { get; set; }
    public string? ActLink { get; set; }
    /// <summary>Days added to the working period, for a deadline extension.</summary>
    public int? ExtensionDays { get; set; }
    public string? Notes { get; set; }
}

internal sealed class IntegrityProgrammeConfiguration : IEntityTypeConfiguration<IntegrityProgramme>
{
    public void Configure(EntityTypeBuilder<IntegrityProgramme> builder)
    {
        builder.ToTable("IntegrityProgrammes");
        builder.HasIndex(p => p.OrganizationId).IsUnique();
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommissionActConfiguration : IEntityTypeConfiguration<CommissionAct>
{
    public void Configure(EntityTypeBuilder<CommissionAct> builder)
    {
        builder.ToTable("CommissionActs");
        builder.Property(a => a.ActType).HasMaxLength(100);
        builder.Property(a => a.ActNumber).HasMaxLength(60);
        builder.Property(a => a.ActLink).HasMaxLength(1000);
        builder.Property(a => a.Notes).HasMaxLength(1000);
        builder.HasIndex(a => a.CommissionId);
    }
}
