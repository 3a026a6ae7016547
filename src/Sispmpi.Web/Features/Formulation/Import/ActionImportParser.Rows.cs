using Sispmpi.Core.Plans;

namespace Sispmpi.Web.Features.Formulation.Import;

// One line of the file read into a draft action, each cell checked against the template's rule for its column.
public static partial class ActionImportParser
{
    /// <summary>A line as read, before the axes are settled across the whole file; null fields had a problem.</summary>
    private sealed class Draft
    {
        public int Line { get; init; }
        public int? Axis { get; set; }
        public string? AxisTitle { get; set; }
        public int? SubAxis { get; set; }
        public string? SubAxisTitle { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public int? ExecutingUnitId { get; set; }
        public List<int> SupportUnitIds { get; } = [];
        public string? Objectives { get; set; }
        public string? Benefits { get; set; }
        public ActionClassification? Classification { get; set; }
        public string? ActionType { get; set; }
        public DateOnly? PlannedStart { get; set; }
        public DateOnly? PlannedEnd { get; set; }
        public decimal? PlannedBudget { get; set; }
        public string? SuggestedEvidence { get; set; }
        public string? GoalIndicator { get; set; }
        public string? GoalUnit { get; set; }
        public decimal? GoalBaseline { get; set; }
        public decimal? GoalTarget { get; set; }
        public decimal? Weight { get; set; }
    }

