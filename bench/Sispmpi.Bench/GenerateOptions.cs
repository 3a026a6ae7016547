using System.Globalization;
using Sispmpi.Web.Data;

namespace Sispmpi.Bench;

/// <summary>The arguments of <c>generate</c> (see bench/README.md).</summary>
public sealed record GenerateOptions(
    int Organizations,
    int ActionsPerOrganization,
    string Connection,
    DatabaseProvider Provider,
    int Seed,
    bool Append,
    DateOnly ReferenceDate)
{
    public const string Usage = """
        Uso: dotnet run -c Release --project bench/Sispmpi.Bench -- generate --orgs N --actions-per-org M --db <conexão>
               [--provider sqlite|postgres] [--seed 42] [--append] [--reference-date aaaa-mm-dd]

          --orgs N               órgãos abaixo da controladoria (a CGE é criada à parte, ou reaproveitada com --append)
          --actions-per-org M    ações de plano por órgão
          --db <conexão>         "Host=...;Database=...;Username=..." (PostgreSQL) ou "Data Source=arquivo.db" (SQLite)
          --provider             deduzido da conexão quando omitido
          --seed                 semente dos dados (padrão 42): mesma semente e data, mesmos dados
          --append               acrescenta a um banco que já tem órgãos (sem isso, o gerador recusa)
          --reference-date       o "hoje" dos dados gerados (padrão: a data atual, UTC)
        """;

    /// <summary>Parses the arguments after <c>generate</c>; returns null with a message when they are wrong.</summary>
    public static GenerateOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        int? organizations = null, actions = null;
        string? connection = null, provider = null;
        var seed = 42;
        var append = false;
        var referenceDate = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--append")
            {
                append = true;
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
                case "--orgs" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1:
                    organizations = n;
                    break;
                case "--actions-per-org" when int.TryParse(value, CultureInfo.InvariantCulture, out var m) && m >= 0:
                    actions = m;
                    break;
                case "--db":
                    connection = value;
                    break;
                case "--provider":
                    provider = value;
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--reference-date" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var date):
                    referenceDate = date;
                    break;
                default:
                    error = $"Argumento inválido: {name} {value}";
                    return null;
            }
        }
        if (organizations is null || actions is null || string.IsNullOrWhiteSpace(connection))
        {
            error = "Informe --orgs, --actions-per-org e --db.";
            return null;
        }
        var resolved = ResolveProvider(provider, connection);
        if (resolved is null)
        {
            error = provider is null
                ? "Não foi possível deduzir o banco pela conexão: informe --provider sqlite ou --provider postgres."
                : $"Provedor desconhecido: {provider} (use sqlite ou postgres).";
            return null;
        }
        return new GenerateOptions(organizations.Value, actions.Value, connection, resolved.Value, seed, append, referenceDate);
    }

    private static DatabaseProvider? ResolveProvider(string? provider, string connection)
    {
        if (provider is not null)
        {
            return provider.Trim().ToLowerInvariant() switch
            {
                "sqlite" => DatabaseProvider.Sqlite,
                "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
                _ => null,
            };
        }
        var keys = connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim().ToLowerInvariant())
            .ToHashSet();
        return keys.Contains("host") || keys.Contains("server") ? DatabaseProvider.Postgres
            : keys.Contains("data source") || keys.Contains("datasource") || keys.Contains("filename") ? DatabaseProvider.Sqlite
            : null;
    }
}
