using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>
/// Signs the minutes with the password re-entered, like the plan document. Everyone who reads the monitoring module
/// sees who signed; <see cref="MeetingRules.CanSign"/> says who signs (the committee, the head, internal control).
/// The first signature freezes the minutes: from then on the meeting is neither edited nor deleted.
/// </summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class SignModel(SispmpiDbContext db, MeetingDocuments documents, DocumentSigning signing, TenantContext tenant,
    TimeProvider clock, IOptions<SignatureOptions> signatureOptions) : PageModel
{
    public const string NoMinutesMessage = "A ata ainda não foi redigida: registre o texto da ata antes de assiná-la.";

    public CommitteeMeeting Meeting { get; private set; } = null!;
    public SignedDocument? Signed { get; private set; }
    public string LegalBasis => signatureOptions.Value.LegalBasis;
    public bool MaySign { get; private set; }
    public bool SignedByMe => Signed?.Signatures.Any(s => s.UserId == tenant.UserId) == true;
    /// <summary>Why the minutes cannot be signed yet, if they cannot.</summary>
    public string? NotReady { get; private set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(int meetingId) => await LoadAsync(meetingId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int meetingId)
    {
        if (!await LoadAsync(meetingId))
        {
            return NotFound();
        }
        if (!MaySign)
        {
            return MeetingRules.Refuse(
                "A ata é assinada pelo comitê de monitoramento, pela alta administração ou pelo controle interno do órgão que realizou a reunião.");
        }
        if (NotReady is not null)
        {
            ModelState.AddModelError(string.Empty, NotReady);
            return Page();
        }
        var result = await signing.SignAsync(DocumentKind.MeetingMinutes, Meeting.Id, Meeting.OrganizationId,
            MeetingDocuments.SignedTitle(Meeting), MeetingDocuments.FileBaseName(Meeting) + "-assinada.pdf",
            async () => PdfWriter.Render((await documents.MinutesAsync(Meeting.Id))!), Password ?? "");
        if (result.Error is not null)
        {
            ModelState.AddModelError(nameof(Password), result.Error);
            return Page();
        }
        TempData["Sucesso"] = $"Ata assinada. Código verificador {result.Document!.VerificationCode}, CRC {result.Document.Crc}.";
        return Redirect($"/monitoramento/reunioes/{Meeting.Id}/assinar");
    }

    private async Task<bool> LoadAsync(int meetingId)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return false;
        }
        Meeting = meeting;
        Signed = await MeetingRules.FindSignedAsync(signing, meetingId);
        MaySign = MeetingRules.CanSign(tenant, meeting.OrganizationId);
        // Once frozen, the signed content is what counts: later signers sign it as it is.
        if (Signed is null)
        {
            if (string.IsNullOrWhiteSpace(meeting.Minutes))
            {
                NotReady = NoMinutesMessage;
            }
            else if (meeting.Date > clock.Today())
            {
                NotReady = $"A reunião está marcada para {Shared.Labels.Date(meeting.Date)}: a ata só pode ser assinada a partir dessa data.";
            }
        }
        return true;
    }
}
