using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// For pages that many profiles read but few may change: the page's own policy governs reading, and every
/// write (any method but GET and HEAD) must also satisfy <see cref="Policy"/>, or gets 403.
/// Usage: <c>[Authorize(Policy = Policies.Formulation)] [WritePolicy(Policies.FormulationEdit)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class WritePolicyAttribute(string policy) : Attribute, IAsyncPageFilter
{
    public string Policy { get; } = policy;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.HttpContext.User, Policy)).Succeeded)
            {
                context.Result = Refusal.Forbidden();
                return;
            }
        }
        await next();
    }
}
