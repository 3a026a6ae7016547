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
