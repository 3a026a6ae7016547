using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Sispmpi.Core.Evaluation;

// Writing: the model as indented JSON, in the order an editor expects to read it.
internal static partial class MaturityModelJson
{
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
}
