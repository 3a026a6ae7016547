using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// A request that failed because the database could not be reached (restarting, down, pool exhausted) answers
/// 503 with a Portuguese page — or problem details on <c>/api</c> — instead of the 500 page, and asks again
/// later (<c>Retry-After</c>). The page is written here, without the layout, because rendering the usual error
/// page would need the database again (the signed-in user, the organization). Idle pooled connections are
/// dropped, so that once the database is back the next requests open fresh ones instead of failing on dead ones.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public const string Heading = "Serviço temporariamente indisponível";

    public const string Message =
        "O banco de dados do sistema não está respondendo no momento. Nada do que já estava salvo foi perdido; tente de novo em instantes.";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsUnavailable(exception) && !context.Response.HasStarted)
        {
            logger.LogWarning("{Method} {Path}: the database is unavailable ({Error}); answered 503", context.Request.Method,
                context.Request.Path, exception.GetBaseException().Message);
            DropIdleConnections();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "10";
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Heading, detail: Message).ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($$"""
                <!DOCTYPE html>
                <html lang="pt-BR">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{Heading}} – SisPMPI</title>
                <link rel="stylesheet" href="/css/site.css"></head>
                <body><main id="main-content" class="container-lg p-4"><h1>{{Heading}}</h1><p>{{Message}}</p>
                <p><a href="{{System.Net.WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString)}}">Tentar de novo</a></p></main></body>
                </html>
                """);
        }
    }

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says the database could not be reached.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        var insideDatabaseError = false;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    // 08: connection exception; 57P01-03: shutting down / starting up; 53300: too many connections.
                    if (postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300")
                    {
                        return true;
                    }
                    break;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 10 or 14: // busy, locked, I/O error, cannot open
                    return true;
                case SocketException:
                    return true;
                case TimeoutException when insideDatabaseError:
                    return true;
            }
            insideDatabaseError |= current is DbException;
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable))
            {
                return true;
            }
        }
        return false;
    }

    public static void DropIdleConnections() => NpgsqlConnection.ClearAllPools();
}
