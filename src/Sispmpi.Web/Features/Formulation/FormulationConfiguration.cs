using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Formulation;

internal sealed class IntegrityCommissionConfiguration : IEntityTypeConfiguration<IntegrityCommission>
{
    public void Configure(EntityTypeBuilder<IntegrityCommission> builder)
    {
        builder.Property(c => c.ActType).HasMaxLength(100);
        builder.Property(c => c.ActNumber).HasMaxLength(60);
        builder.Property(c => c.ActLink).HasMaxLength(1000);
        builder.HasIndex(c => c.PlanId).IsUnique();
        builder.HasOne<IntegrityPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CommissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Acts).WithOne().HasForeignKey(a => a.CommissionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.Deadline);
    }
}

internal sealed class CommissionMemberConfiguration : IEntityTypeConfiguration<CommissionMember>
{
    public void Configure(EntityTypeBuilder<CommissionMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(256);
        builder.Property(m => m.Registration).HasMaxLength(40);
        builder.Ignore(m => m.IsActive);
        builder.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.OrganizationId);
    }
}

internal sealed class DiagnosisConfiguration : IEntityTypeConfiguration<Diagnosis>
{
    public void Configure(EntityTypeBuilder<Diagnosis> builder)
    {
        builder.ToTable("Diagnoses");
        builder.HasIndex(d => d.PlanId).IsUnique();
        builder.HasOne<IntegrityPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.AcknowledgedByName).HasMaxLength(200);
        builder.Property(d => d.MonitoringPeriodicity).HasMaxLength(200);
        builder.Property(d => d.EvaluationPeriodicity).HasMaxLength(200);
        builder.Property(d => d.UpdatePeriodicity).HasMaxLength(200);
    }
}
