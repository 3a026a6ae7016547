using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// An address a reader's browser may open: absolute, <c>http</c> or <c>https</c>, with a host, and no spaces
/// or control characters. Every link a user types (evidence, acts, publication, minutes) is read through
/// this type, so a <c>javascript:</c> or relative address is refused everywhere with the same message.
/// </summary>
public readonly record struct WebAddress
{
    public const string InvalidMessage = "Informe um endereço completo, começando por https:// ou http://.";

    private WebAddress(Uri uri, string text)
    {
        Uri = uri;
        Text = text;
    }

    public Uri Uri { get; }

    /// <summary>The address as typed, without surrounding spaces.</summary>
    public string Text { get; }

    public override string ToString() => Text;

    public static bool TryParse([NotNullWhen(true)] string? text, out WebAddress address)
    {
        address = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.Host.Length == 0
            || !trimmed.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        address = new WebAddress(uri, trimmed);
        return true;
    }

    /// <summary>
    /// Reads a form field: the address, or null with <see cref="InvalidMessage"/> (or <paramref name="requiredMessage"/>
    /// for a blank required field) added to the model state under <paramref name="key"/>.
    /// </summary>
    public static WebAddress? Read(ModelStateDictionary modelState, string key, string? text, string? requiredMessage = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (requiredMessage is not null)
            {
                modelState.AddModelError(key, requiredMessage);
            }
            return null;
        }
        if (TryParse(text, out var address))
        {
            return address;
        }
        modelState.AddModelError(key, InvalidMessage);
        return null;
    }
}
