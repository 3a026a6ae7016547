using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Execution.Actions;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Api;

/// <summary>
/// Endpoint metadata: the page whose authorization the endpoint follows — its read policy, or for a write its
/// <see cref="WritePolicyAttribute"/>. The API sweep checks that both name the same policy.
/// </summary>
public sealed record MirrorsPage(string Route, bool Write = false);

/// <summary>
/// The REST API (SPEC §10), <c>/api/v1</c>, for dashboards and BI. Every endpoint names the policy of the page showing
/// the same data, and reads go through the same tenant filter, so the API shows exactly what the pages show; writes
/// reuse the pages' validation (<see cref="ExecutionRecording"/>). Writes need a read-write personal access token:
/// the sign-in cookie only reads (a cross-site form cannot send a bearer token, so no antiforgery token is needed).
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string OpenApiPath = "/openapi/v1.json";
    public const int MaxPageSize = 100;

    public const string CookieWriteMessage =
        "Gravações pela API exigem um token de acesso pessoal de leitura e escrita, no cabeçalho Authorization: Bearer. A sessão do navegador só permite leituras.";
    public const string ReadOnlyTokenMessage = "Este token permite apenas leitura. Para gravar, crie em Minha conta um token de leitura e escrita.";
    public const string ActionNotFound = "Ação não encontrada.";
    public const string PlanNotFound = "Plano não encontrado.";

    /// <summary>Adds the API's error handling to the pipeline (before authentication) and maps its endpoints and OpenAPI document.</summary>
    public static void UseSispmpiApi(this WebApplication app)
    {
        app.UseMiddleware<ApiProblemMiddleware>();
        app.MapOpenApi(OpenApiPath).AllowAnonymous();

        var api = app.MapGroup(Prefix).AddEndpointFilter(RateLimitAsync).AddEndpointFilter(SafeTextQueryFilter.RefuseAsync).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);

        api.MapGet("/me", Me).Read(Policies.Account, "/conta")
            .WithSummary("Quem está chamando: usuário, organização do token, perfis nela e o token usado.");

        api.MapGet("/organizations", Organizations).Read(Policies.Organizations, "/organizacoes")
            .WithSummary("Organizações da rede visível (administrador central). Filtro q: nome ou sigla.");
        api.MapGet("/organizations/{orgId:int}", Organization).Read(Policies.Organizations, "/organizacoes/{orgId:int}").ProducesProblem(404)
            .WithSummary("Uma organização.");

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

    private static RouteHandlerBuilder Read(this RouteHandlerBuilder builder, string policy, string page) =>
        builder.RequireAuthorization(policy).WithMetadata(new MirrorsPage(page)).ProducesProblem(400);

    private static RouteHandlerBuilder Write(this RouteHandlerBuilder builder, string policy, string page) =>
        builder.RequireAuthorization(policy).WithMetadata(new MirrorsPage(page, Write: true)).AddEndpointFilter(RequireWritableTokenAsync)
            .ProducesProblem(400).ProducesProblem(415);

    private static async ValueTask<object?> RateLimitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.RequestServices.GetRequiredService<ApiRateLimiter>().TryAcquire(http))
        {
            http.Response.Headers.RetryAfter = "60";
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests);
        }
        return await next(context);
    }

    private static async ValueTask<object?> RequireWritableTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.TokenId() is null)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, CookieWriteMessage);
        }
        if (!user.TokenCanWrite())
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, ReadOnlyTokenMessage);
        }
        return await next(context);
    }

    // ---- reads ----

    private static async Task<IResult> Me(ClaimsPrincipal user, TenantContext tenant, SispmpiDbContext db, CancellationToken cancellationToken)
    {
        TokenInfoDto? token = null;
        if (user.TokenId() is int tokenId)
        {
            token = await db.Set<ApiToken>().AsNoTracking().Where(t => t.Id == tokenId)
                .Select(t => new TokenInfoDto(t.Name, t.Prefix, t.CanWrite, t.ExpiresOn)).FirstOrDefaultAsync(cancellationToken);
        }
        var organization = tenant.CurrentOrganizationId is int orgId
            ? new OrganizationRef(orgId, tenant.CurrentOrganizationAcronym ?? "", tenant.CurrentOrganizationName ?? "")
            : null;
        return Results.Ok(new MeDto(tenant.UserId ?? 0, tenant.UserName, user.Identity?.Name, organization,
            tenant.Profiles.Order().Select(p => new ProfileDto(p, Labels.Of(p))).ToList(), token));
    }

    private static async Task<IResult> Organizations(SispmpiDbContext db, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(o => o.Name.ToLower().Contains(term) || o.Acronym.ToLower().Contains(term));
        }
        var paged = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).ToPagedAsync(page ?? 1, pageSize ?? PagedExtensions.DefaultPageSize, cancellationToken);
        return Results.Ok(PageOf<OrganizationDto>.From(paged.Map(OrganizationDto.From)));
    }

    private static async Task<IResult> Organization(int orgId, SispmpiDbContext db, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, cancellationToken) is { } organization
            ? Results.Ok(OrganizationDto.From(organization))
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Organização não encontrada.");

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
            var term = q.Trim().ToLower();
            query = query.Where(p => p.Title.ToLower().Contains(term) || p.Edition.ToLower().Contains(term));
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
        var term = q?.Trim();
        var rows = data.Actions.Where(a => MonitoringDashboard.Matches(a, filter, data.Today))
            .Where(a => string.IsNullOrEmpty(term) || a.Title.Contains(term, StringComparison.OrdinalIgnoreCase) || a.Number == term)
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

    private static async Task<IResult> Action(int actionId, SispmpiDbContext db, ActionLights lights, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.AsNoTracking().Include(a => a.ExecutingUnit).Include(a => a.ResponsibleUser)
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

    /// <summary>The data annotations of an input (required, lengths, ranges), with the pages' Portuguese messages.</summary>
    private static ModelStateDictionary Annotations(object input, string prefix)
    {
        var state = new ModelStateDictionary();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                state.AddModelError($"{prefix}.{member}", result.ErrorMessage ?? "Valor inválido.");
            }
        }
        return state;
    }

    private static IResult? Paging(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["A página começa em 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"O tamanho da página vai de 1 a {MaxPageSize}."];
        }
        return errors.Count == 0 ? null : ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
    }

    /// <summary>An enumeration given by name (any case); numbers and unknown names are refused with the list of names.</summary>
    private static bool TryParse<T>(string? text, string parameter, out T? value, out IResult? error) where T : struct, Enum
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!char.IsDigit(text.Trim()[0]) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }
        error = ApiProblems.Invalid(new Dictionary<string, string[]>
        {
            [parameter] = [$"Valor desconhecido: {text}. Use um destes: {string.Join(", ", Enum.GetNames<T>())}."],
        }, StatusCodes.Status400BadRequest);
        return false;
    }
}
