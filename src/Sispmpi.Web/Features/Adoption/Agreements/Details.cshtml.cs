using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Core.Adoption;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

[Authorize(Policy = Policies.Adoption)]
public sealed class DetailsModel(SispmpiDbContext db, TimeProvider clock) : PageModel
{
    public CooperationAgreement Agreement { get; private set; } = null!;
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int agreementId)
    {
        if (await AgreementQueries.LoadAsync(db, agreementId) is not { } agreement)
        {
            return NotFound();
        }
        Agreement = agreement;
        var today = clock.Today();
        Goals = agreement.Goals.Select(g => GoalStatuses.View(g, agreement, today)).ToList();
        return Page();
    }
}
