using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>
/// Which row of this system a row of the original SisPMPI became (kind = the original's table): what makes
/// <c>import-sispmpi</c> idempotent, and lets a later run or an operator trace a record back.
/// </summary>
public sealed class LegacyImportLink
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    public int LegacyId { get; set; }
    public int NewId { get; set; }
    public int? OrganizationId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class LegacyImportLinkConfiguration : IEntityTypeConfiguration<LegacyImportLink>
{
    public void Configure(EntityTypeBuilder<LegacyImportLink> builder)
    {
        builder.ToTable("LegacyImportLinks");
        builder.Property(l => l.Kind).HasMaxLength(60);
        builder.HasIndex(l => new { l.Kind, l.LegacyId }).IsUnique();
    }
}
