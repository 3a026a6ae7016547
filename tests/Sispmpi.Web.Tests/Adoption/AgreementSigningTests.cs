using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Adoption.Demo;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Adoption;

/// <summary>
/// Signing a cooperation agreement (issue 19): a participant's signatory is linked to an account; only that account signs
/// for the participant, or a central administrator on its behalf, recorded as such; a participant signs once.
/// </summary>
public sealed class AgreementSigningTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Admin = "admin@demo.gov.br";

    [Fact]
    public async Task The_linked_signatory_signs_for_its_participant_and_the_central_administrator_on_behalf_of_another()
    {
        var agreementId = await app.WithDbAsync(db => db.Agreements.Where(a => a.Number == AdoptionDemo.AgreementNumber).Select(a => a.Id).SingleAsync());
        var participants = await app.WithDbAsync(db => db.AgreementParticipants.Where(p => p.AgreementId == agreementId)
            .ToDictionaryAsync(p => p.ShortName, p => p.Id));
        var signatoryEmail = await app.CreateUserAsync("CGE", "Signatária da SEGES", Profile.CentralAdministrator);
        var admin = await app.LoginAsync(Admin);
        var details = $"/acordos/{agreementId}";

        // Linking needs an existing account.
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, $"{details}?handler=LinkSignatory",
            new Dictionary<string, string> { ["participantId"] = participants["SEGES"].ToString(), ["email"] = "ninguem@demo.gov.br" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Não há conta com o e-mail ninguem@demo.gov.br.");
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, $"{details}?handler=LinkSignatory",
            new Dictionary<string, string> { ["participantId"] = participants["SEGES"].ToString(), ["email"] = signatoryEmail }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        (await SispmpiAppFactory.GetDocumentAsync(admin, details)).QuerySelector("[data-signatory-account='SEGES'] input[name=email]")!
            .GetAttribute("value").ShouldBe(signatoryEmail);

        // The linked signatory signs for SEGES as itself.
        var signatory = await app.LoginAsync(signatoryEmail);
        var sign = $"/acordos/{agreementId}/assinar";
        var offered = await SispmpiAppFactory.GetDocumentAsync(signatory, sign);
        offered.QuerySelector($"label[for='participante-{participants["SEGES"]}']")!.TextContent.ShouldContain("como signatário vinculado");
        using (var response = await SispmpiAppFactory.PostFormAsync(signatory, sign,
            new Dictionary<string, string> { ["ParticipantId"] = participants["SEGES"].ToString(), ["Password"] = SispmpiAppFactory.DemoPassword }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        // The central administrator is not SCC's signatory: it signs on its behalf, and that is what the record says.
        var adminPage = await SispmpiAppFactory.GetDocumentAsync(admin, sign);
        adminPage.QuerySelector($"input[name=ParticipantId][value='{participants["SEGES"]}']").ShouldBeNull("SEGES has signed");
        adminPage.QuerySelector($"label[for='participante-{participants["SCC"]}']")!.TextContent.ShouldContain("em nome de");
        using (var response = await SispmpiAppFactory.PostFormAsync(admin, sign,
            new Dictionary<string, string> { ["ParticipantId"] = participants["SCC"].ToString(), ["Password"] = SispmpiAppFactory.DemoPassword }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var records = await app.WithDbAsync(db => db.AgreementSignatures.AsNoTracking().Where(s => s.AgreementId == agreementId).ToListAsync());
        records.Single(r => r.ParticipantId == participants["SEGES"]).ShouldSatisfyAllConditions(r => r.OnBehalf.ShouldBeFalse(), r => r.SignedByName.ShouldBe("Signatária da SEGES"));
        records.Single(r => r.ParticipantId == participants["SCC"]).ShouldSatisfyAllConditions(r => r.OnBehalf.ShouldBeTrue(), r => r.SignedByName.ShouldBe("Ana Administradora"));
        var statuses = (await SispmpiAppFactory.GetDocumentAsync(admin, sign)).QuerySelectorAll("#signatarios [data-participant-status]").Select(s => s.TextContent).ToList();
        statuses.ShouldContain(s => s.Contains("assinado por Signatária da SEGES") && !s.Contains("em nome"));
        statuses.ShouldContain(s => s.Contains("assinado por Ana Administradora") && s.Contains("em nome do signatário"));

        // A participant signs once: another central administrator posting for SEGES is refused and nothing changes.
        var other = await app.LoginAsync(await app.CreateUserAsync("CGE", "Outra administradora", Profile.CentralAdministrator));
        using (var response = await SispmpiAppFactory.PostFormAsync(other, sign,
            new Dictionary<string, string> { ["ParticipantId"] = participants["SEGES"].ToString(), ["Password"] = SispmpiAppFactory.DemoPassword }, sign))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await response.Content.ReadAsStringAsync()).ShouldContain("O acordo já foi assinado por SEGES.");
        }
        (await app.WithDbAsync(db => db.AgreementSignatures.CountAsync(s => s.AgreementId == agreementId))).ShouldBe(2);
    }

    /// <summary>A second agreement of the CGE with the demo's two participants and one goal, so each test signs its own.</summary>
    private Task<(int AgreementId, Dictionary<string, int> Participants)> NewAgreementAsync(string number) =>
        app.WithDbAsync(async db =>
        {
            var demo = await db.Agreements.Include(a => a.Participants).SingleAsync(a => a.Number == AdoptionDemo.AgreementNumber);
            var agreement = new Sispmpi.Web.Features.Adoption.CooperationAgreement
            {
                OrganizationId = demo.OrganizationId, Number = number, ProcessNumber = demo.ProcessNumber, Object = $"Objeto do {number}",
                ValidFrom = demo.ValidFrom, ValidUntil = demo.ValidUntil,
            };
            agreement.Participants.AddRange(demo.Participants.OrderBy(p => p.Position).Select(p => new Sispmpi.Web.Features.Adoption.AgreementParticipant
            {
                OrganizationId = p.OrganizationId, Position = p.Position, BodyName = p.BodyName, ShortName = p.ShortName, Cnpj = p.Cnpj, Sphere = p.Sphere,
                SignatoryName = p.SignatoryName, SignatoryPosition = p.SignatoryPosition, SignatoryRegistration = p.SignatoryRegistration, ContactEmail = p.ContactEmail,
            }));
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            var axis = new Sispmpi.Web.Features.Adoption.WorkPlanAxis { OrganizationId = agreement.OrganizationId, AgreementId = agreement.Id, Position = 1, Number = "1", Title = "Gestão" };
            db.WorkPlanAxes.Add(axis);
            await db.SaveChangesAsync();
            var goal = new Sispmpi.Web.Features.Adoption.WorkPlanGoal
            {
                OrganizationId = agreement.OrganizationId, AgreementId = agreement.Id, AxisId = axis.Id, Position = 1, Code = "1.1",
                Description = "Compartilhar boas práticas", DeadlineText = "",
            };
            goal.SetRule(Sispmpi.Core.Adoption.DeadlineRule.During, "Durante a vigência");
            db.WorkPlanGoals.Add(goal);
            await db.SaveChangesAsync();
            return (agreement.Id, agreement.Participants.ToDictionary(p => p.ShortName, p => p.Id));
        });

    private async Task LinkAsync(HttpClient admin, int agreementId, int participantId, string email)
    {
        using var response = await SispmpiAppFactory.PostFormAsync(admin, $"/acordos/{agreementId}?handler=LinkSignatory",
            new Dictionary<string, string> { ["participantId"] = participantId.ToString(), ["email"] = email });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> SignAsync(HttpClient client, int agreementId, int participantId) =>
        SispmpiAppFactory.PostFormAsync(client, $"/acordos/{agreementId}/assinar",
            new Dictionary<string, string> { ["ParticipantId"] = participantId.ToString(), ["Password"] = SispmpiAppFactory.DemoPassword });

    [Fact]
    public async Task A_participants_linked_signatory_of_another_body_reads_and_signs_only_its_agreements()
    {
        var (agreementId, participants) = await NewAgreementAsync("ACT nº 901/2026");
        var (otherId, _) = await NewAgreementAsync("ACT nº 902/2026");
        var goal = await app.WithDbAsync(db => db.WorkPlanGoals.Where(g => g.AgreementId == agreementId).Select(g => g.Id).SingleAsync());
        // An executor of the PMOP: no profile of the managing body (CGE), and nothing of the CGE in its organization.
        var email = await app.CreateUserAsync("PMOP", "Signatário da SCC", Profile.Executor);
        var signatory = await app.LoginAsync(email);
        var demoId = await app.WithDbAsync(db => db.Agreements.Where(a => a.Number == AdoptionDemo.AgreementNumber).Select(a => a.Id).SingleAsync());
        using (var before = await signatory.GetAsync("/acordos"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not linked yet");
        }
        var admin = await app.LoginAsync(Admin);
        await LinkAsync(admin, agreementId, participants["SCC"], email);
        // Told where to go: it has no menu entry for agreements.
        var signatoryId = await app.UserIdAsync(email);
        (await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == signatoryId && n.Event == "acordo-signatario")))
            .Link.ShouldBe($"/acordos/{agreementId}/assinar");

        // The list and the agreement: its own only, read-only.
        var list = await SispmpiAppFactory.GetDocumentAsync(signatory, "/acordos");
        list.QuerySelectorAll("td a").Select(a => a.TextContent).ShouldBe(["ACT nº 901/2026"]);
        list.QuerySelector("a[href='/acordos/novo']").ShouldBeNull();
        var details = await SispmpiAppFactory.GetDocumentAsync(signatory, $"/acordos/{agreementId}");
        details.QuerySelector("h1")!.TextContent.ShouldBe("ACT nº 901/2026");
        details.QuerySelector("[data-signatory-account]").ShouldBeNull("the accounts of the signatories are the managing body's");
        details.QuerySelector("input[name=participantId]").ShouldBeNull();
        details.QuerySelector($"a[href='/acordos/{agreementId}/adesoes/nova']").ShouldBeNull();
        details.QuerySelector($"a[href='/acordos/{agreementId}/assinar']").ShouldNotBeNull();
        details.QuerySelector($"a[href^='/acordos/{agreementId}/metas/']").ShouldBeNull();
        foreach (var url in new[] { $"/acordos/{otherId}", $"/acordos/{otherId}/assinar", $"/acordos/{otherId}/documento.pdf", $"/acordos/{demoId}" })
        {
            using var response = await signatory.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        foreach (var url in new[] { $"/acordos/{agreementId}/metas/{goal}", $"/acordos/{agreementId}/importar", $"/acordos/{agreementId}/adesoes/nova", "/acordos/novo", "/adesao" })
        {
            using var response = await signatory.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
        using (var relink = await SispmpiAppFactory.PostFormAsync(signatory, $"/acordos/{agreementId}?handler=LinkSignatory",
            new Dictionary<string, string> { ["participantId"] = participants["SEGES"].ToString(), ["email"] = email }, $"/acordos/{agreementId}/assinar"))
        {
            relink.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using (var pdf = await signatory.GetAsync($"/acordos/{agreementId}/documento.pdf"))
        {
            pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
            pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        }

        // It signs for SCC as itself, never for SEGES, and the managing body's page shows it.
        var sign = await SispmpiAppFactory.GetDocumentAsync(signatory, $"/acordos/{agreementId}/assinar");
        sign.QuerySelectorAll("input[name=ParticipantId]").Select(i => i.GetAttribute("value")).ShouldBe([participants["SCC"].ToString()]);
        using (var refused = await SignAsync(signatory, agreementId, participants["SEGES"]))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using (var signed = await SignAsync(signatory, agreementId, participants["SCC"]))
        {
            signed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signed.Content.ReadAsStringAsync());
        }
        var record = await app.WithDbAsync(db => db.AgreementSignatures.SingleAsync(s => s.AgreementId == agreementId));
        record.ShouldSatisfyAllConditions(r => r.ParticipantId.ShouldBe(participants["SCC"]), r => r.OnBehalf.ShouldBeFalse(), r => r.SignedByName.ShouldBe("Signatário da SCC"));
        var seen = await SispmpiAppFactory.GetDocumentAsync(admin, $"/acordos/{agreementId}/assinar");
        seen.QuerySelector("[data-participant='SCC'] [data-participant-status]")!.TextContent.ShouldContain("assinado por Signatário da SCC");
        // The document names the managing body, not the signatory's organization, and prints the participant as the signer's body.
        var printed = seen.QuerySelector("#assinaturas")!.TextContent;
        printed.ShouldContain("Signatário da SCC");
        printed.ShouldContain("Secretaria de Estado de Casa Civil – MG (SCC)");
        printed.ShouldNotContain("em nome de");
    }

    [Fact]
    public async Task A_central_administrator_signs_on_behalf_of_each_participant_in_turn_and_each_participant_signs_once()
    {
        var (agreementId, participants) = await NewAgreementAsync("ACT nº 903/2026");
        var admin = await app.LoginAsync(Admin);
        var sign = $"/acordos/{agreementId}/assinar";
        foreach (var participant in new[] { "SEGES", "SCC" })
        {
            var page = await SispmpiAppFactory.GetDocumentAsync(admin, sign);
            page.QuerySelector($"label[for='participante-{participants[participant]}']")!.TextContent.ShouldContain("em nome de");
            using var response = await SignAsync(admin, agreementId, participants[participant]);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var records = await app.WithDbAsync(db => db.AgreementSignatures.AsNoTracking().Where(s => s.AgreementId == agreementId).ToListAsync());
        records.Select(r => r.ParticipantId).Order().ShouldBe(participants.Values.Order());
        records.ShouldAllBe(r => r.OnBehalf && r.SignedByName == "Ana Administradora");
        var done = await SispmpiAppFactory.GetDocumentAsync(admin, sign);
        done.QuerySelectorAll("#signatarios [data-participant-status]").Select(s => s.TextContent)
            .ShouldAllBe(s => s.Contains("assinado por Ana Administradora") && s.Contains("em nome do signatário"));
        var printed = done.QuerySelectorAll("#assinaturas li").Select(li => li.TextContent).ToList();
        printed.Count.ShouldBe(2);
        printed[0].ShouldContain("em nome de Roberto Seara Machado Pojo Rego (SEGES)");
        printed[1].ShouldContain("em nome de Luiz Otávio de Oliveira Gonçalves (SCC)");
        done.Body!.TextContent.ShouldContain("Você já assinou este documento.");
        done.QuerySelector("input[name=Password]").ShouldBeNull("nobody is left to sign for");

        // The public verification page shows both, each on whose behalf.
        var code = done.QuerySelectorAll("dd strong").Select(s => s.TextContent).ToList();
        using (var verified = await SispmpiAppFactory.PostFormAsync(app.CreateAnonymousClient(), "/verificar",
            new Dictionary<string, string> { ["codigo"] = code[0], ["crc"] = code[1] }))
        {
            (await verified.Content.ReadAsStringAsync()).ShouldContain("em nome de Luiz Otávio de Oliveira Gonçalves (SCC)");
        }

        // The same participant never signs twice, not even by the same administrator.
        using (var again = await SignAsync(admin, agreementId, participants["SCC"]))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await again.Content.ReadAsStringAsync()).ShouldContain("O acordo já foi assinado por SCC.");
        }
        (await app.WithDbAsync(db => db.AgreementSignatures.CountAsync(s => s.AgreementId == agreementId))).ShouldBe(2);
        (await app.WithDbAsync(db => db.SignedDocuments.Where(d => d.Kind == Sispmpi.Web.Features.Documents.DocumentKind.CooperationAgreement && d.SubjectId == agreementId)
            .SelectMany(d => d.Signatures).CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Two_administrators_signing_for_the_same_participant_at_the_same_instant_leave_one_signature_and_no_error_page()
    {
        var (agreementId, participants) = await NewAgreementAsync("ACT nº 904/2026");
        var sign = $"/acordos/{agreementId}/assinar";
        var clients = new[]
        {
            await app.LoginAsync(Admin),
            await app.LoginAsync(await app.CreateUserAsync("CGE", "Terceira administradora", Profile.CentralAdministrator)),
        };
        // Both open the page first, then post together, so that each passes the page's "already signed" check.
        var forms = new List<FormUrlEncodedContent>();
        foreach (var client in clients)
        {
            var token = SispmpiAppFactory.TokenOfFormPosting(await SispmpiAppFactory.GetDocumentAsync(client, sign), sign, sign);
            forms.Add(new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["ParticipantId"] = participants["SCC"].ToString(), ["Password"] = SispmpiAppFactory.DemoPassword, [SispmpiAppFactory.AntiforgeryField] = token,
            }));
        }
        var responses = await Task.WhenAll(clients.Select((client, i) => client.PostAsync(sign, forms[i])));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict]);
        (await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync()).ShouldContain("O acordo já foi assinado por SCC.");
        (await app.WithDbAsync(db => db.AgreementSignatures.CountAsync(s => s.AgreementId == agreementId))).ShouldBe(1);
        (await app.WithDbAsync(db => db.SignedDocuments.Where(d => d.Kind == Sispmpi.Web.Features.Documents.DocumentKind.CooperationAgreement && d.SubjectId == agreementId)
            .SelectMany(d => d.Signatures).CountAsync())).ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
