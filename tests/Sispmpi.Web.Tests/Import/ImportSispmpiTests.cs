using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.LegacyImport;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Text;

namespace Sispmpi.Web.Tests.Import;

/// <summary>
/// Issue 18, part 1: <c>import-sispmpi</c> against a real MariaDB holding an original SisPMPI database, into this
/// system on the provider the run uses (SQLite, or PostgreSQL with SISPMPI_TEST_PROVIDER=postgres).
/// </summary>
public sealed class ImportSispmpiTests(ImportFixture fixture) : IClassFixture<ImportFixture>
{
    private OriginalDatabase Original => fixture.Original;

    [MariaDbFact]
    public void A_dry_run_without_mapping_writes_the_template_one_line_per_body_and_nothing_else()
    {
        fixture.DryRun.DryRun.ShouldBeTrue();
        fixture.DryRun.TemplatePath.ShouldNotBeNull();
        var lines = fixture.Template.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        lines[0].ShouldBe(LegacyMapping.Header);
        lines.Skip(1).Select(l => l.Split(';')[1]).ShouldBe(["CGE", "SEF"]);
        fixture.DryRun.Blockers.ShouldContain(b => b.Contains("CGE") && b.Contains("CNPJ"));
        fixture.DryRun.Blockers.ShouldContain(b => b.Contains("SEF") && b.Contains("CNPJ"));
        fixture.AfterDryRun.ShouldBe(fixture.BeforeAll);
    }

    [MariaDbFact]
    public void A_missing_cnpj_stops_the_import_naming_the_body_before_anything_is_written()
    {
        fixture.MissingCnpj.Blockers.ShouldHaveSingleItem().ShouldContain("SEF");
        fixture.MissingCnpj.Blockers[0].ShouldContain("falta o CNPJ");
        fixture.MissingCnpj.ImportedBodies.ShouldBeEmpty();
        fixture.MissingCnpj.ToString().ShouldContain("Importação interrompida antes de gravar qualquer dado");
        // Not even the body whose line was complete.
        fixture.AfterMissingCnpj.ShouldBe(fixture.BeforeAll);
    }

