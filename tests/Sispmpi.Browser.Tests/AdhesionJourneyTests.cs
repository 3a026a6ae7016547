using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// SPEC §4 through the pages: the central administrator takes an adhesion request through the six steps of the
/// procedure; the availability step provisions the body and invites its first internal-control user, who follows the
/// link of the e-mail, chooses a password and signs in to the new organization.
/// </summary>
/// <remarks>Provisioning adds an organization to the network, so the test runs on an app of its own.</remarks>
public sealed partial class AdhesionJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Body = "Prefeitura Municipal de Mariana";
    private const string Invited = "controle@mariana.mg.gov.br";

    [Fact]
    public async Task An_adhesion_request_goes_through_the_six_steps_and_the_new_body_signs_in_with_its_invitation()
    {
        await using var adminContext = await site.SignedInContextAsync("admin@demo.gov.br");
        var page = await adminContext.NewPageAsync();
        var today = DateOnly.FromDateTime(DateTime.Today);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");
        ILocator Field(string label) => SiteFixture.Field(page, label);

        // 1. The request.
        await page.GotoAsync("/adesao");
        await page.GetByRole(AriaRole.Link, new() { Name = "Novo pedido de adesão" }).ClickAsync();
        await Field("Órgão, entidade ou ente").FillAsync(Body);
        await Field("Sigla").FillAsync("PMM");
        await Field("CNPJ").FillAsync("11.222.333/0001-81");
        await Field("Esfera").SelectOptionAsync("Municipal");
        await Field("Contato").FillAsync("José da Silva");
        await Field("E-mail do contato").FillAsync("gabinete@mariana.mg.gov.br");
        await Field("Data do pedido").FillAsync(Day(-40));
        await Field("Responsável").FillAsync("Diretoria de Controle Interno");
        await Field("Documentos").FillAsync("Ofício nº 12/2026 do Gabinete do Prefeito");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar pedido" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/adesao/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("PMM");

        async Task RecordAsync()
        {
            await page.Locator("#registrar-etapa").ClickAsync();
            await Expect(page.Locator(".br-message.success")).ToContainTextAsync("registrad");
        }

        // 2. Internal processing: the draft agreement and work plan sent.
        await Field("Data").FillAsync(Day(-35));
        await Field("Responsável").FillAsync("Diretoria de Controle Interno");
        await Field("Documentos").FillAsync("Minuta do acordo e do plano de trabalho enviadas");
        await RecordAsync();

        // 3. Signature, with the validity.
        await Field("Data").FillAsync(Day(-30));
        await Field("Responsável").FillAsync("Gabinete");
        await Field("Início da vigência").FillAsync(Day(-30));
        await Field("Fim da vigência").FillAsync(Day(1795));
        await RecordAsync();

        // 4. Publication of the extract.
        await Field("Data").FillAsync(Day(-25));
        await Field("Responsável").FillAsync("Assessoria de Comunicação");
        await Field("Referência da publicação do extrato").FillAsync("Diário Oficial de Minas Gerais, Caderno 1, p. 12");
        await Field("Data da publicação").FillAsync(Day(-25));
        await RecordAsync();

        // 5. Availability: the body is provisioned and its first internal-control user invited.
        await Field("Data").FillAsync(Day(-20));
        await Field("Responsável").FillAsync("Diretoria de Tecnologia");
        await Field("Nome").FillAsync(Body);
        await Field("Sigla").FillAsync("PMM");
        await Field("CNPJ").FillAsync("11.222.333/0001-81");
        await Field("Natureza jurídica").SelectOptionAsync("CityHall");
        await Field("Esfera").SelectOptionAsync("Municipal");
        await Field("Poder").SelectOptionAsync("Executive");
        await Field("UF").FillAsync("MG");
        await Field("Código IBGE do município").FillAsync("3140001");
        await Field("Município").FillAsync("Mariana");
        var parent = Field("Órgão superior (rede)");
        var cge = await parent.Locator("option", new() { HasText = "CGE" }).First.GetAttributeAsync("value");
        await parent.SelectOptionAsync(cge!);
        await Field("Unidades administrativas (opcional)").FillAsync("GAB - Gabinete do Prefeito\nCGM - Controladoria-Geral do Município");
        await Field("Nome completo").FillAsync("Beatriz Controle");
        await Field("E-mail").FillAsync(Invited);
        await RecordAsync();
        await Expect(page.Locator(".br-message.success")).ToContainTextAsync(Invited);

        // 6. A yearly improvement report.
        await Field("Data").FillAsync(Day(0));
        await Field("Responsável").FillAsync("Controladoria-Geral do Município");
        await Field("Documentos").FillAsync("Relatório anual de melhorias");
        await RecordAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Relatório anual de melhorias");

        // The invitation, as the outbox delivered it (a moment after the step was saved).
        var mail = await WaitForMailAsync(Invited);
        mail.ShouldNotContain("Demo@SisPMPI2026");
        var link = new Uri(InviteLink().Match(mail).Value);
        await using var invitedContext = await site.NewContextAsync();
        var invited = await invitedContext.NewPageAsync();
        await invited.GotoAsync(link.PathAndQuery);
        await SiteFixture.Field(invited, "Senha").FillAsync("Mariana@Integridade2026");
        await SiteFixture.Field(invited, "Confirmação da senha").FillAsync("Mariana@Integridade2026");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Criar minha conta" }).ClickAsync();
        await Expect(invited).ToHaveURLAsync(new Regex("/conta/entrar"));

        await SiteFixture.SignInAsync(invited, Invited, "Mariana@Integridade2026");
        await Expect(invited.Locator(".header-title")).ToHaveTextAsync(Body);
        await Expect(invited.Locator(".header-subtitle")).ToContainTextAsync("Controle interno");
    }

    private async Task<string> WaitForMailAsync(string to)
    {
        for (var i = 0; i < 150; i++)
        {
            var mail = Directory.Exists(site.MailFolder)
                ? Directory.EnumerateFiles(site.MailFolder, "*.eml").Select(File.ReadAllText).FirstOrDefault(m => m.Contains($"To: {to}\r\n", StringComparison.Ordinal))
                : null;
            if (mail is not null)
            {
                return mail;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"No e-mail to {to} in {site.MailFolder} after 15 s.");
    }

    [GeneratedRegex(@"http://\S+/conta/convite\?token=\S+")]
    private static partial Regex InviteLink();
}
