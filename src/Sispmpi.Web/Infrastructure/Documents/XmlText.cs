using System.Text;

namespace Sispmpi.Web.Infrastructure.Documents;

/// <summary>Text as the Open XML formats may hold it, shared by the DOCX and XLSX writers.</summary>
internal static class XmlText
{
    /// <summary>
    /// Removes the characters XML forbids (control characters, lone surrogates) and turns a lone carriage
    /// return into a line break; tabs, line breaks and every other character are kept.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD))
            {
                builder.Append(c);
            }
            else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                builder.Append('\n');
            }
        }
        return builder.ToString();
    }

    /// <summary>At most <paramref name="length"/> characters, never cutting a surrogate pair in half.</summary>
    public static string Truncate(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
