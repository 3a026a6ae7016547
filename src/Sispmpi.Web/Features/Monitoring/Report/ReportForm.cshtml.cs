using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Report;

/// <summary>
/// "Relatório de monitoramento": the period and the actions of a full or partial report. The form is a GET to this
/// page, which checks it and, when valid, redirects to the PDF or XLSX address — so a mistake shows on the form and
/// the result is a plain download whose address can be saved or shared.
/// </summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class ReportFormModel(SispmpiDbContext db) : ReportRequestModel
{
    public sealed record ActionChoice(int Id, string Number, string Title);

    /// <summary>An axis or a sub-axis (<see cref="Level"/> 2) with the actions placed directly in it.</summary>
    public sealed record AxisGroup(string Label, int Level, IReadOnlyList<ActionChoice> Actions, bool HasSubAxes = false);

    /// <summary>"pdf" or "xlsx": which button was pressed.</summary>
    [BindProperty(SupportsGet = true, Name = "formato")]
    public string? Format { get; set; }

    public IntegrityPlan Plan { get; private set; } = null!;
    public IReadOnlyList<AxisGroup> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var actions = (await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position)
            .Select(a => new { a.AxisId, a.Id, a.Number, a.Title }).ToListAsync(cancellationToken))
            .ToLookup(a => a.AxisId, a => new ActionChoice(a.Id, a.Number, a.Title));
        Groups =
        [
            .. axes.Where(a => a.ParentId is null).SelectMany(axis =>
                axes.Where(s => s.ParentId == axis.Id)
                    .Select(sub => new AxisGroup($"Subeixo {sub.Number} — {sub.Title}", 2, [.. actions[sub.Id]]))
                    .Prepend(new AxisGroup($"Eixo {axis.Number} — {axis.Title}", 1, [.. actions[axis.Id]], axes.Any(s => s.ParentId == axis.Id)))),
        ];

        if (Format is null)
        {
            return Page();
        }
        ValidatePeriod();
        var known = Groups.SelectMany(g => g.Actions).Select(a => a.Id).ToHashSet();
        if (Options.ActionIds.Where(id => !known.Contains(id)).Order().ToList() is { Count: > 0 } unknown)
        {
            ModelState.AddModelError("acoes", MonitoringReport.UnknownActionsMessage(unknown));
        }
        if (Format is not ("pdf" or "xlsx"))
        {
            ModelState.AddModelError("formato", "Escolha o formato do relatório: PDF ou planilha (XLSX).");
        }
        return ModelState.IsValid ? Redirect(MonitoringReport.FileUrl(planId, Format, Options)) : Page();
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
