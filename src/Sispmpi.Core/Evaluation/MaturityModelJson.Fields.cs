using System.Collections.ObjectModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sispmpi.Core.Evaluation;

internal static partial class MaturityModelJson
{
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
