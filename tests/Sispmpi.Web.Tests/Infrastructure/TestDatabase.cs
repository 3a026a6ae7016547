using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Tests.Infrastructure;

/// <summary>
/// One empty database of its own, on the provider named by <c>SISPMPI_TEST_PROVIDER</c> (<c>sqlite</c>, the
/// default, or <c>postgres</c>): a file in a fresh temporary folder, or a uniquely named PostgreSQL database
/// created through the admin connection string in <c>SISPMPI_TEST_PG</c> and dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "SISPMPI_TEST_PROVIDER";
    public const string PostgresVariable = "SISPMPI_TEST_PG";

    private readonly string? _folder;
    private readonly string? _adminConnectionString;
    private bool _disposed;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name, string? folder, string? adminConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
        _folder = folder;
        _adminConnectionString = adminConnectionString;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The value for <c>ConnectionStrings:Default</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file's path, or the PostgreSQL database's name.</summary>
    public string Name { get; }

    /// <summary>The value for <c>Database:Provider</c>.</summary>
    public string ProviderSetting => Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    public static DatabaseProvider ProviderFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(ProviderVariable);
        return (string.IsNullOrWhiteSpace(value) ? "sqlite" : value.Trim().ToLowerInvariant()) switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"{ProviderVariable}='{other}': use 'sqlite' or 'postgres'."),
        };
    }

    public static bool PostgresConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>A fresh database on <paramref name="provider"/>, or on the one <c>SISPMPI_TEST_PROVIDER</c> names.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider? provider = null)
    {
        return (provider ?? ProviderFromEnvironment()) switch
        {
            DatabaseProvider.Postgres => await CreatePostgresAsync(),
            _ => CreateSqlite(),
        };
    }

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sispmpi-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "sispmpi.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, path, folder, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need {PostgresVariable}, the admin connection string of a PostgreSQL server " +
                "(e.g. Host=127.0.0.1;Port=55432;Username=postgres). scripts/test.sh starts a throwaway cluster and sets it.");
        }
        var name = $"sispmpi_test_{Guid.NewGuid():N}"[..32];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""CREATE DATABASE "{name}" ENCODING 'UTF8' TEMPLATE template0""", connection);
            await command.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, name, null, admin);
    }

    /// <summary>A context on this database outside any application, with the history interceptor.</summary>
    public SispmpiDbContext CreateContext(TenantContext? tenant = null)
    {
        var options = new DbContextOptionsBuilder<SispmpiDbContext>();
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
        options.AddInterceptors(new AuditInterceptor());
        if (tenant is null)
        {
            tenant = new TenantContext();
            tenant.UseSystem();
        }
        return new SispmpiDbContext(options.Options, tenant);
    }

    /// <summary>Makes the database unreachable while an application still points at it: the file or database is removed.</summary>
    public async Task DestroyAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await DropPostgresAsync();
        }
        else
        {
            DeleteSqliteFiles();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (Provider == DatabaseProvider.Postgres)
        {
            await DropPostgresAsync();
        }
        else
        {
            DeleteSqliteFiles();
            try
            {
                Directory.Delete(_folder!, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a lingering connection: the temporary folder is cleaned by the OS.
            }
        }
    }

    private async Task DropPostgresAsync()
    {
        // The application's idle connections to it would otherwise linger, broken, in its pool.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{Name}" WITH (FORCE)""", connection);
        await command.ExecuteNonQueryAsync();
    }

    private void DeleteSqliteFiles()
    {
        using (var pooled = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(Name + suffix);
        }
    }

    public override string ToString() => $"{ProviderSetting}:{Name}";
}
