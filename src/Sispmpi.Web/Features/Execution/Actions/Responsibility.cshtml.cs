using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Users.Servants;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>
/// Tab "Responsabilidade": the responsible person, the staff involved and the executing unit. People are chosen
/// among the organization's executors; moving a published action to another unit needs a justification, which the
/// history keeps with the change.
/// </summary>
[Authorize(Policy = Policies.PlansRead)]
[WritePolicy(Policies.ExecutionAssign)]
public sealed class ResponsibilityModel(SispmpiDbContext db, ActionAccess access, ActionLights lights) : ActionPageModel(db, access, lights)
{
    public sealed class ResponsibilityInput
    {
        public int? ResponsibleUserId { get; set; }
        /// <summary>A registered servant without an account as the responsible person, instead of a user.</summary>
        public int? ResponsibleServantId { get; set; }
        public List<int> ParticipantIds { get; set; } = [];
        public List<int> ServantIds { get; set; } = [];
        public int? ExecutingUnitId { get; set; }

        [StringLength(2000, ErrorMessage = "A justificativa pode ter no máximo 2.000 caracteres.")]
        public string? Justification { get; set; }
    }

    public sealed record Person(int Id, string Name, string Email, string? Registration = null, string? Position = null)
    {
        /// <summary>The name with MASP and cargo, as the original listed an action's staff.</summary>
        public string Described => Staff.Describe(Name, Registration, Position);
    }

    public override ActionTab Tab => ActionTab.Responsibility;

    [BindProperty]
    public ResponsibilityInput Input { get; set; } = new();

