using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>
/// <c>import-sispmpi --mysql "&lt;connection string&gt;" --files &lt;uploads folder&gt; [--mapping file] [--dry-run]</c>:
/// exit code 0 when everything asked was done (or there was nothing to do), 2 for bad arguments or a mapping
/// file that stops the import, 1 when a body failed and was rolled back.
/// </summary>
public static class LegacyImportCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var mysql = Value("--mysql");
        var folder = Value("--files");
        if (mysql is null || folder is null)
        {
            Console.Error.WriteLine("Uso: import-sispmpi --mysql \"<conexão MySQL>\" --files <pasta de uploads> [--mapping <arquivo>] [--dry-run]");
            return 2;
        }
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"A pasta de arquivos {folder} não existe.");
            return 2;
        }
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem(LegacyImporter.ImportUserName);
        var importer = ActivatorUtilities.CreateInstance<LegacyImporter>(scope.ServiceProvider);
        LegacyImportReport report;
        try
        {
            report = await importer.RunAsync(new LegacyImportOptions(mysql, folder, Value("--mapping"), args.Contains("--dry-run")));
        }
        catch (MySqlConnector.MySqlException exception)
        {
            Console.Error.WriteLine($"Não foi possível ler o banco MySQL do SisPMPI original: {exception.Message}");
            return 2;
        }
        Console.WriteLine(report.ToString());
        return report.FailedBodies.Count > 0 ? 1 : report.Blockers.Count > 0 && !report.DryRun ? 2 : 0;
    }
}
