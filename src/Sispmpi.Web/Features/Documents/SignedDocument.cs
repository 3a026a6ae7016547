using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Documents;

/// <summary>Which generated document a signed document froze. Stored as integers: never renumber.</summary>
public enum DocumentKind
{
    PlanDocument = 1,
    MeetingMinutes = 2,
    InternalControlReport = 3,
    CooperationAgreement = 4,
}

/// <summary>
/// A generated document frozen for signature (SPEC §5). Its content is stored once and never regenerated;
/// each signature re-stamps that same content with the verification footer and the list of signers, and the
/// result's SHA-256 is kept, so the public verification page can prove the bytes it serves are untouched.
/// </summary>
public sealed class SignedDocument : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>The record the document was generated from, e.g. the plan's id.</summary>
    public int SubjectId { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    /// <summary>Numeric, random, unique: printed in the footer and typed on the verification page.</summary>
    public required string VerificationCode { get; set; }
    /// <summary>CRC32 of the frozen content, 8 hexadecimal digits.</summary>
    public required string Crc { get; set; }
    public required string ContentKey { get; set; }
    public required string ContentSha256 { get; set; }
    public required string SignedKey { get; set; }
    public required string SignedSha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Bumped by every signature: two people signing at the same moment cannot lose each other's signature.</summary>
    public int Version { get; set; }
    public List<DocumentSignature> Signatures { get; set; } = [];
}

/// <summary>One signer's signature: who, as what, where and when — kept even if the person later changes.</summary>
public sealed class DocumentSignature : IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int SignedDocumentId { get; set; }
    public int UserId { get; set; }
    public required string Name { get; set; }
    public string? Position { get; set; }
    public required string OrganizationName { get; set; }
    /// <summary>Whom the signer signed for (e.g. a participant's signatory, by a central administrator); null when as themselves.</summary>
    public string? OnBehalfOf { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public required string LegalBasis { get; set; }
}

internal sealed class SignedDocumentConfiguration : IEntityTypeConfiguration<SignedDocument>
{
    public void Configure(EntityTypeBuilder<SignedDocument> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.VerificationCode).HasMaxLength(20);
        builder.Property(d => d.Crc).HasMaxLength(8);
        builder.Property(d => d.ContentKey).HasMaxLength(200);
        builder.Property(d => d.SignedKey).HasMaxLength(200);
        builder.Property(d => d.ContentSha256).HasMaxLength(64);
        builder.Property(d => d.SignedSha256).HasMaxLength(64);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.HasIndex(d => new { d.OrganizationId, d.Kind, d.SubjectId }).IsUnique();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasMany(d => d.Signatures).WithOne().HasForeignKey(s => s.SignedDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentSignatureConfiguration : IEntityTypeConfiguration<DocumentSignature>
{
    public void Configure(EntityTypeBuilder<DocumentSignature> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Position).HasMaxLength(200);
        builder.Property(s => s.OrganizationName).HasMaxLength(300);
        builder.Property(s => s.LegalBasis).HasMaxLength(1000);
        builder.Property(s => s.OnBehalfOf).HasMaxLength(300);
        // One signature per account as itself, and one per account for each person it signs for.
        builder.HasIndex(s => new { s.SignedDocumentId, s.UserId }).IsUnique().HasFilter("\"OnBehalfOf\" IS NULL");
        builder.HasIndex(s => new { s.SignedDocumentId, s.UserId, s.OnBehalfOf }).IsUnique();
    }
}
