using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Oversight;

/// <summary>
/// "Informações da rede" (issue 18, part 2, item 7): the network's own yearly budget and headcount, entered by the central
/// administrator, become the denominator of the panel's coverage percentages; without them the panel divides by the
/// organizations' own sum, as before.
/// </summary>
public sealed class NetworkReferenceTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Admin = "admin@demo.gov.br";
    private const string Url = "/painel/informacoes-da-rede";

    private static int ThisYear => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).Year;

    private static (decimal Value, decimal Covered, decimal Total) Figure(AngleSharp.Dom.IDocument page, string name)
    {
        var figure = page.QuerySelector($"[data-figure='{name}']")!;
        decimal Read(string attribute) => decimal.Parse(figure.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
        return (figure.GetAttribute("data-value") is { Length: > 0 } ? Read("data-value") : -1, Read("data-covered"), Read("data-total"));
    }

    [Fact]
    public async Task The_networks_own_totals_replace_the_sum_of_the_organizations_as_the_coverage_denominator()
    {
        var client = await app.LoginAsync(Admin);
        var before = await SispmpiAppFactory.GetDocumentAsync(client, "/painel");
        before.QuerySelector("[data-coverage-basis]")!.TextContent.ShouldContain("ainda não foi informado");
        var (_, coveredBudget, sumBudget) = Figure(before, "cobertura-orcamento");
        var (_, coveredHeadcount, sumHeadcount) = Figure(before, "cobertura-servidores");
        coveredBudget.ShouldBeGreaterThan(0m);
        // The sum of the demo organizations' latest budgets, computed here from the table.
        var latest = await app.WithDbAsync(async db => (await db.OrganizationYearFigures.ToListAsync())
            .GroupBy(f => f.OrganizationId).Select(g => g.MaxBy(f => f.Year)!).ToList());
        sumBudget.ShouldBe(latest.Sum(f => f.Budget));

        // A year ahead alone is not used: the reference is this year's, or the latest before it.
        await SaveAsync(client, ThisYear + 1, "99000000000", "900000");
        Figure(await SispmpiAppFactory.GetDocumentAsync(client, "/painel"), "cobertura-orcamento").Total.ShouldBe(sumBudget);

        await SaveAsync(client, ThisYear - 1, "70000000000", "500000");
        var lastYear = await SispmpiAppFactory.GetDocumentAsync(client, "/painel");
        Figure(lastYear, "cobertura-orcamento").Total.ShouldBe(70_000_000_000m);
        lastYear.QuerySelector("[data-coverage-basis]")!.TextContent.ShouldContain($"informado pelo órgão central para {ThisYear - 1}");

        await SaveAsync(client, ThisYear, "80000000000", "600000");
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/painel");
        var budget = Figure(page, "cobertura-orcamento");
        budget.Total.ShouldBe(80_000_000_000m);
        budget.Covered.ShouldBe(coveredBudget);
        ((double)budget.Value).ShouldBe((double)(coveredBudget / 80_000_000_000m), 1e-6);
        var headcount = Figure(page, "cobertura-servidores");
        headcount.Total.ShouldBe(600_000m);
        headcount.Covered.ShouldBe(coveredHeadcount);
        ((double)headcount.Value).ShouldBe((double)coveredHeadcount / 600_000d, 1e-6);
        page.QuerySelector("[data-coverage-basis]")!.TextContent.ShouldContain($"informado pelo órgão central para {ThisYear}");

        // Saving the same year again replaces it; the page lists each year once.
        await SaveAsync(client, ThisYear, "85000000000", "610000");
        var list = await SispmpiAppFactory.GetDocumentAsync(client, Url);
        list.QuerySelectorAll($"[data-network-figures] tr[data-year='{ThisYear}']").Length.ShouldBe(1);
        list.QuerySelector($"tr[data-year='{ThisYear}']")!.TextContent.ShouldContain("R$ 85.000.000.000,00");
        Figure(await SispmpiAppFactory.GetDocumentAsync(client, "/painel"), "cobertura-servidores").Total.ShouldBe(610_000m);

        // Deleted, the panel goes back to last year's reference, and without any to the organizations' own sum.
        foreach (var year in new[] { ThisYear, ThisYear - 1, ThisYear + 1 })
        {
            using var deleted = await SispmpiAppFactory.PostFormAsync(client, $"{Url}?handler=Delete&ano={year}", new Dictionary<string, string>(), Url);
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            if (year == ThisYear)
            {
                Figure(await SispmpiAppFactory.GetDocumentAsync(client, "/painel"), "cobertura-orcamento").Total.ShouldBe(70_000_000_000m);
            }
        }
        var after = await SispmpiAppFactory.GetDocumentAsync(client, "/painel");
        Figure(after, "cobertura-orcamento").Total.ShouldBe(sumBudget);
        Figure(after, "cobertura-servidores").Total.ShouldBe(sumHeadcount);
        (await app.WithDbAsync(db => db.NetworkYearFigures.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_figures_are_refused_with_the_reason_and_only_the_central_administrator_reaches_the_page()
    {
        var client = await app.LoginAsync(Admin);
        using (var response = await SispmpiAppFactory.PostFormAsync(client, Url, new Dictionary<string, string>
        {
            ["Input.Year"] = "1999", ["Input.Budget"] = "0", ["Input.Headcount"] = "",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldContain("Informe um ano entre 2000 e 2100.");
            text.ShouldContain("O orçamento da rede deve ser maior que zero.");
            text.ShouldContain("Informe o quantitativo de pessoal da rede.");
        }
        (await app.WithDbAsync(db => db.NetworkYearFigures.CountAsync(f => f.Year == 1999))).ShouldBe(0);

        var auditor = await app.LoginAsync("auditor@demo.gov.br");
        using var forbidden = await auditor.GetAsync(Url);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task SaveAsync(HttpClient client, int year, string budget, string headcount)
    {
        using var response = await SispmpiAppFactory.PostFormAsync(client, Url, new Dictionary<string, string>
        {
            ["Input.Year"] = year.ToString(CultureInfo.InvariantCulture), ["Input.Budget"] = budget, ["Input.Headcount"] = headcount,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }
}
