using System.Globalization;

namespace Sispmpi.Bench.Panel;

/// <summary>The arguments of <c>panel</c> (see bench/README.md).</summary>
public sealed record PanelOptions(string Connection, int Organizations, int Actions, int Requests, int Warmup, int Seed, bool Recreate, bool Explain,
    string Password, string? ContentRoot)
{
    public const string Usage = """
        Uso: dotnet run -c Release --project bench/Sispmpi.Bench -- panel --db <conexão PostgreSQL>
               [--orgs 2000] [--actions 100] [--requests 100] [--warmup 10] [--seed 42] [--recreate] [--explain]
               [--password Bench@SisPMPI2026] [--content-root src/Sispmpi.Web]

          --db <conexão>     "Host=...;Port=...;Database=...;Username=..." — o banco é criado se não existir e, vazio,
                             recebe --orgs órgãos com planos de --actions ações (o gerador)
          --orgs N           órgãos gerados abaixo da CGE (padrão 2000)
          --actions N        ações por plano (padrão 100)
          --requests N       medições de cada tipo (padrão 100): GET /painel e a consulta principal do painel direto no banco
          --warmup N         execuções de aquecimento, não medidas (padrão 10)
          --seed N           semente do gerador (padrão 42)
          --recreate         apaga e recria o banco antes (DROP DATABASE … WITH (FORCE))
          --explain          imprime o SQL e o EXPLAIN (ANALYZE, BUFFERS) de cada consulta do painel
          --password         a senha da conta usada para entrar (padrão: a das contas geradas)
          --content-root     a pasta do projeto web (padrão: src/Sispmpi.Web acima daqui)
        """;

    public static PanelOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? connection = null, contentRoot = null;
        var password = GenerateCommand.Password;
        int organizations = 2000, actions = 100, requests = 100, warmup = 10, seed = 42;
        bool recreate = false, explain = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--recreate")
            {
                recreate = true;
                continue;
            }
            if (name == "--explain")
            {
                explain = true;
                continue;
            }
            if (i + 1 >= args.Count)
            {
                error = $"Falta o valor de {name}.";
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--db":
                    connection = value;
                    break;
                case "--orgs" when Positive(value, out var n):
                    organizations = n;
                    break;
                case "--actions" when Positive(value, out var n):
                    actions = n;
                    break;
                case "--requests" when Positive(value, out var n):
                    requests = n;
                    break;
                case "--warmup" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0:
                    warmup = n;
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var n):
                    seed = n;
                    break;
                case "--password":
                    password = value;
                    break;
                case "--content-root":
                    contentRoot = value;
                    break;
                default:
                    error = $"Argumento inválido: {name} {value}";
                    return null;
            }
        }
        if (string.IsNullOrWhiteSpace(connection) || !connection.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            error = "Informe --db com a conexão PostgreSQL (Host=…;Database=…).";
            return null;
        }
        return new PanelOptions(connection, organizations, actions, requests, warmup, seed, recreate, explain, password, contentRoot);
    }

    private static bool Positive(string value, out int number) => int.TryParse(value, CultureInfo.InvariantCulture, out number) && number >= 1;
}
