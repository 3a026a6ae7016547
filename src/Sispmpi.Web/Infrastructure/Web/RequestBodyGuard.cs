using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Sispmpi.Web.Features.Api;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// A request body that cannot be read — a form with a null byte (%00, which the framework's form decoder refuses),
/// multipart without a boundary or cut short, more fields or bytes than the limits — answers 400 with the reason in
/// Portuguese (the error page, or problem details on /api), never 500. The form of a write is read here, once, before
/// the page runs (the framework keeps it for the antiforgery check and model binding), so no page meets a broken body.
/// </summary>
public sealed class RequestBodyGuard(RequestDelegate next, ILogger<RequestBodyGuard> logger)
{
    public const string InvalidCharactersMessage =
        "O formulário enviado contém caracteres não permitidos (como o caractere nulo) e não pôde ser lido. Nada foi salvo: retire esses caracteres e envie de novo.";
    public const string MalformedMessage =
        "O envio chegou malformado ou incompleto e não pôde ser lido. Nada foi salvo: volte ao formulário e envie de novo.";
    public const string TooLargeMessage =
        "O envio excede os limites aceitos (tamanho ou quantidade de campos). Nada foi salvo: envie um arquivo ou um texto menor.";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Not again for the error page re-executed in answer to this very refusal.
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (context.GetEndpoint() is not null && request.HasFormContentType
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
            {
                if (!reExecuted)
                {
                    await RefuseAsync(context, ex);
                    return;
                }
                // The error page shown for a request refused before this guard ran (by authorization, say) must not
                // stumble on the same broken body: it gets an empty form, and keeps the status it is showing.
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            }
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // A body read later (JSON on /api) that is cut short or over Kestrel's limit.
            await RefuseAsync(context, ex);
        }
    }

    private Task RefuseAsync(HttpContext context, Exception ex)
    {
        logger.LogInformation("Unreadable request body refused for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, ex.Message);
        var message = ex switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLargeMessage,
            InvalidDataException when ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => TooLargeMessage,
            InvalidDataException when context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
                => InvalidCharactersMessage,
            _ => MalformedMessage,
        };
        context.Response.Clear();
        // Whatever runs next (the error page) sees an empty form instead of reading the broken body again.
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        if (ApiAuthentication.IsApi(context))
        {
            return ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, message);
        }
        // The status-code pages show /erro/400 with this reason.
        Refusal.Apply(context, StatusCodes.Status400BadRequest, message);
        return Task.CompletedTask;
    }
}
