using System.Globalization;

namespace Sispmpi.Web.Features.Formulation.Import;

// The axes and sub-axes the lines name, checked against each other and against the plan's existing axes.
public static partial class ActionImportParser
{
    /// <summary>
    /// Settles each axis's and sub-axis's title over the whole file: the plan's own title for one it already
    /// has, otherwise the first title the file gives; any other title is a problem of its line. Numbers must
    /// leave no gap (an axis 3 needs an axis 2), since numbers follow positions.
    /// </summary>
    private static Dictionary<(int Axis, int? SubAxis), string> SettleAxes(List<Draft> drafts, ImportContext context, List<ImportError> errors)
    {
        var existing = new Dictionary<(int, int?), string>();
        foreach (var axis in context.ExistingAxes)
        {
            var parts = axis.Number.Split('.');
            if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            {
                existing.TryAdd((a, null), axis.Title);
            }
            else if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out a)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                existing.TryAdd((a, s), axis.Title);
            }
        }

        var titles = new Dictionary<(int, int?), string>(existing);
        var firstTitleLine = new Dictionary<(int, int?), int>();
        var firstLine = new Dictionary<(int, int?), int>();
        foreach (var draft in drafts.Where(d => d.Axis is not null))
        {
            var axisKey = (draft.Axis!.Value, (int?)null);
            Check(axisKey, draft.AxisTitle, draft.Line, ImportField.AxisTitle, $"eixo {draft.Axis}");
            if (draft.SubAxis is int sub)
            {
                Check((draft.Axis.Value, sub), draft.SubAxisTitle, draft.Line, ImportField.SubAxisTitle, $"subeixo {draft.Axis}.{sub}");
            }
        }

        void Check((int, int?) key, string? title, int line, ImportField field, string name)
        {
            firstLine.TryAdd(key, line);
            if (title is null)
            {
                return;
            }
            if (!titles.TryGetValue(key, out var settled))
            {
                titles[key] = title;
                firstTitleLine[key] = line;
            }
            else if (ImportColumns.Normalize(settled) != ImportColumns.Normalize(title))
            {
                errors.Add(new ImportError(line, ImportColumns.Header(field), existing.ContainsKey(key)
                    ? $"O {name} já existe no plano com o título “{settled}”. Use o mesmo título ou deixe a célula em branco."
                    : $"O {name} aparece com outro título na linha {firstTitleLine[key]} (“{settled}”). Use o mesmo título em todas as linhas ou deixe a célula em branco."));
            }
        }

        foreach (var (key, line) in firstLine.OrderBy(p => p.Value))
        {
            if (!titles.ContainsKey(key))
            {
                var (axis, sub) = key;
                errors.Add(sub is null
                    ? new ImportError(line, ImportColumns.Header(ImportField.AxisTitle), $"Informe o título do eixo {axis}, que ainda não existe no plano.")
                    : new ImportError(line, ImportColumns.Header(ImportField.SubAxisTitle), $"Informe o título do subeixo {axis}.{sub}, que ainda não existe no plano."));
            }
        }

        // No gaps: every number up to the largest one used exists in the plan or in the file.
        var used = existing.Keys.Concat(firstLine.Keys).ToHashSet();
        foreach (var (key, line) in firstLine.OrderBy(p => p.Value))
        {
            var (axis, sub) = key;
            if (sub is null)
            {
                var missing = Enumerable.Range(1, axis - 1).FirstOrDefault(n => !used.Contains((n, null)));
                if (missing > 0)
                {
                    errors.Add(new ImportError(line, ImportColumns.Header(ImportField.Axis),
                        $"Não há eixo {missing} no plano nem no arquivo. Numere os eixos em sequência (1, 2, 3…)."));
                }
            }
            else
            {
                var missing = Enumerable.Range(1, sub.Value - 1).FirstOrDefault(n => !used.Contains((axis, n)));
                if (missing > 0)
                {
                    errors.Add(new ImportError(line, ImportColumns.Header(ImportField.SubAxis),
                        $"Não há subeixo {axis}.{missing} no plano nem no arquivo. Numere os subeixos de cada eixo em sequência (1, 2, 3…)."));
                }
            }
        }
        return titles;
    }
}
