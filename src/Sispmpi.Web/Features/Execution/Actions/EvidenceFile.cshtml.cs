using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>
/// Downloads an evidence file. Whoever may read the action may read its files; the tenant filter makes another
/// organization's evidence a 404, and the stored name never leaves the server.
/// </summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class EvidenceFileModel(SispmpiDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int actionId, int evidenceId)
    {
        var evidence = await db.ActionEvidence.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == evidenceId && e.ActionId == actionId && e.FileKey != null);
        if (evidence is null || await files.ReadAsync(evidence.FileKey!) is not { } content)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(content, evidence.ContentType ?? "application/octet-stream", evidence.FileName ?? "evidencia");
    }
}
