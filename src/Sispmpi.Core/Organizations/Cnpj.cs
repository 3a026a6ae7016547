using System.Diagnostics.CodeAnalysis;

namespace Sispmpi.Core.Organizations;

/// <summary>Why a text is not a valid CNPJ (see <see cref="Cnpj.Validate"/>).</summary>
public enum CnpjValidationError
{
    /// <summary>Null, empty, or only whitespace/mask characters.</summary>
    Empty,

    /// <summary>After removing the mask, the value does not have 14 characters.</summary>
    WrongLength,

    /// <summary>A character other than [0-9A-Z] (or a mask character), or a letter in a check-digit position.</summary>
    InvalidCharacters,

    /// <summary>All 14 characters are the same (e.g. 00000000000000).</summary>
    RepeatedCharacters,

    /// <summary>The two check digits do not match the first 12 characters.</summary>
    WrongCheckDigits,
}

/// <summary>
/// Brazilian CNPJ (Cadastro Nacional da Pessoa Jurídica), in both the traditional numeric format and the
/// alphanumeric format introduced by IN RFB nº 2.229/2024: 12 characters in [0-9A-Z] followed by two numeric
/// check digits. Each character is worth its ASCII code minus 48 ('0'..'9' = 0..9, 'A' = 17 … 'Z' = 42) and the
/// check digits use modulo 11 with weights 2..9 cycling from the right, so numeric CNPJs keep their old digits.
/// </summary>
/// <remarks>
/// Input may be masked (<c>12.ABC.345/01DE-35</c>) or not; dots, slashes and hyphens are ignored, surrounding
/// whitespace is trimmed and lowercase letters are normalized to uppercase. <c>default(Cnpj)</c> has an empty
/// <see cref="Value"/> and is not a valid CNPJ; obtain instances through <see cref="Parse(string)"/> or
/// <see cref="TryParse(string?, out Cnpj)"/>.
/// </remarks>
public readonly record struct Cnpj : IParsable<Cnpj>
{
    /// <summary>Number of characters of an unmasked CNPJ.</summary>
    public const int Length = 14;

    /// <summary>Number of characters before the two check digits (inscrição + ordem do estabelecimento).</summary>
    public const int BaseLength = 12;

    private readonly string? _value;

    private Cnpj(string value) => _value = value;

    /// <summary>The 14 characters, unmasked and uppercase (e.g. <c>12ABC34501DE35</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The masked form <c>XX.XXX.XXX/XXXX-XX</c> (empty for <c>default(Cnpj)</c>).</summary>
    public string Formatted
    {
        get
        {
            var v = Value;
            return v.Length == Length
                ? $"{v.AsSpan(0, 2)}.{v.AsSpan(2, 3)}.{v.AsSpan(5, 3)}/{v.AsSpan(8, 4)}-{v.AsSpan(12, 2)}"
                : v;
        }
    }

    /// <summary>True when at least one of the first 12 characters is a letter (new format).</summary>
    public bool IsAlphanumeric
    {
        get
        {
            foreach (var c in Value)
            {
                if (char.IsAsciiLetterUpper(c))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The masked form (same as <see cref="Formatted"/>).</summary>
    public override string ToString() => Formatted;

    /// <summary>Returns null when <paramref name="input"/> is a valid CNPJ, otherwise the first problem found.</summary>
    public static CnpjValidationError? Validate(string? input) => Normalize(input, out _);

    /// <summary>True when <paramref name="input"/> is a valid CNPJ (masked or not, any letter case).</summary>
    public static bool IsValid([NotNullWhen(true)] string? input) => Normalize(input, out _) is null;

    /// <summary>Parses a CNPJ; returns false (and <c>default</c>) when the input is not valid.</summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out Cnpj cnpj)
    {
        if (Normalize(input, out var normalized) is null)
        {
            cnpj = new Cnpj(normalized!);
            return true;
        }

        cnpj = default;
        return false;
    }

    /// <summary>Parses a CNPJ or throws <see cref="FormatException"/> with a Portuguese message.</summary>
    public static Cnpj Parse(string input)
    {
        var error = Normalize(input, out var normalized);
        return error is null ? new Cnpj(normalized!) : throw new FormatException(PortugueseMessage(error.Value));
    }

    static Cnpj IParsable<Cnpj>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Cnpj>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Cnpj result) =>
        TryParse(s, out result);

    /// <summary>
    /// Computes the two check digits for the first 12 characters of a CNPJ (digits or letters, any case, no mask).
    /// </summary>
    /// <exception cref="ArgumentException">The input is not exactly 12 characters in [0-9A-Za-z].</exception>
    public static string ComputeCheckDigits(string twelveChars)
    {
        ArgumentNullException.ThrowIfNull(twelveChars);
        if (twelveChars.Length != BaseLength)
        {
            throw new ArgumentException("A base do CNPJ deve ter exatamente 12 caracteres.", nameof(twelveChars));
        }

        Span<char> chars = stackalloc char[BaseLength];
        for (var i = 0; i < BaseLength; i++)
        {
            var c = char.ToUpperInvariant(twelveChars[i]);
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                throw new ArgumentException(
                    "A base do CNPJ deve conter apenas números e letras (A-Z).", nameof(twelveChars));
            }

            chars[i] = c;
        }

        Span<char> digits = stackalloc char[2];
        ComputeCheckDigits(chars, digits);
        return new string(digits);
    }

    /// <summary>User-facing Brazilian Portuguese message for a validation error.</summary>
    public static string PortugueseMessage(CnpjValidationError error) => error switch
    {
        CnpjValidationError.Empty => "Informe o CNPJ.",
        CnpjValidationError.WrongLength => "O CNPJ deve ter 14 caracteres.",
        CnpjValidationError.InvalidCharacters =>
            "O CNPJ contém caracteres inválidos: use apenas números e letras maiúsculas nas 12 primeiras posições "
            + "e números nos dígitos verificadores.",
        CnpjValidationError.RepeatedCharacters => "CNPJ inválido: todos os caracteres são iguais.",
        CnpjValidationError.WrongCheckDigits => "CNPJ inválido: os dígitos verificadores não conferem.",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    private static CnpjValidationError? Normalize(string? input, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return CnpjValidationError.Empty;
        }

        Span<char> buffer = stackalloc char[Length];
        var count = 0;
        foreach (var raw in input.AsSpan().Trim())
        {
            if (raw is '.' or '/' or '-')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw);
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return CnpjValidationError.InvalidCharacters;
            }

            if (count < Length)
            {
                buffer[count] = c;
            }

            count++;
        }

        if (count == 0)
        {
            return CnpjValidationError.Empty;
        }

        if (count != Length)
        {
            return CnpjValidationError.WrongLength;
        }

        if (!char.IsAsciiDigit(buffer[BaseLength]) || !char.IsAsciiDigit(buffer[BaseLength + 1]))
        {
            return CnpjValidationError.InvalidCharacters;
        }

        if (!buffer.ContainsAnyExcept(buffer[0]))
        {
            return CnpjValidationError.RepeatedCharacters;
        }

        Span<char> expected = stackalloc char[2];
        ComputeCheckDigits(buffer[..BaseLength], expected);
        if (!buffer[BaseLength..].SequenceEqual(expected))
        {
            return CnpjValidationError.WrongCheckDigits;
        }

        normalized = new string(buffer);
        return null;
    }

    /// <summary><paramref name="baseChars"/>: 12 validated uppercase characters; writes two digits.</summary>
    private static void ComputeCheckDigits(ReadOnlySpan<char> baseChars, Span<char> destination)
    {
        Span<char> chars = stackalloc char[BaseLength + 1];
        baseChars.CopyTo(chars);
        var first = ComputeCheckDigit(chars[..BaseLength]);
        chars[BaseLength] = (char)('0' + first);
        var second = ComputeCheckDigit(chars);
        destination[0] = (char)('0' + first);
        destination[1] = (char)('0' + second);
    }

    /// <summary>Modulo 11, weights 2..9 cycling from the rightmost character; value = ASCII code − 48.</summary>
    private static int ComputeCheckDigit(ReadOnlySpan<char> chars)
    {
        var sum = 0;
        var weight = 2;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            sum += (chars[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }

        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
