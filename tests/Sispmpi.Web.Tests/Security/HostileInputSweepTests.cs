using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;
using Sispmpi.Web.Tests.Api;
using Sispmpi.Web.Tests.Authorization;
using Sispmpi.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sispmpi.Web.Tests.Security;

/// <summary>
/// Posts a corpus of hostile values into every field of every writing endpoint — page handlers and API writes,
/// taken from the application's own endpoint list, their fields found by reflection on the bound properties and
/// handler parameters — as a person who may post it, on records that person may change. Nothing answers 5xx, a
/// refusal speaks Portuguese, and a refused request leaves the database as it was.
/// </summary>
public sealed class HostileInputSweepTests(HostileSweepFixture fixture, ITestOutputHelper output) : IClassFixture<HostileSweepFixture>
{
    [Fact]
    public async Task No_hostile_value_in_any_field_of_any_writing_endpoint_gets_a_server_error_or_changes_data_when_refused()
    {
        var watch = Stopwatch.StartNew();
        var failures = new List<string>();
        var reached = new HashSet<WritingEndpoint>();
        var requests = 0;
        var endpointsWithTextFields = 0;
        foreach (var endpoint in fixture.Endpoints.OrderBy(e => e.Destructive ? 1 : 0).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            var (client, token) = await fixture.ClientForAsync(endpoint);
            var fields = await fixture.FieldsAsync(client, endpoint);
            endpointsWithTextFields += fields.Any(f => f.Kind == FieldKind.Text) ? 1 : 0;
            var before = await fixture.FingerprintAsync();
            foreach (var (label, request) in fixture.HostileRequests(endpoint, fields, token))
            {
                requests++;
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var after = await fixture.FingerprintAsync();
                var name = $"{endpoint.Name} [{label}] as {endpoint.Profile?.ToString() ?? "anonymous"}";
                if (status >= 500)
                {
                    failures.Add($"{name}: {status}");
                }
                else if (status >= 400)
                {
                    if (!HostileSweepFixture.SpeaksPortuguese(response, body))
                    {
                        failures.Add($"{name}: {status} without a Portuguese message: {Excerpt(body)}");
                    }
                    if (after != before)
                    {
                        failures.Add($"{name}: refused with {status}, but the database changed ({before} → {after})");
                    }
                }
                else if (label == HostileSweepFixture.ControlsInValidForm && after != before)
                {
                    failures.Add($"{name}: control characters in the text fields of an otherwise valid form were not refused, and the database changed ({status})");
                }
                if (status is not (401 or 403) && !(response.StatusCode == HttpStatusCode.Redirect
                    && (response.Headers.Location?.OriginalString ?? "").StartsWith(SispmpiAppFactory.LoginPath, StringComparison.Ordinal)))
                {
                    reached.Add(endpoint);
                }
                before = after;
            }
        }
        var unreached = fixture.Endpoints.Where(e => !reached.Contains(e)).Select(e => $"{e.Name} as {e.Profile}").ToList();
        output.WriteLine(string.Join("\n", unreached.Select(u => "not reached: " + u)));
        output.WriteLine($"{fixture.ProviderName}: {reached.Count} of {fixture.WritingEndpointCount} writing endpoints swept ({endpointsWithTextFields} with text fields) with {requests} requests in {watch.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(string.Join("\n", failures));
        failures.ShouldBeEmpty();
        unreached.ShouldBeEmpty("writing endpoints the sweep never got past authorization on: give them a user in HostileSweepFixture.Users");
        reached.Count.ShouldBe(fixture.WritingEndpointCount);
    }

    [Fact]
    public void Every_writing_endpoint_has_fields_found_or_takes_none()
    {
        // A handler that binds nothing is fine (a button), but the sweep must see the fields of the forms that do.
        var withFields = fixture.Endpoints.Count(e => e.Fields.Count > 0);
        output.WriteLine(string.Join("\n", fixture.Endpoints.Select(e => $"{e.Name}: {string.Join(", ", e.Fields.Select(f => f.Name))}")));
        withFields.ShouldBeGreaterThan(fixture.Endpoints.Count / 2);
        fixture.Endpoints.ShouldContain(e => e.Name.Contains("editor/acoes", StringComparison.Ordinal) && e.Fields.Any(f => f.Name == "Input.Title"));
    }

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + " …";
}

/// <summary>What a field takes: free text, a number, a date, a choice among given values (select, checkbox, hidden) or a file.</summary>
public enum FieldKind { Text, Number, Date, Choice, File }

/// <summary>
/// A field the sweep fills: a form key (or a JSON property of an API body), what it takes, and a valid value for it (the
/// one the page's form shows, or a plausible one), so a hostile value in one kind of field meets an otherwise valid form.
/// </summary>
public sealed record SweptField(string Name, FieldKind Kind, string Baseline = "")
{
    public bool IsFile => Kind == FieldKind.File;
}

/// <summary>One POST/PUT page handler or API write.</summary>
public sealed record WritingEndpoint(string Name, string Method, string Path, string? Handler, bool IsApi, Type? BodyType,
    IReadOnlyList<SweptField> Fields, Profile? Profile, bool Destructive);

public sealed class HostileSweepFixture : IAsyncLifetime
{
    private const string Nul = "a\0b";
    private const string Controls = "a\u0001\u0008\u000b\u001b\u007fb";

