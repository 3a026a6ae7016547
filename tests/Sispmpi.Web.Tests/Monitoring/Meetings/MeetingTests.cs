using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Documents;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Monitoring.Meetings;
using Sispmpi.Web.Tests.Documents;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Monitoring.Meetings;

/// <summary>
/// Meetings of the monitoring committee (SPEC §3.3): recorded by the committee through the pages, with participants
/// and Markdown minutes shown without injected markup; the minutes as PDF; who reads and who writes; tenancy; and
/// the electronic signature that freezes the minutes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MeetingTests(SispmpiAppFactory app)
{
    private const string Monitor = "monitor@demo.gov.br";
    private const string Observer = "observador@demo.gov.br";
    private const string List = "/monitoramento/reunioes";

    private const string HostileMinutes =
        "## Deliberações\n\nO comitê aprovou o **relatório trimestral** por *unanimidade*.\n\n- Cobrar a ação 1.2\n- Rever o prazo da ação 2.1\n\n" +
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[clique aqui](javascript:alert(1))";

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    private Task<int> SeplagAsync() => app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync());

    private Task<int> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A SEPLAG meeting written straight to the database, for the tests that start from one.</summary>
    private async Task<CommitteeMeeting> CreateMeetingAsync(string title, DateOnly? date = null, string? minutes = "Ata da reunião: **aprovado**.")
    {
        var seplag = await SeplagAsync();
        var monitorId = await UserIdAsync(Monitor);
        return await app.WithDbAsync(async db =>
        {
            var meeting = new CommitteeMeeting
            {
                OrganizationId = seplag, Title = title, Date = date ?? new DateOnly(2026, 3, 10), Agenda = "Abertura\nInformes",
                Minutes = minutes, CreatedAt = DateTimeOffset.UtcNow, CreatedById = monitorId,
                Participants =
                [
                    new MeetingParticipant { OrganizationId = seplag, UserId = monitorId, Name = "Márcio Monitoramento", Role = "Monitoramento" },
                    new MeetingParticipant { OrganizationId = seplag, Name = "Convidada Externa", Role = "Auditora do TCE" },
                ],
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting;
        });
    }

    private static Dictionary<string, string> Form(string date, string title, string? agenda = null, string? minutes = null,
        string? others = null, int? planId = null)
    {
        var form = new Dictionary<string, string> { ["Input.Date"] = date, ["Input.Title"] = title };
        if (agenda is not null)
        {
            form["Input.Agenda"] = agenda;
        }
        if (minutes is not null)
        {
            form["Input.Minutes"] = minutes;
        }
        if (others is not null)
        {
            form["Input.OtherParticipants"] = others;
        }
        if (planId is not null)
        {
            form["Input.PlanId"] = planId.Value.ToString();
        }
        return form;
    }

    /// <summary>A form with repeated fields (the participant checkboxes), posted with the antiforgery token of <paramref name="formPage"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields,
        IEnumerable<int> userIds, string? formPage = null)
    {
        var page = await SispmpiAppFactory.GetDocumentAsync(client, formPage ?? url);
        var token = page.QuerySelector($"input[name='{SispmpiAppFactory.AntiforgeryField}']")!.GetAttribute("value")!;
        var pairs = fields.ToList();
        pairs.AddRange(userIds.Select(id => new KeyValuePair<string, string>("Input.UserIds", id.ToString())));
        pairs.Add(new(SispmpiAppFactory.AntiforgeryField, token));
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    [Fact]
    public async Task The_committee_records_a_meeting_with_participants_and_its_minutes_are_shown_without_injected_markup()
    {
        var monitor = await app.LoginAsync(Monitor);
        var monitorId = await UserIdAsync(Monitor);
        var observerId = await UserIdAsync(Observer);
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Title == "Plano de Integridade da SEPLAG").Select(p => p.Id).SingleAsync());
        var title = Unique("1ª reunião ordinária");

        var list = await SispmpiAppFactory.GetDocumentAsync(monitor, List);
        list.QuerySelectorAll("a").Any(a => a.GetAttribute("href") == $"{List}/nova" && a.TextContent.Contains("Nova reunião")).ShouldBeTrue();

        // The form offers the organization's users and plans, and the Markdown guide.
        var form = await SispmpiAppFactory.GetDocumentAsync(monitor, $"{List}/nova");
        var people = form.QuerySelectorAll(".sispmpi-meeting-participants label").Select(l => l.TextContent.Trim()).ToList();
        people.ShouldContain(p => p.StartsWith("Márcio Monitoramento", StringComparison.Ordinal));
        people.ShouldContain(p => p.StartsWith("Olívia Observadora", StringComparison.Ordinal));
        people.ShouldNotContain(p => p.StartsWith("Ana Administradora", StringComparison.Ordinal), "the CGE's administrator holds no profile in SEPLAG");
        form.QuerySelectorAll("#Input_PlanId option").Select(o => o.GetAttribute("value")).ShouldContain(planId.ToString());
        var guide = form.QuerySelector("#guia-markdown")!.TextContent;
        guide.ShouldContain("**negrito**");
        guide.ShouldContain("*itálico*");
        guide.ShouldContain("## ");

        using (var response = await PostAsync(monitor, $"{List}/nova",
            Form("2026-03-10", title, "Abertura\nInformes do comitê\nEncerramento", HostileMinutes,
                "Maria Souza — Assessora da CGE\n\nJoão Lima\nMaria Souza — Assessora da CGE", planId), [monitorId, observerId]))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Participants).SingleAsync(m => m.Title == title));
        meeting.OrganizationId.ShouldBe(await SeplagAsync());
        meeting.Date.ShouldBe(new DateOnly(2026, 3, 10));
        meeting.PlanId.ShouldBe(planId);
        meeting.CreatedById.ShouldBe(monitorId);
        meeting.Minutes.ShouldBe(HostileMinutes);
        meeting.Participants.Select(p => (p.UserId, p.Name, p.Role)).OrderBy(p => p.Name).ShouldBe(
        [
            (null, "João Lima", null),
            (monitorId, "Márcio Monitoramento", "Analista"),
            (null, "Maria Souza", "Assessora da CGE"),
            (observerId, "Olívia Observadora", "Analista"),
        ]);
        meeting.Participants.ShouldAllBe(p => p.OrganizationId == meeting.OrganizationId);

        // The details page: the minutes formatted, and what was typed as HTML shown as text, never as markup.
        var details = await SispmpiAppFactory.GetDocumentAsync(monitor, $"{List}/{meeting.Id}");
        details.QuerySelector("h1")!.TextContent.ShouldBe(title);
        details.QuerySelector("#data-reuniao")!.TextContent.ShouldBe("10/03/2026");
        var minutes = details.QuerySelector("#ata")!;
        minutes.QuerySelector("h3")!.TextContent.ShouldBe("Deliberações");
        minutes.QuerySelector("strong")!.TextContent.ShouldBe("relatório trimestral");
        minutes.QuerySelector("em")!.TextContent.ShouldBe("unanimidade");
        minutes.QuerySelectorAll("li").Select(l => l.TextContent).ShouldBe(["Cobrar a ação 1.2", "Rever o prazo da ação 2.1"]);
        minutes.QuerySelectorAll("script, img, a, iframe").ShouldBeEmpty();
        minutes.QuerySelectorAll("*").SelectMany(e => e.Attributes).ShouldBeEmpty();
        minutes.TextContent.ShouldContain("<script>alert(1)</script>");
        minutes.TextContent.ShouldContain("<img src=x onerror=alert(1)>");
        minutes.TextContent.ShouldContain("clique aqui");
        details.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"), "no inline script anywhere on the page");
        details.QuerySelectorAll("#participantes li").Select(l => l.TextContent.Trim())
            .ShouldBe(["João Lima", "Márcio Monitoramento — Analista", "Maria Souza — Assessora da CGE", "Olívia Observadora — Analista"]);
        details.QuerySelector("#pauta")!.TextContent.ShouldContain("Informes do comitê");
        var actions = details.QuerySelector("#acoes-reuniao")!;
        actions.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ShouldBe(["Baixar ata (PDF)", "Assinar ata", "Editar"]);
        details.QuerySelector("form[data-confirm] button")!.TextContent.ShouldContain("Excluir");

        // The list shows it, newest first, and finds it by any part of its title, whatever the case.
        list = await SispmpiAppFactory.GetDocumentAsync(monitor, $"{List}?busca={Uri.EscapeDataString(title[^8..].ToUpperInvariant())}");
        var rows = list.QuerySelectorAll("#lista-reunioes tbody tr").ToList();
        rows.Count.ShouldBe(1);
        rows[0].GetAttribute("data-meeting-id").ShouldBe(meeting.Id.ToString());
        rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ShouldBe(["10/03/2026", title, "Plano de Integridade da SEPLAG", "4", "Redigida"]);
        var none = await SispmpiAppFactory.GetDocumentAsync(monitor, $"{List}?busca=nenhuma-reuniao-com-este-titulo");
        none.QuerySelector("#sem-reunioes")!.TextContent.ShouldContain("Nenhuma reunião encontrada");

        // Editing: the form comes back filled in; unchecking a user and changing the others is saved.
        var edit = await SispmpiAppFactory.GetDocumentAsync(monitor, $"{List}/{meeting.Id}/editar");
        edit.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe(title);
        edit.QuerySelector("#Input_Date")!.GetAttribute("value").ShouldBe("2026-03-10");
        edit.QuerySelector("#Input_Minutes")!.TextContent.Trim().ShouldBe(HostileMinutes);
        edit.QuerySelectorAll("input[name='Input.UserIds'][checked]").Select(i => int.Parse(i.GetAttribute("value")!)).Order()
            .ShouldBe(new[] { monitorId, observerId }.Order());
        edit.QuerySelector("#Input_OtherParticipants")!.TextContent.Trim().ShouldBe("Maria Souza — Assessora da CGE\nJoão Lima");
        var renamed = title + " (retificada)";
        using (var response = await PostAsync(monitor, $"{List}/{meeting.Id}/editar",
            Form("2026-03-11", renamed, "Abertura", "Sem deliberações.", "Maria Souza — Assessora da CGE\nPedro Alves - Consultor"), [monitorId]))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe($"{List}/{meeting.Id}");
        }
        var edited = await app.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Participants).SingleAsync(m => m.Id == meeting.Id));
        edited.Title.ShouldBe(renamed);
        edited.Date.ShouldBe(new DateOnly(2026, 3, 11));
        edited.PlanId.ShouldBeNull();
        edited.Participants.Select(p => (p.UserId, p.Name, p.Role)).OrderBy(p => p.Name).ShouldBe(
        [
            (monitorId, "Márcio Monitoramento", "Analista"),
            (null, "Maria Souza", "Assessora da CGE"),
            (null, "Pedro Alves", "Consultor"),
        ]);
        // The unchanged external participant is the same row: editing does not rewrite what did not change.
        edited.Participants.Single(p => p.Name == "Maria Souza").Id.ShouldBe(meeting.Participants.Single(p => p.Name == "Maria Souza").Id);
    }

    [Fact]
    public async Task The_minutes_pdf_carries_the_heading_title_date_participants_agenda_and_minutes()
    {
        var title = Unique("Reunião extraordinária");
        var meeting = await CreateMeetingAsync(title, new DateOnly(2026, 2, 5),
            "## Deliberações\n\nO comitê decidiu **cobrar** os executores.\n\n- Ação 1.1 em atraso\n- Ação 2.3 concluída\n\n<script>alert(1)</script>");
        var observer = await app.LoginAsync(Observer);

        using var response = await observer.GetAsync($"{List}/{meeting.Id}/ata.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"ata-reuniao-2026-02-05-{meeting.Id}.pdf");
        using var pdf = new PdfFile(await response.Content.ReadAsByteArrayAsync(), "ata");
        var text = pdf.FlatText();
        text.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        text.ShouldContain("Ata da reunião do comitê de monitoramento");
        text.ShouldContain(title);
        text.ShouldContain("05/02/2026");
        text.ShouldContain("Márcio Monitoramento");
        text.ShouldContain("Convidada Externa");
        text.ShouldContain("Auditora do TCE");
        text.ShouldContain("Abertura");
        text.ShouldContain("Informes");
        text.ShouldContain("Deliberações");
        text.ShouldContain("O comitê decidiu cobrar os executores.");
        text.ShouldContain("Ação 1.1 em atraso");
        text.ShouldContain("Ação 2.3 concluída");
        text.ShouldNotContain("**");
        text.ShouldNotContain("## ");
        text.ShouldContain("<script>alert(1)</script>", customMessage: "typed HTML is printed as the text it is");
    }

    [Fact]
    public async Task The_observer_reads_meetings_but_every_write_is_refused()
    {
        var title = Unique("Reunião para observar");
        var meeting = await CreateMeetingAsync(title);
        var observer = await app.LoginAsync(Observer);

        var list = await SispmpiAppFactory.GetDocumentAsync(observer, $"{List}?busca={Uri.EscapeDataString(title)}");
        list.QuerySelector($"tr[data-meeting-id='{meeting.Id}']").ShouldNotBeNull();
        list.QuerySelectorAll("a").ShouldNotContain(a => a.GetAttribute("href") == $"{List}/nova");
        var details = await SispmpiAppFactory.GetDocumentAsync(observer, $"{List}/{meeting.Id}");
        details.QuerySelector("#acoes-reuniao")!.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ShouldBe(["Baixar ata (PDF)"]);
        details.QuerySelector("form[data-confirm]").ShouldBeNull();
        (await observer.GetAsync($"{List}/{meeting.Id}/ata.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await observer.GetAsync($"{List}/nova")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await observer.GetAsync($"{List}/{meeting.Id}/editar")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var refused = new[]
        {
            ($"{List}/nova", Form("2026-03-10", "Reunião do observador")),
            ($"{List}/{meeting.Id}/editar", Form("2026-03-10", "Alterada pelo observador")),
            ($"{List}/{meeting.Id}?handler=Delete", new Dictionary<string, string>()),
            ($"{List}/{meeting.Id}/assinar", new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword }),
        };
        foreach (var (url, fields) in refused)
        {
            using var response = await SispmpiAppFactory.PostFormAsync(observer, url, fields, formPage: List);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
        (await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id))).Title.ShouldBe(title);
        (await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == "Reunião do observador"))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.SignedDocuments.AnyAsync(d => d.Kind == DocumentKind.MeetingMinutes && d.SubjectId == meeting.Id))).ShouldBeFalse();

        // The integrity commission does not see the monitoring module at all.
        var commission = await app.LoginAsync("comissao@demo.gov.br");
        (await commission.GetAsync($"{List}/{meeting.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_meeting_of_another_organization_is_not_found()
    {
        var title = Unique("Reunião reservada da SEPLAG");
        var meeting = await CreateMeetingAsync(title);
        // The executor is an observer in the Prefeitura de Ouro Preto: the monitoring module, but of another body.
        var executor = await app.LoginAsync("executor@demo.gov.br");
        var home = await SispmpiAppFactory.GetDocumentAsync(executor, "/");
        var prefeitura = home.QuerySelectorAll("#org-switch option").Single(o => o.TextContent.Contains("Prefeitura")).GetAttribute("value")!;
        using (var response = await SispmpiAppFactory.PostFormAsync(executor, "/conta/organizacao",
            new Dictionary<string, string> { ["organizationId"] = prefeitura }, formPage: "/"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        foreach (var url in new[] { $"{List}/{meeting.Id}", $"{List}/{meeting.Id}/ata.pdf", $"{List}/{meeting.Id}/assinar" })
        {
            (await executor.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        var list = await SispmpiAppFactory.GetDocumentAsync(executor, List);
        list.Body!.TextContent.ShouldNotContain(title);
    }

    [Fact]
    public async Task Signing_with_the_password_freezes_the_minutes_and_the_download_serves_the_signed_file()
    {
        var title = Unique("Reunião a assinar");
        var meeting = await CreateMeetingAsync(title, new DateOnly(2026, 1, 20));
        var monitor = await app.LoginAsync(Monitor);
        var sign = $"{List}/{meeting.Id}/assinar";

        var page = await SispmpiAppFactory.GetDocumentAsync(monitor, sign);
        page.QuerySelector("#Password").ShouldNotBeNull();
        using (var wrong = await SispmpiAppFactory.PostFormAsync(monitor, sign, new Dictionary<string, string> { ["Password"] = "senha-errada" }))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await SispmpiAppFactory.ParseAsync(await wrong.Content.ReadAsStringAsync());
            body.QuerySelector("#Password-error")!.TextContent.ShouldContain("Senha incorreta.");
        }
        (await app.WithDbAsync(db => db.SignedDocuments.AnyAsync(d => d.Kind == DocumentKind.MeetingMinutes && d.SubjectId == meeting.Id))).ShouldBeFalse();

        using (var right = await SispmpiAppFactory.PostFormAsync(monitor, sign, new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword }))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.Redirect, await right.Content.ReadAsStringAsync());
        }
        // The head signs in turn (a profile of Policies.Sign that reads the monitoring module).
        var head = await app.LoginAsync("alta@demo.gov.br");
        using (var second = await SispmpiAppFactory.PostFormAsync(head, sign, new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword }))
        {
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect, await second.Content.ReadAsStringAsync());
        }
        var signed = await app.WithDbAsync(db => db.SignedDocuments.AsNoTracking().Include(d => d.Signatures)
            .SingleAsync(d => d.Kind == DocumentKind.MeetingMinutes && d.SubjectId == meeting.Id));
        signed.OrganizationId.ShouldBe(meeting.OrganizationId);
        signed.Title.ShouldContain(title);
        signed.Signatures.Select(s => s.Name).ShouldBe(["Márcio Monitoramento", "Henrique Secretário"], ignoreOrder: true);

        // Frozen: neither the form nor the changes nor the deletion, each refused with the reason.
        using (var form = await monitor.GetAsync($"{List}/{meeting.Id}/editar"))
        {
            form.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await form.Content.ReadAsStringAsync()).ShouldContain("já foi assinada eletronicamente");
        }
        using (var change = await SispmpiAppFactory.PostFormAsync(monitor, $"{List}/{meeting.Id}/editar", Form("2026-01-20", "Alterada depois de assinada"), formPage: List))
        {
            change.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await change.Content.ReadAsStringAsync()).ShouldContain(MeetingRules.SignedMessage);
        }
        using (var delete = await SispmpiAppFactory.PostFormAsync(monitor, $"{List}/{meeting.Id}?handler=Delete", new Dictionary<string, string>(), formPage: List))
        {
            delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await delete.Content.ReadAsStringAsync()).ShouldContain(MeetingRules.SignedMessage);
        }
        (await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id))).Title.ShouldBe(title);

        // The page says so and offers neither; the download is the signed file exactly as stored.
        var details = await SispmpiAppFactory.GetDocumentAsync(monitor, $"{List}/{meeting.Id}");
        details.QuerySelector("#ata-assinada")!.TextContent.ShouldContain(signed.VerificationCode);
        details.QuerySelector("#acoes-reuniao")!.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ShouldBe(["Baixar ata (PDF)", "Ver assinaturas"]);
        details.QuerySelector("form[data-confirm]").ShouldBeNull();
        var observer = await app.LoginAsync(Observer);
        using var download = await observer.GetAsync($"{List}/{meeting.Id}/ata.pdf");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(signed.FileName);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Authenticity.Sha256(bytes).ShouldBe(signed.SignedSha256);
        using var pdf = new PdfFile(bytes, "ata-assinada");
        var text = pdf.FlatText();
        text.ShouldContain(title);
        text.ShouldContain(signed.VerificationCode);
        text.ShouldContain("Márcio Monitoramento");
        text.ShouldContain("Henrique Secretário");
        text.ShouldContain("conforme horário oficial de Brasília");

        // Signing again is refused; the public verification finds it.
        using (var again = await SispmpiAppFactory.PostFormAsync(monitor, sign, new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword }, formPage: List))
        {
            (await again.Content.ReadAsStringAsync()).ShouldContain("Você já assinou esta ata.");
        }
        using var verification = await SispmpiAppFactory.PostFormAsync(app.CreateAnonymousClient(), "/verificar",
            new Dictionary<string, string> { ["codigo"] = signed.VerificationCode, ["crc"] = signed.Crc });
        var verified = await verification.Content.ReadAsStringAsync();
        verified.ShouldContain("Documento autêntico");
        verified.ShouldContain(title);
    }

    [Fact]
    public async Task Minutes_not_yet_written_or_of_a_meeting_still_ahead_are_not_signed()
    {
        var monitor = await app.LoginAsync(Monitor);
        var blank = await CreateMeetingAsync(Unique("Reunião sem ata"), minutes: null);
        using (var response = await SispmpiAppFactory.PostFormAsync(monitor, $"{List}/{blank.Id}/assinar",
            new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain(SignModel.NoMinutesMessage);
        }
        var ahead = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var scheduled = await CreateMeetingAsync(Unique("Reunião agendada"), ahead);
        using (var response = await SispmpiAppFactory.PostFormAsync(monitor, $"{List}/{scheduled.Id}/assinar",
            new Dictionary<string, string> { ["Password"] = SispmpiAppFactory.DemoPassword }, formPage: List))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain("a ata só pode ser assinada a partir dessa data");
        }
        (await app.WithDbAsync(db => db.SignedDocuments.AnyAsync(d => d.Kind == DocumentKind.MeetingMinutes
            && (d.SubjectId == blank.Id || d.SubjectId == scheduled.Id)))).ShouldBeFalse();
    }

    [Fact]
    public async Task Errors_are_shown_in_portuguese_next_to_each_field_and_nothing_typed_is_lost()
    {
        var monitor = await app.LoginAsync(Monitor);
        var url = $"{List}/nova";

        using (var empty = await SispmpiAppFactory.PostFormAsync(monitor, url, new Dictionary<string, string> { ["Input.Date"] = "", ["Input.Title"] = "" }))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await empty.Content.ReadAsStringAsync());
            page.QuerySelector("#Input_Date-error")!.TextContent.ShouldContain("Informe a data da reunião.");
            page.QuerySelector("#Input_Title-error")!.TextContent.ShouldContain("Informe o título da reunião.");
            page.QuerySelector("#Input_Title")!.GetAttribute("aria-invalid").ShouldBe("true");
        }

        var otherPlan = await app.WithDbAsync(db => db.Plans.Where(p => p.Organization!.Acronym == "PMOP").Select(p => p.Id).FirstAsync());
        var outsider = await UserIdAsync("admin@demo.gov.br");
        var observerId = await UserIdAsync(Observer);
        var title = Unique("Reunião com erros");
        var fields = Form("31/02/2026", title, "Item 1\nItem 2", "Texto **da ata**", "— sem nome\nAna Paula — Auditora", otherPlan);
        using (var response = await PostAsync(monitor, url, fields, [observerId, outsider]))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.QuerySelector("#Input_Date-error")!.TextContent.ShouldContain("Informe uma data válida");
            page.QuerySelector("#Input_PlanId-error")!.TextContent.ShouldContain("Escolha um plano da lista.");
            page.QuerySelector("#Input_UserIds-error")!.TextContent.ShouldContain("Escolha participantes da lista de usuários do órgão.");
            page.QuerySelector("#Input_OtherParticipants-error")!.TextContent.ShouldContain("Linha 1: informe o nome antes do cargo.");
            page.QuerySelector("#Input_Title-error").ShouldBeNull();
            // Everything typed comes back.
            page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe(title);
            page.QuerySelector("#Input_Agenda")!.TextContent.Trim().ShouldBe("Item 1\nItem 2");
            page.QuerySelector("#Input_Minutes")!.TextContent.Trim().ShouldBe("Texto **da ata**");
            page.QuerySelector("#Input_OtherParticipants")!.TextContent.Trim().ShouldBe("— sem nome\nAna Paula — Auditora");
            page.QuerySelectorAll("input[name='Input.UserIds'][checked]").Select(i => i.GetAttribute("value")).ShouldBe([observerId.ToString()]);
        }
        using (var far = await SispmpiAppFactory.PostFormAsync(monitor, url, Form("1999-12-31", title)))
        {
            var page = await SispmpiAppFactory.ParseAsync(await far.Content.ReadAsStringAsync());
            page.QuerySelector("#Input_Date-error")!.TextContent.ShouldContain("Informe uma data válida, de 01/01/2000 a 31/12/");
        }
        using (var longName = await SispmpiAppFactory.PostFormAsync(monitor, url, Form("2026-03-10", title, others: "Ok\n" + new string('a', 201))))
        {
            var page = await SispmpiAppFactory.ParseAsync(await longName.Content.ReadAsStringAsync());
            page.QuerySelector("#Input_OtherParticipants-error")!.TextContent.ShouldContain("Linha 2: o nome deve ter até 200 caracteres.");
        }
        (await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == title))).ShouldBeFalse();

        // A meeting scheduled ahead is accepted.
        var ahead = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd");
        using (var future = await SispmpiAppFactory.PostFormAsync(monitor, url, Form(ahead, title)))
        {
            future.StatusCode.ShouldBe(HttpStatusCode.Redirect, await future.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_committee_deletes_an_unsigned_meeting_with_its_participants()
    {
        var meeting = await CreateMeetingAsync(Unique("Reunião a excluir"));
        var monitor = await app.LoginAsync(Monitor);
        using (var response = await SispmpiAppFactory.PostFormAsync(monitor, $"{List}/{meeting.Id}?handler=Delete",
            new Dictionary<string, string>(), formPage: $"{List}/{meeting.Id}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe(List);
        }
        (await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Id == meeting.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.MeetingParticipants.AnyAsync(p => p.MeetingId == meeting.Id))).ShouldBeFalse();
        (await monitor.GetAsync($"{List}/{meeting.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
