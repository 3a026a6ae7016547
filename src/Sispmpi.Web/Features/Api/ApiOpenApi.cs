using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sispmpi.Web.Features.Api;

/// <summary>The OpenAPI document of the REST API, served at <see cref="ApiEndpoints.OpenApiPath"/>.</summary>
internal static class ApiOpenApi
{
    public const string SecuritySchemeName = "TokenDeAcesso";

    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "SisPMPI — API REST",
                Version = "v1",
                Description = "Leitura de organizações, planos, eixos, ações e indicadores, e registro da execução das ações e das medições das metas. "
                    + "Autentique-se com um token de acesso pessoal, criado em Minha conta, no cabeçalho Authorization: Bearer <token>. "
                    + "Erros seguem a RFC 9457 (application/problem+json), com mensagens em português.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Token de acesso pessoal (spmpi_…), de leitura ou de leitura e escrita, limitado a uma organização.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] });
            return Task.CompletedTask;
        });
}
