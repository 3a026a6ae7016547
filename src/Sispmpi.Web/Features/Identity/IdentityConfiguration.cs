using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sispmpi.Web.Features.Identity;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.Position).HasMaxLength(200);
        builder.Property(u => u.Registration).HasMaxLength(30);
        builder.Property(u => u.Cpf).HasMaxLength(11);
        builder.HasIndex(u => u.Cpf).IsUnique();
        builder.HasMany(u => u.Grants).WithOne(g => g.User).HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileGrantConfiguration : IEntityTypeConfiguration<ProfileGrant>
{
    public void Configure(EntityTypeBuilder<ProfileGrant> builder)
    {
        builder.HasIndex(g => new { g.UserId, g.OrganizationId, g.Profile }).IsUnique();
        builder.HasIndex(g => g.OrganizationId);
        builder.HasOne(g => g.Organization).WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Unit).WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.FullName).HasMaxLength(200);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