    [MariaDbFact]
    public async Task Every_kind_of_record_arrives_in_the_same_number_as_in_mysql()
    {
        fixture.Import.ImportedBodies.ShouldBe(["CGE", "SEF"]);
        fixture.Import.FailedBodies.ShouldBeEmpty();
        var orgs = await ImportedOrganizationsAsync();

        var counts = await fixture.ReadAsync(async db => new Dictionary<string, long>
        {
            ["orgao"] = orgs.Count,
            ["orgao_contabil"] = await db.OrganizationYearFigures.CountAsync(f => orgs.Contains(f.OrganizationId)),
            ["unidade_administrativa"] = await db.AdministrativeUnits.CountAsync(u => orgs.Contains(u.OrganizationId)),
            ["usuario com senha"] = await db.LegacyImportLinks.CountAsync(l => l.Kind == "usuario"),
            ["usuario sem senha"] = await db.Invitations.CountAsync(i => orgs.Contains(i.OrganizationId)),
            ["plano_integridade"] = await db.Plans.CountAsync(p => orgs.Contains(p.OrganizationId)),
            ["eixo"] = await db.PlanAxes.CountAsync(a => orgs.Contains(a.OrganizationId) && a.ParentId == null),
            ["subeixo"] = await db.PlanAxes.CountAsync(a => orgs.Contains(a.OrganizationId) && a.ParentId != null),
            ["acao"] = await db.PlanActions.CountAsync(a => orgs.Contains(a.OrganizationId)),
            ["acao_unidade_apoio"] = await db.ActionSupportUnits.CountAsync(s => orgs.Contains(s.OrganizationId)),
            ["acao_monitoramento"] = await db.RiskAssessments.CountAsync(r => orgs.Contains(r.OrganizationId)),
            ["recomendacoes"] = await db.Recommendations.CountAsync(r => orgs.Contains(r.OrganizationId)),
            ["recomendacoes respondidas"] = await db.Recommendations.CountAsync(r => orgs.Contains(r.OrganizationId) && r.AnsweredAt != null),
            ["reuniao"] = await db.Meetings.CountAsync(m => orgs.Contains(m.OrganizationId)),
            ["reuniao_servidor"] = await db.MeetingParticipants.CountAsync(m => orgs.Contains(m.OrganizationId)),
            ["plano_integridade_novo"] = await db.UpdateRequests.CountAsync(r => orgs.Contains(r.OrganizationId)),
            ["promover_integridade"] = await db.IntegrityActivities.CountAsync(a => orgs.Contains(a.OrganizationId)),
            ["historico"] = await db.AuditEntries.CountAsync(e => e.Justification != null && e.Justification.StartsWith(LegacyImporter.ImportedMark + " (histórico")),
            ["reabertura"] = await db.AuditEntries.CountAsync(e => e.Justification != null && e.Justification.StartsWith(LegacyImporter.ImportedMark + ": reabertura")),
            ["processo_sei"] = await db.ActionEvidence.CountAsync(e => orgs.Contains(e.OrganizationId) && e.ProcessNumber != null),
            ["servidor"] = await db.Servants.CountAsync(s => orgs.Contains(s.OrganizationId)),
            ["acao_servidor"] = await db.PlanActions.CountAsync(a => orgs.Contains(a.OrganizationId) && a.ResponsibleServantId != null)
                + await db.ActionServants.CountAsync(s => orgs.Contains(s.OrganizationId)),
            ["grupo"] = await db.Commissions.CountAsync(c => orgs.Contains(c.OrganizationId)),
            ["grupo_instituido posteriores"] = await db.CommissionActs.CountAsync(a => orgs.Contains(a.OrganizationId)),
            ["grupo_servidor"] = await db.CommissionMembers.CountAsync(m => orgs.Contains(m.OrganizationId)),
            ["diagnostico"] = await db.Diagnoses.CountAsync(d => orgs.Contains(d.OrganizationId)),
            ["validacao"] = await db.Plans.CountAsync(p => orgs.Contains(p.OrganizationId) && p.ValidatedAt != null),
            ["publicacao"] = await db.PlanPublications.CountAsync(p => orgs.Contains(p.OrganizationId)),
        });
        var expected = new Dictionary<string, long>
        {
            ["orgao"] = await Original.CountAsync("SELECT COUNT(*) FROM orgao"),
            ["orgao_contabil"] = await Original.CountAsync("SELECT COUNT(*) FROM orgao_contabil"),
            ["unidade_administrativa"] = await Original.CountAsync("SELECT COUNT(*) FROM unidade_administrativa"),
            ["usuario com senha"] = await Original.CountAsync("SELECT COUNT(*) FROM usuario WHERE senha LIKE '$2y$%'"),
            ["usuario sem senha"] = await Original.CountAsync("SELECT COUNT(*) FROM usuario WHERE senha NOT LIKE '$2y$%'"),
            ["plano_integridade"] = await Original.CountAsync("SELECT COUNT(*) FROM plano_integridade"),
            ["eixo"] = await Original.CountAsync("SELECT COUNT(*) FROM eixo"),
            ["subeixo"] = await Original.CountAsync("SELECT COUNT(*) FROM subeixo"),
            ["acao"] = await Original.CountAsync("SELECT COUNT(*) FROM acao"),
            ["acao_unidade_apoio"] = await Original.CountAsync("SELECT COUNT(*) FROM acao_unidade_apoio"),
            ["acao_monitoramento"] = await Original.CountAsync("SELECT COUNT(*) FROM acao_monitoramento"),
            ["recomendacoes"] = await Original.CountAsync(
                "SELECT (SELECT COUNT(*) FROM acao_monitoramento_recomendacao) + (SELECT COUNT(*) FROM acao_avaliacao_recomendacao) + (SELECT COUNT(*) FROM plano_integridade_recomendacao)"),
            ["recomendacoes respondidas"] = await Original.CountAsync(
                "SELECT (SELECT COUNT(*) FROM acao_monitoramento_recomendacao WHERE resposta IS NOT NULL) + (SELECT COUNT(*) FROM acao_avaliacao_recomendacao WHERE resposta IS NOT NULL) + (SELECT COUNT(*) FROM plano_integridade_recomendacao WHERE resposta IS NOT NULL)"),
            ["reuniao"] = await Original.CountAsync("SELECT COUNT(*) FROM reuniao"),
            ["reuniao_servidor"] = await Original.CountAsync("SELECT COUNT(*) FROM reuniao_servidor"),
            ["plano_integridade_novo"] = await Original.CountAsync("SELECT COUNT(*) FROM plano_integridade_novo"),
            ["promover_integridade"] = await Original.CountAsync("SELECT COUNT(*) FROM promover_integridade"),
            ["historico"] = await Original.CountAsync("SELECT COUNT(*) FROM historico"),
            ["reabertura"] = await Original.CountAsync("SELECT COUNT(*) FROM plano_integridade_reabertura"),
            ["processo_sei"] = await Original.CountAsync("SELECT COUNT(*) FROM acao_execucao WHERE processo_sei IS NOT NULL"),
            // The original registers a person again on each commission form: the same name and MASP are one servant.
            ["servidor"] = await Original.CountAsync("SELECT COUNT(DISTINCT UPPER(nome), COALESCE(masp_matricula, '')) FROM servidor"),
            ["acao_servidor"] = await Original.CountAsync("SELECT COUNT(*) FROM acao_servidor"),
            ["grupo"] = await Original.CountAsync("SELECT COUNT(*) FROM grupo"),
            ["grupo_instituido posteriores"] = await Original.CountAsync("SELECT COUNT(*) FROM grupo_instituido WHERE NOT (`order` = 0 AND tipo = 1)"),
            ["grupo_servidor"] = await Original.CountAsync("SELECT COUNT(DISTINCT grupo_id, servidor_id) FROM grupo_servidor"),
            ["diagnostico"] = await Original.CountAsync("SELECT COUNT(*) FROM diagnostico"),
            ["validacao"] = await Original.CountAsync("SELECT COUNT(*) FROM validacao"),
            ["publicacao"] = await Original.CountAsync("SELECT COUNT(*) FROM publicacao"),
        };
        counts.ShouldBe(expected);

        // The report counts what it wrote, by kind, in Portuguese.
        fixture.Import.Get(LegacyKinds.Actions).ShouldBe((int)expected["acao"]);
        fixture.Import.Get(LegacyKinds.History).ShouldBe((int)expected["historico"]);
        fixture.Import.ToString().ShouldContain($"{LegacyKinds.Actions}: {expected["acao"]}");
    }

