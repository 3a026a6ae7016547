using System.Diagnostics;
using Npgsql;
using Sispmpi.Bench.Generation;

namespace Sispmpi.Bench.Storage;

/// <summary>
/// PostgreSQL through binary COPY, on two connections working in parallel: one loads the domain tables in
/// foreign-key order, the other the history (which has no foreign keys), so that the server uses both cores.
/// Ids are assigned by the generator; the identity sequences are moved past them before committing. The panel summary's
/// row triggers (migration 0015) are off during the copy — one summary update per action would cost more than the copy —
/// and the summaries of the new plans are then filled in one set-based statement, as of the reference date.
/// </summary>
public sealed class PostgresTarget(string connectionString, BenchSchema schema, DateOnly referenceDate, Action<string> report)
    : BulkTarget(schema, report)
{
    /// <summary>Appends to the history chain take the interceptor's lock, and so do we.</summary>
    private const long ChainLockKey = Sispmpi.Web.Infrastructure.Auditing.AuditInterceptor.ChainLockKey;

    /// <summary>The tables whose rows the panel summary's triggers follow.</summary>
    private static readonly string[] _summarizedTables = ["Plans", "PlanAxes", "PlanActions"];

    private NpgsqlConnection? _domain;
    private NpgsqlTransaction? _domainTransaction;
    private NpgsqlConnection? _history;
    private NpgsqlTransaction? _historyTransaction;

    public override async Task<DatabaseState> OpenAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Enlist = false };
        _domain = new NpgsqlConnection(builder.ConnectionString);
        await _domain.OpenAsync();
        _domainTransaction = await _domain.BeginTransactionAsync();
        // Blocks the application's writes to these tables (reads go on) until we commit, so the ids stay ours.
        var tables = string.Join(", ", Schema.DomainTableNames.Select(Sql.Quote));
        await ExecuteAsync(_domain, _domainTransaction, $"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE");
        foreach (var table in _summarizedTables)
        {
            await ExecuteAsync(_domain, _domainTransaction, $"ALTER TABLE {Sql.Quote(table)} DISABLE TRIGGER USER");
        }

        _history = new NpgsqlConnection(builder.ConnectionString);
        await _history.OpenAsync();
        _historyTransaction = await _history.BeginTransactionAsync();
        await ExecuteAsync(_history, _historyTransaction, $"SELECT pg_advisory_xact_lock({ChainLockKey})");

        return await ReadStateAsync(Schema, _domain, _domainTransaction, _history, _historyTransaction);
    }

    public override async Task WriteAsync(GeneratedNetwork network, HistoryChain history)
    {
        var watch = Stopwatch.StartNew();
        var domainDeferred = await DeferredIndexes.DropAsync(_domain!, _domainTransaction!, Schema.DomainTableNames);
        var historyDeferred = await DeferredIndexes.DropAsync(_history!, _historyTransaction!, [Schema.AuditEntries.Name]);
        ReportStep(string.Create(GenerateCommand.Culture,
            $"Índices e chaves estrangeiras adiados: {domainDeferred.IndexCount + historyDeferred.IndexCount} índices, {domainDeferred.ForeignKeyCount} FKs"), watch);

        // Each connection builds its own indexes once its rows are in, so the domain's overlap the history's COPY.
        var domain = Task.Run(async () =>
        {
            Copy(_domain!, Schema.Organizations, network.Organizations);
            Copy(_domain!, Schema.YearFigures, network.YearFigures);
            Copy(_domain!, Schema.Units, network.Units);
            Copy(_domain!, Schema.Users, network.Users);
            Copy(_domain!, Schema.Grants, network.Grants);
            Copy(_domain!, Schema.Plans, network.Plans);
            Copy(_domain!, Schema.Axes, network.Axes);
            Copy(_domain!, Schema.Actions, network.Actions);
            await domainDeferred.RebuildIndexesAsync(_domain!, _domainTransaction!, ReportStep);
            // The fill counts axes per plan through IX_PlanAxes_PlanId: after the indexes. Without statistics the planner
            // took the plans' aggregate for a couple of hundred rows and joined it in a nested loop, quadratic in the
            // number of plans (minutes at 20,000 bodies): ANALYZE, which may run inside the transaction, first.
            if (network.Plans.Count > 0)
            {
                var fill = Stopwatch.StartNew();
                await ExecuteAsync(_domain!, _domainTransaction!,
                    $"ANALYZE {Schema.Plans.QuotedName}, {Schema.Axes.QuotedName}, {Schema.Actions.QuotedName}");
                ReportStep("ANALYZE (planos, eixos e ações)", fill);
                fill.Restart();
                await ExecuteAsync(_domain!, _domainTransaction!, string.Create(GenerateCommand.Culture,
                    $"SELECT sispmpi_fill_plan_summaries({network.Plans.Min(p => p.Id)}, DATE '{referenceDate:yyyy-MM-dd}')"));
                Report("PlanSummaries", network.Plans.Count, fill);
            }
            await domainDeferred.RestoreForeignKeysAsync(_domain!, _domainTransaction!, ReportStep);
        });
        var chain = Task.Run(async () =>
        {
            Copy(_history!, Schema.AuditEntries, history.Entries(network));
            await historyDeferred.RebuildIndexesAsync(_history!, _historyTransaction!, ReportStep);
        });
        await Task.WhenAll(domain, chain);

        foreach (var table in _summarizedTables)
        {
            await ExecuteAsync(_domain!, _domainTransaction!, $"ALTER TABLE {Sql.Quote(table)} ENABLE TRIGGER USER");
        }

        foreach (var table in Schema.DomainTableNames)
        {
            await MoveSequencePastAsync(_domain!, _domainTransaction!, table);
        }
        await MoveSequencePastAsync(_history!, _historyTransaction!, Schema.AuditEntries.Name);
    }

    public override async Task CommitAsync()
    {
        await _domainTransaction!.CommitAsync();
        await _historyTransaction!.CommitAsync();
    }

    public override async Task AnalyzeAsync()
    {
        var tables = string.Join(", ", Schema.DomainTableNames.Append(Schema.AuditEntries.Name)
            .Append("PlanSummaries").Append("PlanMonthConclusions").Select(Sql.Quote));
        await ExecuteAsync(_domain!, null, $"ANALYZE {tables}");
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var disposable in new IAsyncDisposable?[] { _domainTransaction, _historyTransaction, _domain, _history })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private void Copy<T>(NpgsqlConnection connection, EntityTable<T> table, IEnumerable<T> rows) where T : class
    {
        var watch = Stopwatch.StartNew();
        using var writer = new CopyWriter(connection, $"COPY {table.QuotedName} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
        var columns = table.Columns;
        foreach (var row in rows)
        {
            writer.StartRow(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                columns[i].WriteTo(writer, row);
            }
        }
        writer.Complete();
        Report(table.Name, writer.Rows, watch);
    }

    private static Task MoveSequencePastAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table) =>
        ExecuteAsync(connection, transaction, $"""
            SELECT setval(pg_get_serial_sequence('{Sql.Quote(table)}', 'Id'), MAX("Id")) FROM {Sql.Quote(table)} HAVING MAX("Id") IS NOT NULL
            """);
}
