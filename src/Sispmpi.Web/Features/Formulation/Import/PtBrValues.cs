using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>
/// Numbers and dates as a Brazilian spreadsheet writes them: <c>1.234,56</c>, <c>R$ 1.234,56</c>, <c>31/12/2026</c>.
/// Each parser returns null on success or a Portuguese description of the problem.
/// </summary>
public static partial class PtBrValues
{
    private static readonly CultureInfo _ptBr = Infrastructure.Web.BrazilTime.Culture;

    public static readonly DateOnly MinDate = new(2000, 1, 1);
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    /// <summary>
    /// A pt-BR decimal: comma for decimals, an optional dot every three digits, an optional "R$" and sign.
    /// A dot that is not a thousands separator ("0.5", "1234.56") is refused rather than guessed.
    /// </summary>
    public static string? TryParseDecimal(string text, out decimal value)
    {
        value = 0;
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }
        var s = compact.ToString();
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.StartsWith("R$", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
            if (!negative && (s.StartsWith('-') || s.StartsWith('+')))
            {
                negative = s[0] == '-';
                s = s[1..];
            }
        }
        if (!DecimalPattern().IsMatch(s))
        {
            return s.Contains('.') && !s.Contains(',') && PointDecimalPattern().IsMatch(s)
                ? $"Número inválido: “{text.Trim()}”. Use vírgula para as casas decimais, por exemplo {s.Replace('.', ',')}."
                : $"Número inválido: “{text.Trim()}”. Use o formato 1.234,56.";
        }
        var invariant = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return $"Número grande demais: “{text.Trim()}”.";
        }
        if (negative)
        {
            value = -value;
        }
        return null;
    }

    /// <summary>Digits after the decimal comma, trailing zeros ignored.</summary>
    public static int DecimalPlaces(decimal value)
    {
        // Dividing by this 1 drops the trailing zeros from the scale.
        var normalized = value / 1.000000000000000000000000000000000m;
        return normalized.Scale;
    }

    /// <summary>A date written dd/mm/aaaa (day and month may have one digit); also accepts aaaa-mm-dd.</summary>
    public static string? TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var s = text.Trim();
        int day, month, year;
        if (DatePattern().Match(s) is { Success: true } br)
        {
            day = int.Parse(br.Groups[1].Value, CultureInfo.InvariantCulture);
            month = int.Parse(br.Groups[2].Value, CultureInfo.InvariantCulture);
            year = int.Parse(br.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        else if (IsoDatePattern().Match(s) is { Success: true } iso)
        {
            year = int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture);
            month = int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture);
            day = int.Parse(iso.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            return $"Data inválida: “{s}”. Use o formato dd/mm/aaaa, por exemplo 31/12/2026.";
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return $"A data {s} não existe. Use o formato dd/mm/aaaa (dia/mês/ano).";
        }
        date = new DateOnly(year, month, day);
        if (date < MinDate || date > MaxDate)
        {
            return $"Data fora do intervalo aceito ({Format(MinDate)} a {Format(MaxDate)}): {s}.";
        }
        return null;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>; "2,0" as a spreadsheet may write it counts as 2.</summary>
    public static string? TryParsePositiveInteger(string text, int max, out int value)
    {
        value = 0;
        var s = text.Trim();
        if (IntegerPattern().Match(s) is not { Success: true } match
            || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return $"Informe um número inteiro a partir de 1, e não “{s}”.";
        }
        if (value < 1 || value > max)
        {
            return $"Informe um número inteiro de 1 a {max}, e não {s}.";
        }
        return null;
    }

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", _ptBr);

    public static string Format(decimal value) => value.ToString("#,##0.##########", _ptBr);

    [GeneratedRegex(@"^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$|^,\d+$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex PointDecimalPattern();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"^0*(\d{1,9})(,0+)?$")]
    private static partial Regex IntegerPattern();
}
