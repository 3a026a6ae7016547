using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Documents;
using Sispmpi.Web.Tests.Infrastructure;
using Sispmpi.Web.Tests.Monitoring.Report;

namespace Sispmpi.Web.Tests.Administration;

/// <summary>
/// The "Histórico de alterações" as a report (issue 18, part 2, item 5): the PDF, XLSX and CSV hold exactly the entries
/// the page's filters select — by period, record type and number, and user — read back with pdftotext and the Open XML SDK.
/// </summary>
public sealed class HistoryReportTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Commission = "comissao@demo.gov.br";
    private const string Auditor = "auditor@demo.gov.br";

    /// <summary>A plan whose publication the commission saves through the page: history entries by "Beatriz Comissão".</summary>
    private async Task<(int PublicationId, string ActName)> PublicationChangedByTheCommissionAsync()
    {
        var planId = await app.WithDbAsync(async db =>
        {
            var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
            var plan = new IntegrityPlan
            {
                OrganizationId = seplag.Id, Title = $"Plano do histórico {Guid.NewGuid():N}"[..30], Edition = "2031–2033",
                Status = PlanStatus.NotStarted, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var actName = $"Ato{Guid.NewGuid():N}"[..11];
        var client = await app.LoginAsync(Commission);
        // Saved, then changed: an insertion and then one alteration per field changed.
        foreach (var (name, number) in new[] { ("Resolução provisória", "4/2031"), (actName, "5/2031") })
        {
            using var response = await SispmpiAppFactory.PostFormAsync(client, $"/planos/{planId}/etapas/publicacao", new Dictionary<string, string>
            {
                ["Input.ActName"] = name, ["Input.ActNumber"] = number, ["Input.HadLaunchEvent"] = "false",
                ["Input.LaunchEventJustification"] = "Sem evento.", ["Input.HasPublicWebPage"] = "false", ["Input.WebPageJustification"] = "Sem sítio.",
            });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var publicationId = await app.WithDbAsync(db => db.PlanPublications.Where(p => p.PlanId == planId).Select(p => p.Id).SingleAsync());
        return (publicationId, actName);
    }

    private Task<int> EntriesAsync(int publicationId) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "PlanPublication" && e.EntityId == publicationId.ToString()));

    [Fact]
    public async Task The_three_formats_hold_the_entries_of_the_filters_and_no_other()
    {
        var (publicationId, actName) = await PublicationChangedByTheCommissionAsync();
        var expected = await EntriesAsync(publicationId);
        expected.ShouldBeGreaterThan(2);
        var today = Today();
        var filters = $"entidade=PlanPublication&registro={publicationId}&usuario=Beatriz&de={today:yyyy-MM-dd}&ate={today:yyyy-MM-dd}";
        var auditor = await app.LoginAsync(Auditor);

        // The page offers the three files with its filters.
        var page = await SispmpiAppFactory.GetDocumentAsync(auditor, $"/historico?{filters}");
        var links = page.QuerySelectorAll("[data-history-report] a").Select(a => a.GetAttribute("href")!).ToList();
        links.Count.ShouldBe(3);
        links.ShouldAllBe(l => l.Contains($"registro={publicationId}") && l.Contains("entidade=PlanPublication") && l.Contains("usuario=Beatriz"));

        var pdfBytes = await DownloadAsync(auditor, $"/historico?handler=Pdf&{filters}", "application/pdf");
        using (var pdf = new PdfFile(pdfBytes, "historico"))
        {
            var text = pdf.FlatText();
            text.ShouldContain("Histórico de alterações");
            text.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
            text.ShouldContain($"Período: {today:dd/MM/yyyy} a {today:dd/MM/yyyy}");
            text.ShouldContain("Tipo de registro: Publicação do plano");
            text.ShouldContain($"Nº do registro: {publicationId}");
            text.ShouldContain("Usuário: Beatriz");
            text.ShouldContain($"{expected} registros");
            text.ShouldContain(actName);
            text.ShouldContain("Alteração");
            text.ShouldContain("Inclusão");
        }

        var workbook = ReportWorkbook.Read(await DownloadAsync(auditor, $"/historico?handler=Xlsx&{filters}",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        workbook.Header("Histórico").ShouldBe(["Data e hora", "Usuário", "Perfil", "Tipo de registro", "Nº do registro", "Operação", "Campo",
            "Valor anterior", "Novo valor", "Justificativa"]);
        workbook.Data("Histórico").Count.ShouldBe(expected);
        workbook.Column("Histórico", "Nº do registro").ShouldAllBe(n => n == publicationId.ToString());
        workbook.Column("Histórico", "Usuário").ShouldAllBe(u => u == "Beatriz Comissão");
        workbook.Column("Histórico", "Novo valor").ShouldContain(actName);

        var csv = Encoding.UTF8.GetString(await DownloadAsync(auditor, $"/historico?handler=Csv&{filters}", "text/csv"));
        csv.ShouldStartWith("\uFEFFData e hora;Usuário;Perfil;Tipo de registro;Nº do registro;Operação;Campo;Valor anterior;Novo valor;Justificativa\r\n");
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')).ToList();
        rows.Count.ShouldBe(expected);
        rows.ShouldAllBe(r => r[1] == "Beatriz Comissão" && r[3] == "Publicação do plano" && r[4] == publicationId.ToString());
        rows.ShouldContain(r => r[6] == "ActName" && r[7] == "Resolução provisória" && r[8] == actName);
        rows.ShouldAllBe(r => r[0].StartsWith(today.ToString("dd/MM/yyyy")));

        // Another user, or a period before today: none of these entries.
        var other = ReportWorkbook.Read(await DownloadAsync(auditor, $"/historico?handler=Xlsx&entidade=PlanPublication&registro={publicationId}&usuario=Cl%C3%A1udia",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        other.Data("Histórico").ShouldBeEmpty();
        var yesterday = today.AddDays(-1);
        var before = Encoding.UTF8.GetString(await DownloadAsync(auditor,
            $"/historico?handler=Csv&registro={publicationId}&entidade=PlanPublication&ate={yesterday:yyyy-MM-dd}", "text/csv"));
        before.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_reversed_period_is_refused_with_the_reason_and_another_organizations_history_is_not_reported()
    {
        var auditor = await app.LoginAsync(Auditor);
        foreach (var handler in new[] { "Pdf", "Xlsx", "Csv" })
        {
            using var response = await auditor.GetAsync($"/historico?handler={handler}&de=2030-05-10&ate=2030-05-01");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain("A data inicial deve ser anterior à data final.");
        }

        // An organization outside the auditor's network: no report of it, not even an empty one.
        var outsider = await app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym != "SEPLAG" && o.ParentId == null).Select(o => o.Id).FirstAsync());
        using var foreign = await auditor.GetAsync($"/historico?handler=Csv&organizacao={outsider}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).DateTime);

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string mediaType)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {await response.Content.ReadAsStringAsync()}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldStartWith("historico-de-alteracoes-");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
