using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>
/// Step 2: the diagnosis, in four tabs filled in order — strategic information, instruments, results, and the
/// acknowledgement by the Alta administração (recorded on its own page, shown here read-only).
/// </summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class DiagnosisModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant, PlanLifecycle lifecycle)
    : StepPageModel(db, progress, tenant)
{
    private const int TextLimit = 10_000;
    private const string TextLimitMessage = "O texto deve ter até 10.000 caracteres.";

    public sealed class StrategicInput
    {
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? Mission { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? Vision { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? Values { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? OrganizationalStructure { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? Competences { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? Duties { get; set; }
    }

    public sealed class InstrumentsInput
    {
        public List<string> Instruments { get; set; } = [];
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? OtherInstruments { get; set; }
    }

    public sealed class ResultsInput
    {
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? MainFindings { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? DesiredFuture { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? ProgramObjectives { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? GovernanceStructure { get; set; }
        [StringLength(200, ErrorMessage = "A periodicidade deve ter até 200 caracteres.")] public string? MonitoringPeriodicity { get; set; }
        [StringLength(200, ErrorMessage = "A periodicidade deve ter até 200 caracteres.")] public string? EvaluationPeriodicity { get; set; }
        [StringLength(200, ErrorMessage = "A periodicidade deve ter até 200 caracteres.")] public string? UpdatePeriodicity { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? CommunicationAspects { get; set; }
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? TrainingAspects { get; set; }
        public List<string> ThematicAxes { get; set; } = [];
        [StringLength(TextLimit, ErrorMessage = TextLimitMessage)] public string? OtherThematicAxes { get; set; }
    }

    public StrategicInput Strategic { get; set; } = new();
    public InstrumentsInput InstrumentsForm { get; set; } = new();
    public ResultsInput Results { get; set; } = new();

    public DiagnosisTab Tab { get; private set; }
    public DiagnosisTabProgress Current => Progress[Tab];
    public Diagnosis? Saved { get; private set; }
    public IReadOnlyList<ChoiceOption> InstrumentOptions { get; private set; } = [];
    public IReadOnlyList<ChoiceOption> AxisOptions { get; private set; } = [];
    public ChoicesView InstrumentChoices => new("InstrumentsForm.Instruments", "instrumento", "Instrumentos utilizados no diagnóstico",
        "Escolha no catálogo todos os que foram usados.", InstrumentOptions, InstrumentsForm.Instruments.ToHashSet());

    public ChoicesView AxisChoices => new("Results.ThematicAxes", "eixo", "Eixos temáticos",
        "Os eixos do plano de ação (etapa 3) partem dos eixos escolhidos aqui.", AxisOptions, Results.ThematicAxes.ToHashSet());

    public bool CanAcknowledge => !Plan.IsReadOnly && Policies.Allows(Policies.DiagnosisAcknowledge, Tenant);

    public static string Letter(DiagnosisTab tab) => ((char)('a' + (int)tab - 1)).ToString();

    public async Task<IActionResult> OnGetAsync(int planId, string? aba)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        Tab = StepTexts.TabFromSlug(aba)
            ?? Progress.Tabs.FirstOrDefault(t => t.IsOpen && t.State != StepState.Done)?.Tab
            ?? (Progress[DiagnosisTab.Acknowledgement].IsOpen ? DiagnosisTab.Acknowledgement : DiagnosisTab.StrategicInformation);
        await LoadSavedAsync(fillForms: true);
        return Page();
    }

    public Task<IActionResult> OnPostStrategicAsync(int planId) => SaveAsync(planId, DiagnosisTab.StrategicInformation, async diagnosis =>
    {
        Strategic = new StrategicInput();
        if (!await TryUpdateModelAsync(Strategic, nameof(Strategic)))
        {
            return false;
        }
        diagnosis.Mission = FormValues.Clean(Strategic.Mission);
        diagnosis.Vision = FormValues.Clean(Strategic.Vision);
        diagnosis.Values = FormValues.Clean(Strategic.Values);
        diagnosis.OrganizationalStructure = FormValues.Clean(Strategic.OrganizationalStructure);
        diagnosis.Competences = FormValues.Clean(Strategic.Competences);
        diagnosis.Duties = FormValues.Clean(Strategic.Duties);
        return true;
    });

    public Task<IActionResult> OnPostInstrumentsAsync(int planId) => SaveAsync(planId, DiagnosisTab.Instruments, async diagnosis =>
    {
        InstrumentsForm = new InstrumentsInput();
        if (!await TryUpdateModelAsync(InstrumentsForm, nameof(InstrumentsForm)))
        {
            return false;
        }
        diagnosis.Instruments = Choices.Keep(InstrumentOptions, InstrumentsForm.Instruments);
        diagnosis.OtherInstruments = FormValues.Clean(InstrumentsForm.OtherInstruments);
        return true;
    });

    public Task<IActionResult> OnPostResultsAsync(int planId) => SaveAsync(planId, DiagnosisTab.Results, async diagnosis =>
    {
        Results = new ResultsInput();
        if (!await TryUpdateModelAsync(Results, nameof(Results)))
        {
            return false;
        }
        diagnosis.MainFindings = FormValues.Clean(Results.MainFindings);
        diagnosis.DesiredFuture = FormValues.Clean(Results.DesiredFuture);
        diagnosis.ProgramObjectives = FormValues.Clean(Results.ProgramObjectives);
        diagnosis.GovernanceStructure = FormValues.Clean(Results.GovernanceStructure);
        diagnosis.MonitoringPeriodicity = FormValues.Clean(Results.MonitoringPeriodicity);
        diagnosis.EvaluationPeriodicity = FormValues.Clean(Results.EvaluationPeriodicity);
        diagnosis.UpdatePeriodicity = FormValues.Clean(Results.UpdatePeriodicity);
        diagnosis.CommunicationAspects = FormValues.Clean(Results.CommunicationAspects);
        diagnosis.TrainingAspects = FormValues.Clean(Results.TrainingAspects);
        diagnosis.ThematicAxes = Choices.Keep(AxisOptions, Results.ThematicAxes);
        diagnosis.OtherThematicAxes = FormValues.Clean(Results.OtherThematicAxes);
        return true;
    });

    /// <summary>Saves one tab, if it is open; then continues to the next tab once this one is complete.</summary>
    private async Task<IActionResult> SaveAsync(int planId, DiagnosisTab tab, Func<Diagnosis, Task<bool>> apply)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        Tab = tab;
        await LoadSavedAsync(fillForms: true);
        var diagnosis = await Db.Diagnoses.FirstOrDefaultAsync(d => d.PlanId == planId);
        var isNew = diagnosis is null;
        diagnosis ??= new Diagnosis { OrganizationId = Plan.OrganizationId, PlanId = planId };
        if (!Progress[tab].IsOpen)
        {
            AddFormError(tab == DiagnosisTab.StrategicInformation
                ? "O diagnóstico abre quando a etapa 1 (comissão de integridade) estiver concluída."
                : $"Esta parte abre quando a parte “{StepTexts.Title(tab - 1)}” estiver concluída.");
        }
        // Applied even when the tab is closed, so the form shows what was typed, with the reason it was not saved.
        if (!await apply(diagnosis) || !ModelState.IsValid)
        {
            return Page();
        }
        if (isNew)
        {
            Db.Diagnoses.Add(diagnosis);
        }
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        await RefreshProgressAsync();

        var saved = Progress[tab];
        var next = Progress.Tabs.FirstOrDefault(t => t.Tab > tab);
        if (saved.State == StepState.Done && next is not null)
        {
            TempData["Sucesso"] = next.Tab == DiagnosisTab.Acknowledgement
                ? $"{SavedMessage(tab)} O diagnóstico está completo e aguarda a ciência da alta administração."
                : $"{SavedMessage(tab)} Siga para a parte “{StepTexts.Title(next.Tab)}”.";
            return Redirect($"/planos/{planId}/etapas/diagnostico?aba={StepTexts.Slug(next.Tab)}");
        }
        TempData["Sucesso"] = saved.Missing.Count == 0
            ? $"{StepTexts.Title(tab)}: alterações salvas."
            : $"{StepTexts.Title(tab)}: o que foi preenchido está salvo. Complete o que falta para seguir à próxima parte.";
        return Redirect($"/planos/{planId}/etapas/diagnostico?aba={StepTexts.Slug(tab)}");
    }

    private static string SavedMessage(DiagnosisTab tab) => tab switch
    {
        DiagnosisTab.StrategicInformation => "Informações estratégicas salvas.",
        DiagnosisTab.Instruments => "Instrumentos de diagnóstico salvos.",
        _ => "Resultados salvos.",
    };

    private async Task LoadSavedAsync(bool fillForms)
    {
        Saved = await Db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == Plan.Id);
        InstrumentOptions = await Choices.OptionsAsync(Db, CatalogKind.DiagnosisInstrument, Saved?.Instruments);
        AxisOptions = await Choices.OptionsAsync(Db, CatalogKind.ThematicAxis, Saved?.ThematicAxes);
        if (!fillForms || Saved is not { } d)
        {
            return;
        }
        Strategic = new StrategicInput
        {
            Mission = d.Mission, Vision = d.Vision, Values = d.Values, OrganizationalStructure = d.OrganizationalStructure,
            Competences = d.Competences, Duties = d.Duties,
        };
        InstrumentsForm = new InstrumentsInput { Instruments = [.. d.Instruments], OtherInstruments = d.OtherInstruments };
        Results = new ResultsInput
        {
            MainFindings = d.MainFindings, DesiredFuture = d.DesiredFuture, ProgramObjectives = d.ProgramObjectives,
            GovernanceStructure = d.GovernanceStructure, MonitoringPeriodicity = d.MonitoringPeriodicity,
            EvaluationPeriodicity = d.EvaluationPeriodicity, UpdatePeriodicity = d.UpdatePeriodicity,
            CommunicationAspects = d.CommunicationAspects, TrainingAspects = d.TrainingAspects,
            ThematicAxes = [.. d.ThematicAxes], OtherThematicAxes = d.OtherThematicAxes,
        };
    }
}
