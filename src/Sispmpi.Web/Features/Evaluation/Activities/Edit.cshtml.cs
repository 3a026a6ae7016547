using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Activities;

/// <summary>Changes or deletes an activity: internal control of its organization. Another organization's activity is not found.</summary>
[Authorize(Policy = Policies.Evaluation)]
[WritePolicy(Policies.EvaluationWrite)]
public sealed class EditModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public IntegrityActivity Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int activityId)
    {
        if (await LoadAsync(activityId) is { } refused)
        {
            return refused;
        }
        Input = ActivityInput.From(Activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int activityId)
    {
        if (await LoadAsync(activityId) is { } refused)
        {
            return refused;
        }
        Input.Validate(ModelState, clock.Today());
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Activity);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Atividade “{Activity.Title}” atualizada.";
        return Redirect(ActivityRules.YearUrl(Activity.Date.Year));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int activityId)
    {
        if (await LoadAsync(activityId) is { } refused)
        {
            return refused;
        }
        db.IntegrityActivities.Remove(Activity);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Atividade “{Activity.Title}” excluída.";
        return Redirect(ActivityRules.YearUrl(Activity.Date.Year));
    }

    /// <summary>Loads the activity; returns the answer when it is not found or cannot be changed by the current user.</summary>
    private async Task<IActionResult?> LoadAsync(int activityId)
    {
        var activity = await db.IntegrityActivities.FirstOrDefaultAsync(a => a.Id == activityId);
        if (activity is null)
        {
            return NotFound();
        }
        if (!ActivityRules.CanWrite(tenant, activity.OrganizationId))
        {
            return ActivityRules.Refuse();
        }
        Activity = activity;
        return null;
    }
}
