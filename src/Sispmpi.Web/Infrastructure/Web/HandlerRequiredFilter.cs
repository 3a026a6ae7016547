using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// A page without a handler for the request's method (a POST to a read-only page, a misspelt ?handler=) would
/// otherwise render with nothing loaded and fail: answer 405 Method Not Allowed instead.
/// </summary>
public sealed class HandlerRequiredFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        await next();
    }
}
