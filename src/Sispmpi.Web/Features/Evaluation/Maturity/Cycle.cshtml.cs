using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Execution.Actions;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Maturity;

/// <summary>
/// The questionnaire of one self-assessment cycle: per dimension, each question with its five levels, a
/// justification and evidence, saved one question at a time; the progress and the scores come from
/// <see cref="MaturityScoring"/>. Internal control and the commission answer; internal control submits, and a
/// submitted cycle refuses every write with 403 and the date it was submitted.
/// </summary>
[Authorize(Policy = Policies.MaturityRead)]
[WritePolicy(Policies.MaturityWrite)]
public sealed class CycleModel(MaturityAssessments assessments, EvidenceService evidence) : PageModel
{
    /// <summary>The forms of a question, for <see cref="FailedForm"/>.</summary>
    public const string AnswerForm = "resposta";
    public const string LinkForm = "link";
    public const string ProcessForm = "processo";
    public const string FileForm = "arquivo";

    public CycleState State { get; private set; } = null!;
    public IReadOnlyList<MaturityEvidenceRow> Evidence { get; private set; } = [];
    /// <summary>Why the user may not change the cycle; null when they may.</summary>
    public string? ReadOnlyReason { get; private set; }
    public bool CanWrite => ReadOnlyReason is null;
    public bool CanSubmit => CanWrite && assessments.MaySubmit;
    public long MaxFileBytes => evidence.MaxBytes;

    public AnswerInput Answer { get; set; } = new();
    public LinkInput Link { get; set; } = new();
    public ProcessInput Process { get; set; } = new();
    public FileInput Upload { get; set; } = new();

    /// <summary>The question whose form failed validation, and which form: the page shows the typed values and errors there only.</summary>
    public string? FailedQuestionId { get; private set; }
    public string? FailedForm { get; private set; }
    public string? SubmitError { get; private set; }

    public MaturityCycle Cycle => State.Cycle;
    public MaturityModel Model => State.Model;
    public string CycleUrl => $"/maturidade/{Cycle.Id}";

    public IReadOnlyList<Crumb> Crumbs => [new("Maturidade", "/maturidade"), new($"Ciclo {Cycle.Year}")];

    public IEnumerable<MaturityEvidenceRow> EvidenceOf(string questionId) => Evidence.Where(e => e.QuestionId == questionId);

    public bool Failed(string questionId, string form) => FailedQuestionId == questionId && FailedForm == form;

