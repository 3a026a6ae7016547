using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Formulation;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Formulation;

/// <summary>
/// Step 7's publication details (issue 18, part 2, item 6): the launch event's date or the reason for not holding one,
/// the web page's address or the reason for not having one, and the consolidated action-plan file, checked by content.
/// </summary>
public sealed class PublicationDetailsTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Commission = "comissao@demo.gov.br";

    private static string Url(int planId) => $"/planos/{planId}/etapas/publicacao";

    private static Dictionary<string, string> Act(params (string Key, string Value)[] answers)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.ActName"] = "Resolução SEPLAG", ["Input.ActNumber"] = "31/2030", ["Input.ActDate"] = "2030-04-02",
            ["Input.ActLink"] = "https://www.jornalminasgerais.mg.gov.br/",
        };
        foreach (var (key, value) in answers)
        {
            fields[$"Input.{key}"] = value;
        }
        return fields;
    }

    [Fact]
    public async Task The_launch_event_needs_its_date_or_a_justification_and_the_web_page_its_address_or_a_justification()
    {
        var planId = await NewPlanAsync();
        var client = await app.LoginAsync(Commission);

        // "Sim" without a date and "Não" without a reason: refused, with both messages, nothing saved.
        using (var response = await SispmpiAppFactory.PostFormAsync(client, Url(planId), Act(("HadLaunchEvent", "true"), ("HasPublicWebPage", "false"))))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldContain("Informe a data do evento de lançamento.");
            text.ShouldContain("Informe a justificativa de não disponibilizar o plano em sítio eletrônico.");
        }
        (await PublicationAsync(planId)).ShouldBeNull();

        using (var response = await SispmpiAppFactory.PostFormAsync(client, Url(planId), Act(("HadLaunchEvent", "false"), ("HasPublicWebPage", "true"),
            ("WebPageUrl", "não é endereço"))))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldContain("Informe a justificativa de não realizar evento de lançamento.");
            text.ShouldContain("http");
        }
        (await PublicationAsync(planId)).ShouldBeNull();

        // The event held, the plan on a web page.
        using (var response = await SispmpiAppFactory.PostFormAsync(client, Url(planId), Act(("HadLaunchEvent", "true"), ("LaunchEventDate", "2030-04-10"),
            ("LaunchEventJustification", "ignorada quando houve evento"), ("HasPublicWebPage", "true"), ("WebPageUrl", "https://www.seplag.mg.gov.br/integridade"))))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var saved = (await PublicationAsync(planId))!;
        saved.HadLaunchEvent.ShouldBeTrue();
        saved.LaunchEventDate.ShouldBe(new DateOnly(2030, 4, 10));
        saved.LaunchEventJustification.ShouldBeNull();
        saved.WebPageUrl.ShouldBe("https://www.seplag.mg.gov.br/integridade");
        saved.WebPageJustification.ShouldBeNull();
        var page = await SispmpiAppFactory.GetDocumentAsync(client, Url(planId));
        page.QuerySelector("[name='Input.LaunchEventDate']")!.GetAttribute("value").ShouldBe("2030-04-10");
        page.QuerySelector("[name='Input.WebPageUrl']")!.GetAttribute("value").ShouldBe("https://www.seplag.mg.gov.br/integridade");

        // Changed to "Não" for both: the reasons are kept, the date and address go.
        using (var response = await SispmpiAppFactory.PostFormAsync(client, Url(planId), Act(("HadLaunchEvent", "false"), ("LaunchEventDate", "2030-04-10"),
            ("LaunchEventJustification", "Evento cancelado por contenção de despesas."), ("HasPublicWebPage", "false"),
            ("WebPageJustification", "O sítio do órgão está em reformulação."))))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        saved = (await PublicationAsync(planId))!;
        saved.HadLaunchEvent.ShouldBeFalse();
        saved.LaunchEventDate.ShouldBeNull();
        saved.LaunchEventJustification.ShouldBe("Evento cancelado por contenção de despesas.");
        saved.HasPublicWebPage.ShouldBeFalse();
        saved.WebPageUrl.ShouldBeNull();
        saved.WebPageJustification.ShouldBe("O sítio do órgão está em reformulação.");
        page = await SispmpiAppFactory.GetDocumentAsync(client, Url(planId));
        page.QuerySelector("[name='Input.LaunchEventJustification']")!.TextContent.ShouldBe("Evento cancelado por contenção de despesas.");
        page.QuerySelector("[name='Input.WebPageJustification']")!.TextContent.ShouldBe("O sítio do órgão está em reformulação.");
    }

    [Fact]
    public async Task The_consolidated_action_plan_is_a_pdf_or_spreadsheet_checked_by_content_and_downloads_with_its_name()
    {
        var planId = await NewPlanAsync();
        var client = await app.LoginAsync(Commission);

        // A text file named .pdf, a Word document and a program: refused, nothing stored.
        foreach (var (name, content, message) in new (string, byte[], string)[]
        {
            ("plano-de-acao.pdf", "apenas texto, não PDF"u8.ToArray(), "O conteúdo do arquivo não corresponde a um arquivo PDF."),
            ("plano-de-acao.docx", ExecutionTestData.Docx, "Formato não aceito para o plano de ação"),
            ("plano-de-acao.xlsx", ExecutionTestData.WindowsExecutable, "programa executável"),
        })
        {
            using var response = await UploadAsync(client, planId, name, content);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, name);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector("[data-file='plano-de-acao']")!.TextContent.ShouldContain(message);
        }
        (await PublicationAsync(planId))?.ActionPlanKey.ShouldBeNull();

        using (var response = await UploadAsync(client, planId, "Plano de ação 2030.xlsx", ExecutionTestData.Xlsx))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var saved = (await PublicationAsync(planId))!;
        saved.ActionPlanName.ShouldBe("Plano de ação 2030.xlsx");
        saved.ActionPlanKey.ShouldNotBeNull();

        var slot = (await SispmpiAppFactory.GetDocumentAsync(client, Url(planId))).QuerySelector("[data-file='plano-de-acao']")!;
        var link = slot.QuerySelector("a")!;
        link.TextContent.ShouldBe("Plano de ação 2030.xlsx");
        using var download = await client.GetAsync(link.GetAttribute("href"));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(ExecutionTestData.Xlsx);

        // Replaced by a PDF: the new file and name are served.
        using (var response = await UploadAsync(client, planId, "plano-de-acao-final.pdf", ExecutionTestData.Pdf))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var replaced = (await PublicationAsync(planId))!;
        replaced.ActionPlanName.ShouldBe("plano-de-acao-final.pdf");
        replaced.ActionPlanKey.ShouldNotBe(saved.ActionPlanKey);
        using var second = await client.GetAsync($"{Url(planId)}?handler=File&arquivo=plano-de-acao");
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await second.Content.ReadAsByteArrayAsync()).ShouldBe(ExecutionTestData.Pdf);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int planId, string fileName, byte[] content) =>
        SispmpiAppFactory.PostMultipartAsync(client, $"{Url(planId)}?handler=UploadActionPlan", new Dictionary<string, string>(), "actionPlan",
            fileName, content, formPage: Url(planId));

    private Task<PlanPublication?> PublicationAsync(int planId) =>
        app.WithDbAsync(db => db.PlanPublications.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId));

    private Task<int> NewPlanAsync() => app.WithDbAsync(async db =>
    {
        var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
        var plan = new IntegrityPlan
        {
            OrganizationId = seplag.Id, Title = $"Plano de publicação {Guid.NewGuid():N}"[..32], Edition = "2030–2032",
            Status = PlanStatus.NotStarted, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });
}
