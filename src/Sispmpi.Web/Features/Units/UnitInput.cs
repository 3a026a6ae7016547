using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;

namespace Sispmpi.Web.Features.Units;

public sealed class UnitInput
{
    [Required(ErrorMessage = "Informe o nome da unidade.")]
    [StringLength(300, ErrorMessage = "O nome deve ter até 300 caracteres.")]
    public string Name { get; set; } = "";

    [StringLength(40, ErrorMessage = "A sigla deve ter até 40 caracteres.")]
    public string? Acronym { get; set; }

    public int? ParentId { get; set; }
    public bool IsActive { get; set; } = true;

    public async Task ValidateAsync(SispmpiDbContext db, ModelStateDictionary modelState, int organizationId, int? editingId)
    {
        if (await db.AdministrativeUnits.AnyAsync(u => u.OrganizationId == organizationId && u.Name == Name.Trim() && u.Id != editingId))
        {
            modelState.AddModelError("Input.Name", "Já existe uma unidade com este nome na organização.");
        }
        if (ParentId is int parentId)
        {
            var parents = await db.AdministrativeUnits.Where(u => u.OrganizationId == organizationId).Select(u => new { u.Id, u.ParentId }).ToListAsync();
            if (parents.All(p => p.Id != parentId))
            {
                modelState.AddModelError("Input.ParentId", "Escolha uma unidade superior da mesma organização.");
                return;
            }
            // Walk up from the chosen parent: reaching the unit being edited would make a cycle.
            int? current = parentId;
            while (current is int id && editingId is not null)
            {
                if (id == editingId)
                {
                    modelState.AddModelError("Input.ParentId", "A unidade superior não pode ser a própria unidade nem uma unidade subordinada a ela.");
                    return;
                }
                current = parents.First(p => p.Id == id).ParentId;
            }
        }
    }

    public void ApplyTo(AdministrativeUnit unit)
    {
        unit.Name = Name.Trim();
        unit.Acronym = string.IsNullOrWhiteSpace(Acronym) ? null : Acronym.Trim().ToUpperInvariant();
        unit.ParentId = ParentId;
        unit.IsActive = IsActive;
    }

    public static async Task<IReadOnlyList<SelectListItem>> ParentsAsync(SispmpiDbContext db, int organizationId, int? excludingId) =>
        await db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.OrganizationId == organizationId && u.Id != excludingId)
            .OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.Acronym == null ? u.Name : u.Acronym + " — " + u.Name, u.Id.ToString()))
            .ToListAsync();
}

/// <summary>What the unit form partial needs: the input and the units that may be chosen as parent.</summary>
public sealed record UnitFormView(UnitInput Input, IReadOnlyList<SelectListItem> Parents);
