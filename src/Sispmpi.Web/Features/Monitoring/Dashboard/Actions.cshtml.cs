using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Dashboard;

/// <summary>The actions behind a figure of the dashboard, filtered by the same definition the figure counts with.</summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class ActionsModel(MonitoringDashboard dashboards) : PageModel
{
    private static readonly Dictionary<AttentionPoint, string> _attentionParameter = new()
    {
        [AttentionPoint.LateToStart] = "atraso-inicio",
        [AttentionPoint.LateToConclude] = "atraso-conclusao",
        [AttentionPoint.HighRisk] = "risco-alto",
    };

    [BindProperty(SupportsGet = true, Name = "situacao")]
    public ActionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "farol")]
    public TrafficLight? Light { get; set; }

    [BindProperty(SupportsGet = true, Name = "ponto")]
    public string? Attention { get; set; }

    [BindProperty(SupportsGet = true, Name = "recomendacoes")]
    public string? Recommendations { get; set; }

    [BindProperty(SupportsGet = true, Name = "eixo")]
    public int? AxisId { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public PlanDashboard Data { get; private set; } = null!;
    public ActionFilter Filter { get; private set; } = new();
    public Paged<DashboardAction> Actions { get; private set; } = null!;
    /// <summary>The filter in words, for the heading.</summary>
    public string Description { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        var data = await dashboards.BuildAsync(planId, HttpContext.RequestAborted);
        if (data is null)
        {
            return NotFound();
        }
        Data = data;
        AttentionPoint? attention = _attentionParameter.Where(p => p.Value == Attention).Select(p => (AttentionPoint?)p.Key).FirstOrDefault();
        bool? answered = Recommendations switch { "respondidas" => true, "sem-resposta" => false, _ => null };
        Filter = new ActionFilter(Status, Light, attention, answered, AxisId);
        var matching = data.Actions.Where(a => MonitoringDashboard.Matches(a, Filter, data.Today)).ToList();
        var size = PagedExtensions.DefaultPageSize * 2;
        var pageCount = Math.Max(1, (int)Math.Ceiling(matching.Count / (double)size));
        var page = Math.Clamp(PageNumber, 1, pageCount);
        Actions = new Paged<DashboardAction>(matching.Skip((page - 1) * size).Take(size).ToList(), page, size, matching.Count);
        Description = Describe(Filter);
        return Page();
    }

    /// <summary>The address of the list for <paramref name="filter"/>, as the dashboard links to it.</summary>
    public static string For(int planId, ActionFilter filter)
    {
        var query = new List<string>();
        if (filter.Status is ActionStatus status) query.Add($"situacao={status}");
        if (filter.Light is TrafficLight light) query.Add($"farol={light}");
        if (filter.Attention is AttentionPoint point) query.Add($"ponto={_attentionParameter[point]}");
        if (filter.AnsweredRecommendations is bool answered) query.Add($"recomendacoes={(answered ? "respondidas" : "sem-resposta")}");
        if (filter.AxisId is int axis) query.Add($"eixo={axis}");
        return $"/monitoramento/planos/{planId}/acoes" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private string Describe(ActionFilter filter)
    {
        var parts = new List<string>();
        if (filter.Status is ActionStatus status) parts.Add($"situação {Labels.Of(status).ToLowerInvariant()}");
        if (filter.Light is TrafficLight light) parts.Add($"farol {Labels.Of(light).ToLowerInvariant()} ({Labels.Meaning(light)})");
        if (filter.Attention is AttentionPoint point)
        {
            parts.Add(point switch
            {
                AttentionPoint.LateToStart => "com atraso no início",
                AttentionPoint.LateToConclude => "com atraso na conclusão",
                _ => "com risco alto ou extremo de não implementação",
            });
        }
        if (filter.AnsweredRecommendations is bool answered) parts.Add(answered ? "com recomendações respondidas" : "com recomendações sem resposta");
        if (filter.AxisId is int axis && Data.Axes.FirstOrDefault(a => a.Id == axis) is { } found) parts.Add($"do eixo {found.Number}. {found.Title}");
        return parts.Count == 0 ? "Todas as ações" : "Ações " + string.Join(", ", parts);
    }
}
