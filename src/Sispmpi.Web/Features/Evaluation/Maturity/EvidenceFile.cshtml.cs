using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Maturity;

/// <summary>
/// Downloads an evidence file of a maturity answer. Whoever reads the cycle reads its files; the tenant filter makes
/// another organization's evidence a 404, and the stored name never leaves the server.
/// </summary>
[Authorize(Policy = Policies.MaturityRead)]
public sealed class EvidenceFileModel(SispmpiDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cycleId, int maturityEvidenceId)
    {
        var evidence = await db.MaturityEvidence.AsNoTracking()
            .Where(e => e.Id == maturityEvidenceId && e.FileKey != null && db.MaturityAnswers.Any(a => a.Id == e.AnswerId && a.CycleId == cycleId))
            .FirstOrDefaultAsync();
        if (evidence is null || await files.ReadAsync(evidence.FileKey!) is not { } content)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(content, evidence.ContentType ?? "application/octet-stream", evidence.FileName ?? "evidencia");
    }
}
