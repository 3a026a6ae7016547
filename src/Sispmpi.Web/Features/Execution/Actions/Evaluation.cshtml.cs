using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>Tab "Avaliação": internal control's evaluation recommendations on the action, answered once by its executors (SPEC §3.4).</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class EvaluationModel(SispmpiDbContext db, ActionAccess access, ActionLights lights, Recommendations recommendations,
    TenantContext tenant, TimeProvider clock) : RecommendationTabModel(db, access, lights, recommendations, clock)
{
    public override ActionTab Tab => ActionTab.Evaluation;
    public override RecommendationSource Source => RecommendationSource.InternalControl;

    protected override bool MayRecommend() => tenant.Has(Profile.InternalControl) && Action.OrganizationId == tenant.CurrentOrganizationId;

    public async Task<IActionResult> OnGetAsync(int actionId) => await LoadTabAsync(actionId) ? Page() : NotFound();
}
