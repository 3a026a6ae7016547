using System.Globalization;

namespace Sispmpi.Bench.Load;

/// <summary>The arguments of <c>load</c> (see bench/README.md).</summary>
public sealed record LoadOptions(int Instances, int Seconds, int ScaleSeconds, int Connections, IReadOnlySet<string> Phases, string ClusterDir,
    int ProxyPort, int FirstAppPort, int PostgresPort)
{
    public static readonly string[] AllPhases = ["scale", "kill", "db", "rolling"];

    public const string Usage = """
        Uso: dotnet run -c Release --project bench/Sispmpi.Bench -- load [--instances 3] [--seconds 60] [--scale-seconds 20]
               [--connections 16] [--phases scale,kill,db,rolling] [--cluster-dir /tmp/sispmpi-load] [--port 8090]
               [--first-app-port 5201] [--pg-port 56450]

          Sobe o cluster (scripts/cluster.sh: PostgreSQL, N instâncias, haproxy) e aplica carga mista por ele:
          scale    a mesma carga com 1 instância e com todas (--scale-seconds cada)
          kill     --seconds de carga; uma instância morta com kill -9 aos 20 s
          db       --seconds de carga; o PostgreSQL parado aos 15 s e iniciado de novo 10 s depois
          rolling  carga enquanto cada instância recebe SIGTERM e volta, uma de cada vez
          No fim: cada escrita confirmada procurada no banco pelo id, a fila de e-mails conferida (nenhum enviado duas
          vezes, nenhum perdido) e verify-audit. Código de saída 0 quando todos os critérios valem, 3 quando algum falha.
        """;

    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        int instances = 3, seconds = 60, scaleSeconds = 20, connections = 16, proxyPort = 8090, firstAppPort = 5201, pgPort = 56450;
        var phases = new HashSet<string>(AllPhases);
        var clusterDir = "/tmp/sispmpi-load";
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"Falta o valor de {name}.";
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--instances" when Positive(value, out var n) && n >= 2:
                    instances = n;
                    break;
                case "--seconds" when Positive(value, out var n) && n >= 30:
                    seconds = n;
                    break;
                case "--scale-seconds" when Positive(value, out var n):
                    scaleSeconds = n;
                    break;
                case "--connections" when Positive(value, out var n):
                    connections = n;
                    break;
                case "--phases":
                    phases = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (phases.Count == 0 || phases.Any(p => !AllPhases.Contains(p)))
                    {
                        error = $"Fases inválidas: {value} (use {string.Join(",", AllPhases)}).";
                        return null;
                    }
                    break;
                case "--cluster-dir":
                    clusterDir = value;
                    break;
                case "--port" when Positive(value, out var n):
                    proxyPort = n;
                    break;
                case "--first-app-port" when Positive(value, out var n):
                    firstAppPort = n;
                    break;
                case "--pg-port" when Positive(value, out var n):
                    pgPort = n;
                    break;
                default:
                    error = $"Argumento inválido: {name} {value}";
                    return null;
            }
        }
        return new LoadOptions(instances, seconds, scaleSeconds, connections, phases, clusterDir, proxyPort, firstAppPort, pgPort);
    }

    private static bool Positive(string value, out int n) => int.TryParse(value, CultureInfo.InvariantCulture, out n) && n > 0;
}
