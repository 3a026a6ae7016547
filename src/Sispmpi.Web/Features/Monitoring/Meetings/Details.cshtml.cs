using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>
/// One meeting: date, title, plan, participants, agenda and the minutes rendered from Markdown without any markup
/// the author could inject; the PDF, the signature and, until the first signature, editing and deletion.
/// </summary>
[Authorize(Policy = Policies.Monitoring)]
[WritePolicy(Policies.MonitoringWrite)]
public sealed class DetailsModel(SispmpiDbContext db, TenantContext tenant, DocumentSigning signing) : PageModel
{
    public CommitteeMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<MeetingParticipant> Participants { get; private set; } = [];
    public string? PlanTitle { get; private set; }
    public string? CreatedBy { get; private set; }
    public string MinutesHtml { get; private set; } = "";
    public SignedDocument? Signed { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanSign { get; private set; }
    public bool SignedByMe => Signed?.Signatures.Any(s => s.UserId == tenant.UserId) == true;

    public async Task<IActionResult> OnGetAsync(int meetingId)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return NotFound();
        }
        Meeting = meeting;
        Participants = MeetingDocuments.Ordered(meeting.Participants);
        PlanTitle = meeting.PlanId is int planId
            ? await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title + " — edição " + p.Edition).FirstOrDefaultAsync()
            : null;
        CreatedBy = meeting.CreatedById is int userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync()
            : null;
        MinutesHtml = MinutesMarkdown.ToHtml(meeting.Minutes);
        Signed = await MeetingRules.FindSignedAsync(signing, meetingId);
        CanWrite = Signed is null && MeetingRules.CanWrite(tenant, meeting.OrganizationId);
        CanSign = MeetingRules.CanSign(tenant, meeting.OrganizationId);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int meetingId)
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
        db.Meetings.Remove(meeting);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Reunião “{meeting.Title}” excluída.";
        return Redirect("/monitoramento/reunioes");
    }
}
