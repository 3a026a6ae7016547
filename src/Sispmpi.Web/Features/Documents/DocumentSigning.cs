using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Documents;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Documents;

public sealed class SignatureOptions
{
    /// <summary>The legal-basis phrase printed with each signature, after "com fundamento".</summary>
    public string LegalBasis { get; set; } = "no § 3º do art. 4º do Decreto nº 10.543, de 13 de novembro de 2020";
}

/// <summary>The outcome of a signing attempt, with a message for the signer when it failed.</summary>
public sealed record SigningResult(SignedDocument? Document, string? Error)
{
    public static SigningResult Failed(string error) => new(null, error);
}

/// <summary>
/// In what capacity a signature is made, when not simply as the signer of their current organization: the body printed
/// with the name, and whom the signer signs for. One account signs once per capacity (e.g. a central administrator for
/// each participant of an agreement in turn).
/// </summary>
public sealed record SignerCapacity(string OrganizationName, string? OnBehalfOf);

/// <summary>
/// Electronic signature of generated documents (SPEC §5). The first signature freezes the content: it is
/// rendered once, stored, and identified by a random verification code and the CRC32 of its bytes. Each
/// signature then re-stamps that frozen content with the footer and the signers so far; the stamped file is
/// what everyone downloads and what the public verification page proves untouched by its SHA-256.
/// </summary>
public sealed class DocumentSigning(SispmpiDbContext db, IFileStore files, UserManager<AppUser> users, TenantContext tenant,
    TimeProvider clock, IOptions<SignatureOptions> signatureOptions, IOptions<MailOptions> mailOptions)
{
    private const string Folder = "documentos";

    public static string VerificationUrl(string baseUrl, string code, string crc) =>
        $"{baseUrl.TrimEnd('/')}/verificar?codigo={code}&crc={crc}";

    public Task<SignedDocument?> FindAsync(DocumentKind kind, int subjectId, CancellationToken cancellationToken = default) =>
        db.SignedDocuments.Include(d => d.Signatures.OrderBy(s => s.Id))
            .FirstOrDefaultAsync(d => d.Kind == kind && d.SubjectId == subjectId, cancellationToken);

    /// <summary>
    /// The signed document of a subject of <paramref name="organizationId"/> that the caller has already authorized, whatever the
    /// user's own organization (an agreement reached by a participant's linked signatory).
    /// </summary>
    public Task<SignedDocument?> FindAsync(DocumentKind kind, int subjectId, int organizationId, CancellationToken cancellationToken = default) =>
        db.SignedDocuments.IgnoreQueryFilters().Include(d => d.Signatures.OrderBy(s => s.Id))
            .FirstOrDefaultAsync(d => d.OrganizationId == organizationId && d.Kind == kind && d.SubjectId == subjectId, cancellationToken);

    /// <summary>The body printed after the signer's name, with whom they signed for.</summary>
    public static string Affiliation(DocumentSignature signature) =>
        signature.OnBehalfOf is null ? signature.OrganizationName : $"{signature.OrganizationName}, em nome de {signature.OnBehalfOf}";

    /// <param name="render">Renders the content when this is the first signature; later signatures reuse the frozen content.</param>
    /// <param name="alongside">
    /// Runs in each attempt, on a fresh change tracker, just before the signature is added: it returns why the signature
    /// is no longer allowed, or adds the caller's own records (saved in the same transaction as the signature) and returns null.
    /// </param>
    public async Task<SigningResult> SignAsync(DocumentKind kind, int subjectId, int organizationId, string title, string fileName,
        Func<Task<byte[]>> render, string password, SignerCapacity? capacity = null,
        Func<CancellationToken, Task<string?>>? alongside = null, CancellationToken cancellationToken = default)
    {
        var user = tenant.UserId is int userId ? await users.FindByIdAsync(userId.ToString()) : null;
        if (user is null)
        {
            return SigningResult.Failed("Entre no sistema para assinar.");
        }
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            return SigningResult.Failed("Senha incorreta. A assinatura exige a sua senha de acesso ao sistema.");
        }

        // Two signers at the same instant: the loser of the race retries once on the fresh state.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SignOnceAsync(kind, subjectId, organizationId, title, fileName, render, user, capacity, alongside, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SigningResult> SignOnceAsync(DocumentKind kind, int subjectId, int organizationId, string title, string fileName,
        Func<Task<byte[]>> render, AppUser user, SignerCapacity? capacity, Func<CancellationToken, Task<string?>>? alongside,
        CancellationToken cancellationToken)
    {
        var document = await FindAsync(kind, subjectId, organizationId, cancellationToken);
        var onBehalfOf = capacity?.OnBehalfOf;
        byte[] content;
        if (document is null)
        {
            content = await render();
            var code = Authenticity.NewVerificationCode();
            while (await db.SignedDocuments.IgnoreQueryFilters().AnyAsync(d => d.VerificationCode == code, cancellationToken))
            {
                code = Authenticity.NewVerificationCode();
            }
            document = new SignedDocument
            {
                OrganizationId = organizationId, Kind = kind, SubjectId = subjectId, Title = title, FileName = fileName,
                VerificationCode = code, Crc = Authenticity.Crc32(content),
                ContentKey = await files.SaveAsync(Folder, content, cancellationToken), ContentSha256 = Authenticity.Sha256(content),
                SignedKey = "", SignedSha256 = "", CreatedAt = clock.GetUtcNow(),
            };
            db.SignedDocuments.Add(document);
        }
        else
        {
            if (document.Signatures.Any(s => s.UserId == user.Id && s.OnBehalfOf == onBehalfOf))
            {
                return SigningResult.Failed(onBehalfOf is null ? "Você já assinou este documento." : $"Você já assinou este documento em nome de {onBehalfOf}.");
            }
            var stored = await files.ReadAsync(document.ContentKey, cancellationToken);
            if (stored is null || Authenticity.Sha256(stored) != document.ContentSha256)
            {
                return SigningResult.Failed("O conteúdo armazenado deste documento não confere com o registrado: a assinatura foi bloqueada. Procure o suporte técnico.");
            }
            content = stored;
        }
        if (alongside is not null && await alongside(cancellationToken) is { } refusal)
        {
            return SigningResult.Failed(refusal);
        }

        document.Signatures.Add(new DocumentSignature
        {
            OrganizationId = document.OrganizationId, UserId = user.Id, Name = user.FullName, Position = user.Position,
            OrganizationName = capacity?.OrganizationName ?? tenant.CurrentOrganizationName ?? "", OnBehalfOf = onBehalfOf, SignedAt = clock.GetUtcNow(), LegalBasis = signatureOptions.Value.LegalBasis,
        });
        var stamp = new SignatureStamp(document.VerificationCode, document.Crc,
            VerificationUrl(mailOptions.Value.PublicBaseUrl, document.VerificationCode, document.Crc),
            document.Signatures.OrderBy(s => s.SignedAt)
                .Select(s => new PrintedSignature(s.Name, s.Position, Affiliation(s), s.SignedAt, s.LegalBasis)).ToList());
        var signed = PdfWriter.Stamp(content, stamp);
        var previousSignedKey = document.SignedKey;
        document.SignedKey = await files.SaveAsync(Folder, signed, cancellationToken);
        document.SignedSha256 = Authenticity.Sha256(signed);
        document.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(document.SignedKey, CancellationToken.None);
            throw;
        }
        if (previousSignedKey.Length > 0)
        {
            await files.DeleteAsync(previousSignedKey, CancellationToken.None);
        }
        return new SigningResult(document, null);
    }
}

