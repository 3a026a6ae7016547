using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Documents;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Report;

/// <summary>
/// The internal-control report of a year as PDF. Once that year's report is signed, this is the signed file exactly as
/// stored (its SHA-256 checked), never a new rendering; before that, the report as the records are now. A plan that is
/// not visible is not found (404); a year that cannot be read or is out of range is refused (400) with the reason.
/// </summary>
[Authorize(Policy = Policies.Evaluation)]
public sealed class ReportPdfModel(SispmpiDbContext db, InternalControlReport report, DocumentSigning signing, IFileStore files,
    TimeProvider clock) : ReportYearModel
{
    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        var (chosen, error) = ResolveYear(clock.Today());
        if (chosen is not int year)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = "text/plain; charset=utf-8",
                Content = $"Não foi possível gerar o relatório do controle interno. {error}",
            };
        }
        if (InternalControlReport.SubjectId(planId, year) is int subjectId
            && await signing.FindAsync(DocumentKind.InternalControlReport, subjectId, cancellationToken) is { } signed)
        {
            var bytes = await files.ReadAsync(signed.SignedKey, cancellationToken);
            if (bytes is null || Authenticity.Sha256(bytes) != signed.SignedSha256)
            {
                TempData["Erro"] = "O arquivo armazenado deste relatório assinado não confere com o registro de autenticidade. Procure o suporte técnico.";
                return Redirect(InternalControlReport.PageUrl(planId, year));
            }
            return File(bytes, ContentTypes.Pdf, signed.FileName);
        }
        if (await report.LoadAsync(planId, year, cancellationToken) is not { } data)
        {
            return NotFound();
        }
        return File(InternalControlReport.Pdf(data), ContentTypes.Pdf, InternalControlReport.FileBaseName(plan, year) + ".pdf");
    }
}
