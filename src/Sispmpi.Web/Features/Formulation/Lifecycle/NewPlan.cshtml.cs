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
public sealed class NewPlanModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock, PlanCarryOver carryOver) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Informe o título do plano.")]
    [StringLength(300, ErrorMessage = "O título deve ter até 300 caracteres.")]
    public string? PlanTitle { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Informe a edição, por exemplo 2027–2029.")]
    [RegularExpression(@"^\s*\d{4}\s*[-–]\s*\d{4}\s*$", ErrorMessage = "Informe a edição como um período de anos, por exemplo 2027–2029.")]
    public string? Edition { get; set; }

    /// <summary>Start from the programme's current state (commission, diagnosis, thematic axes, risks) instead of a blank one.</summary>
    [BindProperty]
    public bool StartFromProgramme { get; set; }

    /// <summary>The plan holding the programme's current state, offered as the starting point.</summary>
    public IntegrityPlan? ProgrammePlan { get; private set; }

    public async Task OnGetAsync()
    {
        var year = clock.Today().Year + 1;
        PlanTitle = $"Plano de Integridade — {tenant.CurrentOrganizationAcronym}";
        Edition = $"{year}–{year + 2}";
        ProgrammePlan = await carryOver.CurrentProgrammePlanAsync(tenant.CurrentOrganizationId!.Value);
        StartFromProgramme = ProgrammePlan is not null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var edition = Edition is null ? null : string.Join("–", Edition.Split('-', '–').Select(p => p.Trim()));
        if (ModelState.IsValid && await db.Plans.AnyAsync(p => p.OrganizationId == tenant.CurrentOrganizationId && p.Edition == edition
            && p.Status != PlanStatus.Obsolete))
        {
            ModelState.AddModelError(nameof(Edition), "Já existe um plano desta edição na organização. Para revisá-lo, solicite uma nova versão.");
        }
        var organizationId = tenant.CurrentOrganizationId!.Value;
        ProgrammePlan = await carryOver.CurrentProgrammePlanAsync(organizationId);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var from = StartFromProgramme ? ProgrammePlan : null;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var plan = new IntegrityPlan
        {
            OrganizationId = organizationId, Title = PlanTitle!.Trim(), Edition = edition!, Version = 1,
            Status = from is null ? PlanStatus.NotStarted : PlanStatus.InPreparation, CreatedAt = clock.GetUtcNow(),
            ProgrammeId = await carryOver.ProgrammeIdAsync(organizationId),
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        if (from is not null)
        {
            await carryOver.CopyProgrammeAsync(from.Id, plan.Id);
        }
        await transaction.CommitAsync();
        TempData["Sucesso"] = from is null ? "Plano criado. Siga as etapas da elaboração."
            : $"Plano criado a partir do programa de integridade atual (comissão, diagnóstico e riscos de {from.Title}, edição {from.Edition}). Revise cada etapa.";
        return Redirect($"/planos/{plan.Id}/etapas");
    }
}
