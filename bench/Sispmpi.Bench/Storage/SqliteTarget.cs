using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Sispmpi.Bench.Generation;

namespace Sispmpi.Bench.Storage;

/// <summary>
/// SQLite in one immediate transaction (which holds the database's single write lock from the start), with one
/// prepared INSERT per table reused for every row.
/// </summary>
public sealed class SqliteTarget(string connectionString, BenchSchema schema, Action<string> report)
    : BulkTarget(schema, report)
{
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;

    public override async Task<DatabaseState> OpenAsync()
    {
        _connection = new SqliteConnection(connectionString);
        await _connection.OpenAsync();
        // As EF does on every connection: generated rows must satisfy the foreign keys.
        await ExecuteAsync(_connection, null, "PRAGMA foreign_keys = ON");
        _transaction = _connection.BeginTransaction(deferred: false);
        return await ReadStateAsync(Schema, _connection, _transaction, _connection, _transaction);
    }

    public override Task WriteAsync(GeneratedNetwork network, HistoryChain history)
    {
        Insert(Schema.Organizations, network.Organizations);
        Insert(Schema.YearFigures, network.YearFigures);
        Insert(Schema.Units, network.Units);
        Insert(Schema.Users, network.Users);
        Insert(Schema.Grants, network.Grants);
        Insert(Schema.Plans, network.Plans);
        Insert(Schema.Axes, network.Axes);
        Insert(Schema.Actions, network.Actions);
        Insert(Schema.AuditEntries, history.Entries(network));
        return Task.CompletedTask;
    }

    public override Task CommitAsync() => _transaction!.CommitAsync();

    public override async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void Insert<T>(EntityTable<T> table, IEnumerable<T> rows) where T : class
    {
        var watch = Stopwatch.StartNew();
        using var command = _connection!.CreateCommand();
        command.Transaction = _transaction;
        var columns = table.Columns;
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.CommandText =
            $"INSERT INTO {table.QuotedName} ({table.ColumnList}) VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})";
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ReadProviderValue(row) ?? DBNull.Value;
            }
            count += command.ExecuteNonQuery();
        }
        Report(table.Name, count, watch);
    }
}
