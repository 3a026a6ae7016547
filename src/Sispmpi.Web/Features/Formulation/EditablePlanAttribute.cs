using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation;

/// <summary>
/// Put on a formulation page: every write (any method but GET and HEAD) to a published or obsolete plan is
/// refused with 403 and a Portuguese message (SPEC §3). The plan is found from the route — <c>planId</c>, or
/// the <c>axisId</c>, <c>actionId</c> or <c>riskId</c> of something in it; an unknown or foreign one is 404.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EditablePlanAttribute : Attribute, IAsyncPageFilter
{
    public const string ReadOnlyMessage =
        "Este plano está publicado (ou obsoleto) e não pode ser alterado. Para corrigi-lo, o administrador central deve reabri-lo, com justificativa.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next();
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<SispmpiDbContext>();
        var planId = await FindPlanIdAsync(db, context.RouteData.Values);
        if (planId is null)
        {
            await next();
            return;
        }
        var status = await db.Plans.Where(p => p.Id == planId).Select(p => (Core.Plans.PlanStatus?)p.Status).FirstOrDefaultAsync();
        if (status is null)
        {
            context.Result = new NotFoundResult();
            return;
        }
        if (status is Core.Plans.PlanStatus.Published or Core.Plans.PlanStatus.Obsolete)
        {
            context.Result = Refusal.Forbidden(ReadOnlyMessage);
            return;
        }
        await next();
    }

    private static async Task<int?> FindPlanIdAsync(SispmpiDbContext db, RouteValueDictionary route)
    {
        static int? Read(RouteValueDictionary route, string key) =>
            route.TryGetValue(key, out var value) && int.TryParse(value?.ToString(), out var id) ? id : null;

        if (Read(route, "planId") is int planId)
        {
            return planId;
        }
        if (Read(route, "axisId") is int axisId)
        {
            return await db.PlanAxes.Where(a => a.Id == axisId).Select(a => (int?)a.PlanId).FirstOrDefaultAsync() ?? -1;
        }
        if (Read(route, "actionId") is int actionId)
        {
            return await db.PlanActions.Where(a => a.Id == actionId).Select(a => (int?)a.PlanId).FirstOrDefaultAsync() ?? -1;
        }
        if (Read(route, "riskId") is int riskId)
        {
            return await db.Risks.Where(r => r.Id == riskId).Select(r => (int?)r.PlanId).FirstOrDefaultAsync() ?? -1;
        }
        return null;
    }
}
