namespace Sispmpi.Core.Organizations;

// Stored as integers: never renumber.

public enum OrganizationKind
{
    DirectAdministration = 1,
    Autarchy = 2,
    Foundation = 3,
    PublicCompany = 4,
    MixedCapitalCompany = 5,
    CityHall = 6,
    CityCouncil = 7,
    Other = 99,
}

public enum Sphere
{
    Municipal = 1,
    State = 2,
    Federal = 3,
}

public enum Branch
{
    Executive = 1,
    Legislative = 2,
    Judiciary = 3,
    PublicProsecution = 4,
    CourtOfAccounts = 5,
}
