using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>A new meeting of the monitoring committee, recorded by the committee of the current organization.</summary>
[Authorize(Policy = Policies.Monitoring)]
[WritePolicy(Policies.MonitoringWrite)]
public sealed class CreateModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Plans { get; private set; } = [];
    public IReadOnlyList<ParticipantOption> Users { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (tenant.CurrentOrganizationId is not int organizationId || !MeetingRules.CanWrite(tenant, organizationId))
        {
            return MeetingRules.Refuse();
        }
        await LoadAsync(organizationId);
        Input.Date = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (tenant.CurrentOrganizationId is not int organizationId || !MeetingRules.CanWrite(tenant, organizationId))
        {
            return MeetingRules.Refuse();
        }
        await LoadAsync(organizationId);
        Input.Validate(ModelState, clock.Today(), Plans, Users);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var meeting = new CommitteeMeeting
        {
            OrganizationId = organizationId, Title = "", CreatedAt = clock.GetUtcNow(), CreatedById = tenant.UserId,
        };
        Input.ApplyTo(meeting, Users);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Reunião “{meeting.Title}” registrada.";
        return Redirect($"/monitoramento/reunioes/{meeting.Id}");
    }

    private async Task LoadAsync(int organizationId)
    {
        Plans = await MeetingRules.PlanItemsAsync(db, organizationId);
        Users = await MeetingRules.UserOptionsAsync(db, organizationId, []);
    }
}
