using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Formulation;

/// <summary>Step 1 of the formulation (SPEC §3.1): the working group that formulates the plan.</summary>
public sealed class IntegrityCommission : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int PlanId { get; set; }
    public bool IsFormallyInstituted { get; set; }
    /// <summary>e.g. "Resolução", "Portaria".</summary>
    public string? ActType { get; set; }
    public string? ActNumber { get; set; }
    public DateOnly? ActDate { get; set; }
    public string? ActLink { get; set; }
    public DateOnly? StartDate { get; set; }
    public int? PlannedDurationDays { get; set; }
    public List<CommissionMember> Members { get; set; } = [];
    /// <summary>The acts after the instituting one: deadline extensions and changes of membership.</summary>
    public List<CommissionAct> Acts { get; set; } = [];

    /// <summary>The end of the working period: start plus the planned duration plus every extension (of the loaded <see cref="Acts"/>).</summary>
    public DateOnly? Deadline => StartDate is { } start && PlannedDurationDays is { } days
        ? start.AddDays(days + Acts.Where(a => a.Kind == CommissionActKind.DeadlineExtension).Sum(a => a.ExtensionDays ?? 0))
        : null;
}

public sealed class CommissionMember : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int CommissionId { get; set; }
    public required string Name { get; set; }
    public int? UnitId { get; set; }
    public Organizations.AdministrativeUnit? Unit { get; set; }
    public string? Email { get; set; }
    public bool IsCoordinator { get; set; }
    /// <summary>MASP or other registration number (matrícula).</summary>
    public string? Registration { get; set; }
    /// <summary>When the member left the commission; null while active. A former member stays listed, inactive.</summary>
    public DateOnly? InactiveSince { get; set; }

    public bool IsActive => InactiveSince is null;
}

/// <summary>Step 2 of the formulation (SPEC §3.1): strategic information, instruments, results, acknowledgement.</summary>
public sealed class Diagnosis : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int PlanId { get; set; }

    // a. strategic information
    public string? Mission { get; set; }
    public string? Vision { get; set; }
    public string? Values { get; set; }
    public string? OrganizationalStructure { get; set; }
    public string? Competences { get; set; }
    public string? Duties { get; set; }

    // b. instruments: names from the catalog plus "outros"
    public List<string> Instruments { get; set; } = [];
    public string? OtherInstruments { get; set; }

    // c. results
    public string? MainFindings { get; set; }
    public string? DesiredFuture { get; set; }
    public string? ProgramObjectives { get; set; }
    public string? GovernanceStructure { get; set; }
    public string? MonitoringPeriodicity { get; set; }
    public string? EvaluationPeriodicity { get; set; }
    public string? UpdatePeriodicity { get; set; }
    public string? CommunicationAspects { get; set; }
    public string? TrainingAspects { get; set; }
    public List<string> ThematicAxes { get; set; } = [];
    public string? OtherThematicAxes { get; set; }

    // d. acknowledgement by the Alta administração
    public bool? Validated { get; set; }
    public string? AcknowledgementSuggestions { get; set; }
    public int? AcknowledgedById { get; set; }
    public string? AcknowledgedByName { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
