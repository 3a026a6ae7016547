using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Data;

// Monitoring: risks of non-implementation, recommendations answered and not, a meeting and an update request.
public sealed partial class DemoSeeder
{
    private async Task SeedMonitoringAsync(Organization org, IntegrityPlan plan, DateOnly today, CancellationToken cancellationToken)
    {
        var people = await db.Users.Where(u => u.Email!.EndsWith("@" + Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        var (monitor, executor, auditor, commission) = (people["monitor"], people["executor"], people["auditor"], people["comissao"]);
        var actions = await db.PlanActions.Where(a => a.PlanId == plan.Id).ToDictionaryAsync(a => a.Title, cancellationToken);
        var now = clock.GetUtcNow();

        void Risk(string title, Features.Monitoring.NonImplementationRisk level, string rationale, int daysAgo)
        {
            var action = actions[title];
            db.RiskAssessments.Add(new Features.Monitoring.RiskAssessment
            {
                OrganizationId = org.Id, ActionId = action.Id, Level = level, Rationale = rationale, AssessedAt = now.AddDays(-daysAgo), AssessedById = monitor.Id,
            });
            action.NonImplementationRisk = level;
        }
        Risk("Mapear riscos de conflito de interesses na gestão de pessoas", Features.Monitoring.NonImplementationRisk.Medium,
            "Equipe reduzida na Superintendência de Recursos Humanos.", 60);
        Risk("Mapear riscos de conflito de interesses na gestão de pessoas", Features.Monitoring.NonImplementationRisk.High,
            "Prazo vencido e levantamento incompleto nas regionais.", 10);
        Risk("Lançar campanha interna sobre o código de conduta", Features.Monitoring.NonImplementationRisk.Extreme,
            "Campanha sem orçamento liberado e com o término previsto vencido.", 8);
        Risk("Mapear riscos à integridade nos processos de compras", Features.Monitoring.NonImplementationRisk.Medium,
            "Depende da contratação de consultoria em andamento.", 20);
        Risk("Capacitar servidores em ética e integridade", Features.Monitoring.NonImplementationRisk.Low, "Turmas regulares e meta em dia.", 25);

        Features.Monitoring.Recommendation Recommend(string? title, Features.Monitoring.RecommendationSource source, string text, int daysAgo,
            string? answer = null, int answeredDaysAgo = 0, AppUser? author = null, AppUser? answeredBy = null) => new()
        {
            OrganizationId = org.Id, PlanId = plan.Id, ActionId = title is null ? null : actions[title].Id, Source = source, Text = text,
            CreatedAt = now.AddDays(-daysAgo), CreatedById = (author ?? monitor).Id,
            Answer = answer, AnsweredAt = answer is null ? null : now.AddDays(-answeredDaysAgo), AnsweredById = answer is null ? null : (answeredBy ?? executor).Id,
        };
        const Features.Monitoring.RecommendationSource committee = Features.Monitoring.RecommendationSource.MonitoringCommittee;
        const Features.Monitoring.RecommendationSource control = Features.Monitoring.RecommendationSource.InternalControl;
        db.Recommendations.AddRange(
            Recommend("Mapear riscos de conflito de interesses na gestão de pessoas", committee,
                "Priorizar as diretorias regionais e apresentar novo cronograma ao comitê.", 30,
                "Cronograma revisto: regionais até o fim do próximo mês, com apoio da Controladoria Seccional.", 25),
            Recommend("Mapear riscos de conflito de interesses na gestão de pessoas", committee,
                "Registrar as evidências do levantamento já feito nas oito diretorias.", 9),
            Recommend("Lançar campanha interna sobre o código de conduta", committee,
                "Informar a previsão de liberação do orçamento e, se necessário, propor peças sem custo.", 7),
            Recommend("Publicar agenda de compromissos das autoridades", committee,
                "Incluir os secretários adjuntos na publicação da agenda.", 90, "Incluídos a partir deste mês.", 75),
            Recommend(null, control, "Definir indicadores de resultado para as ações de capacitação.", 40,
                "O comitê incluirá a meta de servidores capacitados no próximo relatório.", 35, auditor, monitor),
            Recommend(null, control, "Apresentar trimestralmente à alta administração o relatório de monitoramento.", 5, author: auditor));

        db.Meetings.Add(new Features.Monitoring.CommitteeMeeting
        {
            OrganizationId = org.Id, PlanId = plan.Id, Date = today.AddDays(-14), Title = "3ª reunião ordinária do comitê de monitoramento",
            Agenda = "1. Situação das ações em atraso\n2. Riscos de não implementação\n3. Relatório trimestral",
            Minutes = "## Deliberações\n\n- Recomendar à SRH novo cronograma para o mapeamento de conflito de interesses.\n"
                + "- Classificar como **extremo** o risco da campanha do código de conduta.\n- Aprovar o relatório trimestral de monitoramento.",
            CreatedAt = now.AddDays(-14), CreatedById = monitor.Id,
            Participants =
            [
                new() { OrganizationId = org.Id, UserId = monitor.Id, Name = monitor.FullName, Role = "Coordenador do comitê" },
                new() { OrganizationId = org.Id, UserId = commission.Id, Name = commission.FullName, Role = "Comissão de integridade" },
                new() { OrganizationId = org.Id, Name = "Paula Regional", Role = "Diretoria Regional de Juiz de Fora" },
            ],
        });
        db.UpdateRequests.Add(new Features.Monitoring.UpdateRequest
        {
            OrganizationId = org.Id, PlanId = plan.Id, Kind = Features.Monitoring.UpdateKind.NewVersion, RequestedAt = now.AddDays(-3), RequestedById = monitor.Id,
            Justification = "Incluir ações de integridade nas contratações de tecnologia e rever os prazos do eixo 2, após a reorganização da secretaria.",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
