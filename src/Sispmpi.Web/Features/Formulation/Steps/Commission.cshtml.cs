using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>Step 1: the integrity commission — its act, its working period and its members, with one coordinator.</summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class CommissionModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant, PlanLifecycle lifecycle)
    : StepPageModel(db, progress, tenant)
{
    public sealed class CommissionInput
    {
        public bool IsFormallyInstituted { get; set; }

        [StringLength(100, ErrorMessage = "O tipo do ato deve ter até 100 caracteres.")]
        public string? ActType { get; set; }

        [StringLength(60, ErrorMessage = "O número do ato deve ter até 60 caracteres.")]
        public string? ActNumber { get; set; }

        public string? ActDate { get; set; }

        [StringLength(1000, ErrorMessage = "O endereço do ato deve ter até 1000 caracteres.")]
        public string? ActLink { get; set; }

        public string? StartDate { get; set; }

        public string? PlannedDurationDays { get; set; }
    }

    public sealed class MemberInput
    {
        public int Id { get; set; }

        [Required(ErrorMessage = "Informe o nome do membro.")]
        [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Escolha a unidade administrativa do membro.")]
        public int? UnitId { get; set; }

        [Required(ErrorMessage = "Informe o e-mail do membro.")]
        [EmailAddress(ErrorMessage = "Informe um e-mail válido, como nome@orgao.gov.br.")]
        [StringLength(256, ErrorMessage = "O e-mail deve ter até 256 caracteres.")]
        public string? Email { get; set; }

        public bool IsCoordinator { get; set; }

        [StringLength(40, ErrorMessage = "O MASP ou matrícula deve ter até 40 caracteres.")]
        public string? Registration { get; set; }

        /// <summary>Blank while the member is active; the date the member left otherwise.</summary>
        public string? InactiveSince { get; set; }
    }

    /// <summary>A later act of the commission: a deadline extension or a change of membership.</summary>
    public sealed class ActInput
    {
        public CommissionActKind? Kind { get; set; }

        [StringLength(100, ErrorMessage = "O tipo do ato deve ter até 100 caracteres.")]
        public string? ActType { get; set; }

        [StringLength(60, ErrorMessage = "O número do ato deve ter até 60 caracteres.")]
        public string? ActNumber { get; set; }

        public string? ActDate { get; set; }

        [StringLength(1000, ErrorMessage = "O endereço do ato deve ter até 1000 caracteres.")]
        public string? ActLink { get; set; }

        public string? ExtensionDays { get; set; }

        [StringLength(1000, ErrorMessage = "A descrição deve ter até 1000 caracteres.")]
        public string? Notes { get; set; }
    }

    public sealed record MemberRow(int Id, string Name, string? Unit, string? Email, bool IsCoordinator, string? Registration, DateOnly? InactiveSince);

    public ActInput Act { get; set; } = new();
    public IReadOnlyList<CommissionAct> Acts { get; private set; } = [];

    public CommissionInput Input { get; set; } = new();
    public MemberInput Member { get; set; } = new();
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];
    /// <summary>The deadline of the saved commission, or of what was typed when it reads as dates.</summary>
    public DateOnly? Deadline { get; private set; }
    public bool EditingMember => Member.Id != 0;

    public async Task<IActionResult> OnGetAsync(int planId, int? membro)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        var commission = await Db.Commissions.AsNoTracking().Include(c => c.Acts).FirstOrDefaultAsync(c => c.PlanId == planId);
        if (commission is not null)
        {
            Input = new CommissionInput
            {
                IsFormallyInstituted = commission.IsFormallyInstituted, ActType = commission.ActType, ActNumber = commission.ActNumber,
                ActDate = FormValues.DateText(commission.ActDate), ActLink = commission.ActLink,
                StartDate = FormValues.DateText(commission.StartDate), PlannedDurationDays = commission.PlannedDurationDays?.ToString(),
            };
            Deadline = commission.Deadline;
        }
        if (membro is int memberId)
        {
            var member = await Db.CommissionMembers.AsNoTracking()
                .FirstOrDefaultAsync(m => m.Id == memberId && commission != null && m.CommissionId == commission.Id);
            if (member is null)
            {
                return NotFound();
            }
            Member = new MemberInput
            {
                Id = member.Id, Name = member.Name, UnitId = member.UnitId, Email = member.Email, IsCoordinator = member.IsCoordinator,
                Registration = member.Registration, InactiveSince = FormValues.DateText(member.InactiveSince),
            };
        }
        await LoadListsAsync();
        return Page();
    }

    /// <summary>Saves the act and the working period.</summary>
    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await TryUpdateModelAsync(Input, nameof(Input));
        var instituted = Input.IsFormallyInstituted;
        var actDate = FormValues.Date(ModelState, "Input.ActDate", Input.ActDate, "a data do ato", required: instituted);
        var actLink = FormValues.Link(ModelState, "Input.ActLink", Input.ActLink, "o endereço (link) do ato", required: instituted);
        if (instituted && string.IsNullOrWhiteSpace(Input.ActType))
        {
            ModelState.AddModelError("Input.ActType", "Informe o tipo do ato (por exemplo, portaria ou resolução).");
        }
        if (instituted && string.IsNullOrWhiteSpace(Input.ActNumber))
        {
            ModelState.AddModelError("Input.ActNumber", "Informe o número do ato.");
        }
        var start = FormValues.Date(ModelState, "Input.StartDate", Input.StartDate, "a data de início dos trabalhos", required: true);
        var days = FormValues.Number(ModelState, "Input.PlannedDurationDays", Input.PlannedDurationDays, "a duração prevista, em dias", 1, 3650, required: true);
        if (!ModelState.IsValid)
        {
            Deadline = start is DateOnly s && days is int d ? s.AddDays(d) : null;
            await LoadListsAsync();
            return Page();
        }

        var commission = await EnsureCommissionAsync();
        await Db.Entry(commission).Collection(c => c.Acts).LoadAsync();
        commission.IsFormallyInstituted = instituted;
        // The act only exists for a formally instituted commission.
        commission.ActType = instituted ? FormValues.Clean(Input.ActType) : null;
        commission.ActNumber = instituted ? FormValues.Clean(Input.ActNumber) : null;
        commission.ActDate = instituted ? actDate : null;
        commission.ActLink = instituted ? actLink : null;
        commission.StartDate = start;
        commission.PlannedDurationDays = days;
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        TempData["Sucesso"] = $"Dados da comissão salvos. Prazo previsto para a conclusão dos trabalhos: {Labels.Date(commission.Deadline)}.";
        return Redirect($"/planos/{planId}/etapas/comissao");
    }

    /// <summary>Adds a member, or saves the one named by <see cref="MemberInput.Id"/>.</summary>
    public async Task<IActionResult> OnPostMemberAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await TryUpdateModelAsync(Member, nameof(Member));
        var commission = await Db.Commissions.Include(c => c.Members).FirstOrDefaultAsync(c => c.PlanId == planId);
        var member = Member.Id == 0 ? null : commission?.Members.FirstOrDefault(m => m.Id == Member.Id);
        if (Member.Id != 0 && member is null)
        {
            return NotFound();
        }
        if (Member.UnitId is int unitId && !await Db.AdministrativeUnits.AnyAsync(u => u.Id == unitId && u.OrganizationId == Plan.OrganizationId))
        {
            ModelState.AddModelError("Member.UnitId", "Escolha uma unidade administrativa do órgão.");
        }
        var email = Member.Email?.Trim();
        if (email is not null && commission?.Members.Any(m => m.Id != Member.Id && string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)) == true)
        {
            ModelState.AddModelError("Member.Email", "Já há um membro da comissão com este e-mail.");
        }
        var inactiveSince = FormValues.Date(ModelState, "Member.InactiveSince", Member.InactiveSince, "a data em que o membro deixou a comissão");
        if (Member.IsCoordinator && (inactiveSince is not null || ModelState.ContainsKey("Member.InactiveSince") && ModelState["Member.InactiveSince"]!.Errors.Count > 0))
        {
            ModelState.AddModelError("Member.IsCoordinator", "Um membro que deixou a comissão não pode ser o coordenador.");
        }
        var coordinator = commission?.Members.FirstOrDefault(m => m.IsCoordinator && m.IsActive && m.Id != Member.Id);
        if (Member.IsCoordinator && coordinator is not null)
        {
            ModelState.AddModelError("Member.IsCoordinator",
                $"A comissão já tem um coordenador: {coordinator.Name}. Deve haver exatamente um; desmarque-o antes de indicar outro.");
        }
        if (!ModelState.IsValid)
        {
            await LoadCommissionFormAsync();
            await LoadListsAsync();
            return Page();
        }

        commission ??= await EnsureCommissionAsync();
        if (member is null)
        {
            member = new CommissionMember { OrganizationId = Plan.OrganizationId, Name = "" };
            commission.Members.Add(member);
        }
        member.Name = Member.Name!.Trim();
        member.UnitId = Member.UnitId;
        member.Email = email;
        member.IsCoordinator = Member.IsCoordinator;
        member.Registration = FormValues.Clean(Member.Registration);
        member.InactiveSince = inactiveSince;
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        var coordinators = commission.Members.Count(m => m.IsCoordinator && m.IsActive);
        TempData["Sucesso"] = (Member.Id == 0 ? $"{member.Name} foi incluído(a) na comissão." : $"Dados de {member.Name} salvos.")
            + (coordinators == 0 ? " Lembre-se de indicar um coordenador." : "");
        return Redirect($"/planos/{planId}/etapas/comissao#membros");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int planId, int memberId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        var member = await Db.CommissionMembers
            .FirstOrDefaultAsync(m => m.Id == memberId && Db.Commissions.Any(c => c.Id == m.CommissionId && c.PlanId == planId));
        if (member is null)
        {
            return NotFound();
        }
        Db.CommissionMembers.Remove(member);
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        TempData["Sucesso"] = $"{member.Name} foi removido(a) da comissão."
            + (member.IsCoordinator ? " Indique um novo coordenador entre os membros." : "");
        return Redirect($"/planos/{planId}/etapas/comissao#membros");
    }

    /// <summary>Records a later act: a deadline extension (with the days it adds) or a change of membership.</summary>
    public async Task<IActionResult> OnPostActAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await TryUpdateModelAsync(Act, nameof(Act));
        var commission = await Db.Commissions.Include(c => c.Acts).FirstOrDefaultAsync(c => c.PlanId == planId);
        if (commission is null)
        {
            ModelState.AddModelError("Act.Kind", "Salve primeiro os dados da comissão; os atos posteriores se somam a ela.");
        }
        if (Act.Kind is not (CommissionActKind.DeadlineExtension or CommissionActKind.MembershipChange))
        {
            ModelState.AddModelError("Act.Kind", "Escolha o tipo de ato: prorrogação de prazo ou alteração na composição.");
        }
        if (string.IsNullOrWhiteSpace(Act.ActType))
        {
            ModelState.AddModelError("Act.ActType", "Informe o tipo do ato (por exemplo, portaria ou resolução).");
        }
        if (string.IsNullOrWhiteSpace(Act.ActNumber))
        {
            ModelState.AddModelError("Act.ActNumber", "Informe o número do ato.");
        }
        var date = FormValues.Date(ModelState, "Act.ActDate", Act.ActDate, "a data do ato", required: true);
        var link = FormValues.Link(ModelState, "Act.ActLink", Act.ActLink, "o endereço (link) do ato");
        var days = FormValues.Number(ModelState, "Act.ExtensionDays", Act.ExtensionDays, "os dias de prorrogação", 1, 3650,
            required: Act.Kind == CommissionActKind.DeadlineExtension);
        if (!ModelState.IsValid)
        {
            await LoadCommissionFormAsync();
            await LoadListsAsync();
            return Page();
        }
        var act = new CommissionAct
        {
            OrganizationId = Plan.OrganizationId, Kind = Act.Kind!.Value, ActType = Act.ActType!.Trim(), ActNumber = Act.ActNumber!.Trim(),
            ActDate = date!.Value, ActLink = link, Notes = FormValues.Clean(Act.Notes),
            ExtensionDays = Act.Kind == CommissionActKind.DeadlineExtension ? days : null,
        };
        commission!.Acts.Add(act);
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        TempData["Sucesso"] = act.Kind == CommissionActKind.DeadlineExtension
            ? $"Prorrogação de prazo registrada. Novo prazo para a conclusão dos trabalhos: {Labels.Date(commission.Deadline)}."
            : "Alteração na composição registrada. Atualize os membros: inclua os novos e informe a data de saída dos que deixaram a comissão.";
        return Redirect($"/planos/{planId}/etapas/comissao#atos");
    }

    public async Task<IActionResult> OnPostRemoveActAsync(int planId, int actId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        var act = await Db.CommissionActs
            .FirstOrDefaultAsync(a => a.Id == actId && Db.Commissions.Any(c => c.Id == a.CommissionId && c.PlanId == planId));
        if (act is null)
        {
            return NotFound();
        }
        Db.CommissionActs.Remove(act);
        await Db.SaveChangesAsync();
        TempData["Sucesso"] = $"Ato {act.ActType} nº {act.ActNumber} removido.";
        return Redirect($"/planos/{planId}/etapas/comissao#atos");
    }

    private async Task<IntegrityCommission> EnsureCommissionAsync()
    {
        var commission = await Db.Commissions.Include(c => c.Members).FirstOrDefaultAsync(c => c.PlanId == Plan.Id);
        if (commission is null)
        {
            commission = new IntegrityCommission { OrganizationId = Plan.OrganizationId, PlanId = Plan.Id };
            Db.Commissions.Add(commission);
        }
        return commission;
    }

    private async Task LoadCommissionFormAsync()
    {
        var commission = await Db.Commissions.AsNoTracking().Include(c => c.Acts).FirstOrDefaultAsync(c => c.PlanId == Plan.Id);
        if (commission is not null)
        {
            Input = new CommissionInput
            {
                IsFormallyInstituted = commission.IsFormallyInstituted, ActType = commission.ActType, ActNumber = commission.ActNumber,
                ActDate = FormValues.DateText(commission.ActDate), ActLink = commission.ActLink,
                StartDate = FormValues.DateText(commission.StartDate), PlannedDurationDays = commission.PlannedDurationDays?.ToString(),
            };
            Deadline = commission.Deadline;
        }
    }

    private async Task LoadListsAsync()
    {
        Members = await Db.CommissionMembers.AsNoTracking()
            .Where(m => Db.Commissions.Any(c => c.Id == m.CommissionId && c.PlanId == Plan.Id))
            .OrderBy(m => m.InactiveSince != null).ThenByDescending(m => m.IsCoordinator).ThenBy(m => m.Name)
            .Select(m => new MemberRow(m.Id, m.Name, m.Unit == null ? null : m.Unit.Acronym == null ? m.Unit.Name : m.Unit.Acronym + " — " + m.Unit.Name,
                m.Email, m.IsCoordinator, m.Registration, m.InactiveSince))
            .ToListAsync();
        Acts = await Db.CommissionActs.AsNoTracking()
            .Where(a => Db.Commissions.Any(c => c.Id == a.CommissionId && c.PlanId == Plan.Id))
            .OrderBy(a => a.ActDate).ThenBy(a => a.Id)
            .ToListAsync();
        var current = Member.UnitId;
        Units = await Db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.OrganizationId == Plan.OrganizationId && (u.IsActive || u.Id == current))
            .OrderBy(u => u.Acronym ?? u.Name)
            .Select(u => new SelectListItem(u.Acronym == null ? u.Name : u.Acronym + " — " + u.Name, u.Id.ToString()))
            .ToListAsync();
    }
}
