using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Editor;

/// <summary>Step 3, the plan editor: axes → sub-axes → actions, numbered by position, with budget totals.</summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class IndexModel(SispmpiDbContext db, PlanTree tree, PlanLifecycle lifecycle, TenantContext tenant) : PageModel
{
    public sealed record ActionRow(int Id, string Number, string Title, string? Unit, decimal? Budget, int Position);

    public sealed record AxisNode(PlanAxis Axis, IReadOnlyList<AxisNode> SubAxes, IReadOnlyList<ActionRow> Actions)
    {
        public decimal Budget => Actions.Sum(a => a.Budget ?? 0) + SubAxes.Sum(s => s.Budget);
        public int ActionCount => Actions.Count + SubAxes.Sum(s => s.ActionCount);
    }

    public IntegrityPlan Plan { get; private set; } = null!;
    public IReadOnlyList<AxisNode> Axes { get; private set; } = [];
    public IReadOnlyList<string> ThematicAxes { get; private set; } = [];
    public bool CanEdit => !Plan.IsReadOnly && Policies.Allows(Policies.FormulationEdit, tenant);

    [BindProperty]
    [Required(ErrorMessage = "Informe o título do eixo.")]
    [StringLength(300, ErrorMessage = "O título deve ter até 300 caracteres.")]
    public string? NewTitle { get; set; }

    [BindProperty]
    public int? ParentAxisId { get; set; }

    public async Task<IActionResult> OnGetAsync(int planId) => await LoadAsync(planId) ? Page() : NotFound();

    /// <summary>Adds an axis, or a sub-axis when <see cref="ParentAxisId"/> names an axis of the plan.</summary>
    public async Task<IActionResult> OnPostAddAxisAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        PlanAxis? parent = null;
        if (ParentAxisId is int parentId)
        {
            parent = await db.PlanAxes.FirstOrDefaultAsync(a => a.Id == parentId && a.PlanId == planId && a.ParentId == null);
            if (parent is null)
            {
                return NotFound();
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var axis = new PlanAxis
        {
            OrganizationId = Plan.OrganizationId, PlanId = planId, ParentId = parent?.Id, Number = "",
            Position = await tree.NextAxisPositionAsync(planId, parent?.Id), Title = NewTitle!.Trim(),
        };
        await SaveTreeChangeAsync(planId, () => db.PlanAxes.Add(axis));
        TempData["Sucesso"] = parent is null ? $"Eixo {axis.Number} incluído." : $"Subeixo {axis.Number} incluído.";
        return Redirect($"/planos/{planId}/editor#eixo-{axis.Id}");
    }

    public async Task<IActionResult> OnPostMoveAxisAsync(int planId, int axisId, string direction) =>
        await MoveAsync(planId, () => tree.MoveAxisAsync(planId, axisId, Mover(direction)), $"eixo-{axisId}");

    public async Task<IActionResult> OnPostMoveActionAsync(int planId, int actionId, string direction) =>
        await MoveAsync(planId, () => tree.MoveActionAsync(planId, actionId, Mover(direction)), $"acao-{actionId}");

    public async Task<IActionResult> OnPostDeleteAxisAsync(int planId, int axisId)
    {
        var axis = await db.PlanAxes.FirstOrDefaultAsync(a => a.Id == axisId && a.PlanId == planId);
        if (axis is null)
        {
            return NotFound();
        }
        if (await db.PlanAxes.AnyAsync(a => a.ParentId == axisId) || await db.PlanActions.AnyAsync(a => a.AxisId == axisId))
        {
            TempData["Erro"] = $"O eixo {axis.Number} não pode ser excluído: ainda tem subeixos ou ações. Exclua-os ou mova as ações antes.";
            return Redirect($"/planos/{planId}/editor");
        }
        await SaveTreeChangeAsync(planId, () => db.PlanAxes.Remove(axis));
        TempData["Sucesso"] = $"Eixo “{axis.Title}” excluído.";
        return Redirect($"/planos/{planId}/editor");
    }

    public async Task<IActionResult> OnPostDeleteActionAsync(int planId, int actionId)
    {
        var action = await db.PlanActions.FirstOrDefaultAsync(a => a.Id == actionId && a.PlanId == planId);
        if (action is null)
        {
            return NotFound();
        }
        await SaveTreeChangeAsync(planId, () => db.PlanActions.Remove(action));
        TempData["Sucesso"] = $"Ação “{action.Title}” excluída.";
        return Redirect($"/planos/{planId}/editor");
    }

    private static Func<IReadOnlyList<int>, int, IReadOnlyList<int>> Mover(string direction) =>
        direction == "up" ? PlanNumbering.MoveUp : PlanNumbering.MoveDown;

    private async Task<IActionResult> MoveAsync(int planId, Func<Task<bool>> move, string anchor)
    {
        if (!await move())
        {
            return NotFound();
        }
        await db.SaveChangesAsync();
        return Redirect($"/planos/{planId}/editor#{anchor}");
    }

    /// <summary>Saves a change to the tree and the renumbering it causes, together.</summary>
    private async Task SaveTreeChangeAsync(int planId, Action change)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        change();
        await db.SaveChangesAsync();
        await tree.RenumberAsync(planId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await lifecycle.MarkInPreparationAsync(planId);
    }

    private async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ThenBy(a => a.Id).ToListAsync();
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { a.AxisId, Row = new ActionRow(a.Id, a.Number, a.Title, a.ExecutingUnit!.Acronym ?? a.ExecutingUnit.Name, a.PlannedBudget, a.Position) })
            .ToListAsync();
        var byAxis = actions.ToLookup(a => a.AxisId, a => a.Row);
        Axes = axes.Where(a => a.ParentId is null)
            .Select(a => new AxisNode(a,
                axes.Where(s => s.ParentId == a.Id).Select(s => new AxisNode(s, [], byAxis[s.Id].ToList())).ToList(),
                byAxis[a.Id].ToList()))
            .ToList();
        ThematicAxes = await db.Diagnoses.Where(d => d.PlanId == planId).Select(d => d.ThematicAxes).FirstOrDefaultAsync() ?? [];
        return true;
    }
}
