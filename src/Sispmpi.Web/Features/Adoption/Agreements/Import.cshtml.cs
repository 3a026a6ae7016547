using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Import;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

/// <summary>Imports the work plan's physical schedule from CSV or XLSX, all or nothing, into an agreement without one.</summary>
[Authorize(Policy = Policies.Adoption)]
public sealed class ImportModel(SispmpiDbContext db) : PageModel
{
    public CooperationAgreement Agreement { get; private set; } = null!;
    public WorkPlanImportResult? Result { get; private set; }

    [BindProperty(Name = "arquivo")]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int agreementId) => await LoadAsync(agreementId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }
        if (Agreement.Goals.Count > 0)
        {
            Result = WorkPlanImportResult.Failure("Este acordo já tem plano de trabalho: a importação é feita uma vez, num acordo sem metas.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (Upload is null || Upload.Length == 0)
        {
            Result = WorkPlanImportResult.Failure("Selecione o arquivo (CSV ou XLSX) com o cronograma físico.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Upload.Length > ActionImportParser.MaxFileBytes)
        {
            Result = WorkPlanImportResult.Failure("O arquivo passa de 5 MB.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, cancellationToken);
        Result = WorkPlanImportParser.Parse(buffer.ToArray(), Agreement.Participants.Select(p => new ImportParticipant(p.Id, p.Names().ToList())).ToList());
        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var position = 0;
        var goalPosition = 0;
        foreach (var axis in Result.Axes)
        {
            var entity = new WorkPlanAxis { OrganizationId = Agreement.OrganizationId, AgreementId = Agreement.Id, Position = ++position, Number = axis.Number, Title = axis.Title };
            db.WorkPlanAxes.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var goal in axis.Goals)
            {
                var g = new WorkPlanGoal
                {
                    OrganizationId = Agreement.OrganizationId, AgreementId = Agreement.Id, AxisId = entity.Id, Position = ++goalPosition,
                    Code = goal.Code, Description = goal.Description, DeadlineText = "",
                };
                g.SetRule(goal.Rule, goal.DeadlineText);
                g.Responsible.AddRange(goal.ResponsibleIds.Select(id => new WorkPlanGoalParticipant { OrganizationId = Agreement.OrganizationId, ParticipantId = id }));
                db.WorkPlanGoals.Add(g);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Sucesso"] = $"Plano de trabalho importado: {Result.Axes.Count} eixos e {Result.GoalCount} metas.";
        return Redirect($"/acordos/{Agreement.Id}");
    }

    private async Task<bool> LoadAsync(int agreementId)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Participants.OrderBy(p => p.Position)).Include(a => a.Goals)
            .FirstOrDefaultAsync(a => a.Id == agreementId);
        if (agreement is null)
        {
            return false;
        }
        Agreement = agreement;
        return true;
    }
}

[Authorize(Policy = Policies.Adoption)]
public sealed class ImportTemplateCsvModel(SispmpiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int agreementId)
    {
        var names = await db.AgreementParticipants.Where(p => p.AgreementId == agreementId).OrderBy(p => p.Position).Select(p => p.ShortName).ToListAsync();
        return names.Count == 0 ? NotFound() : File(WorkPlanImportParser.TemplateCsv(names), "text/csv; charset=utf-8", WorkPlanImportParser.CsvFileName);
    }
}

[Authorize(Policy = Policies.Adoption)]
public sealed class ImportTemplateXlsxModel(SispmpiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int agreementId)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Participants.OrderBy(p => p.Position)).FirstOrDefaultAsync(a => a.Id == agreementId);
        return agreement is null
            ? NotFound()
            : File(WorkPlanImportParser.TemplateXlsx(agreement.Number, agreement.Participants.Select(p => p.ShortName).ToList()),
                Documents.ContentTypes.Xlsx, WorkPlanImportParser.XlsxFileName);
    }
}
