using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Auditing;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Infrastructure.Auditing;

public sealed record AuditVerification(long Checked, AuditEntry? FirstBroken)
{
    public bool IsValid => FirstBroken is null;
}

/// <summary>Walks the whole history in id order, recomputing each hash from the previous one.</summary>
public sealed class AuditVerifier(SispmpiDbContext db)
{
    private const int PageSize = 5_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var expectedPrevious = AuditChain.GenesisHash;
        long checkedCount = 0;
        long lastId = long.MinValue;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                if (entry.PreviousHash != expectedPrevious || AuditChain.ComputeHash(entry.PreviousHash, entry.ToRecord()) != entry.Hash)
                {
                    return new AuditVerification(checkedCount, entry);
                }
                expectedPrevious = entry.Hash;
                checkedCount++;
            }
            if (page.Count < PageSize)
            {
                return new AuditVerification(checkedCount, null);
            }
            lastId = page[^1].Id;
        }
    }
}
