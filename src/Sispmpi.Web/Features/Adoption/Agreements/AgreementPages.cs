using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Adoption;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Import;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

public static class AgreementQueries
{
    public static Task<CooperationAgreement?> LoadAsync(SispmpiDbContext db, int agreementId) =>
        db.Agreements.AsNoTracking()
            .Include(a => a.Participants.OrderBy(p => p.Position))
            .Include(a => a.Axes.OrderBy(x => x.Position))
            .Include(a => a.Goals.OrderBy(g => g.Position)).ThenInclude(g => g.Responsible)
            .Include(a => a.Goals).ThenInclude(g => g.Records.OrderBy(r => r.Date))
            .Include(a => a.Adhesions).ThenInclude(x => x.Goals)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == agreementId);
}

[Authorize(Policy = Policies.Adoption)]
public sealed class IndexModel(SispmpiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<CooperationAgreement> Agreements { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var query = db.Agreements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            query = query.Where(a => SearchText.Fold(a.Number)!.Contains(term) || SearchText.Fold(a.Object)!.Contains(term)
                || SearchText.Fold(a.ProcessNumber)!.Contains(term));
        }
        Agreements = await query.OrderByDescending(a => a.Id).ToPagedAsync(PageNumber);
    }
}

public sealed class ParticipantInput
{
    [Required(ErrorMessage = "Informe o órgão.")]
    [StringLength(300, ErrorMessage = "O nome deve ter até 300 caracteres.")]
    public string BodyName { get; set; } = "";

    [Required(ErrorMessage = "Informe a sigla usada no plano de trabalho.")]
    [StringLength(100, ErrorMessage = "A sigla deve ter até 100 caracteres.")]
    public string ShortName { get; set; } = "";

    [StringLength(500, ErrorMessage = "Os outros nomes devem ter até 500 caracteres.")]
    public string? OtherNames { get; set; }

    [Required(ErrorMessage = "Informe o CNPJ.")]
    public string Cnpj { get; set; } = "";

    [Required(ErrorMessage = "Escolha a esfera.")]
    public Sphere? Sphere { get; set; }

