using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Infrastructure.Auditing;

namespace Sispmpi.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/sispmpi.db";

    public static DatabaseProvider ReadProvider(IConfiguration configuration) =>
        (configuration["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException(
                $"Database:Provider '{other}' is not supported: use 'sqlite' or 'postgres'."),
        };

    public static IServiceCollection AddSispmpiDatabase(this IServiceCollection services, IConfiguration configuration,
        string contentRoot)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = PrepareSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString,
                contentRoot);
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is 'postgres'.");
        }

        services.AddSingleton<AuditInterceptor>();
        services.AddDbContext<SispmpiDbContext>((sp, options) =>
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSetup());
            }
            else
            {
                options.UseNpgsql(connectionString);
            }
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddScoped<SchemaMigrator>();
        return services;
    }

    /// <summary>Relative SQLite paths are resolved against the content root, and their folder is created.</summary>
    private static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
