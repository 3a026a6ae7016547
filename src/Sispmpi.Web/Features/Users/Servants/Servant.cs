using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.Users.Servants;

/// <summary>
/// A public servant of the body registered without an account (the original's <c>servidor</c>): name, MASP or
/// registration and unit. He or she may answer for actions or be involved in them; once an account is linked,
/// those roles move to the account and the record stays, marked as linked.
/// </summary>
public sealed class Servant : Infrastructure.Tenancy.IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Name { get; set; }
    /// <summary>MASP or registration number, as the body writes it.</summary>
    public string? Registration { get; set; }
    public string? Position { get; set; }
    public int? UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public int? LinkedUserId { get; set; }
    public AppUser? LinkedUser { get; set; }
    public DateTimeOffset? LinkedAt { get; set; }
}

/// <summary>A registered servant without an account involved in an action, besides its responsible person.</summary>
public sealed class ActionServant : Infrastructure.Tenancy.IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int ActionId { get; set; }
    public int ServantId { get; set; }
    public Servant? Servant { get; set; }
}

internal sealed class ServantConfiguration : IEntityTypeConfiguration<Servant>
{
    public void Configure(EntityTypeBuilder<Servant> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Registration).HasMaxLength(30);
        builder.Property(s => s.Position).HasMaxLength(200);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.LinkedUser).WithMany().HasForeignKey(s => s.LinkedUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.OrganizationId, s.Name });
        builder.HasIndex(s => s.LinkedUserId);
    }
}

internal sealed class ActionServantConfiguration : IEntityTypeConfiguration<ActionServant>
{
    public void Configure(EntityTypeBuilder<ActionServant> builder)
    {
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Servant).WithMany().HasForeignKey(p => p.ServantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ActionId, p.ServantId }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.ServantId });
    }
}
