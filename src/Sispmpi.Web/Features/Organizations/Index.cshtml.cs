using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Organizations;

[Authorize(Policy = Policies.Organizations)]
public sealed class IndexModel(SispmpiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Acronym, string Name, string Cnpj, OrganizationKind Kind, Sphere Sphere, string? Parent, bool IsActive);

    [BindProperty(SupportsGet = true, Name = "busca")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Organizations { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = SearchText.Term(Search)!;
            var cnpj = new string(Search.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
            query = query.Where(o => SearchText.Fold(o.Name)!.Contains(term) || SearchText.Fold(o.Acronym)!.Contains(term)
                || (cnpj.Length >= 4 && o.Cnpj.Contains(cnpj)));
        }
        Organizations = await query.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Acronym, o.Name, o.Cnpj, o.Kind, o.Sphere, o.Parent == null ? null : o.Parent.Acronym, o.IsActive))
            .ToPagedAsync(PageNumber);
    }

    public static string Format(string cnpj) => Cnpj.TryParse(cnpj, out var parsed) ? parsed.Formatted : cnpj;
}
