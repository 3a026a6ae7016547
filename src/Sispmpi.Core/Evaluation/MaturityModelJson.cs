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
internal static partial class MaturityModelJson
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
}
