using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Documents.Docx;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Documents;

public static class ContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>The plan document as PDF, generated from the plan as it is now.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class PlanPdfModel(PlanDocuments documents, SispmpiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null || await documents.PlanDocumentAsync(planId) is not { } document)
        {
            return NotFound();
        }
        return File(PdfWriter.Render(document), ContentTypes.Pdf, PlanDocuments.FileBaseName(plan) + ".pdf");
    }
}

/// <summary>The "minuta do plano": every action of the plan as a spreadsheet.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class PlanXlsxModel(PlanDocuments documents, SispmpiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null || await documents.PlanWorkbookAsync(planId) is not { } workbook)
        {
            return NotFound();
        }
        return File(XlsxWriter.Write(workbook), ContentTypes.Xlsx, "minuta-do-" + PlanDocuments.FileBaseName(plan) + ".xlsx");
    }
}

/// <summary>The "minuta do programa", editable, from the commission and the diagnosis.</summary>
[Authorize(Policy = Policies.Formulation)]
public sealed class ProgramDocxModel(PlanDocuments documents, SispmpiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null || await documents.ProgramDraftAsync(planId) is not { } document)
        {
            return NotFound();
        }
        return File(DocxWriter.Render(document), ContentTypes.Docx, $"minuta-do-programa-de-integridade-{plan.Edition.Replace('–', '-')}.docx");
    }
}