    private static Draft ReadRow(SheetRow row, Dictionary<ImportField, int> map, Lookups lookups, List<ImportError> errors)
    {
        var draft = new Draft { Line = row.Line };
        string? Cell(ImportField field)
        {
            var index = map[field];
            var text = index < row.Cells.Count ? row.Cells[index] : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        }
        void Error(ImportField field, string problem) => errors.Add(new ImportError(row.Line, ImportColumns.Header(field), problem));
        string? Text(ImportField field, int maxLength, bool required = false, string? missing = null)
        {
            var text = Cell(field);
            if (text is null)
            {
                if (required)
                {
                    Error(field, missing ?? "Campo obrigatório não preenchido.");
                }
                return null;
            }
            if (text.Length > maxLength)
            {
                Error(field, $"Texto longo demais: {text.Length.ToString("N0", _ptBr)} caracteres; o limite é {maxLength.ToString("N0", _ptBr)}.");
                return null;
            }
            return text;
        }
        decimal? Number(ImportField field, int maxDecimals, decimal max, string? negative = null)
        {
            if (Cell(field) is not { } text)
            {
                return null;
            }
            if (PtBrValues.TryParseDecimal(text, out var value) is { } problem)
            {
                Error(field, problem);
                return null;
            }
            if (negative is not null && value < 0)
            {
                Error(field, negative);
                return null;
            }
            if (Math.Abs(value) > max)
            {
                Error(field, $"Valor grande demais: {PtBrValues.Format(value)}; o limite é {PtBrValues.Format(max)}.");
                return null;
            }
            if (PtBrValues.DecimalPlaces(value) > maxDecimals)
            {
                Error(field, $"Use no máximo {maxDecimals} casas decimais, e não {PtBrValues.Format(value)}.");
                return null;
            }
            return value;
        }
        DateOnly? Date(ImportField field)
        {
            if (Cell(field) is not { } text)
            {
                Error(field, "Informe a data no formato dd/mm/aaaa.");
                return null;
            }
            if (PtBrValues.TryParseDate(text, out var date) is { } problem)
            {
                Error(field, problem);
                return null;
            }
            return date;
        }

        // Axis and sub-axis.
        if (Cell(ImportField.Axis) is not { } axis)
        {
            Error(ImportField.Axis, "Informe o número do eixo (1, 2, 3…).");
        }
        else if (PtBrValues.TryParsePositiveInteger(axis, MaxAxisNumber, out var axisNumber) is { } axisProblem)
        {
            Error(ImportField.Axis, axisProblem);
        }
        else
        {
            draft.Axis = axisNumber;
        }
        draft.AxisTitle = Text(ImportField.AxisTitle, 300);
        if (Cell(ImportField.SubAxis) is { } subAxis)
        {
            if (PtBrValues.TryParsePositiveInteger(subAxis, MaxAxisNumber, out var subAxisNumber) is { } subAxisProblem)
            {
                Error(ImportField.SubAxis, subAxisProblem);
            }
            else
            {
                draft.SubAxis = subAxisNumber;
            }
        }
        draft.SubAxisTitle = Text(ImportField.SubAxisTitle, 300);
        if (draft.SubAxisTitle is not null && Cell(ImportField.SubAxis) is null)
        {
            Error(ImportField.SubAxis, "Há título de subeixo, mas falta o número do subeixo. Informe o número ou deixe o título em branco.");
        }

        // The action itself.
        draft.Title = Text(ImportField.Title, 500, required: true, missing: "Informe o título da ação.");
        draft.Description = Text(ImportField.Description, MaxLongText);
        if (Cell(ImportField.ExecutingUnit) is not { } executing)
        {
            Error(ImportField.ExecutingUnit, "Informe a sigla ou o nome da unidade executora.");
        }
        else if (lookups.Unit(executing, out var unitId) is { } unitProblem)
        {
            Error(ImportField.ExecutingUnit, unitProblem);
        }
        else
        {
            draft.ExecutingUnitId = unitId;
        }
        if (Cell(ImportField.SupportUnits) is { } support)
        {
            foreach (var name in lookups.SplitUnits(support))
            {
                if (lookups.Unit(name, out var supportId) is { } supportProblem)
                {
                    Error(ImportField.SupportUnits, supportProblem);
                }
                else if (supportId != draft.ExecutingUnitId && !draft.SupportUnitIds.Contains(supportId))
                {
                    draft.SupportUnitIds.Add(supportId);
                }
            }
        }
        draft.Objectives = Text(ImportField.Objectives, MaxLongText);
        draft.Benefits = Text(ImportField.Benefits, MaxLongText);
        switch (ImportColumns.Normalize(Cell(ImportField.Classification)))
        {
            case "":
                Error(ImportField.Classification, "Informe a classificação: Contínua ou Pontual.");
                break;
            case "continua":
                draft.Classification = ActionClassification.Continuous;
                break;
            case "pontual":
                draft.Classification = ActionClassification.OneOff;
                break;
            default:
                Error(ImportField.Classification, $"Classificação desconhecida: “{Cell(ImportField.Classification)}”. Use Contínua ou Pontual.");
                break;
        }
        if (Cell(ImportField.ActionType) is not { } type)
        {
            Error(ImportField.ActionType, $"Informe o tipo da ação: {lookups.TypeList}.");
        }
        else if (lookups.ActionTypes(type, out var unknownType) is { } canonical)
        {
            draft.ActionType = canonical;
        }
        else
        {
            Error(ImportField.ActionType, $"Tipo de ação desconhecido: “{unknownType}”. Tipos aceitos: {lookups.TypeList}; separe vários com ponto e vírgula.");
        }

        // Dates and budget.
        draft.PlannedStart = Date(ImportField.PlannedStart);
        draft.PlannedEnd = Date(ImportField.PlannedEnd);
        if (draft.PlannedStart is { } start && draft.PlannedEnd is { } end && end < start)
        {
            Error(ImportField.PlannedEnd, $"O término previsto ({PtBrValues.Format(end)}) é anterior ao início previsto ({PtBrValues.Format(start)}).");
            draft.PlannedEnd = null;
        }
        draft.PlannedBudget = Number(ImportField.PlannedBudget, 2, 9_999_999_999_999_999.99m, "O orçamento previsto não pode ser negativo.");
        draft.SuggestedEvidence = Text(ImportField.SuggestedEvidence, MaxLongText);

        // The optional quantitative goal: all or nothing of indicator and target.
        var goalFilled = new[] { ImportField.GoalIndicator, ImportField.GoalUnit, ImportField.GoalBaseline, ImportField.GoalTarget }
            .Any(f => Cell(f) is not null);
        draft.GoalIndicator = Text(ImportField.GoalIndicator, 300);
        draft.GoalUnit = Text(ImportField.GoalUnit, 60);
        draft.GoalBaseline = Number(ImportField.GoalBaseline, 4, 99_999_999_999_999.9999m);
        draft.GoalTarget = Number(ImportField.GoalTarget, 4, 99_999_999_999_999.9999m);
        if (goalFilled && Cell(ImportField.GoalIndicator) is null)
        {
            Error(ImportField.GoalIndicator, "A meta está preenchida em parte: informe também o indicador da meta.");
        }
        if (goalFilled && Cell(ImportField.GoalTarget) is null)
        {
            Error(ImportField.GoalTarget, "A meta está preenchida em parte: informe também o valor da meta.");
        }

        if (Cell(ImportField.Weight) is not null)
        {
            var weight = Number(ImportField.Weight, 4, 99_999.9999m);
            if (weight is <= 0)
            {
                Error(ImportField.Weight, "O peso deve ser maior que zero.");
            }
            else
            {
                draft.Weight = weight;
            }
        }
        return draft;
    }

