using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>The data a page hands to its script in a JSON script element (no inline script under the CSP).</summary>
public static class PageJson
{
    // One instance for the life of the process: the serializer keeps the metadata of each type it met on its options,
    // and a new instance per request would build it again every time.
    private static readonly JsonSerializerOptions _options = new() { Encoder = JavaScriptEncoder.Default };

    public static string Serialize(object data) => JsonSerializer.Serialize(data, _options);
}