    [MariaDbFact]
    public async Task Action_statuses_plan_statuses_and_sample_values_match_the_original()
    {
        var statusOf = new Dictionary<int, ActionStatus>
        {
            [1] = ActionStatus.NotStarted, [2] = ActionStatus.InProgress, [3] = ActionStatus.Concluded, [4] = ActionStatus.Discontinued,
        };
        var planStatusOf = new Dictionary<int, PlanStatus>
        {
            [1] = PlanStatus.InPreparation, [2] = PlanStatus.Published, [3] = PlanStatus.NotStarted, [4] = PlanStatus.Obsolete,
        };
        foreach (var legacyId in new[] { 2000, 2001, 2002, 2003, 2004, 2005 })
        {
            var legacyStatus = Convert.ToInt32(await Original.ScalarAsync($"SELECT status FROM acao WHERE id = {legacyId}"));
            var title = (string)(await Original.ScalarAsync($"SELECT titulo FROM acao WHERE id = {legacyId}"))!;
            var action = await fixture.ReadAsync(db => NewOfAsync(db, "acao", legacyId, db.PlanActions));
            action.Title.ShouldBe(title);
            action.Status.ShouldBe(statusOf[legacyStatus], title);
        }
        foreach (var legacyId in new[] { 10, 11, 12 })
        {
            var legacyStatus = Convert.ToInt32(await Original.ScalarAsync($"SELECT status FROM plano_integridade WHERE id = {legacyId}"));
            var plan = await fixture.ReadAsync(db => NewOfAsync(db, "plano_integridade", legacyId, db.Plans));
            plan.Status.ShouldBe(planStatusOf[legacyStatus]);
            plan.Edition.ShouldBe((string)(await Original.ScalarAsync($"SELECT edicao FROM plano_integridade WHERE id = {legacyId}"))!);
        }

        var code = await fixture.ReadAsync(db => NewOfAsync(db, "acao", 2000, db.PlanActions.Include(a => a.ExecutingUnit)));
        code.PlannedBudget.ShouldBe((decimal)(await Original.ScalarAsync("SELECT orcamento_previsto FROM acao WHERE id = 2000"))!);
        code.BudgetSpent.ShouldBe((decimal)(await Original.ScalarAsync("SELECT orcamento_executado FROM acao_execucao WHERE acao_id = 2000"))!);
        code.StartedOn.ShouldBe(DateOnly.FromDateTime((DateTime)(await Original.ScalarAsync("SELECT data_inicio FROM acao_execucao WHERE acao_id = 2000"))!));
        code.ConcludedOn.ShouldBe(DateOnly.FromDateTime((DateTime)(await Original.ScalarAsync("SELECT data_conclusao FROM acao_execucao WHERE acao_id = 2000"))!));
        code.ExecutingUnit!.Name.ShouldBe((string)(await Original.ScalarAsync("SELECT u.nome FROM acao a JOIN unidade_administrativa u ON u.id = a.unidade_executora WHERE a.id = 2000"))!);
        code.ActionType.ShouldBe((string)(await Original.ScalarAsync(
            "SELECT GROUP_CONCAT(t.nome ORDER BY at.id SEPARATOR '; ') FROM acao_tipo at JOIN tipo t ON t.id = at.tipo_id WHERE at.acao_id = 2000"))!);
        ActionTypes.Split(code.ActionType).ShouldBe(["Processo", "Normativo"]);
        code.Classification.ShouldBe(ActionClassification.OneOff);

        var training = await fixture.ReadAsync(db => NewOfAsync(db, "acao", 2001, db.PlanActions));
        training.Classification.ShouldBe(ActionClassification.Continuous);
        training.LimitingFactors.ShouldBe(((string)(await Original.ScalarAsync(
            "SELECT GROUP_CONCAT(f.nome ORDER BY ef.id SEPARATOR '|') FROM acao_execucao_fator_limitante ef JOIN fator_limitante f ON f.id = ef.fator_limitante_id JOIN acao_execucao e ON e.id = ef.acao_execucao_id WHERE e.acao_id = 2001"))!).Split('|'));
        training.NonImplementationRisk.ShouldBe(Sispmpi.Web.Features.Monitoring.NonImplementationRisk.High);

        var published = await fixture.ReadAsync(db => NewOfAsync(db, "plano_integridade", 11, db.Plans));
        var obsolete = await fixture.ReadAsync(db => NewOfAsync(db, "plano_integridade", 10, db.Plans));
        published.Version.ShouldBe(2);
        published.OriginPlanId.ShouldBe(obsolete.Id);

        var answered = await fixture.ReadAsync(db => NewOfAsync(db, "acao_monitoramento_recomendacao", 6000, db.Recommendations));
        answered.Answer.ShouldBe((string)(await Original.ScalarAsync("SELECT resposta FROM acao_monitoramento_recomendacao WHERE id = 6000"))!);
        answered.ActionId.ShouldBe(training.Id);
        var open = await fixture.ReadAsync(db => NewOfAsync(db, "acao_monitoramento_recomendacao", 6001, db.Recommendations));
        open.IsAnswered.ShouldBeFalse();

        var sef = await fixture.ReadAsync(db => NewOfAsync(db, "orgao", 20, db.Organizations.Include(o => o.YearFigures)));
        sef.Cnpj.ShouldBe(ImportFixture.SefCnpj);
        sef.Acronym.ShouldBe("SEF");
        var figures = sef.YearFigures.ShouldHaveSingleItem();
        figures.Budget.ShouldBe((decimal)(await Original.ScalarAsync("SELECT orcamento FROM orgao_contabil WHERE orgao_id = 20"))!);
        figures.Headcount.ShouldBe(Convert.ToInt32(await Original.ScalarAsync("SELECT quantitativo_pessoal FROM orgao_contabil WHERE orgao_id = 20")));

        var bruno = await fixture.ReadAsync(db => db.Users.Include(u => u.Grants).ThenInclude(g => g.Unit).SingleAsync(u => u.Email == "bruno.executor@sef.example.gov.br"));
        bruno.FullName.ShouldBe("Bruno Executor");
        bruno.Position.ShouldBe("Analista fazendário");
        var grant = bruno.Grants.ShouldHaveSingleItem();
        grant.Profile.ShouldBe(Profile.Executor);
        grant.Unit!.Name.ShouldBe("Superintendência de Finanças");
        var elisa = await fixture.ReadAsync(db => db.Users.Include(u => u.Grants).SingleAsync(u => u.Email == "elisa.dirigente@sef.example.gov.br"));
        elisa.Grants.Select(g => g.Profile).Order().ShouldBe([Profile.SeniorManagement, Profile.Observer]);
        var invitation = await fixture.ReadAsync(db => db.Invitations.SingleAsync(i => i.Email == "davi.monitor@sef.example.gov.br"));
        invitation.Profile.ShouldBe(Profile.MonitoringCommittee);
    }

