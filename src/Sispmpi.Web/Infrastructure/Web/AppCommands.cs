using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>Operator commands: <c>dotnet run --project src/Sispmpi.Web -- &lt;command&gt;</c>.</summary>
public static class AppCommands
{
    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> _commands = new()
    {
        ["verify-audit"] = VerifyAuditAsync,
        ["migrate"] = MigrateAsync,
        ["schema-script"] = SchemaScriptAsync,
        ["import-sispmpi"] = Features.LegacyImport.LegacyImportCommand.RunAsync,
    };

    public static Func<WebApplication, string[], Task<int>>? Find(string[] args) =>
        args.Length > 0 && _commands.TryGetValue(args[0], out var command) ? command : null;

    private static async Task<int> VerifyAuditAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var result = await new AuditVerifier(scope.ServiceProvider.GetRequiredService<SispmpiDbContext>()).VerifyAsync();
        if (result.IsValid)
        {
            Console.WriteLine($"Histórico íntegro: {result.Checked} registros verificados.");
            return 0;
        }
        var bad = result.FirstBroken!;
        Console.Error.WriteLine(
            $"Histórico adulterado: o registro {bad.Id} ({bad.EntityType} {bad.EntityId}, {bad.OccurredAt:O}) não confere com a cadeia de hashes; {result.Checked} registros anteriores estão íntegros.");
        return 1;
    }

    private static async Task<int> MigrateAsync(WebApplication app, string[] args)
    {
        await app.PrepareDatabaseAsync();
        Console.WriteLine("Banco de dados atualizado.");
        return 0;
    }

    /// <summary>Prints the schema EF would create for the current model: the starting point of a new migration script.</summary>
    private static async Task<int> SchemaScriptAsync(WebApplication app, string[] args)
    {
        var provider = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() ?? "sqlite";
        var options = new DbContextOptionsBuilder<SispmpiDbContext>();
        if (provider == "postgres")
        {
            options.UseNpgsql("Host=localhost");
        }
        else
        {
            options.UseSqlite("Data Source=:memory:");
        }
        await using var db = new SispmpiDbContext(options.Options, new TenantContext());
        Console.WriteLine(db.Database.GenerateCreateScript());
        return 0;
    }
}
