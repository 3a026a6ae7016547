using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Documents;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Monitoring.Report;

/// <summary>A downloaded workbook read with the Open XML SDK: every sheet as rows of cell texts, by column position.</summary>
internal sealed class ReportWorkbook
{
    private ReportWorkbook(Dictionary<string, List<List<string>>> sheets) => Sheets = sheets;

    /// <summary>Sheet name → rows (the title row first, then the header row, then the data) → cells ("" when empty).</summary>
    public IReadOnlyDictionary<string, List<List<string>>> Sheets { get; }

    public List<string> Header(string sheet) => Sheets[sheet][1];

    /// <summary>The data rows of a sheet (below the title and header rows).</summary>
    public List<List<string>> Data(string sheet) => Sheets[sheet].Skip(2).ToList();

    /// <summary>The values of one column of a sheet's data rows, by header.</summary>
    public List<string> Column(string sheet, string header)
    {
        var index = Header(sheet).IndexOf(header);
        index.ShouldBeGreaterThanOrEqualTo(0, $"sheet {sheet} has no column {header}");
        return Data(sheet).Select(r => index < r.Count ? r[index] : "").ToList();
    }

    public string AllText => string.Join("\n", Sheets.Values.SelectMany(rows => rows).Select(r => string.Join("\t", r)));

    public static ReportWorkbook Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document).ShouldBeEmpty();
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.InnerText;
        var sheets = new Dictionary<string, List<List<string>>>();
        foreach (var sheet in part.Workbook.Descendants<Sheet>())
        {
            var rows = new List<List<string>>();
            foreach (var row in ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference!.Value!);
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }
                    cells.Add(Text(cell));
                }
                rows.Add(cells);
            }
            sheets[sheet.Name!.Value!] = rows;
        }
        return new ReportWorkbook(sheets);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }
}

internal static class ReportFiles
{
    public const string MonitorEmail = "monitor@demo.gov.br";
    public const string Observer = "observador@demo.gov.br";
    public const string DemoPlanTitle = "Plano de Integridade da SEPLAG";
    public const string Pdf = "application/pdf";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FormUrl(int planId) => $"/monitoramento/planos/{planId}/relatorio";

    public static string FileUrl(int planId, string extension, string query = "") =>
        $"/monitoramento/planos/{planId}/relatorio.{extension}{query}";

    public static Task<int> DemoPlanIdAsync(this SispmpiAppFactory app) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Title == DemoPlanTitle).Select(p => p.Id).SingleAsync());

    /// <summary>GETs a report file, checks status, content type and the ASCII file name, and returns its bytes.</summary>
    public static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {await response.Content.ReadAsStringAsync()}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        var extension = contentType == Pdf ? "pdf" : "xlsx";
        var name = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        name.ShouldMatch($@"^relatorio-de-monitoramento-[a-z0-9]+(-[a-z0-9]+)*-\d{{2}}-\d{{2}}-\d{{4}}\.{extension}$");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<string> PdfTextAsync(HttpClient client, string url, string name)
    {
        using var pdf = new PdfFile(await DownloadAsync(client, url, Pdf), name);
        return pdf.FlatText();
    }

    public static async Task<ReportWorkbook> WorkbookAsync(HttpClient client, string url) =>
        ReportWorkbook.Read(await DownloadAsync(client, url, Xlsx));

    /// <summary>Creates an active account with the demo password and the given profile in one organization; returns its e-mail.</summary>
    public static async Task<string> CreateUserAsync(this SispmpiAppFactory app, string organizationAcronym, Profile profile)
    {
        var email = $"relatorio-{Guid.NewGuid():N}"[..22] + "@demo.gov.br";
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var organizationId = await db.Organizations.Where(o => o.Acronym == organizationAcronym).Select(o => o.Id).SingleAsync();
        var user = new AppUser { UserName = email, Email = email, FullName = "Pessoa de outra organização", EmailConfirmed = true };
        var created = await users.CreateAsync(user, SispmpiAppFactory.DemoPassword);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = organizationId, Profile = profile });
        await db.SaveChangesAsync();
        return email;
    }
}
