using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Data;

/// <summary>
/// The single DbContext of SisPMPI, on SQLite or PostgreSQL (<c>Database:Provider</c>).
/// </summary>
/// <remarks>
/// EF's design-time package is not available here, so the schema is versioned by hand as SQL scripts per
/// provider under <c>Data/Migrations/{Sqlite,Postgres}/NNNN_name.sql</c> and applied at start-up by
/// <see cref="SchemaMigrator"/>. To write the next one, print what EF would create for the current model with
/// <c>dotnet run --project src/Sispmpi.Web -- schema-script --provider sqlite|postgres</c>, copy the new parts
/// into a new pair of scripts, and run the schema test, which compares the migrated database with the model.
/// </remarks>
public sealed class SispmpiDbContext(DbContextOptions<SispmpiDbContext> options, TenantContext tenant)
    : IdentityUserContext<AppUser, int>(options)
{
    public TenantContext Tenant { get; } = tenant;

    /// <summary>Justification recorded with every history entry of the next save (SPEC §8), then cleared.</summary>
    public string? PendingJustification { get; set; }

    internal AuditBatch? PendingAudit { get; set; }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationYearFigures> OrganizationYearFigures => Set<OrganizationYearFigures>();
    public DbSet<Features.Oversight.NetworkYearFigures> NetworkYearFigures => Set<Features.Oversight.NetworkYearFigures>();
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();
    public DbSet<ProfileGrant> ProfileGrants => Set<ProfileGrant>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<IntegrityPlan> Plans => Set<IntegrityPlan>();
    public DbSet<PlanAxis> PlanAxes => Set<PlanAxis>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Features.Catalogs.CatalogItem> CatalogItems => Set<Features.Catalogs.CatalogItem>();
    public DbSet<Features.Formulation.IntegrityCommission> Commissions => Set<Features.Formulation.IntegrityCommission>();
    public DbSet<Features.Formulation.CommissionMember> CommissionMembers => Set<Features.Formulation.CommissionMember>();
    public DbSet<Features.Formulation.Diagnosis> Diagnoses => Set<Features.Formulation.Diagnosis>();
    public DbSet<Features.Formulation.IntegrityProgramme> Programmes => Set<Features.Formulation.IntegrityProgramme>();
    public DbSet<Features.Formulation.CommissionAct> CommissionActs => Set<Features.Formulation.CommissionAct>();
    public DbSet<Features.Adoption.AgreementSignature> AgreementSignatures => Set<Features.Adoption.AgreementSignature>();
    public DbSet<Features.Documents.SignedDocument> SignedDocuments => Set<Features.Documents.SignedDocument>();
    public DbSet<Features.Documents.DocumentSignature> DocumentSignatures => Set<Features.Documents.DocumentSignature>();
    public DbSet<Features.Formulation.IntegrityRisk> Risks => Set<Features.Formulation.IntegrityRisk>();
    public DbSet<Features.Formulation.RiskTreatment> RiskTreatments => Set<Features.Formulation.RiskTreatment>();
    public DbSet<Features.Formulation.PlanPublication> PlanPublications => Set<Features.Formulation.PlanPublication>();
    public DbSet<Features.Formulation.ActionSupportUnit> ActionSupportUnits => Set<Features.Formulation.ActionSupportUnit>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Features.Execution.ActionParticipant> ActionParticipants => Set<Features.Execution.ActionParticipant>();
    public DbSet<Features.Users.Servants.Servant> Servants => Set<Features.Users.Servants.Servant>();
    public DbSet<Features.Users.Servants.ActionServant> ActionServants => Set<Features.Users.Servants.ActionServant>();
    public DbSet<Features.Execution.ActionEvidence> ActionEvidence => Set<Features.Execution.ActionEvidence>();
    public DbSet<Features.Execution.ActionMeasurement> ActionMeasurements => Set<Features.Execution.ActionMeasurement>();
    public DbSet<Features.Monitoring.RiskAssessment> RiskAssessments => Set<Features.Monitoring.RiskAssessment>();
    public DbSet<Features.Monitoring.Recommendation> Recommendations => Set<Features.Monitoring.Recommendation>();
    public DbSet<Features.Monitoring.CommitteeMeeting> Meetings => Set<Features.Monitoring.CommitteeMeeting>();
    public DbSet<Features.Monitoring.MeetingParticipant> MeetingParticipants => Set<Features.Monitoring.MeetingParticipant>();
    public DbSet<Features.Monitoring.UpdateRequest> UpdateRequests => Set<Features.Monitoring.UpdateRequest>();
    public DbSet<Features.Evaluation.IntegrityActivity> IntegrityActivities => Set<Features.Evaluation.IntegrityActivity>();
    public DbSet<Features.Evaluation.MaturityModelVersion> MaturityModels => Set<Features.Evaluation.MaturityModelVersion>();
    public DbSet<Features.Evaluation.MaturityCycle> MaturityCycles => Set<Features.Evaluation.MaturityCycle>();
    public DbSet<Features.Evaluation.MaturityAnswer> MaturityAnswers => Set<Features.Evaluation.MaturityAnswer>();
    public DbSet<Features.Evaluation.MaturityEvidence> MaturityEvidence => Set<Features.Evaluation.MaturityEvidence>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Notifications.NotificationPreference> NotificationPreferences => Set<Features.Notifications.NotificationPreference>();
    public DbSet<Features.Notifications.ReminderLog> ReminderLogs => Set<Features.Notifications.ReminderLog>();
    public DbSet<Infrastructure.Jobs.JobRun> JobRuns => Set<Infrastructure.Jobs.JobRun>();
    public DbSet<Features.Api.ApiToken> ApiTokens => Set<Features.Api.ApiToken>();
    public DbSet<Features.Adoption.AdhesionRequest> AdhesionRequests => Set<Features.Adoption.AdhesionRequest>();
    public DbSet<Features.Adoption.AdhesionStepRecord> AdhesionSteps => Set<Features.Adoption.AdhesionStepRecord>();
    public DbSet<Features.Adoption.CooperationAgreement> Agreements => Set<Features.Adoption.CooperationAgreement>();
    public DbSet<Features.Adoption.AgreementParticipant> AgreementParticipants => Set<Features.Adoption.AgreementParticipant>();
    public DbSet<Features.Adoption.WorkPlanAxis> WorkPlanAxes => Set<Features.Adoption.WorkPlanAxis>();
    public DbSet<Features.Adoption.WorkPlanGoal> WorkPlanGoals => Set<Features.Adoption.WorkPlanGoal>();
    public DbSet<Features.Adoption.WorkPlanGoalParticipant> WorkPlanGoalParticipants => Set<Features.Adoption.WorkPlanGoalParticipant>();
    public DbSet<Features.Adoption.WorkPlanGoalRecord> WorkPlanGoalRecords => Set<Features.Adoption.WorkPlanGoalRecord>();
    public DbSet<Features.Adoption.AdhesionAgreement> AdhesionAgreements => Set<Features.Adoption.AdhesionAgreement>();
    public DbSet<Features.Adoption.AdhesionAgreementGoal> AdhesionAgreementGoals => Set<Features.Adoption.AdhesionAgreementGoal>();
    public DbSet<Features.Adoption.AgreementReminder> AgreementReminders => Set<Features.Adoption.AgreementReminder>();
    public DbSet<Infrastructure.RateLimiting.RateLimitCounter> RateLimitCounters => Set<Infrastructure.RateLimiting.RateLimitCounter>();
    public DbSet<Features.LegacyImport.LegacyImportLink> LegacyImportLinks => Set<Features.LegacyImport.LegacyImportLink>();

    // Read by the query filters at query time; EF turns these into parameters.
    private bool BypassTenantFilter => Tenant.IsSystem;
    private int[] VisibleOrganizationIds => Tenant.VisibleOrganizationIds;
    private int CurrentUserId => Tenant.UserId ?? 0;

    public async Task<int> SaveChangesAsync(string justification, CancellationToken cancellationToken = default)
    {
        PendingJustification = justification;
        return await SaveChangesAsync(cancellationToken);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<PlanAction>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.RefreshStatus();
            }
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Every write goes through the asynchronous path, where the history is written.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: the history interceptor is asynchronous.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SispmpiDbContext).Assembly);
        builder.HasDbFunction(typeof(SearchText).GetMethod(nameof(SearchText.Fold))!).HasName(SearchText.SqlFunction);

        builder.Entity<Organization>().HasQueryFilter(o => BypassTenantFilter || VisibleOrganizationIds.Contains(o.Id));
        // A token belongs to its user, across organizations: only he sees it (the API's own look-up runs unfiltered).
        builder.Entity<Features.Api.ApiToken>().HasQueryFilter(t => BypassTenantFilter || t.UserId == CurrentUserId);
        builder.Entity<AuditEntry>().HasQueryFilter(e =>
            BypassTenantFilter || (e.OrganizationId != null && VisibleOrganizationIds.Contains(e.OrganizationId.Value)));
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(IOrganizationScoped).IsAssignableFrom(entityType.ClrType))
            {
                typeof(SispmpiDbContext).GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(entityType.ClrType)
                    .Invoke(this, [builder]);
            }
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, IOrganizationScoped =>
        builder.Entity<T>().HasQueryFilter(e => BypassTenantFilter || VisibleOrganizationIds.Contains(e.OrganizationId));
}
