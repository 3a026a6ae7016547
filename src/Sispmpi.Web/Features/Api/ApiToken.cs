using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;

namespace Sispmpi.Web.Features.Api;

/// <summary>
/// A personal access token of the REST API: it acts as its user with the profiles he holds in one organization,
/// for reading or for reading and writing, until it expires or is revoked. Only the SHA-256 of the secret is kept;
/// the secret itself is shown once, when the token is created. Not organization-scoped: a user lists his tokens
/// of every organization on his account page; the query filter shows each user his own tokens only.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string Name { get; set; }
    /// <summary>The token's first characters (<c>spmpi_xxxxxxxx</c>), shown to tell tokens apart; not a secret.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole token, lowercase hexadecimal (ignored by the history, like every secret).</summary>
    public required string TokenHash { get; set; }
    public bool CanWrite { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last day (in Brasília) the token is accepted; null: until revoked.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(20);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Organization).WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
