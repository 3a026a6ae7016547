using Sispmpi.Core.Identity;

namespace Sispmpi.Web.Features.Account.GovBr;

/// <summary>The <c>GovBr</c> settings (README, "Entrar com gov.br").</summary>
public sealed class GovBrOptions
{
    public const string Section = "GovBr";

    /// <summary>The authentication scheme of the OpenID Connect handler.</summary>
    public const string Scheme = "GovBr";

    /// <summary>Where gov.br sends the person back with the authorization code (handled by the OIDC handler).</summary>
    public const string CallbackPath = "/signin-govbr";

    public bool Enabled { get; set; }
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string Scopes { get; set; } = "openid email profile govbr_confiabilidades";

    /// <summary>bronze, prata or ouro; empty: no minimum.</summary>
    public string MinimumLevelForCentralProfiles { get; set; } = "";

    /// <summary>Off only for a test provider on plain http (127.0.0.1).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public GovBrLevel? MinimumLevel => GovBrLevels.TryParse(MinimumLevelForCentralProfiles, out var level) ? level : null;
}