    public IReadOnlyList<Person> Executors { get; private set; } = [];
    public IReadOnlyList<Person> Participants { get; private set; } = [];
    /// <summary>The body's servants registered without an account and not yet linked to one.</summary>
    public IReadOnlyList<Person> Servants { get; private set; } = [];
    public IReadOnlyList<Person> InvolvedServants { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ServantOptions { get; private set; } = [];

    public sealed record StaffMember(Person Person, bool Responsible, bool HasAccount);

    /// <summary>Everyone on the action with MASP and cargo, as the original listed the staff: the responsible first.</summary>
    public IReadOnlyList<StaffMember> Team
    {
        get
        {
            var staff = new List<StaffMember>();
            if (Action.ResponsibleUser is { } user)
            {
                staff.Add(new(new Person(user.Id, user.FullName, user.Email ?? "", user.Registration, user.Position), true, true));
            }
            else if (Action.ResponsibleServant is { } servant)
            {
                staff.Add(new(new Person(servant.Id, servant.Name, "", servant.Registration, servant.Position), true, false));
            }
            staff.AddRange(Participants.Select(p => new StaffMember(p, false, true)));
            staff.AddRange(InvolvedServants.Select(p => new StaffMember(p, false, false)));
            return staff;
        }
    }
    public IReadOnlyList<SelectListItem> UnitOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ResponsibleOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return NotFound();
        }
        await LoadChoicesAsync();
        Input = new ResponsibilityInput
        {
            ResponsibleUserId = Action.ResponsibleUserId,
            ResponsibleServantId = Action.ResponsibleServantId,
            ParticipantIds = Participants.Select(p => p.Id).ToList(),
            ServantIds = InvolvedServants.Select(p => p.Id).ToList(),
            ExecutingUnitId = Action.ExecutingUnitId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return NotFound();
        }
        if (!Rights.CanAssign)
        {
            // On a published plan the reason is who may assign; otherwise, the plan's state (WhyNot says which).
            return Refuse(Action.Plan!.Status == PlanStatus.Published
                ? "Somente a comissão de integridade e o responsável pela ação alteram a sua responsabilidade."
                : Rights.WhyNot);
        }
        await LoadChoicesAsync();
        var executorIds = Executors.Select(e => e.Id).ToHashSet();
        var unitIds = UnitOptions.Select(u => int.Parse(u.Value)).ToHashSet();
        if (Input.ResponsibleUserId is int responsible && !executorIds.Contains(responsible))
        {
            ModelState.AddModelError("Input.ResponsibleUserId", "Escolha o responsável entre os executores do órgão.");
        }
        if (Input.ParticipantIds.Any(id => !executorIds.Contains(id)))
        {
            ModelState.AddModelError("Input.ParticipantIds", "Escolha os servidores envolvidos entre os executores do órgão.");
        }
        var servantIds = Servants.Select(s => s.Id).ToHashSet();
        if (Input.ResponsibleServantId is int responsibleServant && !servantIds.Contains(responsibleServant))
        {
            ModelState.AddModelError("Input.ResponsibleServantId", "Escolha o responsável entre os servidores sem conta cadastrados no órgão.");
        }
        else if (Input.ResponsibleServantId is not null && Input.ResponsibleUserId is not null)
        {
            ModelState.AddModelError("Input.ResponsibleServantId", "Escolha um único responsável: um executor com conta ou um servidor sem conta.");
        }
        if (Input.ServantIds.Any(id => !servantIds.Contains(id)))
        {
            ModelState.AddModelError("Input.ServantIds", "Escolha os servidores sem conta entre os cadastrados no órgão.");
        }
        if (Input.ExecutingUnitId is int unit && !unitIds.Contains(unit))
        {
            ModelState.AddModelError("Input.ExecutingUnitId", "Escolha uma unidade administrativa do órgão.");
        }
        var unitChanged = Input.ExecutingUnitId != Action.ExecutingUnitId;
        var justification = Input.Justification?.Trim();
        if (unitChanged && Action.Plan!.Status == PlanStatus.Published && string.IsNullOrEmpty(justification))
        {
            ModelState.AddModelError("Input.Justification", "Justifique a mudança da unidade executora de uma ação de plano publicado.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Action.ResponsibleUserId = Input.ResponsibleUserId;
        Action.ResponsibleServantId = Input.ResponsibleServantId;
        Action.ExecutingUnitId = Input.ExecutingUnitId;
        var wanted = Input.ParticipantIds.Where(id => id != Input.ResponsibleUserId).ToHashSet();
        var current = await Db.ActionParticipants.Where(p => p.ActionId == Action.Id).ToListAsync();
        Db.ActionParticipants.RemoveRange(current.Where(p => !wanted.Contains(p.UserId)));
        Db.ActionParticipants.AddRange(wanted.Except(current.Select(p => p.UserId))
            .Select(userId => new ActionParticipant { OrganizationId = Action.OrganizationId, ActionId = Action.Id, UserId = userId }));
        var wantedServants = Input.ServantIds.Where(id => id != Input.ResponsibleServantId).ToHashSet();
        var currentServants = await Db.ActionServants.Where(p => p.ActionId == Action.Id).ToListAsync();
        Db.ActionServants.RemoveRange(currentServants.Where(p => !wantedServants.Contains(p.ServantId)));
        Db.ActionServants.AddRange(wantedServants.Except(currentServants.Select(p => p.ServantId))
            .Select(servantId => new ActionServant { OrganizationId = Action.OrganizationId, ActionId = Action.Id, ServantId = servantId }));
        if (unitChanged && !string.IsNullOrEmpty(justification))
        {
            await Db.SaveChangesAsync($"Mudança da unidade executora: {justification}");
        }
        else
        {
            await Db.SaveChangesAsync();
        }
        TempData["Sucesso"] = "Responsabilidade pela ação atualizada.";
        return Redirect($"/acoes/{Action.Id}/responsabilidade");
    }

    private async Task LoadChoicesAsync()
    {
        var organizationId = Action.OrganizationId;
        Executors = await Db.Users.AsNoTracking()
            .Where(u => u.IsActive && Db.ProfileGrants.Any(g => g.UserId == u.Id && g.OrganizationId == organizationId && g.Profile == Profile.Executor))
            .OrderBy(u => u.FullName).Select(u => new Person(u.Id, u.FullName, u.Email!, u.Registration, u.Position)).ToListAsync();
        Participants = await Db.ActionParticipants.AsNoTracking().Where(p => p.ActionId == Action.Id)
            .OrderBy(p => p.User!.FullName).Select(p => new Person(p.UserId, p.User!.FullName, p.User.Email!, p.User.Registration, p.User.Position)).ToListAsync();
        // A servant already linked to an account is chosen through the account; one still on this action stays listed.
        Servants = await Db.Servants.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && (s.LinkedUserId == null || s.Id == Action.ResponsibleServantId
                || Db.ActionServants.Any(p => p.ServantId == s.Id && p.ActionId == Action.Id)))
            .OrderBy(s => s.Name).Select(s => new Person(s.Id, s.Name, "", s.Registration, s.Position)).ToListAsync();
        InvolvedServants = await Db.ActionServants.AsNoTracking().Where(p => p.ActionId == Action.Id)
            .OrderBy(p => p.Servant!.Name).Select(p => new Person(p.ServantId, p.Servant!.Name, "", p.Servant.Registration, p.Servant.Position)).ToListAsync();
        ServantOptions = Servants.Select(s => new SelectListItem(s.Described, s.Id.ToString())).ToList();
        UnitOptions = await Db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.OrganizationId == organizationId && (u.IsActive || u.Id == Action.ExecutingUnitId))
            .OrderBy(u => u.Name).Select(u => new SelectListItem(u.Acronym == null ? u.Name : u.Name + " (" + u.Acronym + ")", u.Id.ToString())).ToListAsync();
        ResponsibleOptions = Executors.Select(e => new SelectListItem(e.Described, e.Id.ToString())).ToList();
    }
}
