using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Data;

public static class StartupChecks
{
    /// <summary>
    /// Whether <paramref name="table"/> has any row, in plain SQL. The start-up checks use it so that, on a database
    /// with nothing to seed, the server listens before EF has built its model (issue 17; <see cref="ModelWarmup"/>).
    /// </summary>
    public static async Task<bool> HasRowsAsync(this SispmpiDbContext db, string table, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        var open = connection.State == ConnectionState.Open;
        if (!open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"""SELECT 1 FROM "{table}" LIMIT 1""";
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        finally
        {
            if (!open)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

/// <summary>
/// Once the server listens, builds EF's model and runs one query in the background, so that the first page after a
/// start does not pay for them alone (issue 17).
/// </summary>
public sealed class ModelWarmup(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<ModelWarmup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStartedAsync(stoppingToken);
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
            await db.Organizations.IgnoreQueryFilters().AnyAsync(stoppingToken);
            StartupTrace.Mark("model-warm");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only a head start: the first request builds whatever is missing, and reports any real failure.
            logger.LogDebug(exception, "EF warm-up after start-up failed");
        }
        catch (OperationCanceledException)
        {
        }
    }
}
