using System.Text;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>What a run of <c>import-sispmpi</c> did, printed in Portuguese at the end.</summary>
public sealed class LegacyImportReport
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public bool DryRun { get; init; }

    /// <summary>Bodies imported (or, on a dry run, that would be).</summary>
    public List<string> ImportedBodies { get; } = [];

    /// <summary>Bodies already imported by an earlier run, left untouched.</summary>
    public List<string> SkippedBodies { get; } = [];

    /// <summary>What stopped the import before anything was written (mapping file).</summary>
    public List<string> Blockers { get; } = [];

    /// <summary>Bodies whose import failed and was rolled back, with the reason.</summary>
    public List<string> FailedBodies { get; } = [];

    /// <summary>Records not brought over, each with why.</summary>
    public List<string> Refusals { get; } = [];

    /// <summary>Records brought over with an adjustment the operator should know about.</summary>
    public List<string> Notes { get; } = [];

    public string? TemplatePath { get; set; }

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void Count(string kind, int by = 1) => _counts[kind] = _counts.GetValueOrDefault(kind) + by;

    public int Get(string kind) => _counts.GetValueOrDefault(kind);

    public bool NothingToDo => Blockers.Count == 0 && FailedBodies.Count == 0 && ImportedBodies.Count == 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(DryRun ? "Importação do SisPMPI original — simulação (nada foi gravado)" : "Importação do SisPMPI original");
        if (TemplatePath is not null)
        {
            text.AppendLine($"Modelo do arquivo de mapeamento gravado em {TemplatePath}: preencha CNPJ, tipo, esfera e poder de cada órgão.");
        }
        if (Blockers.Count > 0)
        {
            text.AppendLine(DryRun
                ? "O arquivo de mapeamento ainda não permite a importação:"
                : "Importação interrompida antes de gravar qualquer dado:");
            Blockers.ForEach(b => text.AppendLine($"  - {b}"));
        }
        if (SkippedBodies.Count > 0)
        {
            text.AppendLine($"Órgãos já importados anteriormente, mantidos sem alteração: {string.Join(", ", SkippedBodies)}.");
        }
        if (NothingToDo)
        {
            text.AppendLine("Nada a importar: todos os órgãos do SisPMPI original já foram importados.");
            return text.ToString();
        }
        if (ImportedBodies.Count > 0)
        {
            text.AppendLine((DryRun ? "Órgãos a importar: " : "Órgãos importados: ") + string.Join(", ", ImportedBodies) + ".");
            text.AppendLine(DryRun ? "Registros a importar, por tipo:" : "Registros importados, por tipo:");
            foreach (var (kind, count) in _counts)
            {
                text.AppendLine($"  {kind}: {count}");
            }
        }
        if (FailedBodies.Count > 0)
        {
            text.AppendLine("Órgãos não importados (nada deles foi gravado):");
            FailedBodies.ForEach(f => text.AppendLine($"  - {f}"));
        }
        if (Refusals.Count > 0)
        {
            text.AppendLine($"Registros recusados ({Refusals.Count}):");
            Refusals.ForEach(r => text.AppendLine($"  - {r}"));
        }
        if (Notes.Count > 0)
        {
            text.AppendLine("Observações:");
            Notes.ForEach(n => text.AppendLine($"  - {n}"));
        }
        return text.ToString();
    }
}
