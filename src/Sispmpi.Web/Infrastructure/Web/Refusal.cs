using Microsoft.AspNetCore.Mvc;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// The one way a page or filter refuses a request: a status code together with the Portuguese reason that
/// the error page (or, on <c>/api</c>, the problem details) shows. Keeping both in one result means the
/// status and the message cannot drift apart. Without a reason the error page says what the status means.
/// </summary>
public sealed class Refusal : StatusCodeResult
{
    private const string ReasonKey = "sispmpi:refusal-reason";

    private Refusal(int statusCode, string? reason) : base(statusCode) => Reason = reason;

    public string? Reason { get; }

    /// <summary>403: the person may not do this here.</summary>
    public static Refusal Forbidden(string? reason = null) => new(StatusCodes.Status403Forbidden, reason);

    /// <summary>409: the record's state forbids it (answered already, in use…).</summary>
    public static Refusal Conflict(string reason) => new(StatusCodes.Status409Conflict, reason);

    /// <summary>The reason given by the refusal that produced the current error response, if any.</summary>
    public static string? ReasonOf(HttpContext context) => context.Items[ReasonKey] as string;

    /// <summary>
    /// For middleware that answers by itself, outside MVC: sets the status and the reason the re-executed error page
    /// will show.
    /// </summary>
    public static void Apply(HttpContext context, int statusCode, string reason)
    {
        context.Items[ReasonKey] = reason;
        context.Response.StatusCode = statusCode;
    }

    public override void ExecuteResult(ActionContext context)
    {
        if (Reason is not null)
        {
            context.HttpContext.Items[ReasonKey] = Reason;
        }
        base.ExecuteResult(context);
    }
}
