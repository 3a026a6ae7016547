using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Report;

/// <summary>
/// The report as a file, generated from the plan as it is now. A plan that is not visible is not found (404); a
/// period that ends before it starts, an unreadable date or an action that is not of the plan is refused (400) with
/// the reason in Portuguese — never a report other than the one asked for.
/// </summary>
public abstract class ReportFileModel(SispmpiDbContext db, MonitoringReport report) : ReportRequestModel
{
    protected MonitoringReport Report => report;

    protected async Task<IActionResult> DownloadAsync(int planId, string extension, string contentType, Func<ReportData, byte[]> render,
        CancellationToken cancellationToken)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return NotFound();
        }
        ValidatePeriod();
        if (!ModelState.IsValid)
        {
            return Refused(Errors());
        }
        if (await report.LoadAsync(planId, Options, cancellationToken) is not { } data)
        {
            return NotFound();
        }
        if (data.UnknownActionIds.Count > 0)
        {
            return Refused(MonitoringReport.UnknownActionsMessage(data.UnknownActionIds));
        }
        return File(render(data), contentType, MonitoringReport.FileName(data, extension));
    }

    private static ContentResult Refused(string reason) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        ContentType = "text/plain; charset=utf-8",
        Content = $"Não foi possível gerar o relatório de monitoramento. {reason}",
    };
}

/// <summary>The monitoring report as PDF, to sign and publish.</summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class ReportPdfModel(SispmpiDbContext db, MonitoringReport report) : ReportFileModel(db, report)
{
    public Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken) =>
        DownloadAsync(planId, "pdf", ContentTypes.Pdf, Report.Pdf, cancellationToken);
}

/// <summary>The monitoring report as a workbook, one row per action.</summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class ReportXlsxModel(SispmpiDbContext db, MonitoringReport report) : ReportFileModel(db, report)
{
    public Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken) =>
        DownloadAsync(planId, "xlsx", ContentTypes.Xlsx, Report.Xlsx, cancellationToken);
}
