using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Sispmpi.Web.Data;

namespace Sispmpi.Bench.Dashboard;

/// <summary>The PostgreSQL database of a timed benchmark (<c>dashboard</c>, <c>panel</c>): created or recreated, and filled by the generator when empty.</summary>
public static class BenchDatabase
{
    /// <summary>Creates (or recreates) the database, and fills it with the generator when it has no organization.</summary>
    public static async Task<bool> PrepareAsync(string connectionString, bool recreate, int organizationCount, int actions, int seed,
        Action<FormattableString> Say, Func<string, Stopwatch> Phase, Action<Stopwatch, string> Done)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database;
        if (string.IsNullOrWhiteSpace(name) || name is "postgres" or "template0" or "template1")
        {
            await Console.Error.WriteLineAsync("Indique em --db um banco próprio para o benchmark (Database=…), não o banco de manutenção.");
            return false;
        }
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            var quoted = Storage.Sql.Quote(name);
            if (recreate)
            {
                var phase = Phase($"Recriando o banco {name}");
                await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)");
                await ExecuteAsync(connection, $"CREATE DATABASE {quoted}");
                Done(phase, "");
            }
            else
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
                exists.Parameters.AddWithValue("name", name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    var phase = Phase($"Criando o banco {name}");
                    await ExecuteAsync(connection, $"CREATE DATABASE {quoted}");
                    Done(phase, "");
                }
            }
        }

        long organizations;
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            // A fresh database has no schema yet: the generator migrates it.
            await using var exists = new NpgsqlCommand("""SELECT to_regclass('"Organizations"') IS NOT NULL""", connection);
            if (await exists.ExecuteScalarAsync() is true)
            {
                await using var count = new NpgsqlCommand("""SELECT COUNT(*) FROM "Organizations" """, connection);
                organizations = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
            else
            {
                organizations = 0;
            }
        }
        if (organizations > 0)
        {
            Say($"O banco já tem {organizations} órgãos: dados reaproveitados (--recreate para gerar de novo).");
            return true;
        }

        Say($"Gerando {organizationCount} órgão(s) com {actions} ações cada (o gerador, no mesmo processo):");
        var generate = new GenerateOptions(organizationCount, actions, connectionString, DatabaseProvider.Postgres, seed, Append: false,
            DateOnly.FromDateTime(DateTime.UtcNow));
        var exit = await new GenerateCommand(generate).RunAsync();
        Console.WriteLine();
        return exit == 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
