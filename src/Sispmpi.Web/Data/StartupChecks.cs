using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sispmpi.Web.Data;

public static class StartupChecks
{
    /// <summary>
    /// Whether <paramref name="table"/> has any row, in plain SQL. The start-up checks use it so that, on a database
    /// with nothing to seed, no LINQ query is compiled before the server listens (issue 17).
    /// </summary>
    public static async Task<bool> HasRowsAsync(this SispmpiDbContext db, string table, string? where = null, CancellationToken cancellationToken = default)
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
            command.CommandText = where is null ? $"""SELECT 1 FROM "{table}" LIMIT 1""" : $"""SELECT 1 FROM "{table}" WHERE {where} LIMIT 1""";
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
