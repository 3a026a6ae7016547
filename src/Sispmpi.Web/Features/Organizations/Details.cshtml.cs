using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Organizations;

[Authorize(Policy = Policies.Organizations)]
public sealed class DetailsModel(SispmpiDbContext db, TimeProvider clock) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<OrganizationYearFigures> Figures { get; private set; } = [];
    public IReadOnlyList<AdministrativeUnit> Units { get; private set; } = [];
    public IReadOnlyList<Organization> Children { get; private set; } = [];

    [BindProperty]
    public FiguresInput Year { get; set; } = new();

    public sealed class FiguresInput
    {
        [Required(ErrorMessage = "Informe o ano.")]
        [Range(2000, 2100, ErrorMessage = "Informe um ano entre 2000 e 2100.")]
        public int? Year { get; set; }

        [Required(ErrorMessage = "Informe o orçamento.")]
        [Range(typeof(decimal), "0", "999999999999999", ErrorMessage = "O orçamento não pode ser negativo.", ParseLimitsInInvariantCulture = true)]
        public decimal? Budget { get; set; }

        [Required(ErrorMessage = "Informe a força de trabalho.")]
        [Range(0, 10_000_000, ErrorMessage = "A força de trabalho não pode ser negativa.")]
        public int? Headcount { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int orgId)
    {
        Year.Year = clock.Today().Year;
        return await LoadAsync(orgId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFiguresAsync(int orgId)
    {
        if (!await LoadAsync(orgId))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var existing = await db.OrganizationYearFigures.FirstOrDefaultAsync(f => f.OrganizationId == orgId && f.Year == Year.Year);
        if (existing is null)
        {
            db.OrganizationYearFigures.Add(new OrganizationYearFigures
            {
                OrganizationId = orgId, Year = Year.Year!.Value, Budget = Year.Budget!.Value, Headcount = Year.Headcount!.Value,
            });
        }
        else
        {
            existing.Budget = Year.Budget!.Value;
            existing.Headcount = Year.Headcount!.Value;
        }
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Dados de {Year.Year} salvos.";
        return Redirect($"/organizacoes/{orgId}");
    }

    private async Task<bool> LoadAsync(int orgId)
    {
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Parent).FirstOrDefaultAsync(o => o.Id == orgId);
        if (organization is null)
        {
            return false;
        }
        Organization = organization;
        Figures = await db.OrganizationYearFigures.AsNoTracking().Where(f => f.OrganizationId == orgId).OrderByDescending(f => f.Year).ToListAsync();
        Units = await db.AdministrativeUnits.AsNoTracking().Where(u => u.OrganizationId == orgId).OrderBy(u => u.Name).ToListAsync();
        Children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == orgId).OrderBy(o => o.Name).ToListAsync();
        return true;
    }
}
