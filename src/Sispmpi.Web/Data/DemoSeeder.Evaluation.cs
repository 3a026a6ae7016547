using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Data;

// Evaluation: two submitted maturity cycles and one in progress.
public sealed partial class DemoSeeder
{
    /// <summary>
    /// SEPLAG's maturity self-assessment on the current model version: the cycles of the year before last and of last
    /// year, submitted, with levels rising from one to the next, and this year's in progress with about half of the
    /// questions answered; every answer justified, some with evidence (a link, a process number, a PDF).
    /// </summary>
    private async Task SeedMaturityAsync(Organization org, DateOnly today, CancellationToken cancellationToken)
    {
        var people = await db.Users.Where(u => u.Email!.EndsWith("@" + Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        var (auditor, commission) = (people["auditor"], people["comissao"]);
        var version = await db.MaturityModels.Where(m => m.IsCurrent).OrderByDescending(m => m.Id).FirstAsync(cancellationToken);
        var model = Core.Evaluation.MaturityModel.Parse(version.Json);
        var now = clock.GetUtcNow();
        string[] practice =
        [
            "",
            "a prática depende de iniciativas isoladas de alguns servidores e não há norma nem registro sistemático.",
            "há norma interna publicada e responsáveis designados, mas a aplicação ainda varia entre as unidades.",
            "a prática é aplicada em todas as unidades, consta do planejamento anual e tem registros no SEI.",
            "a prática é acompanhada por indicadores trimestrais, relatados ao comitê e à alta administração.",
            "a prática é revista todo ano a partir dos resultados medidos e serviu de referência a outros órgãos.",
        ];
        // Noon in Brasília (UTC−3) of a day, as UTC; nothing is dated after now.
        static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
        DateTimeOffset NotAfterNow(DateTimeOffset at) => at < now ? at : now;

        Features.Evaluation.MaturityCycle Cycle(int year, DateTimeOffset createdAt, Func<int, int?> levelOf)
        {
            var cycle = new Features.Evaluation.MaturityCycle { OrganizationId = org.Id, Year = year, ModelVersionId = version.Id, CreatedAt = createdAt };
            var number = 0;
            foreach (var dimension in model.Dimensions)
            {
                foreach (var question in dimension.Questions)
                {
                    if (levelOf(number++) is not int level)
                    {
                        continue;
                    }
                    cycle.Answers.Add(new Features.Evaluation.MaturityAnswer
                    {
                        OrganizationId = org.Id, QuestionId = question.Id, Level = (Core.Evaluation.MaturityLevel)level,
                        Justification = $"{dimension.Title}: {practice[level]}", UpdatedAt = NotAfterNow(createdAt.AddDays(number)),
                        UpdatedById = number % 3 == 0 ? auditor.Id : commission.Id,
                    });
                }
            }
            db.MaturityCycles.Add(cycle);
            return cycle;
        }

        void Submit(Features.Evaluation.MaturityCycle cycle, DateOnly on)
        {
            cycle.Status = Features.Evaluation.MaturityCycleStatus.Submitted;
            cycle.SubmittedAt = Noon(on);
            cycle.SubmittedById = auditor.Id;
            cycle.OverallScore = Core.Evaluation.MaturityScoring.Score(model,
                cycle.Answers.Select(a => new Core.Evaluation.MaturityAnswerValue(a.QuestionId, a.Level))).Overall;
        }

        // Two years ago: "inicial" to "integrado"; last year one step up in two questions of three; this year one more
        // step in every third question, the first half of the questionnaire answered so far.
        static int Base(int question) => 1 + question % 2 + (question % 5 == 0 ? 1 : 0);
        static int LastYear(int question) => Math.Min(5, Base(question) + (question % 3 == 2 ? 0 : 1));
        var older = Cycle(today.Year - 2, Noon(new DateOnly(today.Year - 2, 3, 2)), q => Base(q));
        Submit(older, new DateOnly(today.Year - 2, 12, 12));
        var previous = Cycle(today.Year - 1, Noon(new DateOnly(today.Year - 1, 3, 3)), q => LastYear(q));
        Submit(previous, new DateOnly(today.Year - 1, 12, 11));
        var half = model.Questions.Count() / 2;
        var current = Cycle(today.Year, now.AddDays(-Math.Min(40, today.DayOfYear - 1)),
            q => q < half ? Math.Min(5, LastYear(q) + (q % 3 == 0 ? 1 : 0)) : null);
        await db.SaveChangesAsync(cancellationToken);

        var pdf = Infrastructure.Documents.Pdf.PdfWriter.Render(new OfficialDocument(
            new DocumentInfo("Relatório do canal de denúncias", org.Name, now),
            null,
            [
                new Heading(1, "Relatório anual do canal de denúncias"),
                new Paragraph("Denúncias recebidas, tratadas e respondidas no prazo, por tipo e por unidade."),
            ]));
        var pdfKey = await files.SaveAsync(EvidenceService.FileFolder, pdf, cancellationToken);
        Features.Evaluation.MaturityEvidence Evidence(Features.Evaluation.MaturityCycle cycle, int question, EvidenceKind kind, string description,
            Action<Features.Evaluation.MaturityEvidence> fill)
        {
            var questionId = model.Questions.ElementAt(question).Id;
            var evidence = new Features.Evaluation.MaturityEvidence
            {
                OrganizationId = org.Id, AnswerId = cycle.Answers.Single(a => a.QuestionId == questionId).Id, Kind = kind, Description = description,
                AddedAt = NotAfterNow(cycle.CreatedAt.AddDays(15)), AddedById = commission.Id,
            };
            fill(evidence);
            return evidence;
        }
        db.MaturityEvidence.AddRange(
            Evidence(previous, 0, EvidenceKind.Link, "Política de integridade publicada", e => e.Url = "https://www.mg.gov.br/planejamento/integridade"),
            Evidence(previous, 1, EvidenceKind.Process, "Processo de designação da unidade de integridade", e => e.ProcessNumber = "19973.011749/2025-70"),
            Evidence(current, 0, EvidenceKind.Link, "Pauta de integridade nas reuniões da alta administração",
                e => e.Url = "https://www.mg.gov.br/planejamento/integridade/reunioes"),
            Evidence(current, 1, EvidenceKind.File, "Relatório anual do canal de denúncias", e =>
                (e.FileName, e.FileKey, e.ContentType, e.FileSize, e.FileSha256) =
                ("relatorio-canal-de-denuncias.pdf", pdfKey, "application/pdf", pdf.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)))));
        await db.SaveChangesAsync(cancellationToken);
    }
}
