using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Sispmpi.Core.Auditing;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Infrastructure.Auditing;

/// <summary>Changes captured before a save, turned into history rows once generated keys are known.</summary>
internal sealed class AuditBatch
{
    public required List<PendingChange> Changes { get; init; }
    public IDbContextTransaction? OwnedTransaction { get; init; }
    public string? Justification { get; init; }
}

/// <summary>For inserts <paramref name="Fields"/> is null: the values are read after the save, once keys exist.</summary>
internal sealed record PendingChange(EntityEntry Entry, AuditOperation Operation, List<(string? Field, string? Old, string? New)>? Fields);

/// <summary>
/// Records every insert, update and delete of domain data in the chained history (SPEC §8), in the same
/// transaction as the change: the save and its history are committed together or not at all.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    /// <summary>Secrets and counters that change on every sign-in say nothing a reader of the history needs.</summary>
    public static readonly IReadOnlySet<string> IgnoredProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "NormalizedEmail",
        "NormalizedUserName", "TokenHash",
        // Derived from the organization's name and acronym, which the history has.
        "NameSortKey", "AcronymSortKey",
    };

    private static readonly HashSet<Type> _ignoredTypes =
    [
        typeof(AuditEntry), typeof(Email.OutboxMessage), typeof(IdentityUserToken<int>), typeof(IdentityUserLogin<int>), typeof(IdentityUserClaim<int>),
        // Delivery bookkeeping, not decisions: inbox rows, reminders queued and job runs are their own record.
        typeof(Features.Notifications.Notification), typeof(Features.Notifications.ReminderLog), typeof(Jobs.JobRun),
        // Import bookkeeping: the imported rows themselves are in the history.
        typeof(Features.LegacyImport.LegacyImportLink),
    ];

    /// <summary>
    /// Any fixed number: it names the PostgreSQL advisory lock that serializes appends to the chain across
    /// instances. Whatever else appends to the history (the benchmark generator) takes it too.
    /// </summary>
    public const long ChainLockKey = 7_262_001;

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        throw new InvalidOperationException("Use SaveChangesAsync.");

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not SispmpiDbContext db)
        {
            return result;
        }
        var changes = Capture(db);
        var justification = db.PendingJustification;
        db.PendingJustification = null;
        if (changes.Count == 0)
        {
            return result;
        }
        var owned = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        db.PendingAudit = new AuditBatch { Changes = changes, OwnedTransaction = owned, Justification = justification };
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not SispmpiDbContext { PendingAudit: { } batch } db)
        {
            return result;
        }
        db.PendingAudit = null;
        try
        {
            await AppendAsync(db, batch, cancellationToken);
            if (batch.OwnedTransaction is not null)
            {
                await batch.OwnedTransaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (batch.OwnedTransaction is not null)
            {
                await batch.OwnedTransaction.RollbackAsync(CancellationToken.None);
            }
            throw;
        }
        finally
        {
            if (batch.OwnedTransaction is not null)
            {
                await batch.OwnedTransaction.DisposeAsync();
            }
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SispmpiDbContext { PendingAudit: { } batch } db)
        {
            db.PendingAudit = null;
            if (batch.OwnedTransaction is not null)
            {
                await batch.OwnedTransaction.RollbackAsync(CancellationToken.None);
                await batch.OwnedTransaction.DisposeAsync();
            }
        }
    }

    private static List<PendingChange> Capture(SispmpiDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var changes = new List<PendingChange>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (_ignoredTypes.Contains(entry.Metadata.ClrType) || entry.Metadata.IsOwned())
            {
                continue;
            }
            var properties = AuditedProperties(entry);
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new(entry, AuditOperation.Insert, null));
                    break;
                case EntityState.Deleted:
                    changes.Add(new(entry, AuditOperation.Delete,
                        [(null, Snapshot(properties, p => p.OriginalValue), null)]));
                    break;
                case EntityState.Modified:
                    var fields = properties
                        .Where(p => p.IsModified)
                        .Select(p => (Field: (string?)p.Metadata.Name, Old: AuditValues.Format(p.OriginalValue), New: AuditValues.Format(p.CurrentValue)))
                        .Where(f => f.Old != f.New)
                        .ToList();
                    if (fields.Count > 0)
                    {
                        changes.Add(new(entry, AuditOperation.Update, fields));
                    }
                    break;
            }
        }
        return changes;
    }

    private static IEnumerable<PropertyEntry> AuditedProperties(EntityEntry entry) =>
        entry.Properties.Where(p => !IgnoredProperties.Contains(p.Metadata.Name) && !p.Metadata.IsPrimaryKey());

    private static string Snapshot(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var formatted = AuditValues.Format(value(property));
            if (formatted is not null)
            {
                values[property.Metadata.Name] = formatted;
            }
        }
        return JsonSerializer.Serialize(values, AuditValues.JsonOptions);
    }

    private static async Task AppendAsync(SispmpiDbContext db, AuditBatch batch, CancellationToken cancellationToken)
    {
        var tenant = db.Tenant;
        var now = AuditChain.Normalize(DateTimeOffset.UtcNow);
        await using var chain = await AuditChainWriter.OpenAsync(db.Database, cancellationToken);
        foreach (var change in batch.Changes)
        {
            var entityId = string.Join(",", change.Entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => AuditValues.Format(change.Entry.Property(p.Name).CurrentValue)));
            var organizationId = change.Entry.Entity switch
            {
                IOrganizationScoped scoped => scoped.OrganizationId,
                Features.Organizations.Organization organization => organization.Id,
                _ => tenant.CurrentOrganizationId,
            };
            var fields = change.Fields ?? [(null, null, Snapshot(AuditedProperties(change.Entry), p => p.CurrentValue))];
            foreach (var (field, oldValue, newValue) in fields)
            {
                var record = new AuditRecord(now, tenant.UserId, tenant.UserName, tenant.ProfilesText, organizationId,
                    change.Entry.Metadata.ClrType.Name, entityId, change.Operation, field, oldValue, newValue, batch.Justification);
                await chain.AppendAsync(record, cancellationToken);
            }
        }
    }
}

/// <summary>How values are written into the history: culture-invariant, so the hash never depends on the server.</summary>
public static class AuditValues
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => AuditChain.Normalize(d).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        // The same amount reads 15000 or 15000.00 depending on where it came from: write it without trailing zeros.
        decimal m => (m / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IEnumerable<string> list => JsonSerializer.Serialize(list, JsonOptions),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
