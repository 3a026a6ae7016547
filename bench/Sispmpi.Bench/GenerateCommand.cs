using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Sispmpi.Bench.Generation;
using Sispmpi.Bench.Storage;
using Sispmpi.Core.Auditing;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Bench;

/// <summary>Migrates the target database, generates the network in memory, and bulk-loads it with its history.</summary>
public sealed class GenerateCommand(GenerateOptions options)
{
    /// <summary>The password of every generated account (bench/README.md).</summary>
    public const string Password = "Bench@SisPMPI2026";

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("pt-BR");

    private readonly Stopwatch _total = Stopwatch.StartNew();

    public async Task<int> RunAsync()
    {
        var (orgs, actions) = (options.Organizations, options.ActionsPerOrganization);
        Say($"SisPMPI — gerador de dados: {orgs} órgãos × {actions} ações, {options.Provider}, semente {options.Seed}, data de referência {options.ReferenceDate:yyyy-MM-dd}");

        var connection = options.Provider == DatabaseProvider.Sqlite ? PrepareSqlite(options.Connection) : options.Connection;
        var tenant = new TenantContext();
        tenant.UseSystem(HistoryChain.GeneratorUserName);
        var builder = new DbContextOptionsBuilder<SispmpiDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(connection);
        }
        else
        {
            builder.UseNpgsql(connection);
        }
        await using var db = new SispmpiDbContext(builder.Options, tenant);

        var phase = Phase("Aplicando as migrações do esquema");
        var applied = await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        Done(phase, applied.Count == 0 ? "já atualizado" : $"{applied.Count} script(s) aplicado(s)");

        var schema = new BenchSchema(db.Model);
        await using BulkTarget target = options.Provider == DatabaseProvider.Sqlite
            ? new SqliteTarget(connection, schema, Console.WriteLine)
            : new PostgresTarget(connection, schema, options.ReferenceDate, Console.WriteLine);

        phase = Phase("Abrindo a transação e lendo o estado do banco");
        var state = await target.OpenAsync();
        if (state.OrganizationCount > 0 && !options.Append)
        {
            await Console.Error.WriteLineAsync(string.Create(Culture,
                $"O banco de destino já contém {state.OrganizationCount} órgão(s): nada foi gravado. Use --append para acrescentar dados a ele, ou indique um banco vazio."));
            return 2;
        }
        Done(phase, state.OrganizationCount == 0
            ? "banco vazio"
            : $"{state.OrganizationCount} órgãos e {state.LastAuditId} registros de histórico existentes: acrescentando");

        phase = Phase("Gerando a rede em memória");
        // One hash for every account: PBKDF2 is slow on purpose, and the password is the same anyway.
        var passwordHash = new PasswordHasher<AppUser>().HashPassword(new AppUser { FullName = "" }, Password);
        var context = new GenerationContext(state.Ids, state.Cnpjs, state.OversightId, passwordHash);
        var network = new NetworkGenerator(options, context).Generate();
        Done(phase, $"{network.Organizations.Count} órgãos, {network.Units.Count} unidades, {network.Users.Count} usuários, " +
            $"{network.Plans.Count} planos, {network.Axes.Count} eixos, {network.Actions.Count} ações");

        phase = Phase(options.Provider == DatabaseProvider.Postgres
            ? "Gravando (COPY binário; domínio e histórico em paralelo)"
            : "Gravando (INSERTs preparados numa transação)");
        var history = new HistoryChain(schema, HistoryChain.GeneratorUserName, state.LastAuditId,
            state.LastAuditHash ?? AuditChain.GenesisHash);
        await target.WriteAsync(network, history);
        await target.CommitAsync();
        Done(phase, "transação confirmada");

        if (options.Provider == DatabaseProvider.Postgres)
        {
            phase = Phase("Atualizando as estatísticas do planejador (ANALYZE)");
            await target.AnalyzeAsync();
            Done(phase, "");
        }

        var historyCount = history.LastId - state.LastAuditId;
        var seconds = _total.Elapsed.TotalSeconds;
        Say($"Gerados {network.Organizations.Count} órgãos, {network.Actions.Count} ações, {historyCount} registros de histórico em {seconds:0.0} s");
        return 0;
    }

    /// <summary>Relative paths are taken from the working directory; the folder is created if needed.</summary>
    private static string PrepareSqlite(string connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    private Stopwatch Phase(string name)
    {
        Say($"{name}…");
        return Stopwatch.StartNew();
    }

    private void Done(Stopwatch phase, string detail) =>
        Say($"  {(detail.Length > 0 ? detail + " " : "")}({phase.Elapsed.TotalSeconds:0.0} s; total {_total.Elapsed.TotalSeconds:0.0} s)");

    private static void Say(FormattableString message) => Console.WriteLine(message.ToString(Culture));
}
