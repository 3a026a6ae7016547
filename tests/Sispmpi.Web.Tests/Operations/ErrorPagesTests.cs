using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Operations;

/// <summary>The 404, 403 and 500 pages speak Portuguese and keep the right status codes.</summary>
public sealed class ErrorPagesTests(ErrorPagesTests.FailingAppFactory app) : IClassFixture<ErrorPagesTests.FailingAppFactory>
{
    /// <summary>The real app plus, behind all its routes, one path that throws — as an unexpected bug would.</summary>
    public sealed class FailingAppFactory : SispmpiAppFactory
    {
        public const string FailingPath = "/__falha-de-teste";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingStartupFilter>());
        }

        private sealed class ThrowingStartupFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                    context.Request.Path == FailingPath ? throw new InvalidOperationException("falha simulada") : nextMiddleware(context));
            };
        }
    }

    [Fact]
    public async Task An_unknown_address_shows_the_portuguese_404_page()
    {
        var client = await app.LoginAsync("comissao@demo.gov.br");
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/nao-existe", HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Página não encontrada");
        page.DocumentElement.GetAttribute("lang").ShouldBe("pt-BR");
    }

    [Fact]
    public async Task A_page_outside_the_profile_shows_the_portuguese_403_page()
    {
        var client = await app.LoginAsync("executor@demo.gov.br");
        var page = await SispmpiAppFactory.GetDocumentAsync(client, "/organizacoes", HttpStatusCode.Forbidden);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Acesso negado");
    }

    [Fact]
    public async Task An_unexpected_failure_shows_the_portuguese_500_page_without_details()
    {
        var client = await app.LoginAsync("comissao@demo.gov.br");
        var page = await SispmpiAppFactory.GetDocumentAsync(client, FailingAppFactory.FailingPath, HttpStatusCode.InternalServerError);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Erro interno");
        page.Body!.TextContent.ShouldContain("Nada do que já estava salvo foi perdido");
        page.Body.TextContent.ShouldNotContain("falha simulada");
        page.Body.TextContent.ShouldNotContain("InvalidOperationException");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var client = app.CreateAnonymousClient();
        using var response = await client.GetAsync("/elaboracao");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/conta/entrar?ReturnUrl=%2Felaboracao");
    }
}
