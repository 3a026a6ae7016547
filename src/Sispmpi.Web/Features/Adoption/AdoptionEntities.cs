using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Core.Adoption;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Adoption;

/// <summary>The six steps of the adhesion procedure (seed 000). Stored as integers: never renumber.</summary>
public enum AdhesionStep
{
    Request = 1,
    InternalProcessing = 2,
    Signature = 3,
    Publication = 4,
    Availability = 5,
    ImprovementReports = 6,
}

/// <summary>
/// A body's request to adopt SisPMPI (pedido de adesão), kept by the central body that manages the agreements
/// (<see cref="OrganizationId"/>) until the requesting body has its own space in the system.
/// </summary>
public sealed class AdhesionRequest : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string BodyName { get; set; }
    public required string BodyAcronym { get; set; }
    /// <summary>14 characters, unmasked.</summary>
    public required string Cnpj { get; set; }
    public Sphere Sphere { get; set; }
    public required string ContactName { get; set; }
    public required string ContactEmail { get; set; }
    public AdhesionStep CurrentStep { get; set; } = AdhesionStep.Request;
    /// <summary>The agreement's validity, known from the signature step; yearly reports are due within it.</summary>
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    /// <summary>The organization provisioned at the availability step.</summary>
    public int? ProvisionedOrganizationId { get; set; }
    public List<AdhesionStepRecord> Steps { get; set; } = [];
}

/// <summary>What happened at one step: date, who answered for it, the documents and notes; a yearly report is one record of step 6.</summary>
public sealed class AdhesionStepRecord : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int RequestId { get; set; }
    public AdhesionStep Step { get; set; }
    public DateOnly Date { get; set; }
    public required string ResponsiblePerson { get; set; }
    public string? Documents { get; set; }
    public string? Notes { get; set; }
    /// <summary>Publication step: the gazette reference (e.g. "DOE-MG, Caderno 1, p. 12") and its date.</summary>
    public string? GazetteReference { get; set; }
    public DateOnly? GazetteDate { get; set; }
}

/// <summary>A cooperation agreement (acordo de cooperação técnica), with its participants and work plan (SPEC §4).</summary>
public sealed class CooperationAgreement : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    /// <summary>"ACT nº 160/2025".</summary>
    public required string Number { get; set; }
    /// <summary>The canonical SEI process number (NUP or Sei!MG).</summary>
    public required string ProcessNumber { get; set; }
    public required string Object { get; set; }
    public string? Justification { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    public List<AgreementParticipant> Participants { get; set; } = [];
    public List<WorkPlanAxis> Axes { get; set; } = [];
    public List<WorkPlanGoal> Goals { get; set; } = [];
    public List<AdhesionAgreement> Adhesions { get; set; } = [];

    public ValidityPeriod Validity => new(ValidFrom, ValidUntil);
}

/// <summary>A party to the agreement (partícipe) and its signatory.</summary>
public sealed class AgreementParticipant : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int AgreementId { get; set; }
    public int Position { get; set; }
    public required string BodyName { get; set; }
    /// <summary>How the work plan names it in the "Responsável" column, e.g. "SEGES".</summary>
    public required string ShortName { get; set; }
    /// <summary>Other names the work plan may use, separated by ';' (e.g. "Governo do Estado de Minas Gerais / SCC").</summary>
    public string? OtherNames { get; set; }
    public required string Cnpj { get; set; }
    public Sphere Sphere { get; set; }
    public required string SignatoryName { get; set; }
    public required string SignatoryPosition { get; set; }
    /// <summary>"Matrícula SIAPE: 1458895", "MASP 1489235-0".</summary>
    public required string SignatoryRegistration { get; set; }
    /// <summary>Where the reminders of its obligations go.</summary>
    public required string ContactEmail { get; set; }
    /// <summary>The signatory's account, once linked: only it signs for the participant, or a central administrator on its behalf.</summary>
    public int? SignatoryUserId { get; set; }

    public IEnumerable<string> Names() =>
        new[] { ShortName }.Concat((OtherNames ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>An axis of the work plan ("1 — Melhoria da Gestão"); a group without number holds combined-axes goals.</summary>
public sealed class WorkPlanAxis : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int AgreementId { get; set; }
    public int Position { get; set; }
    public string? Number { get; set; }
    public required string Title { get; set; }
}

/// <summary>A goal or step of the work plan (meta/etapa) with its deadline rule and responsible participants.</summary>
public sealed class WorkPlanGoal : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int AgreementId { get; set; }
    public int AxisId { get; set; }
    public int Position { get; set; }
    /// <summary>"1.1", or the axes combined ("1 e 3").</summary>
    public required string Code { get; set; }
    public required string Description { get; set; }
    /// <summary>The deadline as the work plan writes it.</summary>
    public required string DeadlineText { get; set; }
    public DeadlineKind DeadlineKind { get; set; }
    public DateOnly? DeadlineDate { get; set; }
    public int? DeadlineDays { get; set; }
    public int? DeadlineDayOfMonth { get; set; }
    public decimal? DeadlineMinimumHours { get; set; }
    public List<WorkPlanGoalParticipant> Responsible { get; set; } = [];
    public List<WorkPlanGoalRecord> Records { get; set; } = [];

    public DeadlineRule Rule => DeadlineRule.FromStored(DeadlineKind, DeadlineDate, DeadlineDays, DeadlineDayOfMonth, DeadlineMinimumHours)
        ?? throw new InvalidOperationException($"Goal {Id} has an incomplete deadline rule.");

    public void SetRule(DeadlineRule rule, string text)
    {
        DeadlineText = text;
        DeadlineKind = rule.Kind;
        DeadlineDate = rule.Date;
        DeadlineDays = rule.Days;
        DeadlineDayOfMonth = rule.DayOfMonth;
        DeadlineMinimumHours = rule.MinimumHours;
    }
}

