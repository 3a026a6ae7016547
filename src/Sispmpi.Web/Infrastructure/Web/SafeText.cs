using System.Text;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// The one rule for text received from outside (form fields, query strings, JSON strings): control characters other
/// than tab, carriage return and line feed, and unpaired surrogates (not text at all), are refused. PostgreSQL cannot
/// store a null byte, and no person types any of them: they arrive only from a hostile client or a bad paste.
/// </summary>
/// <remarks>Applied by <see cref="SafeTextModelBinderProvider"/> (pages), <see cref="SafeTextJsonConverter"/> (JSON on /api)
/// and <see cref="SafeTextQueryFilter"/> (query strings on /api).</remarks>
public static class SafeText
{
    /// <summary>Shown next to the field whose text was refused; the form comes back with the offending characters removed.</summary>
    public const string RefusedMessage =
        "O texto continha caracteres de controle não permitidos (como o caractere nulo), que foram retirados. Confira o campo e envie de novo.";

    /// <summary>The same refusal where nothing is shown again (JSON, query strings on /api).</summary>
    public const string RefusedApiMessage = "O texto contém caracteres de controle não permitidos (como o caractere nulo). Retire-os e envie de novo.";

    /// <summary><c>HttpContext.Items</c> key set when a request carried refused text: the page then answers 400.</summary>
    public const string RefusedKey = "sispmpi:refused-text";

    public static bool IsRefused(string? text)
    {
        if (text is null)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not '\t' and not '\r' and not '\n')
            {
                return true;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The text without the refused characters, to show the form again as typed but for them.</summary>
    public static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\t' or '\r' or '\n'))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
