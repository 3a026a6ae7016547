using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Api;

/// <summary>
/// Endpoint metadata: the page whose authorization the endpoint follows — its read policy, or for a write its
/// <see cref="WritePolicyAttribute"/>. The API sweep checks that both name the same policy.
/// </summary>
public sealed record MirrorsPage(string Route, bool Write = false);

/// <summary>
/// The REST API (SPEC §10), <c>/api/v1</c>, for dashboards and BI. Every endpoint names the policy of the page showing
/// the same data, and reads go through the same tenant filter, so the API shows exactly what the pages show; writes
/// reuse the pages' validation (<see cref="ExecutionRecording"/>). Writes need a read-write personal access token:
/// the sign-in cookie only reads (a cross-site form cannot send a bearer token, so no antiforgery token is needed).
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string OpenApiPath = "/openapi/v1.json";
    public const int MaxPageSize = 100;

    public const string CookieWriteMessage =
        "Gravações pela API exigem um token de acesso pessoal de leitura e escrita, no cabeçalho Authorization: Bearer. A sessão do navegador só permite leituras.";
    public const string ReadOnlyTokenMessage = "Este token permite apenas leitura. Para gravar, crie em Minha conta um token de leitura e escrita.";
    public const string ActionNotFound = "Ação não encontrada.";
    public const string PlanNotFound = "Plano não encontrado.";

    /// <summary>Adds the API's error handling to the pipeline (before authentication) and maps its endpoints and OpenAPI document.</summary>
    public static void UseSispmpiApi(this WebApplication app)
    {
        app.UseMiddleware<ApiProblemMiddleware>();
        app.MapOpenApi(OpenApiPath).AllowAnonymous();

        var api = app.MapGroup(Prefix).AddEndpointFilter(RateLimitAsync).AddEndpointFilter(SafeTextQueryFilter.RefuseAsync).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);

        api.MapGet("/me", Me).Read(Policies.Account, "/conta")
            .WithSummary("Quem está chamando: usuário, organização do token, perfis nela e o token usado.");

        api.MapOrganizationsApi();
        api.MapPlansApi();
        api.MapActionsApi();
    }

    internal static RouteHandlerBuilder Read(this RouteHandlerBuilder builder, string policy, string page) =>
        builder.RequireAuthorization(policy).WithMetadata(new MirrorsPage(page)).ProducesProblem(400);

    internal static RouteHandlerBuilder Write(this RouteHandlerBuilder builder, string policy, string page) =>
        builder.RequireAuthorization(policy).WithMetadata(new MirrorsPage(page, Write: true)).AddEndpointFilter(RequireWritableTokenAsync)
            .ProducesProblem(400).ProducesProblem(415);

    private static async ValueTask<object?> RateLimitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!await http.RequestServices.GetRequiredService<ApiRateLimiter>().TryAcquireAsync(http))
        {
            http.Response.Headers.RetryAfter = "60";
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests);
        }
        return await next(context);
    }

    private static async ValueTask<object?> RequireWritableTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.TokenId() is null)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, CookieWriteMessage);
        }
        if (!user.TokenCanWrite())
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, ReadOnlyTokenMessage);
        }
        return await next(context);
    }

    // ---- reads ----

    private static async Task<IResult> Me(ClaimsPrincipal user, TenantContext tenant, SispmpiDbContext db, CancellationToken cancellationToken)
    {
        TokenInfoDto? token = null;
        if (user.TokenId() is int tokenId)
        {
            token = await db.Set<ApiToken>().AsNoTracking().Where(t => t.Id == tokenId)
                .Select(t => new TokenInfoDto(t.Name, t.Prefix, t.CanWrite, t.ExpiresOn)).FirstOrDefaultAsync(cancellationToken);
        }
        var organization = tenant.CurrentOrganizationId is int orgId
            ? new OrganizationRef(orgId, tenant.CurrentOrganizationAcronym ?? "", tenant.CurrentOrganizationName ?? "")
            : null;
        return Results.Ok(new MeDto(tenant.UserId ?? 0, tenant.UserName, user.Identity?.Name, organization,
            tenant.Profiles.Order().Select(p => new ProfileDto(p, Labels.Of(p))).ToList(), token));
    }

    /// <summary>The data annotations of an input (required, lengths, ranges), with the pages' Portuguese messages.</summary>
    internal static ModelStateDictionary Annotations(object input, string prefix)
    {
        var state = new ModelStateDictionary();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                state.AddModelError($"{prefix}.{member}", result.ErrorMessage ?? "Valor inválido.");
            }
        }
        return state;
    }

    internal static IResult? Paging(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["A página começa em 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"O tamanho da página vai de 1 a {MaxPageSize}."];
        }
        return errors.Count == 0 ? null : ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
    }

    /// <summary>An enumeration given by name (any case); numbers and unknown names are refused with the list of names.</summary>
    internal static bool TryParse<T>(string? text, string parameter, out T? value, out IResult? error) where T : struct, Enum
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!char.IsDigit(text.Trim()[0]) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }
        error = ApiProblems.Invalid(new Dictionary<string, string[]>
        {
            [parameter] = [$"Valor desconhecido: {text}. Use um destes: {string.Join(", ", Enum.GetNames<T>())}."],
        }, StatusCodes.Status400BadRequest);
        return false;
    }
}
