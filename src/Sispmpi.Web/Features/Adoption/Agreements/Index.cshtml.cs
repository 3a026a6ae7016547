using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

public static class AgreementQueries
{
    public static Task<CooperationAgreement?> LoadAsync(SispmpiDbContext db, int agreementId) => LoadAsync(db.Agreements, agreementId);

    /// <summary>The agreement with its parts, from <paramref name="agreements"/> (e.g. <see cref="AgreementAccess.Readable"/>).</summary>
    public static Task<CooperationAgreement?> LoadAsync(IQueryable<CooperationAgreement> agreements, int agreementId) =>
        agreements.AsNoTracking()
            .Include(a => a.Participants.OrderBy(p => p.Position))
            .Include(a => a.Axes.OrderBy(x => x.Position))
            .Include(a => a.Goals.OrderBy(g => g.Position)).ThenInclude(g => g.Responsible)
            .Include(a => a.Goals).ThenInclude(g => g.Records.OrderBy(r => r.Date))
            .Include(a => a.Adhesions).ThenInclude(x => x.Goals)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == agreementId);
}

[Authorize(Policy = Policies.AgreementsRead)]
public sealed class IndexModel(AgreementAccess access, TenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<CooperationAgreement> Agreements { get; private set; } = null!;

    /// <summary>The managing body creates agreements; a linked signatory only reads the ones it signs.</summary>
    public bool MayCreate => Policies.Allows(Policies.Adoption, tenant);

    public async Task OnGetAsync()
    {
        var query = access.Readable().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            query = query.Where(a => SearchText.Fold(a.Number)!.Contains(term) || SearchText.Fold(a.Object)!.Contains(term)
                || SearchText.Fold(a.ProcessNumber)!.Contains(term));
        }
        Agreements = await query.OrderByDescending(a => a.Id).ToPagedAsync(PageNumber);
    }
}
