using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution.Actions;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;
using static Sispmpi.Web.Features.Api.ApiEndpoints;

namespace Sispmpi.Web.Features.Api;

/// <summary>Plans, their axes, actions and monitoring indicators.</summary>
internal static class PlansEndpoints
{
    public static void MapPlansApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans", PlansList).Read(Policies.PlansRead, "/planos/{planId:int}")
            .WithSummary("Planos de integridade. Filtros: status (NotStarted, InPreparation, Published, Obsolete) e q (título ou edição).");
        api.MapGet("/plans/{planId:int}", Plan).Read(Policies.PlansRead, "/planos/{planId:int}").ProducesProblem(404)
            .WithSummary("Um plano, com o progresso ponderado e o número de ações.");
        api.MapGet("/plans/{planId:int}/axes", Axes).Read(Policies.PlansRead, "/planos/{planId:int}").ProducesProblem(404)
            .WithSummary("Eixos e subeixos do plano, com o progresso de cada um.");
        api.MapGet("/plans/{planId:int}/actions", Actions).Read(Policies.PlansRead, "/planos/{planId:int}").ProducesProblem(404)
            .WithSummary("Ações do plano com situação, farol e progresso. Filtros: status, light, axisId, attention (LateToStart, LateToConclude, HighRisk), q.");
        api.MapGet("/plans/{planId:int}/indicators", Indicators).Read(Policies.Monitoring, "/monitoramento/planos/{planId:int}").ProducesProblem(404)
            .WithSummary("Indicadores do painel de monitoramento: progresso, ações por situação e por farol, pontos de atenção, recomendações, progresso por eixo.");
    }

    private static async Task<IResult> PlansList(SispmpiDbContext db, string? status, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }
        if (!TryParse<PlanStatus>(status, "status", out var planStatus, out var badStatus))
        {
            return badStatus!;
        }
        var query = db.Plans.AsNoTracking().Include(p => p.Organization).AsQueryable();
        if (planStatus is { } s)
        {
            query = query.Where(p => p.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = SearchText.Term(q)!;
            query = query.Where(p => SearchText.Fold(p.Title)!.Contains(term) || SearchText.Fold(p.Edition)!.Contains(term));
        }
        var paged = await query.OrderByDescending(p => p.Id).ToPagedAsync(page ?? 1, pageSize ?? PagedExtensions.DefaultPageSize, cancellationToken);
        return Results.Ok(PageOf<PlanSummaryDto>.From(paged.Map(PlanSummaryDto.From)));
    }

    private static async Task<IResult> Plan(int planId, MonitoringDashboard dashboards, SispmpiDbContext db, CancellationToken cancellationToken)
    {
        if (await dashboards.BuildAsync(planId, cancellationToken) is not { } data)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, PlanNotFound);
        }
        var axes = await db.PlanAxes.CountAsync(a => a.PlanId == planId, cancellationToken);
        return Results.Ok(new PlanDto(PlanSummaryDto.From(data.Plan), data.PlanProgress, data.Actions.Count, axes, data.Plan.OriginPlanId));
    }

    private static async Task<IResult> Axes(int planId, MonitoringDashboard dashboards, SispmpiDbContext db, CancellationToken cancellationToken)
    {
        if (await dashboards.BuildAsync(planId, cancellationToken) is not { } data)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, PlanNotFound);
        }
        return Results.Ok(await AxesOfAsync(db, data, cancellationToken));
    }

    /// <summary>Every axis and sub-axis in plan order, with the roll-up of the dashboard's own action rows.</summary>
    private static async Task<IReadOnlyList<AxisDto>> AxesOfAsync(SispmpiDbContext db, PlanDashboard data, CancellationToken cancellationToken)
    {
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == data.Plan.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var rollup = Progress.Rollup(data.Actions.Select(a => new ActionProgressItem(a.AxisId, a.ParentAxisId, a.Progress, a.Weight)));
        AxisDto Dto(PlanAxis a) => new(a.Id, a.ParentId, a.Number, a.Title, a.Description, rollup.ByAxis.GetValueOrDefault(a.Id),
            data.Count(new ActionFilter(AxisId: a.Id)));
        return axes.Where(a => a.ParentId is null)
            .SelectMany(a => new[] { Dto(a) }.Concat(axes.Where(c => c.ParentId == a.Id).Select(Dto)))
            .ToList();
    }

    private static async Task<IResult> Actions(int planId, MonitoringDashboard dashboards, string? status, string? light, int? axisId,
        string? attention, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }
        if (!TryParse<ActionStatus>(status, "status", out var actionStatus, out var error)
            || !TryParse<TrafficLight>(light, "light", out var actionLight, out error)
            || !TryParse<AttentionPoint>(attention, "attention", out var point, out error))
        {
            return error!;
        }
        if (await dashboards.BuildAsync(planId, cancellationToken) is not { } data)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, PlanNotFound);
        }
        var filter = new ActionFilter(actionStatus, actionLight, point, AxisId: axisId);
        var term = SearchText.Term(q);
        var rows = data.Actions.Where(a => MonitoringDashboard.Matches(a, filter, data.Today))
            .Where(a => term is null || SearchText.Matches(a.Title, term) || a.Number == q!.Trim())
            .Select(ActionSummaryDto.From).ToList();
        return Results.Ok(PageOf<ActionSummaryDto>.From(rows, page ?? 1, pageSize ?? PagedExtensions.DefaultPageSize));
    }

    private static async Task<IResult> Indicators(int planId, MonitoringDashboard dashboards, SispmpiDbContext db, CancellationToken cancellationToken)
    {
        if (await dashboards.BuildAsync(planId, cancellationToken) is not { } data)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, PlanNotFound);
        }
        var attentionLabels = new Dictionary<AttentionPoint, string>
        {
            [AttentionPoint.LateToStart] = "Atraso no início",
            [AttentionPoint.LateToConclude] = "Atraso na conclusão",
            [AttentionPoint.HighRisk] = "Risco alto ou extremo",
        };
        return Results.Ok(new IndicatorsDto(planId, data.Today, data.PlanProgress, data.Actions.Count,
            Monitoring.Dashboard.DashboardModel.StatusOrder.Select(s => new CountDto<ActionStatus>(s, Labels.Of(s), data.Count(new(Status: s)))).ToList(),
            Monitoring.Dashboard.DashboardModel.LightOrder.Select(l => new CountDto<TrafficLight>(l, Labels.Of(l), data.Count(new(Light: l)))).ToList(),
            attentionLabels.Select(p => new CountDto<AttentionPoint>(p.Key, p.Value, data.Count(new(Attention: p.Key)))).ToList(),
            new RecommendationCountsDto(data.AnsweredRecommendations, data.UnansweredRecommendations, data.GeneralRecommendationsUnanswered),
            await AxesOfAsync(db, data, cancellationToken)));
    }
}
