using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Adoption;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Features.Users;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Requests;

public static class AdhesionSteps
{
    public static string Of(AdhesionStep step) => step switch
    {
        AdhesionStep.Request => "1. Formalização do pedido",
        AdhesionStep.InternalProcessing => "2. Trâmites internos e envio da minuta do acordo e do plano de trabalho",
        AdhesionStep.Signature => "3. Assinatura do acordo de cooperação técnica",
        AdhesionStep.Publication => "4. Publicação do extrato",
        AdhesionStep.Availability => "5. Disponibilização do sistema",
        AdhesionStep.ImprovementReports => "6. Relatórios anuais de melhorias",
        _ => step.ToString(),
    };

    /// <summary>Yearly improvement reports: due every year from availability, within the validity; each report settles its year.</summary>
    public static DeadlineStatus? Reports(AdhesionRequest request, DateOnly today)
    {
        var available = request.Steps.Where(s => s.Step == AdhesionStep.Availability).Select(s => (DateOnly?)s.Date).FirstOrDefault();
        if (available is not { } start)
        {
            return null;
        }
        var end = request.ValidUntil is { } until && until > start ? until : start.AddYears(5).AddDays(-1);
        var reports = request.Steps.Where(s => s.Step == AdhesionStep.ImprovementReports).Select(s => new GoalRecord(GoalRecordKind.Completion, s.Date));
        return DeadlineRules.Evaluate(DeadlineRule.Yearly, new ValidityPeriod(start, end), reports, today);
    }
}

public sealed class StepInput
{
    [Required(ErrorMessage = "Informe a data.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Informe o responsável.")]
    [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
    public string ResponsiblePerson { get; set; } = "";

    [StringLength(2000, ErrorMessage = "Os documentos devem ter até 2.000 caracteres.")]
    public string? Documents { get; set; }

    [StringLength(4000, ErrorMessage = "As observações devem ter até 4.000 caracteres.")]
    public string? Notes { get; set; }
}

[Authorize(Policy = Policies.Adoption)]
public sealed class IndexModel(SispmpiDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(AdhesionRequest Request, DeadlineStatus? Reports);

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Requests { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var query = db.AdhesionRequests.AsNoTracking().Include(r => r.Steps).AsQueryable();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            query = query.Where(r => SearchText.Fold(r.BodyName)!.Contains(term) || SearchText.Fold(r.BodyAcronym)!.Contains(term));
        }
        var today = clock.Today();
        Requests = (await query.OrderByDescending(r => r.Id).ToPagedAsync(PageNumber)).Map(r => new Row(r, AdhesionSteps.Reports(r, today)));
    }
}

