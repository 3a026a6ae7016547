using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>Imports the actions of a plan from a filled-in template, CSV or XLSX (SPEC §3.1 step 3).</summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class ImportActionsModel(SispmpiDbContext db, ActionImporter importer) : PageModel
{
    [BindProperty(Name = "arquivo")]
    public IFormFile? Upload { get; set; }

    public IntegrityPlan Plan { get; private set; } = null!;

    /// <summary>The problems of the last file sent, or of the request itself (no file, file too large).</summary>
    public ActionImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId) => await LoadAsync(planId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        if (Upload is null || Upload.Length == 0)
        {
            Result = ActionImportResult.Failure(Upload is null
                ? "Selecione o arquivo (CSV ou XLSX) com as ações a importar."
                : "O arquivo enviado está vazio.");
            return Page();
        }
        if (Upload.Length > ActionImportParser.MaxFileBytes)
        {
            Result = ActionImportResult.Failure(
                $"O arquivo tem {(Upload.Length / 1024.0 / 1024.0).ToString("N1", Infrastructure.Web.BrazilTime.Culture)} MB; o limite é 5 MB. Divida as ações em arquivos menores.");
            return Page();
        }
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, cancellationToken);
        Result = await importer.ImportAsync(planId, buffer.ToArray(), Upload.FileName, cancellationToken);
        if (!Result.Succeeded)
        {
            return Page();
        }
        var count = Result.Rows.Count;
        TempData["Sucesso"] = count == 1 ? "1 ação importada." : $"{count} ações importadas.";
        return Redirect($"/planos/{planId}");
    }

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        return true;
    }
}

/// <summary>The import template as an Excel workbook, with the organization's units and the catalog's types.</summary>
[Authorize(Policy = Policies.Formulation)]
public sealed class ImportTemplateXlsxModel(ActionImporter importer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken) =>
        await importer.TemplateDataAsync(planId, cancellationToken) is { } data
            ? File(ImportTemplates.Xlsx(data), Documents.ContentTypes.Xlsx, ImportTemplates.XlsxFileName)
            : NotFound();
}

/// <summary>The import template as CSV: UTF-8 with BOM, separated by ';', as Brazilian Excel opens it.</summary>
[Authorize(Policy = Policies.Formulation)]
public sealed class ImportTemplateCsvModel(ActionImporter importer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken) =>
        await importer.TemplateDataAsync(planId, cancellationToken) is { } data
            ? File(ImportTemplates.Csv(data), "text/csv; charset=utf-8", ImportTemplates.CsvFileName)
            : NotFound();
}
