using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Auditing;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sispmpi.Web.Tests.Auditing;

/// <summary>
/// The history is tamper-evident (SPEC §8). Tests that tamper with it start an application of their own;
/// the others share the collection's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditChainTests(SispmpiAppFactory app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_history_written_by_the_demo_seed_verifies()
    {
        var (result, count) = await app.WithDbAsync(async db =>
            (await new AuditVerifier(db).VerifyAsync(), await db.AuditEntries.LongCountAsync()));

        result.FirstBroken.ShouldBeNull();
        result.IsValid.ShouldBeTrue();
        count.ShouldBeGreaterThan(0);
        result.Checked.ShouldBe(count);
    }

    [Fact]
    public async Task An_update_records_field_old_and_new_values_the_justification_and_who()
    {
        var organization = new Organization
        {
            Name = "Autarquia de Testes do Histórico", Acronym = "ATH", Cnpj = UniqueCnpj(), Kind = OrganizationKind.Autarchy,
            Sphere = Sphere.State, Branch = Branch.Executive, StateCode = "MG",
        };
        await app.WithDbAsync(async db =>
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        });

        await app.WithDbAsync(async db =>
        {
            var stored = await db.Organizations.SingleAsync(o => o.Id == organization.Id);
            stored.Name = "Autarquia de Testes do Histórico Renomeada";
            await db.SaveChangesAsync("justificativa X");
        });

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Organization) && e.EntityId == organization.Id.ToString())
            .OrderBy(e => e.Id)
            .ToListAsync());
        entries.Select(e => e.Operation).ShouldBe([AuditOperation.Insert, AuditOperation.Update]);
        var update = entries[1];
        update.Field.ShouldBe(nameof(Organization.Name));
        update.OldValue.ShouldBe("Autarquia de Testes do Histórico");
        update.NewValue.ShouldBe("Autarquia de Testes do Histórico Renomeada");
        update.Justification.ShouldBe("justificativa X");
        update.UserName.ShouldBe("Sistema");
        update.UserId.ShouldBeNull();
        update.OrganizationId.ShouldBe(organization.Id);
        entries[0].Justification.ShouldBeNull("the justification belongs to the one save it was given for");
        (await app.WithDbAsync(db => new AuditVerifier(db).VerifyAsync())).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Editing_a_value_in_the_database_breaks_the_chain_at_that_entry()
    {
        await using var isolated = await StartIsolatedAppAsync();
        var ids = await isolated.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        var target = ids[ids.Count / 2];

        var updated = await isolated.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "AuditEntries" SET "NewValue" = {0} WHERE "Id" = {1}""", "valor adulterado", target));
        updated.ShouldBe(1);

        var result = await isolated.WithDbAsync(db => new AuditVerifier(db).VerifyAsync());
        result.IsValid.ShouldBeFalse();
        result.FirstBroken!.Id.ShouldBe(target);
        result.Checked.ShouldBe(ids.Count / 2);
    }

    [Fact]
    public async Task Deleting_a_row_breaks_the_chain_at_the_entry_after_it()
    {
        await using var isolated = await StartIsolatedAppAsync();
        var ids = await isolated.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        var middle = ids.Count / 2;

        var deleted = await isolated.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "AuditEntries" WHERE "Id" = {0}""", ids[middle]));
        deleted.ShouldBe(1);

        var result = await isolated.WithDbAsync(db => new AuditVerifier(db).VerifyAsync());
        result.IsValid.ShouldBeFalse();
        result.FirstBroken!.Id.ShouldBe(ids[middle + 1]);
        result.Checked.ShouldBe(middle);
    }

    /// <summary>The operator's command, run as an operator would: a process of its own against the same database.</summary>
    [Fact]
    public async Task The_verify_audit_command_passes_a_sound_history_and_names_the_tampered_entry()
    {
        await using var isolated = await StartIsolatedAppAsync();

        var sound = await RunVerifyAuditAsync(isolated.Database);
        sound.ExitCode.ShouldBe(0, sound.ToString());

        var target = await isolated.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).Skip(3).FirstAsync());
        await isolated.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "AuditEntries" SET "NewValue" = {0} WHERE "Id" = {1}""", "valor adulterado", target));

        var tampered = await RunVerifyAuditAsync(isolated.Database);
        tampered.ExitCode.ShouldNotBe(0, tampered.ToString());
        tampered.StandardError.ShouldContain($"registro {target} ", Case.Sensitive, tampered.ToString());
    }

    private static async Task<SispmpiAppFactory> StartIsolatedAppAsync()
    {
        var factory = new SispmpiAppFactory();
        try
        {
            await factory.InitializeAsync();
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    private sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
    }

    private async Task<ProcessResult> RunVerifyAuditAsync(TestDatabase database)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "run", "--project", Path.Combine("src", "Sispmpi.Web"), "-c", RepositoryPaths.Configuration, "--no-build", "--no-launch-profile",
                     "--", "verify-audit",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Database__Provider"] = database.ProviderSetting;
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"verify-audit did not finish in 2 minutes:\n{await stdout}\n{await stderr}");
        }
        var result = new ProcessResult(process.ExitCode, await stdout, await stderr);
        output.WriteLine(result.ToString());
        return result;
    }

    private static string UniqueCnpj() => Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString();
}
