using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Catalogs;

/// <summary>"Catálogos": the entries of one catalog in their order, how many records use each, and a form to add one.</summary>
[Authorize(Policy = Policies.Catalogs)]
public sealed class IndexModel(SispmpiDbContext db, CatalogAdministration catalogs) : PageModel
{
    public sealed record Row(CatalogItem Item, int Uses, bool First, bool Last);

    [BindProperty(SupportsGet = true, Name = "tipo")]
    public string? KindSlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public CatalogKind Kind { get; private set; } = CatalogKind.ThematicAxis;
    public Paged<Row> Items { get; private set; } = null!;
    public IReadOnlyDictionary<CatalogKind, int> Counts { get; private set; } = new Dictionary<CatalogKind, int>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ResolveKind())
        {
            return NotFound();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ResolveKind())
        {
            return NotFound();
        }
        var name = Name?.Trim();
        if (string.IsNullOrWhiteSpace(name))
        {
            ModelState.AddModelError(nameof(Name), "Informe o nome do item.");
        }
        else if (CatalogAdministration.CheckName(Kind, name) is { } nameError)
        {
            ModelState.AddModelError(nameof(Name), nameError);
        }
        else if (await db.CatalogItems.AnyAsync(c => c.Kind == Kind && c.Name == name))
        {
            ModelState.AddModelError(nameof(Name), "Já existe um item com este nome neste catálogo.");
        }
        if (CatalogAdministration.CheckJustification(Justification) is { } error)
        {
            ModelState.AddModelError(nameof(Justification), error);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        var position = (await db.CatalogItems.Where(c => c.Kind == Kind).MaxAsync(c => (int?)c.Position) ?? 0) + 1;
        db.CatalogItems.Add(new CatalogItem { Kind = Kind, Name = name!, Position = position });
        await db.SaveChangesAsync(Justification!.Trim());
        TempData["Sucesso"] = $"Item \"{name}\" incluído em {CatalogAdministration.Title(Kind)}.";
        return Redirect($"/catalogos?tipo={CatalogAdministration.Slug(Kind)}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int itemId, string? direction)
    {
        var item = await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == itemId);
        if (item is null)
        {
            return NotFound();
        }
        if (direction is not ("cima" or "baixo"))
        {
            TempData["Erro"] = "Escolha mover para cima ou para baixo.";
            return Redirect($"/catalogos?tipo={CatalogAdministration.Slug(item.Kind)}");
        }
        await catalogs.MoveAsync(itemId, direction == "cima");
        return Redirect($"/catalogos?tipo={CatalogAdministration.Slug(item.Kind)}");
    }

    private bool ResolveKind()
    {
        if (string.IsNullOrWhiteSpace(KindSlug))
        {
            return true;
        }
        if (CatalogAdministration.FromSlug(KindSlug) is not { } kind)
        {
            return false;
        }
        Kind = kind;
        return true;
    }

    private async Task LoadAsync()
    {
        Counts = await db.CatalogItems.GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var all = await db.CatalogItems.AsNoTracking().Where(c => c.Kind == Kind).OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync();
        var shown = string.IsNullOrWhiteSpace(Search)
            ? all
            : all.Where(c => SearchText.Matches(c.Name, SearchText.Term(Search)!)).ToList();
        var pageCount = Math.Max(1, (int)Math.Ceiling(shown.Count / (double)PagedExtensions.DefaultPageSize));
        var page = Math.Clamp(PageNumber, 1, pageCount);
        var items = shown.Skip((page - 1) * PagedExtensions.DefaultPageSize).Take(PagedExtensions.DefaultPageSize).ToList();
        var uses = await catalogs.UsesAsync(Kind, items.Select(i => i.Name).ToList());
        Items = new Paged<Row>(items.Select(i => new Row(i, uses.GetValueOrDefault(i.Name), i == all[0], i == all[^1])).ToList(),
            page, PagedExtensions.DefaultPageSize, shown.Count);
    }
}
