using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Sispmpi.Core.People;

/// <summary>Why a text is not a valid CPF (see <see cref="Cpf.Validate"/>).</summary>
public enum CpfValidationError
{
    /// <summary>Null, empty, or only whitespace/mask characters.</summary>
    Empty,

    /// <summary>After removing the mask, the value does not have 11 digits.</summary>
    WrongLength,

    /// <summary>A character other than a digit or a mask character ('.', '-').</summary>
    InvalidCharacters,

    /// <summary>All 11 digits are the same (e.g. 111.111.111-11).</summary>
    RepeatedDigits,

    /// <summary>The two check digits do not match the first nine digits.</summary>
    WrongCheckDigits,
}

/// <summary>
/// Brazilian CPF (Cadastro de Pessoas Físicas): nine digits followed by two modulo-11 check digits.
/// </summary>
/// <remarks>
/// Input may be masked (<c>529.982.247-25</c>) or not; dots and hyphens are ignored and surrounding whitespace
/// is trimmed. <c>default(Cpf)</c> has an empty <see cref="Value"/> and is not a valid CPF; obtain instances
/// through <see cref="Parse(string)"/> or <see cref="TryParse(string?, out Cpf)"/>.
/// </remarks>
public readonly partial record struct Cpf : IParsable<Cpf>
{
    /// <summary>Number of digits of an unmasked CPF.</summary>
    public const int Length = 11;

    /// <summary>Number of digits before the two check digits.</summary>
    public const int BaseLength = 9;

    private readonly string? _value;

    private Cpf(string value) => _value = value;

    /// <summary>The 11 digits, unmasked (e.g. <c>52998224725</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The masked form <c>XXX.XXX.XXX-XX</c> (empty for <c>default(Cpf)</c>).</summary>
    public string Formatted
    {
        get
        {
            var v = Value;
            return v.Length == Length
                ? $"{v.AsSpan(0, 3)}.{v.AsSpan(3, 3)}.{v.AsSpan(6, 3)}-{v.AsSpan(9, 2)}"
                : v;
        }
    }

    /// <summary>The masked form (same as <see cref="Formatted"/>).</summary>
    public override string ToString() => Formatted;

    /// <summary>Returns null when <paramref name="input"/> is a valid CPF, otherwise the first problem found.</summary>
    public static CpfValidationError? Validate(string? input) => Normalize(input, out _);

    /// <summary>True when <paramref name="input"/> is a valid CPF (masked or not).</summary>
    public static bool IsValid([NotNullWhen(true)] string? input) => Normalize(input, out _) is null;

    /// <summary>Parses a CPF; returns false (and <c>default</c>) when the input is not valid.</summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out Cpf cpf)
    {
        if (Normalize(input, out var normalized) is null)
        {
            cpf = new Cpf(normalized!);
            return true;
        }

        cpf = default;
        return false;
    }

    /// <summary>Parses a CPF or throws <see cref="FormatException"/> with a Portuguese message.</summary>
    public static Cpf Parse(string input)
    {
        var error = Normalize(input, out var normalized);
        return error is null ? new Cpf(normalized!) : throw new FormatException(PortugueseMessage(error.Value));
    }

    static Cpf IParsable<Cpf>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Cpf>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Cpf result) =>
        TryParse(s, out result);

    /// <summary>Computes the two check digits for the first nine digits of a CPF (no mask).</summary>
    /// <exception cref="ArgumentException">The input is not exactly nine ASCII digits.</exception>
    public static string ComputeCheckDigits(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        if (nineDigits.Length != BaseLength || nineDigits.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("A base do CPF deve ter exatamente 9 dígitos.", nameof(nineDigits));
        }

        Span<char> digits = stackalloc char[2];
        ComputeCheckDigits(nineDigits, digits);
        return new string(digits);
    }

    /// <summary>
    /// Every distinct valid CPF in <paramref name="text"/>, as 11 unmasked digits, in order of first appearance.
    /// A candidate is either 11 consecutive digits or the masked form (<c>XXX.XXX.XXX-XX</c>, any of whose
    /// separators may be missing) and must not be glued to further digits, so parts of longer numbers (process
    /// numbers, CNPJs, barcodes) are ignored. Candidates whose check digits fail are ignored too.
    /// </summary>
    public static IEnumerable<string> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindAllIterator(text);
    }

    /// <summary>User-facing Brazilian Portuguese message for a validation error.</summary>
    public static string PortugueseMessage(CpfValidationError error) => error switch
    {
        CpfValidationError.Empty => "Informe o CPF.",
        CpfValidationError.WrongLength => "O CPF deve ter 11 dígitos.",
        CpfValidationError.InvalidCharacters => "O CPF contém caracteres inválidos: use apenas números.",
        CpfValidationError.RepeatedDigits => "CPF inválido: todos os dígitos são iguais.",
        CpfValidationError.WrongCheckDigits => "CPF inválido: os dígitos verificadores não conferem.",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    private static IEnumerable<string> FindAllIterator(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in CandidateRegex().Matches(text))
        {
            if (Normalize(match.Value, out var normalized) is null
                && seen.Add(normalized!))
            {
                yield return normalized!;
            }
        }
    }

    // [0-9] rather than \d: \d also matches non-ASCII Unicode digits.
    [GeneratedRegex(@"(?<![0-9])[0-9]{3}\.?[0-9]{3}\.?[0-9]{3}-?[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CandidateRegex();

    private static CpfValidationError? Normalize(string? input, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return CpfValidationError.Empty;
        }

        Span<char> buffer = stackalloc char[Length];
        var count = 0;
        foreach (var c in input.AsSpan().Trim())
        {
            if (c is '.' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return CpfValidationError.InvalidCharacters;
            }

            if (count < Length)
            {
                buffer[count] = c;
            }

            count++;
        }

        if (count == 0)
        {
            return CpfValidationError.Empty;
        }

        if (count != Length)
        {
            return CpfValidationError.WrongLength;
        }

        if (!buffer.ContainsAnyExcept(buffer[0]))
        {
            return CpfValidationError.RepeatedDigits;
        }

        Span<char> expected = stackalloc char[2];
        ComputeCheckDigits(buffer[..BaseLength], expected);
        if (!buffer[BaseLength..].SequenceEqual(expected))
        {
            return CpfValidationError.WrongCheckDigits;
        }

        normalized = new string(buffer);
        return null;
    }

    /// <summary><paramref name="baseDigits"/>: nine validated digits; writes the two check digits.</summary>
    private static void ComputeCheckDigits(ReadOnlySpan<char> baseDigits, Span<char> destination)
    {
        Span<char> digits = stackalloc char[BaseLength + 1];
        baseDigits.CopyTo(digits);
        var first = ComputeCheckDigit(digits[..BaseLength]);
        digits[BaseLength] = (char)('0' + first);
        var second = ComputeCheckDigit(digits);
        destination[0] = (char)('0' + first);
        destination[1] = (char)('0' + second);
    }

    /// <summary>Modulo 11 with weights 2, 3, 4… from the rightmost digit.</summary>
    private static int ComputeCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * (digits.Length + 1 - i);
        }

        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
