using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Execution;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Execution;

/// <summary>Adds and removes the evidence of an action; every change counts as an update of its execution.</summary>
public sealed class EvidenceService(SispmpiDbContext db, IFileStore files, TenantContext tenant, TimeProvider clock, IOptions<ExecutionOptions> options)
{
    public const string FileFolder = "evidencias";

    public long MaxBytes => options.Value.EvidenceMaxBytes;

    /// <summary>
    /// Reads an uploaded file and checks it by <see cref="EvidenceFiles.Check"/>. At most one byte past the limit is
    /// read: enough for the check to refuse an oversized file without holding all of it.
    /// </summary>
    public async Task<(byte[] Content, EvidenceFileCheck Check)> ReadAndCheckAsync(IFormFile file, CancellationToken cancellationToken = default)
    {
        var content = new byte[Math.Min(file.Length, MaxBytes + 1)];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        return (content, EvidenceFiles.Check(file.FileName, content, MaxBytes));
    }

    public async Task AddLinkAsync(PlanAction action, string description, Uri url, CancellationToken cancellationToken = default)
    {
        await AddAsync(action, new ActionEvidence { Kind = EvidenceKind.Link, Description = description, Url = url.ToString() }, cancellationToken);
    }

    public async Task AddProcessAsync(PlanAction action, string description, ProcessNumber number, CancellationToken cancellationToken = default)
    {
        await AddAsync(action, new ActionEvidence
        {
            Kind = EvidenceKind.Process, Description = description, ProcessNumber = number.Value, ProcessNumberKind = number.Kind,
        }, cancellationToken);
    }

    /// <summary>Stores a file already checked by <see cref="EvidenceFiles.Check"/>; if the database refuses the row, the file goes too.</summary>
    public async Task AddFileAsync(PlanAction action, string description, string fileName, byte[] content, EvidenceFileCheck check,
        CancellationToken cancellationToken = default)
    {
        var stored = await StoreFileAsync(content, check, cancellationToken);
        try
        {
            await AddAsync(action, new ActionEvidence
            {
                Kind = EvidenceKind.File, Description = description, FileName = fileName, FileKey = stored.Key,
                ContentType = check.ContentType, FileSize = content.LongLength, FileSha256 = stored.Sha256,
            }, cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Stores a checked evidence file and returns its key and SHA-256, for any record that keeps evidence under the
    /// same rules (an action's, a maturity answer's). The caller deletes the file if its own save fails.
    /// </summary>
    public async Task<(string Key, string Sha256)> StoreFileAsync(byte[] content, EvidenceFileCheck check, CancellationToken cancellationToken = default)
    {
        if (!check.IsValid)
        {
            throw new ArgumentException("Only checked files are stored.", nameof(check));
        }
        var key = await files.SaveAsync(FileFolder, content, cancellationToken);
        return (key, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public async Task RemoveAsync(PlanAction action, ActionEvidence evidence, CancellationToken cancellationToken = default)
    {
        db.ActionEvidence.Remove(evidence);
        action.LastUpdateAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        // The history keeps the file's name and SHA-256; the bytes go with the evidence.
        if (evidence.FileKey is string key)
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
    }

    private async Task AddAsync(PlanAction action, ActionEvidence evidence, CancellationToken cancellationToken)
    {
        evidence.OrganizationId = action.OrganizationId;
        evidence.ActionId = action.Id;
        evidence.AddedAt = clock.GetUtcNow();
        evidence.AddedById = tenant.UserId;
        db.ActionEvidence.Add(evidence);
        action.LastUpdateAt = evidence.AddedAt;
        await db.SaveChangesAsync(cancellationToken);
    }
}
