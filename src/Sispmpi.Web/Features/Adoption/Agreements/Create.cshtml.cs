using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

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
