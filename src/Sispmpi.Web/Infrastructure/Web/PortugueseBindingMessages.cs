using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// The messages model binding shows when a value cannot be read (a date or number typed wrong), in Portuguese.
/// They appear next to the field, so they do not name it (the field's name would be the C# property's).
/// </summary>
public static class PortugueseBindingMessages
{
    private const string InvalidValue = "O valor ";

    /// <summary>Whether a model-state error is one of these general messages, which a form may replace with a precise one.</summary>
    public static bool IsBindingMessage(string message) =>
        message.StartsWith(InvalidValue, StringComparison.Ordinal) || message is "Informe um número." or "Preencha este campo.";

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"O valor “{value}” não é válido neste campo.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Preencha este campo.");
        messages.SetMissingKeyOrValueAccessor(() => "Informe um valor.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "O formulário chegou vazio. Tente enviar de novo.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"O valor “{value}” não é válido.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "O valor informado não é válido.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Informe um número.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "O valor informado não é válido neste campo.");
        messages.SetValueIsInvalidAccessor(value => $"O valor “{value}” não é válido.");
        messages.SetValueMustBeANumberAccessor(_ => "Informe um número.");
        messages.SetValueMustNotBeNullAccessor(value => $"Informe um valor válido (recebido: “{value}”).");
    }
}
