using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.Api;

/// <summary>
/// How the REST API knows who calls. Requests under <c>/api</c> that carry <c>Authorization: Bearer …</c> are
/// authenticated by a personal access token; every other request (and API reads without a token) by the sign-in
/// cookie, as before. A token never opens a page: outside <c>/api</c> the header is ignored.
/// </summary>
public static class ApiAuthentication
{
    /// <summary>The default scheme: it forwards to the token or to the cookie.</summary>
    public const string SelectorScheme = "Sispmpi";
    public const string TokenScheme = "TokenDeAcesso";
    public const string TokenIdClaim = TenantMiddleware.TokenClaim;
    public const string TokenWriteClaim = "sispmpi:token-escrita";
    public const string BasePath = "/api";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(BasePath);

    public static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static string SelectScheme(HttpContext context) =>
        IsApi(context) && HasBearer(context) ? TokenScheme : IdentityConstants.ApplicationScheme;

    /// <summary>The token the request was authenticated with; null for the cookie.</summary>
    public static int? TokenId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(TokenIdClaim), out var id) ? id : null;

    public static bool TokenCanWrite(this ClaimsPrincipal user) => user.HasClaim(TokenWriteClaim, "true");
}

/// <summary>
/// Authenticates a personal access token as its user, in the token's organization: the claims are those of the
/// cookie (user id, chosen organization), so <see cref="TenantMiddleware"/>, the policies and the tenant filter apply
/// unchanged; the middleware also keeps a token to its own organization.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string InvalidMessage = "O token de acesso informado é inválido, foi revogado ou expirou. Crie outro em Minha conta.";
    public const string MissingMessage =
        "Autenticação necessária: informe um token de acesso pessoal no cabeçalho Authorization: Bearer <token>. Os tokens são criados em Minha conta.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = await tokens.FindValidAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail(InvalidMessage);
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, token.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, token.UserName),
            new Claim(TenantMiddleware.OrganizationClaim, token.OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ApiAuthentication.TokenIdClaim, token.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ApiAuthentication.TokenWriteClaim, token.CanWrite ? "true" : "false"),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var result = await HandleAuthenticateOnceSafeAsync();
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, result.Failure is null ? MissingMessage : InvalidMessage);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, null);
}
