using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Bench.Dashboard;

/// <summary>What <see cref="MonitoringData.AddAsync"/> wrote.</summary>
public sealed record MonitoringVolume(int ActionRecommendations, int AnsweredActionRecommendations, int GeneralRecommendations,
    int AssessedActions, int Assessments, int ResponsibleAssigned);

/// <summary>The account the benchmark signs in with, and whether a grant had to be added for it.</summary>
public sealed record CommitteeMember(int UserId, string Email, string FullName, bool GrantAdded);

/// <summary>
/// The monitoring committee's work on a plan at a realistic volume, written through the application's own DbContext
/// (so the history interceptor chains every row, as if the committee had used the pages): a responsible person on most
/// actions, about one recommendation per two actions (half of them answered), a few general recommendations from
/// internal control, and risk assessments on about a fifth of the actions, the latest of which sets
/// <see cref="PlanAction.NonImplementationRisk"/>. Drawn from a seeded <see cref="Random"/>.
/// </summary>
public sealed class MonitoringData(SispmpiDbContext db, TimeProvider clock, int seed)
{
    private static readonly string[] _recommendations =
    [
        "Apresentar cronograma detalhado das etapas restantes da ação, com responsáveis e datas.",
        "Anexar as evidências de execução já produzidas (atas, listas de presença, normativos publicados).",
        "Rever o prazo previsto de término, considerando os fatores limitadores informados.",
        "Articular com a unidade de recursos humanos a inclusão do tema no plano anual de capacitação.",
        "Registrar na aba Execução os avanços do último trimestre; o registro está desatualizado.",
        "Submeter a minuta do normativo à assessoria jurídica antes da publicação.",
        "Ampliar a divulgação da ação aos servidores das unidades regionais.",
        "Definir indicador de resultado mensurável e registrar a linha de base.",
        "Justificar o atraso no início da ação e propor nova data de início.",
        "Consolidar os resultados das capacitações realizadas em relatório único.",
    ];

    private static readonly string[] _answers =
    [
        "Cronograma anexado às evidências da ação; as etapas restantes estão previstas para o próximo trimestre.",
        "Evidências incluídas na aba Execução.",
        "Prazo revisto em reunião com a unidade executora; a nova data foi registrada.",
        "Tema incluído no plano anual de capacitação, conforme ofício da unidade de recursos humanos.",
        "Registro de execução atualizado.",
        "Minuta encaminhada à assessoria jurídica; aguardamos o parecer.",
        "Divulgação feita por e-mail institucional e na intranet.",
        "Indicador definido e linha de base registrada.",
    ];

    private static readonly string[] _general =
    [
        "Padronizar a forma de registro das evidências de execução entre as unidades executoras.",
        "Apresentar ao controle interno o calendário de reuniões do comitê de monitoramento para o exercício.",
        "Priorizar as ações do eixo de gestão de riscos, que concentram os maiores atrasos.",
        "Avaliar a necessidade de revisão do plano diante das ações descontinuadas.",
        "Dar publicidade ao relatório de monitoramento no sítio eletrônico do órgão.",
        "Designar formalmente os responsáveis pelas ações que ainda não os têm.",
    ];

    private static readonly string[] _rationales =
    [
        "Dependência de contratação ainda não iniciada.",
        "Equipe reduzida na unidade executora.",
        "Orçamento não assegurado para o exercício.",
        "Ação em andamento conforme o cronograma.",
        "Dependência de normativo de outro órgão.",
        "Mudança recente na gestão da unidade executora.",
        "Baixa adesão dos servidores às etapas já realizadas.",
    ];

    private readonly Random _random = new(seed);

    /// <summary>
    /// An active account of the organization with the monitoring committee profile: the first one, or — when the
    /// generator drew none — a grant of that profile added to one of its accounts.
    /// </summary>
    public async Task<CommitteeMember> EnsureCommitteeMemberAsync(int organizationId)
    {
        var grants = await db.ProfileGrants.IgnoreQueryFilters()
            .Where(g => g.OrganizationId == organizationId && g.User!.IsActive)
            .OrderBy(g => g.UserId).ThenBy(g => g.Id)
            .Select(g => new { g.UserId, g.Profile, g.User!.Email, g.User.FullName })
            .ToListAsync();
        var member = grants.FirstOrDefault(g => g.Profile == Profile.MonitoringCommittee);
        if (member is not null)
        {
            return new CommitteeMember(member.UserId, member.Email!, member.FullName, GrantAdded: false);
        }
        // An observer or executor is the likeliest person to sit on the committee; anyone of the body otherwise.
        var chosen = grants.LastOrDefault(g => g.Profile is Profile.Observer or Profile.Executor) ?? grants.LastOrDefault()
            ?? throw new InvalidOperationException($"O órgão {organizationId} não tem contas ativas.");
        db.ProfileGrants.Add(new ProfileGrant { UserId = chosen.UserId, OrganizationId = organizationId, Profile = Profile.MonitoringCommittee });
        await db.SaveChangesAsync();
        return new CommitteeMember(chosen.UserId, chosen.Email!, chosen.FullName, GrantAdded: true);
    }

