using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Data;

/// <summary>
/// The demo network (README): a state comptroller, a secretariat, a city hall and a city council, one account
/// per profile, and a published plan whose actions cover every status. Dates are relative to today so that
/// the traffic lights stay meaningful whenever the demo is started. Later modules extend this seed.
/// </summary>
public sealed class DemoSeeder(SispmpiDbContext db, UserManager<AppUser> users, IOptions<DemoOptions> options,
    TimeProvider clock, IFileStore files, ILogger<DemoSeeder> logger)
{
    public const string Domain = "demo.gov.br";

    public const string AltaCpf = "52998224725";
    public const string AdminCpf = "11144477735";

    public static readonly IReadOnlyList<(string Email, string Name, Profile Profile)> Accounts =
    [
        ("admin@demo.gov.br", "Ana Administradora", Profile.CentralAdministrator),
        ("ti@demo.gov.br", "Tiago Suporte", Profile.TechnicalSupport),
        ("auditor@demo.gov.br", "Cláudia Controle", Profile.InternalControl),
        ("alta@demo.gov.br", "Henrique Secretário", Profile.SeniorManagement),
        ("comissao@demo.gov.br", "Beatriz Comissão", Profile.IntegrityCommission),
        ("monitor@demo.gov.br", "Márcio Monitoramento", Profile.MonitoringCommittee),
        ("executor@demo.gov.br", "Eduardo Executor", Profile.Executor),
        ("observador@demo.gov.br", "Olívia Observadora", Profile.Observer),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return false;
        }
        logger.LogInformation("Empty database: seeding the demo network");
        var today = clock.Today();

        var cge = Org("Controladoria-Geral do Estado", "CGE", "18715383000140", OrganizationKind.DirectAdministration,
            Sphere.State, Branch.Executive, null, isOversight: true);
        var seplag = Org("Secretaria de Estado de Planejamento e Gestão", "SEPLAG", "05461142000170",
            OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive, cge);
        var prefeitura = Org("Prefeitura Municipal de Ouro Preto", "PMOP", "18295295000136", OrganizationKind.CityHall,
            Sphere.Municipal, Branch.Executive, cge, ("3146107", "Ouro Preto"));
        var camara = Org("Câmara Municipal de Ouro Preto", "CMOP", "12ABC34501DE35", OrganizationKind.CityCouncil,
            Sphere.Municipal, Branch.Legislative, cge, ("3146107", "Ouro Preto"));
        Organization[] organizations = [cge, seplag, prefeitura, camara];
        db.Organizations.AddRange(organizations);
        foreach (var (org, budget, headcount) in new[] { (cge, 98_500_000m, 420), (seplag, 1_250_000_000m, 3_100), (prefeitura, 610_000_000m, 4_800), (camara, 42_000_000m, 180) })
        {
            org.YearFigures.AddRange([
                new OrganizationYearFigures { Year = today.Year - 1, Budget = budget * 0.94m, Headcount = headcount - 40 },
                new OrganizationYearFigures { Year = today.Year, Budget = budget, Headcount = headcount }]);
        }
        await db.SaveChangesAsync(cancellationToken);

        var units = new Dictionary<string, AdministrativeUnit>();
        Unit(cge, "Gabinete", "GAB");
        Unit(cge, "Subcontroladoria de Transparência e Integridade", "STI");
        Unit(cge, "Diretoria Central de Tecnologia da Informação", "DTI");
        var gab = Unit(seplag, "Gabinete", "GAB-SEPLAG");
        Unit(seplag, "Assessoria de Comunicação Social", "ASCOM", gab);
        Unit(seplag, "Controladoria Seccional", "CSET", gab);
        Unit(seplag, "Superintendência de Recursos Humanos", "SRH");
        Unit(seplag, "Superintendência de Compras e Contratos", "SCC");
        Unit(seplag, "Ouvidoria Setorial", "OUV");
        Unit(prefeitura, "Gabinete do Prefeito", "GP");
        Unit(prefeitura, "Controladoria-Geral do Município", "CGM");
        Unit(prefeitura, "Secretaria Municipal de Administração", "SMA");
        Unit(camara, "Presidência", "PRES");
        Unit(camara, "Diretoria Administrativa", "DADM");
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (email, name, profile) in Accounts)
        {
            var organization = profile is Profile.CentralAdministrator or Profile.TechnicalSupport ? cge : seplag;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAt = clock.GetUtcNow(),
                Position = profile switch
                {
                    Profile.SeniorManagement => "Secretário de Estado",
                    Profile.InternalControl => "Controladora Seccional",
                    Profile.CentralAdministrator => "Subcontroladora de Transparência e Integridade",
                    _ => "Analista",
                },
            };
            // Demo CPFs (valid check digits, nobody's): the test gov.br provider's people carry them (tests/oidc).
            user.Cpf = email switch
            {
                "alta@demo.gov.br" => AltaCpf,
                "admin@demo.gov.br" => AdminCpf,
                _ => null,
            };
            var result = await users.CreateAsync(user, options.Value.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = organization.Id, Profile = profile });
            if (profile == Profile.Executor)
            {
                // A second organization, so the header's organization switcher has something to show.
                db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = prefeitura.Id, Profile = Profile.Observer });
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        await SeedPublishedPlanAsync(seplag, units, today, cancellationToken);
        await SeedMaturityAsync(seplag, today, cancellationToken);
        await SeedNotificationsAsync(seplag, today, cancellationToken);
        var prefeituraPlan = new IntegrityPlan
        {
            OrganizationId = prefeitura.Id, Title = "Plano de Integridade da Prefeitura de Ouro Preto", Edition = $"{today.Year}–{today.Year + 1}",
            Status = PlanStatus.InPreparation, CreatedAt = clock.GetUtcNow(),
        };
        db.Plans.Add(prefeituraPlan);
        db.Plans.Add(new IntegrityPlan
        {
            OrganizationId = camara.Id, Title = "Plano de Integridade da Câmara Municipal", Edition = $"{today.Year + 1}–{today.Year + 2}",
            Status = PlanStatus.NotStarted, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await SeedPlanInPreparationAsync(prefeitura, prefeituraPlan, units, today, cancellationToken);
        await SeedEarlierEditionAsync(prefeitura, prefeituraPlan, units, today, cancellationToken);
        await Features.Adoption.Demo.AdoptionDemo.SeedAsync(db, cge.Id, today, cancellationToken);
        return true;

        AdministrativeUnit Unit(Organization org, string name, string acronym, AdministrativeUnit? parent = null)
        {
            var unit = new AdministrativeUnit { OrganizationId = org.Id, Name = name, Acronym = acronym, Parent = parent };
            db.AdministrativeUnits.Add(unit);
            units[acronym] = unit;
            return unit;
        }
    }

    private static Organization Org(string name, string acronym, string cnpj, OrganizationKind kind, Sphere sphere, Branch branch,
        Organization? parent, (string Code, string Name)? municipality = null, bool isOversight = false) => new()
        {
            Name = name, Acronym = acronym, Cnpj = Cnpj.Parse(cnpj).Value, Kind = kind, Sphere = sphere, Branch = branch,
            Parent = parent, IsOversight = isOversight, StateCode = "MG",
            MunicipalityCode = municipality?.Code, MunicipalityName = municipality?.Name,
        };

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
                new() { OrganizationId = org.Id, Name = "Luciana Ferreira Campos", UnitId = units["CGM"].Id, Email = "luciana.campos@demo.gov.br", IsCoordinator = true },
                new() { OrganizationId = org.Id, Name = "Marcos Vinícius Prado", UnitId = units["SMA"].Id, Email = "marcos.prado@demo.gov.br" },
                new() { OrganizationId = org.Id, Name = "Sônia Aparecida Lopes", UnitId = units["GP"].Id, Email = "sonia.lopes@demo.gov.br" },
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
}
