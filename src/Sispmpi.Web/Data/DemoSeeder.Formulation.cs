using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Data;

// Formulation: the published plan and its steps, the risk register, the plan in preparation and the earlier edition it revises.
public sealed partial class DemoSeeder
{
    private async Task SeedPublishedPlanAsync(Organization org, Dictionary<string, AdministrativeUnit> units, DateOnly today,
        CancellationToken cancellationToken)
    {
        var start = new DateOnly(today.Year - 1, 1, 1);
        var plan = new IntegrityPlan
        {
            OrganizationId = org.Id, Title = "Plano de Integridade da SEPLAG", Edition = $"{start.Year}–{start.Year + 2}",
            Version = 1, Status = PlanStatus.Published, ValidFrom = start, ValidTo = new DateOnly(start.Year + 2, 12, 31),
            CreatedAt = clock.GetUtcNow().AddDays(-400), PublishedAt = clock.GetUtcNow().AddDays(-330),
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);

        string[] axisTitles =
        [
            "Comprometimento e apoio da alta administração",
            "Gestão de riscos para a integridade",
            "Transparência e controle social",
            "Comunicação e capacitação",
            "Canais de denúncia e responsabilização",
        ];
        var axes = axisTitles.Select((title, i) => new PlanAxis
        {
            OrganizationId = org.Id, PlanId = plan.Id, Position = i + 1, Number = $"{i + 1}", Title = title,
        }).ToList();
        db.PlanAxes.AddRange(axes);
        await db.SaveChangesAsync(cancellationToken);
        var subAxes = new[]
        {
            new PlanAxis { OrganizationId = org.Id, PlanId = plan.Id, ParentId = axes[1].Id, Position = 1, Number = "2.1", Title = "Mapeamento de riscos" },
            new PlanAxis { OrganizationId = org.Id, PlanId = plan.Id, ParentId = axes[1].Id, Position = 2, Number = "2.2", Title = "Tratamento de riscos" },
            new PlanAxis { OrganizationId = org.Id, PlanId = plan.Id, ParentId = axes[3].Id, Position = 1, Number = "4.1", Title = "Capacitação" },
        };
        db.PlanAxes.AddRange(subAxes);
        await db.SaveChangesAsync(cancellationToken);

        var d = (int days) => today.AddDays(days);
        var specs = new (PlanAxis Axis, string Title, string Type, ActionClassification Kind, string Unit, DateOnly Start, DateOnly End,
            decimal Budget, DateOnly? Started, DateOnly? Concluded, DateOnly? Discontinued, int? UpdatedDaysAgo)[]
        {
            (axes[0], "Aprovar a política de integridade da SEPLAG", "Normativo", ActionClassification.OneOff, "GAB-SEPLAG", d(-300), d(-200), 0m, d(-290), d(-210), null, 210),
            (axes[0], "Instituir a Unidade de Gestão da Integridade", "Normativo", ActionClassification.OneOff, "GAB-SEPLAG", d(-280), d(-180), 0m, d(-270), d(-190), null, 190),
            (axes[0], "Incluir metas de integridade no acordo de resultados", "Processo", ActionClassification.OneOff, "SRH", d(-60), d(120), 15_000m, d(-50), null, null, 12),
            (axes[0], "Realizar reunião trimestral da alta administração sobre integridade", "Processo", ActionClassification.Continuous, "GAB-SEPLAG", d(-330), d(400), 0m, d(-320), null, null, 10),
            (subAxes[0], "Mapear riscos à integridade nos processos de compras", "Processo", ActionClassification.OneOff, "SCC", d(-120), d(20), 40_000m, d(-110), null, null, 20),
            (subAxes[0], "Mapear riscos de conflito de interesses na gestão de pessoas", "Processo", ActionClassification.OneOff, "SRH", d(-90), d(-15), 25_000m, d(-80), null, null, 40),
            (subAxes[0], "Elaborar matriz de riscos à integridade da secretaria", "Processo", ActionClassification.OneOff, "CSET", d(30), d(150), 0m, null, null, null, null),
            (subAxes[1], "Implantar controles para prevenção de nepotismo", "Processo", ActionClassification.OneOff, "SRH", d(-200), d(-30), 10_000m, d(-190), d(-40), null, 40),
            (subAxes[1], "Revisar fluxos de pagamento para mitigar riscos de fraude", "Processo", ActionClassification.OneOff, "SCC", d(-150), d(60), 30_000m, d(-140), null, d(-20), 20),
            (subAxes[1], "Monitorar declarações de conflito de interesses", "Processo", ActionClassification.Continuous, "CSET", d(-250), d(500), 0m, d(-240), null, null, 45),
            (axes[2], "Publicar agenda de compromissos das autoridades", "Processo", ActionClassification.Continuous, "ASCOM", d(-300), d(600), 0m, d(-290), null, null, 75),
            (axes[2], "Reestruturar a página de transparência ativa", "Processo", ActionClassification.OneOff, "ASCOM", d(-100), d(-5), 50_000m, d(-95), d(-6), null, 6),
            (axes[2], "Divulgar dados abertos de contratos e convênios", "Processo", ActionClassification.OneOff, "SCC", d(10), d(200), 20_000m, null, null, null, null),
            (subAxes[2], "Capacitar servidores em ética e integridade", "Formação", ActionClassification.Continuous, "SRH", d(-320), d(700), 80_000m, d(-310), null, null, 25),
            (subAxes[2], "Promover curso sobre assédio moral e sexual", "Formação", ActionClassification.OneOff, "SRH", d(-30), d(90), 12_000m, d(-25), null, null, 5),
            (axes[3], "Lançar campanha interna sobre o código de conduta", "Sensibilização", ActionClassification.OneOff, "ASCOM", d(-70), d(-10), 18_000m, d(-65), null, null, 50),
            (axes[3], "Produzir boletim mensal de integridade", "Sensibilização", ActionClassification.Continuous, "ASCOM", d(40), d(600), 5_000m, null, null, null, null),
            (axes[4], "Divulgar o canal de denúncias da Ouvidoria", "Sensibilização", ActionClassification.OneOff, "OUV", d(-150), d(-90), 8_000m, d(-140), d(-95), null, 95),
            (axes[4], "Implantar tratamento padronizado de denúncias", "Processo", ActionClassification.OneOff, "OUV", d(-45), d(25), 22_000m, d(-40), null, null, 15),
            (axes[4], "Criar comissão permanente de processo administrativo disciplinar", "Normativo", ActionClassification.OneOff, "GAB-SEPLAG", d(-10), d(160), 0m, null, null, d(-2), 2),
            (axes[4], "Elaborar relatório anual de responsabilização", "Processo", ActionClassification.OneOff, "CSET", d(-20), d(240), 0m, null, null, null, null),
        };
        var positions = new Dictionary<int, int>();
        foreach (var s in specs)
        {
            var position = positions[s.Axis.Id] = positions.GetValueOrDefault(s.Axis.Id) + 1;
            db.PlanActions.Add(new PlanAction
            {
                OrganizationId = org.Id, PlanId = plan.Id, AxisId = s.Axis.Id, Position = position, Number = $"{s.Axis.Number}.{position}",
                Title = s.Title, ActionType = s.Type, Classification = s.Kind, ExecutingUnitId = units[s.Unit].Id,
                Description = $"{s.Title}, conforme diretrizes do Programa de Integridade.",
                Objectives = "Fortalecer a cultura de integridade e prevenir irregularidades.",
                PlannedStart = s.Start, PlannedEnd = s.End, PlannedBudget = s.Budget,
                StartedOn = s.Started, ConcludedOn = s.Concluded, DiscontinuedOn = s.Discontinued,
                DiscontinuationJustification = s.Discontinued is null ? null : "Ação absorvida por projeto corporativo do Estado.",
                BudgetSpent = s.Started is null ? null : Math.Round(s.Budget * (s.Concluded is null ? 0.4m : 0.95m), 2),
                LastUpdateAt = s.UpdatedDaysAgo is int ago ? clock.GetUtcNow().AddDays(-ago) : null,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await new Features.Formulation.Editor.PlanTree(db).RenumberAsync(plan.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Quantitative goals on the training and transparency actions.
        var training = await db.PlanActions.SingleAsync(a => a.PlanId == plan.Id && a.Title == "Capacitar servidores em ética e integridade", cancellationToken);
        (training.GoalIndicator, training.GoalUnit, training.GoalBaseline, training.GoalTarget) = ("Servidores capacitados", "servidores", 120m, 1_500m);
        var agenda = await db.PlanActions.SingleAsync(a => a.PlanId == plan.Id && a.Title == "Publicar agenda de compromissos das autoridades", cancellationToken);
        (agenda.GoalIndicator, agenda.GoalUnit, agenda.GoalBaseline, agenda.GoalTarget) = ("Autoridades com agenda publicada", "%", 20m, 100m);
        await db.SaveChangesAsync(cancellationToken);

        await SeedFormulationAsync(org, plan, units, start, cancellationToken);
        await SeedExecutionAsync(org, plan, today, cancellationToken);
        await SeedMonitoringAsync(org, plan, today, cancellationToken);
        await SeedRisksAsync(org.Id, plan.Id,
        [
            ("Fraude em contratações", "Direcionamento de licitações de serviços de TI", 4, 5, 3, 4, "Mapear riscos à integridade nos processos de compras"),
            ("Conflito de interesses", "Servidores com participação em empresas fornecedoras", 3, 4, 2, 3, "Monitorar declarações de conflito de interesses"),
            ("Nepotismo", "Nomeação de parentes em cargos comissionados", 2, 4, 1, 3, "Implantar controles para prevenção de nepotismo"),
            ("Vazamento de informação", "Divulgação indevida de dados de folha de pagamento", 3, 3, 2, 3, "Reestruturar a página de transparência ativa"),
            ("Assédio", "Assédio moral em unidades com metas de produtividade", 3, 5, 3, 4, "Promover curso sobre assédio moral e sexual"),
            ("Uso indevido de recursos", "Uso de veículos oficiais para fins particulares", 2, 2, 1, 2, null),
        ], cancellationToken);
    }

    /// <summary>Steps 1 and 2 of the demo plan: the commission that formulated it and its diagnosis.</summary>
    private async Task SeedFormulationAsync(Organization org, IntegrityPlan plan, Dictionary<string, AdministrativeUnit> units, DateOnly start,
        CancellationToken cancellationToken)
    {
        var commission = new Features.Formulation.IntegrityCommission
        {
            OrganizationId = org.Id, PlanId = plan.Id, IsFormallyInstituted = true, ActType = "Resolução", ActNumber = "SEPLAG nº 42",
            ActDate = start.AddMonths(-5), ActLink = "https://www.jornalminasgerais.mg.gov.br/", StartDate = start.AddMonths(-5), PlannedDurationDays = 120,
            Members =
            [
                new() { OrganizationId = org.Id, Name = "Beatriz Comissão", UnitId = units["CSET"].Id, Email = "comissao@demo.gov.br", IsCoordinator = true },
                new() { OrganizationId = org.Id, Name = "Rafael Souza Lima", UnitId = units["SRH"].Id, Email = "rafael.lima@demo.gov.br" },
                new() { OrganizationId = org.Id, Name = "Juliana Andrade Reis", UnitId = units["SCC"].Id, Email = "juliana.reis@demo.gov.br" },
                new() { OrganizationId = org.Id, Name = "Paulo César Nogueira", UnitId = units["OUV"].Id, Email = "paulo.nogueira@demo.gov.br" },
            ],
        };
        db.Commissions.Add(commission);
        db.Diagnoses.Add(new Features.Formulation.Diagnosis
        {
            OrganizationId = org.Id, PlanId = plan.Id,
            Mission = "Planejar, coordenar e gerir as políticas de planejamento, orçamento, gestão de pessoas e logística do Estado, com eficiência e transparência.",
            Vision = "Ser referência nacional em gestão pública íntegra, eficiente e orientada para resultados.",
            Values = "Ética, transparência, responsabilidade, cooperação e respeito ao cidadão.",
            OrganizationalStructure = "Gabinete, Assessoria de Comunicação Social, Controladoria Seccional, Ouvidoria Setorial e superintendências finalísticas.",
            Competences = "Formular a política de gestão de pessoas, de compras públicas e de planejamento governamental.",
            Duties = "Gerir contratos corporativos, o orçamento estadual e a folha de pagamento do Poder Executivo.",
            Instruments = ["Questionário aplicado aos servidores", "Entrevistas com gestores", "Relatórios de auditoria e de controle interno", "Dados da ouvidoria e do canal de denúncias"],
            OtherInstruments = "Benchmarking com programas de integridade de outros estados.",
            MainFindings = "Baixo conhecimento do código de conduta (38% dos servidores), fluxos de compras sem segregação de funções e ausência de tratamento padronizado de denúncias.",
            DesiredFuture = "Uma secretaria em que riscos à integridade são conhecidos, tratados e monitorados, e em que os servidores sabem como agir e onde denunciar.",
            ProgramObjectives = "Prevenir, detectar e remediar fraudes e atos de corrupção; promover a cultura de integridade; fortalecer a transparência.",
            GovernanceStructure = "Unidade de Gestão da Integridade vinculada ao Gabinete, com apoio da Controladoria Seccional e comitê de monitoramento.",
            MonitoringPeriodicity = "Trimestral", EvaluationPeriodicity = "Anual", UpdatePeriodicity = "A cada dois anos ou quando houver mudança relevante",
            CommunicationAspects = "Campanhas internas, boletim mensal e página de integridade no sítio institucional.",
            TrainingAspects = "Trilha de capacitação em ética, conflito de interesses, assédio e contratações, com meta de 1.500 servidores.",
            ThematicAxes = ["Comprometimento e apoio da alta administração", "Gestão de riscos para a integridade", "Transparência e controle social", "Comunicação e capacitação", "Canais de denúncia e responsabilização"],
            Validated = true, AcknowledgementSuggestions = "Incluir ações de prevenção ao assédio nas unidades regionais.",
            AcknowledgedByName = "Henrique Secretário", AcknowledgedAt = clock.GetUtcNow().AddDays(-360),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedRisksAsync(int organizationId, int planId,
        (string Category, string Title, int P, int I, int Rp, int Ri, string? TreatedBy)[] risks, CancellationToken cancellationToken)
    {
        foreach (var r in risks)
        {
            var risk = new Features.Formulation.IntegrityRisk
            {
                OrganizationId = organizationId, PlanId = planId, Category = r.Category, Title = r.Title,
                Cause = "Controles internos insuficientes e baixa segregação de funções.",
                Consequence = "Prejuízo ao erário e à imagem do órgão.", Probability = r.P, Impact = r.I,
                ExistingControls = "Normas internas e revisão pela chefia imediata.", ResidualProbability = r.Rp, ResidualImpact = r.Ri,
            };
            if (r.TreatedBy is not null)
            {
                var actionId = await db.PlanActions.Where(a => a.PlanId == planId && a.Title == r.TreatedBy).Select(a => a.Id).SingleAsync(cancellationToken);
                risk.Treatments.Add(new Features.Formulation.RiskTreatment { OrganizationId = organizationId, ActionId = actionId });
            }
            db.Risks.Add(risk);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The prefeitura's plan, halfway through the formulation: commission done, diagnosis under way, a first draft of the plan.</summary>
    private async Task SeedPlanInPreparationAsync(Organization org, IntegrityPlan plan, Dictionary<string, AdministrativeUnit> units, DateOnly today,
        CancellationToken cancellationToken)
    {
        db.Commissions.Add(new Features.Formulation.IntegrityCommission
        {
            OrganizationId = org.Id, PlanId = plan.Id, IsFormallyInstituted = true, ActType = "Portaria", ActNumber = "GP nº 118",
            ActDate = today.AddDays(-60), ActLink = "https://www.ouropreto.mg.gov.br/", StartDate = today.AddDays(-55), PlannedDurationDays = 150,
            Members =
            [
                new() { OrganizationId = org.Id, Name = "Luciana Ferreira Campos", UnitId = units["CGM"].Id, Email = "luciana.campos@demo.gov.br", IsCoordinator = true, Registration = "10.245-3" },
                new() { OrganizationId = org.Id, Name = "Marcos Vinícius Prado", UnitId = units["SMA"].Id, Email = "marcos.prado@demo.gov.br", Registration = "11.870-1" },
                new() { OrganizationId = org.Id, Name = "Sônia Aparecida Lopes", UnitId = units["GP"].Id, Email = "sonia.lopes@demo.gov.br", Registration = "12.031-9" },
                // Left the commission with the change of membership below; kept, inactive, with the earlier composition.
                new() { OrganizationId = org.Id, Name = "Carlos Eduardo Mendes", UnitId = units["SMA"].Id, Email = "carlos.mendes@demo.gov.br", Registration = "09.114-7", InactiveSince = today.AddDays(-20) },
            ],
            Acts =
            [
                new() { OrganizationId = org.Id, Kind = Features.Formulation.CommissionActKind.MembershipChange, ActType = "Portaria", ActNumber = "GP nº 131",
                    ActDate = today.AddDays(-20), ActLink = "https://www.ouropreto.mg.gov.br/", Notes = "Saída de Carlos Eduardo Mendes; entrada de Sônia Aparecida Lopes." },
                new() { OrganizationId = org.Id, Kind = Features.Formulation.CommissionActKind.DeadlineExtension, ActType = "Portaria", ActNumber = "GP nº 140",
                    ActDate = today.AddDays(-5), ActLink = "https://www.ouropreto.mg.gov.br/", ExtensionDays = 60 },
            ],
        });
        db.Diagnoses.Add(new Features.Formulation.Diagnosis
        {
            OrganizationId = org.Id, PlanId = plan.Id,
            Mission = "Promover o desenvolvimento de Ouro Preto com serviços públicos de qualidade e preservação do patrimônio.",
            Vision = "Ser referência em gestão municipal transparente entre as cidades históricas.",
            Values = "Transparência, ética, respeito ao patrimônio e participação social.",
            OrganizationalStructure = "Gabinete do Prefeito, Controladoria-Geral do Município e secretarias municipais.",
            Competences = "Prestar os serviços públicos de interesse local previstos na Lei Orgânica.",
            Duties = "Executar o orçamento municipal, licitar e contratar obras e serviços, gerir o quadro de pessoal.",
            Instruments = ["Questionário aplicado aos servidores", "Análise documental"],
            MainFindings = "Ausência de código de conduta e de canal de denúncias estruturado; contratações emergenciais recorrentes.",
            ThematicAxes = ["Código de conduta e ética", "Canais de denúncia e responsabilização"],
        });
        await db.SaveChangesAsync(cancellationToken);

        var axes = new[] { "Código de conduta e ética", "Canais de denúncia e responsabilização" }.Select((title, i) => new PlanAxis
        {
            OrganizationId = org.Id, PlanId = plan.Id, Position = i + 1, Number = "", Title = title,
        }).ToList();
        db.PlanAxes.AddRange(axes);
        await db.SaveChangesAsync(cancellationToken);
        (int Axis, string Title, string Unit, int Start, int End, decimal Budget)[] actions =
        [
            (0, "Elaborar o código de conduta dos servidores municipais", "CGM", 30, 150, 0m),
            (0, "Instituir a comissão de ética municipal", "GP", 60, 120, 0m),
            (1, "Implantar o canal de denúncias na ouvidoria", "CGM", 45, 200, 35_000m),
            (1, "Regulamentar o tratamento de denúncias anônimas", "SMA", 90, 180, 0m),
        ];
        var position = new int[axes.Count];
        foreach (var a in actions)
        {
            db.PlanActions.Add(new PlanAction
            {
                OrganizationId = org.Id, PlanId = plan.Id, AxisId = axes[a.Axis].Id, Position = ++position[a.Axis], Number = "", Title = a.Title,
                ActionType = "Normativo", Classification = ActionClassification.OneOff, ExecutingUnitId = units[a.Unit].Id,
                PlannedStart = today.AddDays(a.Start), PlannedEnd = today.AddDays(a.End), PlannedBudget = a.Budget,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await new Features.Formulation.Editor.PlanTree(db).RenumberAsync(plan.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SeedRisksAsync(org.Id, plan.Id,
        [
            ("Fraude em contratações", "Fracionamento de despesas para dispensa de licitação", 4, 4, 4, 3, "Elaborar o código de conduta dos servidores municipais"),
            ("Favorecimento indevido", "Concessão de alvarás fora da ordem cronológica", 3, 3, 3, 3, null),
            ("Corrupção passiva", "Solicitação de vantagem na fiscalização de obras", 2, 5, 2, 4, "Implantar o canal de denúncias na ouvidoria"),
        ], cancellationToken);
    }

    /// <summary>
    /// The prefeitura's previous edition, still published: internal control authorized the committee's request for a
    /// new edition, which is the plan in preparation — carrying over the action not yet finished, linked to its origin.
    /// </summary>
    private async Task SeedEarlierEditionAsync(Organization org, IntegrityPlan current, Dictionary<string, AdministrativeUnit> units, DateOnly today,
        CancellationToken cancellationToken)
    {
        var start = new DateOnly(today.Year - 2, 1, 1);
        var earlier = new IntegrityPlan
        {
            OrganizationId = org.Id, Title = current.Title, Edition = $"{start.Year}–{start.Year + 1}", Version = 1, Status = PlanStatus.Published,
            ValidFrom = start, ValidTo = new DateOnly(start.Year + 1, 12, 31), CreatedAt = clock.GetUtcNow().AddDays(-800),
            PublishedAt = clock.GetUtcNow().AddDays(-700),
        };
        db.Plans.Add(earlier);
        await db.SaveChangesAsync(cancellationToken);
        // The programme's state when the first edition was formulated: the commission of the time, with its own extension.
        db.Commissions.Add(new Features.Formulation.IntegrityCommission
        {
            OrganizationId = org.Id, PlanId = earlier.Id, IsFormallyInstituted = true, ActType = "Portaria", ActNumber = "GP nº 27",
            ActDate = start.AddMonths(-6), ActLink = "https://www.ouropreto.mg.gov.br/", StartDate = start.AddMonths(-6), PlannedDurationDays = 120,
            Members =
            [
                new() { OrganizationId = org.Id, Name = "Luciana Ferreira Campos", UnitId = units["CGM"].Id, Email = "luciana.campos@demo.gov.br", IsCoordinator = true, Registration = "10.245-3" },
                new() { OrganizationId = org.Id, Name = "Carlos Eduardo Mendes", UnitId = units["SMA"].Id, Email = "carlos.mendes@demo.gov.br", Registration = "09.114-7" },
            ],
            Acts =
            [
                new() { OrganizationId = org.Id, Kind = Features.Formulation.CommissionActKind.DeadlineExtension, ActType = "Portaria", ActNumber = "GP nº 33",
                    ActDate = start.AddMonths(-2), ExtensionDays = 30 },
            ],
        });
        db.Diagnoses.Add(new Features.Formulation.Diagnosis
        {
            OrganizationId = org.Id, PlanId = earlier.Id,
            MainFindings = "Ausência de canal de denúncias e baixa transparência ativa.",
            ThematicAxes = ["Transparência e controle social", "Canais de denúncia e responsabilização"],
            Validated = true, AcknowledgedByName = "Prefeito Municipal", AcknowledgedAt = clock.GetUtcNow().AddDays(-760),
        });
        await db.SaveChangesAsync(cancellationToken);
        var axis = new PlanAxis { OrganizationId = org.Id, PlanId = earlier.Id, Position = 1, Number = "1", Title = "Transparência e canais de denúncia" };
        db.PlanAxes.Add(axis);
        await db.SaveChangesAsync(cancellationToken);
        PlanAction Action(int position, string title, string unit, DateOnly? started, DateOnly? concluded) => new()
        {
            OrganizationId = org.Id, PlanId = earlier.Id, AxisId = axis.Id, Position = position, Number = $"1.{position}", Title = title,
            ActionType = "Processo", Classification = ActionClassification.OneOff, ExecutingUnitId = units[unit].Id,
            PlannedStart = start.AddDays(30), PlannedEnd = start.AddDays(400), PlannedBudget = 20_000m,
            StartedOn = started, ConcludedOn = concluded, LastUpdateAt = clock.GetUtcNow().AddDays(-200),
        };
        var channel = Action(1, "Implantar o canal de denúncias na ouvidoria", "CGM", start.AddDays(60), null);
        db.PlanActions.AddRange(channel, Action(2, "Divulgar a Lei de Acesso à Informação aos servidores", "GP", start.AddDays(40), start.AddDays(200)));
        await db.SaveChangesAsync(cancellationToken);

        current.OriginPlanId = earlier.Id;
        var carried = await db.PlanActions.SingleAsync(a => a.PlanId == current.Id && a.Title == channel.Title, cancellationToken);
        carried.OriginActionId = channel.Id;
        db.UpdateRequests.Add(new Features.Monitoring.UpdateRequest
        {
            OrganizationId = org.Id, PlanId = earlier.Id, Kind = Features.Monitoring.UpdateKind.NewEdition,
            Justification = "A vigência do plano terminou; o novo ciclo deve incorporar o código de conduta e a comissão de ética.",
            RequestedAt = clock.GetUtcNow().AddDays(-70), Status = Features.Monitoring.UpdateRequestStatus.Authorized,
            Decision = "Autorizada a nova edição, trazendo a implantação do canal de denúncias ainda não concluída.",
            DecidedAt = clock.GetUtcNow().AddDays(-65), ResultingPlanId = current.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
