using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Editor;

/// <summary>Creates (<c>/acoes/nova?eixo=</c>) or edits one action of the plan, with every field.</summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class ActionModel(SispmpiDbContext db, PlanTree tree, PlanLifecycle lifecycle, TenantContext tenant) : PageModel
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public IntegrityPlan Plan { get; private set; } = null!;
    public PlanAction? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> AxisOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> UnitOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TypeOptions { get; private set; } = [];
    public IReadOnlyList<string> LinkedRisks { get; private set; } = [];
    public bool CanEdit => !Plan.IsReadOnly && Policies.Allows(Policies.FormulationEdit, tenant);

    public static IEnumerable<SelectListItem> ClassificationOptions =>
        Enum.GetValues<ActionClassification>().Select(c => new SelectListItem(Labels.Of(c), c.ToString()));

    public async Task<IActionResult> OnGetAsync(int planId, string? actionId, [FromQuery(Name = "eixo")] int? axisId)
    {
        if (!await LoadAsync(planId, actionId))
        {
            return NotFound();
        }
        Input = Existing is null
            ? new ActionInput { AxisId = axisId, Classification = ActionClassification.OneOff }
            : ActionInput.From(Existing, await db.ActionSupportUnits.Where(s => s.ActionId == Existing.Id).Select(s => s.UnitId).ToListAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string? actionId)
    {
        if (!await LoadAsync(planId, actionId))
        {
            return NotFound();
        }
        Input.Validate(ModelState, nameof(Input), TypeOptions.Select(t => t.Value).ToList());
        if (Input.AxisId is int axis && AxisOptions.All(o => o.Value != axis.ToString()))
        {
            ModelState.AddModelError("Input.AxisId", "Escolha um eixo ou subeixo deste plano.");
        }
        var units = UnitOptions.Select(o => int.Parse(o.Value)).ToHashSet();
        if (Input.ExecutingUnitId is int unit && !units.Contains(unit) || Input.SupportUnitIds.Any(u => !units.Contains(u)))
        {
            ModelState.AddModelError("Input.ExecutingUnitId", "Escolha unidades da organização.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var action = Existing;
        var moved = action is not null && action.AxisId != Input.AxisId;
        if (action is null)
        {
            action = new PlanAction
            {
                OrganizationId = Plan.OrganizationId, PlanId = planId, Number = "", Title = "", ActionType = "",
                Position = await tree.NextActionPositionAsync(Input.AxisId!.Value),
            };
            db.PlanActions.Add(action);
        }
        else if (moved)
        {
            action.Position = await tree.NextActionPositionAsync(Input.AxisId!.Value);
        }
        Input.ApplyTo(action);
        await db.SaveChangesAsync();

        var current = await db.ActionSupportUnits.Where(s => s.ActionId == action.Id).ToListAsync();
        db.ActionSupportUnits.RemoveRange(current.Where(s => !Input.SupportUnitIds.Contains(s.UnitId)));
        db.ActionSupportUnits.AddRange(Input.SupportUnitIds.Except(current.Select(s => s.UnitId))
            .Select(u => new Formulation.ActionSupportUnit { OrganizationId = Plan.OrganizationId, ActionId = action.Id, UnitId = u }));
        await tree.RenumberAsync(planId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await lifecycle.MarkInPreparationAsync(planId);

        TempData["Sucesso"] = Existing is null ? $"Ação {action.Number} incluída." : $"Ação {action.Number} atualizada.";
        return Redirect($"/planos/{planId}/editor#acao-{action.Id}");
    }

    private async Task<bool> LoadAsync(int planId, string? actionId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        if (actionId != "nova")
        {
            if (!int.TryParse(actionId, out var id) || await db.PlanActions.FirstOrDefaultAsync(a => a.Id == id && a.PlanId == planId) is not { } action)
            {
                return false;
            }
            Existing = action;
            LinkedRisks = await db.RiskTreatments.Where(t => t.ActionId == id)
                .Join(db.Risks, t => t.RiskId, r => r.Id, (t, r) => r.Title).ToListAsync();
        }
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync();
        AxisOptions = axes.OrderBy(a => a.Number, NumberComparer.Instance)
            .Select(a => new SelectListItem($"{(a.ParentId is null ? "Eixo" : "Subeixo")} {a.Number} — {a.Title}", a.Id.ToString())).ToList();
        UnitOptions = await db.AdministrativeUnits.AsNoTracking().Where(u => u.OrganizationId == plan.OrganizationId && u.IsActive)
            .OrderBy(u => u.Name).Select(u => new SelectListItem(u.Acronym == null ? u.Name : u.Acronym + " — " + u.Name, u.Id.ToString())).ToListAsync();
        var types = await db.CatalogItems.AsNoTracking().Where(c => c.Kind == CatalogKind.ActionType && c.IsActive)
            .OrderBy(c => c.Position).Select(c => c.Name).ToListAsync();
        // Types the catalog has since retired stay offered on the actions that have them.
        if (Existing is not null)
        {
            types.AddRange(Core.Plans.ActionTypes.Split(Existing.ActionType).Where(t => !types.Contains(t)));
        }
        TypeOptions = types.Select(t => new SelectListItem(t, t)).ToList();
        return true;
    }
}

/// <summary>Orders "1.10" after "1.9": numbers compared part by part.</summary>
public sealed class NumberComparer : IComparer<string>
{
    public static readonly NumberComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return a.Length.CompareTo(b.Length);
    }
}
