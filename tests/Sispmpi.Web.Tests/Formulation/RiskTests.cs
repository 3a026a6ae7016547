using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Formulation;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Formulation;

/// <summary>
/// The integrity risk register of a plan (SPEC §3.1, 2e): risks entered through the pages, the residual rule,
/// the 5×5 heat map and its counts, the treating actions, deletion, and who may read or change it.
/// </summary>
public sealed class RiskTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private const string Commission = "comissao@demo.gov.br";

    /// <summary>What the register shows for each level, in Portuguese.</summary>
    private static readonly Dictionary<RiskLevel, string> _levelNames = new()
    {
        [RiskLevel.Low] = "Baixo", [RiskLevel.Medium] = "Médio", [RiskLevel.High] = "Alto", [RiskLevel.Extreme] = "Extremo",
    };

    private sealed record TestPlan(int Id, IReadOnlyList<(int Id, string Number, string Title)> Actions);

    [Fact]
    public async Task Risks_entered_through_the_pages_are_saved_with_their_treating_actions_and_start_the_plan()
    {
        var plan = await CreatePlanAsync(PlanStatus.NotStarted);
        var client = await app.LoginAsync(Commission);

        var list = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{plan.Id}/riscos");
        list.QuerySelector("#sem-riscos").ShouldNotBeNull("an empty register says so");
        list.QuerySelectorAll("a").Any(a => a.GetAttribute("href") == $"/planos/{plan.Id}/riscos/novo" && a.TextContent.Contains("Novo risco")).ShouldBeTrue();

        // The form offers the plan's actions as "1.2.3 — title" and the ratings with their Portuguese names.
        var form = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{plan.Id}/riscos/novo");
        var labels = form.QuerySelectorAll(".sispmpi-risk-actions label").Select(l => l.TextContent.Trim()).ToList();
        labels.ShouldBe(plan.Actions.Select(a => $"{a.Number} — {a.Title}").ToList());
        form.QuerySelectorAll("#Input_Probability option").Select(o => o.TextContent).ShouldContain("5 — Muito alta");
        form.QuerySelectorAll("#Input_Impact option").Select(o => o.TextContent).ShouldContain("1 — Muito baixo");
        form.QuerySelectorAll("#Input_Category option").Select(o => o.TextContent).ShouldContain("Nepotismo");

        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"/planos/{plan.Id}/riscos/novo",
            Form("Nepotismo", "Nomeação de parentes em funções de confiança", 4, 5, 2, 3, plan.Actions[0].Id, plan.Actions[2].Id)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe($"/planos/{plan.Id}/riscos");
        }
        using (var response = await SispmpiAppFactory.PostFormAsync(client, $"/planos/{plan.Id}/riscos/novo",
            Form("__outra__", "Captura da fiscalização por regulados", 3, 3, 3, 2, other: "Captura regulatória")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var saved = await app.WithDbAsync(db => db.Risks.Include(r => r.Treatments).Where(r => r.PlanId == plan.Id).OrderBy(r => r.Id).ToListAsync());
        saved.Count.ShouldBe(2);
        saved[0].Category.ShouldBe("Nepotismo");
        (saved[0].Probability, saved[0].Impact, saved[0].ResidualProbability, saved[0].ResidualImpact).ShouldBe((4, 5, 2, 3));
        saved[0].Cause.ShouldBe("Falta de regra sobre parentesco");
        saved[0].Treatments.Select(t => t.ActionId).Order().ShouldBe(new[] { plan.Actions[0].Id, plan.Actions[2].Id }.Order());
        saved[0].Treatments.ShouldAllBe(t => t.OrganizationId == saved[0].OrganizationId);
        saved[1].Category.ShouldBe("Captura regulatória");
        saved[1].Treatments.ShouldBeEmpty();
        (await app.WithDbAsync(db => db.Plans.Where(p => p.Id == plan.Id).Select(p => p.Status).SingleAsync())).ShouldBe(PlanStatus.InPreparation);

        // The list shows both levels and how many actions treat each risk.
        list = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{plan.Id}/riscos");
        var row = list.QuerySelector($"tr[data-risk-id='{saved[0].Id}']")!;
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[0].ShouldBe("Nepotismo");
        cells[1].ShouldBe("Nomeação de parentes em funções de confiança");
        cells[2].ShouldBe(_levelNames[RiskMatrix.Level(4, 5)]);
        cells[3].ShouldBe(_levelNames[RiskMatrix.Level(2, 3)]);
        cells[4].ShouldBe("2");

        // The edit page shows the saved levels and the linked actions checked; a free-text category stays "Outra".
        var edit = await SispmpiAppFactory.GetDocumentAsync(client, $"/riscos/{saved[0].Id}/editar");
        edit.QuerySelector("#nivel-inerente .sispmpi-risk-badge")!.TextContent.ShouldBe(_levelNames[RiskMatrix.Level(4, 5)]);
        edit.QuerySelector("#nivel-residual .sispmpi-risk-badge")!.TextContent.ShouldBe(_levelNames[RiskMatrix.Level(2, 3)]);
        edit.QuerySelectorAll("input[name='Input.ActionIds'][checked]").Select(i => int.Parse(i.GetAttribute("value")!)).Order()
            .ShouldBe(new[] { plan.Actions[0].Id, plan.Actions[2].Id }.Order());
        edit.QuerySelector("fieldset.sispmpi-risk-form")!.HasAttribute("disabled").ShouldBeFalse();
        var other = await SispmpiAppFactory.GetDocumentAsync(client, $"/riscos/{saved[1].Id}/editar");
        other.QuerySelector("#Input_Category option[selected]")!.GetAttribute("value").ShouldBe("__outra__");
        other.QuerySelector("#Input_OtherCategoryName")!.GetAttribute("value").ShouldBe("Captura regulatória");
    }

    [Fact]
    public async Task A_residual_rating_above_the_inherent_one_is_refused_in_portuguese_and_nothing_typed_is_lost()
    {
        var plan = await CreatePlanAsync(PlanStatus.InPreparation);
        var client = await app.LoginAsync(Commission);

        using var response = await SispmpiAppFactory.PostFormAsync(client, $"/planos/{plan.Id}/riscos/novo",
            Form("Assédio", "Assédio moral em equipes de atendimento", 2, 3, 4, 3, plan.Actions[1].Id));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Input_ResidualProbability-error")!.TextContent
            .ShouldContain("A probabilidade residual (4 — Alta) não pode ser maior que a inerente (2 — Baixa)");
        page.QuerySelector("#Input_ResidualProbability")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Input_ResidualImpact-error").ShouldBeNull("the residual impact equals the inherent one");
        // Everything typed comes back.
        page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Assédio moral em equipes de atendimento");
        page.QuerySelector("#Input_Cause")!.TextContent.Trim().ShouldBe("Falta de regra sobre parentesco");
        page.QuerySelector("#Input_Category option[selected]")!.GetAttribute("value").ShouldBe("Assédio");
        page.QuerySelector("#Input_Probability option[selected]")!.GetAttribute("value").ShouldBe("2");
        page.QuerySelector("#Input_ResidualProbability option[selected]")!.GetAttribute("value").ShouldBe("4");
        page.QuerySelectorAll("input[name='Input.ActionIds'][checked]").Select(i => i.GetAttribute("value")).ShouldBe([plan.Actions[1].Id.ToString()]);
        (await app.WithDbAsync(db => db.Risks.AnyAsync(r => r.PlanId == plan.Id))).ShouldBeFalse();

        using var impact = await SispmpiAppFactory.PostFormAsync(client, $"/planos/{plan.Id}/riscos/novo",
            Form("Assédio", "Assédio moral em equipes de atendimento", 5, 1, 5, 2));
        var impactPage = await SispmpiAppFactory.ParseAsync(await impact.Content.ReadAsStringAsync());
        impactPage.QuerySelector("#Input_ResidualImpact-error")!.TextContent
            .ShouldContain("O impacto residual (2 — Baixo) não pode ser maior que o inerente (1 — Muito baixo)");
        impactPage.QuerySelector("#Input_ResidualProbability-error").ShouldBeNull();
    }

    [Fact]
    public async Task Missing_and_tampered_fields_get_portuguese_messages()
    {
        var plan = await CreatePlanAsync(PlanStatus.InPreparation);
        var client = await app.LoginAsync(Commission);
        var url = $"/planos/{plan.Id}/riscos/novo";

        using (var empty = await SispmpiAppFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Input.Title"] = "" }))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SispmpiAppFactory.ParseAsync(await empty.Content.ReadAsStringAsync());
            page.QuerySelector("#Input_Category-error")!.TextContent.ShouldContain("Escolha a categoria do risco.");
            page.QuerySelector("#Input_Title-error")!.TextContent.ShouldContain("Informe o título do risco.");
            page.QuerySelector("#Input_Probability-error")!.TextContent.ShouldContain("Escolha a probabilidade.");
            page.QuerySelector("#Input_Impact-error")!.TextContent.ShouldContain("Escolha o impacto.");
            page.QuerySelector("#Input_ResidualProbability-error")!.TextContent.ShouldContain("Escolha a probabilidade residual.");
            page.QuerySelector("#Input_ResidualImpact-error")!.TextContent.ShouldContain("Escolha o impacto residual.");
        }

        var fields = Form("__outra__", "Risco com categoria em branco", 3, 3, 2, 2, other: " ");
        fields["Input.Impact"] = "abc";
        fields["Input.ResidualImpact"] = "7";
        fields["Input.ActionIds[0]"] = (await app.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId != plan.Id).Select(a => a.Id).FirstAsync())).ToString();
        using var tampered = await SispmpiAppFactory.PostFormAsync(client, url, fields);
        tampered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await tampered.Content.ReadAsStringAsync();
        var form = await SispmpiAppFactory.ParseAsync(body);
        form.QuerySelector("#Input_OtherCategoryName-error")!.TextContent.ShouldContain("Informe a categoria do risco, já que escolheu “Outra”.");
        form.QuerySelector("#Input_Impact-error")!.TextContent.ShouldContain("Escolha um valor de 1 a 5.");
        form.QuerySelector("#Input_ResidualImpact-error")!.TextContent.ShouldContain("Escolha um valor de 1 a 5.");
        form.QuerySelector("#Input_ActionIds-error")!.TextContent.ShouldContain("Escolha ações deste plano.");
        body.ShouldNotContain("is not valid");
        body.ShouldNotContain("must be between");
        (await app.WithDbAsync(db => db.Risks.AnyAsync(r => r.PlanId == plan.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_heat_map_and_the_counts_by_level_match_the_register()
    {
        var plan = await CreatePlanAsync(PlanStatus.InPreparation);
        (string Category, string Title, int P, int I, int Rp, int Ri)[] fixture =
        [
            ("Nepotismo", "R01", 5, 5, 3, 4),
            ("Nepotismo", "R02", 4, 5, 4, 2),
            ("Fraude em contratações", "R03", 5, 4, 2, 2),
            ("Fraude em contratações", "R04", 3, 3, 3, 1),
            ("Fraude em contratações", "R05", 3, 3, 1, 1),
            ("Assédio", "R06", 1, 1, 1, 1),
            ("Assédio", "R07", 2, 5, 2, 4),
            ("Vazamento de informação", "R08", 4, 4, 4, 4),
            ("Vazamento de informação", "R09", 5, 1, 5, 1),
            ("Conflito de interesses", "R10", 2, 3, 1, 3),
            ("Conflito de interesses", "R11", 3, 3, 2, 2),
        ];
        await app.WithDbAsync(async db =>
        {
            var organizationId = await db.Plans.Where(p => p.Id == plan.Id).Select(p => p.OrganizationId).SingleAsync();
            foreach (var r in fixture)
            {
                db.Risks.Add(new IntegrityRisk
                {
                    OrganizationId = organizationId, PlanId = plan.Id, Category = r.Category, Title = r.Title,
                    Probability = r.P, Impact = r.I, ResidualProbability = r.Rp, ResidualImpact = r.Ri,
                });
            }
            await db.SaveChangesAsync();
        });
        var client = await app.LoginAsync(Commission);

        foreach (var residual in new[] { false, true })
        {
            var ratings = fixture.Select(r => residual ? (r.Title, P: r.Rp, I: r.Ri) : (r.Title, P: r.P, I: r.I)).ToList();
            var page = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{plan.Id}/riscos" + (residual ? "?mapa=residual" : ""));
            var map = page.QuerySelector("table.sispmpi-heatmap")!;

            // An accessible table: a caption, probability 1→5 across, impact 5→1 down.
            map.QuerySelector("caption")!.TextContent.ShouldContain(residual ? "riscos residuais" : "riscos inerentes");
            map.QuerySelectorAll("thead th[scope='col']").Skip(1).Select(th => th.TextContent).ShouldBe(
                ["1 Muito baixa", "2 Baixa", "3 Média", "4 Alta", "5 Muito alta"]);
            map.QuerySelectorAll("tbody th[scope='row']").Select(th => th.TextContent).ShouldBe(
                ["5 Muito alto", "4 Alto", "3 Médio", "2 Baixo", "1 Muito baixo"]);

            for (var i = 1; i <= 5; i++)
            {
                for (var p = 1; p <= 5; p++)
                {
                    var expected = ratings.Count(r => r.P == p && r.I == i);
                    var cell = map.QuerySelector($"td[data-probability='{p}'][data-impact='{i}']")!;
                    cell.QuerySelector(".sispmpi-heatmap-count")!.TextContent.ShouldBe(expected.ToString(), $"cell p={p} i={i}");
                    // The level is written out, not only coloured.
                    cell.QuerySelector(".sispmpi-heatmap-level")!.TextContent.ShouldBe(_levelNames[RiskMatrix.Level(p, i)]);
                    cell.QuerySelector(".sr-only").ShouldNotBeNull();
                    cell.ClassList.ShouldContain(RiskMatrix.Level(p, i) switch
                    {
                        RiskLevel.Low => "sispmpi-risk-low",
                        RiskLevel.Medium => "sispmpi-risk-medium",
                        RiskLevel.High => "sispmpi-risk-high",
                        _ => "sispmpi-risk-extreme",
                    });
                    var link = cell.QuerySelector("a");
                    if (expected == 0)
                    {
                        link.ShouldBeNull();
                        continue;
                    }
                    // A non-empty cell leads to the list of exactly its risks.
                    var filtered = await SispmpiAppFactory.GetDocumentAsync(client, link!.GetAttribute("href")!.Split('#')[0]);
                    Titles(filtered).ShouldBe(ratings.Where(r => r.P == p && r.I == i).Select(r => r.Title).Order(), ignoreOrder: true);
                }
            }

            foreach (var level in Enum.GetValues<RiskLevel>())
            {
                var expected = ratings.Count(r => RiskMatrix.Level(r.P, r.I) == level);
                page.QuerySelector($"#contagem li[data-level='{level}'] .sispmpi-risk-count")!.TextContent.ShouldBe(expected.ToString(), level.ToString());
                var byLevel = await SispmpiAppFactory.GetDocumentAsync(client,
                    $"/planos/{plan.Id}/riscos?nivel={level}" + (residual ? "&mapa=residual" : ""));
                Titles(byLevel).Count.ShouldBe(expected, $"list filtered by {level}");
            }
            Titles(page).Count.ShouldBe(fixture.Length);
        }

        // The category filter narrows the list and the map alike.
        var nepotism = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{plan.Id}/riscos?categoria=Nepotismo");
        Titles(nepotism).ShouldBe(["R01", "R02"], ignoreOrder: true);
        nepotism.QuerySelector("td[data-probability='5'][data-impact='5'] .sispmpi-heatmap-count")!.TextContent.ShouldBe("1");
        nepotism.QuerySelector("td[data-probability='3'][data-impact='3'] .sispmpi-heatmap-count")!.TextContent.ShouldBe("0");
        nepotism.QuerySelectorAll("#categoria option").Select(o => o.GetAttribute("value")).ShouldBe(
            ["", .. fixture.Select(r => r.Category).Distinct().Order(StringComparer.Create(new System.Globalization.CultureInfo("pt-BR"), false))]);
    }

    [Fact]
    public async Task A_risk_is_edited_with_its_actions_and_deleted_after_confirmation()
    {
        var plan = await CreatePlanAsync(PlanStatus.InPreparation);
        var riskId = await AddRiskAsync(plan, "Uso indevido de recursos", plan.Actions[0].Id);
        var client = await app.LoginAsync(Commission);
        var url = $"/riscos/{riskId}/editar";

        using (var response = await SispmpiAppFactory.PostFormAsync(client, url,
            Form("Uso indevido de recursos", "Uso de veículos oficiais em fins particulares", 3, 4, 2, 4, plan.Actions[1].Id, plan.Actions[2].Id)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var risk = await app.WithDbAsync(db => db.Risks.Include(r => r.Treatments).SingleAsync(r => r.Id == riskId));
        risk.Title.ShouldBe("Uso de veículos oficiais em fins particulares");
        (risk.Probability, risk.Impact, risk.ResidualProbability, risk.ResidualImpact).ShouldBe((3, 4, 2, 4));
        risk.Treatments.Select(t => t.ActionId).Order().ShouldBe(new[] { plan.Actions[1].Id, plan.Actions[2].Id }.Order());

        var edit = await SispmpiAppFactory.GetDocumentAsync(client, url);
        var delete = edit.QuerySelector("form[action*='handler=Delete']")!;
        delete.GetAttribute("data-confirm")!.ShouldContain("Excluir o risco “Uso de veículos oficiais em fins particulares”?");
        using (var response = await SispmpiAppFactory.PostFormAsync(client, url + "?handler=Delete", new Dictionary<string, string>(), formPage: url))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe($"/planos/{plan.Id}/riscos");
        }
        (await app.WithDbAsync(db => db.Risks.AnyAsync(r => r.Id == riskId))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.RiskTreatments.AnyAsync(t => t.RiskId == riskId))).ShouldBeFalse();
        var list = await SispmpiAppFactory.GetDocumentAsync(client, $"/planos/{plan.Id}/riscos");
        list.Body!.TextContent.ShouldContain("excluído");
        list.QuerySelector("#sem-riscos").ShouldNotBeNull();
        await SispmpiAppFactory.GetDocumentAsync(client, url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_published_demo_plan_shows_its_risks_read_only_and_refuses_every_change()
    {
        var (planId, riskId) = await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Organization!.Acronym == "SEPLAG" && p.Status == PlanStatus.Published);
            var risk = await db.Risks.Where(r => r.PlanId == plan.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
            if (risk is null)
            {
                var added = new IntegrityRisk
                {
                    OrganizationId = plan.OrganizationId, PlanId = plan.Id, Category = "Nepotismo", Title = "Risco do plano publicado",
                    Probability = 3, Impact = 3, ResidualProbability = 2, ResidualImpact = 2,
                };
                db.Risks.Add(added);
                await db.SaveChangesAsync();
                risk = added.Id;
            }
            return (plan.Id, risk.Value);
        });
        var client = await app.LoginAsync(Commission);
        var listUrl = $"/planos/{planId}/riscos";

        var list = await SispmpiAppFactory.GetDocumentAsync(client, listUrl);
        list.QuerySelectorAll("a").Any(a => a.TextContent.Contains("Novo risco")).ShouldBeFalse();
        list.Body!.TextContent.ShouldContain("somente leitura");
        var edit = await SispmpiAppFactory.GetDocumentAsync(client, $"/riscos/{riskId}/editar");
        edit.QuerySelector("fieldset.sispmpi-risk-form")!.HasAttribute("disabled").ShouldBeTrue();
        edit.QuerySelectorAll("button[type='submit']").Any(b => b.TextContent.Contains("Salvar") || b.TextContent.Contains("Excluir")).ShouldBeFalse();
        await SispmpiAppFactory.GetDocumentAsync(client, $"{listUrl}/novo", HttpStatusCode.Forbidden);

        var before = await app.WithDbAsync(db => db.Risks.CountAsync(r => r.PlanId == planId));
        var fields = Form("Nepotismo", "Tentativa em plano publicado", 3, 3, 2, 2);
        foreach (var url in new[] { $"{listUrl}/novo", $"/riscos/{riskId}/editar", $"/riscos/{riskId}/editar?handler=Delete" })
        {
            using var response = await SispmpiAppFactory.PostFormAsync(client, url, fields, formPage: listUrl);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await response.Content.ReadAsStringAsync()).ShouldContain("publicado (ou obsoleto) e não pode ser alterado");
        }
        (await app.WithDbAsync(db => db.Risks.CountAsync(r => r.PlanId == planId))).ShouldBe(before);
        (await app.WithDbAsync(db => db.Risks.AnyAsync(r => r.Id == riskId && r.Title == "Tentativa em plano publicado"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Readers_see_the_register_without_changing_it_and_executors_are_refused()
    {
        var plan = await CreatePlanAsync(PlanStatus.InPreparation);
        var riskId = await AddRiskAsync(plan, "Assédio", plan.Actions[0].Id);

        // The head of the body reads the register of a plan in preparation but cannot change it.
        var head = await app.LoginAsync("alta@demo.gov.br");
        var list = await SispmpiAppFactory.GetDocumentAsync(head, $"/planos/{plan.Id}/riscos");
        list.QuerySelectorAll("a").Any(a => a.TextContent.Contains("Novo risco")).ShouldBeFalse();
        Titles(list).ShouldBe(["Risco de teste"]);
        var edit = await SispmpiAppFactory.GetDocumentAsync(head, $"/riscos/{riskId}/editar");
        edit.QuerySelector("fieldset.sispmpi-risk-form")!.HasAttribute("disabled").ShouldBeTrue();
        await SispmpiAppFactory.GetDocumentAsync(head, $"/planos/{plan.Id}/riscos/novo", HttpStatusCode.Forbidden);
        using (var response = await SispmpiAppFactory.PostFormAsync(head, $"/riscos/{riskId}/editar",
            Form("Assédio", "Alterado pela alta administração", 2, 2, 1, 1)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await app.WithDbAsync(db => db.Risks.Where(r => r.Id == riskId).Select(r => r.Title).SingleAsync())).ShouldBe("Risco de teste");

        var executor = await app.LoginAsync("executor@demo.gov.br");
        foreach (var url in new[] { $"/planos/{plan.Id}/riscos", $"/planos/{plan.Id}/riscos/novo", $"/riscos/{riskId}/editar" })
        {
            using var response = await executor.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
    }

    [Fact]
    public async Task Another_organizations_plan_and_risks_are_not_found()
    {
        var (planId, riskId) = await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.FirstAsync(p => p.Organization!.Acronym == "PMOP");
            var risk = new IntegrityRisk
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, Category = "Nepotismo", Title = "Risco de outro órgão",
                Probability = 2, Impact = 2, ResidualProbability = 1, ResidualImpact = 1,
            };
            db.Risks.Add(risk);
            await db.SaveChangesAsync();
            return (plan.Id, risk.Id);
        });
        var client = await app.LoginAsync(Commission);
        foreach (var url in new[] { $"/planos/{planId}/riscos", $"/planos/{planId}/riscos/novo", $"/riscos/{riskId}/editar" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Risco de outro órgão");
        }
        var ownList = $"/planos/{(await CreatePlanAsync(PlanStatus.InPreparation)).Id}/riscos";
        foreach (var url in new[] { $"/planos/{planId}/riscos/novo", $"/riscos/{riskId}/editar", $"/riscos/{riskId}/editar?handler=Delete" })
        {
            using var response = await SispmpiAppFactory.PostFormAsync(client, url, Form("Nepotismo", "Invasão", 2, 2, 1, 1), formPage: ownList);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        (await app.WithDbAsync(db => db.Risks.Where(r => r.Id == riskId).Select(r => r.Title).SingleAsync())).ShouldBe("Risco de outro órgão");
    }

    private static List<string> Titles(IDocument page) =>
        page.QuerySelectorAll("#lista-riscos tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

    private static Dictionary<string, string> Form(string category, string title, int p, int i, int rp, int ri, params int[] actionIds) =>
        Form(category, title, p, i, rp, ri, null, actionIds);

    private static Dictionary<string, string> Form(string category, string title, int p, int i, int rp, int ri, string? other, params int[] actionIds)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Category"] = category,
            ["Input.OtherCategoryName"] = other ?? "",
            ["Input.Title"] = title,
            ["Input.Cause"] = "Falta de regra sobre parentesco",
            ["Input.Consequence"] = "Dano à imagem do órgão",
            ["Input.Probability"] = p.ToString(),
            ["Input.Impact"] = i.ToString(),
            ["Input.ExistingControls"] = "Declaração de parentesco na posse",
            ["Input.ResidualProbability"] = rp.ToString(),
            ["Input.ResidualImpact"] = ri.ToString(),
        };
        for (var n = 0; n < actionIds.Length; n++)
        {
            fields[$"Input.ActionIds[{n}]"] = actionIds[n].ToString();
        }
        return fields;
    }

    /// <summary>A plan of SEPLAG (the demo commission's body) with two axes and three actions, numbered 1.1, 1.2 and 2.1.</summary>
    private Task<TestPlan> CreatePlanAsync(PlanStatus status) => app.WithDbAsync(async db =>
    {
        var organizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync();
        var plan = new IntegrityPlan
        {
            OrganizationId = organizationId, Title = $"Plano de teste de riscos {Guid.NewGuid():N}"[..40], Edition = "2030–2032",
            Status = status, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var axes = new[] { "Gestão de riscos para a integridade", "Conflito de interesses e nepotismo" }
            .Select((title, n) => new PlanAxis { OrganizationId = organizationId, PlanId = plan.Id, Position = n + 1, Number = $"{n + 1}", Title = title })
            .ToList();
        db.PlanAxes.AddRange(axes);
        await db.SaveChangesAsync();
        (int Axis, int Position, string Title)[] specs =
        [
            (0, 1, "Mapear os processos críticos de compras"),
            (0, 2, "Revisar a matriz de riscos anualmente"),
            (1, 1, "Exigir declaração de parentesco na posse"),
        ];
        var actions = specs.Select(s => new PlanAction
        {
            OrganizationId = organizationId, PlanId = plan.Id, AxisId = axes[s.Axis].Id, Position = s.Position,
            Number = $"{axes[s.Axis].Number}.{s.Position}", Title = s.Title, ActionType = "Processo",
        }).ToList();
        db.PlanActions.AddRange(actions);
        await db.SaveChangesAsync();
        return new TestPlan(plan.Id, actions.Select(a => (a.Id, a.Number, a.Title)).ToList());
    });

    private Task<int> AddRiskAsync(TestPlan plan, string category, params int[] actionIds) => app.WithDbAsync(async db =>
    {
        var organizationId = await db.Plans.Where(p => p.Id == plan.Id).Select(p => p.OrganizationId).SingleAsync();
        var risk = new IntegrityRisk
        {
            OrganizationId = organizationId, PlanId = plan.Id, Category = category, Title = "Risco de teste",
            Probability = 4, Impact = 4, ResidualProbability = 3, ResidualImpact = 3,
            Treatments = actionIds.Select(id => new RiskTreatment { OrganizationId = organizationId, ActionId = id }).ToList(),
        };
        db.Risks.Add(risk);
        await db.SaveChangesAsync();
        return risk.Id;
    });
}
