using Sispmpi.Core.Organizations;

namespace Sispmpi.Web.Features.Organizations;

public sealed class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Acronym { get; set; }
    /// <summary>14 characters, unmasked, uppercase (alphanumeric CNPJs since July 2026).</summary>
    public required string Cnpj { get; set; }
    public OrganizationKind Kind { get; set; }
    public Sphere Sphere { get; set; }
    public Branch Branch { get; set; }
    /// <summary>IBGE municipality code, 7 digits.</summary>
    public string? MunicipalityCode { get; set; }
    public string? MunicipalityName { get; set; }
    public string? StateCode { get; set; }
    public int? ParentId { get; set; }
    public Organization? Parent { get; set; }
    /// <summary>An oversight body (a state CGE, a municipal controladoria) sees every organization below it.</summary>
    public bool IsOversight { get; set; }
    public bool IsActive { get; set; } = true;
    public List<AdministrativeUnit> Units { get; set; } = [];
    public List<OrganizationYearFigures> YearFigures { get; set; } = [];
}

/// <summary>Budget and headcount of one year, used for the network's coverage indicators.</summary>
public sealed class OrganizationYearFigures : Infrastructure.Tenancy.IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int Year { get; set; }
    public decimal Budget { get; set; }
    public int Headcount { get; set; }
}

public sealed class AdministrativeUnit : Infrastructure.Tenancy.IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public int? ParentId { get; set; }
    public AdministrativeUnit? Parent { get; set; }
    public required string Name { get; set; }
    public string? Acronym { get; set; }
    public bool IsActive { get; set; } = true;
}
