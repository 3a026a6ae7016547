using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Adoption;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Features.Adoption.Demo;

/// <summary>
/// Demo data of the adoption module, kept by the CGE: ACT nº 160/2025 (seed 001) with its participants, its
/// validity from 23/09/2025 and its physical schedule imported from the seed's table, a few records and an
/// adhesion agreement; and one adhesion request at each of the six steps.
/// </summary>
public static class AdoptionDemo
{
    public const string AgreementNumber = "ACT nº 160/2025";

    public static async Task SeedAsync(SispmpiDbContext db, int managerId, DateOnly today, CancellationToken cancellationToken)
    {
        var agreement = new CooperationAgreement
        {
            OrganizationId = managerId, Number = AgreementNumber, ProcessNumber = "19973.011749/2025-70",
            Object = "Estabelecer a adesão à Rede de Parcerias para o desenvolvimento de ações compartilhadas de interesse público e recíproco, conforme especificações estabelecidas no plano de trabalho.",
            Justification = "Instituída pela Portaria Sege nº 4.890, de 28 de agosto de 2023, a Rede de Parcerias tem por objetivo desenvolver, por meio da governança colaborativa, ações voltadas à melhoria da gestão das parcerias.\n" +
                "A adesão do Governo do Estado de Minas Gerais, por meio da Secretaria de Estado de Casa Civil (SCC/MG), à Rede de Parcerias se dará por meio da celebração de Acordo de Cooperação Técnica (ACT) com o Ministério da Gestão e da Inovação em Serviços Públicos (MGI), por intermédio da Secretaria de Gestão e Inovação (SEGES).",
            ValidFrom = new DateOnly(2025, 9, 23), ValidUntil = new DateOnly(2030, 9, 22),
        };
        agreement.Participants.Add(new AgreementParticipant
        {
            OrganizationId = managerId, Position = 1, ShortName = "SEGES", OtherNames = "MGI/SEGES",
            BodyName = "Ministério da Gestão e da Inovação em Serviços Públicos (MGI), por meio da Secretaria de Gestão e Inovação (SEGES)",
            Cnpj = "00489828000155", Sphere = Sphere.Federal, SignatoryName = "Roberto Seara Machado Pojo Rego",
            SignatoryPosition = "Secretário de Gestão e Inovação (SEGES)", SignatoryRegistration = "Matrícula SIAPE: 1458895",
            ContactEmail = "rededeparcerias@gestao.gov.br",
        });
        agreement.Participants.Add(new AgreementParticipant
        {
            OrganizationId = managerId, Position = 2, ShortName = "SCC",
            OtherNames = "Governo do Estado de Minas Gerais / SCC; Governo do Estado de Minas Gerais; Estado de MG",
            BodyName = "Secretaria de Estado de Casa Civil – MG (SCC)", Cnpj = "50941185000107", Sphere = Sphere.State,
            SignatoryName = "Luiz Otávio de Oliveira Gonçalves", SignatoryPosition = "Secretário-Chefe de Estado de Casa Civil",
            SignatoryRegistration = "Matrícula MASP: 1489235-0", ContactEmail = "parcerias@casacivil.demo.gov.br",
        });
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);