    [Required(ErrorMessage = "Informe o nome da autoridade signatária.")]
    [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
    public string SignatoryName { get; set; } = "";

    [Required(ErrorMessage = "Informe o cargo.")]
    [StringLength(200, ErrorMessage = "O cargo deve ter até 200 caracteres.")]
    public string SignatoryPosition { get; set; } = "";

    [Required(ErrorMessage = "Informe a matrícula.")]
    [StringLength(100, ErrorMessage = "A matrícula deve ter até 100 caracteres.")]
    public string SignatoryRegistration { get; set; } = "";

    [Required(ErrorMessage = "Informe o e-mail para avisos de prazos.")]
    [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
    [StringLength(256, ErrorMessage = "O e-mail deve ter até 256 caracteres.")]
    public string ContactEmail { get; set; } = "";
}

/// <summary>Registers a cooperation agreement with its two participants (SPEC §4).</summary>
[Authorize(Policy = Policies.Adoption)]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed class AgreementInput
    {
        [Required(ErrorMessage = "Informe o número do acordo, por exemplo ACT nº 160/2025.")]
        [StringLength(60, ErrorMessage = "O número deve ter até 60 caracteres.")]
        public string Number { get; set; } = "";

        [Required(ErrorMessage = "Informe o número do processo SEI.")]
        public string ProcessNumber { get; set; } = "";

        [Required(ErrorMessage = "Informe o objeto.")]
        [StringLength(4000, ErrorMessage = "O objeto deve ter até 4.000 caracteres.")]
        public string Object { get; set; } = "";

        [StringLength(20_000, ErrorMessage = "A justificativa deve ter até 20.000 caracteres.")]
        public string? Justification { get; set; }

        [Required(ErrorMessage = "Informe o início da vigência.")]
        public DateOnly? ValidFrom { get; set; }

        [Required(ErrorMessage = "Informe o fim da vigência.")]
        public DateOnly? ValidUntil { get; set; }
    }

    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    [BindProperty]
    public ParticipantInput First { get; set; } = new();

    [BindProperty]
    public ParticipantInput Second { get; set; } = new();

    public static IEnumerable<SelectListItem> SphereOptions => OrganizationInput.SphereOptions;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrWhiteSpace(Input.ProcessNumber) && !ProcessNumbers.TryParse(Input.ProcessNumber, out _, out var processError))
        {
            ModelState.AddModelError("Input.ProcessNumber", processError);
        }
        if (Input.ValidFrom is { } from && Input.ValidUntil is { } until && until < from)
        {
            ModelState.AddModelError("Input.ValidUntil", "O fim da vigência deve ser igual ou posterior ao início.");
        }
        foreach (var (prefix, participant) in new[] { (nameof(First), First), (nameof(Second), Second) })
        {
            if (!string.IsNullOrWhiteSpace(participant.Cnpj) && Core.Organizations.Cnpj.Validate(participant.Cnpj) is { } cnpjError)
            {
                ModelState.AddModelError($"{prefix}.Cnpj", Core.Organizations.Cnpj.PortugueseMessage(cnpjError));
            }
        }
        var number = Input.Number.Trim();
        if (number.Length > 0 && await db.Agreements.AnyAsync(a => a.Number == number))
        {
            ModelState.AddModelError("Input.Number", "Já existe um acordo com este número.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        ProcessNumbers.TryParse(Input.ProcessNumber, out var process, out _);
        var organizationId = tenant.CurrentOrganizationId!.Value;
        var agreement = new CooperationAgreement
        {
            OrganizationId = organizationId, Number = number, ProcessNumber = process.Value, Object = Input.Object.Trim(),
            Justification = string.IsNullOrWhiteSpace(Input.Justification) ? null : Input.Justification.Trim(),
            ValidFrom = Input.ValidFrom!.Value, ValidUntil = Input.ValidUntil!.Value,
        };
        agreement.Participants.Add(ToEntity(First, organizationId, 1));
        agreement.Participants.Add(ToEntity(Second, organizationId, 2));
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"{agreement.Number} cadastrado. Importe ou monte o plano de trabalho.";
        return Redirect($"/acordos/{agreement.Id}");
    }

    private static AgreementParticipant ToEntity(ParticipantInput input, int organizationId, int position) => new()
    {
        OrganizationId = organizationId, Position = position, BodyName = input.BodyName.Trim(), ShortName = input.ShortName.Trim(),
        OtherNames = string.IsNullOrWhiteSpace(input.OtherNames) ? null : input.OtherNames.Trim(), Cnpj = Core.Organizations.Cnpj.Parse(input.Cnpj).Value,
        Sphere = input.Sphere!.Value, SignatoryName = input.SignatoryName.Trim(), SignatoryPosition = input.SignatoryPosition.Trim(),
        SignatoryRegistration = input.SignatoryRegistration.Trim(), ContactEmail = input.ContactEmail.Trim().ToLowerInvariant(),
    };
}

[Authorize(Policy = Policies.Adoption)]
public sealed class DetailsModel(SispmpiDbContext db, TimeProvider clock) : PageModel
{
    public CooperationAgreement Agreement { get; private set; } = null!;
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int agreementId)
    {
        if (await AgreementQueries.LoadAsync(db, agreementId) is not { } agreement)
        {
            return NotFound();
        }
        Agreement = agreement;
        var today = clock.Today();
        Goals = agreement.Goals.Select(g => GoalStatuses.View(g, agreement, today)).ToList();
        return Page();
    }
}

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

