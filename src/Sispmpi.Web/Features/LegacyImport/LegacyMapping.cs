using Sispmpi.Core.Organizations;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>What the original lacks for one body and this system requires, as the operator filled it.</summary>
public sealed record LegacyBodyMapping(int LegacyId, string Acronym, string Name, string? Cnpj, OrganizationKind? Kind, Sphere? Sphere, Branch? Branch);

/// <summary>
/// The mapping file: one line per body of the original, columns separated by semicolons
/// (<c>id;sigla;nome;cnpj;tipo;esfera;poder</c>), lines starting with # ignored. The words accepted for the last
/// three columns are listed in the template's header.
/// </summary>
public static class LegacyMapping
{
    public const string Header = "id;sigla;nome;cnpj;tipo;esfera;poder";

    private static readonly Dictionary<string, OrganizationKind> _kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["administracao-direta"] = OrganizationKind.DirectAdministration, ["autarquia"] = OrganizationKind.Autarchy,
        ["fundacao"] = OrganizationKind.Foundation, ["empresa-publica"] = OrganizationKind.PublicCompany,
        ["sociedade-economia-mista"] = OrganizationKind.MixedCapitalCompany, ["prefeitura"] = OrganizationKind.CityHall,
        ["camara-municipal"] = OrganizationKind.CityCouncil, ["outro"] = OrganizationKind.Other,
    };

    private static readonly Dictionary<string, Sphere> _spheres = new(StringComparer.OrdinalIgnoreCase)
    {
        ["municipal"] = Sphere.Municipal, ["estadual"] = Sphere.State, ["federal"] = Sphere.Federal,
    };

    private static readonly Dictionary<string, Branch> _branches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["executivo"] = Branch.Executive, ["legislativo"] = Branch.Legislative, ["judiciario"] = Branch.Judiciary,
        ["ministerio-publico"] = Branch.PublicProsecution, ["tribunal-de-contas"] = Branch.CourtOfAccounts,
    };

    /// <summary>The original's body types that say which kind a body is (its others do not).</summary>
    private static string SuggestedKind(int legacyType) => legacyType switch
    {
        2 => "autarquia",
        3 => "fundacao",
        4 => "administracao-direta",
        _ => "",
    };

    public static string Template(IEnumerable<LegacyRow> bodies)
    {
        var lines = new List<string>
        {
            "# Mapeamento dos órgãos do SisPMPI original: preencha CNPJ, tipo, esfera e poder de cada órgão.",
            $"# tipo: {string.Join(", ", _kinds.Keys)}",
            $"# esfera: {string.Join(", ", _spheres.Keys)}",
            $"# poder: {string.Join(", ", _branches.Keys)}",
            Header,
        };
        lines.AddRange(bodies.Select(b =>
            $"{b.Id};{Clean(b.Text("sigla"))};{Clean(b.Text("nome"))};;{SuggestedKind(b.Int("tipo"))};;"));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Reads the file; values it cannot read are left null and reported by <see cref="Problems"/>.</summary>
    public static Dictionary<int, LegacyBodyMapping> Read(string text)
    {
        var result = new Dictionary<int, LegacyBodyMapping>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.Equals(Header, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var cells = line.Split(';').Select(c => c.Trim()).ToArray();
            if (cells.Length < 7 || !int.TryParse(cells[0], out var id))
            {
                continue;
            }
            result[id] = new LegacyBodyMapping(id, cells[1], cells[2], cells[3].Length == 0 ? null : cells[3],
                _kinds.TryGetValue(cells[4], out var kind) ? kind : null,
                _spheres.TryGetValue(cells[5], out var sphere) ? sphere : null,
                _branches.TryGetValue(cells[6], out var branch) ? branch : null);
        }
        return result;
    }

    /// <summary>What is missing or wrong for one body, in Portuguese; empty when it may be imported.</summary>
    public static List<string> Problems(LegacyRow body, LegacyBodyMapping? mapping)
    {
        var name = $"{body.Text("sigla")} – {body.Text("nome")} (id {body.Id})";
        if (mapping is null)
        {
            return [$"{name}: o órgão não consta do arquivo de mapeamento (faltam CNPJ, tipo, esfera e poder)."];
        }
        var problems = new List<string>();
        if (mapping.Cnpj is null)
        {
            problems.Add($"{name}: falta o CNPJ.");
        }
        else if (!Cnpj.IsValid(mapping.Cnpj))
        {
            problems.Add($"{name}: o CNPJ {mapping.Cnpj} não é válido.");
        }
        if (mapping.Kind is null)
        {
            problems.Add($"{name}: falta o tipo (ou não é um dos tipos aceitos).");
        }
        if (mapping.Sphere is null)
        {
            problems.Add($"{name}: falta a esfera (ou não é uma das esferas aceitas).");
        }
        if (mapping.Branch is null)
        {
            problems.Add($"{name}: falta o poder (ou não é um dos poderes aceitos).");
        }
        return problems;
    }

    private static string Clean(string? value) => (value ?? "").Replace(';', ',').Replace('\n', ' ');
}
