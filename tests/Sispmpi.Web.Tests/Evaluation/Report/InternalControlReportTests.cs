using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Tests.Documents;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Evaluation.Report.EvaluationTestData;

namespace Sispmpi.Web.Tests.Evaluation.Report;

/// <summary>
/// The internal-control report of a plan and a year, downloaded as a user would and read back with pdftotext: the
/// recommendations of internal control with their answers (or "Sem resposta"), the activity log of the year with its
/// total hours, the update requests, the indicators; its electronic signature, one document per plan and year.
/// Each test uses a plan of its own and a year of its own, so the activities of one never appear in another.
/// </summary>
public sealed class InternalControlReportTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Pdf = "application/pdf";

    private static string PageUrl(int planId, int? year = null) => $"/avaliacao/planos/{planId}/relatorio" + (year is null ? "" : $"?ano={year}");

    private static string PdfUrl(int planId, int? year = null) => $"/avaliacao/planos/{planId}/relatorio.pdf" + (year is null ? "" : $"?ano={year}");

    /// <summary>A plan with internal control's recommendations, update requests and activities around <see cref="Year"/>.</summary>
    private sealed record Fixture(int PlanId, string PlanTitle, int Year, string ActionTitle, string SubActionTitle,
        string AnsweredText, string Answer, string UnansweredText, string GeneralAnsweredText, string GeneralAnswer, string GeneralUnansweredText,
        string CarriedOverText, string ClosedBeforeText, string CommitteeText, string LaterText,
        string DeniedJustification, string Decision, string PendingJustification, string OldJustification,
        string[] Activities, string OtherYearActivity);

    private async Task<Fixture> CreateFixtureAsync(int year, PlanStatus status = PlanStatus.Obsolete)
    {
        var f = new Fixture(0, Unique("Plano do relatório do controle interno"), year, Unique("Ação com recomendação"), Unique("Ação do subeixo"),
            Unique("Formalizar a matriz de riscos da ação"), Unique("Matriz formalizada em portaria"), Unique("Publicar o cronograma revisto"),
            Unique("Designar substituto do coordenador"), Unique("Substituto designado"), Unique("Rever a metodologia de monitoramento"),
            Unique("Recomendação do ano anterior respondida neste ano"), Unique("Recomendação encerrada antes do ano"),
            Unique("Recomendação do comitê de monitoramento"), Unique("Recomendação do ano seguinte"),
            Unique("Incluir ações de compras"), Unique("Negada por falta de fundamentação"), Unique("Abrir nova edição do plano"),
            Unique("Solicitação antiga"),
            [Unique("Palestra de ética"), Unique("Oficina de riscos"), Unique("Curso de integridade")],
            Unique("Atividade do ano anterior"));
        var planId = await app.WithDbAsync(async db =>
        {
            var (plan, axes) = await CreatePlanAsync(db, f.PlanTitle, status, new DateOnly(year, 1, 1), ("1", null), ("1.1", "1"));
            var action = Action(plan, axes["1"], "1.1", f.ActionTitle, ActionClassification.OneOff, new DateOnly(year, 12, 20),
                new DateOnly(year, 1, 15), planned: 1000m, spent: 400m);
            var sub = Action(plan, axes["1.1"], "1.1.1", f.SubActionTitle, ActionClassification.OneOff, new DateOnly(year, 6, 30),
                new DateOnly(year, 1, 15), new DateOnly(year, 6, 1), planned: 500m, spent: 500m);
            db.PlanActions.AddRange(action, sub);
            await db.SaveChangesAsync();
            db.Recommendations.AddRange(
                Recommend(plan, action, f.AnsweredText, Noon(year, 3, 10), deadline: new DateOnly(year, 6, 30), answer: f.Answer, answeredAt: Noon(year, 4, 2)),
                Recommend(plan, sub, f.UnansweredText, Noon(year, 5, 15)),
                Recommend(plan, null, f.GeneralAnsweredText, Noon(year, 7, 1), answer: f.GeneralAnswer, answeredAt: Noon(year, 7, 20)),
                Recommend(plan, null, f.GeneralUnansweredText, Noon(year, 9, 9), deadline: new DateOnly(year, 12, 1)),
                Recommend(plan, null, f.CarriedOverText, Noon(year - 1, 11, 1), answer: "Resposta de janeiro", answeredAt: Noon(year, 1, 15)),
                Recommend(plan, null, f.ClosedBeforeText, Noon(year - 1, 2, 1), answer: "Resposta antiga", answeredAt: Noon(year - 1, 3, 1)),
                Recommend(plan, action, f.CommitteeText, Noon(year, 4, 4), RecommendationSource.MonitoringCommittee),
                Recommend(plan, null, f.LaterText, Noon(year + 1, 2, 2)));
            db.UpdateRequests.AddRange(
                new UpdateRequest
                {
                    OrganizationId = plan.OrganizationId, PlanId = plan.Id, Kind = UpdateKind.NewVersion, Justification = f.DeniedJustification,
                    RequestedAt = Noon(year, 6, 1), Status = UpdateRequestStatus.Denied, Decision = f.Decision, DecidedAt = Noon(year, 6, 10),
                },
                new UpdateRequest
                {
                    OrganizationId = plan.OrganizationId, PlanId = plan.Id, Kind = UpdateKind.NewEdition, Justification = f.PendingJustification,
                    RequestedAt = Noon(year, 10, 1),
                },
                new UpdateRequest
                {
                    OrganizationId = plan.OrganizationId, PlanId = plan.Id, Kind = UpdateKind.NewVersion, Justification = f.OldJustification,
                    RequestedAt = Noon(year - 2, 6, 1), Status = UpdateRequestStatus.Authorized, Decision = "Autorizada", DecidedAt = Noon(year - 2, 6, 5),
                });
            await db.SaveChangesAsync();
            return plan.Id;
        });
        await app.AddActivityAsync("SEPLAG", new DateOnly(year, 2, 5), f.Activities[0], 2.5m, "Para 40 gestores.");
        await app.AddActivityAsync("SEPLAG", new DateOnly(year, 6, 18), f.Activities[1], 1.75m);
        await app.AddActivityAsync("SEPLAG", new DateOnly(year, 11, 30), f.Activities[2], 3.5m);
        await app.AddActivityAsync("SEPLAG", new DateOnly(year - 1, 12, 31), f.OtherYearActivity, 4m);
        return f with { PlanId = planId };
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {await response.Content.ReadAsStringAsync()}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Pdf);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldStartWith("relatorio-do-controle-interno-plano-de-integridade-");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string url, string name)
    {
        using var pdf = new PdfFile(await DownloadAsync(client, url), name);
        return pdf.FlatText();
    }

    private static Task<HttpResponseMessage> SignAsync(HttpClient client, int planId, int year, string password) =>
        SispmpiAppFactory.PostFormAsync(client, PageUrl(planId, year), new Dictionary<string, string> { ["Password"] = password, ["ano"] = $"{year}" });

    [Fact]
    public async Task The_pdf_has_the_recommendations_their_answers_the_activity_log_with_its_total_hours_and_the_update_requests()
    {
        var f = await CreateFixtureAsync(2024);
        var client = await app.LoginAsync(Auditor);

        var text = await PdfTextAsync(client, PdfUrl(f.PlanId, 2024), "relatorio-controle-interno");

        // Title page.
        text.ShouldContain("Relatório do controle interno");
        text.ShouldContain(f.PlanTitle);
        text.ShouldContain(Organization);
        text.ShouldContain("Ano de referência: 2024 (01/01/2024 a 31/12/2024)");
        text.ShouldContain($"Data de emissão: {Br(Today)}");

        // Recommendations of internal control, per action and general, with date, deadline and answer.
        text.ShouldContain($"Ação 1.1 — {f.ActionTitle}");
        text.ShouldContain($"10/03/2024: {f.AnsweredText}. Prazo: 30/06/2024. Resposta em 02/04/2024: {f.Answer}.");
        text.ShouldContain($"Ação 1.1.1 — {f.SubActionTitle}");
        text.ShouldContain($"15/05/2024: {f.UnansweredText}. Sem prazo definido. Sem resposta.");
        text.ShouldContain("Recomendações gerais sobre o plano");
        text.ShouldContain($"01/07/2024: {f.GeneralAnsweredText}. Sem prazo definido. Resposta em 20/07/2024: {f.GeneralAnswer}.");
        text.ShouldContain($"09/09/2024: {f.GeneralUnansweredText}. Prazo: 01/12/2024. Sem resposta.");
        text.ShouldContain($"01/11/2023: {f.CarriedOverText}.");
        text.ShouldNotContain(f.ClosedBeforeText);
        text.ShouldNotContain(f.CommitteeText);
        text.ShouldNotContain(f.LaterText);
        text.ShouldContain("5 (2 sem resposta)");

        // The activity log of the year with its total, in Brazilian format: 2,5 + 1,75 + 3,5 = 7,75.
        foreach (var activity in f.Activities)
        {
            text.ShouldContain(activity);
        }
        text.ShouldNotContain(f.OtherYearActivity);
        text.ShouldContain("Para 40 gestores.");
        text.ShouldContain("Total de horas dedicadas em 2024: 7,75 horas, em 3 atividades.");
        text.ShouldContain("Total do ano 7,75");
        text.ShouldContain("05/02/2024");

        // Update requests and their decisions.
        text.ShouldContain($"01/06/2024 — Nova versão: {f.DeniedJustification}. Situação: negada em 10/06/2024. Decisão: {f.Decision}.");
        text.ShouldContain($"01/10/2024 — Nova edição: {f.PendingJustification}. Situação: aguardando a decisão do controle interno.");
        text.ShouldNotContain(f.OldJustification);

        // Indicators: 1 of 2 concluded (on time); budget 900 of 1,500 = 60%.
        text.ShouldContain("Indicadores de efetividade");
        text.ShouldContain("Concluídas no prazo 100% (1 de 1 concluídas)");
        text.ShouldContain("Execução do plano (% concluídas) 50%");
        text.ShouldContain("(60% do previsto)");
        text.ShouldContain("Eixo 1 — Eixo de teste 1");
        text.ShouldContain("Página 1 de");
    }

    [Fact]
    public async Task The_page_offers_the_years_with_the_current_one_by_default_and_the_demo_report_has_internal_controls_recommendations()
    {
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id).SingleAsync());
        var client = await app.LoginAsync(Auditor);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, PageUrl(planId));
        page.QuerySelector("#ano option[selected]")!.GetAttribute("value").ShouldBe($"{Today.Year}");
        var download = page.QuerySelector("a[data-download]")!;
        download.TextContent.Trim().ShouldBe("Baixar PDF");
        download.GetAttribute("href").ShouldBe(PdfUrl(planId, Today.Year));
        var sign = page.QuerySelector("form[data-sign-form]")!;
        sign.QuerySelector("input[type=password][name=Password]").ShouldNotBeNull();
        sign.QuerySelector("button[type=submit]")!.TextContent.Trim().ShouldBe("Assinar");

        var text = await PdfTextAsync(client, PdfUrl(planId), "relatorio-controle-interno-demo");
        text.ShouldContain("Apresentar trimestralmente à alta administração o relatório de monitoramento. Sem prazo definido. Sem resposta.");
        text.ShouldContain($"Ano de referência: {Today.Year}");
        text.ShouldNotContain("Priorizar as diretorias regionais", Case.Sensitive, "recommendations of the monitoring committee are not internal control's");
    }

    [Fact]
    public async Task Signing_needs_the_password_freezes_that_years_report_and_the_download_serves_the_signed_file()
    {
        const int year = 2022;
        var f = await CreateFixtureAsync(year);
        var auditor = await app.LoginAsync(Auditor);

        using (var wrong = await SignAsync(auditor, f.PlanId, year, "senha-errada"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await wrong.Content.ReadAsStringAsync());
            page.QuerySelector("#Password-error")!.TextContent.Trim().ShouldBe("Senha incorreta. A assinatura exige a sua senha de acesso ao sistema.");
        }
        (await app.WithDbAsync(db => db.SignedDocuments.CountAsync(d => d.Kind == DocumentKind.InternalControlReport))).ShouldBe(0);

        using (var signed = await SignAsync(auditor, f.PlanId, year, SispmpiAppFactory.DemoPassword))
        {
            signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            signed.Headers.Location!.OriginalString.ShouldBe(PageUrl(f.PlanId, year));
        }
        var document = await app.WithDbAsync(db => db.SignedDocuments.AsNoTracking().Include(d => d.Signatures)
            .SingleAsync(d => d.Kind == DocumentKind.InternalControlReport));
        document.SubjectId.ShouldBe(year * 1_000_000 + f.PlanId);
        document.Title.ShouldBe($"Relatório do controle interno {year} — {f.PlanTitle}");
        document.FileName.ShouldEndWith($"-{year}-assinado.pdf");
        document.Signatures.Single().Name.ShouldNotBeNullOrWhiteSpace();

        var after = await SispmpiAppFactory.GetDocumentAsync(auditor, PageUrl(f.PlanId, year));
        after.QuerySelector("#situacao-assinatura")!.TextContent.ShouldContain(document.VerificationCode);
        after.QuerySelector("a[data-download]")!.TextContent.Trim().ShouldBe("Baixar PDF assinado");
        after.Body!.TextContent.ShouldContain($"Você já assinou o relatório de {year}.");

        // The download is the signed file as stored; an activity added afterwards does not change it.
        await app.AddActivityAsync("SEPLAG", new DateOnly(year, 12, 1), "Atividade registrada depois da assinatura", 1m);
        var bytes = await DownloadAsync(auditor, PdfUrl(f.PlanId, year));
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(document.SignedSha256);
        using (var pdf = new PdfFile(bytes, "relatorio-controle-interno-assinado"))
        {
            var text = pdf.FlatText();
            text.ShouldContain("Documento assinado eletronicamente por");
            text.ShouldContain(document.VerificationCode);
            text.ShouldContain("Total de horas dedicadas em 2022: 7,75 horas, em 3 atividades.");
            text.ShouldNotContain("Atividade registrada depois da assinatura");
        }

        // The head signs the same frozen content; the other years are still unsigned.
        var head = await app.LoginAsync(Head);
        (await SignAsync(head, f.PlanId, year, SispmpiAppFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var twice = await app.WithDbAsync(db => db.SignedDocuments.AsNoTracking().Include(d => d.Signatures).SingleAsync(d => d.Id == document.Id));
        twice.Signatures.Count.ShouldBe(2);
        twice.ContentSha256.ShouldBe(document.ContentSha256);
        var other = await SispmpiAppFactory.GetDocumentAsync(auditor, PageUrl(f.PlanId, year + 1));
        other.QuerySelector("#situacao-assinatura")!.TextContent.ShouldContain($"O relatório de {year + 1} ainda não foi assinado");
        var fresh = await PdfTextAsync(auditor, PdfUrl(f.PlanId, year + 1), "relatorio-controle-interno-outro-ano");
        fresh.ShouldNotContain("Documento assinado eletronicamente");
        fresh.ShouldContain(f.LaterText);
    }

    [Fact]
    public async Task A_plan_not_yet_published_cannot_be_signed()
    {
        var f = await CreateFixtureAsync(2021, PlanStatus.InPreparation);
        var client = await app.LoginAsync(Auditor);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, PageUrl(f.PlanId, 2021));
        page.QuerySelector("#relatorio-nao-pronto")!.TextContent.ShouldContain("só pode ser assinado depois da publicação do plano");
        page.QuerySelector("form[data-sign-form]").ShouldBeNull();
        using var response = await SispmpiAppFactory.PostFormAsync(client, PageUrl(f.PlanId, 2021),
            new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword, ["ano"] = "2021" }, "/conta");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("O relatório do controle interno só pode ser assinado depois da publicação do plano.");
        (await app.WithDbAsync(db => db.SignedDocuments.AnyAsync(d => d.SubjectId == 2021 * 1_000_000 + f.PlanId))).ShouldBeFalse();
        // It can still be read.
        (await PdfTextAsync(client, PdfUrl(f.PlanId, 2021), "relatorio-em-elaboracao")).ShouldContain(f.AnsweredText);
    }

    [Fact]
    public async Task A_year_out_of_range_or_unreadable_is_refused_in_portuguese()
    {
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id).SingleAsync());
        var client = await app.LoginAsync(Auditor);
        var message = $"Escolha um ano de 2000 a {Today.Year}.";

        foreach (var year in new[] { "1999", $"{Today.Year + 1}", "abc" })
        {
            using var response = await client.GetAsync($"/avaliacao/planos/{planId}/relatorio.pdf?ano={year}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, year);
            (await response.Content.ReadAsStringAsync()).ShouldContain(message);

            var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/avaliacao/planos/{planId}/relatorio?ano={year}");
            page.QuerySelector("#ano-error")!.TextContent.Trim().ShouldBe(message);
            page.QuerySelector("#ano option[selected]")!.GetAttribute("value").ShouldBe($"{Today.Year}");
        }
    }

    [Fact]
    public async Task Profiles_outside_evaluation_are_forbidden_and_another_organization_gets_not_found()
    {
        var f = await CreateFixtureAsync(2019);
        foreach (var email in new[] { Executor, Observer })
        {
            var client = await app.LoginAsync(email);
            (await client.GetAsync(PageUrl(f.PlanId, 2019))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
            (await client.GetAsync(PdfUrl(f.PlanId, 2019))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
            (await SispmpiAppFactory.PostFormAsync(client, PageUrl(f.PlanId, 2019),
                new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword }, "/conta")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var outsider = await app.LoginAsync(await app.CreateUserAsync("PMOP", Profile.InternalControl));
        foreach (var url in new[] { PageUrl(f.PlanId, 2019), PdfUrl(f.PlanId, 2019), PdfUrl(f.PlanId, 1999) })
        {
            using var response = await outsider.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(f.PlanTitle);
        }
        (await SispmpiAppFactory.PostFormAsync(outsider, PageUrl(f.PlanId, 2019),
            new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword }, "/conta")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.SignedDocuments.AnyAsync(d => d.SubjectId == 2019 * 1_000_000 + f.PlanId))).ShouldBeFalse();
    }
}
