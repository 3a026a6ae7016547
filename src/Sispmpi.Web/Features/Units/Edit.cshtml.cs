using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Units;

[Authorize(Policy = Policies.Units)]
public sealed class EditModel(SispmpiDbContext db) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public AdministrativeUnit Unit { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int unitId)
    {
        if (!await LoadAsync(unitId))
        {
            return NotFound();
        }
        Input = new UnitInput { Name = Unit.Name, Acronym = Unit.Acronym, ParentId = Unit.ParentId, IsActive = Unit.IsActive };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unitId)
    {
        if (!await LoadAsync(unitId))
        {
            return NotFound();
        }
        await Input.ValidateAsync(db, ModelState, Unit.OrganizationId, unitId);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Unit);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Unidade atualizada.";
        return Redirect($"/unidades?organizacao={Unit.OrganizationId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int unitId)
    {
        if (!await LoadAsync(unitId))
        {
            return NotFound();
        }
        var inUse = await db.AdministrativeUnits.AnyAsync(u => u.ParentId == unitId)
            || await db.PlanActions.AnyAsync(a => a.ExecutingUnitId == unitId);
        if (inUse)
        {
            TempData["Erro"] = "A unidade não pode ser excluída: tem unidades subordinadas ou ações sob sua responsabilidade. Você pode inativá-la.";
            return Redirect($"/unidades/{unitId}/editar");
        }
        db.AdministrativeUnits.Remove(Unit);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Unidade {Unit.Name} excluída.";
        return Redirect($"/unidades?organizacao={Unit.OrganizationId}");
    }

    private async Task<bool> LoadAsync(int unitId)
    {
        var unit = await db.AdministrativeUnits.FirstOrDefaultAsync(u => u.Id == unitId);
        if (unit is null)
        {
            return false;
        }
        Unit = unit;
        Parents = await UnitInput.ParentsAsync(db, unit.OrganizationId, unitId);
        return true;
    }
}
