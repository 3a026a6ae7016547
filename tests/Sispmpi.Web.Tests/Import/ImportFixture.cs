using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.LegacyImport;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Import;

/// <summary>What the tests compare before and after a run that must write nothing.</summary>
public sealed record StoreSnapshot(int Organizations, int Users, int Plans, int Invitations, long AuditEntries, int Links, int StoredFiles);

/// <summary>
/// Runs, once for the test class and in the order an operator would, <c>import-sispmpi</c> against the original's
/// database: a dry run without a mapping file, a run whose mapping file lacks a body's CNPJ, the real import, and a
/// second run. The tests then read what each left behind.
/// </summary>
public sealed class ImportFixture : IAsyncLifetime
{
    public const string SefCnpj = "18345678000171";
    public const string CgeCnpj = "17234567000125";

    public SispmpiAppFactory App { get; } = new();
    public OriginalDatabase Original { get; private set; } = null!;
    public string MappingPath { get; } = Path.Combine(Path.GetTempPath(), "sispmpi-tests", $"mapeamento-{Guid.NewGuid():N}.csv");

    public LegacyImportReport DryRun { get; private set; } = null!;
    public string Template { get; private set; } = "";
    public StoreSnapshot BeforeAll { get; private set; } = null!;
    public StoreSnapshot AfterDryRun { get; private set; } = null!;
    public LegacyImportReport MissingCnpj { get; private set; } = null!;
    public StoreSnapshot AfterMissingCnpj { get; private set; } = null!;
    public LegacyImportReport Import { get; private set; } = null!;
    public StoreSnapshot AfterImport { get; private set; } = null!;
    public LegacyImportReport Second { get; private set; } = null!;
    public StoreSnapshot AfterSecond { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!MariaDbFactAttribute.Configured)
        {
            return;
        }
        await App.InitializeAsync();
        Original = await OriginalDatabase.CreateAsync();

        BeforeAll = await SnapshotAsync();
        DryRun = await RunAsync(dryRun: true);
        Template = File.Exists(MappingPath) ? await File.ReadAllTextAsync(MappingPath) : "";
        AfterDryRun = await SnapshotAsync();

        await File.WriteAllTextAsync(MappingPath, MappingFile(sefCnpj: ""));
        MissingCnpj = await RunAsync(dryRun: false);
        AfterMissingCnpj = await SnapshotAsync();

        await File.WriteAllTextAsync(MappingPath, MappingFile(SefCnpj));
        Import = await RunAsync(dryRun: false);
        AfterImport = await SnapshotAsync();

        Second = await RunAsync(dryRun: false);
        AfterSecond = await SnapshotAsync();
    }

    private static string MappingFile(string sefCnpj) => $"""
        {LegacyMapping.Header}
        17;CGE;Controladoria-Geral do Estado;{CgeCnpj};administracao-direta;estadual;executivo
        20;SEF;Secretaria de Estado de Fazenda;{sefCnpj};administracao-direta;estadual;executivo
        """;

    public async Task<LegacyImportReport> RunAsync(bool dryRun)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem(LegacyImporter.ImportUserName);
        var importer = ActivatorUtilities.CreateInstance<LegacyImporter>(scope.ServiceProvider);
        return await importer.RunAsync(new LegacyImportOptions(Original.ConnectionString, Original.FilesFolder, MappingPath, dryRun));
    }

    /// <summary>A context that sees every organization, for the comparisons.</summary>
    public async Task<T> ReadAsync<T>(Func<SispmpiDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        return await read(scope.ServiceProvider.GetRequiredService<SispmpiDbContext>());
    }

    private Task<StoreSnapshot> SnapshotAsync() => ReadAsync(async db => new StoreSnapshot(
        await db.Organizations.CountAsync(), await db.Users.CountAsync(), await db.Plans.CountAsync(), await db.Invitations.CountAsync(),
        await db.AuditEntries.LongCountAsync(), await db.LegacyImportLinks.CountAsync(),
        Directory.Exists(App.FilesFolder) ? Directory.GetFiles(App.FilesFolder, "*", SearchOption.AllDirectories).Length : 0));

    public async Task DisposeAsync()
    {
        if (!MariaDbFactAttribute.Configured)
        {
            return;
        }
        File.Delete(MappingPath);
        await Original.DisposeAsync();
        await App.DisposeAsync();
    }
}
