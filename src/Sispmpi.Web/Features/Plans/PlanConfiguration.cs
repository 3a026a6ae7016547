using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sispmpi.Web.Features.Plans;

internal sealed class IntegrityPlanConfiguration : IEntityTypeConfiguration<IntegrityPlan>
{
    public void Configure(EntityTypeBuilder<IntegrityPlan> builder)
    {
        // The panel summary's triggers (migration 0015); EF then leaves RETURNING out on SQLite.
        builder.ToTable(t => t.HasTrigger("TR_Plans_Summary"));
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Edition).HasMaxLength(40);
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IntegrityPlan>().WithMany().HasForeignKey(p => p.OriginPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Formulation.IntegrityProgramme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Axes).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Actions).WithOne(a => a.Plan).HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.OrganizationId, p.Status });
        builder.Ignore(p => p.IsReadOnly);
        builder.Property(p => p.ValidationRemarks).HasMaxLength(4000);
    }
}

internal sealed class PlanAxisConfiguration : IEntityTypeConfiguration<PlanAxis>
{
    public void Configure(EntityTypeBuilder<PlanAxis> builder)
    {
        builder.ToTable(t => t.HasTrigger("TR_PlanAxes_Summary"));
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Number).HasMaxLength(20);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.OrganizationId);
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable(t => t.HasTrigger("TR_PlanActions_Summary"));
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.Property(a => a.Number).HasMaxLength(20);
        builder.Property(a => a.ActionType).HasMaxLength(500);
        builder.Property(a => a.PlannedBudget).HasPrecision(18, 2);
        builder.Property(a => a.BudgetSpent).HasPrecision(18, 2);
        builder.Property(a => a.Weight).HasPrecision(9, 4);
        builder.Property(a => a.GoalIndicator).HasMaxLength(300);
        builder.Property(a => a.GoalUnit).HasMaxLength(60);
        builder.Property(a => a.GoalBaseline).HasPrecision(18, 4);
        builder.Property(a => a.GoalTarget).HasPrecision(18, 4);
        builder.Property(a => a.DiscontinuationJustification).HasMaxLength(2000);
        builder.Property(a => a.ExecutionNotes).HasMaxLength(4000);
        builder.Property(a => a.OtherLimitingFactors).HasMaxLength(1000);
        builder.Property(a => a.CurrentValue).HasPrecision(18, 4);
        builder.Property(a => a.Progress).HasPrecision(9, 6);
        builder.HasOne(a => a.ResponsibleUser).WithMany().HasForeignKey(a => a.ResponsibleUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.OrganizationId, a.ResponsibleUserId });
        builder.HasOne(a => a.ResponsibleServant).WithMany().HasForeignKey(a => a.ResponsibleServantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.ResponsibleServantId);
        builder.Property(a => a.LastUpdateOn);
        builder.HasOne(a => a.Axis).WithMany().HasForeignKey(a => a.AxisId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.ExecutingUnit).WithMany().HasForeignKey(a => a.ExecutingUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(a => a.OriginActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OrganizationId, a.Status });
        builder.HasIndex(a => a.PlanId);
        // Every column the network panel's main query reads (NetworkPanel): it counts each plan's actions from this
        // index alone (an index-only scan on PostgreSQL) instead of reading the wide action rows.
        builder.HasIndex(a => new { a.PlanId, a.Status, a.Classification, a.PlannedStart, a.PlannedEnd, a.ConcludedOn })
            .HasDatabaseName("IX_PlanActions_Panel");
    }
}
