using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Users.Servants;

/// <summary>A servant without an account: edit, link to an account (roles move to it), delete when unused.</summary>
[Authorize(Policy = Policies.Users)]
public sealed class EditModel(SispmpiDbContext db, TimeProvider clock) : PageModel
{
    public sealed record StaffRole(int ActionId, string Number, string Title, string Plan, bool Responsible);

    [BindProperty]
    public ServantInput Input { get; set; } = new();

    [BindProperty]
    public int? LinkUserId { get; set; }

    public Servant Servant { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Accounts { get; private set; } = [];
    public IReadOnlyList<StaffRole> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int servantId)
    {
        if (!await LoadAsync(servantId))
        {
            return NotFound();
        }
        Input = ServantInput.From(Servant);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int servantId)
    {
        if (!await LoadAsync(servantId))
        {
            return NotFound();
        }
        await Input.ValidateAsync(db, ModelState, Servant.OrganizationId, servantId);
        if (!ModelState.IsValid)
        {
            return BadRequestPage();
        }
        Input.ApplyTo(Servant);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Servidor atualizado.";
        return Redirect($"/usuarios/servidores/{servantId}");
    }

    public async Task<IActionResult> OnPostLinkAsync(int servantId)
    {
        if (!await LoadAsync(servantId))
        {
            return NotFound();
        }
        // The data form was bound (empty) too: only the chosen account counts here.
        ModelState.Clear();
        Input = ServantInput.From(Servant);
        if (Servant.LinkedUserId is not null)
        {
            ModelState.AddModelError(nameof(LinkUserId), "Este servidor já está vinculado a uma conta.");
        }
        else if (LinkUserId is not int userId || Accounts.All(a => a.Value != userId.ToString()))
        {
            ModelState.AddModelError(nameof(LinkUserId), "Escolha a conta entre os executores do órgão.");
        }
        if (!ModelState.IsValid)
        {
            return BadRequestPage();
        }
        var user = await db.Users.FirstAsync(u => u.Id == LinkUserId);
        var outcome = await ServantLinking.LinkAsync(db, Servant, user, clock.GetUtcNow());
        await db.SaveChangesAsync($"Servidor {Servant.Name} vinculado à conta de {user.FullName}");
        TempData["Sucesso"] = $"{Servant.Name} vinculado à conta de {user.FullName}: {outcome.Responsible} ação(ões) como responsável e {outcome.Involved} como envolvido passaram para a conta.";
        return Redirect($"/usuarios/servidores/{servantId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int servantId)
    {
        if (!await LoadAsync(servantId))
        {
            return NotFound();
        }
        if (Roles.Count > 0)
        {
            TempData["Erro"] = "O servidor não pode ser excluído: responde por ações ou participa delas. Vincule-o a uma conta ou retire-o das ações antes.";
            return Redirect($"/usuarios/servidores/{servantId}");
        }
        db.Servants.Remove(Servant);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = $"Servidor {Servant.Name} excluído.";
        return Redirect("/usuarios/servidores");
    }

    private PageResult BadRequestPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(int servantId)
    {
        var servant = await db.Servants.Include(s => s.LinkedUser).FirstOrDefaultAsync(s => s.Id == servantId);
        if (servant is null)
        {
            return false;
        }
        Servant = servant;
        var organizationId = servant.OrganizationId;
        Units = await ServantInput.UnitsAsync(db, organizationId, servant.UnitId);
        Accounts = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.ProfileGrants.Any(g => g.UserId == u.Id && g.OrganizationId == organizationId && g.Profile == Profile.Executor))
            .OrderBy(u => u.FullName)
            .Select(u => new SelectListItem(u.Registration == null ? u.FullName + " (" + u.Email + ")" : u.FullName + " — MASP " + u.Registration, u.Id.ToString()))
            .ToListAsync();
        var responsible = await db.PlanActions.AsNoTracking().Where(a => a.ResponsibleServantId == servantId)
            .Select(a => new StaffRole(a.Id, a.Number, a.Title, a.Plan!.Title, true)).ToListAsync();
        var involved = await db.ActionServants.AsNoTracking().Where(p => p.ServantId == servantId)
            .Join(db.PlanActions, p => p.ActionId, a => a.Id, (p, a) => new StaffRole(a.Id, a.Number, a.Title, a.Plan!.Title, false)).ToListAsync();
        Roles = [.. responsible, .. involved];
        return true;
    }
}
