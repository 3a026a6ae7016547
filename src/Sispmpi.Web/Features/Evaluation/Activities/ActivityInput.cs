using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Activities;

/// <summary>The activity form (SPEC §3.4): what internal control did, on which day, for how many hours — validated in Portuguese.</summary>
public sealed class ActivityInput
{
    public const int FirstYear = 2000;
    public const decimal MaxHours = 24m;

    [Required(ErrorMessage = "Informe a data da atividade.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Informe a atividade realizada.")]
    [StringLength(300, ErrorMessage = "A atividade deve ter até 300 caracteres.")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "A descrição deve ter até 4.000 caracteres.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Informe as horas dedicadas à atividade.")]
    public decimal? Hours { get; set; }

    public static ActivityInput From(IntegrityActivity activity) => new()
    {
        Date = activity.Date, Title = activity.Title, Description = activity.Description, Hours = activity.Hours,
    };

    /// <summary>The rules beyond the attributes; every message is shown next to its field.</summary>
    public void Validate(ModelStateDictionary modelState, DateOnly today)
    {
        // A value that could not be read stays typed in the field; the message says what is wrong with it.
        if (!ReplaceBindingError(modelState, "Input.Date", "Informe uma data válida, no formato dd/mm/aaaa.") && Date is DateOnly date)
        {
            if (date > today)
            {
                modelState.AddModelError("Input.Date", $"A data não pode ser futura: informe uma data até {Labels.Date(today)}.");
            }
            else if (date.Year < FirstYear)
            {
                modelState.AddModelError("Input.Date", $"Informe uma data a partir de 01/01/{FirstYear}.");
            }
        }

        if (!ReplaceBindingError(modelState, "Input.Hours", "Informe as horas em número, com vírgula para a fração: por exemplo, 2,5.")
            && Hours is decimal hours)
        {
            if (hours <= 0)
            {
                modelState.AddModelError("Input.Hours", "As horas devem ser maiores que zero.");
            }
            else if (hours > MaxHours)
            {
                modelState.AddModelError("Input.Hours",
                    "Informe no máximo 24 horas por registro. Para uma atividade de vários dias, registre cada dia separadamente.");
            }
            else if (decimal.Round(hours, 2) != hours)
            {
                modelState.AddModelError("Input.Hours", "Informe as horas com no máximo duas casas decimais: por exemplo, 1,75.");
            }
        }
    }

    /// <summary>Copies the form into the activity. Call only when the input is valid.</summary>
    public void ApplyTo(IntegrityActivity activity)
    {
        activity.Date = Date!.Value;
        activity.Title = Title.Trim();
        activity.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        activity.Hours = Hours!.Value;
    }

    /// <summary>Replaces a value that could not be read (a date or number typed wrong) by a precise message.</summary>
    private static bool ReplaceBindingError(ModelStateDictionary modelState, string key, string message)
    {
        if (modelState.TryGetValue(key, out var entry)
            && entry.Errors.Any(e => e.Exception is not null || PortugueseBindingMessages.IsBindingMessage(e.ErrorMessage)))
        {
            entry.Errors.Clear();
            modelState.AddModelError(key, message);
            return true;
        }
        return false;
    }
}

/// <summary>What the activity form partial needs: the input, so that the fields are named "Input.…" as the pages bind them.</summary>
public sealed record ActivityFormView(ActivityInput Input);
