using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Features.Transparency;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Transparency;

/// <summary>
/// The transparency portal (SPEC §6) as an anonymous citizen sees it: no sign-in, only published plans, each plan's
/// actions with the same status, light and progress as inside the system; then its caching (ETag, 304, Cache-Control).
/// </summary>
public sealed class PortalTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string InPreparationAction = "Elaborar o código de conduta dos servidores municipais";

    [Fact]
    public async Task Anonymous_visitors_open_the_portal_without_being_sent_to_sign_in()
    {
        var client = app.CreateAnonymousClient();
        foreach (var url in new[] { "/transparencia", "/dados-abertos", $"/transparencia/planos/{await SeplagPlanIdAsync()}" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
        // The sign-in page and the error pages link to the portal.
        var login = await SispmpiAppFactory.GetDocumentAsync(client, SispmpiAppFactory.LoginPath);
        login.QuerySelectorAll("a[href='/transparencia']").ShouldNotBeEmpty();
        login.QuerySelectorAll("a[href='/dados-abertos']").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_portal_lists_organizations_with_a_published_plan_only()
    {
        var page = await SispmpiAppFactory.GetDocumentAsync(app.CreateAnonymousClient(), "/transparencia");
        var organizations = page.QuerySelectorAll("a[href^='/transparencia/orgaos/']").Select(a => a.TextContent.Trim()).ToList();
        organizations.ShouldBe(["Prefeitura Municipal de Ouro Preto", "Secretaria de Estado de Planejamento e Gestão"]);
        page.QuerySelector("[data-figure='planos'] .value")!.TextContent.ShouldBe("2");

        var search = await SispmpiAppFactory.GetDocumentAsync(app.CreateAnonymousClient(), "/transparencia?busca=OURO");
        search.QuerySelectorAll("a[href^='/transparencia/orgaos/']").Select(a => a.TextContent.Trim()).ShouldBe(["Prefeitura Municipal de Ouro Preto"]);
        var nothing = await SispmpiAppFactory.GetDocumentAsync(app.CreateAnonymousClient(), "/transparencia?busca=inexistente");
        nothing.QuerySelector(".sispmpi-empty")!.TextContent.ShouldContain("Nenhum órgão ou entidade com plano publicado corresponde à busca");
    }

    [Fact]
    public async Task A_plan_in_preparation_and_organizations_without_a_published_plan_are_absent()
    {
        var (inPreparation, camara, prefeitura) = await app.WithDbAsync(async db => (
            await db.Plans.Where(p => p.Status == PlanStatus.InPreparation).Select(p => p.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Acronym == "CMOP").Select(o => o.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Acronym == "PMOP").Select(o => o.Id).SingleAsync()));
        var client = app.CreateAnonymousClient();
        (await client.GetAsync($"/transparencia/planos/{inPreparation}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/transparencia/orgaos/{camara}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The prefeitura shows its earlier edition, still published, and not the new one in preparation.
        var organization = await SispmpiAppFactory.GetDocumentAsync(client, $"/transparencia/orgaos/{prefeitura}");
        var links = organization.QuerySelectorAll("a[href^='/transparencia/planos/']").Select(a => a.GetAttribute("href")).ToList();
        links.Count.ShouldBe(1);
        links.ShouldNotContain($"/transparencia/planos/{inPreparation}");

        var visits = await PublicCrawler.CrawlAsync(client);
        visits.Where(v => v.Body.Contains(InPreparationAction, StringComparison.Ordinal)).Select(v => v.Url).ShouldBeEmpty();
        visits.Select(v => v.Url).ShouldNotContain($"/transparencia/planos/{inPreparation}");
    }

    [Fact]
    public async Task A_plan_shows_each_action_with_the_same_status_light_and_progress_as_inside_the_system()
    {
        var planId = await SeplagPlanIdAsync();
        var publicPage = await SispmpiAppFactory.GetDocumentAsync(app.CreateAnonymousClient(), $"/transparencia/planos/{planId}");
        var inside = await SispmpiAppFactory.GetDocumentAsync(await app.LoginAsync("comissao@demo.gov.br"), $"/planos/{planId}");

        Dictionary<string, (string Status, string Light, string Progress)> Rows(AngleSharp.Dom.IDocument document) => document
            .QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("[data-light]") is not null)
            .ToDictionary(r => r.Children[0].TextContent.Trim(), r => (
                r.QuerySelector(".sispmpi-status")!.TextContent.Trim(),
                r.QuerySelector("[data-light]")!.GetAttribute("data-light")!,
                r.Children[^1].TextContent.Trim()));
        var expected = Rows(inside);
        expected.Count.ShouldBe(21);
        Rows(publicPage).ShouldBe(expected);
        publicPage.QuerySelector("[data-plan-progress]")!.TextContent.ShouldBe(inside.QuerySelector("[data-plan-progress]")!.TextContent);
        foreach (var axis in inside.QuerySelectorAll("[data-axis-progress]").Where(a => !a.GetAttribute("data-axis-progress")!.Contains('.')))
        {
            publicPage.QuerySelector($"[data-axis-progress='{axis.GetAttribute("data-axis-progress")}']")!.TextContent.ShouldBe(axis.TextContent);
        }
        // Every light is in the demo plan, and the figures count the rows.
        var lights = expected.Values.GroupBy(v => v.Light).ToDictionary(g => g.Key, g => g.Count());
        lights.Keys.Count.ShouldBe(6);
        foreach (var (light, count) in lights)
        {
            publicPage.QuerySelector($"[data-light-count='{light}']")!.TextContent.ShouldBe(count.ToString());
        }
        // Charts are fed by JSON, never by an inline script.
        publicPage.QuerySelector("script#dados-da-transparencia")!.GetAttribute("type").ShouldBe("application/json");
        publicPage.QuerySelectorAll("script:not([src]):not([type='application/json'])").ShouldBeEmpty();
        publicPage.QuerySelectorAll("canvas").ShouldAllBe(c => c.GetAttribute("role") == "img" && c.GetAttribute("aria-label") != null);
        publicPage.QuerySelectorAll("table").ShouldAllBe(t => t.QuerySelector("caption") != null);
    }

    [Fact]
    public async Task Public_pages_carry_a_strong_etag_and_answer_a_conditional_get_with_304_until_the_data_changes()
    {
        var planId = await SeplagPlanIdAsync();
        var url = $"/transparencia/planos/{planId}";
        var client = app.CreateAnonymousClient();

        using var first = await client.GetAsync(url);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag.ShouldNotBeNull();
        etag.IsWeak.ShouldBeFalse();
        first.Headers.CacheControl!.Public.ShouldBeTrue();
        first.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromSeconds(60));

        using var again = await Conditional(client, url, etag.Tag);
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        again.Headers.ETag!.Tag.ShouldBe(etag.Tag);

        using var other = await Conditional(client, url, "\"outra-versao\"");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.Headers.ETag!.Tag.ShouldBe(etag.Tag);
        (await other.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());

        // Another address has another tag; a file too.
        using var portal = await client.GetAsync("/transparencia");
        portal.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        using var file = await client.GetAsync("/dados-abertos/acoes.csv");
        var fileTag = file.Headers.ETag.ShouldNotBeNull();
        (await Conditional(client, "/dados-abertos/acoes.csv", fileTag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        // A change to a published action: the old tag no longer matches and the page shows the change.
        var actionId = await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId == planId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            action.Title += " (revisada)";
            await db.SaveChangesAsync();
        });
        using var changed = await Freshness.UntilAsync(() => Conditional(client, url, etag.Tag), (r, _) => r.StatusCode == HttpStatusCode.OK,
            "the change");
        changed.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        (await changed.Content.ReadAsStringAsync()).ShouldContain(" (revisada)");
        (await Conditional(client, "/dados-abertos/acoes.csv", fileTag.Tag)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_query_parameters_neither_miss_the_cache_nor_add_copies_to_it()
    {
        var url = $"/transparencia/planos/{await SeplagPlanIdAsync()}";
        var client = app.CreateAnonymousClient();
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag.ShouldNotBeNull().Tag;
        var body = await first.Content.ReadAsStringAsync();
        var cache = app.Services.GetRequiredService<PublicResponseCache>();
        var copies = cache.Count;

        foreach (var query in new[] { "?n=1", "?n=2&utm_source=x", "?planId=999999", "?handler=Excluir", "?" + Guid.NewGuid().ToString("N") + "=1" })
        {
            using var response = await client.GetAsync(url + query);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, query);
            response.Headers.ETag!.Tag.ShouldBe(etag, query);
            response.Headers.GetValues("X-Cache").ShouldBe(["HIT"], query);
            (await response.Content.ReadAsStringAsync()).ShouldBe(body, query);
        }
        // The path's case does not make another copy either.
        using var upper = await client.GetAsync(url.ToUpperInvariant());
        upper.Headers.ETag!.Tag.ShouldBe(etag);
        cache.Count.ShouldBe(copies);

        // The front page keeps the parameters it reads, in any order and next to unknown ones; a signed-in visitor's
        // request is normalized the same way.
        var search = await SispmpiAppFactory.GetDocumentAsync(client, "/transparencia?utm_campaign=a&pagina=1&busca=OURO&x=1");
        search.QuerySelectorAll("a[href^='/transparencia/orgaos/']").Select(a => a.TextContent.Trim()).ShouldBe(["Prefeitura Municipal de Ouro Preto"]);
        using var reordered = await client.GetAsync("/transparencia?busca=OURO&pagina=1");
        using var plain = await client.GetAsync("/transparencia?busca=OURO&pagina=1&y=2");
        plain.Headers.ETag!.Tag.ShouldBe(reordered.Headers.ETag!.Tag);
        using var signedIn = await (await app.LoginAsync("comissao@demo.gov.br")).GetAsync(url + "?n=3");
        signedIn.Headers.ETag!.Tag.ShouldBe(etag);
    }

    [Fact]
    public async Task Signed_in_visitors_get_the_same_page_marked_private()
    {
        var url = $"/transparencia/planos/{await SeplagPlanIdAsync()}";
        var anonymous = await app.CreateAnonymousClient().GetAsync(url);
        var signedIn = await (await app.LoginAsync("comissao@demo.gov.br")).GetAsync(url);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        signedIn.Headers.CacheControl!.Private.ShouldBeTrue();
        signedIn.Headers.CacheControl.Public.ShouldBeFalse();
        var body = await signedIn.Content.ReadAsStringAsync();
        body.ShouldBe(await anonymous.Content.ReadAsStringAsync());
        body.ShouldNotContain("Beatriz Comissão");
    }

    [Fact]
    public async Task A_missing_plan_gets_the_portuguese_404_page_uncached()
    {
        using var response = await app.CreateAnonymousClient().GetAsync("/transparencia/planos/999999");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.ETag.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldContain("não encontrad");
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient client, string url, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        return client.SendAsync(request);
    }

    private Task<int> SeplagPlanIdAsync() =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Organization!.Acronym == "SEPLAG" && p.Status == PlanStatus.Published).Select(p => p.Id).SingleAsync());
}
