using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>
/// Changes a meeting: the committee of its organization, while the minutes are not signed. Once signed, the
/// content is frozen and both reading the form and saving it answer 403 with the reason.
/// </summary>
[Authorize(Policy = Policies.Monitoring)]
[WritePolicy(Policies.MonitoringWrite)]
public sealed class EditModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public CommitteeMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Plans { get; private set; } = [];
    public IReadOnlyList<ParticipantOption> Users { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int meetingId)
    {
        if (await LoadAsync(meetingId) is { } refused)
        {
            return refused;
        }
        Input = MeetingInput.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int meetingId)
    {
        if (await LoadAsync(meetingId) is { } refused)
        {
            return refused;
        }
        Input.Validate(ModelState, clock.Today(), Plans, Users);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Meeting, Users);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Reunião “{Meeting.Title}” atualizada.";
        return Redirect($"/monitoramento/reunioes/{Meeting.Id}");
    }

    /// <summary>Loads the meeting and the form's choices; returns the answer when the meeting cannot be changed.</summary>
    private async Task<IActionResult?> LoadAsync(int meetingId)
    {
        var meeting = await db.Meetings.Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return NotFound();
        }
        if (!MeetingRules.CanWrite(tenant, meeting.OrganizationId))
        {
            return MeetingRules.Refuse();
        }
        if (await MeetingRules.IsSignedAsync(db, meetingId))
        {
            return MeetingRules.Refuse(MeetingRules.SignedMessage);
        }
        Meeting = meeting;
        Plans = await MeetingRules.PlanItemsAsync(db, meeting.OrganizationId);
        Users = await MeetingRules.UserOptionsAsync(db, meeting.OrganizationId,
            meeting.Participants.Where(p => p.UserId is not null).Select(p => p.UserId!.Value).ToList());
        return null;
    }
}