    public SweepFixture Sweep { get; } = new();
    public IReadOnlyList<WritingEndpoint> Endpoints { get; private set; } = [];
    public int WritingEndpointCount { get; private set; }
    public string ProviderName => Sweep.App.Database.ProviderSetting;
    private string _apiToken = "";
    private readonly Dictionary<string, string> _formulationIds = [];
    private readonly Dictionary<string, string> _executionIds = [];
    private string _fingerprintSql = "";
    private readonly Dictionary<Profile, (HttpClient, string)> _clients = [];
    private readonly Dictionary<string, string> _commonIds = [];

    /// <summary>Who posts each write: the first profile of this order that the write's policy admits, on the demo organization.</summary>
    private static readonly Profile[] Preference =
    [
        Profile.Executor, Profile.IntegrityCommission, Profile.MonitoringCommittee, Profile.InternalControl, Profile.SeniorManagement,
        Profile.CentralAdministrator, Profile.TechnicalSupport, Profile.Observer,
    ];

    /// <summary>Writes whose handler asks more than the page's policy (keyed by path template and handler).</summary>
    private static readonly Dictionary<string, Profile> Users = new(StringComparer.Ordinal)
    {
        ["/avaliacao/planos/{planId:int}/relatorio"] = Profile.InternalControl,
    };