        await using var stream = typeof(AdoptionDemo).Assembly.GetManifestResourceStream(typeof(AdoptionDemo).Assembly.GetManifestResourceNames()
            .Single(n => n.EndsWith("act-160-2025-cronograma-fisico.csv", StringComparison.Ordinal)))!;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var plan = WorkPlanImportParser.Parse(buffer.ToArray(), agreement.Participants.Select(p => new ImportParticipant(p.Id, p.Names().ToList())).ToList());
        if (!plan.Succeeded)
        {
            throw new InvalidOperationException("The demo work plan does not import: " + string.Join("; ", plan.Errors.Select(e => $"{e.Line}: {e.Problem}")));
        }
        var goals = new List<WorkPlanGoal>();
        var axisPosition = 0;
        foreach (var axis in plan.Axes)
        {
            var entity = new WorkPlanAxis { OrganizationId = managerId, AgreementId = agreement.Id, Position = ++axisPosition, Number = axis.Number, Title = axis.Title };
            db.WorkPlanAxes.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var goal in axis.Goals)
            {
                var g = new WorkPlanGoal
                {
                    OrganizationId = managerId, AgreementId = agreement.Id, AxisId = entity.Id, Position = goals.Count + 1,
                    Code = goal.Code, Description = goal.Description, DeadlineText = "",
                };
                g.SetRule(goal.Rule, goal.DeadlineText);
                g.Responsible.AddRange(goal.ResponsibleIds.Select(id => new WorkPlanGoalParticipant { OrganizationId = managerId, ParticipantId = id }));
                goals.Add(g);
            }
        }
        db.WorkPlanGoals.AddRange(goals);
        await db.SaveChangesAsync(cancellationToken);

        WorkPlanGoal Goal(string code) => goals.First(g => g.Code == code);
        void Record(WorkPlanGoal goal, GoalRecordKind kind, DateOnly date, decimal? hours = null, string? notes = null) =>
            db.WorkPlanGoalRecords.Add(new WorkPlanGoalRecord
            {
                OrganizationId = managerId, GoalId = goal.Id, Kind = kind, Date = date, Hours = hours, Notes = notes, RecordedAt = DateTimeOffset.UtcNow,
            });
        Record(Goal("1.2"), GoalRecordKind.Completion, new DateOnly(2025, 10, 6), notes: "Responsável indicado por ofício.");
        Record(Goal("2.2"), GoalRecordKind.Hours, new DateOnly(2025, 11, 10), 20m, "Curso de gestão de parcerias, turma 1.");
        Record(Goal("2.2"), GoalRecordKind.Hours, new DateOnly(2026, 3, 16), 25m, "Curso de prestação de contas.");
        Record(Goal("1.7"), GoalRecordKind.Event, today.AddDays(5), notes: "Reunião técnica convocada pela Secretaria-Executiva da Rede.");
        var adhesionSigned = new DateOnly(2025, 11, 20);
        Record(goals.First(g => g.DeadlineKind == DeadlineKind.DayOfFollowingMonth), GoalRecordKind.Event, adhesionSigned, notes: "Acordo de Adesão da Prefeitura de Ouro Preto.");
        var adhesion = new AdhesionAgreement
        {
            OrganizationId = managerId, AgreementId = agreement.Id, BodyName = "Prefeitura Municipal de Ouro Preto", Cnpj = "18295295000136",
            SignedOn = adhesionSigned, SignatoryName = "Prefeito Municipal de Ouro Preto",
        };
        adhesion.Goals.AddRange(new[] { "1.1", "1.5", "1.6", "2.1", "2.2", "2.3", "3.2", "3.3", "3.4", "3.5" }
            .Select(code => new AdhesionAgreementGoal { OrganizationId = managerId, GoalId = Goal(code).Id }));
        db.AdhesionAgreements.Add(adhesion);
        await db.SaveChangesAsync(cancellationToken);

        var prefeitura = await db.Organizations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Acronym == "PMOP", cancellationToken);
        var camara = await db.Organizations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Acronym == "CMOP", cancellationToken);
        (string Name, string Acronym, string Cnpj, Sphere Sphere, int? Provisioned)[] bodies =
        [
            ("Prefeitura Municipal de Mariana", "PMM", "18295287000190", Sphere.Municipal, null),
            ("Prefeitura Municipal de Itabirito", "PMI", "18307835000154", Sphere.Municipal, null),
            ("Governo do Estado do Espírito Santo", "GOV-ES", "27080530000143", Sphere.State, null),
            ("Prefeitura Municipal de Sabará", "PMS", "18715417000104", Sphere.Municipal, null),
            ("Câmara Municipal de Ouro Preto", "CMOP", "12ABC34501DE35", Sphere.Municipal, camara?.Id),
            ("Prefeitura Municipal de Ouro Preto", "PMOP", "18295295000136", Sphere.Municipal, prefeitura?.Id),
        ];
        for (var i = 0; i < bodies.Length; i++)
        {
            var body = bodies[i];
            var reached = (AdhesionStep)(i + 1);
            var start = today.AddDays(-120 - 400 * (i / 4) - 30 * i);
            var request = new AdhesionRequest
            {
                OrganizationId = managerId, BodyName = body.Name, BodyAcronym = body.Acronym, Cnpj = body.Cnpj, Sphere = body.Sphere,
                ContactName = $"Controladoria — {body.Acronym}", ContactEmail = $"integridade@{body.Acronym.ToLowerInvariant()}.demo.gov.br",
                CurrentStep = reached, ProvisionedOrganizationId = reached >= AdhesionStep.Availability ? body.Provisioned : null,
            };
            var date = start;
            foreach (var step in Enum.GetValues<AdhesionStep>().Where(s => s <= reached))
            {
                request.Steps.Add(new AdhesionStepRecord
                {
                    OrganizationId = managerId, Step = step, Date = date,
                    ResponsiblePerson = step is AdhesionStep.Availability ? "Diretoria de Tecnologia da Informação e Comunicação" : "Diretoria Central de Integridade",
                    Documents = step switch
                    {
                        AdhesionStep.Request => "E-mail “Interesse na celebração de Acordo de Cooperação Técnica com a CGE-MG visando o aprimoramento do código-fonte do SisPMPI”",
                        AdhesionStep.InternalProcessing => "Minuta do Acordo de Cooperação Técnica e do Plano de Trabalho",
                        AdhesionStep.Signature => "Acordo de Cooperação Técnica e Plano de Trabalho assinados no SEI!MG",
                        _ => null,
                    },
                    GazetteReference = step == AdhesionStep.Publication ? "Diário Oficial do Estado de Minas Gerais, Caderno 1, p. 14" : null,
                    GazetteDate = step == AdhesionStep.Publication ? date : null,
                });
                if (step == AdhesionStep.Signature)
                {
                    (request.ValidFrom, request.ValidUntil) = (date, date.AddYears(5).AddDays(-1));
                }
                date = date.AddDays(step == AdhesionStep.Availability ? 350 : 20);
            }
            db.AdhesionRequests.Add(request);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
