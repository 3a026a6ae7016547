using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Transparency;

/// <summary>
/// No personal data in the public area (SPEC §6): every page reached from the portal and every open-data file of the
/// demo network is scanned for e-mail addresses, CPF numbers and the names of the people in the database — and the
/// same crawl must find them once they are planted in a published plan.
/// </summary>
public sealed class PersonalDataTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Theory]
    [InlineData("Fale com joao.silva@exemplo.gov.br até sexta", "e-mail joao.silva@exemplo.gov.br")]
    [InlineData("<td>maria&#64;prefeitura.mg.gov.br</td>", "e-mail maria@prefeitura.mg.gov.br")]
    [InlineData("CPF do responsável: 529.982.247-25.", "CPF 52998224725")]
    [InlineData("<td>52998224725</td>", "CPF 52998224725")]
    [InlineData("servidor 111.444.777-35 lotado", "CPF 11144477735")]
    public void The_scanner_finds_planted_personal_data(string text, string expected) =>
        PersonalDataScanner.Find(text).ShouldContain(expected);

    [Theory]
    [InlineData("CNPJ 05461142000170, processo 1500.01.0012345/2025-11, orçamento R$ 15.000,00, 2025-03-01")]
    [InlineData("52998224726 não é CPF válido, nem 111.111.111-11")]
    [InlineData("Gestão de riscos @ SEPLAG")]
    public void The_scanner_ignores_what_is_not_personal_data(string text) =>
        PersonalDataScanner.Find(text).ShouldBeEmpty();

    [Fact]
    public async Task No_public_page_or_open_data_file_shows_an_email_a_cpf_or_a_persons_name()
    {
        var visits = await PublicCrawler.CrawlAsync(app.CreateAnonymousClient());

        var urls = visits.Select(v => v.Url).ToList();
        var published = await PublishedPlanIdsAsync();
        published.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var planId in published)
        {
            urls.ShouldContain($"/transparencia/planos/{planId}");
        }
        foreach (var file in new[] { "orgaos", "planos", "acoes" }.SelectMany(f => new[] { $"/dados-abertos/{f}.csv", $"/dados-abertos/{f}.json" }))
        {
            urls.ShouldContain(file);
        }
        visits.Where(v => v.Status != HttpStatusCode.OK).Select(v => $"{v.Url}: {(int)v.Status}").ShouldBeEmpty();

        var names = await PeopleNamesAsync();
        names.ShouldContain("Beatriz Comissão");
        var findings = visits.SelectMany(v => PersonalDataScanner.Find(v.Body)
                .Concat(names.Where(n => v.Body.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => "nome " + n))
                .Select(f => $"{v.Url}: {f}"))
            .ToList();
        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_crawl_finds_personal_data_planted_in_a_published_plan()
    {
        var (actionId, title) = await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.OrderBy(a => a.Id).FirstAsync(a => a.Plan!.Status == PlanStatus.Published);
            return (action.Id, action.Title);
        });
        var client = app.CreateAnonymousClient();
        await SetTitleAsync(actionId, "Ação a cargo de fulano.tal@demo.gov.br, CPF 529.982.247-25");
        try
        {
            (await Freshness.UntilAsync(client, "/dados-abertos/acoes.csv", "fulano.tal@demo.gov.br")).Dispose();
            var visits = await PublicCrawler.CrawlAsync(client);
            var findings = visits.SelectMany(v => PersonalDataScanner.Find(v.Body).Select(f => (v.Url, Finding: f))).ToList();
            findings.Select(f => f.Finding).Distinct().OrderBy(f => f).ShouldBe(["CPF 52998224725", "e-mail fulano.tal@demo.gov.br"]);
            // The portal's plan page and both action files carry the title.
            findings.Select(f => f.Url).ShouldContain("/dados-abertos/acoes.csv");
            findings.Select(f => f.Url).ShouldContain("/dados-abertos/acoes.json");
            findings.Select(f => f.Url).ShouldContain(u => u.StartsWith("/transparencia/planos/", StringComparison.Ordinal));
        }
        finally
        {
            await SetTitleAsync(actionId, title);
            (await Freshness.UntilAsync(() => client.GetAsync("/dados-abertos/acoes.csv"), (_, body) => !body.Contains("fulano.tal", StringComparison.Ordinal),
                "the title restored")).Dispose();
        }
    }

    private Task SetTitleAsync(int actionId, string title) => app.WithDbAsync(async db =>
    {
        var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
        action.Title = title;
        await db.SaveChangesAsync();
    });

    private Task<List<int>> PublishedPlanIdsAsync() =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Status == PlanStatus.Published).Select(p => p.Id).ToListAsync());

    /// <summary>Everyone the database names: accounts, commission members, meeting participants.</summary>
    private Task<List<string>> PeopleNamesAsync() => app.WithDbAsync(async db =>
    {
        var names = await db.Users.Select(u => u.FullName).ToListAsync();
        names.AddRange(await db.CommissionMembers.Select(m => m.Name).ToListAsync());
        names.AddRange(await db.MeetingParticipants.Select(m => m.Name).ToListAsync());
        return names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
    });
}
