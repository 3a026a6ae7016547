using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Administration;

/// <summary>"Histórico de alterações" (SPEC §8): the organization's history, filterable, and as a report (PDF, XLSX, CSV).</summary>
[Authorize(Policy = Policies.History)]
public sealed class HistoryModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    /// <summary>A central administrator may read the history of any organization in the network.</summary>
    [BindProperty(SupportsGet = true, Name = "organizacao")]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "entidade")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "registro")]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "usuario")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "de")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "ate")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<AuditEntry> Entries { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> EntityTypes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var query = await FilteredAsync();
        Entries = await query.OrderByDescending(e => e.Id).ToPagedAsync(PageNumber, 50);
        return Page();
    }

    public Task<IActionResult> OnGetPdfAsync() => ReportAsync(HistoryReport.MaxPdfEntries, "PDF",
        (filter, entries) => File(HistoryReport.Pdf(filter, entries, clock.GetUtcNow()), ContentTypes.Pdf, HistoryReport.FileName(clock.GetUtcNow(), "pdf")));

    public Task<IActionResult> OnGetXlsxAsync() => ReportAsync(HistoryReport.MaxSheetEntries, "XLSX",
        (filter, entries) => File(HistoryReport.Xlsx(filter, entries), ContentTypes.Xlsx, HistoryReport.FileName(clock.GetUtcNow(), "xlsx")));

    public Task<IActionResult> OnGetCsvAsync() => ReportAsync(HistoryReport.MaxSheetEntries, "CSV",
        (_, entries) => File(HistoryReport.Csv(entries), "text/csv; charset=utf-8", HistoryReport.FileName(clock.GetUtcNow(), "csv")));

    /// <summary>The page's address with the current filters and another handler (pdf, xlsx, csv).</summary>
    public string ReportLink(string handler)
    {
        var values = new List<KeyValuePair<string, string?>> { new("handler", handler) };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(new(key, value));
            }
        }
        Add("organizacao", OrganizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("entidade", EntityType);
        Add("registro", EntityId);
        Add("usuario", UserName);
        Add("de", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("ate", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return "/historico" + QueryString.Create(values);
    }

    /// <summary>
    /// Every entry the filters select, as a file; a reversed period, an unreadable filter or more entries than the format
    /// takes is refused (400) with the reason.
    /// </summary>
    private async Task<IActionResult> ReportAsync(int limit, string format, Func<HistoryFilter, IReadOnlyList<AuditEntry>, IActionResult> write)
    {
        var query = await FilteredAsync();
        if (!ModelState.IsValid)
        {
            return Refused(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()));
        }
        var count = await query.CountAsync();
        if (count > limit)
        {
            return Refused(HistoryReport.TooMany(count, limit, format));
        }
        var entries = await query.OrderByDescending(e => e.Id).ToListAsync();
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == OrganizationId).Select(o => o.Name).FirstOrDefaultAsync();
        if (organization is null)
        {
            return NotFound();
        }
        return write(new HistoryFilter(organization, EntityType, EntityId, UserName, From, To), entries);
    }

    private static ContentResult Refused(string reason) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        ContentType = "text/plain; charset=utf-8",
        Content = $"Não foi possível gerar o relatório do histórico. {reason}",
    };

    /// <summary>The entries the filters select; fills the filter lists of the form on the way.</summary>
    private async Task<IQueryable<AuditEntry>> FilteredAsync()
    {
        if (From is { } from && To is { } to && from > to)
        {
            ModelState.AddModelError("de", "A data inicial deve ser anterior à data final.");
        }
        OrganizationId ??= tenant.CurrentOrganizationId;
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Acronym + " — " + o.Name, o.Id.ToString())).ToListAsync();
        // The tenant filter still applies: an organization outside the user's network shows nothing.
        var query = db.AuditEntries.AsNoTracking().Where(e => e.OrganizationId == OrganizationId);
        EntityTypes = (await query.Select(e => e.EntityType).Distinct().ToListAsync())
            .Select(t => new SelectListItem(Labels.Entity(t), t)).OrderBy(i => i.Text).ToList();
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(e => e.EntityType == EntityType);
        }
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            query = query.Where(e => e.EntityId == EntityId.Trim());
        }
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            query = query.Where(e => e.UserName.Contains(UserName.Trim()));
        }
        if (From is null && To is null)
        {
            return query;
        }
        var startAt = From is { } start
            ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), BrazilTime.Zone.GetUtcOffset(start.ToDateTime(TimeOnly.MinValue)))
            : DateTimeOffset.MinValue;
        var endAt = To is { } end
            ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), BrazilTime.Zone.GetUtcOffset(end.ToDateTime(TimeOnly.MinValue)))
            : DateTimeOffset.MaxValue;
        if (!db.Database.IsSqlite())
        {
            if (From is not null)
            {
                var utcStart = startAt.ToUniversalTime();
                query = query.Where(e => e.OccurredAt >= utcStart);
            }
            if (To is not null)
            {
                var utcEnd = endAt.ToUniversalTime();
                query = query.Where(e => e.OccurredAt < utcEnd);
            }
            return query;
        }
        // SQLite cannot compare DateTimeOffset values in SQL: the period picks the ids of the other filters' entries in memory.
        var ids = (await query.Select(e => new { e.Id, e.OccurredAt }).ToListAsync())
            .Where(e => e.OccurredAt >= startAt && e.OccurredAt < endAt).Select(e => e.Id).ToList();
        return query.Where(e => ids.Contains(e.Id));
    }
}
