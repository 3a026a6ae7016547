using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Text;
using Sispmpi.Web.Tests.Api;
using Sispmpi.Web.Tests.Authorization;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Documents;

/// <summary>
/// The formatted long texts (diagnosis results, action description, validation remarks, execution notes, meeting
/// agenda): what the toolbar writes comes out bold, italic, as lists and links on the pages and in the PDF and DOCX
/// documents; text typed before keeps its line breaks; and no script or event attribute ever comes out — pages,
/// transparency portal, PDF, DOCX or API.
/// </summary>
public sealed partial class FormattedTextTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    /// <summary>What the toolbar writes, with hostile lines a person (or a script) could type among them.</summary>
    private const string Formatted =
        "Texto com **negrito-fmt** e *italico-fmt*.\n\n- primeiro-item\n- segundo-item\n\n1. passo-um\n2. passo-dois\n\n"
        + "Veja [o portal](https://www.mg.gov.br/) e [isto](javascript:alert('xss-LINK')).\n\n"
        + "<script>alert('xss-SCRIPT')</script>\n\n<img src=x onerror=alert('xss-IMG')>\n\n<a href=\"https://a.b/\" onclick=\"alert('xss-CLICK')\">clique</a>\n\n"
        + "[a](https://a.b/){onmouseover=alert('xss-ATTR')} <svg onload=alert('xss-SVG')>";

    [Fact]
    public void The_toolbar_marks_become_bold_italic_lists_and_links_and_plain_text_keeps_its_line_breaks()
    {
        var html = FormattedText.ToHtml(Formatted);
        html.ShouldContain("<strong>negrito-fmt</strong>");
        html.ShouldContain("<em>italico-fmt</em>");
        html.ShouldContain("<ul>\n<li>primeiro-item</li>\n<li>segundo-item</li>\n</ul>");
        html.ShouldContain("<ol>\n<li>passo-um</li>");
        var link = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("a[href='https://www.mg.gov.br/']").ShouldNotBeNull(html);
        link.TextContent.ShouldBe("o portal");
        AssertInert("ToHtml", html);

        // Text typed before the toolbar: one line per item, a "#" and a row of dashes that are not Markdown here.
        var plain = FormattedText.ToHtml("Linha um\nLinha dois\n# não é título\n----\n    recuado");
        plain.ShouldBe("<p>Linha um<br />\nLinha dois<br />\n# não é título<br />\n----<br />\nrecuado</p>");

        var blocks = FormattedText.ToBlocks(Formatted);
        var first = blocks[0].ShouldBeOfType<Paragraph>();
        first.Runs!.ShouldContain(new InlineRun("negrito-fmt", Bold: true));
        first.Runs!.ShouldContain(new InlineRun("italico-fmt", Italic: true));
        blocks[1].ShouldBeOfType<BulletList>().Items.ShouldBe(["primeiro-item", "segundo-item"]);
        blocks[2].ShouldBeOfType<BulletList>().Numbered.ShouldBeTrue();
        var links = blocks[3].ShouldBeOfType<Paragraph>().Text;
        links.ShouldBe("Veja o portal (https://www.mg.gov.br/) e isto.");
        FormattedText.ToPlainText("**a**\n\n- b\n- c").ShouldBe("a\n• b\n• c");
    }

    [Fact]
    public async Task Formatted_text_shows_formatted_on_pages_and_documents_and_never_as_markup()
    {
        var ids = await PrepareAsync();
        var executor = await app.LoginAsync(SweepFixture.DemoEmail(Profile.Executor));
        var monitor = await app.LoginAsync(SweepFixture.DemoEmail(Profile.MonitoringCommittee));
        var senior = await app.LoginAsync(SweepFixture.DemoEmail(Profile.SeniorManagement));
        var commission = await app.LoginAsync(SweepFixture.DemoEmail(Profile.IntegrityCommission));

        // The forms offer the toolbar (and say what it writes) on each formatted field.
        foreach (var (client, url, field) in new[]
        {
            (executor, $"/acoes/{ids.Action}/execucao", "Record.Notes"),
            (monitor, "/monitoramento/reunioes/nova", "Input.Agenda"),
            (commission, $"/planos/{ids.Plan}/etapas/validacao", "Input.Remarks"),
        })
        {
            var form = await SispmpiAppFactory.GetDocumentAsync(client, url);
            var area = form.QuerySelector($"textarea[name='{field}']").ShouldNotBeNull(url);
            area.HasAttribute("data-formatted").ShouldBeTrue($"{url} {field}");
            form.QuerySelector("#" + area.Id + "-format")!.TextContent.ShouldContain("**negrito**");
        }

        var pages = new (HttpClient Client, string Url, string Selector)[]
        {
            (executor, $"/acoes/{ids.Action}", "dd .sispmpi-formatted"),
            (monitor, $"/monitoramento/reunioes/{ids.Meeting}", "#pauta .sispmpi-formatted"),
            (senior, $"/planos/{ids.Plan}/etapas/diagnostico/ciencia", "dd .sispmpi-formatted"),
            // The validation's remarks, as recorded, under its form.
            (commission, $"/planos/{ids.Plan}/etapas/validacao", "[aria-labelledby='observacoes'] .sispmpi-formatted"),
        };
        foreach (var (client, url, selector) in pages)
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var html = await response.Content.ReadAsStringAsync();
            var document = await SispmpiAppFactory.ParseAsync(html);
            var text = document.QuerySelector(selector).ShouldNotBeNull($"{url}: {selector}");
            text.QuerySelector("strong")!.TextContent.ShouldBe("negrito-fmt", url);
            text.QuerySelector("em")!.TextContent.ShouldBe("italico-fmt", url);
            text.QuerySelectorAll("ul > li").Select(li => li.TextContent).ShouldBe(["primeiro-item", "segundo-item"], url);
            text.QuerySelectorAll("ol > li").Length.ShouldBe(2, url);
            text.QuerySelector("a[href='https://www.mg.gov.br/']").ShouldNotBeNull(url);
            text.TextContent.ShouldContain("<script>alert('xss-SCRIPT')</script>", Case.Sensitive, url);
            AssertInert(url, html);
        }

        // The transparency portal and the API: nothing of it as markup either.
        using (var portal = await app.CreateAnonymousClient().GetAsync($"/transparencia/planos/{ids.Plan}"))
        {
            portal.StatusCode.ShouldBe(HttpStatusCode.OK);
            AssertInert("portal", await portal.Content.ReadAsStringAsync());
        }
        var token = await app.CreateTokenAsync(SweepFixture.DemoEmail(Profile.Executor), "SEPLAG", canWrite: false);
        foreach (var url in new[] { $"/api/v1/actions/{ids.Action}", $"/api/v1/actions/{ids.Action}/execution" })
        {
            using var api = await app.CreateTokenClient(token).GetAsync(url);
            api.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var json = await api.Content.ReadAsStringAsync();
            // The stored text, as typed, in a JSON string: the characters that make markup are escaped.
            json.ShouldContain("negrito-fmt", Case.Sensitive, url);
            AssertInert(url, json);
        }

        // PDF: the action's description (plan), the execution notes (monitoring report) and the agenda (minutes),
        // formatted in the same way: the words without their marks, list items as list items.
        foreach (var (client, url) in new[]
        {
            (commission, $"/planos/{ids.Plan}/documento.pdf"),
            (monitor, $"/monitoramento/planos/{ids.Plan}/relatorio.pdf"),
            (monitor, $"/monitoramento/reunioes/{ids.Meeting}/ata.pdf"),
        })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            using var pdf = new PdfFile(await response.Content.ReadAsByteArrayAsync(), "formatado");
            var text = pdf.FlatText();
            text.ShouldContain("Texto com negrito-fmt e italico-fmt.", Case.Sensitive, url);
            text.ShouldNotContain("**", Case.Sensitive, url);
            text.ShouldContain("primeiro-item", Case.Sensitive, url);
            text.ShouldContain("o portal (https://www.mg.gov.br/)", Case.Sensitive, url);
            text.ShouldNotContain("javascript:", Case.Insensitive, url);
            pdf.Fonts().Select(f => f.Name).ShouldContain(n => n.Contains("Italic", StringComparison.Ordinal), url);
        }

        // DOCX: the diagnosis, with the bold and italic words in bold and italic runs and the items as list paragraphs.
        var docx = await DocxBodyAsync(commission, $"/planos/{ids.Plan}/minuta-do-programa.docx");
        BoldRun().IsMatch(docx).ShouldBeTrue("negrito-fmt em negrito no DOCX");
        ItalicRun().IsMatch(docx).ShouldBeTrue("italico-fmt em itálico no DOCX");
        docx.ShouldContain("primeiro-item");
        docx.ShouldNotContain("**");
        // The hostile lines are text of the document (escaped in its XML), never elements of it.
        docx.ShouldContain("&lt;script&gt;alert('xss-SCRIPT')&lt;/script&gt;");
        docx.ShouldNotContain("<script", Case.Insensitive);
        docx.ShouldNotContain("<img", Case.Insensitive);
    }

    [Fact]
    public async Task Plain_text_typed_before_the_toolbar_keeps_its_line_breaks_on_the_page()
    {
        var ids = await PrepareAsync();
        await app.WithDbAsync(async db =>
        {
            var meeting = await db.Set<CommitteeMeeting>().SingleAsync(m => m.Id == ids.Meeting);
            meeting.Agenda = "Informes do comitê\nAções em atraso\nO que vier";
            await db.SaveChangesAsync();
        });
        var monitor = await app.LoginAsync(SweepFixture.DemoEmail(Profile.MonitoringCommittee));
        var page = await SispmpiAppFactory.GetDocumentAsync(monitor, $"/monitoramento/reunioes/{ids.Meeting}");
        var agenda = page.QuerySelector("#pauta .sispmpi-formatted")!;
        agenda.QuerySelectorAll("br").Length.ShouldBe(2);
        agenda.TextContent.Trim().ShouldBe("Informes do comitê\nAções em atraso\nO que vier");
    }

    /// <summary>No script element, no event attribute, no javascript: address: the hostile lines came out as text.</summary>
    private static void AssertInert(string where, string output)
    {
        output.ShouldNotContain("<script>alert", Case.Insensitive, where);
        output.ShouldNotContain("<img src=x", Case.Insensitive, where);
        output.ShouldNotContain("<svg onload", Case.Insensitive, where);
        EventAttribute().IsMatch(output).ShouldBeFalse($"{where}: {EventAttribute().Match(output).Value}");
        output.ShouldNotContain("href=\"javascript:", Case.Insensitive, where);
    }

    /// <summary>An event attribute inside a tag: the hostile text appears escaped (&lt;img …) elsewhere, never in a tag.</summary>
    [GeneratedRegex("<[a-z][^<>]*\\s(onerror|onclick|onload|onmouseover)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [GeneratedRegex("<w:r><w:rPr><w:b />(?:(?!</w:r>).)*<w:t[^>]*>negrito-fmt</w:t>")]
    private static partial Regex BoldRun();

    [GeneratedRegex("<w:r><w:rPr>(?:(?!</w:r>).)*<w:i />(?:(?!</w:r>).)*<w:t[^>]*>italico-fmt</w:t>")]
    private static partial Regex ItalicRun();

    private static async Task<string> DocxBodyAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private sealed record Ids(int Plan, int Action, int Meeting);

    /// <summary>SEPLAG's published plan: the executor's action, its execution notes, the diagnosis, the validation and a meeting, all formatted.</summary>
    private Task<Ids> PrepareAsync() => app.WithDbAsync(async db =>
    {
        var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
        var executorId = await db.Users.Where(u => u.Email == SweepFixture.DemoEmail(Profile.Executor)).Select(u => u.Id).SingleAsync();
        var plan = await db.Plans.SingleAsync(p => p.OrganizationId == seplag.Id && p.Status == PlanStatus.Published);
        var action = await db.PlanActions.Where(a => a.PlanId == plan.Id && a.ResponsibleUserId == executorId).OrderBy(a => a.Id).FirstAsync();
        action.Description = Formatted;
        action.ExecutionNotes = Formatted;
        plan.ValidationRemarks = Formatted;
        var diagnosis = await db.Diagnoses.SingleAsync(d => d.PlanId == plan.Id);
        diagnosis.MainFindings = Formatted;
        var meeting = await db.Set<CommitteeMeeting>().Where(m => m.OrganizationId == seplag.Id).OrderBy(m => m.Id).FirstAsync();
        meeting.Agenda = Formatted;
        await db.SaveChangesAsync();
        return new Ids(plan.Id, action.Id, meeting.Id);
    });
}
