using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Features.Catalogs;

/// <summary>Every installation starts with the default catalogs; the central administrator adapts them later.</summary>
public sealed class CatalogSeeder(SispmpiDbContext db)
{
    public async Task EnsureDefaultsAsync(CancellationToken cancellationToken = default)
    {
        if (await db.HasRowsAsync("CatalogItems", cancellationToken: cancellationToken))
        {
            return;
        }
        foreach (var (kind, names) in DefaultCatalogs.Items)
        {
            db.CatalogItems.AddRange(names.Select((name, i) => new CatalogItem { Kind = kind, Name = name, Position = i + 1 }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
