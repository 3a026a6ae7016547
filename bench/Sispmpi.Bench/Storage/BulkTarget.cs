using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Sispmpi.Bench.Generation;

namespace Sispmpi.Bench.Storage;

/// <summary>What the target database already holds, read inside the generator's transaction.</summary>
public sealed record DatabaseState(
    long OrganizationCount,
    ExistingIds Ids,
    IReadOnlySet<string> Cnpjs,
    int? OversightId,
    long LastAuditId,
    string? LastAuditHash);

/// <summary>
/// A database being filled: opened (locking out concurrent writers and reading <see cref="DatabaseState"/>),
/// written, then committed. Disposing without committing rolls everything back.
/// </summary>
public abstract class BulkTarget(BenchSchema schema, Action<string> report) : IAsyncDisposable
{
    protected BenchSchema Schema { get; } = schema;

    public abstract Task<DatabaseState> OpenAsync();

    public abstract Task WriteAsync(GeneratedNetwork network, HistoryChain history);

    public abstract Task CommitAsync();

    /// <summary>Refreshes the planner's statistics after a bulk load; nothing to do where there is no need.</summary>
    public virtual Task AnalyzeAsync() => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();

    protected void Report(string table, long rows, Stopwatch watch) =>
        report(string.Create(GenerateCommand.Culture, $"  {table,-24} {rows,12:N0} linhas em {watch.Elapsed.TotalSeconds,5:0.0} s"));

    protected void ReportStep(string step, Stopwatch watch) =>
        report(string.Create(GenerateCommand.Culture, $"  {step,-50} {watch.Elapsed.TotalSeconds,5:0.0} s"));

    protected static async Task<DatabaseState> ReadStateAsync(BenchSchema schema, DbConnection connection, DbTransaction transaction,
        DbConnection historyConnection, DbTransaction historyTransaction)
    {
        var organizations = Sql.Quote(schema.Organizations.Name);
        var count = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {organizations}"),
            CultureInfo.InvariantCulture);

        var maxima = string.Join(", ", schema.DomainTableNames.Select(t => $"(SELECT COALESCE(MAX(\"Id\"), 0) FROM {Sql.Quote(t)})"));
        var ids = new int[8];
        await using (var command = Command(connection, transaction, $"SELECT {maxima}"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
        }

        var cnpjs = new HashSet<string>(StringComparer.Ordinal);
        int? oversightId = null;
        if (count > 0)
        {
            await using (var command = Command(connection, transaction, $"SELECT \"Cnpj\" FROM {organizations}"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    cnpjs.Add(reader.GetString(0));
                }
            }
            var oversight = await ScalarAsync(connection, transaction,
                $"SELECT \"Id\" FROM {organizations} WHERE \"IsOversight\" AND \"ParentId\" IS NULL ORDER BY \"Id\" LIMIT 1");
            oversightId = oversight is null or DBNull ? null : Convert.ToInt32(oversight, CultureInfo.InvariantCulture);
        }

        long lastAuditId = 0;
        string? lastHash = null;
        await using (var command = Command(historyConnection, historyTransaction,
            $"SELECT \"Id\", \"Hash\" FROM {Sql.Quote(schema.AuditEntries.Name)} ORDER BY \"Id\" DESC LIMIT 1"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                lastAuditId = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                lastHash = reader.GetString(1);
            }
        }

        return new DatabaseState(count, new ExistingIds(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7]),
            cnpjs, oversightId, lastAuditId, lastHash);
    }

    protected static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync();
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync();
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }
}
