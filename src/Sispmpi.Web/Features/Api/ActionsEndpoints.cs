using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Execution.Actions;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;
using static Sispmpi.Web.Features.Api.ApiEndpoints;

namespace Sispmpi.Web.Features.Api;

/// <summary>One action: its data, its execution record and goal measurements, read and written.</summary>
internal static class ActionsEndpoints
{
    public static void MapActionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/actions/{actionId:int}", Action).Read(Policies.PlansRead, "/acoes/{actionId:int}").ProducesProblem(404)
            .WithSummary("Uma ação do plano.");
        api.MapGet("/actions/{actionId:int}/execution", Execution).Read(Policies.PlansRead, "/acoes/{actionId:int}/execucao").ProducesProblem(404)
            .WithSummary("O registro de execução da ação e as suas evidências.");
        api.MapPut("/actions/{actionId:int}/execution", RecordExecution).Write(Policies.ExecutionRecord, "/acoes/{actionId:int}/execucao")
            .Accepts<RecordInput>("application/json").ProducesProblem(404).ProducesProblem(409).ProducesValidationProblem(ApiProblems.Unprocessable)
            .WithSummary("Grava o registro de execução (substitui o registro inteiro). A situação é derivada das datas.");
        api.MapGet("/actions/{actionId:int}/measurements", Measurements).Read(Policies.PlansRead, "/acoes/{actionId:int}/execucao").ProducesProblem(404)
            .WithSummary("Medições da meta quantitativa da ação, da mais recente para a mais antiga.");
        api.MapPost("/actions/{actionId:int}/measurements", AddMeasurement).Write(Policies.ExecutionRecord, "/acoes/{actionId:int}/execucao")
            .Accepts<MeasurementInput>("application/json").ProducesProblem(404).ProducesProblem(409).ProducesValidationProblem(ApiProblems.Unprocessable)
            .WithSummary("Registra uma medição da meta; a mais recente por data passa a ser o valor atual da ação.");
    }

    private static async Task<IResult> Action(int actionId, SispmpiDbContext db, ActionLights lights, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.AsNoTracking().Include(a => a.ExecutingUnit).Include(a => a.ResponsibleUser).Include(a => a.ResponsibleServant)
            .FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        return action is null ? ApiProblems.Problem(StatusCodes.Status404NotFound, ActionNotFound) : Results.Ok(ActionDto.From(action, lights.Of(action)));
    }

    private static async Task<IResult> Execution(int actionId, SispmpiDbContext db, ActionAccess access, ActionLights lights,
        CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.AsNoTracking().Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, ActionNotFound);
        }
        return Results.Ok(await ExecutionOfAsync(db, access, lights, action, cancellationToken));
    }

    private static async Task<ExecutionDto> ExecutionOfAsync(SispmpiDbContext db, ActionAccess access, ActionLights lights, PlanAction action,
        CancellationToken cancellationToken)
    {
        var rights = await access.RightsAsync(action, action.Plan!.Status, cancellationToken);
        var evidence = await db.ActionEvidence.AsNoTracking().Where(e => e.ActionId == action.Id).OrderByDescending(e => e.Id)
            .Select(e => new EvidenceDto(e.Id, e.Kind, e.Description, e.Url, e.ProcessNumber, e.FileName, e.FileSize, e.AddedAt, e.AddedBy!.FullName,
                e.FileKey == null ? null : "/acoes/" + action.Id + "/evidencias/" + e.Id))
            .ToListAsync(cancellationToken);
        var light = lights.Of(action);
        return new ExecutionDto(action.Id, action.Status, Labels.Of(action.Status), light, Labels.Of(light), action.Progress, action.StartedOn,
            action.ConcludedOn, action.DiscontinuedOn, action.DiscontinuationJustification, action.BudgetSpent, action.ExecutionNotes,
            action.LimitingFactors ?? [], action.OtherLimitingFactors, action.LastUpdateAt,
            action.GoalTarget is null ? null : new GoalDto(action.GoalIndicator, action.GoalUnit, action.GoalBaseline, action.GoalTarget, action.CurrentValue),
            rights.CanRecord, rights.CanRecord ? null : rights.WhyNot ?? ActionAccess.NotExecutorMessage, evidence);
    }

    private static async Task<IResult> Measurements(int actionId, SispmpiDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }
        if (!await db.PlanActions.AnyAsync(a => a.Id == actionId, cancellationToken))
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, ActionNotFound);
        }
        var paged = await db.ActionMeasurements.AsNoTracking().Where(m => m.ActionId == actionId)
            .OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id)
            .Select(m => new MeasurementDto(m.Id, m.MeasuredOn, m.Value, m.Note, m.RecordedAt, m.RecordedBy!.FullName))
            .ToPagedAsync(page ?? 1, pageSize ?? PagedExtensions.DefaultPageSize, cancellationToken);
        return Results.Ok(PageOf<MeasurementDto>.From(paged));
    }

    // ---- writes ----

    private static async Task<IResult> RecordExecution(int actionId, HttpContext http, SispmpiDbContext db, ActionAccess access, ActionLights lights,
        ExecutionRecording recording, CancellationToken cancellationToken)
    {
        var (action, refused) = await LoadForWriteAsync(db, access, actionId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var (input, unreadable) = await ApiProblems.ReadJsonAsync<RecordInput>(http);
        if (input is null)
        {
            return unreadable!;
        }
        var state = Annotations(input, "Record");
        var options = await recording.LimitingFactorOptionsAsync(action!);
        // The page offers only the catalog's names as checkboxes; through the API an unknown name is an error, not dropped.
        var unknown = (input.LimitingFactors ?? []).Where(f => !options.Any(o => o.Name == f)).ToList();
        if (unknown.Count > 0)
        {
            state.AddModelError("Record.LimitingFactors",
                $"Fator limitante fora do catálogo: {string.Join(", ", unknown)}. Informe-o em otherLimitingFactors.");
        }
        if (!await recording.RecordAsync(action!, input, options, state, cancellationToken))
        {
            return ApiProblems.Invalid(state);
        }
        return Results.Ok(await ExecutionOfAsync(db, access, lights, action!, cancellationToken));
    }

    private static async Task<IResult> AddMeasurement(int actionId, HttpContext http, SispmpiDbContext db, ActionAccess access,
        ExecutionRecording recording, TenantContext tenant, CancellationToken cancellationToken)
    {
        var (action, refused) = await LoadForWriteAsync(db, access, actionId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (action!.GoalTarget is null)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, ExecutionRecording.NoGoalMessage);
        }
        var (input, unreadable) = await ApiProblems.ReadJsonAsync<MeasurementInput>(http);
        if (input is null)
        {
            return unreadable!;
        }
        var state = Annotations(input, "Measurement");
        if (await recording.AddMeasurementAsync(action, input, state, cancellationToken) is not { } measurement)
        {
            return ApiProblems.Invalid(state);
        }
        return Results.Created($"{Prefix}/actions/{actionId}/measurements",
            new MeasurementDto(measurement.Id, measurement.MeasuredOn, measurement.Value, measurement.Note, measurement.RecordedAt, tenant.UserName));
    }

    /// <summary>The action, tracked, when the caller may record its execution; otherwise 404, 403 (not his action) or 409 (plan status).</summary>
    private static async Task<(PlanAction? Action, IResult? Refused)> LoadForWriteAsync(SispmpiDbContext db, ActionAccess access, int actionId,
        CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status404NotFound, ActionNotFound));
        }
        var rights = await access.RightsAsync(action, action.Plan!.Status, cancellationToken);
        if (!rights.CanRecord)
        {
            return (action, rights.BlockedByPlanStatus
                ? ApiProblems.Problem(StatusCodes.Status409Conflict, rights.WhyNot)
                : ApiProblems.Problem(StatusCodes.Status403Forbidden, rights.WhyNot ?? ActionAccess.NotExecutorMessage));
        }
        return (action, null);
    }
}
