using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Formulation;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Formulation;

/// <summary>
/// The integrity programme outlives its plans (issue 19) and the commission's acts beyond the first (issue 18, part 2,
/// item 1): deadline extensions and changes of membership, members with MASP and active or not.
/// </summary>
public sealed class ProgrammeTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Commission = "comissao@demo.gov.br";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> PlanWithCommissionAsync() => app.WithDbAsync(async db =>
    {
        var seplag = await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG");
        var unit = await db.AdministrativeUnits.Where(u => u.OrganizationId == seplag.Id && u.Acronym == "SRH").Select(u => u.Id).SingleAsync();
        var plan = new IntegrityPlan
        {
            OrganizationId = seplag.Id, Title = $"Plano do programa {Guid.NewGuid():N}"[..36], Edition = "2040–2042", Status = PlanStatus.InPreparation,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        db.Commissions.Add(new IntegrityCommission
        {
            OrganizationId = seplag.Id, PlanId = plan.Id, IsFormallyInstituted = true, ActType = "Portaria", ActNumber = "10/2040",
            ActDate = new DateOnly(2040, 1, 10), StartDate = new DateOnly(2040, 1, 15), PlannedDurationDays = 100,
            Members = [new() { OrganizationId = seplag.Id, Name = "Coordenadora", UnitId = unit, Email = "coord.programa@demo.gov.br", IsCoordinator = true }],
        });
        await db.SaveChangesAsync();
        return plan.Id;
    });

    [Fact]
    public async Task Acts_beyond_the_first_extend_the_deadline_and_record_changes_of_membership_with_act_number_date_and_link()
    {
        var planId = await PlanWithCommissionAsync();
        var commission = await app.LoginAsync(Commission);
        var url = $"/planos/{planId}/etapas/comissao";

        // Refused in Portuguese, nothing saved: no number, a date that is not one, an extension without its days.
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{url}?handler=Act", new Dictionary<string, string>
        {
            ["Act.Kind"] = "DeadlineExtension", ["Act.ActType"] = "Portaria", ["Act.ActNumber"] = " ", ["Act.ActDate"] = "31/02/2040",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            page.Body!.TextContent.ShouldContain("Informe o número do ato.");
            page.Body.TextContent.ShouldContain("Informe a data do ato como uma data válida, no formato dd/mm/aaaa.");
            page.Body.TextContent.ShouldContain("Informe os dias de prorrogação.");
        }
        (await app.WithDbAsync(db => db.CommissionActs.CountAsync(a => db.Commissions.Any(c => c.Id == a.CommissionId && c.PlanId == planId)))).ShouldBe(0);

        foreach (var fields in new[]
        {
            new Dictionary<string, string> { ["Act.Kind"] = "DeadlineExtension", ["Act.ActType"] = "Portaria", ["Act.ActNumber"] = "20/2040",
                ["Act.ActDate"] = "2040-04-01", ["Act.ActLink"] = "https://www.demo.gov.br/portaria-20", ["Act.ExtensionDays"] = "30" },
            new Dictionary<string, string> { ["Act.Kind"] = "MembershipChange", ["Act.ActType"] = "Portaria", ["Act.ActNumber"] = "25/2040",
                ["Act.ActDate"] = "2040-05-02", ["Act.ActLink"] = "https://www.demo.gov.br/portaria-25", ["Act.Notes"] = "Entrada de Rui Registro." },
        })
        {
            using var response = await SispmpiAppFactory.PostFormAsync(commission, $"{url}?handler=Act", fields);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var srh = await app.UnitIdAsync("SEPLAG", "SRH");
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{url}?handler=Member", new Dictionary<string, string>
        {
            ["Member.Name"] = "Rui Registro", ["Member.UnitId"] = srh.ToString(), ["Member.Email"] = "rui.registro@demo.gov.br",
            ["Member.Registration"] = "1.234.567-8",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(commission, $"{url}?handler=Member", new Dictionary<string, string>
        {
            ["Member.Name"] = "Saulo Saída", ["Member.UnitId"] = srh.ToString(), ["Member.Email"] = "saulo.saida@demo.gov.br",
            ["Member.Registration"] = "7.654.321-0", ["Member.InactiveSince"] = "2040-05-02",
        }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var shown = await SispmpiAppFactory.GetDocumentAsync(commission, url);
        shown.QuerySelector("[data-deadline]")!.TextContent.ShouldContain("24/05/2040", customMessage: "15/01/2040 + 100 days + 30 days of extension");
        var acts = shown.QuerySelectorAll("table[data-commission-acts] tbody tr").Select(r => r.TextContent).ToList();
        acts.Count.ShouldBe(2);
        acts[0].ShouldContain("Prorrogação de prazo");
        acts[0].ShouldContain("Portaria nº 20/2040");
        acts[0].ShouldContain("01/04/2040");
        acts[0].ShouldContain("30 dias");
        acts[1].ShouldContain("Alteração na composição");
        acts[1].ShouldContain("Portaria nº 25/2040");
        acts[1].ShouldContain("02/05/2040");
        shown.QuerySelectorAll("table[data-commission-acts] a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["https://www.demo.gov.br/portaria-20", "https://www.demo.gov.br/portaria-25"]);
        var rows = shown.QuerySelectorAll("tr[data-member]").ToDictionary(r => r.Children[0].TextContent.Trim());
        rows["Rui Registro"].QuerySelector("[data-registration]")!.TextContent.Trim().ShouldBe("1.234.567-8");
        rows["Rui Registro"].QuerySelector("[data-member-status]")!.TextContent.Trim().ShouldBe("Ativo");
        rows["Saulo Saída"].QuerySelector("[data-member-status]")!.TextContent.Trim().ShouldBe("Inativo desde 02/05/2040");
    }

    [Fact]
    public async Task A_member_who_left_cannot_be_the_coordinator_and_does_not_count_as_one()
    {
        var planId = await PlanWithCommissionAsync();
        var commission = await app.LoginAsync(Commission);
        var url = $"/planos/{planId}/etapas/comissao";
        var memberId = await app.WithDbAsync(db => db.CommissionMembers.Where(m => db.Commissions.Any(c => c.Id == m.CommissionId && c.PlanId == planId))
            .Select(m => m.Id).SingleAsync());
        var srh = await app.UnitIdAsync("SEPLAG", "SRH");

        using var response = await SispmpiAppFactory.PostFormAsync(commission, $"{url}?handler=Member", new Dictionary<string, string>
        {
            ["Member.Id"] = memberId.ToString(), ["Member.Name"] = "Coordenadora", ["Member.UnitId"] = srh.ToString(),
            ["Member.Email"] = "coord.programa@demo.gov.br", ["Member.IsCoordinator"] = "true", ["Member.InactiveSince"] = "2040-03-01",
        }, $"{url}?membro={memberId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Um membro que deixou a comissão não pode ser o coordenador.");
        (await app.WithDbAsync(db => db.CommissionMembers.Where(m => m.Id == memberId).Select(m => m.InactiveSince).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task A_new_plan_starts_from_the_current_programme_when_asked_and_blank_otherwise()
    {
        var sourceId = await PlanWithCommissionAsync();
        var commission = await app.LoginAsync(Commission);
        var form = await SispmpiAppFactory.GetDocumentAsync(commission, "/elaboracao/novo-plano");
        form.QuerySelector("input[name='StartFromProgramme'][type=checkbox]")!.HasAttribute("checked").ShouldBeTrue("offered, and chosen by default");

        var titles = new[] { $"Plano carregado {Guid.NewGuid():N}"[..30], $"Plano em branco {Guid.NewGuid():N}"[..30] };
        foreach (var (title, carry) in new[] { (titles[0], true), (titles[1], false) })
        {
            var fields = new Dictionary<string, string> { ["PlanTitle"] = title, ["Edition"] = $"{2100 + Random.Shared.Next(800)}-2999" };
            if (carry)
            {
                fields["StartFromProgramme"] = "true";
            }
            using var response = await SispmpiAppFactory.PostFormAsync(commission, "/elaboracao/novo-plano", fields);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var (carried, blank) = await app.WithDbAsync(async db => (
            await db.Plans.AsNoTracking().SingleAsync(p => p.Title == titles[0]), await db.Plans.AsNoTracking().SingleAsync(p => p.Title == titles[1])));
        var carriedCommission = await app.WithDbAsync(db => db.Commissions.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.PlanId == carried.Id));
        (carriedCommission.ActNumber, carriedCommission.Members.Single().Name).ShouldBe(("10/2040", "Coordenadora"));
        carried.Status.ShouldBe(PlanStatus.InPreparation);
        carried.ProgrammeId.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Commissions.AnyAsync(c => c.PlanId == blank.Id))).ShouldBeFalse();
        blank.ProgrammeId.ShouldBe(carried.ProgrammeId, "one programme per organization");
        (await app.WithDbAsync(db => db.Commissions.CountAsync(c => c.PlanId == sourceId))).ShouldBe(1, "the source keeps its own");
    }

    [Fact]
    public async Task The_demo_body_on_its_second_plan_has_one_programme_and_each_plan_keeps_its_commission()
    {
        var plans = await app.WithDbAsync(db => db.Plans.AsNoTracking().Where(p => p.Organization!.Acronym == "PMOP")
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.ProgrammeId, p.OriginPlanId }).ToListAsync());
        plans.Count.ShouldBe(2);
        plans.Select(p => p.ProgrammeId).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        var current = plans.Single(p => p.OriginPlanId != null);
        var earlier = plans.Single(p => p.Id == current.OriginPlanId);
        var acts = await app.WithDbAsync(db => db.CommissionActs.AsNoTracking()
            .Where(a => db.Commissions.Any(c => c.Id == a.CommissionId && c.PlanId == current.Id)).Select(a => a.Kind).ToListAsync());
        acts.ShouldBe([CommissionActKind.MembershipChange, CommissionActKind.DeadlineExtension], ignoreOrder: true);
        (await app.WithDbAsync(db => db.Commissions.Where(c => c.PlanId == earlier.Id).Select(c => c.ActNumber).SingleAsync())).ShouldBe("GP nº 27");
    }
}
