using System.Text.Json;
using Sispmpi.Bench.Storage;
using Sispmpi.Core.Auditing;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Bench.Generation;

/// <summary>
/// Turns the generated events into history rows exactly as <see cref="AuditInterceptor"/> writes them (JSON snapshot
/// of the audited properties for an insert, one row per changed field for an update, values through
/// <see cref="AuditValues.Format"/>), chained with <see cref="AuditChain.ComputeHash"/> after the last existing row.
/// </summary>
public sealed class HistoryChain(BenchSchema schema, string userName, long lastId, string lastHash)
{
    public const string GeneratorUserName = "Gerador de dados";

    public long LastId { get; private set; } = lastId;

    public string LastHash { get; private set; } = lastHash;

    /// <summary>Each organization's events in time order (ties keep their creation order), one organization after another.</summary>
    public IEnumerable<AuditEntry> Entries(GeneratedNetwork network)
    {
        foreach (var history in network.Histories)
        {
            foreach (var historyEvent in history.OrderBy(e => e.At))
            {
                foreach (var entry in Entries(historyEvent))
                {
                    yield return entry;
                }
            }
        }
    }

    private IEnumerable<AuditEntry> Entries(HistoryEvent historyEvent)
    {
        var entity = historyEvent.Entity;
        var entityType = entity.GetType().Name;
        var entityId = AuditValues.Format(schema.KeyOf(entity))!;
        // The interceptor's rule: scoped data carries its organization, an organization its own id, and anything else
        // (accounts) the current organization of whoever acted, which for a system run is none.
        int? organizationId = entity switch
        {
            IOrganizationScoped scoped => scoped.OrganizationId,
            Organization organization => organization.Id,
            _ => null,
        };
        var at = AuditChain.Normalize(historyEvent.At);
        if (historyEvent.Operation == AuditOperation.Insert)
        {
            yield return Append(new AuditRecord(at, null, userName, null, organizationId, entityType, entityId,
                AuditOperation.Insert, null, null, Snapshot(entity, historyEvent.InsertOverrides), historyEvent.Justification));
            yield break;
        }
        foreach (var change in historyEvent.Changes!)
        {
            yield return Append(new AuditRecord(at, null, userName, null, organizationId, entityType, entityId,
                historyEvent.Operation, change.Field, AuditValues.Format(change.Old), AuditValues.Format(change.New),
                historyEvent.Justification));
        }
    }

    private AuditEntry Append(AuditRecord record)
    {
        var hash = AuditChain.ComputeHash(LastHash, record);
        var entry = new AuditEntry
        {
            Id = ++LastId,
            OccurredAt = record.OccurredAt,
            UserId = record.UserId,
            UserName = record.UserName,
            Profile = record.Profile,
            OrganizationId = record.OrganizationId,
            EntityType = record.EntityType,
            EntityId = record.EntityId,
            Operation = record.Operation,
            Field = record.Field,
            OldValue = record.OldValue,
            NewValue = record.NewValue,
            Justification = record.Justification,
            PreviousHash = LastHash,
            Hash = hash,
        };
        LastHash = hash;
        return entry;
    }

    /// <summary>Same shape as the interceptor's insert snapshot: sorted property names, null values left out.</summary>
    private string Snapshot(object entity, IReadOnlyDictionary<string, object?>? overrides)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in schema.AuditedOf(entity))
        {
            var value = overrides is not null && overrides.TryGetValue(property.Name, out var replaced)
                ? replaced
                : property.Read(entity);
            var formatted = AuditValues.Format(value);
            if (formatted is not null)
            {
                values[property.Name] = formatted;
            }
        }
        return JsonSerializer.Serialize(values, AuditValues.JsonOptions);
    }
}
