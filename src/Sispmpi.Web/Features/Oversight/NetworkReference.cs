using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Oversight;

/// <summary>
/// "Informações do Estado": the network's own budget and headcount for a year, as the central administrator enters
/// them (the whole state's, not the sum of what each organization reported). <see cref="OrganizationId"/> is the central
/// organization whose network the figures describe.
/// </summary>
public sealed class NetworkYearFigures : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int Year { get; set; }
    public decimal Budget { get; set; }
    public int Headcount { get; set; }
}

internal sealed class NetworkYearFiguresConfiguration : IEntityTypeConfiguration<NetworkYearFigures>
{
    public void Configure(EntityTypeBuilder<NetworkYearFigures> builder)
    {
        builder.Property(f => f.Budget).HasPrecision(18, 2);
        builder.HasIndex(f => new { f.OrganizationId, f.Year }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The denominator of the panel's coverage percentages.</summary>
public static class NetworkReference
{
    /// <summary>
    /// The reference figures of the central organization's network: those of the current year, else of the latest
    /// earlier year entered; null when none was entered (the panel then divides by the organizations' own sum).
    /// </summary>
    public static Task<NetworkYearFigures?> CurrentAsync(SispmpiDbContext db, int? centralOrganizationId, int year,
        CancellationToken cancellationToken = default) =>
        centralOrganizationId is not int id
            ? Task.FromResult<NetworkYearFigures?>(null)
            : db.Set<NetworkYearFigures>().AsNoTracking().Where(f => f.OrganizationId == id && f.Year <= year)
                .OrderByDescending(f => f.Year).FirstOrDefaultAsync(cancellationToken);
}
