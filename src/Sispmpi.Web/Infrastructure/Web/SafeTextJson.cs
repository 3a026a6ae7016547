using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>Every JSON string read on /api passes <see cref="SafeText"/>; a refused one fails the read with its own message.</summary>
public sealed class SafeTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return SafeText.IsRefused(text) ? throw new RefusedTextJsonException() : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Thrown by <see cref="SafeTextJsonConverter"/>; the serializer adds the JSON path of the field.</summary>
public sealed class RefusedTextJsonException() : JsonException(SafeText.RefusedApiMessage);

/// <summary>Query-string values reaching an /api endpoint pass <see cref="SafeText"/> too: 400 naming the parameter.</summary>
public static class SafeTextQueryFilter
{
    public static async ValueTask<object?> RefuseAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var refused = context.HttpContext.Request.Query.Where(q => SafeText.IsRefused(q.Key) || q.Value.Any(SafeText.IsRefused))
            .Select(q => SafeText.Strip(q.Key)).Distinct().ToArray();
        if (refused.Length > 0)
        {
            return Features.Api.ApiProblems.Invalid(refused.ToDictionary(k => k, _ => new[] { SafeText.RefusedApiMessage }),
                StatusCodes.Status400BadRequest);
        }
        return await next(context);
    }
}
