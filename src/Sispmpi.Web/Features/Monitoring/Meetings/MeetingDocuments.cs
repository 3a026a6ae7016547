using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Text;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>
/// The minutes of a committee meeting as a neutral document (rendered to PDF for download and signature):
/// identification, participants, agenda and the minutes converted from Markdown. The query filters apply: a
/// meeting of another organization is simply not found.
/// </summary>
public sealed class MeetingDocuments(SispmpiDbContext db, TimeProvider clock)
{
    public const string DocumentHeading = "Ata da reunião do comitê de monitoramento";

    public static string FileBaseName(CommitteeMeeting meeting) =>
        $"ata-reuniao-{meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{meeting.Id}";

    /// <summary>How the signed document is named on the verification page: at most 300 characters.</summary>
    public static string SignedTitle(CommitteeMeeting meeting)
    {
        var title = $"Ata da reunião “{meeting.Title}”, de {Labels.Date(meeting.Date)}";
        return title.Length <= 300 ? title : title[..299] + "…";
    }

    public async Task<OfficialDocument?> MinutesAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants)
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == meeting.OrganizationId)
            .Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var plan = meeting.PlanId is int planId
            ? await db.Plans.AsNoTracking().Where(p => p.Id == planId)
                .Select(p => new { p.Title, p.Edition, p.Version }).FirstOrDefaultAsync(cancellationToken)
            : null;

        var body = new List<Block>
        {
            new Heading(1, DocumentHeading),
            new FieldList(
            [
                new("Órgão ou entidade", organization),
                new("Reunião", meeting.Title),
                new("Data", Labels.Date(meeting.Date)),
                new("Plano de integridade", plan is null ? "—" : $"{plan.Title} — edição {plan.Edition}, versão {plan.Version}"),
            ]),
            new Heading(2, "Participantes"),
        };
        var participants = Ordered(meeting.Participants);
        if (participants.Count == 0)
        {
            body.Add(new Paragraph("Nenhum participante registrado."));
        }
        else
        {
            body.Add(new Table([new("Nome", 1.2), new("Cargo ou função", 1)],
                participants.Select(p => (IReadOnlyList<string>)[p.Name, p.Role ?? "—"]).ToList()));
        }

        body.Add(new Heading(2, "Pauta"));
        body.AddRange(FormattedText.ToBlocks(meeting.Agenda, "Pauta não informada."));

        body.Add(new Heading(2, "Registro da reunião"));
        var minutes = MinutesMarkdown.ToBlocks(meeting.Minutes);
        if (minutes.Count == 0)
        {
            body.Add(new Paragraph("A ata ainda não foi redigida."));
        }
        else
        {
            body.AddRange(minutes);
        }

        return new OfficialDocument(
            new DocumentInfo($"Ata — {meeting.Title}", organization, clock.GetUtcNow(), DocumentHeading),
            null,
            body);
    }

    /// <summary>Participants in alphabetical order, as the meeting page lists them.</summary>
    public static IReadOnlyList<MeetingParticipant> Ordered(IEnumerable<MeetingParticipant> participants) =>
        participants.OrderBy(p => p.Name, StringComparer.Create(BrazilTime.Culture, ignoreCase: true)).ThenBy(p => p.Id).ToList();
}
