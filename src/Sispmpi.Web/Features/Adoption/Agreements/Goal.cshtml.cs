using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Core.Adoption;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

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
