using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Sispmpi.Core.Auditing;

namespace Sispmpi.Web.Infrastructure.Auditing;

/// <summary>
/// Appends history entries to the hash chain inside the current transaction: it takes the chain's lock (an advisory lock
/// on PostgreSQL; on SQLite the transaction's writes already hold the single write lock), reads the last hash, and links
/// each new entry to the one before. The audit interceptor and the import of an original SisPMPI both write through it.
/// </summary>
internal sealed class AuditChainWriter : IAsyncDisposable
{
    private readonly DbCommand _insert;
    private string _previousHash;

    private AuditChainWriter(DbCommand insert, string previousHash)
    {
        _insert = insert;
        _previousHash = previousHash;
    }

    public static async Task<AuditChainWriter> OpenAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var connection = database.GetDbConnection();
        var transaction = database.CurrentTransaction!.GetDbTransaction();
        if (database.IsNpgsql())
        {
            await using var lockCommand = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({AuditInterceptor.ChainLockKey})");
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        string previousHash;
        await using (var last = Command(connection, transaction, """SELECT "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1"""))
        {
            previousHash = await last.ExecuteScalarAsync(cancellationToken) as string ?? AuditChain.GenesisHash;
        }
        var insert = Command(connection, transaction, """
            INSERT INTO "AuditEntries" ("OccurredAt", "UserId", "UserName", "Profile", "OrganizationId", "EntityType",
                "EntityId", "Operation", "Field", "OldValue", "NewValue", "Justification", "PreviousHash", "Hash")
            VALUES (@at, @user, @userName, @profile, @org, @type, @id, @op, @field, @old, @new, @why, @prev, @hash)
            """);
        return new AuditChainWriter(insert, previousHash);
    }

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var hash = AuditChain.ComputeHash(_previousHash, record);
        _insert.Parameters.Clear();
        Add(_insert, "at", record.OccurredAt);
        Add(_insert, "user", record.UserId);
        Add(_insert, "userName", record.UserName);
        Add(_insert, "profile", record.Profile);
        Add(_insert, "org", record.OrganizationId);
        Add(_insert, "type", record.EntityType);
        Add(_insert, "id", record.EntityId);
        Add(_insert, "op", (int)record.Operation);
        Add(_insert, "field", record.Field);
        Add(_insert, "old", record.OldValue);
        Add(_insert, "new", record.NewValue);
        Add(_insert, "why", record.Justification);
        Add(_insert, "prev", _previousHash);
        Add(_insert, "hash", hash);
        await _insert.ExecuteNonQueryAsync(cancellationToken);
        _previousHash = hash;
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
