using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sispmpi.Web.Tests.Authorization;

/// <summary>
/// Requests every route of the application — taken from its own endpoint list, never a hand-kept one — as an
/// anonymous visitor, as each profile of the demo network, and as each profile of an unrelated organization
/// using the demo organization's record ids. Nobody gets a 500, nobody outside sees the demo organization's
/// data, and a route that names no policy fails the sweep.
/// </summary>
public sealed class AuthorizationSweepTests(SweepFixture fixture, ITestOutputHelper output) : IClassFixture<SweepFixture>
{
    [Fact]
    public void Every_route_names_a_policy_or_is_explicitly_anonymous()
    {
        var unprotected = fixture.Routes.Where(r => r.Policy is null && !r.Anonymous).Select(r => r.Template).ToList();
        unprotected.ShouldBeEmpty("routes without [Authorize(Policy = ...)] or [AllowAnonymous]");
        fixture.Routes.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Every_route_parameter_has_a_record_to_sweep_with()
    {
        var unknown = fixture.Routes.SelectMany(r => r.Parameters.Where(p => !fixture.DemoIds.ContainsKey(p)).Select(p => $"{r.Template}: {{{p}}}")).ToList();
        unknown.ShouldBeEmpty("route parameters the sweep cannot fill: add them to SweepFixture.DemoIds");
    }

    [Fact]
    public async Task Anonymous_visitors_reach_only_anonymous_routes()
    {
        var failures = new List<string>();
        foreach (var route in fixture.Routes)
        {
            var client = fixture.App.CreateAnonymousClient();
            foreach (var (method, url) in fixture.Requests(route))
            {
                using var response = await fixture.SendAsync(client, method, url, antiforgeryToken: null);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{method} {url}: {status}");
                }
                // 405: an API route that does not take this method (e.g. POST to a GET/PUT resource) says nothing more.
                else if (!route.Anonymous && !(response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.OriginalString.Contains("/conta/entrar", StringComparison.Ordinal)) && status != 401 && status != 400
                    && status != 405)
                {
                    failures.Add($"{method} {url}: {status} for an anonymous visitor of a protected route");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Users_of_the_demo_network_never_get_a_server_error(Profile profile)
    {
        var failures = new List<string>();
        var (client, token) = await fixture.LoginAsync(SweepFixture.DemoEmail(profile));
        foreach (var route in fixture.Routes.OrderBy(SweepFixture.SignOutLast))
        {
            foreach (var (method, url) in fixture.Requests(route))
            {
                using var response = await fixture.SendAsync(client, method, url, token);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {url}: {(int)response.StatusCode}");
                }
            }
        }
        output.WriteLine($"{profile}: {fixture.Routes.Count} routes swept");
        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Users_of_another_organization_never_see_the_demo_organizations_data(Profile profile)
    {
        var (client, token) = await fixture.LoginAsync(SweepFixture.OutsiderEmail(profile));
        (await LeaksAsync(client, token, SweepFixture.Markers)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_participants_linked_signatory_of_another_organization_reaches_only_the_agreement_it_signs()
    {
        var (client, token) = await fixture.LoginAsync(SweepFixture.SignatoryEmail);
        var own = fixture.SignatoryAgreementId;
        foreach (var url in new[] { "/acordos", $"/acordos/{own}", $"/acordos/{own}/assinar", $"/acordos/{own}/documento.pdf" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
        (await client.GetStringAsync("/acordos")).ShouldContain(SweepFixture.SignatoryAgreementNumber);
        // Every other route, with the demo's record ids (its agreement among them): 403 or 404, and nothing of the demo's shown.
        (await LeaksAsync(client, token, [.. SweepFixture.Markers, Sispmpi.Web.Features.Adoption.Demo.AdoptionDemo.AgreementNumber])).ShouldBeEmpty();
    }

    private async Task<List<string>> LeaksAsync(HttpClient client, string token, IReadOnlyCollection<string> markers)
    {
        var failures = new List<string>();
        // The public area shows every organization's published plans on purpose; its own tests check what it shows.
        foreach (var route in fixture.Routes.Where(r => !Sispmpi.Web.Features.Transparency.PublicArea.Contains(r.Template)).OrderBy(SweepFixture.SignOutLast))
        {
            foreach (var (method, url) in fixture.Requests(route, probeQuery: true))
            {
                using var response = await fixture.SendAsync(client, method, url, token);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    failures.Add($"{method} {url}: {status}");
                }
                // Catalog entries belong to the whole installation (CatalogItem), not to an organization.
                if (route.Parameters.Any(p => p is not ("code" or "catalogItemId")) && status is >= 200 and < 300)
                {
                    failures.Add($"{method} {url}: {status} with another organization's record id (expected 403 or 404)");
                }
                var leaked = markers.Where(m => body.Contains(m, StringComparison.Ordinal)).ToList();
                if (leaked.Count > 0)
                {
                    failures.Add($"{method} {url}: shows {string.Join(", ", leaked)}");
                }
            }
        }
        return failures;
    }

    [Fact]
    public async Task The_sweep_detects_a_leak_when_one_exists()
    {
        // The demo organization's own commission does see its plan: the markers are real, so their absence
        // above means something.
        var (client, _) = await fixture.LoginAsync(SweepFixture.DemoEmail(Profile.IntegrityCommission));
        var body = await client.GetStringAsync($"/planos/{fixture.DemoIds["planId"]}");
        body.ShouldContain(SweepFixture.PlanMarker);
    }

    public static TheoryData<Profile> Profiles() => new(Enum.GetValues<Profile>());
}

public sealed record SweptRoute(string Template, RoutePattern Pattern, string? Policy, bool Anonymous, IReadOnlyList<string> Parameters,
    IReadOnlyList<string> PostHandlers);

/// <summary>The demo network plus an unrelated organization with one user per profile.</summary>
public sealed class SweepFixture : IAsyncLifetime
{
    public const string OutsiderDomain = "outro.gov.br";
    public const string PlanMarker = "Plano de Integridade da SEPLAG";

    /// <summary>Text that only the demo organization's (SEPLAG's) pages contain.</summary>
    public static readonly string[] Markers =
    [
        "Secretaria de Estado de Planejamento e Gestão", PlanMarker, "Mapear riscos à integridade nos processos de compras",
        "Superintendência de Compras e Contratos", "Beatriz Comissão", "comissao@demo.gov.br",
    ];

    // gov.br sign-in is on, against an address where nothing answers: its routes are swept, and its challenge
    // meets an unreachable provider (a Portuguese page, not a 500).
    public SispmpiAppFactory App { get; } = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["GovBr:Enabled"] = "true", ["GovBr:Authority"] = "http://127.0.0.1:9", ["GovBr:ClientId"] = "varredura", ["GovBr:RequireHttpsMetadata"] = "false",
        },
    };
    public IReadOnlyList<SweptRoute> Routes { get; private set; } = [];
    public Dictionary<string, string> DemoIds { get; } = [];

    public static string DemoEmail(Profile profile) => Sispmpi.Web.Data.DemoSeeder.Accounts.First(a => a.Profile == profile).Email;

    public static string OutsiderEmail(Profile profile) => $"{profile.ToString().ToLowerInvariant()}@{OutsiderDomain}";

    /// <summary>An executor of the unrelated organization, linked as a participant's signatory to an agreement of the CGE.</summary>
    public const string SignatoryEmail = "signataria@" + OutsiderDomain;
    public const string SignatoryAgreementNumber = "ACT nº 77/2026";
    public int SignatoryAgreementId { get; private set; }

    public static int SignOutLast(SweptRoute route) => route.Template.Contains("sair", StringComparison.Ordinal) ? 1 : 0;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await App.WithDbAsync(async db =>
        {
            var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
            var plan = await db.Plans.SingleAsync(p => p.OrganizationId == seplag.Id);
            // The demo action with a file among its evidence, so the evidence download is swept too.
            var evidence = await db.ActionEvidence.FirstAsync(e => e.FileKey != null);
            var action = await db.PlanActions.SingleAsync(a => a.Id == evidence.ActionId && a.PlanId == plan.Id);
            var unit = await db.AdministrativeUnits.FirstAsync(u => u.OrganizationId == seplag.Id && u.Acronym == "SCC");
            var user = await db.Users.SingleAsync(u => u.Email == "comissao@demo.gov.br");
            DemoIds["orgId"] = seplag.Id.ToString();
            DemoIds["planId"] = plan.Id.ToString();
            DemoIds["actionId"] = action.Id.ToString();
            DemoIds["unitId"] = unit.Id.ToString();
            DemoIds["userId"] = user.Id.ToString();
            DemoIds["code"] = "404";
            DemoIds["catalogItemId"] = (await db.CatalogItems.OrderBy(c => c.Id).FirstAsync()).Id.ToString();
            DemoIds["axisId"] = (await db.PlanAxes.FirstAsync(a => a.PlanId == plan.Id)).Id.ToString();
            DemoIds["riskId"] = (await db.Risks.FirstAsync(r => r.PlanId == plan.Id)).Id.ToString();
            DemoIds["evidenceId"] = evidence.Id.ToString();
            DemoIds["meetingId"] = (await db.Meetings.FirstAsync(m => m.OrganizationId == seplag.Id)).Id.ToString();
            var maturityEvidence = await db.MaturityEvidence.FirstAsync(e => e.FileKey != null && e.OrganizationId == seplag.Id);
            DemoIds["cycleId"] = (await db.MaturityAnswers.Where(a => a.Id == maturityEvidence.AnswerId).Select(a => a.CycleId).SingleAsync()).ToString();
            DemoIds["maturityEvidenceId"] = maturityEvidence.Id.ToString();
            DemoIds["requestId"] = (await db.AdhesionRequests.OrderBy(r => r.Id).FirstAsync()).Id.ToString();
            var agreement = await db.Agreements.Include(x => x.Goals).OrderBy(x => x.Id).FirstAsync();
            DemoIds["agreementId"] = agreement.Id.ToString();
            DemoIds["goalId"] = agreement.Goals.OrderBy(g => g.Id).First().Id.ToString();
            var activity = new Sispmpi.Web.Features.Evaluation.IntegrityActivity
            {
                OrganizationId = seplag.Id, Date = new DateOnly(2025, 3, 10), Title = "Palestra do controle interno", Hours = 2m, RecordedAt = DateTimeOffset.UtcNow,
            };
            db.IntegrityActivities.Add(activity);
            await db.SaveChangesAsync();
            DemoIds["activityId"] = activity.Id.ToString();
            var servant = new Sispmpi.Web.Features.Users.Servants.Servant { OrganizationId = seplag.Id, Name = "Servidora sem conta da varredura", Registration = "7654321" };
            db.Servants.Add(servant);
            await db.SaveChangesAsync();
            DemoIds["servantId"] = servant.Id.ToString();
            // One of the executor's demo notices: only he opens it; everyone else gets 404.
            DemoIds["notificationId"] = (await db.Notifications.Where(n => n.User!.Email == "executor@demo.gov.br").OrderBy(n => n.Id)
                .Select(n => n.Id).FirstAsync()).ToString();

            // A signed document of the demo organization (its files need not exist for the sweep).
            var signed = new Sispmpi.Web.Features.Documents.SignedDocument
            {
                OrganizationId = seplag.Id, Kind = Sispmpi.Web.Features.Documents.DocumentKind.PlanDocument, SubjectId = plan.Id,
                Title = PlanMarker, FileName = "plano.pdf", VerificationCode = "1234567890", Crc = "ABCDEF12",
                ContentKey = "documentos/ausente", ContentSha256 = "", SignedKey = "documentos/ausente", SignedSha256 = "",
            };
            db.SignedDocuments.Add(signed);
            await db.SaveChangesAsync();
            DemoIds["documentId"] = signed.Id.ToString();

            // An organization in no one's network, with a user for every profile.
            var outsider = new Organization
            {
                Name = "Prefeitura Municipal de Outra Cidade", Acronym = "POC", Cnpj = "11222333000181",
                Kind = OrganizationKind.CityHall, Sphere = Sphere.Municipal, Branch = Branch.Executive, StateCode = "SP",
                MunicipalityCode = "3550308", MunicipalityName = "Outra Cidade", IsOversight = true,
            };
            db.Organizations.Add(outsider);
            db.AdministrativeUnits.Add(new AdministrativeUnit { Organization = outsider, Name = "Gabinete", Acronym = "GAB-POC" });
            await db.SaveChangesAsync();
        });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var outsiderId = await db.Organizations.Where(o => o.Acronym == "POC").Select(o => o.Id).SingleAsync();
            foreach (var profile in Enum.GetValues<Profile>())
            {
                var email = OutsiderEmail(profile);
                var user = new AppUser { UserName = email, Email = email, FullName = $"Pessoa {profile}", EmailConfirmed = true };
                (await users.CreateAsync(user, SispmpiAppFactory.DemoPassword)).Succeeded.ShouldBeTrue();
                db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = outsiderId, Profile = profile });
            }
            await db.SaveChangesAsync();

            var signatory = new AppUser { UserName = SignatoryEmail, Email = SignatoryEmail, FullName = "Signatária de outro órgão", EmailConfirmed = true };
            (await users.CreateAsync(signatory, SispmpiAppFactory.DemoPassword)).Succeeded.ShouldBeTrue();
            db.ProfileGrants.Add(new ProfileGrant { UserId = signatory.Id, OrganizationId = outsiderId, Profile = Profile.Executor });
            var demo = await db.Agreements.OrderBy(a => a.Id).FirstAsync();
            var agreement = new Sispmpi.Web.Features.Adoption.CooperationAgreement
            {
                OrganizationId = demo.OrganizationId, Number = SignatoryAgreementNumber, ProcessNumber = demo.ProcessNumber,
                Object = "Acordo da signatária de outro órgão", ValidFrom = demo.ValidFrom, ValidUntil = demo.ValidUntil,
            };
            agreement.Participants.Add(new Sispmpi.Web.Features.Adoption.AgreementParticipant
            {
                OrganizationId = demo.OrganizationId, Position = 1, BodyName = "Prefeitura Municipal de Outra Cidade", ShortName = "POC", Cnpj = "11222333000181",
                Sphere = Sphere.Municipal, SignatoryName = "Signatária de outro órgão", SignatoryPosition = "Prefeita", SignatoryRegistration = "Matrícula 1",
                ContactEmail = SignatoryEmail, SignatoryUserId = signatory.Id,
            });
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            SignatoryAgreementId = agreement.Id;
        }

        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        Routes = endpoints
            .Select(e => new SweptRoute(
                e.RoutePattern.RawText ?? "",
                e.RoutePattern,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.RoutePattern.Parameters.Select(p => p.Name).ToList(),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>()?.HandlerMethods
                    .Where(h => h.HttpMethod == "POST" && h.Name is not null).Select(h => h.Name!).ToList() ?? []))
            .GroupBy(r => r.Template).Select(g => g.First())
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The requests made for one route: GET, POST, and a POST to each named handler of a page.</summary>
    public IEnumerable<(HttpMethod Method, string Url)> Requests(SweptRoute route, bool probeQuery = false)
    {
        var path = "/" + string.Join("/", route.Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => DemoIds.GetValueOrDefault(parameter.Name, "1"),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
        // Pages that take an organization in the query string must refuse someone else's too.
        var query = probeQuery ? $"?organizacao={DemoIds["orgId"]}" : "";
        yield return (HttpMethod.Get, path + query);
        yield return (HttpMethod.Post, path + query);
        foreach (var handler in route.PostHandlers)
        {
            yield return (HttpMethod.Post, path + (query.Length == 0 ? "?" : query + "&") + "handler=" + handler);
        }
    }

    public async Task<(HttpClient Client, string Token)> LoginAsync(string email)
    {
        var client = await App.LoginAsync(email);
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/conta");
        return (client, page.QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? antiforgeryToken)
    {
        var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(antiforgeryToken is null ? [] : [new(SispmpiAppFactory.AntiforgeryField, antiforgeryToken)]);
        }
        return await client.SendAsync(request);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
