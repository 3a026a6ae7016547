using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>Tab "Avaliação", read-only here: internal control's evaluation of the action.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class EvaluationModel(SispmpiDbContext db, ActionAccess access, ActionLights lights) : ActionPageModel(db, access, lights)
{
    public override ActionTab Tab => ActionTab.Evaluation;

    public async Task<IActionResult> OnGetAsync(int actionId) => await LoadAsync(actionId) ? Page() : NotFound();
}
