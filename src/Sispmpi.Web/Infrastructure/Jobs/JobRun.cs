using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sispmpi.Web.Infrastructure.Jobs;

// Stored as integers: never renumber.
public enum JobRunStatus
{
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>
/// One run of a scheduled job for one slot (the day it was due). The unique (Job, Slot) pair is the lease: of
/// several instances sharing the database, the one whose insert succeeds runs the slot; the others skip it.
/// </summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public required string Job { get; set; }
    public DateOnly Slot { get; set; }
    public required string Instance { get; set; }
    public JobRunStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>UTC; a Running row past this time is taken as abandoned by a dead instance and may be taken over.</summary>
    public DateTime LeaseUntil { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Attempt { get; set; } = 1;
    /// <summary>What the run did, in Portuguese (e.g. "12 lembretes enfileirados"), or the error.</summary>
    public string? Result { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.Property(r => r.Job).HasMaxLength(60);
        builder.Property(r => r.Instance).HasMaxLength(120);
        builder.Property(r => r.Result).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Job, r.Slot }).IsUnique();
    }
}