public sealed class WorkPlanGoalParticipant : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int GoalId { get; set; }
    public int ParticipantId { get; set; }
    public AgreementParticipant? Participant { get; set; }
}

/// <summary>What users record on a goal: an event that sets a due date, a completion, or hours done.</summary>
public sealed class WorkPlanGoalRecord : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int GoalId { get; set; }
    public GoalRecordKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public decimal? Hours { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int? RecordedById { get; set; }

    public GoalRecord ToRule() => new(Kind, Date, Hours ?? 0);
}

/// <summary>A third party joining the agreement (acordo de adesão), taking on a chosen subset of its goals.</summary>
public sealed class AdhesionAgreement : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int AgreementId { get; set; }
    public required string BodyName { get; set; }
    public required string Cnpj { get; set; }
    public DateOnly SignedOn { get; set; }
    public required string SignatoryName { get; set; }
    public List<AdhesionAgreementGoal> Goals { get; set; } = [];
}

public sealed class AdhesionAgreementGoal : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int AdhesionId { get; set; }
    public int GoalId { get; set; }
}

/// <summary>One reminder sent for a goal and due date; the unique index makes a second one impossible.</summary>
public sealed class AgreementReminder
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class AdhesionRequestConfiguration : IEntityTypeConfiguration<AdhesionRequest>
{
    public void Configure(EntityTypeBuilder<AdhesionRequest> builder)
    {
        builder.Property(r => r.BodyName).HasMaxLength(300);
        builder.Property(r => r.BodyAcronym).HasMaxLength(40);
        builder.Property(r => r.Cnpj).HasMaxLength(14);
        builder.Property(r => r.ContactName).HasMaxLength(200);
        builder.Property(r => r.ContactEmail).HasMaxLength(256);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.ProvisionedOrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.OrganizationId);
    }
}

internal sealed class AdhesionStepRecordConfiguration : IEntityTypeConfiguration<AdhesionStepRecord>
{
    public void Configure(EntityTypeBuilder<AdhesionStepRecord> builder)
    {
        builder.Property(s => s.ResponsiblePerson).HasMaxLength(200);
        builder.Property(s => s.Documents).HasMaxLength(2000);
        builder.Property(s => s.Notes).HasMaxLength(4000);
        builder.Property(s => s.GazetteReference).HasMaxLength(300);
        builder.HasIndex(s => s.OrganizationId);
    }
}

internal sealed class CooperationAgreementConfiguration : IEntityTypeConfiguration<CooperationAgreement>
{
    public void Configure(EntityTypeBuilder<CooperationAgreement> builder)
    {
        builder.Property(a => a.Number).HasMaxLength(60);
        builder.Property(a => a.ProcessNumber).HasMaxLength(30);
        builder.Property(a => a.Object).HasMaxLength(4000);
        builder.Property(a => a.Justification).HasMaxLength(20_000);
        builder.Ignore(a => a.Validity);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Axes).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Goals).WithOne().HasForeignKey(g => g.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Adhesions).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.OrganizationId, a.Number }).IsUnique();
    }
}

