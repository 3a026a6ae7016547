using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Maturity;

/// <summary>
/// The central administrator keeps the maturity model: the current version is shown and edited as JSON; a valid
/// model with a new (id, version) becomes the version new cycles use, while cycles already started keep theirs.
/// </summary>
[Authorize(Policy = Policies.MaturityModelEdit)]
public sealed class ModelEditorModel(SispmpiDbContext db, MaturityModels models, TenantContext tenant) : PageModel
{
    public sealed record VersionRow(int Id, string ModelId, int Version, string Title, bool IsCurrent, DateTimeOffset CreatedAt, string? CreatedBy, int Cycles);

    public MaturityModelVersion Current { get; private set; } = null!;
    public MaturityModel CurrentModel { get; private set; } = null!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public ModelInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.Json = Current.Json;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = new ModelInput();
        await TryUpdateModelAsync(input, "Input");
        Input = input;
        MaturityModel? model = null;
        if (ModelState.IsValid)
        {
            try
            {
                model = MaturityModel.Parse(input.Json!);
            }
            catch (MaturityModelException e)
            {
                ModelState.AddModelError("Input.Json", $"O modelo não foi salvo. {e.Message}");
            }
        }
        if (model is not null)
        {
            var latest = await db.MaturityModels.AsNoTracking().Where(m => m.ModelId == model.Id).MaxAsync(m => (int?)m.Version);
            if (latest >= model.Version)
            {
                ModelState.AddModelError("Input.Json",
                    $"Aumente a versão do modelo: “{model.Id}” já tem a versão {latest}; salve com a versão {latest + 1} ou maior. "
                    + "Uma versão salva não muda, porque os ciclos que a usaram continuam a depender dela.");
            }
        }
        if (!ModelState.IsValid || model is null)
        {
            await LoadAsync();
            return Page();
        }
        var saved = await models.SaveAsync(model, tenant.UserId);
        TempData["Sucesso"] = $"Modelo “{saved.Title}” salvo na versão {saved.Version}. Os novos ciclos usarão esta versão; os ciclos já iniciados mantêm a sua.";
        return Redirect("/maturidade/modelo");
    }

    private async Task LoadAsync()
    {
        (Current, CurrentModel) = await models.CurrentAsync();
        var cycles = await db.MaturityCycles.GroupBy(c => c.ModelVersionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        var versions = await db.MaturityModels.AsNoTracking().OrderByDescending(m => m.Id)
            .Select(m => new { m.Id, m.ModelId, m.Version, m.Title, m.IsCurrent, m.CreatedAt, CreatedBy = db.Users.Where(u => u.Id == m.CreatedById).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync();
        Versions = versions.Select(v => new VersionRow(v.Id, v.ModelId, v.Version, v.Title, v.IsCurrent, v.CreatedAt, v.CreatedBy, cycles.GetValueOrDefault(v.Id))).ToList();
    }
}
