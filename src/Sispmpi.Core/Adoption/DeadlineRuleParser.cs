using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sispmpi.Core.Adoption;

/// <summary>
/// Reads the "Prazo/Periodicidade" column of a work plan, as public servants write it (seed 001), into a
/// <see cref="DeadlineRule"/>. Case, accents, repeated spaces and a final full stop make no difference; anything
/// not recognized is refused with a Portuguese message naming what is accepted — never guessed.
/// </summary>
public static partial class DeadlineRuleParser
{
    public const string Accepted =
        "Use, por exemplo: “Até 31/12/2025”, “Até 15 dias após o início da vigência”, “A partir do início da vigência”, " +
        "“Durante a vigência do Acordo”, “Observância à norma vigente”, “Anual”, “Mensal”, “Anual com o mínimo de 60 horas ao ano”, " +
        "“Até o dia 10 do mês subsequente à celebração do Acordo de Adesão” ou “Quando convocadas pela Secretaria-Executiva”.";

    private static readonly CultureInfo _ptBr = CultureInfo.GetCultureInfo("pt-BR");

    public static bool TryParse(string? text, [NotNullWhen(true)] out DeadlineRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        error = null;
        var s = Normalize(text);
        if (s.Length == 0)
        {
            error = "Informe o prazo ou a periodicidade.";
            return false;
        }

        if (FixedDatePattern().Match(s) is { Success: true } fixedDate)
        {
            if (!DateOnly.TryParseExact(fixedDate.Groups["date"].Value, ["d/M/yyyy"], _ptBr, DateTimeStyles.None, out var date))
            {
                error = $"Data inexistente no prazo “{text!.Trim()}”: use dd/mm/aaaa.";
                return false;
            }
            rule = DeadlineRule.Fixed(date);
        }
        else if (DaysAfterStartPattern().Match(s) is { Success: true } daysAfter)
        {
            if (!int.TryParse(daysAfter.Groups["days"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > DeadlineRule.MaxDays)
            {
                error = $"Prazo longo demais em “{text!.Trim()}”: no máximo {DeadlineRule.MaxDays.ToString("N0", _ptBr)} dias.";
                return false;
            }
            rule = DeadlineRule.AfterStart(days);
        }
        else if (FromStartPattern().IsMatch(s))
        {
            rule = DeadlineRule.AfterStart(0);
        }
        else if (DuringPattern().IsMatch(s))
        {
            rule = DeadlineRule.During;
        }
        else if (RegulatedPattern().IsMatch(s))
        {
            rule = DeadlineRule.Regulated;
        }
        else if (MinimumHoursPattern().Match(s) is { Success: true } minimum)
        {
            var hours = decimal.Parse(minimum.Groups["hours"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (hours <= 0 || hours > DeadlineRule.MaxHours)
            {
                error = $"Mínimo de horas inválido em “{text!.Trim()}”: informe de 1 a {DeadlineRule.MaxHours.ToString("N0", _ptBr)} horas por ano.";
                return false;
            }
            rule = DeadlineRule.YearlyMinimum(hours);
        }
        else if (YearlyPattern().IsMatch(s))
        {
            rule = DeadlineRule.Yearly;
        }
        else if (MonthlyPattern().IsMatch(s))
        {
            rule = DeadlineRule.Monthly;
        }
        else if (FollowingMonthPattern().Match(s) is { Success: true } following)
        {
            var day = int.Parse(following.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (day is < 1 or > 31)
            {
                error = $"Dia do mês inválido em “{text!.Trim()}”: informe um dia de 1 a 31.";
                return false;
            }
            rule = DeadlineRule.FollowingMonth(day);
        }
        else if (OnCallPattern().IsMatch(s))
        {
            rule = DeadlineRule.OnCall;
        }
        else
        {
            error = $"Prazo não reconhecido: “{text!.Trim()}”. {Accepted}";
            return false;
        }
        return true;
    }

    /// <summary>No accents, lower case, single spaces, no final punctuation.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().TrimEnd('.', ';', ' ');
    }

    private const string Agreement = @"(?: d[oa] (?:acordo(?: de cooperacao(?: tecnica)?)?|act|ajuste|termo|instrumento))?";

    [GeneratedRegex(@"^(?:(?:ate|em|no dia|prazo:?) )?(?:o dia )?(?<date>\d{1,2}/\d{1,2}/\d{4})$")]
    private static partial Regex FixedDatePattern();

    [GeneratedRegex(@"^(?:(?:ate|em|no prazo de) )?(?<days>\d{1,6}) (?:\([a-z ]+\) )?dias? (?:corridos )?(?:apos o|a partir do|a contar do|contados do) inicio da vigencia" + Agreement + "$")]
    private static partial Regex DaysAfterStartPattern();

    [GeneratedRegex(@"^(?:a partir do|desde o|no) inicio da vigencia" + Agreement + "$")]
    private static partial Regex FromStartPattern();

    [GeneratedRegex(@"^(?:durante (?:toda )?a|ao longo da|na) vigencia" + Agreement + "$")]
    private static partial Regex DuringPattern();

    [GeneratedRegex(@"^(?:em )?(?:observancia|conforme|de acordo com|nos termos d)[ae]? (?:a |o )?(?:norma|normativo|legislacao|regulamentacao) (?:vigente|em vigor)$")]
    private static partial Regex RegulatedPattern();

    [GeneratedRegex(@"^(?:anual(?:mente)?,? )?com (?:o |um )?minimo de (?<hours>\d{1,5}(?:,\d{1,2})?) (?:horas|h)(?: (?:ao ano|por ano|anuais|anualmente))?$")]
    private static partial Regex MinimumHoursPattern();

    // "Anual e sempre quando houver alteração nos cursos": yearly; the extra occasions are announced in the text.
    [GeneratedRegex(@"^(?:anual(?:mente)?|uma vez (?:por|ao) ano|a cada (?:um )?ano)(?: e sempre (?:que|quando) .+)?$")]
    private static partial Regex YearlyPattern();

    [GeneratedRegex(@"^(?:mensal(?:mente)?|uma vez (?:por|ao) mes|a cada (?:um )?mes)$")]
    private static partial Regex MonthlyPattern();

    [GeneratedRegex(@"^ate o dia (?<day>\d{1,2}) do mes (?:subsequente|seguinte|posterior) (?:a|ao|as|aos|da|do) .+$")]
    private static partial Regex FollowingMonthPattern();

    [GeneratedRegex(@"^(?:quando (?:convocad[oa]s?|solicitad[oa]s?|demandad[oa]s?|requisitad[oa]s?|requerid[oa]s?)|sob demanda|mediante (?:convocacao|solicitacao|demanda))\b.*$")]
    private static partial Regex OnCallPattern();
}
