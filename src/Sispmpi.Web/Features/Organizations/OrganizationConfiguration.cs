using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sispmpi.Web.Features.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.Acronym).HasMaxLength(40);
        builder.Property(o => o.Cnpj).HasMaxLength(14);
        builder.Property(o => o.MunicipalityCode).HasMaxLength(7);
        builder.Property(o => o.MunicipalityName).HasMaxLength(120);
        builder.Property(o => o.StateCode).HasMaxLength(2);
        builder.HasIndex(o => o.Cnpj).IsUnique();
        builder.HasIndex(o => o.ParentId);
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Units).WithOne(u => u.Organization).HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.YearFigures).WithOne().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationYearFiguresConfiguration : IEntityTypeConfiguration<OrganizationYearFigures>
{
    public void Configure(EntityTypeBuilder<OrganizationYearFigures> builder)
    {
        builder.Property(f => f.Budget).HasPrecision(18, 2);
        builder.HasIndex(f => new { f.OrganizationId, f.Year }).IsUnique();
    }
}

internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(300);
        builder.Property(u => u.Acronym).HasMaxLength(40);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.OrganizationId, u.Name });
    }
}