/// <summary>What the public verification page finds for a code and CRC.</summary>
public enum VerificationOutcome
{
    NotFound,
    Tampered,
    Authentic,
}

public sealed record Verification(VerificationOutcome Outcome, SignedDocument? Document, string? OrganizationName, byte[]? Bytes);

/// <summary>Looks a signed document up by the pair printed on it, and proves the stored bytes untouched.</summary>
public sealed class DocumentVerifier(SispmpiDbContext db, IFileStore files)
{
    public async Task<Verification> VerifyAsync(string? code, string? crc, CancellationToken cancellationToken = default)
    {
        var normalizedCode = Authenticity.NormalizeCode(code);
        var normalizedCrc = Authenticity.NormalizeCrc(crc);
        if (normalizedCode.Length != Authenticity.VerificationCodeLength || normalizedCrc.Length != 8)
        {
            return new(VerificationOutcome.NotFound, null, null, null);
        }
        // The public has no organization: the lookup is by the pair only, never by anything guessable.
        var document = await db.SignedDocuments.IgnoreQueryFilters().AsNoTracking()
            .Include(d => d.Signatures.OrderBy(s => s.Id))
            .FirstOrDefaultAsync(d => d.VerificationCode == normalizedCode, cancellationToken);
        if (document is null || document.Crc != normalizedCrc)
        {
            return new(VerificationOutcome.NotFound, null, null, null);
        }
        var organization = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == document.OrganizationId)
            .Select(o => o.Name).FirstAsync(cancellationToken);
        var signed = await files.ReadAsync(document.SignedKey, cancellationToken);
        var content = await files.ReadAsync(document.ContentKey, cancellationToken);
        if (signed is null || content is null || Authenticity.Sha256(signed) != document.SignedSha256
            || Authenticity.Sha256(content) != document.ContentSha256 || Authenticity.Crc32(content) != document.Crc)
        {
            return new(VerificationOutcome.Tampered, document, organization, null);
        }
        return new(VerificationOutcome.Authentic, document, organization, signed);
    }
}
