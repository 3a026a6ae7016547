using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// What the execution tests share: the demo accounts and actions they use, fresh actions of their own on the demo
/// plan (so each test changes only what it created), today's date in Brasília and minimal files of every kind.
/// </summary>
internal static class ExecutionTestData
{
    public const string Executor = "executor@demo.gov.br";
    public const string Commission = "comissao@demo.gov.br";
    public const string Observer = "observador@demo.gov.br";
    public const string DemoPlanTitle = "Plano de Integridade da SEPLAG";

    /// <summary>The demo actions executor@ does not answer for (DemoSeeder.SeedExecutionAsync).</summary>
    public static readonly string[] NotTheExecutors =
    [
        "Realizar reunião trimestral da alta administração sobre integridade",
        "Aprovar a política de integridade da SEPLAG",
        "Criar comissão permanente de processo administrativo disciplinar",
    ];

    public const string ActionWithEvidence = "Reestruturar a página de transparência ativa";

    public static readonly TimeZoneInfo Brasilia = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    /// <summary>Today in Brasília, the day the application dates everything by.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Brasilia).DateTime);

    /// <summary>The value a date input posts.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Noon of <paramref name="day"/> in Brasília, as UTC (PostgreSQL stores only UTC instants).</summary>
    public static DateTimeOffset NoonInBrasilia(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(local, Brasilia.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly BrasiliaDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Brasilia).DateTime);

    /// <summary>
    /// Adds an action to the demo plan (published), under axis 5, with executor@ responsible and the SRH as executing
    /// unit, not started, planned from 30 days ago to 90 days ahead; <paramref name="configure"/> changes the rest.
    /// The title gets a unique suffix; returns the action's id.
    /// </summary>
    public static Task<int> CreateActionAsync(this SispmpiAppFactory app, string title, Action<PlanAction>? configure = null) =>
        app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Title == DemoPlanTitle);
            plan.Status.ShouldBe(PlanStatus.Published);
            var axis = await db.PlanAxes.SingleAsync(x => x.PlanId == plan.Id && x.Number == "5");
            var position = await db.PlanActions.Where(a => a.AxisId == axis.Id).MaxAsync(a => a.Position) + 1;
            var executorId = await db.Users.Where(u => u.Email == Executor).Select(u => u.Id).SingleAsync();
            var unitId = await db.AdministrativeUnits.Where(u => u.OrganizationId == plan.OrganizationId && u.Acronym == "SRH").Select(u => u.Id).SingleAsync();
            var action = new PlanAction
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, AxisId = axis.Id, Position = position, Number = $"5.{position}",
                Title = $"{title} {Guid.NewGuid():N}"[..(title.Length + 7)], ActionType = "Processo", Classification = ActionClassification.OneOff,
                ExecutingUnitId = unitId, ResponsibleUserId = executorId, PlannedStart = Today.AddDays(-30), PlannedEnd = Today.AddDays(90),
                PlannedBudget = 10_000m,
            };
            configure?.Invoke(action);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });

    public static Task<int> DemoActionIdAsync(this SispmpiAppFactory app, string title) =>
        app.WithDbAsync(db => db.PlanActions.Where(a => a.Plan!.Title == DemoPlanTitle && a.Title == title).Select(a => a.Id).SingleAsync());

    public static Task<PlanAction> ActionAsync(this SispmpiAppFactory app, int actionId) =>
        app.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.Id == actionId));

    public static Task<int> UserIdAsync(this SispmpiAppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<int> OrganizationIdAsync(this SispmpiAppFactory app, string acronym) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync());

    public static Task<int> UnitIdAsync(this SispmpiAppFactory app, string organizationAcronym, string unitAcronym) =>
        app.WithDbAsync(db => db.AdministrativeUnits
            .Where(u => u.Organization!.Acronym == organizationAcronym && u.Acronym == unitAcronym).Select(u => u.Id).SingleAsync());

    /// <summary>Creates an active account with the demo password and the given profiles in one organization; returns its e-mail.</summary>
    public static async Task<string> CreateUserAsync(this SispmpiAppFactory app, string organizationAcronym, string name, params Profile[] profiles)
    {
        var email = $"teste-{Guid.NewGuid():N}"[..18] + "@demo.gov.br";
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var organizationId = await db.Organizations.Where(o => o.Acronym == organizationAcronym).Select(o => o.Id).SingleAsync();
        var user = new AppUser { UserName = email, Email = email, FullName = name, EmailConfirmed = true };
        var created = await users.CreateAsync(user, SispmpiAppFactory.DemoPassword);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        foreach (var profile in profiles)
        {
            db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = organizationId, Profile = profile });
        }
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>Every file under the application's temporary folder (file store, mail, keys), by path, with its size.</summary>
    public static Dictionary<string, long> FilesOf(SispmpiAppFactory app)
    {
        var root = Path.GetDirectoryName(app.FilesFolder)!;
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => new FileInfo(f).Length)
            : [];
    }

    /// <summary>The physical path of a key of the file store.</summary>
    public static string StoredPath(SispmpiAppFactory app, string key) => Path.Combine(app.FilesFolder, key);

    // Minimal files of every accepted kind, as tests/Sispmpi.Core.Tests/Execution/EvidenceFilesTests.cs builds them.
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];
    public static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
    public static readonly byte[] WindowsExecutable = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[56]];

    /// <summary>The <c>[Content_Types].xml</c> of a minimal DOCX and XLSX: the main part declared with its kind's type.</summary>
    public const string WordTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    public const string SheetTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";

    public static readonly byte[] Docx = Zip(
        ("[Content_Types].xml", WordTypes),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>"),
        ("word/document.xml", "<?xml version=\"1.0\"?><w:document/>"));

    public static readonly byte[] Xlsx = Zip(
        ("[Content_Types].xml", SheetTypes),
        ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook/>"));

    public static readonly byte[] Odt = Zip(
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<?xml version=\"1.0\"?><office:document-content/>"));

    public static readonly byte[] Ods = Zip(
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", "<?xml version=\"1.0\"?><office:document-content/>"));

    /// <summary>A zip archive of the given text entries (the container of DOCX, XLSX, ODT and ODS).</summary>
    internal static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return buffer.ToArray();
    }
}
