using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Formulation;

/// <summary>
/// One entry of the integrity risk register (SPEC §3.1, 2e): rated 1–5 for probability and impact before
/// (inherent) and after (residual) the existing controls, and treated by plan actions.
/// </summary>
public sealed class IntegrityRisk : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int PlanId { get; set; }
    /// <summary>Name from the risk-category catalog (copied, so later catalog edits do not rewrite it).</summary>
    public required string Category { get; set; }
    public required string Title { get; set; }
    public string? Cause { get; set; }
    public string? Consequence { get; set; }
    public int Probability { get; set; }
    public int Impact { get; set; }
    public string? ExistingControls { get; set; }
    public int ResidualProbability { get; set; }
    public int ResidualImpact { get; set; }
    public List<RiskTreatment> Treatments { get; set; } = [];
}

/// <summary>A plan action that treats a risk.</summary>
public sealed class RiskTreatment : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int RiskId { get; set; }
    public int ActionId { get; set; }
    public PlanAction? Action { get; set; }
}

internal sealed class IntegrityRiskConfiguration : IEntityTypeConfiguration<IntegrityRisk>
{
    public void Configure(EntityTypeBuilder<IntegrityRisk> builder)
    {
        builder.Property(r => r.Category).HasMaxLength(200);
        builder.Property(r => r.Title).HasMaxLength(500);
        builder.HasIndex(r => r.PlanId);
        builder.HasOne<IntegrityPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Treatments).WithOne().HasForeignKey(t => t.RiskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskTreatmentConfiguration : IEntityTypeConfiguration<RiskTreatment>
{
    public void Configure(EntityTypeBuilder<RiskTreatment> builder)
    {
        builder.HasIndex(t => new { t.RiskId, t.ActionId }).IsUnique();
        builder.HasOne(t => t.Action).WithMany().HasForeignKey(t => t.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
