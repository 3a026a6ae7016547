using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Organizations;

namespace Sispmpi.Web.Features.Organizations;

public sealed class Organization
{
    private string _name = null!;
    private string _acronym = null!;

    public int Id { get; set; }

    public required string Name
    {
        get => _name;
        set
        {
            _name = value;
            NameSortKey = OrganizationSortKey.Of(value);
        }
    }

    public required string Acronym
    {
        get => _acronym;
        set
        {
            _acronym = value;
            AcronymSortKey = OrganizationSortKey.Of(value);
        }
    }

    /// <summary>The name's pt-BR collation key (<see cref="OrganizationSortKey"/>), kept with the name so that lists sort in SQL.</summary>
    public byte[]? NameSortKey { get; set; }
    public byte[]? AcronymSortKey { get; set; }
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

/// <summary>
/// The pt-BR, case-insensitive order of names as bytes: ICU's sort key, compared byte by byte (as <see cref="SortKey.Compare"/>
/// does) the same way by PostgreSQL's bytea and SQLite's BLOB, so a list sorts in SQL exactly as in memory.
/// </summary>
public static class OrganizationSortKey
{
    private static readonly CompareInfo _ptBr = CultureInfo.GetCultureInfo("pt-BR").CompareInfo;

    public static byte[] Of(string? text) => _ptBr.GetSortKey(text ?? "", CompareOptions.IgnoreCase).KeyData;

    /// <summary>Computes the keys of organizations saved before migration 0023 (or written around EF); once, at start-up.</summary>
    public static async Task FillMissingAsync(Data.SispmpiDbContext db, CancellationToken cancellationToken = default)
    {
        // Checked in plain SQL first, so that a start with nothing to fill compiles no LINQ query before listening.
        if (!await Data.StartupChecks.HasRowsAsync(db, "Organizations", "\"NameSortKey\" IS NULL OR \"AcronymSortKey\" IS NULL", cancellationToken))
        {
            return;
        }
        var missing = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.NameSortKey == null || o.AcronymSortKey == null)
            .Select(o => new { o.Id, o.Name, o.Acronym }).ToListAsync(cancellationToken);
        foreach (var o in missing)
        {
            byte[] name = Of(o.Name), acronym = Of(o.Acronym);
            await db.Organizations.IgnoreQueryFilters().Where(x => x.Id == o.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.NameSortKey, name).SetProperty(x => x.AcronymSortKey, acronym), cancellationToken);
        }
    }
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
