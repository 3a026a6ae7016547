using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Infrastructure.RateLimiting;

/// <summary>
/// One fixed window of a rate limit: how many requests the bucket <see cref="Key"/> (e.g. "verificar:203.0.113.7")
/// made in window number <see cref="Window"/> (seconds since 1970 divided by the window's length). Kept in the
/// database so that every instance behind the proxy counts against the same limit.
/// </summary>
public sealed class RateLimitCounter
{
    public required string Key { get; set; }
    public long Window { get; set; }
    public int Count { get; set; }
}

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.ToTable("RateLimitCounters");
        builder.HasKey(c => new { c.Key, c.Window });
        builder.Property(c => c.Key).HasMaxLength(200);
        builder.HasIndex(c => c.Window);
    }
}

/// <summary>
/// Fixed-window rate limits counted in the database: one atomic upsert per request (the same SQL on SQLite and
/// PostgreSQL) returns the bucket's count in the current window; windows older than the previous one are pruned
/// now and then. Several instances on one database therefore share each limit.
/// </summary>
public sealed class SharedRateLimiter(TimeProvider clock)
{
    private const string UpsertSql = """
        INSERT INTO "RateLimitCounters" ("Key", "Window", "Count") VALUES (@key, @window, 1)
        ON CONFLICT ("Key", "Window") DO UPDATE SET "Count" = "RateLimitCounters"."Count" + 1
        """;

    private const string ReadSql = """SELECT "Count" FROM "RateLimitCounters" WHERE "Key" = @key AND "Window" = @window""";

    private long _prunedBefore;

    /// <summary>Counts one request of <paramref name="key"/>; false when it is past <paramref name="permits"/> in this window.</summary>
    public async Task<bool> TryAcquireAsync(SispmpiDbContext db, string key, int permits, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var seconds = Math.Max(1, (long)window.TotalSeconds);
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / seconds;
        key = key.Length <= 200 ? key : key[..200];
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            int count;
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                Add(command, "@key", key);
                Add(command, "@window", current);
                if (db.Database.IsSqlite())
                {
                    // SQLite: a RETURNING statement that meets a busy database fails as it is disposed, past the
                    // driver's busy retries, so the count is read by a second statement. It may include another
                    // instance's request made in between: a limit reached a little early, never late.
                    command.CommandText = UpsertSql;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    command.CommandText = ReadSql;
                }
                else
                {
                    command.CommandText = UpsertSql + "\nRETURNING \"Count\"";
                }
                count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }
            // The first request an instance sees in a new window clears the windows no one counts in any more.
            var previous = Interlocked.Exchange(ref _prunedBefore, current - 1);
            if (previous < current - 1)
            {
                await using var prune = connection.CreateCommand();
                prune.CommandText = """DELETE FROM "RateLimitCounters" WHERE "Window" < @before""";
                prune.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                Add(prune, "@before", current - 1);
                await prune.ExecuteNonQueryAsync(cancellationToken);
            }
            return count <= permits;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
