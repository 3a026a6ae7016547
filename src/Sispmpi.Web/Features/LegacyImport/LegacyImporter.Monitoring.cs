using Sispmpi.Web.Features.Evaluation;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Organizations;

namespace Sispmpi.Web.Features.LegacyImport;

public sealed partial class LegacyImporter
{
    private async Task WriteMonitoringAsync(int legacyBody, Organization organization, CancellationToken cancellationToken)
    {
        var orgId = organization.Id;
        foreach (var row in Owned("acao_monitoramento", legacyBody))
        {
            var actionId = LinkOf("acao", row.Int("acao_id"))!.Value;
            var level = row.Int("risco_n_implementacao") is >= 1 and <= 4 and var l ? (NonImplementationRisk)l : NonImplementationRisk.Medium;
            var assessment = new RiskAssessment
            {
                OrganizationId = orgId, ActionId = actionId, Level = level, Rationale = "Avaliação registrada no SisPMPI original.",
                AssessedAt = row.Moment("created_at") ?? _now, AssessedById = LinkOf("usuario", row.Int("usuario_id")),
            };
            db.RiskAssessments.Add(assessment);
            // The action shows its latest assessment, as the original did.
            (await db.PlanActions.FindAsync([actionId], cancellationToken))!.NonImplementationRisk = level;
            await db.SaveChangesAsync(cancellationToken);
            Link("acao_monitoramento", row.Id, assessment.Id, orgId);
            _report.Count(LegacyKinds.RiskAssessments);
        }

        foreach (var row in Owned("acao_monitoramento_recomendacao", legacyBody))
        {
            var legacyAction = _source["acao_monitoramento"].First(m => m.Id == row.Int("acao_monitoramento_id")).Int("acao_id");
            await AddRecommendationAsync("acao_monitoramento_recomendacao", row, orgId, legacyAction, null, RecommendationSource.MonitoringCommittee, cancellationToken);
        }
        foreach (var row in Owned("acao_avaliacao_recomendacao", legacyBody))
        {
            await AddRecommendationAsync("acao_avaliacao_recomendacao", row, orgId, row.Int("acao_id"), null, RecommendationSource.InternalControl, cancellationToken);
        }
        foreach (var row in Owned("plano_integridade_recomendacao", legacyBody))
        {
            await AddRecommendationAsync("plano_integridade_recomendacao", row, orgId, null, row.Int("plano_integridade_id"), RecommendationSource.InternalControl, cancellationToken);
        }

        foreach (var row in Owned("reuniao", legacyBody))
        {
            var meeting = new CommitteeMeeting
            {
                OrganizationId = orgId, PlanId = LinkOf("plano_integridade", row.Int("plano_integridade_id")),
                Date = row.Date("data") ?? DateOnly.FromDateTime(_now.DateTime), Title = Cut(row.Text("nome"), 300) ?? "Reunião",
                Agenda = Cut(row.RichText("pauta"), 4000), Minutes = Cut(row.RichText("registro"), 100_000),
                CreatedAt = row.Moment("created_at") ?? _now, CreatedById = LinkOf("usuario", row.Int("usuario_id")),
            };
            foreach (var present in _source["reuniao_servidor"].Where(p => p.Int("reuniao_id") == row.Id))
            {
                var person = _source["servidor"].FirstOrDefault(s => s.Id == present.Int("servidor_id"));
                if (person?.Text("nome") is { } name)
                {
                    meeting.Participants.Add(new MeetingParticipant
                    {
                        OrganizationId = orgId, Name = Cut(name, 200)!, Role = person.Text("masp_matricula") is { } masp ? Cut($"MASP/matrícula {masp}", 200) : null,
                    });
                    _report.Count(LegacyKinds.MeetingParticipants);
                }
            }
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            Link("reuniao", row.Id, meeting.Id, orgId);
            _report.Count(LegacyKinds.Meetings);
        }

        foreach (var row in Owned("plano_integridade_novo", legacyBody))
        {
            var request = new UpdateRequest
            {
                OrganizationId = orgId, PlanId = LinkOf("plano_integridade", row.Int("plano_integridade_id"))!.Value,
                Kind = row.Int("tipo") == 2 ? UpdateKind.NewEdition : UpdateKind.NewVersion,
                Justification = Cut(row.Text("justificativa"), 4000) ?? "Solicitação registrada no SisPMPI original.",
                RequestedAt = row.Moment("created_at") ?? _now, RequestedById = LinkOf("usuario", row.Int("usuario_solicitante_id")),
                Status = row.IntOrNull("autorizado") switch { null => UpdateRequestStatus.Pending, 1 => UpdateRequestStatus.Authorized, _ => UpdateRequestStatus.Denied },
                DecidedById = LinkOf("usuario", row.IntOrNull("usuario_autorizador_id")),
            };
            if (request.Status != UpdateRequestStatus.Pending)
            {
                // The original keeps no decision time: the request's own moment stands for it.
                request.DecidedAt = request.RequestedAt;
            }
            db.UpdateRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            Link("plano_integridade_novo", row.Id, request.Id, orgId);
            _report.Count(LegacyKinds.UpdateRequests);
        }
    }

    private async Task AddRecommendationAsync(string table, LegacyRow row, int orgId, int? legacyAction, int? legacyPlan,
        RecommendationSource source, CancellationToken cancellationToken)
    {
        var actionId = LinkOf("acao", legacyAction);
        int planId;
        if (actionId is { } id)
        {
            planId = (await db.PlanActions.FindAsync([id], cancellationToken))!.PlanId;
        }
        else
        {
            planId = LinkOf("plano_integridade", legacyPlan)!.Value;
        }
        var createdAt = row.Moment("created_at") ?? _now;
        var answer = row.Text("resposta");
        var recommendation = new Recommendation
        {
            OrganizationId = orgId, PlanId = planId, ActionId = actionId, Source = source, Text = Cut(row.Text("recomendacao"), 4000) ?? "—",
            CreatedAt = createdAt, CreatedById = LinkOf("usuario", row.Int("usuario_id")),
            Answer = Cut(answer, 4000),
            // The original keeps no answer time: the recommendation's own moment stands for it.
            AnsweredAt = answer is null ? null : createdAt,
            AnsweredById = answer is null ? null : LinkOf("usuario", row.IntOrNull("usuario_resposta_id")),
        };
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        Link(table, row.Id, recommendation.Id, orgId);
        _report.Count(LegacyKinds.Recommendations);
        if (answer is not null)
        {
            _report.Count(LegacyKinds.AnsweredRecommendations);
        }
    }

    private async Task WriteActivitiesAsync(int legacyBody, Organization organization, CancellationToken cancellationToken)
    {
        foreach (var row in Owned("promover_integridade", legacyBody))
        {
            var text = row.Text("acao_desenvolvida") ?? "Atividade";
            var activity = new IntegrityActivity
            {
                OrganizationId = organization.Id, Date = row.Date("data") ?? DateOnly.FromDateTime(_now.DateTime),
                Title = Cut(text.ReplaceLineEndings(" "), 300)!, Description = text.Length > 300 ? Cut(text, 4000) : null,
                Hours = row.Int("horas_trabalho"), RecordedAt = row.Moment("created_at") ?? _now,
            };
            db.IntegrityActivities.Add(activity);
            await db.SaveChangesAsync(cancellationToken);
            Link("promover_integridade", row.Id, activity.Id, organization.Id);
            _report.Count(LegacyKinds.Activities);
        }
    }

    private IEnumerable<LegacyRow> Owned(string table, int legacyBody) => _source[table].Where(r => _owners.Belongs(table, r, legacyBody));
}
