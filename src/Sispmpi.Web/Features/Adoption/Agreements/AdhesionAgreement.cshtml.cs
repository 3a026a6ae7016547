using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Core.Adoption;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

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
