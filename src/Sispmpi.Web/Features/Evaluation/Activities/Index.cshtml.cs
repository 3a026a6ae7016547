using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Activities;

/// <summary>
/// The log of integrity-promotion activities of internal control (SPEC §3.4): the activities of one year, newest
/// first, with the year's total hours, and the totals of every year with records.
/// </summary>
[Authorize(Policy = Policies.Evaluation)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateOnly Date, string Title, string? Description, decimal Hours);

    public sealed record YearTotal(int Year, int Activities, decimal Hours);

    [BindProperty(SupportsGet = true, Name = "ano")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public int SelectedYear { get; private set; }
    public Paged<Row> Activities { get; private set; } = null!;
    /// <summary>Every year with records, and the current one, newest first.</summary>
    public IReadOnlyList<YearTotal> Totals { get; private set; } = [];
    public YearTotal Selected { get; private set; } = null!;
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenant.CurrentOrganizationId is not int organizationId)
        {
            return NotFound();
        }
        CanWrite = ActivityRules.CanWrite(tenant, organizationId);
        var today = clock.Today();
        SelectedYear = Year is >= ActivityInput.FirstYear and <= 9999 ? Year.Value : today.Year;

        // Hours are summed in memory: decimals are not summed alike by every database, and a body logs a few hundred a year.
        var all = await db.IntegrityActivities.AsNoTracking().Where(a => a.OrganizationId == organizationId)
            .Select(a => new { a.Date, a.Hours }).ToListAsync(cancellationToken);
        var totals = all.GroupBy(a => a.Date.Year).ToDictionary(g => g.Key, g => new YearTotal(g.Key, g.Count(), g.Sum(a => a.Hours)));
        totals.TryAdd(today.Year, new YearTotal(today.Year, 0, 0));
        totals.TryAdd(SelectedYear, new YearTotal(SelectedYear, 0, 0));
        Totals = [.. totals.Values.OrderByDescending(t => t.Year)];
        Selected = totals[SelectedYear];

        var (from, to) = (new DateOnly(SelectedYear, 1, 1), new DateOnly(SelectedYear, 12, 31));
        Activities = await db.IntegrityActivities.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && a.Date >= from && a.Date <= to)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.Date, a.Title, a.Description, a.Hours))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>Hours as the user types them: "2,5".</summary>
    public static string Hours(decimal hours) => Labels.Decimal(hours);
}