internal sealed class AgreementParticipantConfiguration : IEntityTypeConfiguration<AgreementParticipant>
{
    public void Configure(EntityTypeBuilder<AgreementParticipant> builder)
    {
        builder.Property(p => p.BodyName).HasMaxLength(300);
        builder.Property(p => p.ShortName).HasMaxLength(100);
        builder.Property(p => p.OtherNames).HasMaxLength(500);
        builder.Property(p => p.Cnpj).HasMaxLength(14);
        builder.Property(p => p.SignatoryName).HasMaxLength(200);
        builder.Property(p => p.SignatoryPosition).HasMaxLength(200);
        builder.Property(p => p.SignatoryRegistration).HasMaxLength(100);
        builder.Property(p => p.ContactEmail).HasMaxLength(256);
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(p => p.SignatoryUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>
/// Who signed the agreement for a participant: its linked signatory, or a central administrator on the participant's behalf
/// (recorded as such). One per participant.
/// </summary>
public sealed class AgreementSignature : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int AgreementId { get; set; }
    public int ParticipantId { get; set; }
    public int SignedById { get; set; }
    public required string SignedByName { get; set; }
    public bool OnBehalf { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}

internal sealed class AgreementSignatureConfiguration : IEntityTypeConfiguration<AgreementSignature>
{
    public void Configure(EntityTypeBuilder<AgreementSignature> builder)
    {
        builder.ToTable("AgreementSignatures");
        builder.Property(s => s.SignedByName).HasMaxLength(200);
        builder.HasIndex(s => s.ParticipantId).IsUnique();
        builder.HasIndex(s => s.AgreementId);
        builder.HasOne<AgreementParticipant>().WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkPlanAxisConfiguration : IEntityTypeConfiguration<WorkPlanAxis>
{
    public void Configure(EntityTypeBuilder<WorkPlanAxis> builder)
    {
        builder.Property(a => a.Number).HasMaxLength(10);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.HasIndex(a => a.OrganizationId);
    }
}

internal sealed class WorkPlanGoalConfiguration : IEntityTypeConfiguration<WorkPlanGoal>
{
    public void Configure(EntityTypeBuilder<WorkPlanGoal> builder)
    {
        builder.Property(g => g.Code).HasMaxLength(20);
        builder.Property(g => g.Description).HasMaxLength(2000);
        builder.Property(g => g.DeadlineText).HasMaxLength(300);
        builder.Property(g => g.DeadlineMinimumHours).HasPrecision(9, 2);
        builder.Ignore(g => g.Rule);
        builder.HasOne<WorkPlanAxis>().WithMany().HasForeignKey(g => g.AxisId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Responsible).WithOne().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Records).WithOne().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.OrganizationId);
    }
}

internal sealed class WorkPlanGoalParticipantConfiguration : IEntityTypeConfiguration<WorkPlanGoalParticipant>
{
    public void Configure(EntityTypeBuilder<WorkPlanGoalParticipant> builder)
    {
        builder.HasOne(r => r.Participant).WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.GoalId, r.ParticipantId }).IsUnique();
        builder.HasIndex(r => r.OrganizationId);
    }
}

internal sealed class WorkPlanGoalRecordConfiguration : IEntityTypeConfiguration<WorkPlanGoalRecord>
{
    public void Configure(EntityTypeBuilder<WorkPlanGoalRecord> builder)
    {
        builder.Property(r => r.Hours).HasPrecision(9, 2);
        builder.Property(r => r.Notes).HasMaxLength(2000);
        builder.HasIndex(r => r.OrganizationId);
    }
}

internal sealed class AdhesionAgreementConfiguration : IEntityTypeConfiguration<AdhesionAgreement>
{
    public void Configure(EntityTypeBuilder<AdhesionAgreement> builder)
    {
        builder.Property(a => a.BodyName).HasMaxLength(300);
        builder.Property(a => a.Cnpj).HasMaxLength(14);
        builder.Property(a => a.SignatoryName).HasMaxLength(200);
        builder.HasMany(a => a.Goals).WithOne().HasForeignKey(g => g.AdhesionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.OrganizationId);
    }
}

internal sealed class AdhesionAgreementGoalConfiguration : IEntityTypeConfiguration<AdhesionAgreementGoal>
{
    public void Configure(EntityTypeBuilder<AdhesionAgreementGoal> builder)
    {
        builder.HasOne<WorkPlanGoal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.AdhesionId, g.GoalId }).IsUnique();
        builder.HasIndex(g => g.OrganizationId);
    }
}

internal sealed class AgreementReminderConfiguration : IEntityTypeConfiguration<AgreementReminder>
{
    public void Configure(EntityTypeBuilder<AgreementReminder> builder)
    {
        builder.HasOne<WorkPlanGoal>().WithMany().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.GoalId, r.DueDate }).IsUnique();
    }
}
