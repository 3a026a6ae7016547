using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Api;

/// <summary>Errors of the REST API as RFC 9457 problem details, in Portuguese, never an HTML page.</summary>
public static class ApiProblems
{
    public const int Unprocessable = StatusCodes.Status422UnprocessableEntity;

    private static readonly Dictionary<int, (string Title, string Detail)> _defaults = new()
    {
        [400] = ("Requisição inválida", "A requisição é inválida: confira os parâmetros e o corpo enviados."),
        [401] = ("Autenticação necessária", ApiTokenHandler.MissingMessage),
        [403] = ("Acesso negado", "Seu perfil nesta organização não permite esta operação."),
        [404] = ("Não encontrado", "O recurso pedido não existe ou não pertence às organizações que você pode ver."),
        [405] = ("Método não permitido", "Este endereço não aceita este método HTTP."),
        [409] = ("Conflito", "A operação conflita com a situação atual do registro."),
        [415] = ("Tipo de conteúdo não aceito", "Envie o corpo em JSON, com o cabeçalho Content-Type: application/json."),
        [422] = ("Dados inválidos", "Há dados inválidos: veja os erros de cada campo."),
        [429] = ("Muitas requisições", "Limite de requisições por minuto atingido. Tente de novo em instantes."),
        [500] = ("Erro interno", "Ocorreu um erro inesperado. A equipe de suporte pode consultá-lo nos registros do sistema."),
    };

    public static string Title(int status) => _defaults.TryGetValue(status, out var d) ? d.Title : "Erro";

    public static IResult Problem(int status, string? detail = null) =>
        Results.Problem(detail ?? (_defaults.TryGetValue(status, out var d) ? d.Detail : null), statusCode: status, title: Title(status));

    /// <summary>422 with the Portuguese message of each field, keyed by the field's JSON name.</summary>
    public static IResult Invalid(ModelStateDictionary state) =>
        Invalid(state.Where(e => e.Value is { Errors.Count: > 0 }).ToDictionary(e => JsonName(e.Key), e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray()));

    public static IResult Invalid(IDictionary<string, string[]> errors, int status = Unprocessable) =>
        Results.Problem(new HttpValidationProblemDetails(errors) { Status = status, Title = Title(status), Detail = _defaults[status].Detail });

    public static Task WriteAsync(HttpContext context, int status, string? detail)
    {
        context.Response.StatusCode = status;
        return Problem(status, detail).ExecuteAsync(context);
    }

    /// <summary>"Record.StartedOn" → "startedOn": the name of the field in the JSON body.</summary>
    public static string JsonName(string key)
    {
        var name = key[(key.LastIndexOf('.') + 1)..];
        return name.Length == 0 ? key : JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    /// <summary>Reads a JSON body; a missing or malformed one is a 400 that names the field, in Portuguese.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpContext context) where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType));
        }
        try
        {
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var value = await context.Request.ReadFromJsonAsync<T>(options, context.RequestAborted);
            return value is null ? (null, Problem(StatusCodes.Status400BadRequest, "Envie o corpo da requisição: um objeto JSON.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "corpo" : ex.Path.TrimStart('$', '.');
            return (null, Invalid(new Dictionary<string, string[]>
            {
                [field] = [ex is Infrastructure.Web.RefusedTextJsonException
                    ? Infrastructure.Web.SafeText.RefusedApiMessage
                    : "Valor em formato inválido. Datas no formato aaaa-mm-dd; números com ponto decimal (1234.56); textos entre aspas."],
            }, StatusCodes.Status400BadRequest));
        }
    }
}

/// <summary>
/// Under <c>/api</c>: the status-code pages (HTML) are off, an empty error response gets a problem body with the
/// refusal's reason when a check left one, and an unexpected exception is logged and answered as a JSON 500.
/// </summary>
public sealed class ApiProblemMiddleware(RequestDelegate next, ILogger<ApiProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiAuthentication.IsApi(context))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        try
        {
            await next(context);
        }
        // A database that cannot be reached is DatabaseUnavailableMiddleware's to answer (503 and Retry-After), not a 500.
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
            && !Infrastructure.Web.DatabaseUnavailableMiddleware.IsUnavailable(ex))
        {
            logger.LogError(ex, "Unhandled exception in API request {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, null);
            return;
        }
        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiProblems.WriteAsync(context, response.StatusCode, Refusal.ReasonOf(context));
        }
    }
}
