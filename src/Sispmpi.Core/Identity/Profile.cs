namespace Sispmpi.Core.Identity;

/// <summary>
/// A user's role in one organization. Profiles are granted per organization, so the same person can be
/// Executor in one body and Observer in another. Values are stored in the database: never renumber.
/// </summary>
public enum Profile
{
    CentralAdministrator = 1,
    TechnicalSupport = 2,
    InternalControl = 3,
    SeniorManagement = 4,
    IntegrityCommission = 5,
    MonitoringCommittee = 6,
    Executor = 7,
    Observer = 8,
}
