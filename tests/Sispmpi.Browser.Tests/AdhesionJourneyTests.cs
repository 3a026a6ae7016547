using System.Diagnostics;
using System.Text.RegularExpressions;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;
using static Microsoft.Playwright.Assertions;

using static Sispmpi.Browser.Tests.Journeys;

namespace Sispmpi.Browser.Tests;

/// <summary>
/// An adhesion request through the six steps of the procedure, only through the pages (issue 10): the central
/// administrator records the request, the internal processing, the signature, the publication, the availability
/// (which registers the body with its units and invites its first internal-control user) and a yearly improvement
/// report; the invited person then opens the link of the e-mail, chooses a password and signs in to the new body.
/// </summary>
/// <remarks>
/// The availability step adds an organization and a user to the demo network, which the shared app's tests count on
/// staying as seeded: so this test runs on an app and a Chromium of its own, through a class fixture.
/// </remarks>
public sealed partial class AdhesionJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string BodyName = "Prefeitura Municipal de Congonhas";
    private const string BodyAcronym = "PMC";
    private const string Cnpj = "11.222.333/0001-81";
    private const string InvitedName = "Carla Controle";
    private const string InvitedEmail = "carla@congonhas.mg.gov.br";
    private const string InvitedPassword = "Congonhas2026Integridade";
    private static readonly TimeSpan _mailTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_adhesion_request_goes_through_the_six_steps_and_the_invited_controller_signs_in_to_the_new_body()
    {
        await using var adminContext = await site.SignedInContextAsync("admin@demo.gov.br");
        var page = await adminContext.NewPageAsync();
        var today = TimeProvider.System.Today();
        string Day(int offset) => Iso(today.AddDays(offset));

        // Step 1: the request, from the list of requests.
        await page.GotoAsync("/adesao");
        await page.GetByRole(AriaRole.Link, new() { Name = "Novo pedido de adesão" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/adesao/novo$"));
        await SiteFixture.Field(page, "Órgão, entidade ou ente").FillAsync(BodyName);
        await SiteFixture.Field(page, "Sigla").FillAsync(BodyAcronym);
        await SiteFixture.Field(page, "CNPJ").FillAsync(Cnpj);
        await SiteFixture.Field(page, "Esfera").SelectOptionAsync(new SelectOptionValue { Label = "Municipal" });
        await SiteFixture.Field(page, "Contato").FillAsync("Ana Souza");
        await SiteFixture.Field(page, "E-mail do contato").FillAsync("ana@congonhas.mg.gov.br");
        await SiteFixture.Field(page, "Data do pedido").FillAsync(Day(-30));
        await SiteFixture.Field(page, "Responsável").FillAsync("Diretoria Central de Integridade");
        await SiteFixture.Field(page, "Documentos").FillAsync("Ofício nº 12/2026 da prefeitura");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar pedido" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/adesao/\d+$"));
        await Expect(page.GetByText($"Pedido de adesão de {BodyName} registrado.")).ToBeVisibleAsync();
        await Expect(page.Locator("#etapa-atual")).ToHaveTextAsync("1. Formalização do pedido");
        var requestUrl = new Uri(page.Url).AbsolutePath;

        // Step 2: internal processing.
        await Expect(page.Locator("#proxima-etapa")).ToContainTextAsync("2. Trâmites internos");
        await RecordStepAsync(page, Day(-25), "Diretoria Central de Integridade", "Minuta do ACT e do plano de trabalho");
        await Expect(page.GetByText("Etapa registrada: 2. Trâmites internos e envio da minuta do acordo e do plano de trabalho.")).ToBeVisibleAsync();

        // Step 3: the signature, with the agreement's validity.
        await Expect(page.Locator("#proxima-etapa")).ToHaveTextAsync("Registrar etapa: 3. Assinatura do acordo de cooperação técnica");
        await SiteFixture.Field(page, "Início da vigência").FillAsync(Day(-20));
        await SiteFixture.Field(page, "Fim da vigência").FillAsync(Iso(today.AddDays(-20).AddYears(5)));
        await RecordStepAsync(page, Day(-20), "Gabinete do Controlador-Geral", "ACT assinado no SEI");
        await Expect(page.Locator("#etapa-atual")).ToHaveTextAsync("3. Assinatura do acordo de cooperação técnica");
        await Expect(page.Locator("dl")).ToContainTextAsync(
            $"{Labels.Date(today.AddDays(-20))} a {Labels.Date(today.AddDays(-20).AddYears(5))}");

        // Step 4: the publication of the extract, with the gazette reference and date.
        await Expect(page.Locator("#proxima-etapa")).ToHaveTextAsync("Registrar etapa: 4. Publicação do extrato");
        await SiteFixture.Field(page, "Referência da publicação do extrato").FillAsync("Diário Oficial do Estado de Minas Gerais, Caderno 1, p. 9");
        await SiteFixture.Field(page, "Data da publicação").FillAsync(Day(-15));
        await RecordStepAsync(page, Day(-15), "Diretoria Central de Integridade");
        await Expect(page.Locator("#etapa-atual")).ToHaveTextAsync("4. Publicação do extrato");
        await Expect(page.Locator("ol.sispmpi-timeline")).ToContainTextAsync(
            $"Publicação: Diário Oficial do Estado de Minas Gerais, Caderno 1, p. 9, de {Labels.Date(today.AddDays(-15))}");

        // Step 5: availability registers the body in the network, its units, and invites its first internal-control user.
        await Expect(page.Locator("#proxima-etapa")).ToHaveTextAsync("Registrar etapa: 5. Disponibilização do sistema");
        // The organization's name, acronym and CNPJ come filled in from the request.
        await Expect(SiteFixture.Field(page, "Nome")).ToHaveValueAsync(BodyName);
        await Expect(SiteFixture.Field(page, "CNPJ")).ToHaveValueAsync(Cnpj);
        await SiteFixture.Field(page, "Natureza jurídica").SelectOptionAsync(new SelectOptionValue { Label = Labels.Of(Sispmpi.Core.Organizations.OrganizationKind.CityHall) });
        await SiteFixture.Field(page, "Poder").SelectOptionAsync(new SelectOptionValue { Label = Labels.Of(Sispmpi.Core.Organizations.Branch.Executive) });
        await SiteFixture.Field(page, "UF").FillAsync("MG");
        await SiteFixture.Field(page, "Código IBGE do município").FillAsync("3118007");
        await SiteFixture.Field(page, "Município").FillAsync("Congonhas");
        await SiteFixture.Field(page, "Unidades administrativas (opcional)").FillAsync("GAB - Gabinete do Prefeito\nControladoria-Geral do Município");
        await SiteFixture.Field(page, "Nome completo").FillAsync(InvitedName);
        await SiteFixture.Field(page, "E-mail").FillAsync(InvitedEmail);
        await RecordStepAsync(page, Day(-10), "Diretoria de Tecnologia da Informação e Comunicação");
        await Expect(page.GetByText($"Etapa registrada: {BodyName} foi cadastrado e o convite foi enviado para {InvitedEmail}.")).ToBeVisibleAsync();
        await Expect(page.Locator("#etapa-atual")).ToHaveTextAsync("5. Disponibilização do sistema");
        // The first yearly report is due at the end of the first year from availability.
        await Expect(page.Locator("#proximo-relatorio")).ToContainTextAsync(Labels.Date(today.AddDays(-10).AddYears(1).AddDays(-1)));

        // Step 6: a yearly improvement report.
        await Expect(page.Locator("#proxima-etapa")).ToHaveTextAsync("Registrar etapa: 6. Relatórios anuais de melhorias");
        await RecordStepAsync(page, Day(0), "Controladoria-Geral do Município", "Relatório anual de melhorias");
        await Expect(page.GetByText("Relatório anual registrado.")).ToBeVisibleAsync();
        await Expect(page.Locator("#etapa-atual")).ToHaveTextAsync("6. Relatórios anuais de melhorias");
        await Expect(page.Locator("#proxima-etapa")).ToHaveTextAsync("Registrar relatório anual de melhorias");
        // That report settles the first year: the next one is due a year later.
        await Expect(page.Locator("#proximo-relatorio")).ToContainTextAsync(Labels.Date(today.AddDays(-10).AddYears(2).AddDays(-1)));
        var timeline = page.Locator("ol.sispmpi-timeline > li");
        await Expect(timeline).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
        {
            await Expect(timeline.Nth(i)).ToContainTextAsync("registrada");
            await Expect(timeline.Nth(i)).Not.ToContainTextAsync("pendente");
        }

        // The body is in the network, with its units.
        await page.GetByRole(AriaRole.Link, new() { Name = BodyName, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/organizacoes/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(BodyName);
        await Expect(page.GetByText("Gabinete do Prefeito (GAB)")).ToBeVisibleAsync();
        await Expect(page.GetByText("Controladoria-Geral do Município", new() { Exact = true })).ToBeVisibleAsync();
        // And the list of requests shows it at the last step.
        await page.GotoAsync($"/adesao?busca={BodyAcronym}");
        var row = page.Locator("tbody tr").Filter(new() { HasText = BodyName });
        await Expect(row).ToContainTextAsync("6. Relatórios anuais de melhorias");
        (await row.GetByRole(AriaRole.Link).GetAttributeAsync("href")).ShouldBe(requestUrl);

        // The invited person reads the e-mail (the outbox sender writes it a moment later) and follows its link.
        var mail = await WaitForMailAsync(InvitedEmail);
        mail.ShouldNotContain("senha:", Case.Insensitive);
        var link = InvitationLink().Match(mail);
        link.Success.ShouldBeTrue($"no invitation link in the e-mail:{Environment.NewLine}{mail}");
        link.Value.ShouldStartWith(site.BaseUrl);

        await using var invitedContext = await site.NewContextAsync();
        var invited = await invitedContext.NewPageAsync();
        await invited.GotoAsync(link.Value);
        await Expect(invited.GetByRole(AriaRole.Heading, new() { Name = "Aceitar convite" })).ToBeVisibleAsync();
        await Expect(invited.Locator(".sispmpi-login p").First).ToContainTextAsync(
            $"Olá, {InvitedName}. Você foi convidado(a) para acessar o SisPMPI em {BodyName} com o perfil {Labels.Of(Profile.InternalControl)}.");
        await SiteFixture.Field(invited, "Senha").FillAsync(InvitedPassword);
        await SiteFixture.Field(invited, "Confirmação da senha").FillAsync(InvitedPassword);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Criar minha conta" }).ClickAsync();
        await Expect(invited).ToHaveURLAsync(new Regex("/conta/entrar$"));
        await Expect(invited.GetByText("Conta criada. Entre com o seu e-mail e a senha escolhida.")).ToBeVisibleAsync();

        await SiteFixture.SignInAsync(invited, InvitedEmail, InvitedPassword);
        await Expect(invited.Locator("header .header-title")).ToHaveTextAsync(BodyName);
        await Expect(invited.Locator("header .header-subtitle")).ToHaveTextAsync(Labels.Of(Profile.InternalControl));
        await Expect(invited.Locator("header").GetByRole(AriaRole.Link, new() { Name = $"Minha conta: {InvitedName}" })).ToBeVisibleAsync();

        // The link works once.
        await using var againContext = await site.NewContextAsync();
        var again = await againContext.NewPageAsync();
        await again.GotoAsync(link.Value);
        await Expect(again.GetByText("Este convite é inválido, já foi usado ou expirou.")).ToBeVisibleAsync();
    }

    /// <summary>Fills the date and the person of the step shown on the request's page, records it, and waits for the page again.</summary>
    private static async Task RecordStepAsync(IPage page, string date, string responsible, string? documents = null)
    {
        var url = new Uri(page.Url).AbsolutePath;
        await SiteFixture.Field(page, "Data").FillAsync(date);
        await SiteFixture.Field(page, "Responsável").FillAsync(responsible);
        if (documents is not null)
        {
            await SiteFixture.Field(page, "Documentos").FillAsync(documents);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(url)}$"));
        await Expect(page.Locator(".br-message.success")).ToBeVisibleAsync();
    }

    /// <summary>The e-mail to <paramref name="address"/> in the app's pickup folder, waiting for the outbox sender to write it.</summary>
    private async Task<string> WaitForMailAsync(string address)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var mail = Directory.Exists(site.MailFolder)
                ? Directory.EnumerateFiles(site.MailFolder, "*.eml").Select(ReadShared)
                    .FirstOrDefault(m => m.Contains($"To: {address}\r\n", StringComparison.Ordinal) && m.Contains("/conta/convite?token=", StringComparison.Ordinal))
                : null;
            if (mail is not null)
            {
                return mail;
            }
            if (clock.Elapsed > _mailTimeout)
            {
                throw new ShouldAssertException(
                    $"No invitation e-mail to {address} in {site.MailFolder} after {_mailTimeout.TotalSeconds:0} s. App output:{Environment.NewLine}{site.AppOutputTail()}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Reads a file the sender may still be writing (an incomplete one is read again on the next poll).</summary>
    private static string ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+/conta/convite\?token=[^\s""'<>&]+")]
    private static partial Regex InvitationLink();
}
