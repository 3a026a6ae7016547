using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Documents;

/// <summary>Signs the plan document: the signer re-enters the password; others may sign in turn.</summary>
[Authorize(Policy = Policies.Sign)]
public sealed class SignPlanModel(SispmpiDbContext db, PlanDocuments documents, DocumentSigning signing, TenantContext tenant,
    IOptions<SignatureOptions> signatureOptions) : PageModel
{
    public IntegrityPlan Plan { get; private set; } = null!;
    public SignedDocument? Signed { get; private set; }
    public string LegalBasis => signatureOptions.Value.LegalBasis;
    public bool CanSign => Plan.IsReadOnly && Signed?.Signatures.Any(s => s.UserId == tenant.UserId) != true;

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(int planId) => await LoadAsync(planId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        if (!Plan.IsReadOnly)
        {
            ModelState.AddModelError(string.Empty, "O documento do plano só pode ser assinado depois da publicação do plano.");
            return Page();
        }
        var result = await signing.SignAsync(DocumentKind.PlanDocument, Plan.Id, Plan.OrganizationId, Plan.Title,
            PlanDocuments.FileBaseName(Plan) + "-assinado.pdf",
            async () => PdfWriter.Render((await documents.PlanDocumentAsync(Plan.Id))!), Password ?? "");
        if (result.Error is not null)
        {
            ModelState.AddModelError(nameof(Password), result.Error);
            return Page();
        }
        TempData["Sucesso"] = $"Documento assinado. Código verificador {result.Document!.VerificationCode}, CRC {result.Document.Crc}.";
        return Redirect($"/planos/{planId}/assinar");
    }

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        Signed = await signing.FindAsync(DocumentKind.PlanDocument, planId);
        return true;
    }
}