    /// <summary>Units and action types found by what a person types: acronym or name, without regard to case or accents.</summary>
    private sealed class Lookups
    {
        private readonly ILookup<string, ImportUnit> _byAcronym;
        private readonly ILookup<string, ImportUnit> _byName;
        private readonly Dictionary<string, string> _types;

        public Lookups(ImportContext context)
        {
            _byAcronym = context.Units.Where(u => !string.IsNullOrWhiteSpace(u.Acronym)).ToLookup(u => ImportColumns.Normalize(u.Acronym));
            _byName = context.Units.ToLookup(u => ImportColumns.Normalize(u.Name));
            _types = [];
            foreach (var type in context.ActionTypes)
            {
                _types.TryAdd(ImportColumns.Normalize(type), type);
            }
            TypeList = context.ActionTypes.Count == 0 ? "(nenhum tipo cadastrado no catálogo)" : string.Join(", ", context.ActionTypes);
        }

        public string TypeList { get; }

        public string? ActionType(string text) => _types.GetValueOrDefault(ImportColumns.Normalize(text));

        /// <summary>
        /// One or more types, separated by ';' — or by ',' when every part is a type — as the catalog writes them,
        /// joined; null with the first unknown part otherwise.
        /// </summary>
        public string? ActionTypes(string text, out string unknown)
        {
            unknown = text.Trim();
            if (ActionType(text) is { } single)
            {
                return single;
            }
            var separator = text.Contains(';') ? ';' : ',';
            var found = new List<string>();
            foreach (var part in text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ActionType(part) is not { } canonical)
                {
                    unknown = part;
                    return null;
                }
                found.Add(canonical);
            }
            return found.Count == 0 ? null : Core.Plans.ActionTypes.Join(found);
        }

        /// <summary>Names separated by ';' — or by ',' when that is the only separator and every part is a unit.</summary>
        public IEnumerable<string> SplitUnits(string text)
        {
            var parts = text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var part in parts)
            {
                if (Find(part) is null && part.Contains(',', StringComparison.Ordinal))
                {
                    var pieces = part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (pieces.All(p => Find(p) is not null))
                    {
                        foreach (var piece in pieces)
                        {
                            yield return piece;
                        }
                        continue;
                    }
                }
                yield return part;
            }
        }

        /// <summary>Null and the unit's id when found; otherwise a Portuguese problem.</summary>
        public string? Unit(string text, out int id)
        {
            id = 0;
            var candidates = Find(text);
            if (candidates is null)
            {
                return $"Unidade não encontrada no órgão: “{text}”. Use a sigla ou o nome exato de uma unidade cadastrada (veja a aba Instruções do modelo).";
            }
            var active = candidates.Where(u => u.IsActive).ToList();
            if (active.Count == 0)
            {
                return $"A unidade “{text}” está inativa e não pode receber ações.";
            }
            if (active.Count > 1)
            {
                return $"Há mais de uma unidade chamada “{text}”: use o nome completo da unidade.";
            }
            id = active[0].Id;
            return null;
        }

        private List<ImportUnit>? Find(string text)
        {
            var key = ImportColumns.Normalize(text);
            if (key.Length == 0)
            {
                return null;
            }
            var byAcronym = _byAcronym[key].ToList();
            if (byAcronym.Count > 0)
            {
                return byAcronym;
            }
            var byName = _byName[key].ToList();
            return byName.Count > 0 ? byName : null;
        }
    }
}
