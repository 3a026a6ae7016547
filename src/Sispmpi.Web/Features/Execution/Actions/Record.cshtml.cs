using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Steps;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>
/// Tab "Execução": the execution record (status derived from its dates), the evidence (links, process numbers,
/// files) and, for an action with a quantitative goal, its dated measurements. Everyone who reads the plan sees it;
/// the action's executors change it while the plan is published.
/// </summary>
[Authorize(Policy = Policies.PlansRead)]
[WritePolicy(Policies.ExecutionRecord)]
public sealed class RecordModel(SispmpiDbContext db, ActionAccess access, ActionLights lights, EvidenceService evidence, ExecutionRecording recording)
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
        await LoadListsAsync();
        if (!await recording.RecordAsync(Action, input, LimitingFactorOptions, ModelState))
        {
            return Page();
        }
        RefreshLight();
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
            return Refuse(ExecutionRecording.NoGoalMessage);
        }
        var input = new MeasurementInput();
        await TryUpdateModelAsync(input, "Measurement");
        Measurement = input;
        if (await recording.AddMeasurementAsync(Action, input, ModelState) is null)
        {
            Record = RecordInput.From(Action);
            await LoadListsAsync();
            return Page();
        }
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
        await recording.RemoveMeasurementAsync(Action, measurement);
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
        LimitingFactorOptions = await recording.LimitingFactorOptionsAsync(Action);
    }
}
