using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Authorization;
using Sispmpi.Web.Tests.Documents;
using Sispmpi.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sispmpi.Web.Tests.Security;

/// <summary>
/// Text with markup typed into every free-text field — action title and description, diagnosis, meeting minutes
/// (Markdown), recommendation, execution notes — through the pages, then every output that shows it: the private
/// pages, the transparency portal, the PDF, DOCX and XLSX documents. The markup comes out as text, never as markup.
/// </summary>
public sealed class StoredXssTests(SispmpiAppFactory app, ITestOutputHelper output) : IClassFixture<SispmpiAppFactory>
{
    private const string Script = "<script>xss-MARKER</script>";
    private const string Image = "\"><img src=x onerror=alert('xss-IMG')>";
    private const string Marker = Script + " " + Image;
    private const string MarkdownLink = "[clique](javascript:alert('xss-LINK'))";
    private const string SafeLink = "[portal](https://www.mg.gov.br/xss-safe) e <https://www.mg.gov.br/xss-auto>";

    [Fact]
    public async Task Markup_typed_into_free_text_comes_out_escaped_on_every_page_and_document()
    {
        var ids = await PrepareAsync();
        var commission = await app.LoginAsync(SweepFixture.DemoEmail(Profile.IntegrityCommission));
        var monitor = await app.LoginAsync(SweepFixture.DemoEmail(Profile.MonitoringCommittee));
        var executor = await app.LoginAsync(SweepFixture.DemoEmail(Profile.Executor));

        // Planted through the pages, with every text field of each form carrying the marker.
        await SubmitAsync(commission, $"/planos/{ids.PrepPlan}/editor/acoes/{ids.PrepAction}", null, ["Input.Title"]);
        await SubmitAsync(commission, $"/planos/{ids.PrepPlan}/etapas/diagnostico", "Strategic", []);
        await SubmitAsync(monitor, $"/acoes/{ids.PublishedAction}/monitoramento", "Recommend", []);
        await SubmitAsync(executor, $"/acoes/{ids.PublishedAction}/execucao", null, []);
        var meeting = await SubmitAsync(monitor, "/monitoramento/reunioes/nova", null, ["Input.Title"], Marker + "\n\n" + MarkdownLink + "\n\n" + SafeLink);
        var meetingUrl = meeting.Headers.Location!.OriginalString.Split('?')[0];
        // The transparency portal shows only published plans, which the editor no longer changes: the published
        // action gets the same text straight in the database, as the editor would have stored it.
        await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == ids.PublishedAction);
            action.Title = Marker;
            action.Description = Marker;
            // The monitoring dashboard names the plan's axes.
            (await db.PlanAxes.SingleAsync(a => a.Id == action.AxisId)).Title = Marker;
            await db.SaveChangesAsync();
        });

        var failures = new List<string>();
        var pages = new (HttpClient Client, string Url)[]
        {
            (commission, $"/planos/{ids.PrepPlan}/editor"),
            (commission, $"/planos/{ids.PrepPlan}/editor/acoes/{ids.PrepAction}"),
            (commission, $"/planos/{ids.PrepPlan}"),
            (commission, $"/planos/{ids.PrepPlan}/etapas/diagnostico?aba=informacoes"),
            (executor, $"/acoes/{ids.PublishedAction}"),
            (executor, $"/acoes/{ids.PublishedAction}/execucao"),
            (monitor, $"/acoes/{ids.PublishedAction}/monitoramento"),
            (monitor, $"/monitoramento/planos/{ids.PublishedPlan}/acoes"),
            (monitor, $"/monitoramento/planos/{ids.PublishedPlan}"),
            (monitor, meetingUrl),
            (app.CreateAnonymousClient(), $"/transparencia/planos/{ids.PublishedPlan}"),
        };
        foreach (var (client, url) in pages)
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
                continue;
            }
            CheckHtml(url, html, failures);
        }
        var minutes = await SispmpiAppFactory.GetDocumentAsync(monitor, meetingUrl);
        if (minutes.QuerySelectorAll("[href], [src]").Any(e => (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{meetingUrl}: the Markdown link to javascript: survived the sanitizer");
        }
        // The links kept (inline and autolink) neither pass the site's standing nor reach back to the opener.
        foreach (var href in new[] { "https://www.mg.gov.br/xss-safe", "https://www.mg.gov.br/xss-auto" })
        {
            var rel = minutes.QuerySelector($"a[href='{href}']")?.GetAttribute("rel");
            if (rel != "nofollow noopener noreferrer")
            {
                failures.Add($"{meetingUrl}: the link to {href} has rel '{rel}'");
            }
        }

        foreach (var (client, url) in new[] { (commission, $"/planos/{ids.PrepPlan}/minuta-do-plano.xlsx"), (commission, $"/planos/{ids.PrepPlan}/minuta-do-programa.docx") })
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
                continue;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var xml = ZipXml(bytes);
            if (xml.Contains("<script>xss-", StringComparison.Ordinal) || xml.Contains("<img src=x", StringComparison.Ordinal))
            {
                failures.Add($"{url}: the marker is raw markup in the document's XML");
            }
            // Read as Word and Excel read it: the marker is there as the characters typed, and nothing can run.
            using var package = url.EndsWith(".xlsx", StringComparison.Ordinal)
                ? (OpenXmlPackage)SpreadsheetDocument.Open(new MemoryStream(bytes), false)
                : WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var text = string.Concat(package.GetAllParts().Where(p => p.RootElement is not null).Select(p => p.RootElement!.InnerText));
            if (!text.Contains(Script, StringComparison.Ordinal))
            {
                failures.Add($"{url}: the marker is not in the document as text");
            }
            if (package.GetAllParts().FirstOrDefault(p => p.ContentType.Contains("vba", StringComparison.OrdinalIgnoreCase)
                || p.ContentType.Contains("activeX", StringComparison.OrdinalIgnoreCase) || p.ContentType.Contains("oleObject", StringComparison.OrdinalIgnoreCase)) is { } active)
            {
                failures.Add($"{url}: active content {active.ContentType}");
            }
        }

        // Open data: the CSV holds the text as typed (served as text/csv, an attachment), the JSON as a string value.
        var anonymous = app.CreateAnonymousClient();
        using (var csv = await anonymous.GetAsync("/dados-abertos/acoes.csv"))
        {
            var body = await csv.Content.ReadAsStringAsync();
            if (csv.Content.Headers.ContentType?.MediaType != "text/csv" || !body.Contains(Script, StringComparison.Ordinal))
            {
                failures.Add($"/dados-abertos/acoes.csv: {csv.Content.Headers.ContentType}, marker {(body.Contains(Script, StringComparison.Ordinal) ? "present" : "absent")}");
            }
        }
        using (var json = await anonymous.GetAsync("/dados-abertos/acoes.json"))
        {
            using var parsed = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsByteArrayAsync());
            if (!Strings(parsed.RootElement).Contains(Marker))
            {
                failures.Add("/dados-abertos/acoes.json: the marker is not a string value");
            }
        }

        foreach (var (client, url) in new[]
        {
            (commission, $"/planos/{ids.PrepPlan}/documento.pdf"), (monitor, meetingUrl + "/ata.pdf"), (executor, $"/acoes/{ids.PublishedAction}/execucao.pdf"),
        })
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
                continue;
            }
            using var pdf = new PdfFile(await response.Content.ReadAsByteArrayAsync(), "xss");
            var text = pdf.FlatText();
            // Printed as the characters typed, not taken as anything.
            if (!text.Contains(Script, StringComparison.Ordinal))
            {
                failures.Add($"{url}: the marker is not printed literally: {text[..Math.Min(text.Length, 400)]}");
            }
        }
        output.WriteLine($"{app.Database.ProviderSetting}: {pages.Length} pages, 2 OpenXML documents, 2 open data files and 3 PDFs checked");
        failures.ShouldBeEmpty();
    }

    private static void CheckHtml(string url, string html, List<string> failures)
    {
        if (html.Contains("<script>xss-", StringComparison.Ordinal) || html.Contains("<img src=x onerror", StringComparison.Ordinal))
        {
            failures.Add($"{url}: the marker comes out as markup");
        }
        // The marker did reach this output, escaped: its absence above means something.
        if (!html.Contains("&lt;script&gt;xss-MARKER", StringComparison.Ordinal))
        {
            failures.Add($"{url}: the planted text is not shown");
        }
    }

    private static string ZipXml(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var xml = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            xml.Append(reader.ReadToEnd());
        }
        return xml.ToString();
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    /// <summary>
    /// Fills a form of a page as a person would — every field keeps what the page shows — with the marker in every
    /// text area and in <paramref name="textInputs"/>, posts it, and expects the redirect of a save.
    /// </summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string? handler, string[] textInputs, string? text = null)
    {
        var page = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var form = page.QuerySelectorAll("form[method='post']").FirstOrDefault(f => Handler(f.GetAttribute("action")) == handler
            && f.QuerySelector("textarea") is not null)
            ?? throw new ShouldAssertException($"{url} has no form for handler {handler ?? "(default)"} with a text area");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            var type = element.GetAttribute("type");
            if (type is "submit" or "button" or "file" || ((type is "checkbox" or "radio") && !element.HasAttribute("checked")))
            {
                continue;
            }
            var value = element.LocalName switch
            {
                "textarea" => text ?? Marker,
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value")
                    ?? element.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "",
                _ when textInputs.Contains(name) => Marker,
                // A required date left empty on a new record: today, in the field's own format.
                _ when string.IsNullOrEmpty(element.GetAttribute("value")) && name.EndsWith("Date", StringComparison.Ordinal) =>
                    type == "date" ? Sispmpi.Web.Infrastructure.Web.BrazilTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                        : Sispmpi.Web.Infrastructure.Web.BrazilTime.Today(TimeProvider.System).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                _ => element.GetAttribute("value") ?? "",
            };
            fields.Add(new(name, value));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            throw new ShouldAssertException($"POST {action} answered {(int)response.StatusCode}: "
                + string.Join(" | ", body.QuerySelectorAll(".feedback.danger, .br-message.danger").Select(e => e.TextContent.Trim())));
        }
        return response;

        static string? Handler(string? formAction) =>
            formAction?.Split('?').Skip(1).SelectMany(q => q.Split('&')).Select(p => p.Split('='))
                .Where(p => p.Length == 2 && p[0].Equals("handler", StringComparison.OrdinalIgnoreCase)).Select(p => p[1]).FirstOrDefault();
    }

    private sealed record Ids(int PrepPlan, int PrepAction, int PublishedPlan, int PublishedAction);

    /// <summary>The next edition of SEPLAG's plan in preparation, with one action; and one of the executor's actions on the published plan.</summary>
    private Task<Ids> PrepareAsync() => app.WithDbAsync(async db =>
    {
        var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
        var executorId = await db.Users.Where(u => u.Email == SweepFixture.DemoEmail(Profile.Executor)).Select(u => u.Id).SingleAsync();
        var published = await db.Plans.SingleAsync(p => p.OrganizationId == seplag.Id && p.Status == PlanStatus.Published);
        var existing = await db.Plans.FirstOrDefaultAsync(p => p.OrganizationId == seplag.Id && p.Status == PlanStatus.InPreparation);
        var plan = existing ?? new IntegrityPlan
        {
            OrganizationId = seplag.Id, Title = "Próxima edição", Edition = "2031–2032", Status = PlanStatus.InPreparation, CreatedAt = DateTimeOffset.UtcNow,
        };
        if (existing is null)
        {
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var axis = new PlanAxis { OrganizationId = seplag.Id, PlanId = plan.Id, Position = 1, Number = "1", Title = "Eixo da próxima edição" };
            db.PlanAxes.Add(axis);
            await db.SaveChangesAsync();
            db.PlanActions.Add(new PlanAction
            {
                OrganizationId = seplag.Id, PlanId = plan.Id, AxisId = axis.Id, Position = 1, Number = "1.1", Title = "Ação da próxima edição",
                ActionType = "Capacitação", PlannedStart = new DateOnly(2031, 1, 1), PlannedEnd = new DateOnly(2031, 12, 31),
                ExecutingUnitId = await db.AdministrativeUnits.Where(u => u.OrganizationId == seplag.Id).Select(u => u.Id).FirstAsync(),
            });
            // Step 1 done (the diagnosis opens only then): a commission formally instituted, with its coordinator.
            var unit = await db.AdministrativeUnits.Where(u => u.OrganizationId == seplag.Id).Select(u => u.Id).FirstAsync();
            db.Commissions.Add(new Sispmpi.Web.Features.Formulation.IntegrityCommission
            {
                OrganizationId = seplag.Id, PlanId = plan.Id, IsFormallyInstituted = true, ActType = "Resolução", ActNumber = "SEPLAG nº 77",
                ActDate = new DateOnly(2030, 6, 1), ActLink = "https://www.jornalminasgerais.mg.gov.br/", StartDate = new DateOnly(2030, 6, 1), PlannedDurationDays = 120,
                Members = [new() { OrganizationId = seplag.Id, Name = "Beatriz Comissão", UnitId = unit, Email = "comissao@demo.gov.br", IsCoordinator = true }],
            });
            await db.SaveChangesAsync();
        }
        var prepAction = await db.PlanActions.Where(a => a.PlanId == plan.Id).Select(a => a.Id).FirstAsync();
        var publishedAction = await db.PlanActions.Where(a => a.PlanId == published.Id && a.ResponsibleUserId == executorId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        return new Ids(plan.Id, prepAction, published.Id, publishedAction);
    });
}