    public async Task InitializeAsync()
    {
        await Sweep.InitializeAsync();
        var executorEmail = SweepFixture.DemoEmail(Profile.Executor);
        await Sweep.App.WithDbAsync(async db =>
        {
            var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
            // The next edition of SEPLAG's plan, in preparation: the commission's forms only take a plan it may still edit.
            var plan = new IntegrityPlan
            {
                OrganizationId = seplag.Id, Title = "Próxima edição", Edition = "2031–2032", Status = PlanStatus.InPreparation, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var axis = new PlanAxis { OrganizationId = seplag.Id, PlanId = plan.Id, Position = 1, Number = "1", Title = "Eixo da próxima edição" };
            db.PlanAxes.Add(axis);
            await db.SaveChangesAsync();
            var action = new PlanAction
            {
                OrganizationId = seplag.Id, PlanId = plan.Id, AxisId = axis.Id, Position = 1, Number = "1.1", Title = "Ação da próxima edição",
                ActionType = "Capacitação",
            };
            db.PlanActions.Add(action);
            var risk = new IntegrityRisk { OrganizationId = seplag.Id, PlanId = plan.Id, Category = "Conflito de interesses", Title = "Risco da próxima edição", Probability = 2, Impact = 2 };
            db.Risks.Add(risk);
            await db.SaveChangesAsync();
            _formulationIds["planId"] = plan.Id.ToString();
            _formulationIds["axisId"] = axis.Id.ToString();
            _formulationIds["actionId"] = action.Id.ToString();
            _formulationIds["riskId"] = risk.Id.ToString();
            // The executor's own action, with a file among its evidence and a quantitative goal if one has it.
            var executorId = await db.Users.Where(u => u.Email == executorEmail).Select(u => u.Id).SingleAsync();
            var evidence = await db.ActionEvidence.Where(e => e.FileKey != null)
                .Join(db.PlanActions, e => e.ActionId, a => a.Id, (e, a) => new { e.Id, e.ActionId, a.ResponsibleUserId, a.GoalTarget, a.PlanId })
                .Where(x => x.ResponsibleUserId == executorId).OrderByDescending(x => x.GoalTarget != null).ThenBy(x => x.Id).FirstAsync();
            _executionIds["actionId"] = evidence.ActionId.ToString();
            _executionIds["evidenceId"] = evidence.Id.ToString();
            _executionIds["planId"] = evidence.PlanId.ToString();
            // The user forms change (and at last deactivate) the observer, whom the sweep never signs in as.
            var observerEmail = SweepFixture.DemoEmail(Profile.Observer);
            _commonIds["userId"] = (await db.Users.Where(u => u.Email == observerEmail).Select(u => u.Id).SingleAsync()).ToString();

            // Rate-limit counters count every request, refused or not: that is what a limit is for.
            var tables = db.Model.GetEntityTypes()
                .Where(t => t.GetTableName() is not null && t.GetViewName() is null && t.ClrType != typeof(Sispmpi.Web.Infrastructure.RateLimiting.RateLimitCounter))
                .Select(t => (t.GetSchema(), t.GetTableName()!)).Distinct().OrderBy(t => t.Item2, StringComparer.Ordinal).ToList();
            var history = db.Model.FindEntityType(typeof(AuditEntry))!;
            _fingerprintSql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT COUNT(*) FROM {Quote(t)}"))
                + $" UNION ALL SELECT COALESCE(MAX(\"{history.FindProperty(nameof(AuditEntry.Id))!.GetColumnName()}\"), 0) FROM {Quote((history.GetSchema(), history.GetTableName()!))}";
        });
        _apiToken = await Sweep.App.CreateTokenAsync(executorEmail, "SEPLAG", canWrite: true);

        var endpoints = Sweep.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var found = new Dictionary<string, WritingEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var routeParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = await Compiled(descriptor, endpoint);
                var model = page.ModelTypeInfo!.AsType();
                policy = model.GetCustomAttribute<WritePolicyAttribute>()?.Policy ?? policy;
                foreach (var handler in page.HandlerMethods.Where(h => h.HttpMethod.ToUpperInvariant() is "POST" or "PUT"))
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var key = $"{method} {page.RelativePath}?handler={handler.Name}";
                    if (found.ContainsKey(key))
                    {
                        continue;
                    }
                    var fields = BoundFields(model, handler.MethodInfo, routeParameters).ToList();
                    var ids = model.Namespace!.Contains(".Formulation", StringComparison.Ordinal) ? _formulationIds
                        : model.Namespace.Contains(".Execution", StringComparison.Ordinal) ? _executionIds : null;
                    var name = template + (handler.Name is null ? "" : "?handler=" + handler.Name);
                    found[key] = new WritingEndpoint(name, method, Fill(endpoint.RoutePattern, ids), handler.Name, false, null, fields,
                        anonymous ? null : Users.TryGetValue(name, out var chosen) ? chosen : ChooseProfile(policy),
                        IsDestructive(template, handler.Name));
                }
            }
            else if (template.StartsWith(Sispmpi.Web.Features.Api.ApiEndpoints.Prefix + "/", StringComparison.Ordinal)
                && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() is "POST" or "PUT")
            {
                var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single();
                var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                var fields = bodyType is null ? [] : bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(p => new SweptField(JsonNamingPolicy.CamelCase.ConvertName(p.Name), KindOf(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))).ToList();
                found[$"{method} {template}"] = new WritingEndpoint($"{method} {template}", method, Fill(endpoint.RoutePattern, _executionIds), null, true, bodyType,
                    fields, Profile.Executor, false);
            }
        }
        Endpoints = found.Values.ToList();
        // Counted apart from the sweep's own list: every page handler and API route that takes POST or PUT.
        var compiled = new Dictionary<RouteEndpoint, CompiledPageActionDescriptor>();
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null))
        {
            compiled[endpoint] = await Compiled(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint);
        }
        WritingEndpointCount = endpoints.SelectMany(e => compiled.TryGetValue(e, out var page)
                ? page.HandlerMethods.Where(h => h.HttpMethod.ToUpperInvariant() is "POST" or "PUT").Select(h => $"{page.RelativePath}?{h.Name}")
                : (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT").Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct().Count();
    }

    public Task DisposeAsync() => Sweep.DisposeAsync();

    /// <summary>Pages are compiled on their first request; the loader gives their handlers without one.</summary>
    private async Task<CompiledPageActionDescriptor> Compiled(PageActionDescriptor descriptor, RouteEndpoint endpoint) =>
        descriptor as CompiledPageActionDescriptor
        ?? await Sweep.App.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageLoader>().LoadAsync(descriptor, endpoint.Metadata);

    private static string Quote((string? Schema, string Table) table) =>
        (table.Schema is null ? "" : $"\"{table.Schema}\".") + $"\"{table.Table}\"";

    private static Profile? ChooseProfile(string? policy) =>
        policy is null || policy == Policies.Account || !Policies.Profiles.TryGetValue(policy, out var allowed)
            ? Profile.Executor
            : Preference.First(allowed.Contains);

    private static bool IsDestructive(string template, string? handler) =>
        template.Contains("sair", StringComparison.Ordinal) || template.Contains("excluir", StringComparison.Ordinal)
        || (handler is not null && new[] { "Delete", "Remove", "Revoke", "Deactivate", "Publish", "Submit", "Conclude" }
            .Any(word => handler.StartsWith(word, StringComparison.Ordinal)));

    private string Fill(RoutePattern pattern, Dictionary<string, string>? ids) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => ids?.GetValueOrDefault(parameter.Name) ?? _commonIds.GetValueOrDefault(parameter.Name)
                ?? Sweep.DemoIds.GetValueOrDefault(parameter.Name, "1"),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    /// <summary>The form keys model binding reads for a handler: the page's bound properties and the handler's parameters, nested.</summary>
    private static IEnumerable<SweptField> BoundFields(Type model, MethodInfo handler, HashSet<string> routeParameters)
    {
        var bindAll = model.GetCustomAttribute<BindPropertiesAttribute>() is not null;
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var bind = property.GetCustomAttribute<BindPropertyAttribute>();
            if ((bind is null && !bindAll) || routeParameters.Contains(property.Name))
            {
                continue;
            }
            foreach (var field in Expand(bind?.Name ?? property.Name, property.PropertyType, 0))
            {
                yield return field;
            }
        }
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken) || routeParameters.Contains(parameter.Name!))
            {
                continue;
            }
            foreach (var field in Expand(parameter.GetCustomAttribute<FromFormAttribute>()?.Name ?? parameter.Name!, parameter.ParameterType, 0))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<SweptField> Expand(string name, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(IFormFile).IsAssignableFrom(type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type))
        {
            yield return new SweptField(name, FieldKind.File);
            yield break;
        }
        if (IsSimple(type))
        {
            yield return new SweptField(name, KindOf(type));
            yield break;
        }
        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (element is not null)
        {
            if (element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                yield return new SweptField(name + "[chave]", FieldKind.Text);
                yield break;
            }
            foreach (var field in Expand(IsSimple(Nullable.GetUnderlyingType(element) ?? element) ? name : name + "[0]", element, depth + 1))
            {
                yield return field;
            }
            yield break;
        }
        if (depth > 3)
        {
            yield break;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.CanWrite || !IsSimple(p.PropertyType))))
        {
            foreach (var field in Expand($"{name}.{property.Name}", property.PropertyType, depth + 1))
            {
                yield return field;
            }
        }
    }

    private static FieldKind KindOf(Type type) =>
        type == typeof(string) || type == typeof(Guid) ? FieldKind.Text
        : type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan) ? FieldKind.Date
        : type == typeof(bool) || type.IsEnum ? FieldKind.Choice
        : type.IsPrimitive || type == typeof(decimal) ? FieldKind.Number
        : FieldKind.Text;

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid);

    /// <summary>
    /// A signed-in client and its antiforgery token: one per profile, signed in once, but a fresh one for the account's
    /// own forms and the destructive writes, so a sign-out or an organization switch stays their own.
    /// </summary>
    public async Task<(HttpClient Client, string Token)> ClientForAsync(WritingEndpoint endpoint)
    {
        if (!endpoint.IsApi && endpoint.Profile is { } shared && !endpoint.Destructive && !endpoint.Path.StartsWith("/conta", StringComparison.Ordinal))
        {
            if (!_clients.TryGetValue(shared, out var signedIn))
            {
                _clients[shared] = signedIn = await Sweep.LoginAsync(SweepFixture.DemoEmail(shared));
            }
            return signedIn;
        }
        if (endpoint.IsApi)
        {
            return (Sweep.App.CreateTokenClient(_apiToken), "");
        }
        if (endpoint.Profile is not { } profile)
        {
            var client = Sweep.App.CreateAnonymousClient();
            var page = await SispmpiAppFactory.GetDocumentAsync(client, SispmpiAppFactory.LoginPath);
            return (client, page.QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!);
        }
        return await Sweep.LoginAsync(SweepFixture.DemoEmail(profile));
    }

    /// <summary>Row counts of every table and the newest history id: any insert, delete or audited update moves it.</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var scope = Sweep.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = _fingerprintSql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return string.Join(",", values);
    }

    /// <summary>The request whose only fault is control characters in the text fields: it must be refused, not saved.</summary>
    public const string ControlsInValidForm = "controles, resto válido";

    private static readonly string[] DateCorpus = ["31/02/2025", "9999-99-99", "00/00/0000"];

    private static readonly (string Label, string Value)[] Corpus =
    [
        ("nulo", Nul), ("controles", Controls), ("100 mil caracteres", new string('a', 100_000)),
        ("script", "<script>alert(1)</script>"), ("img onerror", "\"><img src=x onerror=alert(1)>"),
        ("-1", "-1"), ("1e308", "1e308"), ("NaN", "NaN"), ("31/02/2025", "31/02/2025"), ("9999-99-99", "9999-99-99"), ("00/00/0000", "00/00/0000"),
    ];

    /// <summary>
    /// The hostile requests for one write: every field at once with each corpus value, then each field alone with
    /// each control-character value; invalid UTF-8 raw and percent-encoded; malformed multipart bodies. API writes
    /// get JSON: every property with each value, an array for the object, 5,000 levels of nesting.
    /// </summary>
    public IEnumerable<(string Label, HttpRequestMessage Request)> HostileRequests(WritingEndpoint endpoint, IReadOnlyList<SweptField> fields, string token)
    {
        return endpoint.IsApi ? JsonRequests(endpoint) : FormRequests(endpoint, fields, token);
    }

    /// <summary>
    /// The bound fields found by reflection, plus the fields of the page's forms that post to this handler (pages that
    /// bind with TryUpdateModelAsync show their fields only there), each with a valid value: the one the form shows,
    /// else a plausible one for its kind.
    /// </summary>
    public async Task<IReadOnlyList<SweptField>> FieldsAsync(HttpClient client, WritingEndpoint endpoint)
    {
        var fields = new List<SweptField>();
        void Add(string name, FieldKind kind, string baseline)
        {
            var index = fields.FindIndex(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                fields.Add(new SweptField(name, kind, baseline));
            }
            else if (fields[index].Baseline.Length == 0)
            {
                fields[index] = fields[index] with { Baseline = baseline };
            }
        }
        if (!endpoint.IsApi && endpoint.Method == "POST")
        {
            using var response = await client.GetAsync(endpoint.Path);
            var document = response.IsSuccessStatusCode ? await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync()) : null;
            foreach (var form in document?.QuerySelectorAll("form[method='post'], form[method='POST']") ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
            {
                var targets = form.QuerySelectorAll("button[formaction], input[formaction]").Select(b => b.GetAttribute("formaction")!)
                    .Append(form.GetAttribute("action") ?? "").Select(HandlerOf).ToList();
                if (!targets.Contains(endpoint.Handler, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }
                foreach (var input in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
                {
                    var name = input.GetAttribute("name")!;
                    if (name == SispmpiAppFactory.AntiforgeryField)
                    {
                        continue;
                    }
                    var type = input.LocalName == "input" ? (input.GetAttribute("type") ?? "text").ToLowerInvariant() : input.LocalName;
                    var (kind, value) = type switch
                    {
                        "file" => (FieldKind.File, ""),
                        "number" => (FieldKind.Number, input.GetAttribute("value") ?? ""),
                        "date" or "datetime-local" or "month" or "time" => (FieldKind.Date, input.GetAttribute("value") ?? ""),
                        "checkbox" or "radio" => (FieldKind.Choice, input.HasAttribute("checked") ? input.GetAttribute("value") ?? "on" : ""),
                        "hidden" => (FieldKind.Choice, input.GetAttribute("value") ?? ""),
                        "select" => (FieldKind.Choice, (input.QuerySelector("option[selected]") ?? input.QuerySelectorAll("option").FirstOrDefault(o => o.GetAttribute("value") is { Length: > 0 }))?.GetAttribute("value") ?? ""),
                        "textarea" => (FieldKind.Text, input.TextContent.Trim()),
                        _ => (FieldKind.Text, input.GetAttribute("value") ?? ""),
                    };
                    // An email or address field keeps its own valid value: free text in it is a validation error anyway.
                    Add(name, type is "email" or "url" ? FieldKind.Choice : kind, value.Length > 0 ? value : Plausible(kind, type));
                }
            }
        }
        foreach (var field in endpoint.Fields)
        {
            Add(field.Name, field.Kind, Plausible(field.Kind, ""));
        }
        return fields;

        static string? HandlerOf(string url)
        {
            var query = url.Contains('?', StringComparison.Ordinal) ? url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
            return query.Split('&').Select(p => p.Split('=')).Where(p => p.Length == 2 && p[0].Equals("handler", StringComparison.OrdinalIgnoreCase))
                .Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
        }
    }

    private static string Plausible(FieldKind kind, string inputType) => (kind, inputType) switch
    {
        (_, "email") => "varredura@exemplo.gov.br",
        (_, "url") => "https://www.exemplo.gov.br/varredura",
        (FieldKind.Text, _) => "Texto da varredura",
        (FieldKind.Number, _) => "1",
        (FieldKind.Date, _) => Sispmpi.Web.Infrastructure.Web.BrazilTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    private IEnumerable<(string, HttpRequestMessage)> FormRequests(WritingEndpoint endpoint, IReadOnlyList<SweptField> allFields, string token)
    {
        var url = endpoint.Path + (endpoint.Handler is null ? "" : "?handler=" + endpoint.Handler);
        var fields = allFields.Where(f => !f.IsFile).Select(f => f.Name).Distinct().ToList();
        var files = allFields.Where(f => f.IsFile).Select(f => f.Name).Distinct().ToList();
        HttpRequestMessage Form(byte[] body)
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url)
            {
                Content = new ByteArrayContent([.. body, .. Encoding.ASCII.GetBytes($"&{SispmpiAppFactory.AntiforgeryField}={Uri.EscapeDataString(token)}")]),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return request;
        }
        byte[] Encoded(IEnumerable<string> names, string value) =>
            Encoding.ASCII.GetBytes(string.Join("&", names.Select(n => $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(value)}")));

        // Every field at once with each value: text where a number or a date belongs, and the other way round.
        foreach (var (label, value) in Corpus)
        {
            yield return (label, Form(Encoded(fields, value)));
        }
        // Then each kind of value in the fields of its kind, the rest of the form valid, so that a refusal of one field
        // cannot hide what the handler does with another: the handler runs with the hostile value.
        var texts = allFields.Where(f => f.Kind == FieldKind.Text).Select(f => f.Name).ToHashSet();
        var numbers = allFields.Where(f => f.Kind == FieldKind.Number).Select(f => f.Name).ToHashSet();
        var dates = allFields.Where(f => f.Kind == FieldKind.Date).Select(f => f.Name).ToHashSet();
        byte[] Valid(HashSet<string> names, Func<int, string> value) => Encoding.ASCII.GetBytes(string.Join("&", allFields.Where(f => !f.IsFile)
            .DistinctBy(f => f.Name).Select((f, i) => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(names.Contains(f.Name) ? value(i) : f.Baseline)}")));
        var valid = new List<(string, HashSet<string>, Func<int, string>)>
        {
            (ControlsInValidForm, texts, _ => "Texto\u0001com\u001Bcontrole"),
            ("marcação, resto válido", texts, i => i % 2 == 0 ? "<script>alert(1)</script>" : "\"><img src=x onerror=alert(1)>"),
            ("100 mil caracteres, resto válido", texts, _ => new string('a', 100_000)),
            ("-1, resto válido", numbers, _ => "-1"),
            ("1e308, resto válido", numbers, _ => "1e308"),
            ("NaN, resto válido", numbers, _ => "NaN"),
            ("datas impossíveis, resto válido", dates, i => DateCorpus[i % DateCorpus.Length]),
        };
        foreach (var (label, names, value) in valid.Where(v => v.Item2.Count > 0))
        {
            yield return (label, Form(Valid(names, value)));
        }
        byte[] invalid = [0xC3, 0x28, 0xFF, 0xFE, 0x80];
        yield return ("UTF-8 inválido bruto", Form([.. fields.SelectMany(n => (byte[])[.. Encoding.ASCII.GetBytes(Uri.EscapeDataString(n) + "="), .. invalid, (byte)'&'])]));
        yield return ("UTF-8 inválido percentual", Form(Encoding.ASCII.GetBytes(string.Join("&", fields.Select(n => $"{Uri.EscapeDataString(n)}=%C3%28%FF%FE%80")))));
        if (files.Count > 0)
        {
            // A well-formed multipart whose every text field and file name carry markup and a null byte.
            var content = new MultipartFormDataContent();
            foreach (var field in fields)
            {
                content.Add(new StringContent("<script>alert(1)</script>" + Nul), field);
            }
            content.Add(new StringContent(token), SispmpiAppFactory.AntiforgeryField);
            foreach (var file in files)
            {
                var part = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n"));
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{file}\"", FileName = "\"../<script>.pdf\"" };
                content.Add(part);
            }
            yield return ("multipart hostil", new HttpRequestMessage(new HttpMethod(endpoint.Method), url) { Content = content });
        }
        foreach (var (label, contentType) in new[] { ("multipart sem fim", "multipart/form-data; boundary=xx"), ("multipart sem boundary", "multipart/form-data") })
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url)
            {
                Content = new ByteArrayContent(Encoding.ASCII.GetBytes("--xx\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb")),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            // The token in the header, as a script would send it, so the request goes past antiforgery to the body.
            request.Headers.Add("RequestVerificationToken", token);
            yield return (label, request);
        }
    }

    private static IEnumerable<(string, HttpRequestMessage)> JsonRequests(WritingEndpoint endpoint)
    {
        HttpRequestMessage Json(byte[] body)
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return request;
        }
        byte[] Object(IEnumerable<string> names, string rawValue) =>
            Encoding.UTF8.GetBytes("{" + string.Join(",", names.Select(n => $"\"{n}\":{rawValue}")) + "}");
        var fields = endpoint.Fields.Select(f => f.Name).ToList();
        foreach (var (label, value) in Corpus)
        {
            yield return (label, Json(Object(fields, JsonSerializer.Serialize(value))));
        }
        foreach (var raw in new[] { "-1", "1e308", "-1e308" })
        {
            yield return ($"número {raw}", Json(Object(fields, raw)));
        }
        foreach (var field in fields)
        {
            yield return ($"nulo em {field}", Json(Object([field], JsonSerializer.Serialize(Nul))));
        }
        yield return ("NaN literal", Json(Object(fields, "NaN")));
        yield return ("UTF-8 inválido bruto", Json([.. Encoding.ASCII.GetBytes("{\"" + fields.FirstOrDefault() + "\":\""), 0xC3, 0x28, 0xFF, .. Encoding.ASCII.GetBytes("\"}")]));
        yield return ("UTF-8 inválido percentual", Json(Object(fields, "\"%C3%28%FF%FE\"")));
        yield return ("lista em vez de objeto", Json(Encoding.ASCII.GetBytes("[{\"notes\":\"x\"}]")));
        yield return ("5.000 níveis de aninhamento", Json(Encoding.ASCII.GetBytes(new string('[', 5_000) + new string(']', 5_000))));
        yield return ("5.000 níveis num campo", Json(Encoding.ASCII.GetBytes("{\"" + fields.LastOrDefault() + "\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_001))));
        yield return ("JSON truncado", Json(Encoding.ASCII.GetBytes("{\"" + fields.FirstOrDefault() + "\":\"abc")));
    }

    private static readonly string[] PortugueseWords =
    [
        "não", "inválid", "página", "solicitação", "requisição", "encontrad", "permissão", "acesso", "erro", "campo", "informe", "deve",
        "muitas", "tente", "ação", "plano", "entrar", "sessão",
    ];

    private static readonly string[] EnglishWords = ["Bad Request", "Not Found", "Forbidden", "The request", "is invalid", "An error", "could not be", "The JSON"];

    /// <summary>Whether the message a refused request carries is in Portuguese (problem details or the error page), and not in English.</summary>
    public static bool SpeaksPortuguese(HttpResponseMessage response, string body)
    {
        string text;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                text = string.Join(" ", Strings(json.RootElement));
            }
            catch (JsonException)
            {
                return false;
            }
        }
        else
        {
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
            text = document.QuerySelector("main")?.TextContent ?? document.Body?.TextContent ?? "";
        }
        return PortugueseWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))
            && !EnglishWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name is not ("type" or "traceId" or "instance")).SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
