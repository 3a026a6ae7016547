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
}