    [MariaDbFact]
    public async Task Texts_typed_in_the_originals_editor_arrive_formatted_not_as_html_tags()
    {
        var action = await fixture.ReadAsync(db => NewOfAsync(db, "acao", 2000, db.PlanActions));
        // The description is formatted text here: the bold stays bold, the asterisks typed as text stay text.
        action.Description.ShouldBe("Elaborar e **publicar** o código\n\nPrazo: junho \\*a confirmar\\*");
        FormattedText.ToPlainText(action.Description).ShouldBe("Elaborar e publicar o código\nPrazo: junho *a confirmar*");
        // The objectives are shown as plain text.
        action.Objectives.ShouldBe("Orientar condutas");
    }

    [MariaDbFact]
    public async Task The_commission_with_its_later_acts_and_members_is_the_plans_state_of_the_programme()
    {
        var plan = await fixture.ReadAsync(db => NewOfAsync(db, "plano_integridade", 11, db.Plans));
        plan.ProgrammeId.ShouldNotBeNull();
        var commission = await fixture.ReadAsync(db => NewOfAsync(db, "grupo", 300,
            db.Commissions.Include(c => c.Acts).Include(c => c.Members).ThenInclude(m => m.Unit)));
        commission.PlanId.ShouldBe(plan.Id);
        commission.IsFormallyInstituted.ShouldBeTrue();
        (commission.ActType, commission.ActNumber).ShouldBe(("Resolução SEF", "5.500"));
        commission.ActDate.ShouldBe(new DateOnly(2023, 1, 5));
        commission.ActLink.ShouldBe("https://www.fazenda.example.gov.br/res-5500");
        commission.PlannedDurationDays.ShouldBe(60);
        // The extension keeps the deadline the original showed (its data_prevista_conclusao).
        commission.Deadline.ShouldBe(DateOnly.FromDateTime((DateTime)(await Original.ScalarAsync("SELECT data_prevista_conclusao FROM grupo_instituido WHERE id = 311"))!));

        var extension = commission.Acts.Single(a => a.Kind == Sispmpi.Web.Features.Formulation.CommissionActKind.DeadlineExtension);
        (extension.ActType, extension.ActNumber, extension.ActDate).ShouldBe(("Resolução SEF", "5.530", new DateOnly(2023, 3, 1)));
        var change = commission.Acts.Single(a => a.Kind == Sispmpi.Web.Features.Formulation.CommissionActKind.MembershipChange);
        (change.ActType, change.ActNumber, change.ActLink).ShouldBe(("Portaria SEF", "77/2023", "https://www.fazenda.example.gov.br/port-77"));
        (await fixture.ReadAsync(db => NewOfAsync(db, "grupo_instituido", 312, db.CommissionActs))).Id.ShouldBe(change.Id);

        var members = commission.Members.ToDictionary(m => m.Name);
        members.Keys.Order().ShouldBe(["Fulano de Tal", "João Substituto", "Maria Coordenadora"]);
        members["Fulano de Tal"].IsCoordinator.ShouldBeTrue();
        members["Fulano de Tal"].Registration.ShouldBe("1234567");
        members["Fulano de Tal"].Unit!.Name.ShouldBe("Superintendência de Finanças");
        members["Fulano de Tal"].IsActive.ShouldBeTrue();
        members["João Substituto"].IsActive.ShouldBeTrue();
        // Left the commission by the change of membership.
        members["Maria Coordenadora"].InactiveSince.ShouldBe(change.ActDate);
    }

