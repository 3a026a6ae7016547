using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Lifecycle;

/// <summary>The commission starts a new edition of the organization's integrity plan.</summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
public sealed class NewPlanModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Informe o título do plano.")]
    [StringLength(300, ErrorMessage = "O título deve ter até 300 caracteres.")]
    public string? PlanTitle { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Informe a edição, por exemplo 2027–2029.")]
    [RegularExpression(@"^\s*\d{4}\s*[-–]\s*\d{4}\s*$", ErrorMessage = "Informe a edição como um período de anos, por exemplo 2027–2029.")]
    public string? Edition { get; set; }

    public void OnGet()
    {
        var year = clock.Today().Year + 1;
        PlanTitle = $"Plano de Integridade — {tenant.CurrentOrganizationAcronym}";
        Edition = $"{year}–{year + 2}";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var edition = Edition is null ? null : string.Join("–", Edition.Split('-', '–').Select(p => p.Trim()));
        if (ModelState.IsValid && await db.Plans.AnyAsync(p => p.OrganizationId == tenant.CurrentOrganizationId && p.Edition == edition
            && p.Status != PlanStatus.Obsolete))
        {
            ModelState.AddModelError(nameof(Edition), "Já existe um plano desta edição na organização. Para revisá-lo, solicite uma nova versão.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var plan = new IntegrityPlan
        {
            OrganizationId = tenant.CurrentOrganizationId!.Value, Title = PlanTitle!.Trim(), Edition = edition!, Version = 1,
            Status = PlanStatus.NotStarted, CreatedAt = clock.GetUtcNow(),
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Plano criado. Siga as etapas da elaboração.";
        return Redirect($"/planos/{plan.Id}/etapas");
    }
}
