using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Sispmpi.Web.Data;
using Sispmpi.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sispmpi.Web.Tests.Data;

/// <summary>
/// The hand-written SQL migrations must build exactly the schema EF's model describes, on both providers,
/// whichever provider the rest of the run uses.
/// </summary>
public sealed class SchemaTests(ITestOutputHelper output)
{
    [Fact]
    public Task Sqlite_migrations_build_the_schema_of_the_model() => AssertMigrationsMatchModelAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Postgres_migrations_build_the_schema_of_the_model() => AssertMigrationsMatchModelAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task Sqlite_migrating_twice_applies_nothing_the_second_time() => AssertSecondMigrationAppliesNothingAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Postgres_migrating_twice_applies_nothing_the_second_time() => AssertSecondMigrationAppliesNothingAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task Sqlite_a_migration_changed_after_being_applied_stops_the_migrator() => AssertChangedMigrationIsRefusedAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Postgres_a_migration_changed_after_being_applied_stops_the_migrator() => AssertChangedMigrationIsRefusedAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task Sqlite_schema_comparison_names_each_difference() => AssertComparisonNamesDifferencesAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Postgres_schema_comparison_names_each_difference() => AssertComparisonNamesDifferencesAsync(DatabaseProvider.Postgres);

    private async Task AssertMigrationsMatchModelAsync(DatabaseProvider provider)
    {
        await using var migratedDatabase = await TestDatabase.CreateAsync(provider);
        await using var modelDatabase = await TestDatabase.CreateAsync(provider);

        SchemaSnapshot migrated;
        await using (var db = migratedDatabase.CreateContext())
        {
            await Migrator(db).MigrateAsync();
            migrated = await SchemaSnapshot.ReadAsync(db);
        }
        SchemaSnapshot model;
        await using (var db = modelDatabase.CreateContext())
        {
            // EnsureCreated is for this comparison only: the application always migrates.
            (await db.Database.EnsureCreatedAsync()).ShouldBeTrue();
            model = await SchemaSnapshot.ReadAsync(db);
        }

        model.Tables.ShouldContain("AuditEntries");
        model.Tables.ShouldContain("Organizations");
        var differences = SchemaSnapshot.Diff(migrated, "the migrations", model, "the EF model");
        if (differences.Count > 0)
        {
            output.WriteLine($"Schema built by the migrations ({provider}):\n{migrated}");
            output.WriteLine($"Schema of the EF model ({provider}):\n{model}");
        }
        differences.ShouldBeEmpty(
            $"the {provider} migrations under src/Sispmpi.Web/Data/Migrations/{provider} do not build the schema of the EF model " +
            $"({differences.Count} differences); print the model's script with `dotnet run --project src/Sispmpi.Web -- schema-script " +
            $"--provider {(provider == DatabaseProvider.Postgres ? "postgres" : "sqlite")}` and add a migration:\n  " +
            string.Join("\n  ", differences) + "\n");
    }

    private static async Task AssertSecondMigrationAppliesNothingAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var scripts = SchemaMigrator.LoadScripts(provider);
        scripts.ShouldNotBeEmpty();

        var first = await Migrator(db).MigrateAsync();
        var second = await Migrator(db).MigrateAsync();

        first.Select(s => s.Version).ShouldBe(scripts.Select(s => s.Version));
        second.ShouldBeEmpty();
        (await AppliedVersionsAsync(db)).ShouldBe(scripts.Select(s => s.Version));
    }

    private static async Task AssertChangedMigrationIsRefusedAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await Migrator(db).MigrateAsync();
        var first = SchemaMigrator.LoadScripts(provider)[0];

        // As if the script's text had been edited after this database ran it.
        var updated = await db.Database.ExecuteSqlRawAsync(
            """UPDATE "__schema_versions" SET "Checksum" = {0} WHERE "Version" = {1}""", new string('0', 64), first.Version);
        updated.ShouldBe(1);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => Migrator(db).MigrateAsync());
        error.Message.ShouldContain($"{first.Version:0000}_{first.Name}");
        error.Message.ShouldContain("changed after being applied");
    }

    /// <summary>The comparison itself is checked: a schema altered behind EF's back must show each change.</summary>
    private async Task AssertComparisonNamesDifferencesAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await Migrator(db).MigrateAsync();
        var before = await SchemaSnapshot.ReadAsync(db);

        await db.Database.ExecuteSqlRawAsync("""
            DROP INDEX "IX_Organizations_Cnpj";
            CREATE INDEX "IX_Organizations_Cnpj" ON "Organizations" ("Cnpj");
            ALTER TABLE "Plans" ADD COLUMN "Extra" TEXT NULL;
            CREATE TABLE "Stray" ("Id" INTEGER NOT NULL PRIMARY KEY);
            """);
        var expected = new List<string>
        {
            "Organizations.index IX_Organizations_Cnpj: before has 'UNIQUE (Cnpj)', after has '(Cnpj)'",
            "Plans.column Extra: only in after",
            "Stray: only in after (table)",
            "Stray.column Id: only in after",
            "Stray.primary key: only in after",
        };
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                ALTER TABLE "Organizations" ALTER COLUMN "Name" TYPE character varying(200);
                ALTER TABLE "ProfileGrants" DROP CONSTRAINT "FK_ProfileGrants_Organizations_OrganizationId";
                ALTER TABLE "ProfileGrants" ADD CONSTRAINT "FK_ProfileGrants_Organizations_OrganizationId"
                    FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE;
                """);
            expected.Add("Organizations.column Name: before has 'character varying(300) NOT NULL', after has 'character varying(200) NOT NULL'");
            expected.Add("ProfileGrants.foreign key (OrganizationId): before has 'references Organizations(Id) on delete RESTRICT");
        }
        var after = await SchemaSnapshot.ReadAsync(db);

        var differences = SchemaSnapshot.Diff(before, "before", after, "after");

        output.WriteLine(before.ToString());
        output.WriteLine(string.Join("\n", differences));
        differences.Count.ShouldBe(expected.Count, string.Join("\n", differences));
        foreach (var difference in expected)
        {
            differences.ShouldContain(d => d.StartsWith(difference, StringComparison.Ordinal), $"missing: {difference}");
        }
    }

    private static SchemaMigrator Migrator(SispmpiDbContext db) => new(db, NullLogger<SchemaMigrator>.Instance);

    private static async Task<List<int>> AppliedVersionsAsync(SispmpiDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Version" FROM "__schema_versions" ORDER BY "Version" """;
            var versions = new List<int>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                versions.Add(Convert.ToInt32(reader.GetValue(0)));
            }
            return versions;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
