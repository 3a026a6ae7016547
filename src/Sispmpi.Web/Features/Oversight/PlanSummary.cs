using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Oversight;

/// <summary>
/// What the network panel shows of one plan, written only by the database's triggers (migration 0015) in the
/// transaction of each change to the plan's axes and actions; the application reads it and refreshes <see cref="Late"/>.
/// </summary>
public sealed class PlanSummary
{
    public int PlanId { get; set; }
    /// <summary>Top-level axes.</summary>
    public int Axes { get; set; }
    public int Actions { get; set; }
    public int NotStarted { get; set; }
    public int InProgress { get; set; }
    public int Concluded { get; set; }
    public int Discontinued { get; set; }
    /// <summary>Actions late on <see cref="LateAsOf"/>: not started after their planned start, one-off in progress after their planned end.</summary>
    public int Late { get; set; }
    public DateOnly? LateAsOf { get; set; }
    /// <summary>The last day <see cref="Late"/> still holds by the calendar alone (null: for good, until an action changes).</summary>
    public DateOnly? LateUntil { get; set; }

    /// <summary>Whether <see cref="Late"/> is the count for <paramref name="today"/>.</summary>
    public bool LateHoldsOn(DateOnly today) => LateAsOf is { } asOf && asOf <= today && (LateUntil is not { } until || today <= until);
}

/// <summary>How many of a plan's actions were concluded in a month (<see cref="Month"/> = year × 100 + month), kept by the same triggers.</summary>
public sealed class PlanMonthConclusions
{
    public int PlanId { get; set; }
    public int Month { get; set; }
    public int Actions { get; set; }

    public static int Key(DateOnly day) => day.Year * 100 + day.Month;
}

internal sealed class PlanSummaryConfiguration : IEntityTypeConfiguration<PlanSummary>
{
    public void Configure(EntityTypeBuilder<PlanSummary> builder)
    {
        builder.ToTable("PlanSummaries");
        builder.HasKey(s => s.PlanId);
        builder.Property(s => s.PlanId).ValueGeneratedNever();
        builder.HasOne<IntegrityPlan>().WithOne().HasForeignKey<PlanSummary>(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanMonthConclusionsConfiguration : IEntityTypeConfiguration<PlanMonthConclusions>
{
    public void Configure(EntityTypeBuilder<PlanMonthConclusions> builder)
    {
        builder.HasKey(m => new { m.PlanId, m.Month });
        builder.HasOne<IntegrityPlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
