using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Formulation;

/// <summary>Step 7 of the formulation (SPEC §3.1): the act that publishes the plan and what comes with it.</summary>
public sealed class PlanPublication : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int PlanId { get; set; }
    /// <summary>e.g. "Resolução SEPLAG".</summary>
    public string? ActName { get; set; }
    public string? ActNumber { get; set; }
    public DateOnly? ActDate { get; set; }
    public string? ActLink { get; set; }
    /// <summary>File-store key of the final signed PDF (at most 10 MB).</summary>
    public string? FinalPdfKey { get; set; }
    public string? FinalPdfName { get; set; }
    public bool HadLaunchEvent { get; set; }
    /// <summary>The launch event's date when there was (or will be) one; otherwise <see cref="LaunchEventJustification"/>.</summary>
    public DateOnly? LaunchEventDate { get; set; }
    public string? LaunchEventJustification { get; set; }
    public bool HasPublicWebPage { get; set; }
    /// <summary>Where the public can read the plan when it has a web page; otherwise <see cref="WebPageJustification"/>.</summary>
    public string? WebPageUrl { get; set; }
    public string? WebPageJustification { get; set; }
    /// <summary>File-store key of the consolidated action plan (the plan's actions as one file, PDF or spreadsheet).</summary>
    public string? ActionPlanKey { get; set; }
    public string? ActionPlanName { get; set; }
    public string? CommunicationPlanKey { get; set; }
    public string? CommunicationPlanName { get; set; }
    public string? TrainingPlanKey { get; set; }
    public string? TrainingPlanName { get; set; }
    /// <summary>The two acknowledgements: by the body's head and by internal control.</summary>
    public DateTimeOffset? HeadAcknowledgedAt { get; set; }
    public string? HeadAcknowledgedBy { get; set; }
    public DateTimeOffset? InternalControlAcknowledgedAt { get; set; }
    public string? InternalControlAcknowledgedBy { get; set; }
}

internal sealed class PlanPublicationConfiguration : IEntityTypeConfiguration<PlanPublication>
{
    public void Configure(EntityTypeBuilder<PlanPublication> builder)
    {
        builder.ToTable("PlanPublications");
        builder.HasIndex(p => p.PlanId).IsUnique();
        builder.HasOne<IntegrityPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.ActName).HasMaxLength(200);
        builder.Property(p => p.ActNumber).HasMaxLength(60);
        builder.Property(p => p.ActLink).HasMaxLength(1000);
        builder.Property(p => p.FinalPdfKey).HasMaxLength(200);
        builder.Property(p => p.FinalPdfName).HasMaxLength(260);
        builder.Property(p => p.LaunchEventJustification).HasMaxLength(1000);
        builder.Property(p => p.WebPageUrl).HasMaxLength(1000);
        builder.Property(p => p.WebPageJustification).HasMaxLength(1000);
        builder.Property(p => p.ActionPlanKey).HasMaxLength(200);
        builder.Property(p => p.ActionPlanName).HasMaxLength(260);
        builder.Property(p => p.CommunicationPlanKey).HasMaxLength(200);
        builder.Property(p => p.CommunicationPlanName).HasMaxLength(260);
        builder.Property(p => p.TrainingPlanKey).HasMaxLength(200);
        builder.Property(p => p.TrainingPlanName).HasMaxLength(260);
        builder.Property(p => p.HeadAcknowledgedBy).HasMaxLength(200);
        builder.Property(p => p.InternalControlAcknowledgedBy).HasMaxLength(200);
    }
}

/// <summary>An administrative unit that supports an action (the executing unit is on the action itself).</summary>
public sealed class ActionSupportUnit : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int ActionId { get; set; }
    public int UnitId { get; set; }
    public Organizations.AdministrativeUnit? Unit { get; set; }
}

internal sealed class ActionSupportUnitConfiguration : IEntityTypeConfiguration<ActionSupportUnit>
{
    public void Configure(EntityTypeBuilder<ActionSupportUnit> builder)
    {
        builder.HasIndex(s => new { s.ActionId, s.UnitId }).IsUnique();
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
