using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sispmpi.Core.Evaluation;

namespace Sispmpi.Web.Features.Evaluation.Maturity;

/// <summary>The answer to one question: a level (1 to 5) and its justification, both required.</summary>
public sealed class AnswerInput
{
    public const string Prefix = "Answer";
    public const int MaxJustification = 4000;

    /// <summary>The level's number; an int rather than the enum, so that an unknown number gets this page's message.</summary>
    public int? Level { get; set; }

    [StringLength(MaxJustification, ErrorMessage = "A justificativa pode ter no máximo 4.000 caracteres.")]
    public string? Justification { get; set; }

    /// <summary>The level, when it and the justification are valid; the errors go to <paramref name="state"/>.</summary>
    public MaturityLevel? Validate(ModelStateDictionary state)
    {
        MaturityLevel? level = null;
        if (Level is null)
        {
            if (state.GetFieldValidationState(Prefix + ".Level") != ModelValidationState.Invalid)
            {
                state.AddModelError(Prefix + ".Level", "Escolha o nível que descreve a prática atual da organização.");
            }
        }
        else if (!Enum.IsDefined((MaturityLevel)Level.Value))
        {
            state.AddModelError(Prefix + ".Level", "Escolha um dos cinco níveis: inicial, padronizado, integrado, gerenciado ou otimizado.");
        }
        else
        {
            level = (MaturityLevel)Level.Value;
        }
        if (string.IsNullOrWhiteSpace(Justification))
        {
            state.AddModelError(Prefix + ".Justification", "Justifique o nível escolhido, com base nas evidências.");
        }
        return level;
    }
}

/// <summary>A new version of the maturity model, typed as JSON by the central administrator.</summary>
public sealed class ModelInput
{
    public const int MaxLength = 1_000_000;

    [Required(ErrorMessage = "Informe o modelo em JSON.")]
    [StringLength(MaxLength, ErrorMessage = "O modelo pode ter no máximo 1.000.000 de caracteres.")]
    public string? Json { get; set; }
}