    [MariaDbFact]
    public async Task The_diagnosis_validation_and_publication_with_its_files_arrive_and_the_missing_file_is_listed()
    {
        var plan = await fixture.ReadAsync(db => NewOfAsync(db, "plano_integridade", 11, db.Plans));
        var diagnosis = await fixture.ReadAsync(db => NewOfAsync(db, "diagnostico", 400, db.Diagnoses));
        diagnosis.PlanId.ShouldBe(plan.Id);
        diagnosis.Mission.ShouldBe((string)(await Original.ScalarAsync("SELECT missao FROM diagnostico_info_estrategica WHERE diagnostico_id = 400"))!);
        diagnosis.Duties.ShouldBe("Arrecadar, fiscalizar e pagar");
        // Chosen from this installation's catalog in its spelling; the body's own entries go to "outros".
        diagnosis.Instruments.ShouldBe(["Análise documental"]);
        diagnosis.OtherInstruments.ShouldBe("Entrevistas com gestores da SEF");
        diagnosis.ThematicAxes.ShouldBe(["Gestão de riscos para a integridade"]);
        diagnosis.OtherThematicAxes.ShouldBe("Integridade nas compras");
        diagnosis.MainFindings.ShouldBe("Riscos concentrados nas compras");
        diagnosis.ProgramObjectives.ShouldBe("Prevenir fraudes");
        diagnosis.MonitoringPeriodicity.ShouldBe("Trimestral");
        diagnosis.TrainingAspects.ShouldBe("Cursos a distância");
        diagnosis.Validated.ShouldBe(true);
        diagnosis.AcknowledgementSuggestions.ShouldBe("Incluir a Ouvidoria nas oficinas");
        diagnosis.AcknowledgedByName.ShouldBe("Elisa Dirigente");
        diagnosis.AcknowledgedById.ShouldBe(await fixture.ReadAsync(db => db.Users.Where(u => u.Email == "elisa.dirigente@sef.example.gov.br").Select(u => (int?)u.Id).SingleAsync()));

        plan.Stakeholders.ShouldBe(["Servidores"]);
        plan.OtherStakeholders.ShouldBe("Sindicato dos fazendários");
        plan.ValidationRemarks!.ShouldContain("Validação realizada de 20/01/2023 a 25/01/2023");
        plan.ValidationRemarks!.ShouldContain("Plano validado com as superintendências");
        plan.ValidatedAt.ShouldNotBeNull();
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(plan.ValidatedAt!.Value, Sispmpi.Web.Infrastructure.Web.BrazilTime.Zone).DateTime).ShouldBe(new DateOnly(2023, 1, 25));

