using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Features.Formulation.Steps;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>
/// Tab "Execução": the execution record (status derived from its dates), the evidence (links, process numbers,
/// files) and, for an action with a quantitative goal, its dated measurements. Everyone who reads the plan sees it;
/// the action's executors change it while the plan is published.
/// </summary>
[Authorize(Policy = Policies.PlansRead)]
[WritePolicy(Policies.ExecutionRecord)]
public sealed class RecordModel(SispmpiDbContext db, ActionAccess access, ActionLights lights, EvidenceService evidence, TenantContext tenant, TimeProvider clock)
    : ActionPageModel(db, access, lights)
{
    public sealed record EvidenceRow(int Id, EvidenceKind Kind, string Description, string? Url, string? ProcessNumber, string? FileName,
        long? FileSize, DateTimeOffset AddedAt, string? AddedBy);

    public sealed record MeasurementRow(int Id, DateOnly MeasuredOn, decimal Value, string? Note, DateTimeOffset RecordedAt, string? RecordedBy);

    public override ActionTab Tab => ActionTab.Execution;

    public RecordInput Record { get; set; } = new();
    public LinkInput Link { get; set; } = new();
    public ProcessInput Process { get; set; } = new();
    public FileInput Upload { get; set; } = new();
    public MeasurementInput Measurement { get; set; } = new();

    public IReadOnlyList<EvidenceRow> Evidence { get; private set; } = [];
    public IReadOnlyList<MeasurementRow> Measurements { get; private set; } = [];
    public IReadOnlyList<ChoiceOption> LimitingFactorOptions { get; private set; } = [];
    public long MaxFileBytes => evidence.MaxBytes;
    /// <summary>Which evidence form failed, so the page opens it with its errors.</summary>
    public string? OpenEvidenceForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return NotFound();
        }
        Record = RecordInput.From(Action);
        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int actionId)
    {
        if (await BeginWriteAsync(actionId) is { } refused)
        {
            return refused;
        }
        var input = new RecordInput();
        await TryUpdateModelAsync(input, "Record");
        Record = input;
        input.Validate(ModelState, clock.Today());
        await LoadListsAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (input.ApplyTo(Action, Choices.Keep(LimitingFactorOptions, input.LimitingFactors)))
        {
            Action.LastUpdateAt = clock.GetUtcNow();
            await Db.SaveChangesAsync();
            RefreshLight();
        }
        TempData["Sucesso"] = $"Execução registrada. Situação: {Shared.Labels.Of(Action.Status).ToLowerInvariant()}; farol {Shared.Labels.Of(Light).ToLowerInvariant()}.";
        return Redirect($"/acoes/{Action.Id}/execucao");
    }

    public async Task<IActionResult> OnPostLinkAsync(int actionId)
    {
        if (await BeginWriteAsync(actionId) is { } refused)
        {
            return refused;
        }
        var input = new LinkInput();
        await TryUpdateModelAsync(input, "Link");
        Link = input;
        var url = input.Validate(ModelState);
        if (!ModelState.IsValid || url is null)
        {
            return await InvalidEvidenceAsync("link");
        }
        await evidence.AddLinkAsync(Action, input.Description!.Trim(), url);
        return EvidenceAdded(input.Description);
    }

    public async Task<IActionResult> OnPostProcessAsync(int actionId)
    {
        if (await BeginWriteAsync(actionId) is { } refused)
        {
            return refused;
        }
        var input = new ProcessInput();
        await TryUpdateModelAsync(input, "Process");
        Process = input;
        var number = input.Validate(ModelState);
        if (!ModelState.IsValid || number is null)
        {
            return await InvalidEvidenceAsync("processo");
        }
        await evidence.AddProcessAsync(Action, input.Description!.Trim(), number.Value);
        return EvidenceAdded(input.Description);
    }

    public async Task<IActionResult> OnPostFileAsync(int actionId)
    {
        if (await BeginWriteAsync(actionId) is { } refused)
        {
            return refused;
        }
        var input = new FileInput();
        await TryUpdateModelAsync(input, "Upload");
        Upload = input;
        var file = input.File;
        if (file is null)
        {
            ModelState.AddModelError("Upload.File", "Escolha o arquivo.");
            return await InvalidEvidenceAsync("arquivo");
        }
        var (content, check) = await evidence.ReadAndCheckAsync(file);
        if (!check.IsValid)
        {
            ModelState.AddModelError("Upload.File", check.Error!);
        }
        if (!ModelState.IsValid)
        {
            return await InvalidEvidenceAsync("arquivo");
        }
        await evidence.AddFileAsync(Action, input.Description!.Trim(), file.FileName.Trim(), content, check);
        return EvidenceAdded(input.Description);
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int actionId, int evidenceId)
    {
        if (await BeginWriteAsync(actionId) is { } refused)
        {
            return refused;
        }
        var item = await Db.ActionEvidence.FirstOrDefaultAsync(e => e.Id == evidenceId && e.ActionId == actionId);
        if (item is null)
        {
            return NotFound();
        }
        await evidence.RemoveAsync(Action, item);
        TempData["Sucesso"] = $"Evidência “{item.Description}” excluída.";
        return Redirect($"/acoes/{Action.Id}/execucao#evidencias");
    }

    public async Task<IActionResult> OnPostMeasurementAsync(int actionId)
    {
        if (await BeginWriteAsync(actionId) is { } refused)
        {
            return refused;
        }
        if (Action.GoalTarget is null)
        {
            return Refuse("Esta ação não tem meta quantitativa: não há o que medir.");
        }
        var input = new MeasurementInput();
        await TryUpdateModelAsync(input, "Measurement");
        Measurement = input;
        input.Validate(ModelState, clock.Today());
        if (!ModelState.IsValid)
        {
            Record = RecordInput.From(Action);
            await LoadListsAsync();
            return Page();
        }
        var now = clock.GetUtcNow();
        Db.ActionMeasurements.Add(new ActionMeasurement
        {
            OrganizationId = Action.OrganizationId, ActionId = Action.Id, MeasuredOn = input.MeasuredOn!.Value, Value = input.Value!.Value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), RecordedAt = now, RecordedById = tenant.UserId,
        });
        await Db.SaveChangesAsync();
        await UpdateCurrentValueAsync(now);
        TempData["Sucesso"] = "Medição registrada.";
        return Redirect($"/acoes/{Action.Id}/execucao#medicoes");
    }

    public async Task<IActionResult> OnPostRemoveMeasurementAsync(int actionId, int measurementId)
    {
        if (await BeginWriteAsync(actionId) is { } refused)
        {
            return refused;
        }
        var measurement = await Db.ActionMeasurements.FirstOrDefaultAsync(m => m.Id == measurementId && m.ActionId == actionId);
        if (measurement is null)
        {
            return NotFound();
        }
        Db.ActionMeasurements.Remove(measurement);
        await Db.SaveChangesAsync();
        await UpdateCurrentValueAsync(clock.GetUtcNow());
        TempData["Sucesso"] = $"Medição de {Shared.Labels.Date(measurement.MeasuredOn)} excluída.";
        return Redirect($"/acoes/{Action.Id}/execucao#medicoes");
    }

    /// <summary>Loads the action and refuses the write when the user may not record its execution.</summary>
    private async Task<IActionResult?> BeginWriteAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return NotFound();
        }
        return Rights.CanRecord ? null : Refuse(Rights.WhyNot);
    }

    /// <summary>The latest measurement (by date, then by when it was recorded) is the action's current value.</summary>
    private async Task UpdateCurrentValueAsync(DateTimeOffset now)
    {
        var latest = await Db.ActionMeasurements.AsNoTracking().Where(m => m.ActionId == Action.Id)
            .OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id).Select(m => (decimal?)m.Value).FirstOrDefaultAsync();
        Action.CurrentValue = latest;
        Action.LastUpdateAt = now;
        await Db.SaveChangesAsync();
    }

    private async Task<IActionResult> InvalidEvidenceAsync(string form)
    {
        OpenEvidenceForm = form;
        Record = RecordInput.From(Action);
        await LoadListsAsync();
        return Page();
    }

    private RedirectResult EvidenceAdded(string? description)
    {
        TempData["Sucesso"] = $"Evidência “{description!.Trim()}” incluída.";
        return Redirect($"/acoes/{Action.Id}/execucao#evidencias");
    }


    private async Task LoadListsAsync()
    {
        Evidence = await Db.ActionEvidence.AsNoTracking().Where(e => e.ActionId == Action.Id).OrderByDescending(e => e.Id)
            .Select(e => new EvidenceRow(e.Id, e.Kind, e.Description, e.Url, e.ProcessNumber, e.FileName, e.FileSize, e.AddedAt, e.AddedBy!.FullName))
            .ToListAsync();
        Measurements = await Db.ActionMeasurements.AsNoTracking().Where(m => m.ActionId == Action.Id)
            .OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id)
            .Select(m => new MeasurementRow(m.Id, m.MeasuredOn, m.Value, m.Note, m.RecordedAt, m.RecordedBy!.FullName))
            .ToListAsync();
        LimitingFactorOptions = await Choices.OptionsAsync(Db, CatalogKind.LimitingFactor, Action.LimitingFactors);
    }
}