    /// <summary>Adds the monitoring data to <paramref name="plan"/>; null, writing nothing, when it already has some.</summary>
    public async Task<MonitoringVolume?> AddAsync(IntegrityPlan plan, CommitteeMember committee)
    {
        var hasData = await db.Recommendations.IgnoreQueryFilters().AnyAsync(r => r.PlanId == plan.Id)
            || await db.RiskAssessments.IgnoreQueryFilters().AnyAsync(r => db.PlanActions.IgnoreQueryFilters().Any(a => a.Id == r.ActionId && a.PlanId == plan.Id));
        if (hasData)
        {
            return null;
        }

        var actions = await db.PlanActions.IgnoreQueryFilters().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Id).ToListAsync();
        var grants = await db.ProfileGrants.IgnoreQueryFilters().Where(g => g.OrganizationId == plan.OrganizationId && g.User!.IsActive)
            .OrderBy(g => g.UserId).Select(g => new { g.UserId, g.Profile }).ToListAsync();
        var everyone = grants.Select(g => g.UserId).Distinct().ToList();
        var executors = grants.Where(g => g.Profile == Profile.Executor).Select(g => g.UserId).Distinct().ToList();
        if (executors.Count == 0)
        {
            executors = everyone;
        }
        var auditor = grants.FirstOrDefault(g => g.Profile == Profile.InternalControl)?.UserId ?? committee.UserId;

        var now = clock.GetUtcNow();
        var from = plan.PublishedAt ?? plan.CreatedAt;
        if (from > now.AddDays(-30))
        {
            from = now.AddDays(-30);
        }

        // Who answers for each action: most have someone by now.
        var responsible = 0;
        foreach (var action in actions.Where(a => a.ResponsibleUserId is null))
        {
            if (_random.NextDouble() < 0.85)
            {
                action.ResponsibleUserId = executors[_random.Next(executors.Count)];
                responsible++;
            }
        }

        // About one recommendation per two actions, spread unevenly (some actions get two or three), half answered.
        var perAction = (int)Math.Round(actions.Count / 2.0);
        var answered = 0;
        for (var i = 0; i < perAction; i++)
        {
            var action = actions[_random.Next(actions.Count)];
            var fromCommittee = _random.NextDouble() < 0.8;
            var createdAt = Between(from, now.AddDays(-2));
            var recommendation = new Recommendation
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, ActionId = action.Id,
                Source = fromCommittee ? RecommendationSource.MonitoringCommittee : RecommendationSource.InternalControl,
                Text = Pick(_recommendations), Deadline = Deadline(createdAt), CreatedAt = createdAt,
                CreatedById = fromCommittee ? committee.UserId : auditor,
            };
            if (i % 2 == 0)
            {
                Answer(recommendation, action.ResponsibleUserId ?? executors[_random.Next(executors.Count)], now);
                answered++;
            }
            db.Recommendations.Add(recommendation);
        }

        // Internal control's general recommendations about the plan, half answered by the committee.
        var general = Math.Max(2, actions.Count / 80);
        for (var i = 0; i < general; i++)
        {
            var createdAt = Between(from, now.AddDays(-2));
            var recommendation = new Recommendation
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, Source = RecommendationSource.InternalControl,
                Text = _general[i % _general.Length], Deadline = Deadline(createdAt), CreatedAt = createdAt, CreatedById = auditor,
            };
            if (i % 2 == 0)
            {
                Answer(recommendation, committee.UserId, now);
            }
            db.Recommendations.Add(recommendation);
        }

        // Risk assessments on a fifth of the actions, open ones first (the committee looks at what can still fail);
        // some actions were assessed twice, and the latest assessment is the action's current risk.
        var target = (int)Math.Round(actions.Count * 0.2);
        var open = actions.Where(a => a.Status is ActionStatus.NotStarted or ActionStatus.InProgress).OrderBy(_ => _random.Next()).ToList();
        var closed = actions.Except(open).OrderBy(_ => _random.Next()).ToList();
        var assessments = 0;
        foreach (var action in open.Concat(closed).Take(target))
        {
            var times = _random.NextDouble() < 0.3 ? 2 : 1;
            var at = Between(from, now.AddDays(-40));
            NonImplementationRisk level = default;
            for (var t = 0; t < times; t++)
            {
                level = _random.NextDouble() switch
                {
                    < 0.35 => NonImplementationRisk.Low,
                    < 0.70 => NonImplementationRisk.Medium,
                    < 0.90 => NonImplementationRisk.High,
                    _ => NonImplementationRisk.Extreme,
                };
                db.RiskAssessments.Add(new RiskAssessment
                {
                    OrganizationId = plan.OrganizationId, ActionId = action.Id, Level = level, Rationale = Pick(_rationales),
                    AssessedAt = at, AssessedById = committee.UserId,
                });
                assessments++;
                at = Between(at.AddDays(1), now.AddDays(-1));
            }
            action.NonImplementationRisk = level;
        }

        await db.SaveChangesAsync();
        return new MonitoringVolume(perAction, answered, general, Math.Min(target, actions.Count), assessments, responsible);
    }

    private void Answer(Recommendation recommendation, int userId, DateTimeOffset now)
    {
        var answeredAt = recommendation.CreatedAt.AddDays(_random.Next(1, 40)).AddMinutes(_random.Next(0, 600));
        recommendation.AnsweredAt = answeredAt < now ? answeredAt : now.AddMinutes(-_random.Next(5, 120));
        recommendation.AnsweredById = userId;
        recommendation.Answer = Pick(_answers);
    }

    private DateOnly? Deadline(DateTimeOffset createdAt) =>
        _random.NextDouble() < 0.6 ? DateOnly.FromDateTime(createdAt.UtcDateTime).AddDays(_random.Next(30, 121)) : null;

    private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from.AddSeconds(_random.NextInt64((long)(to - from).TotalSeconds));

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
