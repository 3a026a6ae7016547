using System.Diagnostics;
using Npgsql;

namespace Sispmpi.Bench.Storage;

/// <summary>
/// The secondary indexes and foreign keys of tables that are empty when the load starts, dropped inside the loading
/// transaction and built again once the rows are in: one sort per index and one anti-join per foreign key cost far
/// less than maintaining each index and checking each reference row by row during the COPY (issue 17). Primary keys
/// and indexes another constraint depends on stay. Everything happens in the caller's transaction, so a failure
/// restores them with the rollback; the price is an exclusive lock on those tables until the commit, which only
/// matters to an application reading an empty database.
/// </summary>
public sealed class DeferredIndexes
{
    private readonly List<(string Table, string Name, string Definition)> _indexes = [];
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];

    public int IndexCount => _indexes.Count;

    public int ForeignKeyCount => _foreignKeys.Count;

    /// <summary>Drops the indexes and foreign keys of those of <paramref name="tables"/> that hold no row.</summary>
    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> tables)
    {
        var deferred = new DeferredIndexes();
        var empty = new List<string>();
        foreach (var table in tables)
        {
            await using var probe = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Sql.Quote(table)})", connection, transaction);
            if (!(bool)(await probe.ExecuteScalarAsync())!)
            {
                empty.Add(table);
            }
        }
        if (empty.Count == 0)
        {
            return deferred;
        }

        // Quoted names resolved through the search path, as the migrations created them.
        var names = empty.Select(Sql.Quote).ToArray();
        await using (var command = new NpgsqlCommand("""
            SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE k.contype = 'f' AND k.conrelid = ANY (SELECT to_regclass(n)::oid FROM unnest(@tables) AS n)
            ORDER BY c.relname, k.conname
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("tables", names);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                deferred._foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        await using (var command = new NpgsqlCommand("""
            SELECT c.relname, ic.relname, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = ANY (SELECT to_regclass(n)::oid FROM unnest(@tables) AS n)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY c.relname, ic.relname
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("tables", names);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                deferred._indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (table, name, _) in deferred._foreignKeys)
        {
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {Sql.Quote(table)} DROP CONSTRAINT {Sql.Quote(name)}");
        }
        foreach (var (_, name, _) in deferred._indexes)
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX {Sql.Quote(name)}");
        }
        return deferred;
    }

    /// <summary>Builds the dropped indexes again, reporting each one's time.</summary>
    public async Task RebuildIndexesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Action<string, Stopwatch> report)
    {
        foreach (var (_, name, definition) in _indexes)
        {
            var watch = Stopwatch.StartNew();
            await ExecuteAsync(connection, transaction, definition);
            report(name, watch);
        }
    }

    /// <summary>Adds the dropped foreign keys again; each is validated against the loaded rows in one query.</summary>
    public async Task RestoreForeignKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Action<string, Stopwatch> report)
    {
        foreach (var (table, name, definition) in _foreignKeys)
        {
            var watch = Stopwatch.StartNew();
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {Sql.Quote(table)} ADD CONSTRAINT {Sql.Quote(name)} {definition}");
            report(name, watch);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
