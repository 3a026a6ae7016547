using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sispmpi.Core.Evaluation;

/// <summary>
/// Reads and writes <see cref="MaturityModel"/> JSON. Reading walks the document by hand rather than deserializing,
/// so every problem gets a Portuguese message that says where it is: "Dimensão \"lideranca\": …", "Questão nº 2 da
/// dimensão \"lideranca\": …". Objects are named by their identifier once it is valid, by position before that.
/// </summary>
internal static class MaturityModelJson
{
    private const string ModelWhere = "Modelo de maturidade";

    private static readonly string[] ModelFields = ["id", "version", "title", "description", "dimensions"];
    private static readonly string[] DimensionFields = ["id", "title", "description", "weight", "questions"];
    private static readonly string[] QuestionFields = ["id", "text", "levels"];

    private static readonly Dictionary<string, MaturityLevel> LevelsByKey =
        MaturityLevels.All.ToDictionary(MaturityLevels.Key, StringComparer.Ordinal);

    private static readonly string LevelKeyList =
        string.Join(", ", MaturityLevels.All.SkipLast(1).Select(MaturityLevels.Key))
        + " e " + MaturityLevels.Key(MaturityLevels.All[^1]);

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // The file is edited by people: keep "ç" and "ã" readable instead of \u00E7 escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static MaturityModel Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new MaturityModelException("O modelo de maturidade não é um JSON válido: o texto está vazio.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new MaturityModelException(
                $"O modelo de maturidade não é um JSON válido: erro de sintaxe {Position(json, exception)}.");
        }
        catch (ArgumentException)
        {
            // Text that cannot be transcoded to UTF-8 (a lone surrogate).
            throw new MaturityModelException("O modelo de maturidade não é um JSON válido: o texto tem caracteres inválidos.");
        }

        using (document)
        {
            return ReadModel(document.RootElement);
        }
    }

    public static string Write(MaturityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", model.Id);
            writer.WriteNumber("version", model.Version);
            writer.WriteString("title", model.Title);
            WriteDescription(writer, model.Description);
            writer.WriteStartArray("dimensions");
            foreach (var dimension in model.Dimensions)
            {
                WriteDimension(writer, dimension);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteDimension(Utf8JsonWriter writer, MaturityDimension dimension)
    {
        writer.WriteStartObject();
        writer.WriteString("id", dimension.Id);
        writer.WriteString("title", dimension.Title);
        WriteDescription(writer, dimension.Description);
        writer.WriteNumber("weight", dimension.Weight);
        writer.WriteStartArray("questions");
        foreach (var question in dimension.Questions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", question.Id);
            writer.WriteString("text", question.Text);
            writer.WriteStartObject("levels");
            foreach (var level in MaturityLevels.All)
            {
                if (question.Levels.TryGetValue(level, out var description))
                {
                    writer.WriteString(MaturityLevels.Key(level), description);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A missing description is left out rather than written as null.</summary>
    private static void WriteDescription(Utf8JsonWriter writer, string? description)
    {
        if (description is not null)
        {
            writer.WriteString("description", description);
        }
    }

    /// <summary>"na linha 3, coluna 15": 1-based, the column counted in characters (the reader counts UTF-8 bytes).</summary>
    private static string Position(string json, JsonException exception)
    {
        if (exception.LineNumber is not { } line || exception.BytePositionInLine is not { } bytes)
        {
            return "no texto";
        }

        var lines = json.Split('\n');
        var column = line < lines.Length ? CharactersIn(lines[line], bytes) : bytes;
        return $"na linha {line + 1}, coluna {column + 1}";
    }

    private static long CharactersIn(string line, long bytes)
    {
        var encoded = Encoding.UTF8.GetBytes(line);
        return Encoding.UTF8.GetCharCount(encoded, 0, (int)Math.Min(bytes, encoded.Length));
    }

    private static MaturityModel ReadModel(JsonElement element)
    {
        var fields = Fields.Read(element, ModelWhere, ModelFields, _ => ModelWhere);
        var id = fields.Id();
        var version = fields.Version();
        var title = fields.RequiredText("title");
        var description = fields.OptionalText("description");
        var dimensionElements = fields.NonEmptyArray("dimensions", "é preciso pelo menos uma dimensão");

        var dimensionIds = new HashSet<string>(StringComparer.Ordinal);
        var questionIds = new HashSet<string>(StringComparer.Ordinal);
        var dimensions = new List<MaturityDimension>();
        foreach (var dimensionElement in dimensionElements)
        {
            dimensions.Add(ReadDimension(dimensionElement, dimensions.Count + 1, dimensionIds, questionIds));
        }

        return new MaturityModel(id, version, title, description, dimensions.AsReadOnly());
    }

    private static MaturityDimension ReadDimension(
        JsonElement element, int number, HashSet<string> dimensionIds, HashSet<string> questionIds)
    {
        var fields = Fields.Read(element, $"Dimensão nº {number}", DimensionFields, id => $"Dimensão \"{id}\"");
        var id = fields.Id();
        if (!dimensionIds.Add(id))
        {
            throw fields.Fail("há mais de uma dimensão com este identificador");
        }

        var title = fields.RequiredText("title");
        var description = fields.OptionalText("description");
        var weight = fields.Weight();
        var questionElements = fields.NonEmptyArray("questions", "é preciso pelo menos uma questão");

        var questions = new List<MaturityQuestion>();
        foreach (var questionElement in questionElements)
        {
            questions.Add(ReadQuestion(questionElement, questions.Count + 1, id, questionIds));
        }

        return new MaturityDimension(id, title, description, weight, questions.AsReadOnly());
    }

    private static MaturityQuestion ReadQuestion(JsonElement element, int number, string dimensionId, HashSet<string> questionIds)
    {
        var fields = Fields.Read(
            element, $"Questão nº {number} da dimensão \"{dimensionId}\"", QuestionFields, id => $"Questão \"{id}\"");
        var id = fields.Id();
        if (!questionIds.Add(id))
        {
            throw fields.Fail("há mais de uma questão com este identificador no modelo");
        }

        var text = fields.RequiredText("text");
        var levels = fields.Levels();
        return new MaturityQuestion(id, text, levels);
    }

    private static bool IsValidId([NotNullWhen(true)] string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaturityModel.MaxIdLength
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The properties of one JSON object, with the name of the object for messages.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, JsonElement> _values;

        private Fields(Dictionary<string, JsonElement> values, string where)
        {
            _values = values;
            Where = where;
        }

        /// <summary>"Dimensão \"lideranca\"": how messages name the object.</summary>
        public string Where { get; }

        /// <summary>
        /// Checks that <paramref name="element"/> is an object with no repeated and no unknown fields. The object is
        /// named <paramref name="byId"/> when its id is already valid, <paramref name="byPosition"/> otherwise.
        /// </summary>
        public static Fields Read(JsonElement element, string byPosition, string[] allowed, Func<string, string> byId)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Fail(byPosition, "deve ser um objeto JSON");
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            string? repeated = null;
            string? unknown = null;
            foreach (var property in element.EnumerateObject())
            {
                if (!values.TryAdd(property.Name, property.Value))
                {
                    repeated ??= property.Name;
                }

                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    unknown ??= property.Name;
                }
            }

            var id = values.TryGetValue("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()
                : null;
            var fields = new Fields(values, IsValidId(id) ? byId(id) : byPosition);
            if (repeated is not null)
            {
                throw fields.Fail($"o campo \"{repeated}\" está repetido");
            }

            if (unknown is not null)
            {
                throw fields.Fail($"o campo \"{unknown}\" não é reconhecido");
            }

            return fields;
        }

        public MaturityModelException Fail(string problem) => Fail(Where, problem);

        public string Id()
        {
            var id = Text("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw Fail("o identificador (\"id\") não pode ficar vazio");
            }

            if (id.Length > MaturityModel.MaxIdLength)
            {
                throw Fail($"o identificador (\"id\") tem mais de {MaturityModel.MaxIdLength} caracteres");
            }

            if (!IsValidId(id))
            {
                throw Fail($"o identificador \"{id}\" só pode ter letras minúsculas sem acento, dígitos e hífens");
            }

            return id;
        }

        public int Version()
        {
            var element = Required("version");
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var version) || version < 1)
            {
                throw Fail("o campo \"version\" deve ser um número inteiro maior ou igual a 1");
            }

            return version;
        }

        public decimal Weight()
        {
            var element = Required("weight");
            if (element.ValueKind != JsonValueKind.Number
                || !element.TryGetDecimal(out var weight)
                || weight <= 0
                || weight > MaturityModel.MaxWeight)
            {
                throw Fail($"o campo \"weight\" deve ser um número maior que zero e no máximo {MaturityModel.MaxWeight}");
            }

            return weight;
        }

        public string RequiredText(string name)
        {
            var text = Text(name);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Fail($"o campo \"{name}\" não pode ficar vazio");
            }

            return text;
        }

        /// <summary>A text that may be missing or null (both read as null).</summary>
        public string? OptionalText(string name)
        {
            if (!_values.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return element.ValueKind == JsonValueKind.String
                ? element.GetString()
                : throw Fail($"o campo \"{name}\" deve ser um texto");
        }

        public JsonElement.ArrayEnumerator NonEmptyArray(string name, string emptyProblem)
        {
            var element = Required(name);
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Fail($"o campo \"{name}\" deve ser uma lista");
            }

            if (element.GetArrayLength() == 0)
            {
                throw Fail(emptyProblem);
            }

            return element.EnumerateArray();
        }

        /// <summary>The <c>levels</c> object: exactly the five level keys, each with a non-empty description.</summary>
        public IReadOnlyDictionary<MaturityLevel, string> Levels()
        {
            var element = Required("levels");
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Fail("o campo \"levels\" deve ser um objeto");
            }

            var descriptions = new Dictionary<MaturityLevel, string>();
            foreach (var property in element.EnumerateObject())
            {
                if (!LevelsByKey.TryGetValue(property.Name, out var level))
                {
                    throw Fail($"o nível \"{property.Name}\" não existe; use {LevelKeyList}");
                }

                if (descriptions.ContainsKey(level))
                {
                    throw Fail($"o nível \"{property.Name}\" está repetido");
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    throw Fail($"a descrição do nível \"{property.Name}\" deve ser um texto");
                }

                var description = property.Value.GetString();
                if (string.IsNullOrWhiteSpace(description))
                {
                    throw Fail($"a descrição do nível \"{property.Name}\" não pode ficar vazia");
                }

                descriptions.Add(level, description);
            }

            foreach (var level in MaturityLevels.All)
            {
                if (!descriptions.ContainsKey(level))
                {
                    throw Fail($"falta a descrição do nível \"{MaturityLevels.Key(level)}\"");
                }
            }

            // In level order, whatever the order in the file.
            return new ReadOnlyDictionary<MaturityLevel, string>(
                MaturityLevels.All.ToDictionary(level => level, level => descriptions[level]));
        }

        private string? Text(string name)
        {
            var element = Required(name);
            return element.ValueKind == JsonValueKind.String
                ? element.GetString()
                : throw Fail($"o campo \"{name}\" deve ser um texto");
        }

        private JsonElement Required(string name) =>
            _values.TryGetValue(name, out var element) ? element : throw Fail($"falta o campo \"{name}\"");

        private static MaturityModelException Fail(string where, string problem) => new($"{where}: {problem}.");
    }
}
