using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>The monitoring committee's meetings (SPEC §3.3), newest first, searchable by title.</summary>
[Authorize(Policy = Policies.Monitoring)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant) : PageModel
{
    public sealed record Row(int Id, DateOnly Date, string Title, string? PlanTitle, int Participants, bool HasMinutes, bool Signed);

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Meetings { get; private set; } = null!;
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var organizationId = tenant.CurrentOrganizationId;
        CanCreate = organizationId is int id && MeetingRules.CanWrite(tenant, id);
        var query = db.Meetings.AsNoTracking().Where(m => m.OrganizationId == organizationId);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            query = query.Where(m => SearchText.Fold(m.Title)!.Contains(term));
        }
        Meetings = await query.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.Date, m.Title,
                db.Plans.Where(p => p.Id == m.PlanId).Select(p => p.Title).FirstOrDefault(),
                m.Participants.Count,
                m.Minutes != null,
                db.SignedDocuments.Any(d => d.Kind == DocumentKind.MeetingMinutes && d.SubjectId == m.Id)))
            .ToPagedAsync(PageNumber);
    }
}
