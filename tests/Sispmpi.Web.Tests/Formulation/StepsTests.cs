using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Formulation;
using Sispmpi.Web.Features.Formulation.Steps;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Formulation;

/// <summary>
/// The guided formulation path (SPEC §3.1) through its pages, as the commission, the Alta administração and
/// internal control use it, on fresh plans of the demo organization (SEPLAG).
/// </summary>
public sealed class StepsTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Commission = "comissao@demo.gov.br";
    private const string Head = "alta@demo.gov.br";
    private const string InternalControl = "auditor@demo.gov.br";

    private static readonly byte[] _pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public void Every_missing_item_reads_as_a_portuguese_sentence()
    {
        foreach (var missing in Enum.GetValues<Missing>())
        {
            var sentence = StepTexts.Sentence(missing);
            sentence.ShouldNotBe(missing.ToString());
            sentence.ShouldEndWith(".");
        }
    }

    [Fact]
    public void Uploaded_documents_are_recognized_by_their_content()
    {
        UploadedFiles.Detect(_pdf).ShouldBe(UploadFormat.Pdf);
        UploadedFiles.Detect(Docx()).ShouldBe(UploadFormat.Docx);
        UploadedFiles.Detect(Odt()).ShouldBe(UploadFormat.Odt);
        UploadedFiles.Detect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).ShouldBe(UploadFormat.Doc);
        UploadedFiles.Detect("Olá, não sou um PDF"u8.ToArray()).ShouldBe(UploadFormat.Unknown);
        UploadedFiles.Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).ShouldBe(UploadFormat.Unknown);
        UploadedFiles.OriginalName(@"C:\Users\ana\Plano final.pdf", "x.pdf").ShouldBe("Plano final.pdf");
    }

    [Fact]
    public async Task The_commission_is_saved_and_validated_with_exactly_one_coordinator()
    {
        var planId = await NewPlanAsync();
        var commission = await app.LoginAsync(Commission);
        var url = $"/planos/{planId}/etapas/comissao";

        // Formally instituted: the act is required, and its link must be a web address.
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, url, new Dictionary<string, string>
        {
            ["Input.IsFormallyInstituted"] = "true",
            ["Input.ActNumber"] = "77/2030",
            ["Input.ActLink"] = "ftp://diario.mg.gov.br/ato",
            ["Input.StartDate"] = "2030-02-01",
            ["Input.PlannedDurationDays"] = "0",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await ParseAsync(response);
            Error(page, "Input_ActType").ShouldContain("Informe o tipo do ato");
            Error(page, "Input_ActDate").ShouldContain("Informe a data do ato");
            Error(page, "Input_ActLink").ShouldBe(Sispmpi.Web.Infrastructure.Web.WebAddress.InvalidMessage);
            Error(page, "Input_PlannedDurationDays").ShouldContain("número inteiro de 1 a");
            // Nothing typed is lost.
            page.QuerySelector("#Input_ActNumber")!.GetAttribute("value").ShouldBe("77/2030");
            page.QuerySelector("#Input_ActLink")!.GetAttribute("value").ShouldBe("ftp://diario.mg.gov.br/ato");
            page.QuerySelector("#instituida-sim")!.HasAttribute("checked").ShouldBeTrue();
        }
        (await app.WithDbAsync(db => db.Commissions.AnyAsync(c => c.PlanId == planId))).ShouldBeFalse();

        using (var response = await SispmpiAppFactory.PostFormAsync(commission, url, new Dictionary<string, string>
        {
            ["Input.IsFormallyInstituted"] = "true",
            ["Input.ActType"] = "Resolução",
            ["Input.ActNumber"] = "77/2030",
            ["Input.ActDate"] = "2030-01-20",
            ["Input.ActLink"] = "https://diario.mg.gov.br/ato/77",
            ["Input.StartDate"] = "2030-02-01",
            ["Input.PlannedDurationDays"] = "90",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var saved = await app.WithDbAsync(db => db.Commissions.SingleAsync(c => c.PlanId == planId));
        saved.ActType.ShouldBe("Resolução");
        saved.Deadline.ShouldBe(new DateOnly(2030, 5, 2));
        (await PlanStatusAsync(planId)).ShouldBe(PlanStatus.InPreparation);
        var form = await SispmpiAppFactory.GetDocumentAsync(commission, url);
        form.QuerySelector("[data-deadline]")!.TextContent.ShouldContain("02/05/2030");

        // A member without coordinator: the step says what is missing.
        var unitId = await UnitIdAsync("SCC");
        (await PostMemberAsync(commission, planId, "Rafael Lima", unitId, "rafael@demo.gov.br", coordinator: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var step = await SispmpiAppFactory.GetDocumentAsync(commission, url);
        step.QuerySelector("[data-missing]")!.TextContent.ShouldContain(StepTexts.Sentence(Missing.CommissionCoordinator));
        step.QuerySelector("[data-step-header]")!.GetAttribute("data-state").ShouldBe("in-progress");

        // A member form with errors keeps what was typed.
        using (var response = await PostMemberAsync(commission, planId, "Sem E-mail", unitId, "não-é-email", coordinator: true))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await ParseAsync(response);
            Error(page, "Member_Email").ShouldContain("e-mail válido");
            page.QuerySelector("#Member_Name")!.GetAttribute("value").ShouldBe("Sem E-mail");
        }

        (await PostMemberAsync(commission, planId, "Beatriz Comissão", unitId, "beatriz@demo.gov.br", coordinator: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A second coordinator is refused: exactly one.
        using (var response = await PostMemberAsync(commission, planId, "Juliana Reis", unitId, "juliana@demo.gov.br", coordinator: true))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Error(await ParseAsync(response), "Member_IsCoordinator").ShouldContain("A comissão já tem um coordenador: Beatriz Comissão");
        }
        step = await SispmpiAppFactory.GetDocumentAsync(commission, url);
        step.QuerySelector("[data-step-header]")!.GetAttribute("data-state").ShouldBe("done");
        step.QuerySelectorAll("tr[data-member]").Length.ShouldBe(2);

        // Editing a member, then removing the coordinator reopens the step.
        var beatriz = await app.WithDbAsync(db => db.CommissionMembers.SingleAsync(m => m.Email == "beatriz@demo.gov.br"));
        var edit = await SispmpiAppFactory.GetDocumentAsync(commission, $"{url}?membro={beatriz.Id}");
        edit.QuerySelector("#Member_Name")!.GetAttribute("value").ShouldBe("Beatriz Comissão");
        (await PostMemberAsync(commission, planId, "Beatriz C. Souza", unitId, "beatriz@demo.gov.br", coordinator: true, id: beatriz.Id))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.CommissionMembers.SingleAsync(m => m.Id == beatriz.Id))).Name.ShouldBe("Beatriz C. Souza");
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{url}?handler=RemoveMember",
            new Dictionary<string, string> { ["memberId"] = beatriz.Id.ToString() }, url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await ProgressAsync(planId))[FormulationStep.Commission].Missing.ShouldBe([Missing.CommissionCoordinator]);
    }

    [Fact]
    public async Task The_timeline_keeps_the_diagnosis_blocked_until_the_commission_is_done()
    {
        var planId = await NewPlanAsync();
        var commission = await app.LoginAsync(Commission);
        var timeline = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas");
        var steps = timeline.QuerySelectorAll("ol.sispmpi-steps > li");
        steps.Select(s => s.GetAttribute("data-step")).ShouldBe(["1", "2", "3", "4", "5", "6", "7"]);
        Step(timeline, 1).GetAttribute("data-state").ShouldBe("not-started");
        Step(timeline, 1).QuerySelector("[data-state-label]")!.TextContent.ShouldContain("Não iniciada");
        Step(timeline, 1).TextContent.ShouldContain(StepTexts.Sentence(Missing.CommissionMembers));
        Step(timeline, 2).GetAttribute("data-state").ShouldBe("blocked");
        Step(timeline, 2).QuerySelector("[data-state-label]")!.TextContent.ShouldContain("Bloqueada");
        Step(timeline, 2).QuerySelector($"a[href='/planos/{planId}/etapas/diagnostico']").ShouldBeNull();
        Step(timeline, 3).TextContent.ShouldContain("registro de riscos");
        Step(timeline, 3).QuerySelector($"a[href='/planos/{planId}/riscos']").ShouldNotBeNull();
        timeline.QuerySelector(".br-breadcrumb")!.TextContent.ShouldContain("Etapas");

        // A closed diagnosis tab cannot be saved.
        using (var response = await PostDiagnosisAsync(commission, planId, "Strategic", StrategicFields()))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await ParseAsync(response);
            page.QuerySelector("[data-form-errors]")!.TextContent.ShouldContain("abre quando a etapa 1");
            page.QuerySelector("#Strategic_Mission")!.TextContent.ShouldBe("Promover a gestão pública íntegra.");
        }

        await CompleteCommissionAsync(commission, planId);
        timeline = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas");
        Step(timeline, 1).GetAttribute("data-state").ShouldBe("done");
        Step(timeline, 1).QuerySelector("[data-state-label]")!.TextContent.ShouldContain("Concluída");
        Step(timeline, 2).GetAttribute("data-state").ShouldBe("not-started");
        Step(timeline, 2).GetAttribute("data-next").ShouldBe("true");
        Step(timeline, 2).QuerySelector($"a[href='/planos/{planId}/etapas/diagnostico']").ShouldNotBeNull();
        Step(timeline, 4).GetAttribute("data-state").ShouldBe("blocked");
        (await PlanStatusAsync(planId)).ShouldBe(PlanStatus.InPreparation);
    }

    [Fact]
    public async Task Diagnosis_tabs_open_in_sequence_and_only_the_alta_administracao_acknowledges()
    {
        var planId = await NewPlanAsync();
        var commission = await app.LoginAsync(Commission);
        await CompleteCommissionAsync(commission, planId);

        // Tab b before tab a is done: refused, what was typed kept.
        using (var response = await PostDiagnosisAsync(commission, planId, "Instruments", new()
        {
            ["InstrumentsForm.OtherInstruments"] = "Grupos focais",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await ParseAsync(response);
            page.QuerySelector("[data-form-errors]")!.TextContent.ShouldContain("Informações estratégicas");
            page.QuerySelector("#InstrumentsForm_OtherInstruments")!.TextContent.ShouldBe("Grupos focais");
        }
        var diagnosis = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas/diagnostico");
        diagnosis.QuerySelector("[data-current-tab]")!.GetAttribute("data-current-tab").ShouldBe("informacoes");
        diagnosis.QuerySelector("li[data-tab='instrumentos']")!.GetAttribute("data-state").ShouldBe("blocked");
        diagnosis.QuerySelector("li[data-tab='instrumentos'] a").ShouldBeNull();

        // Partly filled: saved, the tab stays in progress and the next one closed.
        var partial = StrategicFields();
        partial["Strategic.Duties"] = "";
        using (var response = await PostDiagnosisAsync(commission, planId, "Strategic", partial))
        {
            response.Headers.Location!.OriginalString.ShouldEndWith("aba=informacoes");
        }
        (await ProgressAsync(planId))[DiagnosisTab.StrategicInformation].Missing.ShouldBe([Missing.DiagnosisDuties]);
        (await ProgressAsync(planId))[DiagnosisTab.Instruments].IsOpen.ShouldBeFalse();

        using (var response = await PostDiagnosisAsync(commission, planId, "Strategic", StrategicFields()))
        {
            response.Headers.Location!.OriginalString.ShouldEndWith("aba=instrumentos");
        }
        using (var response = await PostDiagnosisAsync(commission, planId, "Instruments", InstrumentFields()))
        {
            response.Headers.Location!.OriginalString.ShouldEndWith("aba=resultados");
        }
        var saved = await app.WithDbAsync(db => db.Diagnoses.SingleAsync(d => d.PlanId == planId));
        saved.Instruments.ShouldBe(["Análise documental"]);

        // Step 3 opens as soon as thematic axes are chosen, before the acknowledgement.
        using (var response = await PostDiagnosisAsync(commission, planId, "Results", ResultFields()))
        {
            response.Headers.Location!.OriginalString.ShouldEndWith("aba=ciencia");
        }
        var progress = await ProgressAsync(planId);
        progress[FormulationStep.Diagnosis].State.ShouldBe(StepState.InProgress);
        progress[FormulationStep.Diagnosis].Missing.ShouldBe([Missing.DiagnosisAcknowledgement]);
        progress[FormulationStep.Plan].IsOpen.ShouldBeTrue();
        progress[FormulationStep.Validation].IsOpen.ShouldBeFalse();

        // The commission sees the acknowledgement tab read-only and cannot post it.
        var tab = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas/diagnostico?aba=ciencia");
        tab.QuerySelector("[data-acknowledgement]")!.TextContent.ShouldContain("aguarda a ciência");
        tab.QuerySelector($"a[href='/planos/{planId}/etapas/diagnostico/ciencia']").ShouldBeNull();
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"/planos/{planId}/etapas/diagnostico/ciencia",
            new Dictionary<string, string> { ["Input.Validated"] = "true" }, $"/planos/{planId}/etapas"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await app.WithDbAsync(db => db.Diagnoses.SingleAsync(d => d.PlanId == planId))).Validated.ShouldBeNull();

        // The Alta administração sees what waits for it, and must explain a rejection.
        var head = await app.LoginAsync(Head);
        var headTimeline = await SispmpiAppFactory.GetDocumentAsync(head, $"/planos/{planId}/etapas");
        headTimeline.QuerySelector($"[data-waiting] a[href='/planos/{planId}/etapas/diagnostico/ciencia']").ShouldNotBeNull();
        var acknowledgementUrl = $"/planos/{planId}/etapas/diagnostico/ciencia";
        using (var response = await SispmpiAppFactory.PostFormAsync(head, acknowledgementUrl, new Dictionary<string, string> { ["Input.Validated"] = "false" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Error(await ParseAsync(response), "Input_Suggestions").ShouldContain("o que deve ser revisto");
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(head, acknowledgementUrl, new Dictionary<string, string>
        {
            ["Input.Validated"] = "false",
            ["Input.Suggestions"] = "Detalhar os riscos das compras.",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var rejected = await app.WithDbAsync(db => db.Diagnoses.SingleAsync(d => d.PlanId == planId));
        rejected.Validated.ShouldBe(false);
        rejected.AcknowledgedByName.ShouldBe("Henrique Secretário");
        rejected.AcknowledgedAt.ShouldNotBeNull();
        var timeline = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas");
        Step(timeline, 2).GetAttribute("data-state").ShouldBe("in-progress");
        Step(timeline, 2).TextContent.ShouldContain(StepTexts.Sentence(Missing.DiagnosisAcknowledgementApproved));
        var rework = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas/diagnostico?aba=informacoes");
        rework.QuerySelector("[data-rejected]")!.TextContent.ShouldContain("Detalhar os riscos das compras.");

        using (var response = await SispmpiAppFactory.PostFormAsync(head, acknowledgementUrl, new Dictionary<string, string> { ["Input.Validated"] = "true" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await ProgressAsync(planId))[FormulationStep.Diagnosis].State.ShouldBe(StepState.Done);
        tab = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas/diagnostico?aba=ciencia");
        tab.QuerySelector("[data-acknowledgement]")!.TextContent.ShouldContain("Diagnóstico validado");
    }

    [Fact]
    public async Task The_validation_is_concluded_only_after_the_earlier_steps()
    {
        var planId = await NewPlanAsync();
        var commission = await app.LoginAsync(Commission);
        var url = $"/planos/{planId}/etapas/validacao";
        var conclude = $"{url}?handler=Conclude";

        using (var response = await SispmpiAppFactory.PostFormAsync(commission, conclude, ValidationFields(), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await ParseAsync(response);
            var errors = page.QuerySelector("[data-form-errors]")!.TextContent;
            errors.ShouldContain("depois das etapas 1 a 3");
            errors.ShouldContain(StepTexts.Sentence(Missing.CommissionMembers));
            errors.ShouldContain(StepTexts.Sentence(Missing.PlanActions));
            page.QuerySelector("#Input_ValidFrom")!.GetAttribute("value").ShouldBe("2030-01-01");
        }
        (await app.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == planId))).ValidatedAt.ShouldBeNull();

        await CompleteThroughPlanAsync(commission, planId);
        var reversed = ValidationFields();
        reversed["Input.ValidTo"] = "2029-12-31";
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, conclude, reversed, url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Error(await ParseAsync(response), "Input_ValidTo").ShouldContain("posterior ao início");
        }
        var noStakeholders = ValidationFields();
        noStakeholders.Remove("Input.Stakeholders");
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, conclude, noStakeholders, url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ParseAsync(response)).QuerySelector("#parte-error")!.TextContent.ShouldContain("parte interessada");
        }

        using (var response = await SispmpiAppFactory.PostFormAsync(commission, conclude, ValidationFields(), url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe($"/planos/{planId}/etapas/minutas");
        }
        var plan = await app.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == planId));
        plan.ValidatedAt.ShouldNotBeNull();
        plan.ValidFrom.ShouldBe(new DateOnly(2030, 1, 1));
        plan.Stakeholders.ShouldBe(["Servidores"]);
        plan.ValidationRemarks.ShouldBe("Consulta pública encerrada.");
        (await ProgressAsync(planId))[FormulationStep.Validation].State.ShouldBe(StepState.Done);
        (await ProgressAsync(planId))[FormulationStep.ProgramDraft].IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task The_final_pdf_upload_refuses_what_is_not_a_pdf()
    {
        var planId = await NewPlanAsync();
        var commission = await app.LoginAsync(Commission);
        using (var response = await UploadAsync(commission, planId, "UploadFinalPdf", "FinalPdf", "plano.pdf", "não sou um PDF"u8.ToArray()))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Error(await ParseAsync(response), "FinalPdf").ShouldContain("não é um PDF");
        }
        using (var response = await UploadAsync(commission, planId, "UploadCommunicationPlan", "CommunicationPlan", "comunicacao.docx", [0x50, 0x4B, 0x03, 0x04, 9, 9]))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Error(await ParseAsync(response), "CommunicationPlan").ShouldContain("Formato não aceito");
        }
        using (var response = await UploadAsync(commission, planId, "UploadFinalPdf", "FinalPdf", "grande.pdf", [.. _pdf, .. new byte[10 * 1024 * 1024]]))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Error(await ParseAsync(response), "FinalPdf").ShouldContain("o limite é de 10 MB");
        }
        (await app.WithDbAsync(db => db.PlanPublications.AnyAsync(p => p.PlanId == planId))).ShouldBeFalse();

        using (var response = await UploadAsync(commission, planId, "UploadFinalPdf", "FinalPdf", "Plano assinado.pdf", _pdf))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var publication = await app.WithDbAsync(db => db.PlanPublications.SingleAsync(p => p.PlanId == planId));
        publication.FinalPdfName.ShouldBe("Plano assinado.pdf");
        publication.FinalPdfKey!.ShouldStartWith("publicacoes/");
        using var download = await commission.GetAsync($"/planos/{planId}/etapas/publicacao?handler=File&arquivo=pdf");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(_pdf);
        (await commission.GetAsync($"/planos/{planId}/etapas/publicacao?handler=File&arquivo=outro")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_is_refused_until_every_step_is_done_then_locks_every_step()
    {
        var planId = await NewPlanAsync();
        var commission = await app.LoginAsync(Commission);
        var publicationUrl = $"/planos/{planId}/etapas/publicacao";

        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{publicationUrl}?handler=Publish", new Dictionary<string, string>(), publicationUrl))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var blockers = (await ParseAsync(response)).QuerySelector("[data-publish-blockers]")!.TextContent;
            blockers.ShouldContain("Envie o PDF final assinado do plano.");
            blockers.ShouldContain("Faltam as ciências da alta administração e do controle interno.");
            blockers.ShouldContain(StepTexts.Sentence(Missing.CommissionMembers));
            blockers.ShouldContain(StepTexts.Sentence(Missing.PublicationTrainingPlan));
        }

        await CompleteThroughPlanAsync(commission, planId);
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"/planos/{planId}/etapas/validacao?handler=Conclude",
            ValidationFields(), $"/planos/{planId}/etapas/validacao"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Steps 5 and 6: generating a draft records it and hands over to the download.
        var draftsUrl = $"/planos/{planId}/etapas/minutas";
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{draftsUrl}?handler=PlanDraft", new Dictionary<string, string>(), draftsUrl))
        {
            // Step 6 waits for step 5.
            response.Headers.Location!.OriginalString.ShouldBe(draftsUrl);
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{draftsUrl}?handler=ProgramDraft", new Dictionary<string, string>(), draftsUrl))
        {
            response.Headers.Location!.OriginalString.ShouldBe($"/planos/{planId}/minuta-do-programa.docx");
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{draftsUrl}?handler=PlanDraft", new Dictionary<string, string>(), draftsUrl))
        {
            response.Headers.Location!.OriginalString.ShouldBe($"/planos/{planId}/minuta-do-plano.xlsx");
        }
        var drafts = await SispmpiAppFactory.GetDocumentAsync(commission, draftsUrl);
        drafts.QuerySelectorAll("[data-generated-at]").ShouldAllBe(p => !p.TextContent.Contains("ainda não gerada"));

        // Step 7: the act and the documents.
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, publicationUrl, new Dictionary<string, string>
        {
            ["Input.ActName"] = "Resolução SEPLAG",
            ["Input.ActNumber"] = "12/2030",
            ["Input.ActDate"] = "2030-03-15",
            ["Input.ActLink"] = "https://www.jornalminasgerais.mg.gov.br/",
            ["Input.HadLaunchEvent"] = "true",
            ["Input.LaunchEventDate"] = "2030-03-20",
            ["Input.HasPublicWebPage"] = "false",
            ["Input.WebPageJustification"] = "O sítio do órgão está em reformulação.",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await UploadAsync(commission, planId, "UploadFinalPdf", "FinalPdf", "plano-assinado.pdf", _pdf)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UploadAsync(commission, planId, "UploadCommunicationPlan", "CommunicationPlan", "comunicacao.pdf", _pdf)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UploadAsync(commission, planId, "UploadTrainingPlan", "TrainingPlan", "capacitacao.docx", Docx())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Still refused: the two acknowledgements are missing.
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{publicationUrl}?handler=Publish", new Dictionary<string, string>(), publicationUrl))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var blockers = (await ParseAsync(response)).QuerySelector("[data-publish-blockers]")!.TextContent;
            blockers.ShouldContain("Faltam as ciências da alta administração e do controle interno.");
            blockers.ShouldNotContain("Envie o PDF final assinado do plano.");
            blockers.ShouldNotContain(StepTexts.Sentence(Missing.PublicationTrainingPlan));
        }

        // The acknowledgements go through their page: the commission may not, each profile records its own.
        var acknowledgementUrl = $"{publicationUrl}/ciencia";
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{acknowledgementUrl}?handler=Head", new Dictionary<string, string>(), publicationUrl))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        var head = await app.LoginAsync(Head);
        using (var response = await SispmpiAppFactory.PostFormAsync(head, $"{acknowledgementUrl}?handler=InternalControl", new Dictionary<string, string>(), acknowledgementUrl))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(head, $"{acknowledgementUrl}?handler=Head", new Dictionary<string, string>(), acknowledgementUrl))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var auditor = await app.LoginAsync(InternalControl);
        using (var response = await SispmpiAppFactory.PostFormAsync(auditor, $"{acknowledgementUrl}?handler=InternalControl", new Dictionary<string, string>(), acknowledgementUrl))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var publication = await app.WithDbAsync(db => db.PlanPublications.SingleAsync(p => p.PlanId == planId));
        publication.HeadAcknowledgedBy.ShouldBe("Henrique Secretário");
        publication.InternalControlAcknowledgedBy.ShouldBe("Cláudia Controle");
        (await ProgressAsync(planId)).CanPublish.ShouldBeTrue();

        var title = await app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Title).SingleAsync());
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{publicationUrl}?handler=Publish", new Dictionary<string, string>(), publicationUrl))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe($"/planos/{planId}");
        }
        (await PlanStatusAsync(planId)).ShouldBe(PlanStatus.Published);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == "plano-publicado" && m.Subject.Contains(title)))).ShouldBe(4);
        var timeline = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas");
        timeline.QuerySelectorAll("ol.sispmpi-steps > li").ShouldAllBe(s => s.GetAttribute("data-state") == "done");

        // Published: every step page still reads, and refuses every write with the read-only message.
        var unitId = await UnitIdAsync("SCC");
        var writes = new (HttpClient Client, string Url, string FormPage)[]
        {
            (commission, $"/planos/{planId}/etapas/comissao", $"/planos/{planId}/etapas/comissao"),
            (commission, $"/planos/{planId}/etapas/comissao?handler=Member", $"/planos/{planId}/etapas/comissao"),
            (commission, $"/planos/{planId}/etapas/diagnostico?handler=Strategic", $"/planos/{planId}/etapas/diagnostico"),
            (commission, $"/planos/{planId}/etapas/diagnostico?handler=Results", $"/planos/{planId}/etapas/diagnostico"),
            (head, $"/planos/{planId}/etapas/diagnostico/ciencia", $"/planos/{planId}/etapas/diagnostico/ciencia"),
            (commission, $"/planos/{planId}/etapas/validacao?handler=Conclude", $"/planos/{planId}/etapas/validacao"),
            (commission, $"{draftsUrl}?handler=ProgramDraft", draftsUrl),
            (commission, publicationUrl, publicationUrl),
            (commission, $"{publicationUrl}?handler=Publish", publicationUrl),
            (auditor, $"{acknowledgementUrl}?handler=InternalControl", acknowledgementUrl),
        };
        foreach (var (client, url, formPage) in writes)
        {
            using var response = await SispmpiAppFactory.PostFormAsync(client, url, new Dictionary<string, string>
            {
                ["Input.StartDate"] = "2030-01-01",
                ["Member.Name"] = "Tarde Demais",
                ["Member.UnitId"] = unitId.ToString(),
                ["Member.Email"] = "tarde@demo.gov.br",
                ["Input.Validated"] = "true",
            }, formPage);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await response.Content.ReadAsStringAsync()).ShouldContain(EditablePlanAttribute.ReadOnlyMessage, customMessage: url);
        }
        (await UploadAsync(commission, planId, "UploadFinalPdf", "FinalPdf", "outro.pdf", _pdf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var readOnly = await SispmpiAppFactory.GetDocumentAsync(commission, $"/planos/{planId}/etapas/comissao");
        readOnly.QuerySelector("[data-read-only]")!.TextContent.ShouldContain("publicado");
        readOnly.QuerySelector("#membro-form").ShouldBeNull();
        (await app.WithDbAsync(db => db.CommissionMembers.AnyAsync(m => m.Email == "tarde@demo.gov.br"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Readers_see_the_steps_read_only_and_cannot_write()
    {
        var planId = await NewPlanAsync();
        var commission = await app.LoginAsync(Commission);
        await CompleteCommissionAsync(commission, planId);
        var auditor = await app.LoginAsync(InternalControl);
        var page = await SispmpiAppFactory.GetDocumentAsync(auditor, $"/planos/{planId}/etapas/comissao");
        page.QuerySelector("[data-read-only]")!.TextContent.ShouldContain("Somente a comissão");
        page.QuerySelector("fieldset[disabled]").ShouldNotBeNull();
        page.QuerySelector("#membro-form").ShouldBeNull();
        using var response = await SispmpiAppFactory.PostFormAsync(auditor, $"/planos/{planId}/etapas/comissao", new Dictionary<string, string>
        {
            ["Input.StartDate"] = "2030-01-01",
            ["Input.PlannedDurationDays"] = "5",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The executor does not take part in the formulation.
        var executor = await app.LoginAsync("executor@demo.gov.br");
        (await executor.GetAsync($"/planos/{planId}/etapas")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    // --- the path, step by step, through the pages ---

    private async Task CompleteCommissionAsync(HttpClient commission, int planId)
    {
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"/planos/{planId}/etapas/comissao", new Dictionary<string, string>
        {
            ["Input.IsFormallyInstituted"] = "false",
            ["Input.StartDate"] = "2030-01-10",
            ["Input.PlannedDurationDays"] = "120",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        using var member = await PostMemberAsync(commission, planId, "Beatriz Comissão", await UnitIdAsync("CSET"), $"coord{planId}@demo.gov.br", coordinator: true);
        member.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Steps 1 and 2 through the pages (the acknowledgement by the Alta administração), step 3 in the database.</summary>
    private async Task CompleteThroughPlanAsync(HttpClient commission, int planId)
    {
        await CompleteCommissionAsync(commission, planId);
        foreach (var (handler, fields) in new[] { ("Strategic", StrategicFields()), ("Instruments", InstrumentFields()), ("Results", ResultFields()) })
        {
            using var response = await PostDiagnosisAsync(commission, planId, handler, fields);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var head = await app.LoginAsync(Head);
        using (var response = await SispmpiAppFactory.PostFormAsync(head, $"/planos/{planId}/etapas/diagnostico/ciencia",
            new Dictionary<string, string> { ["Input.Validated"] = "true", ["Input.Suggestions"] = "De acordo." }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        // Step 3 belongs to the plan editor: one axis with one complete action.
        var unitId = await UnitIdAsync("SCC");
        await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            var axis = new PlanAxis { OrganizationId = plan.OrganizationId, PlanId = planId, Position = 1, Number = "1", Title = "Gestão de riscos para a integridade" };
            db.PlanAxes.Add(axis);
            await db.SaveChangesAsync();
            db.PlanActions.Add(new PlanAction
            {
                OrganizationId = plan.OrganizationId, PlanId = planId, AxisId = axis.Id, Position = 1, Number = "1.1",
                Title = "Mapear riscos nas compras", Description = "Mapeamento dos riscos à integridade nas contratações.",
                ActionType = "Processo", Classification = ActionClassification.OneOff, ExecutingUnitId = unitId,
                PlannedStart = new DateOnly(2030, 3, 1), PlannedEnd = new DateOnly(2030, 9, 30), PlannedBudget = 10_000m,
            });
            await db.SaveChangesAsync();
        });
        var progress = await ProgressAsync(planId);
        progress.Steps.Take(3).ShouldAllBe(s => s.State == StepState.Done);
    }

    private static Dictionary<string, string> StrategicFields() => new()
    {
        ["Strategic.Mission"] = "Promover a gestão pública íntegra.",
        ["Strategic.Vision"] = "Ser referência em integridade.",
        ["Strategic.Values"] = "Ética e transparência.",
        ["Strategic.OrganizationalStructure"] = "Gabinete e superintendências.",
        ["Strategic.Competences"] = "Planejamento e gestão.",
        ["Strategic.Duties"] = "Gerir compras e pessoas.",
    };

    private static Dictionary<string, string> InstrumentFields() => new()
    {
        ["InstrumentsForm.Instruments"] = "Análise documental",
        ["InstrumentsForm.OtherInstruments"] = "",
    };

    private static Dictionary<string, string> ResultFields() => new()
    {
        ["Results.MainFindings"] = "Fluxos de compras sem segregação de funções.",
        ["Results.DesiredFuture"] = "Riscos conhecidos e tratados.",
        ["Results.ProgramObjectives"] = "Prevenir fraudes.",
        ["Results.GovernanceStructure"] = "Unidade de gestão da integridade.",
        ["Results.MonitoringPeriodicity"] = "Trimestral",
        ["Results.EvaluationPeriodicity"] = "Anual",
        ["Results.UpdatePeriodicity"] = "Bienal",
        ["Results.CommunicationAspects"] = "Boletim mensal.",
        ["Results.TrainingAspects"] = "Trilha de capacitação.",
        ["Results.ThematicAxes"] = "Gestão de riscos para a integridade",
    };

    private static Dictionary<string, string> ValidationFields() => new()
    {
        ["Input.ValidFrom"] = "2030-01-01",
        ["Input.ValidTo"] = "2032-12-31",
        ["Input.Stakeholders"] = "Servidores",
        ["Input.Remarks"] = "Consulta pública encerrada.",
    };

    private static Task<HttpResponseMessage> PostDiagnosisAsync(HttpClient client, int planId, string handler, Dictionary<string, string> fields) =>
        SispmpiAppFactory.PostFormAsync(client, $"/planos/{planId}/etapas/diagnostico?handler={handler}", fields, $"/planos/{planId}/etapas/diagnostico");

    private static Task<HttpResponseMessage> PostMemberAsync(HttpClient client, int planId, string name, int unitId, string email, bool coordinator, int id = 0) =>
        SispmpiAppFactory.PostFormAsync(client, $"/planos/{planId}/etapas/comissao?handler=Member", new Dictionary<string, string>
        {
            ["Member.Id"] = id.ToString(),
            ["Member.Name"] = name,
            ["Member.UnitId"] = unitId.ToString(),
            ["Member.Email"] = email,
            ["Member.IsCoordinator"] = coordinator ? "true" : "false",
        }, $"/planos/{planId}/etapas/comissao");

    /// <summary>Posts a file the way the upload form does (multipart, with the antiforgery token of the page).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int planId, string handler, string field, string fileName, byte[] content)
    {
        var formPage = $"/planos/{planId}/etapas/publicacao";
        var page = await SispmpiAppFactory.GetDocumentAsync(client, formPage);
        var token = page.QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), SispmpiAppFactory.AntiforgeryField },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        return await client.PostAsync($"{formPage}?handler={handler}", form);
    }

    // --- data ---

    private Task<int> NewPlanAsync() => app.WithDbAsync(async db =>
    {
        var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
        var plan = new IntegrityPlan
        {
            OrganizationId = seplag.Id, Title = $"Plano de Integridade de teste {Guid.NewGuid():N}"[..40], Edition = "2030–2032",
            Status = PlanStatus.NotStarted, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    private Task<int> UnitIdAsync(string acronym) =>
        app.WithDbAsync(db => db.AdministrativeUnits.Where(u => u.Acronym == acronym).Select(u => u.Id).SingleAsync());

    private Task<PlanStatus> PlanStatusAsync(int planId) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync());

    private Task<FormulationProgress> ProgressAsync(int planId) =>
        app.WithDbAsync(async db => FormulationProgressService.Evaluate((await new FormulationProgressService(db).SnapshotAsync(planId))!));

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());

    private static string Error(IDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent ?? throw new ShouldAssertException($"no error shown for {id}:\n{page.Body?.TextContent}");

    private static IElement Step(IDocument timeline, int number) => timeline.QuerySelector($"ol.sispmpi-steps > li[data-step='{number}']")!;

    private static byte[] Docx() => Sispmpi.Web.Tests.Execution.ExecutionTestData.Zip(("[Content_Types].xml", Sispmpi.Web.Tests.Execution.ExecutionTestData.WordTypes), ("word/document.xml", "<w:document/>"));

    private static byte[] Odt() => Sispmpi.Web.Tests.Execution.ExecutionTestData.Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));
}
