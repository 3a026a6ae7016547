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
        if (!check.IsValid)
        {
            throw new ArgumentException("Only checked files are stored.", nameof(check));
        }
        var key = await files.SaveAsync(FileFolder, content, cancellationToken);
        try
        {
            await AddAsync(action, new ActionEvidence
            {
                Kind = EvidenceKind.File, Description = description, FileName = fileName, FileKey = key,
                ContentType = check.ContentType, FileSize = content.LongLength, FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            }, cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }
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
