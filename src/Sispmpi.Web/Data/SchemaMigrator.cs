using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Sispmpi.Web.Data;

public sealed record SchemaScript(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

/// <summary>
/// Applies the versioned SQL scripts of the configured provider, each in its own transaction, and records
/// them in <c>__schema_versions</c>. An applied script whose text later changed stops the start-up: history
/// of the schema, like the audit history, is not rewritten.
/// </summary>
public sealed partial class SchemaMigrator(SispmpiDbContext db, ILogger<SchemaMigrator> logger)
{
    // Any fixed number: several instances starting together migrate one at a time.
    private const long MigrationLockKey = 7_262_000;

    public static IReadOnlyList<SchemaScript> LoadScripts(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Data.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var fileName = n[prefix.Length..];
                var match = ScriptName().Match(fileName);
                if (!match.Success)
                {
                    throw new InvalidOperationException($"Migration script '{fileName}' must be named NNNN_name.sql.");
                }
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return new SchemaScript(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var scripts = LoadScripts(provider);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            }
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS "__schema_versions" (
                    "Version" INTEGER NOT NULL PRIMARY KEY,
                    "Name" VARCHAR(200) NOT NULL,
                    "Checksum" VARCHAR(64) NOT NULL,
                    "AppliedAt" VARCHAR(40) NOT NULL
                )
                """, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var newlyApplied = new List<SchemaScript>();
            foreach (var script in scripts)
            {
                if (applied.TryGetValue(script.Version, out var checksum))
                {
                    if (checksum != script.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {script.Version:0000}_{script.Name} was changed after being applied. Write a new script instead.");
                    }
                    continue;
                }
                logger.LogInformation("Applying schema migration {Version} {Name}", script.Version, script.Name);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = """INSERT INTO "__schema_versions" ("Version", "Name", "Checksum", "AppliedAt") VALUES (@v, @n, @c, @a)""";
                    AddParameter(record, "v", script.Version);
                    AddParameter(record, "n", script.Name);
                    AddParameter(record, "c", script.Checksum);
                    AddParameter(record, "a", DateTimeOffset.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                newlyApplied.Add(script);
            }
            var unknown = applied.Keys.Except(scripts.Select(s => s.Version)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database has schema versions this build does not know ({string.Join(", ", unknown)}): it was migrated by a newer release.");
            }
            return newlyApplied;
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Version", "Checksum" FROM "__schema_versions" """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[Convert.ToInt32(reader.GetValue(0))] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
