using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sispmpi.Web.Features.Transparency.OpenData;

/// <summary>The open-data page: the files to download and the data dictionary of every column.</summary>
[AllowAnonymous]
[PublicCache]
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<OpenDataSet> Sets => OpenDataSet.All;

    public void OnGet()
    {
    }
}

/// <summary>
/// One open-data file, named by its address (<c>/dados-abertos/acoes.csv</c>): each file has a page of its own so that
/// every address is plain and listed, and they all share this model.
/// </summary>
[AllowAnonymous]
[PublicCache]
public sealed class FileModel(PublicData data) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var fileName = Path.GetFileName(Request.Path.Value ?? "");
        var extension = Path.GetExtension(fileName);
        if (OpenDataSet.Named(Path.GetFileNameWithoutExtension(fileName)) is not { } set || extension is not (".csv" or ".json"))
        {
            return NotFound();
        }
        var table = await set.LoadAsync(data, HttpContext.RequestAborted);
        return extension == ".csv"
            ? File(OpenDataWriter.Csv(table), OpenDataWriter.CsvContentType, fileName)
            : File(OpenDataWriter.Json(table), OpenDataWriter.JsonContentType, fileName);
    }
}
