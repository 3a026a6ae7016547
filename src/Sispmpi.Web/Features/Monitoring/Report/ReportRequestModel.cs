using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sispmpi.Web.Features.Monitoring.Report;

/// <summary>
/// The query of a monitoring report, shared by the form and the file addresses:
/// <c>?de=2025-01-01&amp;ate=2025-06-30&amp;acoes=1&amp;acoes=5</c> (dates as a date input sends them; no action means all).
/// </summary>
public abstract class ReportRequestModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "de")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "ate")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "acoes")]
    public List<int> ActionIds { get; set; } = [];

    public ReportOptions Options => new(From, To, [.. ActionIds.Distinct()]);

    /// <summary>Adds the period's error, if any, to the model state (next to "Até").</summary>
    protected void ValidatePeriod()
    {
        if (Options.IsReversed)
        {
            ModelState.AddModelError("ate", MonitoringReport.ReversedPeriodMessage);
        }
    }

    /// <summary>Every error of the model state, in one line.</summary>
    protected string Errors() =>
        string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
}
