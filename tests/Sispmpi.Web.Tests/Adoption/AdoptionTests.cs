using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Adoption;
using Sispmpi.Web.Features.Adoption;
using Sispmpi.Web.Features.Adoption.Demo;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Adoption;

/// <summary>Adoption through HTTP: bad input refused with nothing saved, the import of seed 001, the six steps, the reminders.</summary>
public sealed class AdoptionTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Admin = "admin@demo.gov.br";

    internal static Dictionary<string, string> Agreement(string number, string process = "19973.011749/2025-70", string cnpj = "00.489.828/0001-55",
        string from = "2025-09-23", string until = "2030-09-22") => new()
    {
        ["Input.Number"] = number, ["Input.ProcessNumber"] = process, ["Input.Object"] = "Rede de Parcerias.",
        ["Input.ValidFrom"] = from, ["Input.ValidUntil"] = until,
        ["First.BodyName"] = "Ministério da Gestão e da Inovação em Serviços Públicos", ["First.ShortName"] = "SEGES", ["First.OtherNames"] = "MGI/SEGES",
        ["First.Cnpj"] = cnpj, ["First.Sphere"] = "Federal", ["First.SignatoryName"] = "Roberto Seara Machado Pojo Rego",
        ["First.SignatoryPosition"] = "Secretário", ["First.SignatoryRegistration"] = "SIAPE 1458895", ["First.ContactEmail"] = "seges@gestao.gov.br",
        ["Second.BodyName"] = "Secretaria de Estado de Casa Civil", ["Second.ShortName"] = "SCC",
        ["Second.OtherNames"] = "Governo do Estado de Minas Gerais / SCC", ["Second.Cnpj"] = "50.941.185/0001-07", ["Second.Sphere"] = "State",
        ["Second.SignatoryName"] = "Luiz Otávio de Oliveira Gonçalves", ["Second.SignatoryPosition"] = "Secretário-Chefe",
        ["Second.SignatoryRegistration"] = "MASP 1489235-0", ["Second.ContactEmail"] = "scc@casacivil.mg.gov.br",
    };

    [Theory]
    [InlineData("19973.011749/2025-71", "00.489.828/0001-55", "2025-09-23", "2030-09-22", "Input_ProcessNumber-error", "Os dígitos verificadores do número do processo (NUP) não conferem.")]
    [InlineData("processo 123", "00.489.828/0001-55", "2025-09-23", "2030-09-22", "Input_ProcessNumber-error", "Número de processo inválido")]
    [InlineData("19973.011749/2025-70", "00.489.828/0001-56", "2025-09-23", "2030-09-22", "First_Cnpj-error", "CNPJ")]
    [InlineData("19973.011749/2025-70", "00.489.828/0001-55", "2025-09-23", "2025-09-22", "Input_ValidUntil-error", "O fim da vigência deve ser igual ou posterior ao início.")]
    [InlineData("19973.011749/2025-70", "00.489.828/0001-55", "31/02/2025", "2030-09-22", "Input_ValidFrom-error", "")]
    public async Task An_agreement_with_bad_input_is_refused_with_a_portuguese_message_and_nothing_saved(
        string process, string cnpj, string from, string until, string errorId, string message)
    {
        var client = await app.LoginAsync(Admin);
        var before = await app.WithDbAsync(db => db.Agreements.CountAsync());
        using var response = await SispmpiAppFactory.PostFormAsync(client, "/acordos/novo", Agreement("ACT nº 999/2025", process, cnpj, from, until));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        var error = page.GetElementById(errorId);
        error.ShouldNotBeNull(errorId);
        error.TextContent.ShouldContain(message);
        page.QuerySelector("input[name='First.SignatoryName']")!.GetAttribute("value").ShouldBe("Roberto Seara Machado Pojo Rego");
        (await app.WithDbAsync(db => db.Agreements.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task The_seed_001_schedule_imports_through_the_page_and_a_bad_file_imports_nothing()
    {
        var client = await app.LoginAsync(Admin);
        using (var created = await SispmpiAppFactory.PostFormAsync(client, "/acordos/novo", Agreement("ACT nº 160/2025-B")))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        }
        var id = await app.WithDbAsync(db => db.Agreements.Where(a => a.Number == "ACT nº 160/2025-B").Select(a => a.Id).SingleAsync());
        var url = $"/acordos/{id}/importar";

        var bad = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(WorkPlanImportParserTests.SeedFixture())
            .Replace("Observância à norma vigente;SEGES", "Quinzenal;SEGES", StringComparison.Ordinal));
        using (var response = await SispmpiAppFactory.PostMultipartAsync(client, url, new Dictionary<string, string>(), "arquivo", "cronograma.csv", bad, "text/csv"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.GetElementById("resultado-importacao")!.TextContent.ShouldContain("Nada foi importado");
            page.QuerySelector("table tbody tr")!.TextContent.ShouldContain("20");
            page.QuerySelector("table tbody tr")!.TextContent.ShouldContain("Prazo não reconhecido: “Quinzenal”.");
        }
        (await app.WithDbAsync(db => db.WorkPlanGoals.CountAsync(g => g.AgreementId == id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.WorkPlanAxes.CountAsync(g => g.AgreementId == id))).ShouldBe(0);

        using (var response = await SispmpiAppFactory.PostMultipartAsync(client, url, new Dictionary<string, string>(), "arquivo", "cronograma.csv",
            WorkPlanImportParserTests.SeedFixture(), "text/csv"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        (await app.WithDbAsync(db => db.WorkPlanGoals.CountAsync(g => g.AgreementId == id))).ShouldBe(23);
        var details = await SispmpiAppFactory.GetDocumentAsync(client, $"/acordos/{id}");
        details.QuerySelector(".br-message.success")!.TextContent.ShouldContain("Plano de trabalho importado: 4 eixos e 23 metas.");
        details.GetElementById("plano-de-trabalho")!.TextContent.ShouldContain("Anual com o mínimo de 60 horas ao ano");

        using var pdf = await client.GetAsync($"/acordos/{id}/documento.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pdf.Content.ReadAsByteArrayAsync()).AsSpan(0, 4).SequenceEqual("%PDF"u8).ShouldBeTrue();
    }

    [Fact]
    public async Task An_adhesion_request_goes_through_the_six_steps_and_availability_provisions_the_body_with_an_invitation()
    {
        var client = await app.LoginAsync(Admin);
        var today = Sispmpi.Web.Infrastructure.Web.BrazilTime.Today(TimeProvider.System);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");

        using (var bad = await SispmpiAppFactory.PostFormAsync(client, "/adesao/novo", new Dictionary<string, string>
        {
            ["Input.BodyName"] = "Prefeitura Municipal de Congonhas", ["Input.BodyAcronym"] = "PMC", ["Input.Cnpj"] = "11.111.111/1111-11",
            ["Input.Sphere"] = "Municipal", ["Input.ContactName"] = "Ana", ["Input.ContactEmail"] = "ana@congonhas.mg.gov.br",
            ["Step.Date"] = Day(-30), ["Step.ResponsiblePerson"] = "DCI",
        }))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = await SispmpiAppFactory.ParseAsync(await bad.Content.ReadAsStringAsync());
            page.GetElementById("Input_Cnpj-error").ShouldNotBeNull();
        }
        (await app.WithDbAsync(db => db.AdhesionRequests.CountAsync(r => r.BodyAcronym == "PMC"))).ShouldBe(0);

        using (var created = await SispmpiAppFactory.PostFormAsync(client, "/adesao/novo", new Dictionary<string, string>
        {
            ["Input.BodyName"] = "Prefeitura Municipal de Congonhas", ["Input.BodyAcronym"] = "PMC", ["Input.Cnpj"] = "11.222.333/0001-81",
            ["Input.Sphere"] = "Municipal", ["Input.ContactName"] = "Ana", ["Input.ContactEmail"] = "ana@congonhas.mg.gov.br",
            ["Step.Date"] = Day(-30), ["Step.ResponsiblePerson"] = "DCI",
        }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        }
        var id = await app.WithDbAsync(db => db.AdhesionRequests.Where(r => r.BodyAcronym == "PMC").Select(r => r.Id).SingleAsync());
        var url = $"/adesao/{id}";

        // A step dated in the future is refused.
        using (var future = await SispmpiAppFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Step.Date"] = Day(3), ["Step.ResponsiblePerson"] = "DCI" }))
        {
            future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await future.Content.ReadAsStringAsync()).ShouldContain("A data não pode estar no futuro.");
        }
        async Task StepAsync(Dictionary<string, string> fields)
        {
            using var response = await SispmpiAppFactory.PostFormAsync(client, url, fields);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        await StepAsync(new() { ["Step.Date"] = Day(-25), ["Step.ResponsiblePerson"] = "DCI", ["Step.Documents"] = "Minuta do ACT e do plano de trabalho" });
        await StepAsync(new() { ["Step.Date"] = Day(-20), ["Step.ResponsiblePerson"] = "Gabinete", ["ValidFrom"] = Day(-20), ["ValidUntil"] = Day(1800) });
        await StepAsync(new() { ["Step.Date"] = Day(-15), ["Step.ResponsiblePerson"] = "DCI", ["GazetteReference"] = "DOE-MG, Caderno 1, p. 9", ["GazetteDate"] = Day(-15) });
        await StepAsync(new()
        {
            ["Step.Date"] = Day(-10), ["Step.ResponsiblePerson"] = "DTI", ["Org.Name"] = "Prefeitura Municipal de Congonhas", ["Org.Acronym"] = "PMC",
            ["Org.Cnpj"] = "11.222.333/0001-81", ["Org.Kind"] = "CityHall", ["Org.Sphere"] = "Municipal", ["Org.Branch"] = "Executive", ["Org.StateCode"] = "MG",
            ["Org.MunicipalityCode"] = "3118007", ["Org.MunicipalityName"] = "Congonhas",
            ["Org.ParentId"] = (await app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "CGE").Select(o => o.Id).SingleAsync())).ToString(),
            ["Org.IsActive"] = "true", ["Units"] = "GAB - Gabinete do Prefeito\nControladoria-Geral do Município",
            ["AdminName"] = "Carla Controle", ["AdminEmail"] = "carla@congonhas.mg.gov.br",
        });
        await StepAsync(new() { ["Step.Date"] = Day(0), ["Step.ResponsiblePerson"] = "PMC", ["Step.Documents"] = "Relatório anual de melhorias" });

        var request = await app.WithDbAsync(db => db.AdhesionRequests.Include(r => r.Steps).SingleAsync(r => r.Id == id));
        request.CurrentStep.ShouldBe(AdhesionStep.ImprovementReports);
        request.Steps.Select(s => s.Step).ShouldBe(Enum.GetValues<AdhesionStep>());
        var org = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == request.ProvisionedOrganizationId));
        org.Name.ShouldBe("Prefeitura Municipal de Congonhas");
        (await app.WithDbAsync(db => db.AdministrativeUnits.Where(u => u.OrganizationId == org.Id).Select(u => u.Name).OrderBy(n => n).ToListAsync()))
            .ShouldBe(["Controladoria-Geral do Município", "Gabinete do Prefeito"]);
        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.OrganizationId == org.Id));
        invitation.Email.ShouldBe("carla@congonhas.mg.gov.br");
        invitation.Profile.ShouldBe(Sispmpi.Core.Identity.Profile.InternalControl);
        // The invitation was queued with the step; the outbox sender delivers it (to .eml files here) moments later.
        string? mail = null;
        for (var i = 0; i < 100 && mail is null; i++)
        {
            mail = Directory.Exists(app.MailFolder)
                ? Directory.GetFiles(app.MailFolder, "*.eml").Select(File.ReadAllText).SingleOrDefault(m => m.Contains("carla@congonhas.mg.gov.br", StringComparison.Ordinal))
                : null;
            if (mail is null)
            {
                await Task.Delay(100);
            }
        }
        mail.ShouldNotBeNull("the invitation e-mail is delivered within 10 s");
        mail.ShouldContain("/conta/convite?token=");
        mail.ShouldNotContain("senha:", Case.Insensitive);

        var details = await SispmpiAppFactory.GetDocumentAsync(client, url);
        details.GetElementById("etapa-atual")!.TextContent.ShouldBe("6. Relatórios anuais de melhorias");
        details.GetElementById("proximo-relatorio")!.TextContent.ShouldContain(today.AddDays(-10).AddYears(2).AddDays(-1).ToString("dd/MM/yyyy"));
    }

    [Fact]
    public async Task Reminders_are_queued_once_per_goal_and_due_date_even_when_called_twice_or_concurrently()
    {
        var today = new DateOnly(2025, 10, 1);
        async Task<int> QueueAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            return await scope.ServiceProvider.GetRequiredService<AgreementReminders>().QueueDueAsync(today, CancellationToken.None);
        }

        var first = await QueueAsync();
        // Demo ACT nº 160/2025 on 01/10/2025: 3.1 ("A partir do início da vigência") overdue since 23/09/2025, and the forum
        // ("10 dias a partir do início da vigência") due 03/10/2025; 1.2 was completed on 06/10/2025. (Other tests of this
        // class may add agreements of their own, hence the filter on the demo agreement.)
        var goals = await app.WithDbAsync(db => db.WorkPlanGoals.Where(g => db.Agreements.Any(a => a.Id == g.AgreementId && a.Number == AdoptionDemo.AgreementNumber))
            .ToDictionaryAsync(g => g.Id, g => g.Code));
        var reminders = await app.WithDbAsync(db => db.AgreementReminders.ToListAsync());
        reminders.Where(r => goals.ContainsKey(r.GoalId)).Select(r => (goals[r.GoalId], r.DueDate)).OrderBy(r => r.Item1)
            .ShouldBe([("1 e 3", new DateOnly(2025, 10, 3)), ("3.1", new DateOnly(2025, 9, 23))]);
        var messages = await app.WithDbAsync(db => db.Outbox.Where(m => m.Event == AgreementReminders.EventName).OrderBy(m => m.Id).ToListAsync());
        messages.Count.ShouldBe(first);
        var demo = messages.Where(m => m.Subject.Contains("ACT nº 160/2025,", StringComparison.Ordinal)).ToList();
        // One message to each responsible participant's address.
        var overdueMessages = demo.Where(m => m.Subject.EndsWith("meta 3.1", StringComparison.Ordinal)).ToList();
        overdueMessages.Select(m => m.To).Order().ShouldBe(["parcerias@casacivil.demo.gov.br", "rededeparcerias@gestao.gov.br"]);
        var overdue = overdueMessages[0];
        overdue.Subject.ShouldBe("SisPMPI: obrigação em atraso — ACT nº 160/2025, meta 3.1");
        overdue.TextBody.ShouldContain("venceu em 23/09/2025");
        overdue.TextBody.ShouldContain("http://localhost:5000/acordos/");
        demo.Single(m => m.Subject.EndsWith("meta 1 e 3", StringComparison.Ordinal)).Subject.ShouldBe("SisPMPI: obrigação a vencer em 03/10/2025 — ACT nº 160/2025, meta 1 e 3");

        (await QueueAsync()).ShouldBe(0);
        var concurrent = await Task.WhenAll(QueueAsync(), QueueAsync());
        concurrent.Sum().ShouldBe(0);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == AgreementReminders.EventName))).ShouldBe(first);

        // The unique index itself refuses a second reminder for the same goal and due date.
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.AgreementReminders.Add(new AgreementReminder { GoalId = reminders[0].GoalId, DueDate = reminders[0].DueDate, SentAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task The_demo_goal_with_45_of_60_hours_shows_the_shortfall()
    {
        var client = await app.LoginAsync(Admin);
        var (agreementId, goalId) = await app.WithDbAsync(async db =>
        {
            var goal = await db.WorkPlanGoals.SingleAsync(g => g.Code == "2.2" && db.Agreements.Any(a => a.Id == g.AgreementId && a.Number == AdoptionDemo.AgreementNumber));
            return (goal.AgreementId, goal.Id);
        });
        var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/acordos/{agreementId}/metas/{goalId}");
        var situation = page.GetElementById("situacao-meta")!.TextContent;
        // 45 hours recorded in the first year (23/09/2025–22/09/2026); later years start with none.
        if (Sispmpi.Web.Infrastructure.Web.BrazilTime.Today(TimeProvider.System) <= new DateOnly(2026, 9, 22))
        {
            situation.ShouldContain("faltam 15 h de 60 h no ano");
        }
        else
        {
            situation.ShouldContain("Atrasada: vencida em 22/09/2026");
        }

        using var bad = await SispmpiAppFactory.PostFormAsync(client, $"/acordos/{agreementId}/metas/{goalId}",
            new Dictionary<string, string> { ["Input.Kind"] = "Hours", ["Input.Date"] = "2026-01-10", ["Input.Hours"] = "0" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Informe as horas realizadas: um número maior que zero.");
        (await app.WithDbAsync(db => db.WorkPlanGoalRecords.CountAsync(r => r.GoalId == goalId))).ShouldBe(2);
    }
}
