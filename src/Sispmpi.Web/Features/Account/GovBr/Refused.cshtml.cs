using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Identity;

namespace Sispmpi.Web.Features.Account.GovBr;

/// <summary>Why a gov.br sign-in was refused, in Portuguese; no session is open when a person gets here.</summary>
[AllowAnonymous]
public sealed class RefusedModel(IOptions<GovBrOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "motivo")]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true, Name = "nivel")]
    public string? Level { get; set; }

    public string Message { get; private set; } = "";

    public void OnGet()
    {
        Message = Reason switch
        {
            "desativada" => "A sua conta no SisPMPI está desativada. Procure a unidade de controle interno do seu órgão ou o administrador central do sistema.",
            "bloqueada" => "A sua conta está bloqueada temporariamente após tentativas malsucedidas de entrada. Tente de novo mais tarde ou redefina a senha.",
            "nivel" => LevelMessage(),
            "indisponivel" => "O gov.br não respondeu. Tente de novo em alguns minutos ou entre com e-mail e senha.",
            _ => "A resposta do gov.br não pôde ser confirmada (o pedido expirou, foi alterado ou já foi usado). Nenhuma sessão foi aberta. Tente entrar de novo.",
        };
    }

    private string LevelMessage()
    {
        var minimum = options.Value.MinimumLevel is { } level ? GovBrLevels.Name(level) : "exigido";
        var current = GovBrLevels.TryParse(Level, out var parsed) && parsed is not null
            ? $"A sua conta gov.br está no nível {GovBrLevels.Name(parsed.Value)}."
            : "O gov.br não informou o nível da sua conta.";
        return $"Os perfis Administrador central e Suporte técnico exigem conta gov.br de nível {minimum} ou superior. {current} "
            + "Eleve o nível da sua conta no gov.br (por exemplo, com o reconhecimento facial ou o certificado digital) e tente de novo.";
    }
}
