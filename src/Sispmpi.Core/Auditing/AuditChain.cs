using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sispmpi.Core.Auditing;

public enum AuditOperation
{
    Insert = 1,
    Update = 2,
    Delete = 3,
}

/// <summary>The fields of one history entry that its hash covers.</summary>
public sealed record AuditRecord(
    DateTimeOffset OccurredAt,
    int? UserId,
    string UserName,
    string? Profile,
    int? OrganizationId,
    string EntityType,
    string EntityId,
    AuditOperation Operation,
    string? Field,
    string? OldValue,
    string? NewValue,
    string? Justification);

/// <summary>
/// The history is tamper-evident: each entry's hash covers its own fields and the previous entry's hash,
/// so editing or deleting any row breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Timestamps are kept to the millisecond so that every database stores them exactly.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    public static string ComputeHash(string previousHash, AuditRecord record)
    {
        var canonical = new StringBuilder()
            .Append(previousHash).Append('\u001f')
            .Append(Normalize(record.OccurredAt).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(record.UserId?.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(record.UserName).Append('\u001f')
            .Append(record.Profile).Append('\u001f')
            .Append(record.OrganizationId?.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(record.EntityType).Append('\u001f')
            .Append(record.EntityId).Append('\u001f')
            .Append((int)record.Operation).Append('\u001f')
            .Append(Escape(record.Field)).Append('\u001f')
            .Append(Escape(record.OldValue)).Append('\u001f')
            .Append(Escape(record.NewValue)).Append('\u001f')
            .Append(Escape(record.Justification))
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    // Distinguishes null from empty so that clearing a field to "" cannot be forged as null.
    private static string Escape(string? value) => value is null ? "\u0000" : value;

    /// <summary>Returns the index of the first entry whose stored hashes do not match, or -1.</summary>
    public static int FindFirstBroken(IEnumerable<(AuditRecord Record, string PreviousHash, string Hash)> entries)
    {
        var expectedPrevious = GenesisHash;
        var index = 0;
        foreach (var (record, previousHash, hash) in entries)
        {
            if (previousHash != expectedPrevious || ComputeHash(previousHash, record) != hash)
            {
                return index;
            }
            expectedPrevious = hash;
            index++;
        }
        return -1;
    }
}
