using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sispmpi.Core.Execution;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>The execution record of an action: dates from which its status is derived, budget, notes, limiting factors.</summary>
public sealed class RecordInput
{
    public DateOnly? StartedOn { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public DateOnly? DiscontinuedOn { get; set; }

    [StringLength(2000, ErrorMessage = "A justificativa pode ter no máximo 2.000 caracteres.")]
    public string? DiscontinuationJustification { get; set; }

    public decimal? BudgetSpent { get; set; }

    /// <summary>The largest budget the column holds (18 digits, 2 decimals) is far beyond any plan: this is the sane limit.</summary>
    public const decimal MaxBudget = 999_999_999_999m;

    [StringLength(4000, ErrorMessage = "As observações podem ter no máximo 4.000 caracteres.")]
    public string? Notes { get; set; }

    public List<string> LimitingFactors { get; set; } = [];

    [StringLength(1000, ErrorMessage = "Os outros fatores limitantes podem ter no máximo 1.000 caracteres.")]
    public string? OtherLimitingFactors { get; set; }

    public static RecordInput From(PlanAction action) => new()
    {
        StartedOn = action.StartedOn, ConcludedOn = action.ConcludedOn, DiscontinuedOn = action.DiscontinuedOn,
        DiscontinuationJustification = action.DiscontinuationJustification, BudgetSpent = action.BudgetSpent,
        Notes = action.ExecutionNotes, LimitingFactors = action.LimitingFactors ?? [], OtherLimitingFactors = action.OtherLimitingFactors,
    };

    /// <summary>The rules between the dates (SPEC §3.2): the status is derived from them, so they must tell one story.</summary>
    public void Validate(ModelStateDictionary state, DateOnly today)
    {
        const string prefix = "Record.";
        foreach (var (field, date) in new[] { ("StartedOn", StartedOn), ("ConcludedOn", ConcludedOn), ("DiscontinuedOn", DiscontinuedOn) })
        {
            if (date > today)
            {
                state.AddModelError(prefix + field, "A data não pode ser posterior a hoje.");
            }
        }
        if (ConcludedOn is not null && StartedOn is null)
        {
            state.AddModelError(prefix + "StartedOn", "Informe a data de início: uma ação só é concluída depois de iniciada.");
        }
        if (ConcludedOn < StartedOn)
        {
            state.AddModelError(prefix + "ConcludedOn", "A conclusão não pode ser anterior ao início.");
        }
        if (DiscontinuedOn < StartedOn)
        {
            state.AddModelError(prefix + "DiscontinuedOn", "A descontinuação não pode ser anterior ao início.");
        }
        if (ConcludedOn is not null && DiscontinuedOn is not null)
        {
            state.AddModelError(prefix + "DiscontinuedOn", "Informe a conclusão ou a descontinuação, não as duas.");
        }
        if (BudgetSpent < 0)
        {
            state.AddModelError(prefix + "BudgetSpent", "O orçamento executado não pode ser negativo.");
        }
        else if (BudgetSpent > MaxBudget)
        {
            state.AddModelError(prefix + "BudgetSpent", "O orçamento executado não pode passar de R$ 999.999.999.999,00.");
        }
        if (DiscontinuedOn is not null && string.IsNullOrWhiteSpace(DiscontinuationJustification))
        {
            state.AddModelError(prefix + "DiscontinuationJustification", "Justifique a descontinuação da ação.");
        }
    }

    /// <summary>Copies the record to the action; true when something changed.</summary>
    public bool ApplyTo(PlanAction action, List<string> limitingFactors)
    {
        var justification = DiscontinuedOn is null ? null : Clean(DiscontinuationJustification);
        var notes = Clean(Notes);
        var others = Clean(OtherLimitingFactors);
        var changed = action.StartedOn != StartedOn || action.ConcludedOn != ConcludedOn || action.DiscontinuedOn != DiscontinuedOn
            || action.DiscontinuationJustification != justification || action.BudgetSpent != BudgetSpent
            || action.ExecutionNotes != notes || action.OtherLimitingFactors != others
            || !(action.LimitingFactors ?? []).SequenceEqual(limitingFactors);
        (action.StartedOn, action.ConcludedOn, action.DiscontinuedOn) = (StartedOn, ConcludedOn, DiscontinuedOn);
        action.DiscontinuationJustification = justification;
        action.BudgetSpent = BudgetSpent;
        action.ExecutionNotes = notes;
        action.LimitingFactors = limitingFactors.Count == 0 ? null : limitingFactors;
        action.OtherLimitingFactors = others;
        return changed;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class LinkInput
{
    [Required(ErrorMessage = "Descreva a evidência.")]
    [StringLength(500, ErrorMessage = "A descrição pode ter no máximo 500 caracteres.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Informe o endereço.")]
    [StringLength(2000, ErrorMessage = "O endereço pode ter no máximo 2.000 caracteres.")]
    public string? Url { get; set; }

    /// <summary>Only absolute http(s) addresses: a link must open in the reader's browser, never run script.</summary>
    public Uri? Validate(ModelStateDictionary state)
    {
        return Url is null ? null : WebAddress.Read(state, "Link.Url", Url)?.Uri;
    }
}

public sealed class ProcessInput
{
    [Required(ErrorMessage = "Descreva a evidência.")]
    [StringLength(500, ErrorMessage = "A descrição pode ter no máximo 500 caracteres.")]
    public string? Description { get; set; }

    public string? Number { get; set; }

    public ProcessNumber? Validate(ModelStateDictionary state)
    {
        if (ProcessNumbers.TryParse(Number, out var number, out var error))
        {
            return number;
        }
        state.AddModelError("Process.Number", error ?? "Número de processo inválido.");
        return null;
    }
}

public sealed class FileInput
{
    [Required(ErrorMessage = "Descreva a evidência.")]
    [StringLength(500, ErrorMessage = "A descrição pode ter no máximo 500 caracteres.")]
    public string? Description { get; set; }

    public IFormFile? File { get; set; }
}

public sealed class MeasurementInput
{
    [Required(ErrorMessage = "Informe a data da medição.")]
    public DateOnly? MeasuredOn { get; set; }

    [Required(ErrorMessage = "Informe o valor medido.")]
    [Range(typeof(decimal), "-99999999999999", "99999999999999", ParseLimitsInInvariantCulture = true, ErrorMessage = "Valor fora do intervalo aceito.")]
    public decimal? Value { get; set; }

    [StringLength(1000, ErrorMessage = "A observação pode ter no máximo 1.000 caracteres.")]
    public string? Note { get; set; }

    public void Validate(ModelStateDictionary state, DateOnly today)
    {
        if (MeasuredOn > today)
        {
            state.AddModelError("Measurement.MeasuredOn", "A data da medição não pode ser posterior a hoje.");
        }
    }
}
