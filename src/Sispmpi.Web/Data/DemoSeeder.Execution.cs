using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Data;

// Execution: responsibility, evidence of every kind and goal measurements; the notices in the bells.
public sealed partial class DemoSeeder
{
    /// <summary>
    /// The executor answers for most actions (three are left to others, so "Minhas ações" differs from the whole
    /// plan); evidence of each kind and goal measurements show what an executor records.
    /// </summary>
    private async Task SeedExecutionAsync(Organization org, IntegrityPlan plan, DateOnly today, CancellationToken cancellationToken)
    {
        var executor = await db.Users.SingleAsync(u => u.Email == "executor@" + Domain, cancellationToken);
        var actions = await db.PlanActions.Where(a => a.PlanId == plan.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        string[] othersAnswer =
        [
            "Realizar reunião trimestral da alta administração sobre integridade",
            "Aprovar a política de integridade da SEPLAG",
            "Criar comissão permanente de processo administrativo disciplinar",
        ];
        foreach (var action in actions.Where(a => !othersAnswer.Contains(a.Title)))
        {
            action.ResponsibleUserId = executor.Id;
        }
        var ofTitle = actions.ToDictionary(a => a.Title);
        var concluded = ofTitle["Reestruturar a página de transparência ativa"];
        concluded.ExecutionNotes = "Nova página publicada com agenda, diárias, contratos e remuneração, conforme a LAI.";
        var late = ofTitle["Mapear riscos de conflito de interesses na gestão de pessoas"];
        late.ExecutionNotes = "Levantamento feito em 8 das 12 diretorias; faltam as regionais.";
        late.LimitingFactors = ["Falta de pessoal", "Dependência de outra unidade"];
        late.OtherLimitingFactors = "Mudança da chefia da Superintendência de Recursos Humanos.";
        ofTitle["Realizar reunião trimestral da alta administração sobre integridade"].ExecutionNotes = "Quatro reuniões realizadas; atas no processo SEI.";

        var now = clock.GetUtcNow();
        var pdf = Infrastructure.Documents.Pdf.PdfWriter.Render(new OfficialDocument(
            new DocumentInfo("Relatório de conclusão", org.Name, now),
            null,
            [
                new Heading(1, "Relatório de conclusão da ação"),
                new Paragraph($"Ação: {concluded.Number} — {concluded.Title}."),
                new Paragraph("A nova página de transparência ativa foi publicada e validada pela Controladoria Seccional."),
            ]));
        var pdfKey = await files.SaveAsync(EvidenceService.FileFolder, pdf, cancellationToken);
        db.ActionEvidence.AddRange(
            Evidence(concluded, EvidenceKind.Link, "Página de transparência publicada", e => e.Url = "https://www.mg.gov.br/planejamento/transparencia", 8),
            Evidence(concluded, EvidenceKind.Process, "Processo de contratação do novo portal", e =>
                (e.ProcessNumber, e.ProcessNumberKind) = ("19973.011749/2025-70", Core.Execution.ProcessNumberKind.FederalNup), 7),
            Evidence(concluded, EvidenceKind.File, "Relatório de conclusão", e =>
                (e.FileName, e.FileKey, e.ContentType, e.FileSize, e.FileSha256) =
                ("relatorio-de-conclusao.pdf", pdfKey, "application/pdf", pdf.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))), 6),
            Evidence(ofTitle["Realizar reunião trimestral da alta administração sobre integridade"], EvidenceKind.Process, "Atas das reuniões",
                e => (e.ProcessNumber, e.ProcessNumberKind) = ("1500.01.0012345/2025-12", Core.Execution.ProcessNumberKind.SeiMg), 10));

        var training = ofTitle["Capacitar servidores em ética e integridade"];
        var agenda = ofTitle["Publicar agenda de compromissos das autoridades"];
        db.ActionMeasurements.AddRange(
            Measurement(training, -300, 320m, "Turmas do primeiro semestre."),
            Measurement(training, -180, 610m, null),
            Measurement(training, -25, 840m, "Inclui o curso a distância."),
            Measurement(agenda, -200, 45m, null),
            Measurement(agenda, -75, 60m, "Secretários adjuntos incluídos."));
        training.CurrentValue = 840m;
        agenda.CurrentValue = 60m;
        await db.SaveChangesAsync(cancellationToken);

        ActionEvidence Evidence(PlanAction action, EvidenceKind kind, string description, Action<ActionEvidence> fill, int daysAgo)
        {
            var evidence = new ActionEvidence
            {
                OrganizationId = org.Id, ActionId = action.Id, Kind = kind, Description = description,
                AddedAt = now.AddDays(-daysAgo), AddedById = executor.Id,
            };
            fill(evidence);
            return evidence;
        }

        ActionMeasurement Measurement(PlanAction action, int day, decimal value, string? note) => new()
        {
            OrganizationId = org.Id, ActionId = action.Id, MeasuredOn = today.AddDays(day), Value = value, Note = note,
            RecordedAt = now.AddDays(day), RecordedById = executor.Id,
        };
    }

    /// <summary>
    /// The monitoring committee's work on the published plan: risks of non-implementation, recommendations answered
    /// and not, internal control's general recommendations, a meeting with its minutes and a pending update request.
    /// </summary>
    /// <summary>A few notices in the bells of the executor and the monitor (no e-mail is queued for demo data).</summary>
    private async Task SeedNotificationsAsync(Organization org, DateOnly today, CancellationToken cancellationToken)
    {
        var people = await db.Users.Where(u => u.Email!.EndsWith("@" + Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        var plan = await db.Plans.SingleAsync(p => p.OrganizationId == org.Id && p.Status == PlanStatus.Published, cancellationToken);
        var open = await db.PlanActions
            .Where(a => a.PlanId == plan.Id && a.ResponsibleUserId == people["executor"].Id && a.PlannedEnd != null && a.PlannedEnd >= today
                && a.Classification == ActionClassification.OneOff && (a.Status == ActionStatus.InProgress || a.Status == ActionStatus.NotStarted))
            .OrderBy(a => a.PlannedEnd).ThenBy(a => a.Id).Take(2).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var published = Features.Notifications.Notices.PlanPublished(plan.Id, plan.Title, org.Name, plan.Edition, plan.Version,
            plan.PublishedAt ?? now, "comitê de monitoramento", "O monitoramento da execução das ações pode começar.");
        void Add(AppUser user, Features.Notifications.Notice notice, int hoursAgo, bool read) => db.Notifications.Add(new Features.Notifications.Notification
        {
            UserId = user.Id, OrganizationId = org.Id, Event = notice.Event, Title = notice.Subject, Summary = notice.Summary, Link = notice.LinkPath,
            CreatedAt = now.AddHours(-hoursAgo), ReadAt = read ? now.AddHours(-hoursAgo + 1) : null,
        });
        Add(people["monitor"], published, 72, read: true);
        Add(people["executor"], published with { Summary = $"O {plan.Title} foi publicado." }, 72, read: true);
        foreach (var (action, index) in open.Select((a, i) => (a, i)))
        {
            var end = action.PlannedEnd!.Value;
            Add(people["executor"], Features.Notifications.Notices.DeadlineApproaching(action.Id, action.Number, action.Title, plan.Title, end,
                end.DayNumber - today.DayNumber), 20 - index, read: false);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
