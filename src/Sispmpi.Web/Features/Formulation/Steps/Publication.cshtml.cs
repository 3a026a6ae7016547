using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>A document kept with the publication, as the page shows it.</summary>
public sealed record PublicationFile(string Kind, string Field, string Handler, string Label, string Hint, string Accept, string? Name)
{
    public bool Uploaded => Name is not null;
}

/// <summary>
/// Step 7: the publication act, the final signed PDF, the communication and training plans, the two
/// acknowledgements (recorded on their own page) and, at last, the publishing of the plan.
/// </summary>
[Authorize(Policy = Policies.Formulation)]
[WritePolicy(Policies.FormulationEdit)]
[EditablePlan]
public sealed class PublicationModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant, PlanLifecycle lifecycle,
    IFileStore files) : StepPageModel(db, progress, tenant)
{
    public const string FinalPdf = "pdf";
    public const string CommunicationPlan = "comunicacao";
    public const string TrainingPlan = "capacitacao";
    public const string ActionPlan = "plano-de-acao";
    public const string Folder = "publicacoes";

    private static readonly Missing[] _acknowledgements =
        [Missing.PublicationHeadAcknowledgement, Missing.PublicationInternalControlAcknowledgement];

    public sealed class ActInput
    {
        [StringLength(200, ErrorMessage = "O nome do ato deve ter até 200 caracteres.")]
        public string? ActName { get; set; }

        [StringLength(60, ErrorMessage = "O número do ato deve ter até 60 caracteres.")]
        public string? ActNumber { get; set; }

        public string? ActDate { get; set; }

        [StringLength(1000, ErrorMessage = "O endereço do ato deve ter até 1000 caracteres.")]
        public string? ActLink { get; set; }

        public bool HadLaunchEvent { get; set; }

        public string? LaunchEventDate { get; set; }

        [StringLength(1000, ErrorMessage = "A justificativa de não realizar evento de lançamento deve ter até 1000 caracteres.")]
        public string? LaunchEventJustification { get; set; }

        public bool HasPublicWebPage { get; set; }

        [StringLength(1000, ErrorMessage = "O endereço do sítio deve ter até 1000 caracteres.")]
        public string? WebPageUrl { get; set; }

        [StringLength(1000, ErrorMessage = "A justificativa de não disponibilizar o plano em sítio eletrônico deve ter até 1000 caracteres.")]
        public string? WebPageJustification { get; set; }
    }

    public ActInput Input { get; set; } = new();
    public PlanPublication? Saved { get; private set; }
    public IReadOnlyList<string> PublishBlockers { get; private set; } = [];
    public IReadOnlyList<string> PublishMissing { get; private set; } = [];
    public bool PublishRefused => PublishBlockers.Count > 0 || PublishMissing.Count > 0;
    public bool CanAcknowledge => !Plan.IsReadOnly && Policies.Allows(Policies.PublicationAcknowledge, Tenant);

    public IReadOnlyList<PublicationFile> Files =>
    [
        new(FinalPdf, "FinalPdf", "UploadFinalPdf", "PDF final assinado", "Somente PDF, até 10 MB.", ".pdf,application/pdf", Saved?.FinalPdfName),
        new(CommunicationPlan, "CommunicationPlan", "UploadCommunicationPlan", "Plano de comunicação", "PDF, DOC, DOCX ou ODT, até 10 MB.",
            ".pdf,.doc,.docx,.odt", Saved?.CommunicationPlanName),
        new(TrainingPlan, "TrainingPlan", "UploadTrainingPlan", "Plano de capacitação", "PDF, DOC, DOCX ou ODT, até 10 MB.",
            ".pdf,.doc,.docx,.odt", Saved?.TrainingPlanName),
        new(ActionPlan, "ActionPlan", "UploadActionPlan", "Plano de ação consolidado", ActionPlanFile.Hint, ActionPlanFile.Accept, Saved?.ActionPlanName),
    ];

    public static string FileUrl(int planId, string kind) => $"/planos/{planId}/etapas/publicacao?handler=File&arquivo={kind}";

    public async Task<IActionResult> OnGetAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await LoadSavedAsync(fillForm: true);
        return Page();
    }

    /// <summary>A stored document, for whoever reads the formulation: <c>?arquivo=pdf|comunicacao|capacitacao|plano-de-acao</c>.</summary>
    public async Task<IActionResult> OnGetFileAsync(int planId, string? arquivo)
    {
        var publication = await Db.PlanPublications.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId);
        var (key, name) = arquivo switch
        {
            FinalPdf => (publication?.FinalPdfKey, publication?.FinalPdfName),
            CommunicationPlan => (publication?.CommunicationPlanKey, publication?.CommunicationPlanName),
            TrainingPlan => (publication?.TrainingPlanKey, publication?.TrainingPlanName),
            ActionPlan => (publication?.ActionPlanKey, publication?.ActionPlanName),
            _ => (null, null),
        };
        var bytes = key is null ? null : await files.ReadAsync(key);
        if (bytes is null)
        {
            return NotFound();
        }
        var contentType = arquivo == ActionPlan ? ActionPlanFile.ContentType(name, bytes) : UploadedFiles.ContentType(UploadedFiles.Detect(bytes));
        return File(bytes, contentType, name ?? "documento");
    }

    /// <summary>
    /// Saves the act and the two yes/no answers, each with what goes with it: the launch event's date or the reason for
    /// not holding one, the web page's address or the reason for not having one.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await LoadSavedAsync(fillForm: false);
        await TryUpdateModelAsync(Input, nameof(Input));
        var date = FormValues.Date(ModelState, "Input.ActDate", Input.ActDate, "a data do ato");
        var link = FormValues.Link(ModelState, "Input.ActLink", Input.ActLink, "o endereço (link) do ato");
        var eventDate = Input.HadLaunchEvent
            ? FormValues.Date(ModelState, "Input.LaunchEventDate", Input.LaunchEventDate, "a data do evento de lançamento", required: true)
            : null;
        var eventJustification = Input.HadLaunchEvent ? null : FormValues.Clean(Input.LaunchEventJustification);
        if (!Input.HadLaunchEvent && eventJustification is null)
        {
            ModelState.AddModelError("Input.LaunchEventJustification", "Informe a justificativa de não realizar evento de lançamento.");
        }
        var webPage = Input.HasPublicWebPage
            ? FormValues.Link(ModelState, "Input.WebPageUrl", Input.WebPageUrl, "o endereço do sítio em que o plano está disponível", required: true)
            : null;
        var webPageJustification = Input.HasPublicWebPage ? null : FormValues.Clean(Input.WebPageJustification);
        if (!Input.HasPublicWebPage && webPageJustification is null)
        {
            ModelState.AddModelError("Input.WebPageJustification", "Informe a justificativa de não disponibilizar o plano em sítio eletrônico.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var publication = await EnsurePublicationAsync();
        publication.ActName = FormValues.Clean(Input.ActName);
        publication.ActNumber = FormValues.Clean(Input.ActNumber);
        publication.ActDate = date;
        publication.ActLink = link;
        publication.HadLaunchEvent = Input.HadLaunchEvent;
        publication.LaunchEventDate = eventDate;
        publication.LaunchEventJustification = eventJustification;
        publication.HasPublicWebPage = Input.HasPublicWebPage;
        publication.WebPageUrl = webPage;
        publication.WebPageJustification = webPageJustification;
        await Db.SaveChangesAsync();
        await lifecycle.MarkInPreparationAsync(planId);
        TempData["Sucesso"] = "Dados da publicação salvos.";
        return Redirect($"/planos/{planId}/etapas/publicacao");
    }

    public Task<IActionResult> OnPostUploadFinalPdfAsync(int planId, IFormFile? finalPdf) => UploadAsync(planId, FinalPdf, finalPdf);

    public Task<IActionResult> OnPostUploadCommunicationPlanAsync(int planId, IFormFile? communicationPlan) =>
        UploadAsync(planId, CommunicationPlan, communicationPlan);

    public Task<IActionResult> OnPostUploadTrainingPlanAsync(int planId, IFormFile? trainingPlan) => UploadAsync(planId, TrainingPlan, trainingPlan);

    public Task<IActionResult> OnPostUploadActionPlanAsync(int planId, IFormFile? actionPlan) => UploadAsync(planId, ActionPlan, actionPlan);

    /// <summary>Publishes the plan through the life cycle, or shows what still prevents it.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int planId)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await LoadSavedAsync(fillForm: true);
        // Whether to publish is FormulationSteps.CanPublish's answer alone; the page then says what each step lacks.
        if (await lifecycle.PublicationRefusalAsync(planId) is string refused)
        {
            var publication = Progress[FormulationStep.Publication].Missing.Where(m => m != Missing.Published).ToList();
            var bothAcknowledgements = _acknowledgements.All(publication.Contains);
            PublishBlockers = publication.Where(m => !(bothAcknowledgements && _acknowledgements.Contains(m))).Select(StepTexts.Sentence)
                .Concat(bothAcknowledgements ? ["Faltam as ciências da alta administração e do controle interno."] : [])
                .ToList();
            PublishMissing = Progress.Steps
                .Where(s => s.Step != FormulationStep.Publication && s.State != StepState.Done)
                .SelectMany(s => s.Missing.Select(m => $"Etapa {(int)s.Step} ({StepTexts.Title(s.Step).ToLowerInvariant()}): {StepTexts.Sentence(m)}"))
                .ToList();
            if (!PublishRefused)
            {
                PublishBlockers = [refused];
            }
            return Page();
        }
        if (await lifecycle.PublishAsync(planId) is string refusal)
        {
            PublishBlockers = [refusal];
            return Page();
        }
        TempData["Sucesso"] = "Plano publicado. O órgão central, o controle interno, o comitê de monitoramento e a comissão de integridade foram avisados por e-mail.";
        return Redirect($"/planos/{planId}");
    }

    private async Task<IActionResult> UploadAsync(int planId, string kind, IFormFile? file)
    {
        if (!await LoadAsync(planId))
        {
            return NotFound();
        }
        await LoadSavedAsync(fillForm: true);
        var slot = Files.First(f => f.Kind == kind);
        byte[]? content = null;
        if (file is null)
        {
            ModelState.AddModelError(slot.Field, "Escolha o arquivo a enviar.");
        }
        else if (file.Length == 0)
        {
            ModelState.AddModelError(slot.Field, "O arquivo está vazio.");
        }
        else if (file.Length > UploadedFiles.MaxBytes)
        {
            ModelState.AddModelError(slot.Field, $"O arquivo tem {UploadedFiles.Size(file.Length)}; o limite é de 10 MB.");
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            content = buffer.ToArray();
            if (PublicationFiles.Check(kind, file.FileName, content) is { } refusal)
            {
                ModelState.AddModelError(slot.Field, refusal);
            }
        }
        if (!ModelState.IsValid || content is null)
        {
            return Page();
        }

        var publication = await EnsurePublicationAsync();
        var name = UploadedFiles.OriginalName(file!.FileName, kind == FinalPdf ? "plano-assinado.pdf" : $"plano-de-{kind}");
        var key = await files.SaveAsync(Folder, content);
        string? previous;
        var message = $"{slot.Label} enviado: {name}.";
        switch (kind)
        {
            case FinalPdf:
                (previous, publication.FinalPdfKey, publication.FinalPdfName) = (publication.FinalPdfKey, key, name);
                // The acknowledgements were given on the document that is being replaced.
                if (publication.HeadAcknowledgedAt is not null || publication.InternalControlAcknowledgedAt is not null)
                {
                    publication.HeadAcknowledgedAt = null;
                    publication.HeadAcknowledgedBy = null;
                    publication.InternalControlAcknowledgedAt = null;
                    publication.InternalControlAcknowledgedBy = null;
                    message += " Como o PDF mudou, as ciências registradas foram desfeitas e devem ser dadas de novo.";
                }
                break;
            case ActionPlan:
                (previous, publication.ActionPlanKey, publication.ActionPlanName) = (publication.ActionPlanKey, key, name);
                message = $"Plano de ação consolidado enviado: {name}.";
                break;
            case CommunicationPlan:
                (previous, publication.CommunicationPlanKey, publication.CommunicationPlanName) = (publication.CommunicationPlanKey, key, name);
                message = $"Plano de comunicação enviado: {name}.";
                break;
            default:
                (previous, publication.TrainingPlanKey, publication.TrainingPlanName) = (publication.TrainingPlanKey, key, name);
                message = $"Plano de capacitação enviado: {name}.";
                break;
        }
        await Db.SaveChangesAsync();
        if (previous is not null)
        {
            await files.DeleteAsync(previous);
        }
        await lifecycle.MarkInPreparationAsync(planId);
        TempData["Sucesso"] = message;
        return Redirect($"/planos/{planId}/etapas/publicacao#documentos");
    }

    private async Task<PlanPublication> EnsurePublicationAsync()
    {
        var publication = await Db.PlanPublications.FirstOrDefaultAsync(p => p.PlanId == Plan.Id);
        if (publication is null)
        {
            publication = new PlanPublication { OrganizationId = Plan.OrganizationId, PlanId = Plan.Id };
            Db.PlanPublications.Add(publication);
        }
        return publication;
    }

    private async Task LoadSavedAsync(bool fillForm)
    {
        Saved = await Db.PlanPublications.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == Plan.Id);
        if (fillForm && Saved is { } p)
        {
            Input = new ActInput
            {
                ActName = p.ActName, ActNumber = p.ActNumber, ActDate = FormValues.DateText(p.ActDate), ActLink = p.ActLink,
                HadLaunchEvent = p.HadLaunchEvent, LaunchEventDate = FormValues.DateText(p.LaunchEventDate), LaunchEventJustification = p.LaunchEventJustification,
                HasPublicWebPage = p.HasPublicWebPage, WebPageUrl = p.WebPageUrl, WebPageJustification = p.WebPageJustification,
            };
        }
    }
}
