using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sispmpi.Web.Features.Evaluation.Report;

/// <summary>The year of an internal-control report, shared by the page and the file: <c>?ano=2026</c>, the current year when absent.</summary>
public abstract class ReportYearModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ano")]
    public int? Year { get; set; }

    /// <summary>The year asked for, or null with the reason (in Portuguese) when it cannot be read or is out of range.</summary>
    protected (int? Year, string? Error) ResolveYear(DateOnly today)
    {
        var unreadable = ModelState.TryGetValue("ano", out var entry) && entry.Errors.Count > 0;
        var year = Year ?? today.Year;
        return unreadable || !InternalControlReport.IsValidYear(year, today)
            ? (null, InternalControlReport.YearMessage(today))
            : (year, null);
    }
}
