using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Documents;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Documents;

/// <summary>A signed document as stored, for the users of its organization.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class SignedFileModel(SispmpiDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int documentId)
    {
        var document = await db.SignedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId);
        var bytes = document is null ? null : await files.ReadAsync(document.SignedKey);
        if (document is null || bytes is null)
        {
            return NotFound();
        }
        if (Authenticity.Sha256(bytes) != document.SignedSha256)
        {
            TempData["Erro"] = "O arquivo armazenado deste documento não confere com o registro de autenticidade. Procure o suporte técnico.";
            return Redirect("/");
        }
        return File(bytes, ContentTypes.Pdf, document.FileName);
    }
}
