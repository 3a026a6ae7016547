using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    // The code comes from the route only: re-executed for a POST whose form could not be read, binding it from the
    // form too would fail and turn the 400 into a 500. Read straight from the route, no value provider (and so no
    // form reader) is ever built for this page.
    public void OnGet() => Describe(RouteCode());

    public void OnPost() => Describe(RouteCode());

    private int RouteCode() =>
        int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? code
            : 500;

    private void Describe(int code)
    {
        Code = code is >= 400 and < 600 ? code : 500;
        (Heading, Message) = Code switch
        {
            404 => ("Página não encontrada", "O endereço não existe ou o registro não está disponível para você."),
            403 => ("Acesso negado", "O seu perfil na organização atual não permite acessar esta página. Se precisar de acesso, procure o controle interno do seu órgão."),
            400 => ("Requisição inválida", "Os dados enviados não puderam ser processados. Recarregue a página e tente de novo."),
            401 => ("Acesso restrito", "Entre no sistema para continuar."),
            _ when Code >= 500 => ("Erro interno", "Ocorreu um erro inesperado. Nada do que já estava salvo foi perdido; tente de novo em instantes."),
            _ => ("Não foi possível concluir", "Não foi possível atender à solicitação."),
        };
        // A filter that refused the request may have said why, in the user's language.
        if (Refusal.ReasonOf(HttpContext) is string reason)
        {
            Message = reason;
        }
        // Only the re-executed error page sets the status: a direct visit to /erro/404 is itself a 404 page.
        Response.StatusCode = Code;
    }
}