    public async Task<IActionResult> OnGetAsync(int cycleId)
    {
        if (!await LoadAsync(cycleId))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(int cycleId, string? questionId)
    {
        if (await BeginWriteAsync(cycleId) is { } refused)
        {
            return refused;
        }
        if (Question(questionId) is not { } question)
        {
            return NotFound();
        }
        var input = new AnswerInput();
        await TryUpdateModelAsync(input, AnswerInput.Prefix);
        Answer = input;
        var level = input.Validate(ModelState);
        if (!ModelState.IsValid || level is null)
        {
            return Invalid(question.Id, AnswerForm);
        }
        var changed = await assessments.AnswerAsync(State, question.Id, level.Value, input.Justification!.Trim());
        TempData["Sucesso"] = changed
            ? $"Resposta à questão {Number(question.Id)} salva: nível {MaturityLevels.Name(level.Value).ToLowerInvariant()}."
            : $"A resposta à questão {Number(question.Id)} não mudou.";
        return Redirect($"{CycleUrl}#questao-{question.Id}");
    }

    public async Task<IActionResult> OnPostLinkAsync(int cycleId, string? questionId)
    {
        if (await BeginWriteAsync(cycleId) is { } refused)
        {
            return refused;
        }
        if (Question(questionId) is not { } question)
        {
            return NotFound();
        }
        var input = new LinkInput();
        await TryUpdateModelAsync(input, "Link");
        Link = input;
        var url = input.Validate(ModelState);
        if (!ModelState.IsValid || url is null)
        {
            return Invalid(question.Id, LinkForm);
        }
        await assessments.AddLinkAsync(State, question.Id, input.Description!.Trim(), url);
        return EvidenceAdded(question.Id, input.Description);
    }

    public async Task<IActionResult> OnPostProcessAsync(int cycleId, string? questionId)
    {
        if (await BeginWriteAsync(cycleId) is { } refused)
        {
            return refused;
        }
        if (Question(questionId) is not { } question)
        {
            return NotFound();
        }
        var input = new ProcessInput();
        await TryUpdateModelAsync(input, "Process");
        Process = input;
        var number = input.Validate(ModelState);
        if (!ModelState.IsValid || number is null)
        {
            return Invalid(question.Id, ProcessForm);
        }
        await assessments.AddProcessAsync(State, question.Id, input.Description!.Trim(), number.Value);
        return EvidenceAdded(question.Id, input.Description);
    }

    public async Task<IActionResult> OnPostFileAsync(int cycleId, string? questionId)
    {
        if (await BeginWriteAsync(cycleId) is { } refused)
        {
            return refused;
        }
        if (Question(questionId) is not { } question)
        {
            return NotFound();
        }
        var input = new FileInput();
        await TryUpdateModelAsync(input, "Upload");
        Upload = input;
        var file = input.File;
        if (file is null)
        {
            ModelState.AddModelError("Upload.File", "Escolha o arquivo.");
            return Invalid(question.Id, FileForm);
        }
        var (content, check) = await evidence.ReadAndCheckAsync(file);
        if (!check.IsValid)
        {
            ModelState.AddModelError("Upload.File", check.Error!);
        }
        if (!ModelState.IsValid)
        {
            return Invalid(question.Id, FileForm);
        }
        await assessments.AddFileAsync(State, question.Id, input.Description!.Trim(), file.FileName.Trim(), content, check);
        return EvidenceAdded(question.Id, input.Description);
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int cycleId, int maturityEvidenceId)
    {
        if (await BeginWriteAsync(cycleId) is { } refused)
        {
            return refused;
        }
        if (await assessments.FindEvidenceAsync(State, maturityEvidenceId) is not { } item)
        {
            return NotFound();
        }
        var questionId = State.Answers.Values.FirstOrDefault(a => a.Id == item.AnswerId)?.QuestionId;
        await assessments.RemoveEvidenceAsync(item);
        TempData["Sucesso"] = $"Evidência “{item.Description}” excluída.";
        return Redirect(questionId is null ? CycleUrl : $"{CycleUrl}#questao-{questionId}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int cycleId)
    {
        if (await BeginWriteAsync(cycleId) is { } refused)
        {
            return refused;
        }
        if (!assessments.MaySubmit)
        {
            return Refuse(MaturityAssessments.SubmitterOnlyMessage);
        }
        if (State.Score.Answered == 0)
        {
            SubmitError = MaturityAssessments.NothingAnsweredMessage;
            return Page();
        }
        await assessments.SubmitAsync(State);
        var overall = State.Score.Overall is { } score ? $" Pontuação geral: {MaturityFormat.Score(score)}." : "";
        TempData["Sucesso"] = $"Ciclo de {Cycle.Year} enviado.{overall} A partir de agora ele não pode mais ser alterado.";
        return Redirect(CycleUrl);
    }

    /// <summary>"2.3": the question's number, dimension by dimension.</summary>
    public string Number(string questionId)
    {
        for (var d = 0; d < Model.Dimensions.Count; d++)
        {
            var questions = Model.Dimensions[d].Questions;
            for (var q = 0; q < questions.Count; q++)
            {
                if (questions[q].Id == questionId)
                {
                    return $"{d + 1}.{q + 1}";
                }
            }
        }
        return questionId;
    }

    private MaturityQuestion? Question(string? questionId) => Model.Questions.FirstOrDefault(q => q.Id == questionId);

    private async Task<bool> LoadAsync(int cycleId)
    {
        if (await assessments.LoadAsync(cycleId) is not { } state)
        {
            return false;
        }
        State = state;
        ReadOnlyReason = assessments.WhyReadOnly(state.Cycle);
        Evidence = await assessments.EvidenceAsync(cycleId);
        return true;
    }

    /// <summary>Loads the cycle and refuses the write, with the reason, when the user may not change it.</summary>
    private async Task<IActionResult?> BeginWriteAsync(int cycleId)
    {
        if (!await LoadAsync(cycleId))
        {
            return NotFound();
        }
        return ReadOnlyReason is { } reason ? Refuse(reason) : null;
    }

    /// <summary>403 with the reason shown on the error page.</summary>
    private static Refusal Refuse(string reason) => Refusal.Forbidden(reason);

    private PageResult Invalid(string questionId, string form)
    {
        FailedQuestionId = questionId;
        FailedForm = form;
        return Page();
    }

    private RedirectResult EvidenceAdded(string questionId, string? description)
    {
        TempData["Sucesso"] = $"Evidência “{description!.Trim()}” incluída na questão {Number(questionId)}.";
        return Redirect($"{CycleUrl}#questao-{questionId}");
    }

}
