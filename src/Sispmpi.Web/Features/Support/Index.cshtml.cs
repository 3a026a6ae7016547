using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Jobs;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Support;

/// <summary>
/// Suporte técnico: how this installation is configured and how its database stands, the e-mail outbox (pending, sent,
/// failed, with re-sending) and the scheduled jobs with their last runs. No plan content.
/// </summary>
[Authorize(Policy = Policies.Support)]
public sealed class IndexModel(SispmpiDbContext db, IConfiguration configuration, IOptions<MailOptions> mail, IOptions<JobOptions> jobOptions,
    IEnumerable<IScheduledJob> jobs, IHostEnvironment environment, TimeProvider clock) : PageModel
{
    public sealed record OutboxRow(long Id, string Event, string To, string Subject, DateTimeOffset CreatedAt, OutboxStatus Status, int Attempts,
        DateTime? NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

    public sealed record JobRow(string Name, string Title, string Schedule, DateTime NextRun, IReadOnlyList<JobRun> LastRuns);

    public string Provider { get; private set; } = "";
    public string Version { get; private set; } = "";
    public IReadOnlyList<SchemaScript> Migrations { get; private set; } = [];
    public string Delivery { get; private set; } = "";
    public bool DatabaseResponds { get; private set; }
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public Paged<OutboxRow> Messages { get; private set; } = null!;
    public IReadOnlyList<JobRow> Jobs { get; private set; } = [];
    public bool JobsEnabled => jobOptions.Value.Enabled;

    /// <summary>Which messages to list: "pendentes", "enviadas" or "falhas" (the default).</summary>
    [BindProperty(SupportsGet = true, Name = "mensagens")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public OutboxStatus Shown => Show switch
    {
        "pendentes" => OutboxStatus.Pending,
        "enviadas" => OutboxStatus.Sent,
        _ => OutboxStatus.Failed,
    };

    public async Task OnGetAsync()
    {
        var provider = DatabaseSetup.ReadProvider(configuration);
        Provider = provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";
        Version = typeof(IndexModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "—";
        Migrations = SchemaMigrator.LoadScripts(provider);
        DatabaseResponds = await db.Database.CanConnectAsync();
        var settings = mail.Value;
        Delivery = settings.UsesSmtp
            ? $"SMTP {settings.Smtp.Host}:{settings.Smtp.Port} ({(settings.Smtp.Security.Equals("starttls", StringComparison.OrdinalIgnoreCase) ? "STARTTLS" : "sem TLS")})"
            : $"Gravação em arquivos (.eml) em {Path.Combine(environment.ContentRootPath, settings.PickupDirectory)}";

        Counts = await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var shown = Shown;
        var statuses = shown == OutboxStatus.Pending ? new[] { OutboxStatus.Pending, OutboxStatus.Sending } : [shown];
        Messages = await db.Outbox.AsNoTracking().Where(m => statuses.Contains(m.Status)).OrderByDescending(m => m.Id)
            .Select(m => new OutboxRow(m.Id, m.Event, m.To, m.Subject, m.CreatedAt, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToPagedAsync(PageNumber);

        var localNow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), BrazilTime.Zone).DateTime;
        var rows = new List<JobRow>();
        foreach (var job in jobs.OrderBy(j => j.Schedule.At))
        {
            var runs = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Name).OrderByDescending(r => r.Id).Take(5).ToListAsync();
            rows.Add(new JobRow(job.Name, job.Title, $"diariamente às {job.Schedule.At:HH\\:mm}", job.Schedule.NextRun(localNow), runs));
        }
        Jobs = rows;
    }

    public async Task<IActionResult> OnPostResendAsync(long id)
    {
        var changed = await OutboxDispatcher.ResendAsync(db, id);
        if (changed == 0)
        {
            TempData["Erro"] = await db.Outbox.AnyAsync(m => m.Id == id)
                ? "Só mensagens com falha podem ser reenviadas; esta já não está com falha."
                : "Mensagem não encontrada.";
        }
        else
        {
            TempData["Sucesso"] = "Mensagem devolvida à fila; será enviada em instantes.";
        }
        return Redirect($"/suporte?mensagens={Show ?? "falhas"}&pagina={PageNumber}#mensagens");
    }

    public static string Label(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Pendente",
        OutboxStatus.Sending => "Enviando",
        OutboxStatus.Sent => "Enviada",
        OutboxStatus.Failed => "Falha",
        _ => status.ToString(),
    };

    public static string Label(JobRunStatus status) => status switch
    {
        JobRunStatus.Running => "Em execução",
        JobRunStatus.Succeeded => "Concluída",
        JobRunStatus.Failed => "Falhou",
        _ => status.ToString(),
    };
}
