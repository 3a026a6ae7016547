using System.Globalization;
using MySqlConnector;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>One row of the original database, by column name.</summary>
public sealed class LegacyRow(Dictionary<string, object?> values)
{
    public object? this[string column] => values.TryGetValue(column, out var value) && value is not DBNull ? value : null;

    public int Id => Int("id");

    public int Int(string column) => Convert.ToInt32(this[column], CultureInfo.InvariantCulture);

    public int? IntOrNull(string column) => this[column] is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    public decimal? Decimal(string column) => this[column] is { } value ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : null;

    /// <summary>A text typed in the original's rich-text editor, as this system's formatting Markdown.</summary>
    public string? RichText(string column) => LegacyRichText.ToMarkdown(Text(column));

    /// <summary>A text typed in the original's rich-text editor, for a field this system shows as plain text.</summary>
    public string? EditorText(string column) => LegacyRichText.ToPlainText(Text(column));

    public string? Text(string column) => this[column] switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public DateOnly? Date(string column) => this[column] is DateTime d ? DateOnly.FromDateTime(d) : null;

    /// <summary>The original's timestamps are Brasília wall-clock times; kept here in UTC, as every moment is.</summary>
    public DateTimeOffset? Moment(string column) => this[column] is DateTime d
        ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Unspecified), Infrastructure.Web.BrazilTime.Zone.GetUtcOffset(d)).ToUniversalTime()
        : null;
}

/// <summary>The tables of an original SisPMPI database (its <c>sql/db.sql</c> plus later migrations), read whole.</summary>
public sealed class LegacySource
{
    public static readonly IReadOnlyList<string> Tables =
    [
        "orgao", "orgao_contabil", "unidade_administrativa", "usuario", "auth_assignment", "servidor", "tipo", "fator_limitante",
        "plano_integridade", "eixo", "subeixo", "acao", "acao_tipo", "acao_unidade_apoio", "acao_servidor", "acao_execucao",
        "acao_execucao_fator_limitante", "acao_execucao_arquivo", "arquivo", "acao_monitoramento", "acao_monitoramento_recomendacao",
        "acao_avaliacao_recomendacao", "plano_integridade_recomendacao", "reuniao", "reuniao_servidor", "plano_integridade_novo",
        "plano_integridade_reabertura", "promover_integridade", "publicacao", "historico",
        "grupo", "grupo_instituido", "grupo_servidor", "diagnostico", "diagnostico_info_estrategica", "diagnostico_instrumento",
        "instrumento", "diagnostico_resultado", "diagnostico_ciencia", "eixo_tematico", "diagnostico_eixo_tematico", "validacao",
        "validacao_stakeholder", "stakeholder",
    ];

    /// <summary>Tables created by later migrations of the original (m220615): an installation that never ran them has none.</summary>
    private static readonly HashSet<string> _optional = ["eixo_tematico", "diagnostico_eixo_tematico"];

    private readonly Dictionary<string, List<LegacyRow>> _tables;

    private LegacySource(Dictionary<string, List<LegacyRow>> tables) => _tables = tables;

    public IReadOnlyList<LegacyRow> this[string table] => _tables[table];

    public static async Task<LegacySource> LoadAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { ConvertZeroDateTime = true, TreatTinyAsBoolean = false };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var list = new MySqlCommand("SHOW TABLES", connection))
        await using (var names = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await names.ReadAsync(cancellationToken))
            {
                present.Add(names.GetString(0));
            }
        }
        var tables = new Dictionary<string, List<LegacyRow>>();
        foreach (var table in Tables)
        {
            if (_optional.Contains(table) && !present.Contains(table))
            {
                tables[table] = [];
                continue;
            }
            var rows = new List<LegacyRow>();
            await using var command = new MySqlCommand($"SELECT * FROM `{table}`" + (table == "auth_assignment" ? "" : " ORDER BY `id`"), connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[reader.GetName(i)] = reader.GetValue(i);
                }
                rows.Add(new LegacyRow(values));
            }
            tables[table] = rows;
        }
        return new LegacySource(tables);
    }
}
