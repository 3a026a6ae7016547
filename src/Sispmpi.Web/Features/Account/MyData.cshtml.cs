using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Account;

/// <summary>"Meus dados": what the installation holds about the signed-in person, to read here or download (LGPD).</summary>
[Authorize(Policy = Policies.Account)]
public sealed class MyDataModel(UserManager<AppUser> users, SispmpiDbContext db, TimeProvider clock) : PageModel
{
    public PersonalDataReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Report = await LoadAsync();
        return Report is null ? Challenge() : Page();
    }

    public async Task<IActionResult> OnGetJsonAsync() =>
        await LoadAsync() is { } report
            ? File(report.ToJson(), "application/json; charset=utf-8", $"meus-dados-{Stamp(report)}.json")
            : Challenge();

    public async Task<IActionResult> OnGetPdfAsync() =>
        await LoadAsync() is { } report
            ? File(report.ToPdf(), "application/pdf", $"meus-dados-{Stamp(report)}.pdf")
            : Challenge();

    private async Task<PersonalDataReport?> LoadAsync() =>
        int.TryParse(users.GetUserId(User), out var userId)
            ? await PersonalDataReport.LoadAsync(db, userId, clock.GetUtcNow(), HttpContext.RequestAborted)
            : null;

    private static string Stamp(PersonalDataReport report) =>
        TimeZoneInfo.ConvertTime(report.GeneratedAt, BrazilTime.Zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
