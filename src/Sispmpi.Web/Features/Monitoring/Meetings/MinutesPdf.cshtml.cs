using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Documents;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>
/// The minutes as PDF. Once signed, this is the signed file exactly as stored (its SHA-256 checked), never a new
/// rendering; before that, the minutes as they are now.
/// </summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class MinutesPdfModel(SispmpiDbContext db, MeetingDocuments documents, DocumentSigning signing, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int meetingId)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return NotFound();
        }
        if (await MeetingRules.FindSignedAsync(signing, meetingId) is { } signed)
        {
            var bytes = await files.ReadAsync(signed.SignedKey);
            if (bytes is null || Authenticity.Sha256(bytes) != signed.SignedSha256)
            {
                TempData["Erro"] = "O arquivo armazenado desta ata não confere com o registro de autenticidade. Procure o suporte técnico.";
                return Redirect($"/monitoramento/reunioes/{meetingId}");
            }
            return File(bytes, ContentTypes.Pdf, signed.FileName);
        }
        if (await documents.MinutesAsync(meetingId) is not { } document)
        {
            return NotFound();
        }
        return File(PdfWriter.Render(document), ContentTypes.Pdf, MeetingDocuments.FileBaseName(meeting) + ".pdf");
    }
}
