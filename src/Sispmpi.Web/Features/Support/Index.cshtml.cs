using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Support;

/// <summary>Suporte técnico: how this installation is configured and how its database stands. No plan content.</summary>
[Authorize(Policy = Policies.Support)]
public sealed class IndexModel(SispmpiDbContext db, IConfiguration configuration, IOptions<MailOptions> mail, IHostEnvironment environment) : PageModel
{
    public string Provider { get; private set; } = "";
    public string Version { get; private set; } = "";
    public IReadOnlyList<SchemaScript> Migrations { get; private set; } = [];
    public int MailFiles { get; private set; }
    public string MailFolder { get; private set; } = "";
    public bool DatabaseResponds { get; private set; }

    public async Task OnGetAsync()
    {
        var provider = DatabaseSetup.ReadProvider(configuration);
        Provider = provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";
        Version = typeof(IndexModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "—";
        Migrations = SchemaMigrator.LoadScripts(provider);
        DatabaseResponds = await db.Database.CanConnectAsync();
        MailFolder = Path.Combine(environment.ContentRootPath, mail.Value.PickupDirectory);
        MailFiles = Directory.Exists(MailFolder) ? Directory.EnumerateFiles(MailFolder, "*.eml").Count() : 0;
    }
}
