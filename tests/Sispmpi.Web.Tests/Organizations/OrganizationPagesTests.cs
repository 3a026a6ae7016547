using System.Net;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Auditing;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Organizations;

public sealed class OrganizationPagesTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private Dictionary<string, string> Form(string cnpj, string acronym = "NOVA") => new()
    {
        ["Input.ParentId"] = app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "CGE").Select(o => o.Id).SingleAsync()).Result.ToString(),
        ["Input.Name"] = "Fundação Estadual de Teste",
        ["Input.Acronym"] = acronym,
        ["Input.Cnpj"] = cnpj,
        ["Input.Kind"] = nameof(OrganizationKind.Foundation),
        ["Input.Sphere"] = nameof(Sphere.State),
        ["Input.Branch"] = nameof(Branch.Executive),
        ["Input.StateCode"] = "MG",
        ["Input.IsActive"] = "true",
    };

    [Theory]
    [InlineData("11.222.333/0001-82", "CNPJ inválido: os dígitos verificadores não conferem.")]
    [InlineData("12.ABC.345/01DE-36", "CNPJ inválido: os dígitos verificadores não conferem.")]
    [InlineData("11.222.333/0001", "O CNPJ deve ter 14 caracteres.")]
    [InlineData("11.111.111/1111-11", "CNPJ inválido: todos os caracteres são iguais.")]
    [InlineData("12.ABC.345/01DE-3X", "O CNPJ contém caracteres inválidos")]
    [InlineData("12.ABC.345/01DE-35", "Já existe um órgão ou entidade cadastrado com este CNPJ.")]
    public async Task An_invalid_cnpj_is_refused_with_a_portuguese_message_next_to_the_field(string cnpj, string message)
    {
        var admin = await app.LoginAsync("admin@demo.gov.br");
        using var response = await SispmpiAppFactory.PostFormAsync(admin, "/organizacoes/nova", Form(cnpj));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Input_Cnpj-error")!.TextContent.ShouldContain(message);
        // Nothing typed is lost.
        page.QuerySelector("#Input_Name")!.GetAttribute("value").ShouldBe("Fundação Estadual de Teste");
        (await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Acronym == "NOVA"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_valid_alphanumeric_cnpj_is_saved_unmasked_and_shown_masked()
    {
        var admin = await app.LoginAsync("admin@demo.gov.br");
        var cnpj = "AB1CD2EF3GH4" + Cnpj.ComputeCheckDigits("AB1CD2EF3GH4");
        using var response = await SispmpiAppFactory.PostFormAsync(admin, "/organizacoes/nova", Form(cnpj.ToLowerInvariant(), "ALFA"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Acronym == "ALFA"));
        saved.Cnpj.ShouldBe(cnpj);
        var details = await SispmpiAppFactory.GetDocumentAsync(admin, response.Headers.Location!.OriginalString);
        details.Body!.TextContent.ShouldContain(Cnpj.Parse(cnpj).Formatted);
        // A new body joins the administrator's network and is visible on the panel.
        var panel = await SispmpiAppFactory.GetDocumentAsync(admin, "/painel?busca=ALFA");
        panel.Body!.TextContent.ShouldContain("Fundação Estadual de Teste");
    }

    [Fact]
    public async Task An_edit_requires_a_justification_which_the_history_keeps()
    {
        var admin = await app.LoginAsync("admin@demo.gov.br");
        var camara = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Acronym == "CMOP"));
        var url = $"/organizacoes/{camara.Id}/editar";
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Câmara Municipal de Ouro Preto — Poder Legislativo",
            ["Input.Acronym"] = "CMOP",
            ["Input.Cnpj"] = camara.Cnpj,
            ["Input.Kind"] = nameof(OrganizationKind.CityCouncil),
            ["Input.Sphere"] = nameof(Sphere.Municipal),
            ["Input.Branch"] = nameof(Branch.Legislative),
            ["Input.StateCode"] = "MG",
            ["Input.MunicipalityCode"] = "3146107",
            ["Input.MunicipalityName"] = "Ouro Preto",
            ["Input.ParentId"] = camara.ParentId!.Value.ToString(),
            ["Input.IsActive"] = "true",
        };
        using (var missing = await SispmpiAppFactory.PostFormAsync(admin, url, fields))
        {
            var missingBody = await missing.Content.ReadAsStringAsync();
        missingBody.ShouldContain("Informe a justificativa da alteração.", customMessage: missingBody);
        }
        fields["Justification"] = "Nome oficial conforme a Lei Orgânica do Município.";
        using (var saved = await SispmpiAppFactory.PostFormAsync(admin, url, fields))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var entry = await app.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == "Organization" && e.EntityId == camara.Id.ToString() && e.Field == "Name")
            .OrderByDescending(e => e.Id).FirstAsync());
        entry.Operation.ShouldBe(AuditOperation.Update);
        entry.OldValue.ShouldBe("Câmara Municipal de Ouro Preto");
        entry.NewValue.ShouldBe("Câmara Municipal de Ouro Preto — Poder Legislativo");
        entry.Justification.ShouldBe("Nome oficial conforme a Lei Orgânica do Município.");
        entry.UserName.ShouldBe("Ana Administradora");
        entry.Profile.ShouldBe(nameof(Sispmpi.Core.Identity.Profile.CentralAdministrator));

        var history = await SispmpiAppFactory.GetDocumentAsync(admin, $"/historico?entidade=Organization&organizacao={camara.Id}");
        history.Body!.TextContent.ShouldContain("Nome oficial conforme a Lei Orgânica do Município.");
    }

    [Fact]
    public async Task A_parent_that_would_make_a_cycle_is_refused()
    {
        var admin = await app.LoginAsync("admin@demo.gov.br");
        var (cge, seplag) = await app.WithDbAsync(async db => (
            await db.Organizations.SingleAsync(o => o.Acronym == "CGE"), await db.Organizations.SingleAsync(o => o.Acronym == "SEPLAG")));
        using var response = await SispmpiAppFactory.PostFormAsync(admin, $"/organizacoes/{cge.Id}/editar", new Dictionary<string, string>
        {
            ["Input.Name"] = cge.Name, ["Input.Acronym"] = cge.Acronym, ["Input.Cnpj"] = cge.Cnpj,
            ["Input.Kind"] = cge.Kind.ToString(), ["Input.Sphere"] = cge.Sphere.ToString(), ["Input.Branch"] = cge.Branch.ToString(),
            ["Input.ParentId"] = seplag.Id.ToString(), ["Input.IsOversight"] = "true", ["Input.IsActive"] = "true",
            ["Justification"] = "Tentativa de criar um ciclo na rede.",
        });
        (await response.Content.ReadAsStringAsync()).ShouldContain("O órgão superior não pode ser o próprio órgão nem um órgão vinculado a ele.");
    }

    [Fact]
    public async Task Internal_control_of_a_body_sees_its_own_units_but_not_another_bodys()
    {
        var auditor = await app.LoginAsync("auditor@demo.gov.br");
        var units = await SispmpiAppFactory.GetDocumentAsync(auditor, "/unidades");
        units.Body!.TextContent.ShouldContain("Superintendência de Compras e Contratos");
        var prefeitura = await app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "PMOP").Select(o => o.Id).SingleAsync());
        (await auditor.GetAsync($"/unidades?organizacao={prefeitura}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_central_administrator_sees_the_whole_network_on_the_panel()
    {
        var admin = await app.LoginAsync("admin@demo.gov.br");
        var panel = await SispmpiAppFactory.GetDocumentAsync(admin, "/painel");
        var text = panel.Body!.TextContent;
        text.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        text.ShouldContain("Prefeitura Municipal de Ouro Preto");
        text.ShouldContain("Plano de Integridade da SEPLAG");
    }
}
