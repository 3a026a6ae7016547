using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Transparency;

/// <summary>
/// Open data (SPEC §6): the CSV and JSON files hold exactly the published plans' organizations, plans and actions of the
/// database, with the columns the data dictionary lists, in UTF-8 without BOM, semicolons, ISO dates.
/// </summary>
public sealed class OpenDataTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Theory]
    [InlineData("orgaos")]
    [InlineData("planos")]
    [InlineData("acoes")]
    public async Task Every_column_of_both_files_is_in_the_data_dictionary_and_both_files_agree(string set)
    {
        var client = app.CreateAnonymousClient();
        var dictionary = await SispmpiAppFactory.GetDocumentAsync(client, "/dados-abertos");
        var table = dictionary.QuerySelector($"table[data-dictionary='{set}']").ShouldNotBeNull();
        var documented = table.QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent.Trim()).ToList();
        table.QuerySelectorAll("tbody tr").ShouldAllBe(r => r.Children.Length == 4 && r.Children[1].TextContent.Trim().Length > 0
            && r.Children[2].TextContent.Trim().Length > 0);
        dictionary.QuerySelector($"a[href='/dados-abertos/{set}.csv']").ShouldNotBeNull();
        dictionary.QuerySelector($"a[href='/dados-abertos/{set}.json']").ShouldNotBeNull();

        var (header, rows) = await CsvAsync(client, $"/dados-abertos/{set}.csv");
        header.ShouldBe(documented);
        header.ShouldAllBe(name => System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9_]*$"));
        var json = await JsonAsync(client, $"/dados-abertos/{set}.json");
        json.Count.ShouldBe(rows.Count);
        rows.Count.ShouldBeGreaterThan(0);
        for (var i = 0; i < rows.Count; i++)
        {
            json[i].EnumerateObject().Select(p => p.Name).ShouldBe(documented);
            for (var c = 0; c < header.Count; c++)
            {
                var value = json[i].GetProperty(header[c]);
                var text = value.ValueKind switch
                {
                    JsonValueKind.Null => "",
                    JsonValueKind.String => value.GetString()!,
                    _ => value.GetRawText(),
                };
                text.ShouldBe(rows[i][c], $"{set}[{i}].{header[c]}");
            }
        }
    }

    [Fact]
    public async Task The_action_files_hold_every_action_of_the_published_plans_as_in_the_database()
    {
        var expected = await app.WithDbAsync(db => db.PlanActions
            .Where(a => a.Plan!.Status == PlanStatus.Published)
            .Select(a => new
            {
                a.Id, a.PlanId, a.OrganizationId, a.Number, a.Title, a.Status, a.PlannedStart, a.PlannedEnd, a.PlannedBudget, a.StartedOn,
                a.ConcludedOn, Unit = a.ExecutingUnit!.Name, Axis = a.Axis!.Number,
            })
            .ToListAsync());
        expected.Count.ShouldBe(23);
        var (header, rows) = await CsvAsync(app.CreateAnonymousClient(), "/dados-abertos/acoes.csv");
        var byId = rows.ToDictionary(r => int.Parse(r[header.IndexOf("id")], CultureInfo.InvariantCulture));
        byId.Keys.Order().ShouldBe(expected.Select(a => a.Id).Order());
        string Col(string[] row, string name) => row[header.IndexOf(name)];
        foreach (var a in expected)
        {
            var row = byId[a.Id];
            Col(row, "plano_id").ShouldBe(a.PlanId.ToString(CultureInfo.InvariantCulture));
            Col(row, "orgao_id").ShouldBe(a.OrganizationId.ToString(CultureInfo.InvariantCulture));
            Col(row, "numero").ShouldBe(a.Number);
            Col(row, "eixo_numero").ShouldBe(a.Axis);
            Col(row, "titulo").ShouldBe(a.Title);
            Col(row, "unidade_executora").ShouldBe(a.Unit);
            Col(row, "situacao").ShouldBe(Labels.Of(a.Status));
            Col(row, "inicio_previsto").ShouldBe(a.PlannedStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            Col(row, "termino_previsto").ShouldBe(a.PlannedEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            Col(row, "iniciada_em").ShouldBe(a.StartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            Col(row, "concluida_em").ShouldBe(a.ConcludedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            (Col(row, "orcamento_previsto") is { Length: > 0 } budget ? decimal.Parse(budget, CultureInfo.InvariantCulture) : (decimal?)null)
                .ShouldBe(a.PlannedBudget);
        }
        // Every status and light of the demo plan is there, in Portuguese.
        rows.Select(r => Col(r, "farol")).Distinct().Order().ShouldBe(["Amarelo", "Azul", "Branco", "Cinza", "Verde", "Vermelho"]);
    }

    [Fact]
    public async Task The_plan_and_organization_files_hold_the_published_plans_and_their_organizations()
    {
        var (plans, organizations) = await app.WithDbAsync(async db => (
            await db.Plans.Where(p => p.Status == PlanStatus.Published)
                .Select(p => new { p.Id, p.OrganizationId, p.Title, p.Edition, p.ValidFrom, Actions = p.Actions.Count }).ToListAsync(),
            await db.Organizations.Where(o => db.Plans.Any(p => p.OrganizationId == o.Id && p.Status == PlanStatus.Published))
                .Select(o => new { o.Id, o.Name, o.Cnpj }).ToListAsync()));
        var client = app.CreateAnonymousClient();
        var planRows = await JsonAsync(client, "/dados-abertos/planos.json");
        planRows.Select(p => p.GetProperty("id").GetInt32()).Order().ShouldBe(plans.Select(p => p.Id).Order());
        foreach (var plan in plans)
        {
            var row = planRows.Single(p => p.GetProperty("id").GetInt32() == plan.Id);
            row.GetProperty("orgao_id").GetInt32().ShouldBe(plan.OrganizationId);
            row.GetProperty("titulo").GetString().ShouldBe(plan.Title);
            row.GetProperty("edicao").GetString().ShouldBe(plan.Edition);
            row.GetProperty("acoes").GetInt32().ShouldBe(plan.Actions);
            row.GetProperty("vigencia_inicio").GetString().ShouldBe(plan.ValidFrom!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            row.GetProperty("publicado_em").GetString()!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-03:00$");
            var progress = row.GetProperty("progresso").GetDecimal();
            progress.ShouldBeInRange(0m, 1m);
        }
        var organizationRows = await JsonAsync(client, "/dados-abertos/orgaos.json");
        organizationRows.Select(o => (o.GetProperty("id").GetInt32(), o.GetProperty("nome").GetString(), o.GetProperty("cnpj").GetString()))
            .OrderBy(o => o.Item1)
            .ShouldBe(organizations.Select(o => (o.Id, (string?)o.Name, (string?)o.Cnpj)).OrderBy(o => o.Item1));
    }

    [Fact]
    public async Task Files_are_utf8_without_bom_with_semicolons_and_quoted_fields()
    {
        using var response = await app.CreateAnonymousClient().GetAsync("/dados-abertos/orgaos.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("orgaos.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        text.ShouldStartWith("id;nome;sigla;cnpj;");
        text.ShouldContain("Secretaria de Estado de Planejamento e Gestão");
        text.ShouldEndWith("\r\n");

        // A title with the separator and quotes comes back whole.
        var tricky = "Revisar; \"com aspas\" e ponto e vírgula";
        var actionId = await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.OrderBy(a => a.Id).FirstAsync(a => a.Plan!.Status == PlanStatus.Published);
            action.Title = tricky;
            await db.SaveChangesAsync();
            return action.Id;
        });
        (await Freshness.UntilAsync(app.CreateAnonymousClient(), "/dados-abertos/acoes.csv", "com aspas")).Dispose();
        var (header, rows) = await CsvAsync(app.CreateAnonymousClient(), "/dados-abertos/acoes.csv");
        rows.Single(r => r[0] == actionId.ToString(CultureInfo.InvariantCulture))[header.IndexOf("titulo")].ShouldBe(tricky);
        rows.ShouldAllBe(r => r.Length == header.Count);
    }

    private static async Task<(List<string> Header, List<string[]> Rows)> CsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        var records = ParseCsv(await response.Content.ReadAsStringAsync());
        return (records[0].ToList(), records.Skip(1).ToList());
    }

    private static async Task<List<JsonElement>> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>RFC 4180 with ';' as separator: quoted fields may hold separators, doubled quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        quoted.ShouldBeFalse("an unterminated quoted field");
        fields.Count.ShouldBe(0, "the last record ends with CRLF");
        return records;
    }
}
