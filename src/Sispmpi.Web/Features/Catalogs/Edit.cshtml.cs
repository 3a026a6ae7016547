using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Catalogs;

/// <summary>One catalog entry: rename, deactivate or reactivate, or delete when no record uses it — each with a justification.</summary>
[Authorize(Policy = Policies.Catalogs)]
public sealed class EditModel(SispmpiDbContext db, CatalogAdministration catalogs) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public CatalogItem Item { get; private set; } = null!;
    public int Uses { get; private set; }

    public async Task<IActionResult> OnGetAsync(int catalogItemId)
    {
        if (!await LoadAsync(catalogItemId))
        {
            return NotFound();
        }
        Name = Item.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int catalogItemId)
    {
        if (!await LoadAsync(catalogItemId))
        {
            return NotFound();
        }
        var name = Name?.Trim();
        if (string.IsNullOrWhiteSpace(name))
        {
            ModelState.AddModelError(nameof(Name), "Informe o nome do item.");
        }
        else if (CatalogAdministration.CheckName(Item.Kind, name) is { } nameError)
        {
            ModelState.AddModelError(nameof(Name), nameError);
        }
        else if (name == Item.Name)
        {
            ModelState.AddModelError(nameof(Name), "O nome não mudou.");
        }
        else if (await db.CatalogItems.AnyAsync(c => c.Kind == Item.Kind && c.Name == name && c.Id != catalogItemId))
        {
            ModelState.AddModelError(nameof(Name), "Já existe um item com este nome neste catálogo.");
        }
        if (CatalogAdministration.CheckJustification(Justification) is { } error)
        {
            ModelState.AddModelError(nameof(Justification), error);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        Item.Name = name!;
        await db.SaveChangesAsync(Justification!.Trim());
        TempData["Sucesso"] = $"Item renomeado para \"{name}\". Os registros que já usavam o nome anterior o mantêm.";
        return Redirect($"/catalogos?tipo={CatalogAdministration.Slug(Item.Kind)}");
    }

    public Task<IActionResult> OnPostDeactivateAsync(int catalogItemId) => SetActiveAsync(catalogItemId, false);

    public Task<IActionResult> OnPostReactivateAsync(int catalogItemId) => SetActiveAsync(catalogItemId, true);

    public async Task<IActionResult> OnPostDeleteAsync(int catalogItemId)
    {
        if (!await LoadAsync(catalogItemId))
        {
            return NotFound();
        }
        if (Uses > 0)
        {
            return Refusal.Conflict(
                $"O item \"{Item.Name}\" está em uso em {Uses} registro(s) e não pode ser excluído. Desative-o para que não seja mais oferecido.");
        }
        if (CatalogAdministration.CheckJustification(Justification) is { } error)
        {
            ModelState.AddModelError(nameof(Justification), error);
            Name = Item.Name;
            return Invalid();
        }
        db.CatalogItems.Remove(Item);
        await db.SaveChangesAsync(Justification!.Trim());
        TempData["Sucesso"] = $"Item \"{Item.Name}\" excluído.";
        return Redirect($"/catalogos?tipo={CatalogAdministration.Slug(Item.Kind)}");
    }

    private async Task<IActionResult> SetActiveAsync(int catalogItemId, bool active)
    {
        if (!await LoadAsync(catalogItemId))
        {
            return NotFound();
        }
        Name = Item.Name;
        if (Item.IsActive == active)
        {
            ModelState.AddModelError(nameof(Justification), active ? "O item já está ativo." : "O item já está inativo.");
            return Invalid();
        }
        if (CatalogAdministration.CheckJustification(Justification) is { } error)
        {
            ModelState.AddModelError(nameof(Justification), error);
            return Invalid();
        }
        Item.IsActive = active;
        await db.SaveChangesAsync(Justification!.Trim());
        TempData["Sucesso"] = active ? $"Item \"{Item.Name}\" reativado." : $"Item \"{Item.Name}\" desativado: não será mais oferecido nas escolhas.";
        return Redirect($"/catalogos?tipo={CatalogAdministration.Slug(Item.Kind)}");
    }

    private PageResult Invalid()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(int catalogItemId)
    {
        var item = await db.CatalogItems.FirstOrDefaultAsync(c => c.Id == catalogItemId);
        if (item is null)
        {
            return false;
        }
        Item = item;
        Uses = await catalogs.UsesAsync(item.Kind, item.Name);
        return true;
    }
}
