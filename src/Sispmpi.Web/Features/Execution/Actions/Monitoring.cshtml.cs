using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>Tab "Monitoramento", read-only here: the light and why, the progress; the monitoring module adds its records.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class MonitoringModel(SispmpiDbContext db, ActionAccess access, ActionLights lights) : ActionPageModel(db, access, lights)
{
    public override ActionTab Tab => ActionTab.Monitoring;

    /// <summary>The fact behind the light, in words.</summary>
    public string LightReason { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return NotFound();
        }
        var today = Lights.Today;
        LightReason = (Action.Status, Action.Classification) switch
        {
            (ActionStatus.NotStarted, _) => "A ação ainda não foi iniciada.",
            (ActionStatus.Concluded, _) => $"A ação foi concluída em {Shared.Labels.Date(Action.ConcludedOn)}.",
            (ActionStatus.Discontinued, _) => $"A ação foi descontinuada em {Shared.Labels.Date(Action.DiscontinuedOn)}.",
            (_, ActionClassification.OneOff) when Action.PlannedEnd is DateOnly end => Days(end.DayNumber - today.DayNumber),
            (_, ActionClassification.OneOff) => "A ação não tem término previsto.",
            _ when (Action.LastUpdateOn ?? Action.StartedOn) is DateOnly last =>
                $"Ação contínua: última atualização da execução há {Plural(today.DayNumber - last.DayNumber, "dia", "dias")}.",
            _ => "Ação contínua sem registro de atualização.",
        };
        return Page();
    }

    private static string Days(int left) => left switch
    {
        > 0 => $"Faltam {Plural(left, "dia", "dias")} para o término previsto.",
        0 => "O término previsto é hoje.",
        _ => $"O término previsto passou há {Plural(-left, "dia", "dias")}.",
    };

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