[Authorize(Policy = Policies.Adoption)]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed class RequestInput
    {
        [Required(ErrorMessage = "Informe o nome do órgão ou ente interessado.")]
        [StringLength(300, ErrorMessage = "O nome deve ter até 300 caracteres.")]
        public string BodyName { get; set; } = "";

        [Required(ErrorMessage = "Informe a sigla.")]
        [StringLength(40, ErrorMessage = "A sigla deve ter até 40 caracteres.")]
        public string BodyAcronym { get; set; } = "";

        [Required(ErrorMessage = "Informe o CNPJ.")]
        public string Cnpj { get; set; } = "";

        [Required(ErrorMessage = "Escolha a esfera.")]
        public Sphere? Sphere { get; set; }

        [Required(ErrorMessage = "Informe o nome do contato.")]
        [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
        public string ContactName { get; set; } = "";

        [Required(ErrorMessage = "Informe o e-mail do contato.")]
        [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
        [StringLength(256, ErrorMessage = "O e-mail deve ter até 256 caracteres.")]
        public string ContactEmail { get; set; } = "";
    }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    [BindProperty]
    public StepInput Step { get; set; } = new();

    public void OnGet() => Step.ResponsiblePerson = tenant.UserName;

    public async Task<IActionResult> OnPostAsync()
    {
        if (Core.Organizations.Cnpj.Validate(Input.Cnpj) is { } error)
        {
            ModelState.AddModelError("Input.Cnpj", Core.Organizations.Cnpj.PortugueseMessage(error));
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var request = new AdhesionRequest
        {
            OrganizationId = tenant.CurrentOrganizationId!.Value, BodyName = Input.BodyName.Trim(), BodyAcronym = Input.BodyAcronym.Trim().ToUpperInvariant(),
            Cnpj = Core.Organizations.Cnpj.Parse(Input.Cnpj).Value, Sphere = Input.Sphere!.Value, ContactName = Input.ContactName.Trim(),
            ContactEmail = Input.ContactEmail.Trim().ToLowerInvariant(), CurrentStep = AdhesionStep.Request,
        };
        request.Steps.Add(new AdhesionStepRecord
        {
            OrganizationId = request.OrganizationId, Step = AdhesionStep.Request, Date = Step.Date!.Value, ResponsiblePerson = Step.ResponsiblePerson.Trim(),
            Documents = Step.Documents?.Trim(), Notes = Step.Notes?.Trim(),
        });
        db.AdhesionRequests.Add(request);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Pedido de adesão de {request.BodyName} registrado.";
        return Redirect($"/adesao/{request.Id}");
    }

    public static IEnumerable<SelectListItem> SphereOptions => OrganizationInput.SphereOptions;
}

/// <summary>
/// One adhesion request through the six steps. Each step is recorded once, in order; the availability step
/// provisions the body (organization, units, an invitation to its first internal-control user); the sixth
/// step takes one record per yearly report.
/// </summary>
[Authorize(Policy = Policies.Adoption)]
public sealed class DetailsModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock, Notifications.Notifier notifier, IOptions<MailOptions> mailOptions,
    UserManager<AppUser> users, IMemoryCache cache) : PageModel
{
    public AdhesionRequest Adhesion { get; private set; } = null!;
    public DeadlineStatus? Reports { get; private set; }
    public Organization? Provisioned { get; private set; }
    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    public AdhesionStep NextStep => Adhesion.CurrentStep == AdhesionStep.ImprovementReports ? AdhesionStep.ImprovementReports : Adhesion.CurrentStep + 1;

    [BindProperty]
    public StepInput Step { get; set; } = new();

    [BindProperty]
    public string? GazetteReference { get; set; }

    [BindProperty]
    public DateOnly? GazetteDate { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public DateOnly? ValidUntil { get; set; }

    /// <summary>Bound only at the availability step (other steps do not post it).</summary>
    public OrganizationInput Org { get; set; } = new();

    [BindProperty]
    public string? Units { get; set; }

    [BindProperty]
    public string? AdminName { get; set; }

    [BindProperty]
    public string? AdminEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(int requestId)
    {
        if (!await LoadAsync(requestId))
        {
            return NotFound();
        }
        Step.ResponsiblePerson = tenant.UserName;
        Org = new OrganizationInput
        {
            Name = Adhesion.BodyName, Acronym = Adhesion.BodyAcronym, Sphere = Adhesion.Sphere, ParentId = tenant.CurrentOrganizationId,
            Cnpj = Core.Organizations.Cnpj.TryParse(Adhesion.Cnpj, out var cnpj) ? cnpj.Formatted : Adhesion.Cnpj,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int requestId)
    {
        if (!await LoadAsync(requestId))
        {
            return NotFound();
        }
        var step = NextStep;
        var previousDate = Adhesion.Steps.Where(s => s.Step < step || (step == AdhesionStep.ImprovementReports && s.Step == AdhesionStep.Availability))
            .Select(s => (DateOnly?)s.Date).Max();
        if (Step.Date is { } date && previousDate is { } previous && date < previous)
        {
            ModelState.AddModelError("Step.Date", $"A data não pode ser anterior à da etapa anterior ({Labels.Date(previous)}).");
        }
        if (Step.Date is { } d && d > clock.Today())
        {
            ModelState.AddModelError("Step.Date", "A data não pode estar no futuro.");
        }
        if (step == AdhesionStep.Signature)
        {
            if (ValidFrom is null)
            {
                ModelState.AddModelError(nameof(ValidFrom), "Informe o início da vigência do acordo.");
            }
            if (ValidUntil is null)
            {
                ModelState.AddModelError(nameof(ValidUntil), "Informe o fim da vigência do acordo.");
            }
            else if (ValidFrom is { } from && ValidUntil < from)
            {
                ModelState.AddModelError(nameof(ValidUntil), "O fim da vigência deve ser igual ou posterior ao início.");
            }
        }
        if (step == AdhesionStep.Publication)
        {
            if (string.IsNullOrWhiteSpace(GazetteReference))
            {
                ModelState.AddModelError(nameof(GazetteReference), "Informe a referência da publicação (diário oficial, edição, página).");
            }
            else if (GazetteReference.Length > 300)
            {
                ModelState.AddModelError(nameof(GazetteReference), "A referência deve ter até 300 caracteres.");
            }
            if (GazetteDate is null)
            {
                ModelState.AddModelError(nameof(GazetteDate), "Informe a data da publicação.");
            }
        }
        var unitLines = new List<(string? Acronym, string Name)>();
        if (step == AdhesionStep.Availability)
        {
            await TryUpdateModelAsync(Org, nameof(Org));
            TryValidateModel(Org, nameof(Org));
            await Org.ValidateAsync(db, ModelState, nameof(Org), null, requireParent: true);
            if (string.IsNullOrWhiteSpace(AdminName) || AdminName.Trim().Length > 200)
            {
                ModelState.AddModelError(nameof(AdminName), "Informe o nome do primeiro usuário do controle interno (até 200 caracteres).");
            }
            var email = AdminEmail?.Trim().ToLowerInvariant() ?? "";
            if (!new EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 256)
            {
                ModelState.AddModelError(nameof(AdminEmail), "Informe um e-mail válido para o convite.");
            }
            else if (await users.FindByEmailAsync(email) is not null)
            {
                ModelState.AddModelError(nameof(AdminEmail), "Já existe uma conta com este e-mail: use outro ou conceda o perfil pela página de usuários do órgão.");
            }
            foreach (var line in (Units ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(" - ", 2, StringSplitOptions.TrimEntries);
                var (acronym, name) = parts.Length == 2 ? (parts[0], parts[1]) : ((string?)null, line);
                if (name.Length is 0 or > 300 || acronym?.Length > 40)
                {
                    ModelState.AddModelError(nameof(Units), $"Unidade inválida: “{line}”. Escreva uma por linha, como “GAB - Gabinete”.");
                }
                unitLines.Add((acronym, name));
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Parents = await OrganizationFormView.ParentsAsync(db, null);
            return Page();
        }

        var record = new AdhesionStepRecord
        {
            OrganizationId = Adhesion.OrganizationId, RequestId = Adhesion.Id, Step = step, Date = Step.Date!.Value,
            ResponsiblePerson = Step.ResponsiblePerson.Trim(), Documents = Step.Documents?.Trim(), Notes = Step.Notes?.Trim(),
            GazetteReference = step == AdhesionStep.Publication ? GazetteReference!.Trim() : null,
            GazetteDate = step == AdhesionStep.Publication ? GazetteDate : null,
        };
        db.AdhesionSteps.Add(record);
        var tracked = await db.AdhesionRequests.FirstAsync(r => r.Id == Adhesion.Id);
        tracked.CurrentStep = step;
        if (step == AdhesionStep.Signature)
        {
            (tracked.ValidFrom, tracked.ValidUntil) = (ValidFrom, ValidUntil);
        }
        var provisioned = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (step == AdhesionStep.Availability)
        {
            var organization = new Organization { Name = "", Acronym = "", Cnpj = "" };
            Org.ApplyTo(organization);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            foreach (var (acronym, name) in unitLines)
            {
                db.AdministrativeUnits.Add(new AdministrativeUnit { OrganizationId = organization.Id, Name = name, Acronym = acronym });
            }
            tracked.ProvisionedOrganizationId = organization.Id;
            provisioned = true;
            UserAdministration.AddInvitation(db, notifier, clock.GetUtcNow(), mailOptions.Value.PublicBaseUrl, organization.Id, organization.Name,
                AdminName!.Trim(), AdminEmail!.Trim().ToLowerInvariant(), Profile.InternalControl, tenant.UserId, tenant.UserName);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        if (provisioned)
        {
            OrganizationNetwork.Invalidate(cache);
        }
        TempData["Sucesso"] = step switch
        {
            AdhesionStep.Availability => $"Etapa registrada: {Org.Name} foi cadastrado e o convite foi enviado para {AdminEmail!.Trim().ToLowerInvariant()}.",
            AdhesionStep.ImprovementReports => "Relatório anual registrado.",
            _ => $"Etapa registrada: {AdhesionSteps.Of(step)}.",
        };
        return Redirect($"/adesao/{Adhesion.Id}");
    }

    private async Task<bool> LoadAsync(int requestId)
    {
        var request = await db.AdhesionRequests.AsNoTracking().Include(r => r.Steps.OrderBy(s => s.Id)).FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null)
        {
            return false;
        }
        Adhesion = request;
        Reports = AdhesionSteps.Reports(request, clock.Today());
        Provisioned = request.ProvisionedOrganizationId is int id ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id) : null;
        Parents = await OrganizationFormView.ParentsAsync(db, null);
        return true;
    }
}
