using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Oversight;

/// <summary>
/// "Informações da rede": the central administrator enters the network's own budget and headcount per year, which the
/// panel uses as the denominator of its coverage percentages (<see cref="NetworkReference"/>).
/// </summary>
[Authorize(Policy = Policies.Panel)]
public sealed class NetworkFiguresModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NetworkYearFigures> Figures { get; private set; } = [];

    public string? NetworkName => tenant.CurrentOrganizationName;

    [BindProperty]
    public FiguresInput Input { get; set; } = new();

    public sealed class FiguresInput
    {
        [Required(ErrorMessage = "Informe o ano.")]
        [Range(2000, 2100, ErrorMessage = "Informe um ano entre 2000 e 2100.")]
        public int? Year { get; set; }

        [Required(ErrorMessage = "Informe o orçamento da rede.")]
        [Range(typeof(decimal), "0.01", "999999999999999", ErrorMessage = "O orçamento da rede deve ser maior que zero.", ParseLimitsInInvariantCulture = true)]
        public decimal? Budget { get; set; }

        [Required(ErrorMessage = "Informe o quantitativo de pessoal da rede.")]
        [Range(1, 100_000_000, ErrorMessage = "O quantitativo de pessoal da rede deve ser maior que zero.")]
        public int? Headcount { get; set; }
    }

    public async Task OnGetAsync()
    {
        Input.Year = clock.Today().Year;
        await LoadAsync();
    }

    /// <summary>Saves a year's figures; a year already entered is replaced.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (tenant.CurrentOrganizationId is not int networkId)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var year = Input.Year!.Value;
        var figures = await db.NetworkYearFigures.FirstOrDefaultAsync(f => f.OrganizationId == networkId && f.Year == year);
        if (figures is null)
        {
            figures = new NetworkYearFigures { OrganizationId = networkId, Year = year };
            db.NetworkYearFigures.Add(figures);
        }
        figures.Budget = Input.Budget!.Value;
        figures.Headcount = Input.Headcount!.Value;
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Informações da rede de {year} salvas.";
        return Redirect("/painel/informacoes-da-rede");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int ano)
    {
        var figures = await db.NetworkYearFigures.FirstOrDefaultAsync(f => f.OrganizationId == tenant.CurrentOrganizationId && f.Year == ano);
        if (figures is null)
        {
            return NotFound();
        }
        db.NetworkYearFigures.Remove(figures);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Informações da rede de {ano} excluídas.";
        return Redirect("/painel/informacoes-da-rede");
    }

    private async Task LoadAsync() =>
        Figures = await db.NetworkYearFigures.AsNoTracking().Where(f => f.OrganizationId == tenant.CurrentOrganizationId)
            .OrderByDescending(f => f.Year).ToListAsync();
}
