using System.Globalization;
using System.Text;
using System.Text.Json;
using Sispmpi.Web.Features.Shared;

namespace Sispmpi.Web.Features.Transparency.OpenData;

/// <summary>A column of an open-data file: its stable snake_case name, type, meaning and an example, as the data dictionary lists it.</summary>
public sealed record OpenDataColumn(string Name, string Type, string Meaning, string Example);

/// <summary>A table ready to be written: the columns and one array of values per row (in column order).</summary>
public sealed record OpenDataTable(IReadOnlyList<OpenDataColumn> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// One open-data set (SPEC §6). The columns are declared once, with the value each takes from a record, so the files and
/// the data dictionary cannot disagree.
/// </summary>
public abstract class OpenDataSet(string name, string title, string description)
{
    public string Name { get; } = name;
    public string Title { get; } = title;
    public string Description { get; } = description;
    public abstract IReadOnlyList<OpenDataColumn> Columns { get; }
    public abstract Task<OpenDataTable> LoadAsync(PublicData data, CancellationToken cancellationToken);

    public static readonly IReadOnlyList<OpenDataSet> All = [OpenDataSets.Organizations, OpenDataSets.Plans, OpenDataSets.Actions];

    public static OpenDataSet? Named(string name) => All.FirstOrDefault(s => s.Name == name);
}

public sealed class OpenDataSet<T>(string name, string title, string description,
    IReadOnlyList<(OpenDataColumn Column, Func<T, object?> Value)> columns,
    Func<PublicData, CancellationToken, Task<List<T>>> load) : OpenDataSet(name, title, description)
{
    public override IReadOnlyList<OpenDataColumn> Columns { get; } = columns.Select(c => c.Column).ToList();

    public override async Task<OpenDataTable> LoadAsync(PublicData data, CancellationToken cancellationToken)
    {
        var records = await load(data, cancellationToken);
        return new OpenDataTable(Columns, records.Select(r => columns.Select(c => c.Value(r)).ToArray()).ToList());
    }
}

public static class OpenDataSets
{
    private const string Text = "texto";
    private const string Integer = "inteiro";
    private const string Decimal = "decimal";
    private const string Date = "data";
    private const string DateTime = "data e hora";

    private static decimal? Round(decimal? fraction) => fraction is decimal f ? Math.Round(f, 4) : null;

    private static (OpenDataColumn, Func<T, object?>) C<T>(string name, string type, string meaning, string example, Func<T, object?> value) =>
        (new OpenDataColumn(name, type, meaning, example), value);

    public static readonly OpenDataSet<PublicOrganization> Organizations = new("orgaos", "Órgãos e entidades",
        "Os órgãos e entidades que têm ao menos um plano de integridade publicado.",
        [
            C<PublicOrganization>("id", Integer, "Identificador do órgão ou entidade no SisPMPI (o mesmo em planos.orgao_id e acoes.orgao_id).", "12", o => o.Id),
            C<PublicOrganization>("nome", Text, "Nome do órgão ou entidade.", "Secretaria de Estado de Planejamento e Gestão", o => o.Name),
            C<PublicOrganization>("sigla", Text, "Sigla.", "SEPLAG", o => o.Acronym),
            C<PublicOrganization>("cnpj", Text, "CNPJ, 14 caracteres sem pontuação; letras maiúsculas no formato alfanumérico.", "05461142000170", o => o.Cnpj),
            C<PublicOrganization>("natureza", Text, "Natureza jurídica: Administração direta, Autarquia, Fundação, Empresa pública, Sociedade de economia mista, Prefeitura, Câmara municipal ou Outro.", "Administração direta", o => Labels.Of(o.Kind)),
            C<PublicOrganization>("esfera", Text, "Esfera: Municipal, Estadual ou Federal.", "Estadual", o => Labels.Of(o.Sphere)),
            C<PublicOrganization>("poder", Text, "Poder: Executivo, Legislativo, Judiciário, Ministério Público ou Tribunal de Contas.", "Executivo", o => Labels.Of(o.Branch)),
            C<PublicOrganization>("uf", Text, "Sigla da unidade da federação; vazio quando não informada.", "MG", o => o.StateCode),
            C<PublicOrganization>("municipio_codigo_ibge", Text, "Código IBGE do município, 7 dígitos; vazio para órgãos estaduais e federais.", "3146107", o => o.MunicipalityCode),
            C<PublicOrganization>("municipio", Text, "Nome do município; vazio para órgãos estaduais e federais.", "Ouro Preto", o => o.MunicipalityName),
            C<PublicOrganization>("orgao_superior", Text, "Nome do órgão superior na rede; vazio quando não há.", "Controladoria-Geral do Estado", o => o.ParentName),
            C<PublicOrganization>("planos_publicados", Integer, "Quantidade de planos publicados (em vigor) do órgão.", "1", o => o.PublishedPlans),
            C<PublicOrganization>("acoes", Integer, "Quantidade de ações nos planos publicados do órgão.", "21", o => o.Actions),
        ],
        (data, token) => data.AllOrganizationsAsync(token));

    public static readonly OpenDataSet<PublicPlan> Plans = new("planos", "Planos de integridade",
        "Os planos de integridade publicados (em vigor); versões em elaboração e obsoletas não constam.",
        [
            C<PublicPlan>("id", Integer, "Identificador do plano (o mesmo em acoes.plano_id).", "7", p => p.Id),
            C<PublicPlan>("orgao_id", Integer, "Órgão ou entidade do plano (orgaos.id).", "12", p => p.OrganizationId),
            C<PublicPlan>("orgao_sigla", Text, "Sigla do órgão ou entidade.", "SEPLAG", p => p.OrganizationAcronym),
            C<PublicPlan>("titulo", Text, "Título do plano.", "Plano de Integridade da SEPLAG", p => p.Title),
            C<PublicPlan>("edicao", Text, "Edição: o ciclo do plano.", "2025–2027", p => p.Edition),
            C<PublicPlan>("versao", Integer, "Versão (revisão) dentro da edição.", "1", p => p.Version),
            C<PublicPlan>("vigencia_inicio", Date, "Início da vigência (AAAA-MM-DD).", "2025-01-01", p => p.ValidFrom),
            C<PublicPlan>("vigencia_fim", Date, "Fim da vigência (AAAA-MM-DD).", "2027-12-31", p => p.ValidTo),
            C<PublicPlan>("publicado_em", DateTime, "Data e hora da publicação, no horário de Brasília com o fuso (ISO 8601).", "2025-02-10T14:30:00-03:00", p => p.PublishedAt),
            C<PublicPlan>("eixos", Integer, "Quantidade de eixos e subeixos.", "8", p => p.Axes),
            C<PublicPlan>("acoes", Integer, "Quantidade de ações.", "21", p => p.Actions),
            C<PublicPlan>("progresso", Decimal, "Progresso do plano, de 0 a 1 com até 4 casas decimais: média do progresso das ações ponderada pelo peso (ações descontinuadas não contam); vazio quando nenhuma ação conta.", "0.4375", p => Round(p.Progress)),
        ],
        (data, token) => data.PlansAsync(null, token));

    public static readonly OpenDataSet<PublicAction> Actions = new("acoes", "Ações dos planos",
        "Todas as ações dos planos publicados, com a situação, o farol e o progresso na data de referência.",
        [
            C<PublicAction>("id", Integer, "Identificador da ação.", "153", a => a.Id),
            C<PublicAction>("plano_id", Integer, "Plano da ação (planos.id).", "7", a => a.PlanId),
            C<PublicAction>("orgao_id", Integer, "Órgão ou entidade (orgaos.id).", "12", a => a.OrganizationId),
            C<PublicAction>("eixo_numero", Text, "Número do eixo ou subeixo da ação.", "2.1", a => a.AxisNumber),
            C<PublicAction>("eixo_titulo", Text, "Título do eixo ou subeixo.", "Mapeamento de riscos", a => a.AxisTitle),
            C<PublicAction>("numero", Text, "Número da ação no plano (eixo, subeixo e posição).", "2.1.3", a => a.Number),
            C<PublicAction>("titulo", Text, "Título da ação.", "Mapear riscos à integridade nos processos de compras", a => a.Title),
            C<PublicAction>("tipo", Text, "Tipo de ação, do catálogo do sistema.", "Normativo", a => a.ActionType),
            C<PublicAction>("classificacao", Text, "Pontual (com término previsto) ou Contínua.", "Pontual", a => Labels.Of(a.Classification)),
            C<PublicAction>("unidade_executora", Text, "Nome da unidade administrativa que executa a ação; vazio quando não definida.", "Superintendência de Compras e Contratos", a => a.Unit),
            C<PublicAction>("inicio_previsto", Date, "Início previsto (AAAA-MM-DD).", "2025-03-01", a => a.PlannedStart),
            C<PublicAction>("termino_previsto", Date, "Término previsto (AAAA-MM-DD).", "2025-11-30", a => a.PlannedEnd),
            C<PublicAction>("orcamento_previsto", Decimal, "Orçamento previsto, em reais, com ponto decimal.", "15000.00", a => a.PlannedBudget),
            C<PublicAction>("iniciada_em", Date, "Data de início da execução (AAAA-MM-DD); vazio se não iniciada.", "2025-03-10", a => a.StartedOn),
            C<PublicAction>("concluida_em", Date, "Data de conclusão (AAAA-MM-DD); vazio se não concluída.", "2025-10-20", a => a.ConcludedOn),
            C<PublicAction>("descontinuada_em", Date, "Data em que foi descontinuada (AAAA-MM-DD); vazio se não foi.", "", a => a.DiscontinuedOn),
            C<PublicAction>("orcamento_executado", Decimal, "Orçamento executado, em reais, com ponto decimal; vazio quando não informado.", "12350.75", a => a.BudgetSpent),
            C<PublicAction>("situacao", Text, "Situação: Não iniciada, Em andamento, Concluída ou Descontinuada.", "Em andamento", a => Labels.Of(a.Status)),
            C<PublicAction>("farol", Text, "Farol na data de referência: Branco (não iniciada), Verde (em dia), Amarelo (requer atenção), Vermelho (atrasada), Azul (concluída) ou Cinza (descontinuada).", "Verde", a => Labels.Of(a.Light)),
            C<PublicAction>("progresso", Decimal, "Progresso da ação, de 0 a 1 com até 4 casas decimais (meta medida ou conclusão); vazio para ação descontinuada.", "0.5", a => Round(a.Progress)),
            C<PublicAction>("peso", Decimal, "Peso da ação no progresso do eixo e do plano.", "1", a => a.Weight),
        ],
        (data, token) => data.AllActionsAsync(token));
}

/// <summary>
/// Writes open-data tables. CSV: UTF-8 without BOM, fields separated by semicolons (commas are common in Portuguese
/// text and pt-BR spreadsheets split on semicolons), RFC 4180 quoting, CRLF line ends, a header row; numbers with a
/// decimal point and dates in ISO 8601, as in the JSON, so both read the same in any tool.
/// </summary>
public static class OpenDataWriter
{
    public const char Separator = ';';
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Csv(OpenDataTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(Separator, table.Columns.Select(c => c.Name)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(Separator);
                }
                text.Append(Quote(Format(row[i])));
            }
            text.Append("\r\n");
        }
        return _utf8.GetBytes(text.ToString());
    }

    public static byte[] Json(OpenDataTable table)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    var name = table.Columns[i].Name;
                    switch (row[i])
                    {
                        case null:
                            json.WriteNull(name);
                            break;
                        case int number:
                            json.WriteNumber(name, number);
                            break;
                        case long number:
                            json.WriteNumber(name, number);
                            break;
                        case decimal number:
                            json.WriteNumber(name, Normalize(number));
                            break;
                        case bool flag:
                            json.WriteBoolean(name, flag);
                            break;
                        default:
                            json.WriteString(name, Format(row[i]));
                            break;
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return stream.ToArray();
    }

    /// <summary>The text of a value in both formats: ISO dates, Brasília date-times with their offset, invariant numbers.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => TimeZoneInfo.ConvertTime(at, Infrastructure.Web.BrazilTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        decimal number => Normalize(number).ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => value.ToString() ?? "",
    };

    /// <summary>The same number without trailing zeros, so that both databases write 15000 rather than 15000.0 or 15000.00.</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
