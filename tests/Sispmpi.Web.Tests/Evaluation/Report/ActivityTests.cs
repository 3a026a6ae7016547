using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Evaluation.Report.EvaluationTestData;

namespace Sispmpi.Web.Tests.Evaluation.Report;

/// <summary>
/// The log of integrity-promotion activities of internal control (SPEC §3.4): recorded, changed and deleted through the
/// pages, validated in Portuguese with the typed values kept, totalled per year; who reads, who writes, and tenancy.
/// Each test works in a year of its own, so the totals it checks are only its records.
/// </summary>
public sealed class ActivityTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string List = "/avaliacao/atividades";
    private const string New = "/avaliacao/atividades/nova";

    private static string Edit(int id) => $"/avaliacao/atividades/{id}/editar";

    private static Dictionary<string, string> Form(string date, string title, string hours, string? description = null)
    {
        var form = new Dictionary<string, string> { ["Input.Date"] = date, ["Input.Title"] = title, ["Input.Hours"] = hours };
        if (description is not null)
        {
            form["Input.Description"] = description;
        }
        return form;
    }

    private static string Text(IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new ShouldAssertException($"no {selector} on the page");

    private static string? ErrorOf(IDocument page, string field) => page.QuerySelector($"#Input_{field}-error")?.TextContent.Trim();

    private Task<int> CountAsync(int year) => app.WithDbAsync(db =>
        db.IntegrityActivities.CountAsync(a => a.Date >= new DateOnly(year, 1, 1) && a.Date <= new DateOnly(year, 12, 31)));

    [Fact]
    public async Task Internal_control_records_changes_and_deletes_activities_and_the_year_total_follows()
    {
        const int year = 2011;
        var client = await app.LoginAsync(Auditor);

        var empty = await SispmpiAppFactory.GetDocumentAsync(client, $"{List}?ano={year}");
        empty.QuerySelector("#sem-atividades")!.TextContent.ShouldContain($"Nenhuma atividade registrada em {year}.");
        Text(empty, "[data-year-hours]").ShouldBe("0 horas");
        empty.QuerySelector($"a[href='{New}']").ShouldNotBeNull();

        var lecture = Unique("Palestra sobre conflito de interesses");
        var workshop = Unique("Oficina de gestão de riscos");
        using (var created = await SispmpiAppFactory.PostFormAsync(client, New, Form($"{year}-05-10", lecture, "2,5", "Para 40 gestores.")))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            created.Headers.Location!.OriginalString.ShouldBe($"{List}?ano={year}");
        }
        (await SispmpiAppFactory.PostFormAsync(client, New, Form($"{year}-08-20", workshop, "1,75"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await app.WithDbAsync(db => db.IntegrityActivities.AsNoTracking().SingleAsync(a => a.Title == lecture));
        stored.Hours.ShouldBe(2.5m);
        stored.Date.ShouldBe(new DateOnly(year, 5, 10));
        stored.Description.ShouldBe("Para 40 gestores.");
        stored.RecordedById.ShouldBe(await app.UserIdAsync(Auditor));

        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"{List}?ano={year}");
        var rows = page.QuerySelectorAll("#lista-atividades tbody tr").ToList();
        rows.Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ShouldBe([workshop, lecture], "newest first");
        rows.Select(r => r.QuerySelector("[data-hours]")!.TextContent.Trim()).ShouldBe(["1,75", "2,5"]);
        rows[1].QuerySelectorAll("td")[0].TextContent.Trim().ShouldBe($"10/05/{year}");
        Text(page, "[data-year-hours]").ShouldBe("4,25 horas");
        Text(page, "[data-year-count]").ShouldBe("2");
        Text(page, $"[data-year-totals] tr[data-year='{year}'] [data-col=hours]").ShouldBe("4,25");
        Text(page, $"[data-year-totals] tr[data-year='{year}'] [data-col=count]").ShouldBe("2");
        page.QuerySelector($"#ano option[value='{year}']")!.HasAttribute("selected").ShouldBeTrue();

        // Edit: the form shows the stored values in Brazilian format; the change moves the total.
        var form = await SispmpiAppFactory.GetDocumentAsync(client, Edit(stored.Id));
        form.QuerySelector("#Input_Hours")!.GetAttribute("value").ShouldBe("2,5");
        form.QuerySelector("#Input_Date")!.GetAttribute("value").ShouldBe($"{year}-05-10");
        (await SispmpiAppFactory.PostFormAsync(client, Edit(stored.Id), Form($"{year}-05-11", lecture + " (revista)", "3")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await SispmpiAppFactory.GetDocumentAsync(client, $"{List}?ano={year}");
        Text(page, "[data-year-hours]").ShouldBe("4,75 horas");
        page.QuerySelector("#lista-atividades")!.TextContent.ShouldContain(lecture + " (revista)");

        // Delete, with the confirmation on the button's form.
        var deleteForm = page.QuerySelector($"form[action='{Edit(stored.Id)}?handler=Delete']")!;
        deleteForm.GetAttribute("data-confirm")!.ShouldContain("Esta ação não pode ser desfeita.");
        using (var deleted = await SispmpiAppFactory.PostFormAsync(client, Edit(stored.Id) + "?handler=Delete", new Dictionary<string, string>(), List))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.IntegrityActivities.AnyAsync(a => a.Id == stored.Id))).ShouldBeFalse();
        page = await SispmpiAppFactory.GetDocumentAsync(client, $"{List}?ano={year}");
        Text(page, "[data-year-hours]").ShouldBe("1,75 horas");
        Text(page, "[data-year-count]").ShouldBe("1");
        (await client.GetAsync(Edit(stored.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Yearly_totals_list_every_year_and_the_list_pages_by_twenty()
    {
        var titles = new List<string>();
        for (var i = 1; i <= 21; i++)
        {
            var title = Unique($"Atividade {i:00}");
            titles.Add(title);
            await app.AddActivityAsync("SEPLAG", new DateOnly(2013, 1, i), title, 0.5m);
        }
        await app.AddActivityAsync("SEPLAG", new DateOnly(2014, 3, 3), Unique("Curso de ética"), 8m);
        var client = await app.LoginAsync(Auditor);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"{List}?ano=2013");
        Text(page, "[data-year-hours]").ShouldBe("10,5 horas");
        Text(page, "[data-year-count]").ShouldBe("21");
        page.QuerySelectorAll("#lista-atividades tbody tr").Length.ShouldBe(20);
        page.QuerySelector("nav.br-pagination").ShouldNotBeNull();
        Text(page, "[data-year-totals] tr[data-year='2014'] [data-col=hours]").ShouldBe("8");
        Text(page, "[data-year-totals] tr[data-year='2013'] [data-col=hours]").ShouldBe("10,5");
        page.QuerySelector($"[data-year-totals] tr[data-year='{Today.Year}']").ShouldNotBeNull("the current year is always offered");

        var second = await SispmpiAppFactory.GetDocumentAsync(client, $"{List}?ano=2013&pagina=2");
        second.QuerySelectorAll("#lista-atividades tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ShouldBe([titles[0]]);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_portuguese_messages_and_the_typed_values_kept()
    {
        var client = await app.LoginAsync(Auditor);
        var before = await CountAsync(2012);

        var page = await SispmpiAppFactory.ParseAsync(await (await SispmpiAppFactory.PostFormAsync(client, New, Form("", "", ""))).Content.ReadAsStringAsync());
        ErrorOf(page, "Date").ShouldBe("Informe a data da atividade.");
        ErrorOf(page, "Title").ShouldBe("Informe a atividade realizada.");
        ErrorOf(page, "Hours").ShouldBe("Informe as horas dedicadas à atividade.");

        var tomorrow = Today.AddDays(1);
        var title = Unique("Atividade futura");
        using (var response = await SispmpiAppFactory.PostFormAsync(client, New, Form(Iso(tomorrow), title, "0", "Descrição mantida")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        }
        ErrorOf(page, "Date").ShouldBe($"A data não pode ser futura: informe uma data até {Br(Today)}.");
        ErrorOf(page, "Hours").ShouldBe("As horas devem ser maiores que zero.");
        ErrorOf(page, "Title").ShouldBeNull();
        page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe(title);
        page.QuerySelector("#Input_Date")!.GetAttribute("value").ShouldBe(Iso(tomorrow));
        page.QuerySelector("#Input_Description")!.TextContent.Trim().ShouldBe("Descrição mantida");

        page = await SispmpiAppFactory.ParseAsync(await (await SispmpiAppFactory.PostFormAsync(client, New, Form("2012-02-02", title, "25"))).Content.ReadAsStringAsync());
        ErrorOf(page, "Hours")!.ShouldStartWith("Informe no máximo 24 horas por registro.");
        page.QuerySelector("#Input_Hours")!.GetAttribute("value").ShouldBe("25");

        page = await SispmpiAppFactory.ParseAsync(await (await SispmpiAppFactory.PostFormAsync(client, New, Form("2012-02-02", title, "duas"))).Content.ReadAsStringAsync());
        ErrorOf(page, "Hours").ShouldBe("Informe as horas em número, com vírgula para a fração: por exemplo, 2,5.");
        page.QuerySelector("#Input_Hours")!.GetAttribute("value").ShouldBe("duas");

        page = await SispmpiAppFactory.ParseAsync(await (await SispmpiAppFactory.PostFormAsync(client, New, Form("2012-02-02", title, "1,255"))).Content.ReadAsStringAsync());
        ErrorOf(page, "Hours").ShouldBe("Informe as horas com no máximo duas casas decimais: por exemplo, 1,75.");

        page = await SispmpiAppFactory.ParseAsync(await (await SispmpiAppFactory.PostFormAsync(client, New, Form("1999-12-31", title, "1"))).Content.ReadAsStringAsync());
        ErrorOf(page, "Date").ShouldBe("Informe uma data a partir de 01/01/2000.");

        page = await SispmpiAppFactory.ParseAsync(await (await SispmpiAppFactory.PostFormAsync(client, New, Form("31/02/2012", title, "1"))).Content.ReadAsStringAsync());
        ErrorOf(page, "Date").ShouldBe("Informe uma data válida, no formato dd/mm/aaaa.");

        (await CountAsync(2012)).ShouldBe(before);

        // The limits themselves are accepted: 24 hours, today.
        (await SispmpiAppFactory.PostFormAsync(client, New, Form("2012-02-02", title, "24"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountAsync(2012)).ShouldBe(before + 1);

        // The edit form validates alike and keeps what was typed.
        var id = await app.WithDbAsync(db => db.IntegrityActivities.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        page = await SispmpiAppFactory.ParseAsync(await (await SispmpiAppFactory.PostFormAsync(client, Edit(id), Form("2012-02-02", "", "24,5"))).Content.ReadAsStringAsync());
        ErrorOf(page, "Title").ShouldBe("Informe a atividade realizada.");
        ErrorOf(page, "Hours")!.ShouldStartWith("Informe no máximo 24 horas por registro.");
        page.QuerySelector("#Input_Hours")!.GetAttribute("value").ShouldBe("24,5");
        (await app.WithDbAsync(db => db.IntegrityActivities.Where(a => a.Id == id).Select(a => a.Hours).SingleAsync())).ShouldBe(24m);
    }

    [Theory]
    [InlineData(Executor)]
    [InlineData(Observer)]
    public async Task Executor_and_observer_cannot_reach_the_pages(string email)
    {
        var id = await app.AddActivityAsync("SEPLAG", new DateOnly(2015, 4, 4), Unique("Atividade protegida"), 1m);
        var client = await app.LoginAsync(email);

        foreach (var url in new[] { List, New, Edit(id) })
        {
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
        (await SispmpiAppFactory.PostFormAsync(client, New, Form("2015-04-05", "Tentativa", "1"), "/conta")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SispmpiAppFactory.PostFormAsync(client, Edit(id) + "?handler=Delete", new Dictionary<string, string>(), "/conta"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.IntegrityActivities.AnyAsync(a => a.Id == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task The_head_reads_the_log_but_does_not_change_it()
    {
        var title = Unique("Atividade lida pela alta administração");
        var id = await app.AddActivityAsync("SEPLAG", new DateOnly(2016, 6, 6), title, 2m);
        var client = await app.LoginAsync(Head);

        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"{List}?ano=2016");
        page.QuerySelector("#lista-atividades")!.TextContent.ShouldContain(title);
        page.QuerySelector($"a[href='{New}']").ShouldBeNull();
        page.QuerySelector($"a[href='{Edit(id)}']").ShouldBeNull();
        (await client.GetAsync(New)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync(Edit(id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SispmpiAppFactory.PostFormAsync(client, Edit(id) + "?handler=Delete", new Dictionary<string, string>(), $"{List}?ano=2016"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.IntegrityActivities.AnyAsync(a => a.Id == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Another_organizations_activity_is_not_found()
    {
        var title = Unique("Atividade da prefeitura");
        var id = await app.AddActivityAsync("PMOP", new DateOnly(2017, 7, 7), title, 3m);
        var auditor = await app.LoginAsync(Auditor);

        (await auditor.GetAsync(Edit(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SispmpiAppFactory.PostFormAsync(auditor, Edit(id), Form("2017-07-08", "Invasão", "1"), List)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SispmpiAppFactory.PostFormAsync(auditor, Edit(id) + "?handler=Delete", new Dictionary<string, string>(), List))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await SispmpiAppFactory.GetDocumentAsync(auditor, $"{List}?ano=2017");
        page.Body!.TextContent.ShouldNotContain(title);
        Text(page, "[data-year-hours]").ShouldBe("0 horas");

        // Its own internal control does reach it.
        var own = await app.LoginAsync(await app.CreateUserAsync("PMOP", Profile.InternalControl));
        (await SispmpiAppFactory.GetDocumentAsync(own, $"{List}?ano=2017")).QuerySelector("#lista-atividades")!.TextContent.ShouldContain(title);
        await SispmpiAppFactory.GetDocumentAsync(own, Edit(id));
        (await app.WithDbAsync(db => db.IntegrityActivities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync())).ShouldBe(title);
    }
}
