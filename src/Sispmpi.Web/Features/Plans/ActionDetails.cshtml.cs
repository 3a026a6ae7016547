using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Plans;

[Authorize(Policy = Policies.PlansRead)]
public sealed class ActionDetailsModel(SispmpiDbContext db) : PageModel
{
    public PlanAction Action { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        var action = await db.PlanActions.AsNoTracking()
            .Include(a => a.Plan).Include(a => a.Axis).Include(a => a.ExecutingUnit)
            .FirstOrDefaultAsync(a => a.Id == actionId);
        if (action is null)
        {
            return NotFound();
        }
        Action = action;
        return Page();
    }
}
