using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// Puts <see cref="SafeText"/> in front of the binder of every simple value (strings, dates, numbers, enums; each
/// element of a list of them) bound from the form, the query string or the route, in handler parameters, bound
/// properties and <c>TryUpdateModelAsync</c> alike: refused text becomes a model-state error next to the field and
/// the value is not bound, so a handler that checks <c>ModelState.IsValid</c> saves nothing.
/// </summary>
public sealed class SafeTextModelBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var source = context.BindingInfo.BindingSource;
        if (context.Metadata.IsComplexType || source == BindingSource.Header || source == BindingSource.Body
            || source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.FormFile)
        {
            return null;
        }
        foreach (var provider in providers)
        {
            if (provider != this && provider.GetBinder(context) is { } binder)
            {
                return new SafeTextModelBinder(binder);
            }
        }
        return null;
    }

    private sealed class SafeTextModelBinder(IModelBinder inner) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None || !result.Values.Any(SafeText.IsRefused))
            {
                return inner.BindModelAsync(bindingContext);
            }
            // What was typed comes back without the refused characters, with the reason next to the field.
            var cleaned = new StringValues(result.Values.Select(v => v is null ? null : SafeText.Strip(v)).ToArray());
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(cleaned, result.Culture));
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, SafeText.RefusedMessage);
            bindingContext.HttpContext.Items[SafeText.RefusedKey] = true;
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// A page shown again because its text was refused by <see cref="SafeTextModelBinderProvider"/> answers 400 Bad Request
/// (other validation errors keep answering 200, as they always did).
/// </summary>
public sealed class SafeTextStatusFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.HttpContext.Items.ContainsKey(SafeText.RefusedKey) && context.Result is PageResult { StatusCode: null } page)
        {
            page.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

/// <summary>
/// A page handler whose bound values carried refused text does not run, whether or not it checks
/// <c>ModelState</c> (a delete button bound next to a text field would otherwise go ahead): the page is shown again by
/// its GET handler, with the reason next to each refused field and 400; a page without one answers the 400 error page.
/// Text bound later by <c>TryUpdateModelAsync</c> is checked by the handler itself, through <c>ModelState</c>.
/// </summary>
public sealed class SafeTextHandlerFilter : IAsyncPageFilter
{
    public const string RefusedPageMessage =
        "O envio continha caracteres de controle não permitidos (como o caractere nulo). Nada foi salvo: volte ao formulário, retire-os e envie de novo.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Items.ContainsKey(SafeText.RefusedKey) || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next();
            return;
        }
        var get = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => h.Name is null && string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase));
        if (get is null || context.HandlerInstance is not PageModel page)
        {
            Refusal.Apply(http, StatusCodes.Status400BadRequest, RefusedPageMessage);
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }
        var arguments = await BindAsync(page.PageContext, get);
        var returned = get.MethodInfo.Invoke(page, arguments);
        if (returned is Task task)
        {
            await task;
            returned = get.MethodInfo.ReturnType.IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }
        context.Result = returned as IActionResult ?? new PageResult();
        if (context.Result is PageResult { StatusCode: null } shown)
        {
            shown.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The GET handler's arguments (route ids, query values), bound as the framework would.</summary>
    private static async Task<object?[]> BindAsync(PageContext context, HandlerMethodDescriptor handler)
    {
        var services = context.HttpContext.RequestServices;
        var binder = services.GetRequiredService<ParameterBinder>();
        var factory = services.GetRequiredService<IModelBinderFactory>();
        var metadataProvider = (ModelMetadataProvider)services.GetRequiredService<IModelMetadataProvider>();
        var values = await CompositeValueProvider.CreateAsync(context, context.ValueProviderFactories);
        var arguments = new object?[handler.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = handler.Parameters[i];
            var info = parameter.ParameterInfo;
            var metadata = metadataProvider.GetMetadataForParameter(info);
            var modelBinder = factory.CreateBinder(new ModelBinderFactoryContext { BindingInfo = parameter.BindingInfo, Metadata = metadata, CacheToken = parameter });
            var result = await binder.BindModelAsync(context, modelBinder, values, parameter, metadata, value: null, container: null);
            arguments[i] = result.IsModelSet ? result.Model
                : info.HasDefaultValue ? info.DefaultValue
                : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
        }
        return arguments;
    }
}