/// <summary>A goal of the work plan: where it stands, and the events, completions and hours recorded on it.</summary>
[Authorize(Policy = Policies.Adoption)]
public sealed class GoalModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public CooperationAgreement Agreement { get; private set; } = null!;
    public GoalView View { get; private set; } = null!;

    [BindProperty]
    public RecordInput Input { get; set; } = new();

    public sealed class RecordInput
    {
        [Required(ErrorMessage = "Escolha o tipo de registro.")]
        public GoalRecordKind? Kind { get; set; }

        [Required(ErrorMessage = "Informe a data.")]
        public DateOnly? Date { get; set; }

        public decimal? Hours { get; set; }

        [StringLength(2000, ErrorMessage = "As observações devem ter até 2.000 caracteres.")]
        public string? Notes { get; set; }
    }

    public IEnumerable<SelectListItem> KindOptions => (View.Goal.Rule.Kind switch
    {
        DeadlineKind.YearlyMinimumHours => new[] { GoalRecordKind.Hours },
        DeadlineKind.OnCall or DeadlineKind.DayOfFollowingMonth => [GoalRecordKind.Event, GoalRecordKind.Completion],
        _ => [GoalRecordKind.Completion],
    }).Select(k => new SelectListItem(GoalStatuses.Describe(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(int agreementId, int goalId) => await LoadAsync(agreementId, goalId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int agreementId, int goalId)
    {
        if (!await LoadAsync(agreementId, goalId))
        {
            return NotFound();
        }
        if (Input.Kind is { } kind && KindOptions.All(o => o.Value != kind.ToString()))
        {
            ModelState.AddModelError("Input.Kind", "Este tipo de registro não se aplica ao prazo desta meta.");
        }
        if (Input.Kind == GoalRecordKind.Hours && Input.Hours is not (> 0 and <= 8_784))
        {
            ModelState.AddModelError("Input.Hours", "Informe as horas realizadas: um número maior que zero.");
        }
        if (Input.Date is { } date && (date < Agreement.ValidFrom.AddYears(-1) || date > Agreement.ValidUntil.AddYears(1)))
        {
            ModelState.AddModelError("Input.Date", $"A data deve estar perto da vigência do acordo ({Labels.Date(Agreement.ValidFrom)} a {Labels.Date(Agreement.ValidUntil)}).");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.WorkPlanGoalRecords.Add(new WorkPlanGoalRecord
        {
            OrganizationId = Agreement.OrganizationId, GoalId = goalId, Kind = Input.Kind!.Value, Date = Input.Date!.Value,
            Hours = Input.Kind == GoalRecordKind.Hours ? Input.Hours : null, Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim(),
            RecordedAt = clock.GetUtcNow(), RecordedById = tenant.UserId,
        });
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Registro incluído.";
        return Redirect($"/acordos/{agreementId}/metas/{goalId}");
    }

    private async Task<bool> LoadAsync(int agreementId, int goalId)
    {
        if (await AgreementQueries.LoadAsync(db, agreementId) is not { } agreement || agreement.Goals.FirstOrDefault(g => g.Id == goalId) is not { } goal)
        {
            return false;
        }
        Agreement = agreement;
        View = GoalStatuses.View(goal, agreement, clock.Today());
        return true;
    }
}

/// <summary>An adhesion agreement (acordo de adesão): a third party takes on a chosen subset of the goals.</summary>
[Authorize(Policy = Policies.Adoption)]
public sealed class AdhesionAgreementModel(SispmpiDbContext db) : PageModel
{
    public CooperationAgreement Agreement { get; private set; } = null!;

    [BindProperty]
    public AdhesionInput Input { get; set; } = new();

    public sealed class AdhesionInput
    {
        [Required(ErrorMessage = "Informe o órgão ou entidade aderente.")]
        [StringLength(300, ErrorMessage = "O nome deve ter até 300 caracteres.")]
        public string BodyName { get; set; } = "";

        [Required(ErrorMessage = "Informe o CNPJ.")]
        public string Cnpj { get; set; } = "";

        [Required(ErrorMessage = "Informe a data de celebração.")]
        public DateOnly? SignedOn { get; set; }

        [Required(ErrorMessage = "Informe o signatário.")]
        [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
        public string SignatoryName { get; set; } = "";

        public List<int> GoalIds { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int agreementId) => await LoadAsync(agreementId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int agreementId)
    {
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }
        if (!string.IsNullOrWhiteSpace(Input.Cnpj) && Core.Organizations.Cnpj.Validate(Input.Cnpj) is { } cnpjError)
        {
            ModelState.AddModelError("Input.Cnpj", Core.Organizations.Cnpj.PortugueseMessage(cnpjError));
        }
        var goals = Input.GoalIds.Distinct().ToList();
        if (goals.Count == 0)
        {
            ModelState.AddModelError("Input.GoalIds", "Escolha as metas que o aderente assume.");
        }
        else if (goals.Any(id => Agreement.Goals.All(g => g.Id != id)))
        {
            ModelState.AddModelError("Input.GoalIds", "Escolha metas do plano de trabalho deste acordo.");
        }
        if (Input.SignedOn is { } signed && (signed < Agreement.ValidFrom || signed > Agreement.ValidUntil))
        {
            ModelState.AddModelError("Input.SignedOn", $"A adesão deve ser celebrada durante a vigência do acordo ({Labels.Date(Agreement.ValidFrom)} a {Labels.Date(Agreement.ValidUntil)}).");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var adhesion = new AdhesionAgreement
        {
            OrganizationId = Agreement.OrganizationId, AgreementId = Agreement.Id, BodyName = Input.BodyName.Trim(),
            Cnpj = Core.Organizations.Cnpj.Parse(Input.Cnpj).Value, SignedOn = Input.SignedOn!.Value, SignatoryName = Input.SignatoryName.Trim(),
        };
        adhesion.Goals.AddRange(goals.Select(id => new AdhesionAgreementGoal { OrganizationId = Agreement.OrganizationId, GoalId = id }));
        db.AdhesionAgreements.Add(adhesion);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Acordo de adesão de {adhesion.BodyName} registrado com {goals.Count} metas.";
        return Redirect($"/acordos/{Agreement.Id}");
    }

    private async Task<bool> LoadAsync(int agreementId)
    {
        if (await AgreementQueries.LoadAsync(db, agreementId) is not { } agreement)
        {
            return false;
        }
        Agreement = agreement;
        return true;
    }
}
