using System.Net;
using System.Text.RegularExpressions;
using Sispmpi.Core.People;

namespace Sispmpi.Web.Tests.Transparency;

/// <summary>
/// Finds personal data a public page or file must never show: e-mail addresses, and CPF numbers formatted or as 11 bare
/// digits whose check digits hold (Core's <see cref="Cpf.FindAll"/>). HTML is scanned as sent and with its character
/// references decoded, so <c>fulano&amp;#64;orgao.gov.br</c> is found too.
/// </summary>
public static partial class PersonalDataScanner
{
    public static IReadOnlyList<string> Find(string content)
    {
        var found = new List<string>();
        foreach (var text in new[] { content, WebUtility.HtmlDecode(content) }.Distinct())
        {
            found.AddRange(EmailRegex().Matches(text).Select(m => "e-mail " + m.Value));
            found.AddRange(Cpf.FindAll(text).Select(cpf => "CPF " + cpf));
        }
        return found.Distinct().ToList();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();
}
