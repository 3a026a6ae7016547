using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Features.Organizations;

/// <summary>What the organization form partial needs besides the input: the parents the user may choose.</summary>
public sealed record OrganizationFormView(OrganizationInput Input, IReadOnlyList<SelectListItem> Parents)
{
    public static async Task<IReadOnlyList<SelectListItem>> ParentsAsync(SispmpiDbContext db, int? excludingId) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.Id != excludingId)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Acronym + " — " + o.Name, o.Id.ToString()))
            .ToListAsync();
}
