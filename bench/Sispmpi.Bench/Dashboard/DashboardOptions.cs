using System.Globalization;

namespace Sispmpi.Bench.Dashboard;

/// <summary>The arguments of <c>dashboard</c> (see bench/README.md).</summary>
public sealed record DashboardOptions(
    string Connection,
    int Organizations,
    int Actions,
    int Requests,
    int Warmup,
    int Seed,
    int? PlanId,
    bool Recreate,
    bool Explain,
    string Password,
    string? ContentRoot)
{
    public const string Usage = """
        Uso: dotnet run -c Release --project bench/Sispmpi.Bench -- dashboard --db <conexão PostgreSQL>
               [--orgs 1] [--actions 500] [--requests 300] [--warmup 20] [--seed 42] [--plan ID] [--recreate] [--explain]
               [--password Bench@SisPMPI2026] [--content-root src/Sispmpi.Web]

          --db <conexão>     "Host=...;Port=...;Database=...;Username=..." — o banco é criado se não existir; vazio,
                             recebe --orgs órgãos com planos de --actions ações (o gerador) e, no plano medido, os dados de monitoramento
          --orgs N           órgãos gerados (padrão 1); o painel é o do primeiro, os demais só dão volume ao banco
          --actions N        ações do plano de cada órgão gerado (padrão 500)
          --requests N       medições de cada tipo (padrão 300): GET do painel e MonitoringDashboard.BuildAsync
          --warmup N         execuções de aquecimento, não medidas (padrão 20)
          --seed N           semente do gerador e dos dados de monitoramento (padrão 42)
          --plan ID          o plano do painel (padrão: o plano publicado com mais ações)
          --recreate         apaga e recria o banco antes (DROP DATABASE … WITH (FORCE))
          --explain          imprime o SQL e o EXPLAIN (ANALYZE, BUFFERS) de cada consulta do painel
          --password         a senha da conta usada para entrar (padrão: a das contas geradas)
          --content-root     a pasta do projeto web (wwwroot, appsettings.json); padrão: src/Sispmpi.Web acima daqui
        """;

    /// <summary>Parses the arguments after <c>dashboard</c>; returns null with a message when they are wrong.</summary>
    public static DashboardOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? connection = null, contentRoot = null;
        var password = GenerateCommand.Password;
        int organizations = 1, actions = 500, requests = 300, warmup = 20, seed = 42;
        int? planId = null;
        bool recreate = false, explain = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--recreate":
                    recreate = true;
                    continue;
                case "--explain":
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
                case "--orgs" when TryPositive(value, out var n):
                    organizations = n;
                    break;
                case "--actions" when TryPositive(value, out var n):
                    actions = n;
                    break;
                case "--requests" when TryPositive(value, out var n):
                    requests = n;
                    break;
                case "--warmup" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0:
                    warmup = n;
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var n):
                    seed = n;
                    break;
                case "--plan" when TryPositive(value, out var n):
                    planId = n;
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
        if (string.IsNullOrWhiteSpace(connection))
        {
            error = "Informe --db com a conexão PostgreSQL.";
            return null;
        }
        var keys = connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim().ToLowerInvariant())
            .ToHashSet();
        if (!keys.Contains("host") && !keys.Contains("server"))
        {
            error = "O painel é medido no PostgreSQL: a conexão precisa de Host=… (e Database=…).";
            return null;
        }
        return new DashboardOptions(connection, organizations, actions, requests, warmup, seed, planId, recreate, explain, password, contentRoot);
    }

    private static bool TryPositive(string value, out int number) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out number) && number >= 1;
}
