using System.Text;

namespace Sispmpi.Core.Evaluation;

/// <summary>The five maturity levels of the self-assessment. Stored as integers: never renumber.</summary>
public enum MaturityLevel
{
    /// <summary><c>Inicial</c>: ad hoc practices that depend on individuals.</summary>
    Initial = 1,

    /// <summary><c>Padronizado</c>: practices written down and formally adopted.</summary>
    Standardized = 2,

    /// <summary><c>Integrado</c>: practices applied across the organization and tied to its other processes.</summary>
    Integrated = 3,

    /// <summary><c>Gerenciado</c>: practices measured, monitored and reported.</summary>
    Managed = 4,

    /// <summary><c>Otimizado</c>: practices continuously improved from their results.</summary>
    Optimized = 5,
}

/// <summary>Names and JSON keys of the <see cref="MaturityLevel"/> values.</summary>
public static class MaturityLevels
{
    /// <summary>The levels from <see cref="MaturityLevel.Initial"/> to <see cref="MaturityLevel.Optimized"/>.</summary>
    public static IReadOnlyList<MaturityLevel> All { get; } = Array.AsReadOnly(Enum.GetValues<MaturityLevel>());

    /// <summary>The Portuguese name shown to users: "Inicial", "Padronizado", "Integrado", "Gerenciado", "Otimizado".</summary>
    public static string Name(MaturityLevel level) => level switch
    {
        MaturityLevel.Initial => "Inicial",
        MaturityLevel.Standardized => "Padronizado",
        MaturityLevel.Integrated => "Integrado",
        MaturityLevel.Managed => "Gerenciado",
        MaturityLevel.Optimized => "Otimizado",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The key of the level in the <c>levels</c> object of a question in the model JSON ("inicial", …).</summary>
    public static string Key(MaturityLevel level) => Name(level).ToLowerInvariant();
}

/// <summary>
/// A maturity self-assessment model defined as data: dimensions, each with questions, each question describing what
/// an organization does at each of the five <see cref="MaturityLevel"/>s. It is read from and written to a versioned
/// JSON file (see <see cref="Parse"/>), so the central administrator can edit it without a new release.
/// </summary>
/// <remarks>
/// <see cref="Parse"/> validates the model; constructing the records directly does not, and <see cref="ToJson"/> of
/// such a model may give a file that <see cref="Parse"/> rejects.
/// </remarks>
/// <param name="Id">Identifies the model across versions, e.g. <c>integridade-publica</c>.</param>
/// <param name="Version">Increases whenever the model changes, so answers can be tied to the version they answered.</param>
public sealed record MaturityModel(
    string Id,
    int Version,
    string Title,
    string? Description,
    IReadOnlyList<MaturityDimension> Dimensions)
{
    /// <summary>The longest identifier accepted for the model, a dimension or a question.</summary>
    public const int MaxIdLength = 100;

    /// <summary>The largest weight accepted for a dimension.</summary>
    public const decimal MaxWeight = 1000m;

    private const string DefaultResourceName = "DefaultMaturityModel.json";

    private static readonly Lazy<MaturityModel> DefaultModel = new(LoadDefault);

    /// <summary>
    /// The model shipped with the system (<c>DefaultMaturityModel.json</c>, an embedded resource): a public integrity
    /// programme assessed in eight dimensions of three questions each.
    /// </summary>
    public static MaturityModel Default => DefaultModel.Value;

    /// <summary>All questions, dimension by dimension, in model order.</summary>
    public IEnumerable<MaturityQuestion> Questions => Dimensions.SelectMany(dimension => dimension.Questions);

    /// <summary>
    /// Reads and validates a model in JSON (camelCase fields, see <c>DefaultMaturityModel.json</c>). Throws a
    /// <see cref="MaturityModelException"/> whose Portuguese message names the first problem found:
    /// malformed JSON, a missing, repeated, unknown or mistyped field, a version below 1, a model without dimensions
    /// or a dimension without questions, a weight not in (0, <see cref="MaxWeight"/>], an empty title or text, an
    /// identifier that is empty, longer than <see cref="MaxIdLength"/>, not made only of lower-case letters (a–z),
    /// digits and hyphens, or not unique (dimensions among dimensions, questions across the whole model), and a
    /// question without a non-empty description for each of the five levels or with an unknown level key.
    /// </summary>
    public static MaturityModel Parse(string json) => MaturityModelJson.Parse(json);

    /// <summary>The model as indented JSON (2 spaces, LF line ends, accents kept), in the form <see cref="Parse"/> reads.</summary>
    public string ToJson() => MaturityModelJson.Write(this);

    private static MaturityModel LoadDefault()
    {
        using var stream = typeof(MaturityModel).Assembly.GetManifestResourceStream(typeof(MaturityModel), DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} not found.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>A dimension of the model; <paramref name="Weight"/> (greater than zero) weighs it in the overall score.</summary>
public sealed record MaturityDimension(
    string Id,
    string Title,
    string? Description,
    decimal Weight,
    IReadOnlyList<MaturityQuestion> Questions);

/// <summary>A question and, for each of the five levels, the description of what an organization at that level does.</summary>
public sealed record MaturityQuestion(string Id, string Text, IReadOnlyDictionary<MaturityLevel, string> Levels);

/// <summary>An invalid maturity model; the message, in Portuguese, names the problem.</summary>
public sealed class MaturityModelException(string message) : Exception(message);
