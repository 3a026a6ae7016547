using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Tests.Documents;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// The Execução module's PDFs (issue 18, part 2, item 4): one action's execution, and the action list with the page's
/// current filters, read back with pdftotext.
/// </summary>
public sealed class ExecutionPdfTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private static async Task<string> PdfTextAsync(HttpClient client, string url, string name)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {await response.Content.ReadAsStringAsync()}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var pdf = new PdfFile(await response.Content.ReadAsByteArrayAsync(), name);
        return pdf.FlatText();
    }

    [Fact]
    public async Task The_action_pdf_has_its_plan_responsibility_execution_and_evidence()
    {
        var actionId = await app.CreateActionAsync("Ação do PDF", a =>
        {
            a.Description = "Revisar o código de conduta com as unidades.";
            a.StartedOn = Today.AddDays(-20);
            a.ExecutionNotes = "Minuta do código enviada às unidades para comentários.";
            a.LimitingFactors = ["Falta de pessoal"];
            a.BudgetSpent = 2_500m;
            a.LastUpdateAt = DateTimeOffset.UtcNow;
        });
        var action = await app.ActionAsync(actionId);
        var commissionId = await app.UserIdAsync(Commission);
        await app.WithDbAsync(async db =>
        {
            db.ActionParticipants.Add(new ActionParticipant { OrganizationId = action.OrganizationId, ActionId = actionId, UserId = commissionId });
            db.ActionEvidence.Add(new ActionEvidence
            {
                OrganizationId = action.OrganizationId, ActionId = actionId, Kind = EvidenceKind.Link, Description = "Minuta publicada para consulta",
                Url = "https://www.demo.gov.br/minuta-codigo", AddedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var client = await app.LoginAsync(Commission);
        var record = await SispmpiAppFactory.GetDocumentAsync(client, $"/acoes/{actionId}/execucao");
        var link = record.QuerySelector("[data-action-pdf]")!.GetAttribute("href")!;
        link.ShouldBe($"/acoes/{actionId}/execucao.pdf");

        var text = await PdfTextAsync(client, link, "execucao-da-acao");
        text.ShouldContain("Execução da ação");
        text.ShouldContain($"Ação {action.Number} — {action.Title}");
        text.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        text.ShouldContain(DemoPlanTitle);
        text.ShouldContain("Revisar o código de conduta com as unidades.");
        text.ShouldContain("Responsável Eduardo Executor");
        text.ShouldContain("Servidores envolvidos Beatriz Comissão");
        text.ShouldContain("Situação Em andamento");
        text.ShouldContain($"Início {Today.AddDays(-20):dd/MM/yyyy}");
        text.ShouldContain("Minuta do código enviada às unidades para comentários.");
        text.ShouldContain("Falta de pessoal");
        text.ShouldContain("R$ 2.500,00");
        text.ShouldContain("Minuta publicada para consulta");
        text.ShouldContain("https://www.demo.gov.br/minuta-codigo");
        text.ShouldContain("Página 1 de");

        // Someone of another organization: not found, like the action's page.
        var outsider = await app.CreateUserAsync("PMOP", "Pessoa da prefeitura", Sispmpi.Core.Identity.Profile.IntegrityCommission);
        using var foreign = await (await app.LoginAsync(outsider)).GetAsync(link);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_pdf_holds_the_actions_of_the_current_filters_and_states_them()
    {
        var tag = $"Lista{Guid.NewGuid():N}"[..12];
        var concluded = await app.CreateActionAsync($"{tag} concluída", a =>
        {
            a.StartedOn = Today.AddDays(-40);
            a.ConcludedOn = Today.AddDays(-2);
            a.LastUpdateAt = DateTimeOffset.UtcNow;
        });
        var notStarted = await app.CreateActionAsync($"{tag} não iniciada");
        var client = await app.LoginAsync(Commission);

        // The page's link carries its filters.
        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/execucao?escopo=todas&busca={tag}&situacao=Concluded");
        var link = page.QuerySelector("[data-list-pdf]")!.GetAttribute("href")!;
        link.ShouldContain("handler=Pdf");
        link.ShouldContain($"busca={tag}");
        link.ShouldContain("situacao=Concluded");

        var text = await PdfTextAsync(client, link, "lista-concluidas");
        text.ShouldContain("Execução das ações");
        text.ShouldContain($"Busca: {tag}");
        text.ShouldContain("Situação: Concluída");
        text.ShouldContain("1 ação");
        text.ShouldNotContain(NotTheExecutors[0]);

        // Without the status filter both are there, and nothing else of the plan. Titles wrap inside the table's
        // column, so each row is counted by the tag that starts its title (the filter lines name it too, equally).
        var both = await PdfTextAsync(client, $"/execucao?handler=Pdf&escopo=todas&busca={tag}", "lista-ambas");
        both.ShouldContain("2 ações");
        (PdfTestTools.Occurrences(both, tag) - PdfTestTools.Occurrences(text, tag)).ShouldBe(1);
        both.ShouldNotContain(ActionWithEvidence);
        var numbers = await app.WithDbAsync(db => db.PlanActions.Where(a => a.Id == concluded || a.Id == notStarted).ToDictionaryAsync(a => a.Id, a => a.Number));
        text.ShouldContain($" {numbers[concluded]} {tag}");
        text.ShouldNotContain($" {numbers[notStarted]} {tag}");
        both.ShouldContain($" {numbers[notStarted]} {tag}");

        // A filter the page does not know is refused with the reason.
        using var refused = await client.GetAsync("/execucao?handler=Pdf&situacao=Qualquer");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Não foi possível gerar a lista de ações em PDF.");
    }

    [Fact]
    public async Task The_action_pdf_lists_servants_without_account_with_masp_and_cargo_as_the_responsibility_tab_does()
    {
        var actionId = await app.CreateActionAsync("Ação com servidores sem conta");
        var action = await app.ActionAsync(actionId);
        var executorId = await app.UserIdAsync(Executor);
        await app.WithDbAsync(async db =>
        {
            var responsible = new Sispmpi.Web.Features.Users.Servants.Servant
            {
                OrganizationId = action.OrganizationId, Name = "Rita Sem Conta", Registration = "1122334", Position = "Analista de planejamento",
            };
            var involved = new Sispmpi.Web.Features.Users.Servants.Servant { OrganizationId = action.OrganizationId, Name = "Otávio Sem Conta", Position = "Assessor" };
            db.Servants.AddRange(responsible, involved);
            await db.SaveChangesAsync();
            var tracked = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            tracked.ResponsibleUserId = null;
            tracked.ResponsibleServantId = responsible.Id;
            db.ActionServants.Add(new Sispmpi.Web.Features.Users.Servants.ActionServant { OrganizationId = action.OrganizationId, ActionId = actionId, ServantId = involved.Id });
            db.ActionParticipants.Add(new ActionParticipant { OrganizationId = action.OrganizationId, ActionId = actionId, UserId = executorId });
            await db.SaveChangesAsync();
        });
        var executor = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == executorId));

        var client = await app.LoginAsync(Commission);
        var text = await PdfTextAsync(client, $"/acoes/{actionId}/execucao.pdf", "execucao-servidores");
        text.ShouldContain("Responsável Rita Sem Conta (MASP 1122334, Analista de planejamento)");
        text.ShouldContain("Otávio Sem Conta (Assessor)");
        text.ShouldContain(Sispmpi.Web.Features.Users.Servants.Staff.Describe(executor.FullName, executor.Registration, executor.Position));
        text.ShouldNotContain("Servidores envolvidos Nenhum");
    }
}
