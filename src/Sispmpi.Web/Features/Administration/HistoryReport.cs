using System.Globalization;
using System.Text;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Auditing;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Documents.Xlsx;

namespace Sispmpi.Web.Features.Administration;

/// <summary>The filters of the "Histórico de alterações", as the report states them.</summary>
public sealed record HistoryFilter(string OrganizationName, string? EntityType, string? EntityId, string? UserName, DateOnly? From, DateOnly? To)
{
    /// <summary>One sentence per filter chosen; "Todos os registros" when none.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        if (From is not null || To is not null)
        {
            lines.Add("Período: " + (From, To) switch
            {
                ({ } from, { } to) => $"{Labels.Date(from)} a {Labels.Date(to)}",
                ({ } from, null) => $"a partir de {Labels.Date(from)}",
                _ => $"até {Labels.Date(To)}",
            });
        }
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            lines.Add($"Tipo de registro: {Labels.Entity(EntityType)}");
        }
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            lines.Add($"Nº do registro: {EntityId.Trim()}");
        }
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            lines.Add($"Usuário: {UserName.Trim()}");
        }
        return lines.Count == 0 ? ["Filtros: nenhum (todos os registros)"] : lines;
    }
}

/// <summary>
/// The filtered history as a report (SPEC §8): a PDF to file, a workbook and a CSV to work on. Every entry the filters
/// select, newest first, up to a limit per format beyond which the caller refuses and asks for narrower filters.
/// </summary>
public static class HistoryReport
{
    /// <summary>A PDF of more lines than this is no longer read; spreadsheets take far more.</summary>
    public const int MaxPdfEntries = 3_000;
    public const int MaxSheetEntries = 100_000;

    private static readonly string[] _headers =
        ["Data e hora", "Usuário", "Perfil", "Tipo de registro", "Nº do registro", "Operação", "Campo", "Valor anterior", "Novo valor", "Justificativa"];

    public static string FileName(DateTimeOffset now, string extension) =>
        $"historico-de-alteracoes-{TimeZoneInfo.ConvertTime(now, Infrastructure.Web.BrazilTime.Zone):yyyy-MM-dd-HHmm}.{extension}";

    public static byte[] Pdf(HistoryFilter filter, IReadOnlyList<AuditEntry> entries, DateTimeOffset generatedAt)
    {
        var body = new List<Block>
        {
            new Heading(1, "Filtros"),
            new BulletList(filter.Lines()),
            new Paragraph($"{Count(entries.Count)}, do mais recente ao mais antigo. Horários de Brasília.", TextStyle.Small),
        };
        if (entries.Count == 0)
        {
            body.Add(new Paragraph("Nenhuma alteração encontrada com os filtros escolhidos."));
        }
        else
        {
            body.Add(new Table(
                [
                    new("Data e hora", 1.3), new("Usuário", 1.4), new("Registro", 1.4), new("Operação", 1.3), new("Campo", 1.1),
                    new("Valor anterior", 1.8), new("Novo valor", 1.8), new("Justificativa", 1.4),
                ],
                [.. entries.Select(e => (IReadOnlyList<string>)
                [
                    Labels.DateTime(e.OccurredAt), e.UserName, $"{Labels.Entity(e.EntityType)} nº {e.EntityId}", Labels.Of(e.Operation),
                    e.Field ?? "—", Clip(e.OldValue), Clip(e.NewValue), e.Justification ?? "—",
                ])],
                "Histórico de alterações"));
        }
        var document = new OfficialDocument(
            new DocumentInfo("Histórico de alterações", filter.OrganizationName, generatedAt, "Relatório do histórico de alterações"),
            new TitlePage("Histórico de alterações", filter.OrganizationName,
                [.. filter.Lines(), Count(entries.Count), $"Emitido em {Labels.DateTime(generatedAt)}"]),
            body);
        return PdfWriter.Render(document);
    }

    public static byte[] Xlsx(HistoryFilter filter, IReadOnlyList<AuditEntry> entries)
    {
        var sheet = new Sheet("Histórico",
            [
                new("Data e hora", CellKind.Date), new("Usuário"), new("Perfil"), new("Tipo de registro"), new("Nº do registro"), new("Operação"),
                new("Campo"), new("Valor anterior"), new("Novo valor"), new("Justificativa"),
            ],
            [.. entries.Select(e => (IReadOnlyList<object?>)
            [
                e.OccurredAt, e.UserName, e.Profile, Labels.Entity(e.EntityType), e.EntityId, Labels.Of(e.Operation), e.Field, e.OldValue, e.NewValue,
                e.Justification,
            ])],
            $"Histórico de alterações — {filter.OrganizationName} — {string.Join("; ", filter.Lines())}");
        return XlsxWriter.Write(new Workbook([sheet], "Histórico de alterações", filter.OrganizationName));
    }

    /// <summary>Semicolon-separated UTF-8 with BOM, dates dd/MM/yyyy HH:mm in Brasília: opens as is in a spreadsheet in Portuguese.</summary>
    public static byte[] Csv(IReadOnlyList<AuditEntry> entries)
    {
        var text = new StringBuilder();
        Line(text, _headers);
        foreach (var e in entries)
        {
            Line(text,
            [
                Labels.DateTime(e.OccurredAt), e.UserName, e.Profile ?? "", Labels.Entity(e.EntityType), e.EntityId, Labels.Of(e.Operation),
                e.Field ?? "", e.OldValue ?? "", e.NewValue ?? "", e.Justification ?? "",
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string TooMany(int count, int limit, string format) =>
        $"Os filtros escolhidos selecionam {count.ToString("N0", CultureInfo.GetCultureInfo("pt-BR"))} registros, e o {format} do histórico " +
        $"traz até {limit.ToString("N0", CultureInfo.GetCultureInfo("pt-BR"))}. Restrinja o período, o tipo de registro ou o usuário.";

    private static string Count(int count) => count == 1 ? "1 registro" : $"{count.ToString("N0", CultureInfo.GetCultureInfo("pt-BR"))} registros";

    /// <summary>Long values (a whole text field) are cut in the PDF; the spreadsheets keep them whole.</summary>
    private static string Clip(string? value) => value is null ? "—" : value.Length > 300 ? value[..300] + "…" : value;

    /// <summary>A value a spreadsheet would take for a formula (typed by a user into any field) is kept as text.</summary>
    private static string Inert(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '@' or '\t' or '\r' || (value.Length > 1 && value[0] == '-' && !char.IsDigit(value[1]))
            ? "'" + value
            : value;

    private static void Line(StringBuilder text, IEnumerable<string> values)
    {
        text.AppendJoin(';', values.Select(Inert).Select(v => v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v));
        text.Append("\r\n");
    }
}
