using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Sispmpi.Core.Identity;

namespace Sispmpi.Web.Features.Account.GovBr;

/// <summary>
/// "Entrar com gov.br": OpenID Connect authorization code flow with PKCE (S256), state and nonce, all done by
/// ASP.NET Core's handler. The handler only proves who the person is (an external cookie holding gov.br's
/// claims); <see cref="GovBrSignIn"/> then decides, at /conta/govbr/concluir, whether that CPF may enter.
/// </summary>
public static class GovBrAuthentication
{
    public static void AddGovBr(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GovBrOptions.Section);
        services.Configure<GovBrOptions>(section);
        services.AddScoped<GovBrSignIn>();
        var settings = section.Get<GovBrOptions>() ?? new GovBrOptions();
        if (!settings.Enabled)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(settings.Authority) || string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new InvalidOperationException("GovBr:Enabled exige GovBr:Authority e GovBr:ClientId.");
        }
        if (!GovBrLevels.TryParse(settings.MinimumLevelForCentralProfiles, out _))
        {
            throw new InvalidOperationException(
                $"GovBr:MinimumLevelForCentralProfiles deve ser bronze, prata, ouro ou vazio, não \"{settings.MinimumLevelForCentralProfiles}\".");
        }
        services.AddAuthentication().AddOpenIdConnect(GovBrOptions.Scheme, "gov.br", options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // The code comes back in the query of a top-level GET, which carries SameSite=Lax cookies; a form_post
            // is a cross-site POST that would lose them (and SameSite=None needs Secure, i.e. https).
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                options.Scope.Add(scope);
            }
            options.CallbackPath = GovBrOptions.CallbackPath;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.MapInboundClaims = false;
            options.DisableTelemetry = true;
            options.ClaimActions.Remove("amr");
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnRemoteFailure = context =>
            {
                // A tampered state, a replayed or expired code, a wrong nonce, the person cancelling at gov.br:
                // no session, and a Portuguese page rather than the handler's exception.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GovBrAuthentication))
                    .LogWarning(context.Failure, "gov.br sign-in refused by the OpenID Connect handler");
                context.Response.Redirect(GovBrPaths.Refused(GovBrRefusal.Failed));
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
