using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sispmpi.Core.Execution;

/// <summary>Which numbering an administrative process follows. Stored as integers: never renumber.</summary>
public enum ProcessNumberKind
{
    /// <summary>Número Único de Protocolo of the federal administration: <c>00000.000000/0000-00</c>.</summary>
    FederalNup = 1,

    /// <summary>Process number of Sei!MG, the SEI of the State of Minas Gerais: <c>0000.00.0000000/0000-00</c>.</summary>
    SeiMg = 2,
}

/// <summary>A valid process number; <see cref="Value"/> is the canonical formatted text.</summary>
public readonly record struct ProcessNumber(string Value, ProcessNumberKind Kind);

/// <summary>
/// Brazilian administrative process numbers, the "número SEI" of process evidence. A federal NUP has 15 digits
/// (unit, sequence, year) followed by two modulo-11 check digits; a Sei!MG number has no public check-digit rule,
/// so only its format and year are checked.
/// </summary>
/// <remarks>
/// Input may have surrounding whitespace and either exactly the canonical punctuation or digits only
/// (17 digits: NUP; 19 digits: Sei!MG). Anything else is invalid.
/// </remarks>
public static class ProcessNumbers
{
    private const string EmptyMessage = "Informe o número do processo.";

    private const string FormatMessage =
        "Número de processo inválido: use o formato do NUP (00000.000000/0000-00) ou do SEI!MG (0000.00.0000000/0000-00).";

    private const string CheckDigitsMessage = "Os dígitos verificadores do número do processo (NUP) não conferem.";

    private const string NupMask = "00000.000000/0000-00";
    private const string SeiMgMask = "0000.00.0000000/0000-00";
    private const int NupDigits = 17;
    private const int SeiMgDigits = 19;
    private const int MinSeiMgYear = 1900;
    private const int MaxSeiMgYear = 2199;

    /// <summary>
    /// Parses a process number; returns false, <c>default</c> and a Portuguese <paramref name="error"/> when invalid.
    /// </summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? input,
        out ProcessNumber number,
        [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            number = default;
            error = EmptyMessage;
            return false;
        }

        var text = input.AsSpan().Trim();
        Span<char> digits = stackalloc char[SeiMgDigits];
        if (Matches(text, NupMask, digits) || IsDigits(text, NupDigits, digits))
        {
            error = HasValidCheckDigits(digits[..NupDigits]) ? null : CheckDigitsMessage;
            number = error is null ? new ProcessNumber(Format(digits, NupMask), ProcessNumberKind.FederalNup) : default;
        }
        else if ((Matches(text, SeiMgMask, digits) || IsDigits(text, SeiMgDigits, digits)) && HasValidYear(digits))
        {
            error = null;
            number = new ProcessNumber(Format(digits, SeiMgMask), ProcessNumberKind.SeiMg);
        }
        else
        {
            error = FormatMessage;
            number = default;
        }

        return error is null;
    }

    /// <summary>True when <paramref name="text"/> follows <paramref name="mask"/> ('0' = any ASCII digit); copies its digits.</summary>
    private static bool Matches(ReadOnlySpan<char> text, string mask, Span<char> digits)
    {
        if (text.Length != mask.Length)
        {
            return false;
        }

        var count = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] == '0')
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return false;
                }

                digits[count++] = text[i];
            }
            else if (text[i] != mask[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text, int length, Span<char> digits)
    {
        if (text.Length != length || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        text.CopyTo(digits);
        return true;
    }

    private static string Format(ReadOnlySpan<char> digits, string mask)
    {
        Span<char> formatted = stackalloc char[mask.Length];
        var next = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            formatted[i] = mask[i] == '0' ? digits[next++] : mask[i];
        }

        return new string(formatted);
    }

    private static bool HasValidCheckDigits(ReadOnlySpan<char> digits) =>
        digits[15] - '0' == CheckDigit(digits[..15]) && digits[16] - '0' == CheckDigit(digits[..16]);

    /// <summary>The year of a Sei!MG number (digits 14 to 17) must be between 1900 and 2199.</summary>
    private static bool HasValidYear(ReadOnlySpan<char> digits) =>
        int.Parse(digits.Slice(13, 4), NumberStyles.None, CultureInfo.InvariantCulture) is >= MinSeiMgYear and <= MaxSeiMgYear;

    /// <summary>Modulo 11 with weights 2, 3, 4, … from the rightmost digit; 11 − remainder, where 10 → 0 and 11 → 1.</summary>
    private static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            sum += (digits[i] - '0') * weight++;
        }

        return (11 - (sum % 11)) % 10;
    }
}