        var publication = await fixture.ReadAsync(db => NewOfAsync(db, "publicacao", 1, db.PlanPublications));
        publication.PlanId.ShouldBe(plan.Id);
        (publication.ActName, publication.ActNumber, publication.ActDate).ShouldBe(("Resolução SEF", "5.600", new DateOnly(2023, 2, 1)));
        publication.HadLaunchEvent.ShouldBeFalse();
        publication.LaunchEventJustification.ShouldBe("Lançamento feito na reunião de diretoria");
        publication.HasPublicWebPage.ShouldBeTrue();
        publication.WebPageUrl.ShouldBe("https://www.fazenda.example.gov.br/integridade");
        publication.FinalPdfName.ShouldBe("plano-de-integridade-sef.pdf");
        publication.ActionPlanName.ShouldBe("plano-de-acao-sef.pdf");
        (await File.ReadAllBytesAsync(Path.Combine(fixture.App.FilesFolder, publication.FinalPdfKey!))).ShouldBe(OriginalDatabase.GoodPdf);
        (await File.ReadAllBytesAsync(Path.Combine(fixture.App.FilesFolder, publication.ActionPlanKey!))).ShouldBe(OriginalDatabase.GoodPdf);
        publication.CommunicationPlanKey.ShouldBeNull();
        fixture.Import.Refusals.ShouldContain(r => r.Contains("plano de comunicação") && r.Contains("plano-de-comunicacao.docx") && r.Contains("não foi encontrado"));
        fixture.Import.Get(LegacyKinds.PublicationFiles).ShouldBe(2);
        fixture.Import.ToString().ShouldContain($"{LegacyKinds.Diagnoses}: 1");
    }

    [MariaDbFact]
    public async Task Action_staff_are_servants_without_account_responsible_or_involved_in_the_action()
    {
        var code = await fixture.ReadAsync(db => NewOfAsync(db, "acao", 2000, db.PlanActions.Include(a => a.ResponsibleServant!).ThenInclude(s => s.Unit)));
        code.ResponsibleUserId.ShouldBeNull();
        code.ResponsibleServant!.Name.ShouldBe("Fulano de Tal");
        code.ResponsibleServant.Registration.ShouldBe("1234567");
        code.ResponsibleServant.Unit!.Name.ShouldBe("Superintendência de Finanças");
        code.ResponsibleServant.LinkedUserId.ShouldBeNull();
        var involved = await fixture.ReadAsync(db => db.ActionServants.Where(s => s.ActionId == code.Id).Select(s => s.Servant!.Name).ToListAsync());
        involved.ShouldBe(["João Substituto"]);
        var training = await fixture.ReadAsync(db => NewOfAsync(db, "acao", 2001, db.PlanActions));
        (await fixture.ReadAsync(db => db.ActionServants.Where(s => s.ActionId == training.Id).Select(s => s.Servant!.Name).ToListAsync()))
            .ShouldBe(["Maria Coordenadora"]);
        // The two rows the original kept for Fulano are one servant, shared by the action and the commission.
        var fulano = await fixture.ReadAsync(db => NewOfAsync(db, "servidor", 4, db.Servants));
        fulano.Id.ShouldBe(code.ResponsibleServantId!.Value);
        fixture.Import.Refusals.ShouldNotContain(r => r.Contains("não tem conta"));

        // The staff show on the action's Responsabilidade tab, as people without an account.
        var client = await fixture.App.LoginAsync("carla.comissao@sef.example.gov.br", OriginalDatabase.OriginalPassword);
        var page = await client.GetStringAsync($"/acoes/{code.Id}/responsabilidade");
        page.ShouldContain("Fulano de Tal");
        page.ShouldContain("João Substituto");
    }

    [MariaDbFact]
    public async Task A_legacy_action_type_with_a_semicolon_is_renamed_and_the_report_says_so()
    {
        var training = await fixture.ReadAsync(db => NewOfAsync(db, "acao", 2001, db.PlanActions));
        ActionTypes.Split(training.ActionType).ShouldBe(["Sensibilização", "Capacitação, treinamento"]);
        fixture.Import.Notes.ShouldContain(n => n.Contains("\"Capacitação; treinamento\"") && n.Contains("\"Capacitação, treinamento\""));
        fixture.Import.ToString().ShouldContain("Capacitação, treinamento");
    }

    [MariaDbFact]
    public async Task Evidence_files_are_copied_checked_by_content_and_the_refused_ones_listed()
    {
        var action = await fixture.ReadAsync(db => NewOfAsync(db, "acao", 2000, db.PlanActions));
        var evidence = await fixture.ReadAsync(db => db.ActionEvidence.Where(e => e.ActionId == action.Id).ToListAsync());
        var file = evidence.Where(e => e.FileKey != null).ShouldHaveSingleItem();
        file.FileName.ShouldBe("codigo-de-etica.pdf");
        file.ContentType.ShouldBe("application/pdf");
        var stored = await File.ReadAllBytesAsync(Path.Combine(fixture.App.FilesFolder, file.FileKey!));
        stored.ShouldBe(OriginalDatabase.GoodPdf);
        evidence.ShouldContain(e => e.Url == "https://www.fazenda.example.gov.br/codigo-de-etica");

        var refusals = fixture.Import.Refusals;
        refusals.ShouldContain(r => r.Contains("lista-de-presenca.pdf") && r.Contains("recusado"));
        refusals.ShouldContain(r => r.Contains("fotos.jpg") && r.Contains("não foi encontrado"));
        refusals.ShouldContain(r => r.Contains("intranet/turmas"));
        fixture.Import.ToString().ShouldContain("Registros recusados");
        // Only the accepted files reached the store: the evidence and the publication's final PDF and action plan.
        (fixture.AfterImport.StoredFiles - fixture.BeforeAll.StoredFiles).ShouldBe(3);
    }

    [MariaDbFact]
    public async Task The_original_history_is_in_the_chain_in_order_with_its_authors_and_verify_audit_passes()
    {
        var verification = await fixture.ReadAsync(db => new AuditVerifier(db).VerifyAsync());
        verification.IsValid.ShouldBeTrue();

        var sef = await fixture.ReadAsync(db => NewOfAsync(db, "orgao", 20, db.Organizations));
        var imported = await fixture.ReadAsync(db => db.AuditEntries
            .Where(e => e.OrganizationId == sef.Id && e.Justification != null && e.Justification.StartsWith(LegacyImporter.ImportedMark + " (histórico"))
            .OrderBy(e => e.Id).ToListAsync());
        imported.Count.ShouldBe(3);
        imported.Select(e => e.OccurredAt).ShouldBeInOrder();
        var first = imported[0];
        first.Justification!.ShouldContain("histórico nº 9000");
        first.UserName.ShouldBe("Bruno Executor");
        first.Profile.ShouldBe("Executor");
        first.EntityType.ShouldBe("PlanAction");
        var action = await fixture.ReadAsync(db => NewOfAsync(db, "acao", 2000, db.PlanActions));
        first.EntityId.ShouldBe(action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        first.NewValue.ShouldBe("Instituir o código de ética");
        imported[1].Operation.ShouldBe(Sispmpi.Core.Auditing.AuditOperation.Delete);
        imported[2].Justification!.ShouldEndWith("Código publicado");
    }

    [MariaDbFact]
    public void A_second_run_changes_nothing_and_says_so()
    {
        fixture.Second.NothingToDo.ShouldBeTrue();
        fixture.Second.SkippedBodies.ShouldBe(["CGE", "SEF"]);
        fixture.Second.ToString().ShouldContain("Nada a importar");
        fixture.AfterSecond.ShouldBe(fixture.AfterImport);
    }

    [MariaDbFact]
    public async Task A_migrated_user_signs_in_with_the_original_password_which_is_then_rehashed()
    {
        const string email = "carla.comissao@sef.example.gov.br";
        (await fixture.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()))!.ShouldStartWith("$2y$");

        await fixture.App.LoginAsync(email, OriginalDatabase.OriginalPassword);

        var rehashed = await fixture.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());
        rehashed!.ShouldNotStartWith("$2");
        await fixture.App.LoginAsync(email, OriginalDatabase.OriginalPassword);
        (await fixture.ReadAsync(new AuditVerifierCheck().RunAsync)).ShouldBeTrue();
    }

    private async Task<List<int>> ImportedOrganizationsAsync() =>
        await fixture.ReadAsync(db => db.LegacyImportLinks.Where(l => l.Kind == "orgao").Select(l => l.NewId).ToListAsync());

    private static async Task<T> NewOfAsync<T>(SispmpiDbContext db, string kind, int legacyId, IQueryable<T> set) where T : class
    {
        var id = await db.LegacyImportLinks.Where(l => l.Kind == kind && l.LegacyId == legacyId).Select(l => l.NewId).SingleAsync();
        return await set.SingleAsync(e => EF.Property<int>(e, "Id") == id);
    }

    private sealed class AuditVerifierCheck
    {
        public async Task<bool> RunAsync(SispmpiDbContext db) => (await new AuditVerifier(db).VerifyAsync()).IsValid;
    }
}
