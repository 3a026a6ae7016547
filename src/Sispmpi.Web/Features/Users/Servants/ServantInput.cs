using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Features.Users.Servants;

public sealed class ServantInput
{
    [Required(ErrorMessage = "Informe o nome do servidor.")]
    [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
    public string Name { get; set; } = "";

    [StringLength(30, ErrorMessage = "O MASP/matrícula deve ter até 30 caracteres.")]
    public string? Registration { get; set; }

    [StringLength(200, ErrorMessage = "O cargo deve ter até 200 caracteres.")]
    public string? Position { get; set; }

    public int? UnitId { get; set; }

    public static ServantInput From(Servant s) => new() { Name = s.Name, Registration = s.Registration, Position = s.Position, UnitId = s.UnitId };

    public async Task ValidateAsync(SispmpiDbContext db, ModelStateDictionary modelState, int organizationId, int? editingId)
    {
        if (UnitId is int unitId && !await db.AdministrativeUnits.AnyAsync(u => u.Id == unitId && u.OrganizationId == organizationId))
        {
            modelState.AddModelError("Input.UnitId", "Escolha uma unidade administrativa do órgão.");
        }
        var registration = Clean(Registration);
        if (registration is not null
            && await db.Servants.AnyAsync(s => s.OrganizationId == organizationId && s.Registration == registration && s.Id != editingId && s.LinkedUserId == null))
        {
            modelState.AddModelError("Input.Registration", "Já existe um servidor com este MASP/matrícula no órgão.");
        }
    }

    public void ApplyTo(Servant servant)
    {
        servant.Name = Name.Trim();
        servant.Registration = Clean(Registration);
        servant.Position = Clean(Position);
        servant.UnitId = UnitId;
    }

    public static async Task<IReadOnlyList<SelectListItem>> UnitsAsync(SispmpiDbContext db, int organizationId, int? currentUnitId) =>
        await db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.OrganizationId == organizationId && (u.IsActive || u.Id == currentUnitId))
            .OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.Acronym == null ? u.Name : u.Acronym + " — " + u.Name, u.Id.ToString()))
            .ToListAsync();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the servant form partial needs.</summary>
public sealed record ServantFormView(ServantInput Input, IReadOnlyList<SelectListItem> Units);
