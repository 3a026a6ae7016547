using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Activities;

/// <summary>A new integrity-promotion activity, recorded by internal control of the current organization.</summary>
[Authorize(Policy = Policies.Evaluation)]
[WritePolicy(Policies.EvaluationWrite)]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        if (tenant.CurrentOrganizationId is not int organizationId || !ActivityRules.CanWrite(tenant, organizationId))
        {
            return ActivityRules.Refuse();
        }
        Input.Date = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (tenant.CurrentOrganizationId is not int organizationId || !ActivityRules.CanWrite(tenant, organizationId))
        {
            return ActivityRules.Refuse();
        }
        Input.Validate(ModelState, clock.Today());
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var activity = new IntegrityActivity
        {
            OrganizationId = organizationId, Title = "", RecordedAt = clock.GetUtcNow(), RecordedById = tenant.UserId,
        };
        Input.ApplyTo(activity);
        db.IntegrityActivities.Add(activity);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Atividade “{activity.Title}” registrada.";
        return Redirect(ActivityRules.YearUrl(activity.Date.Year));
    }
}
