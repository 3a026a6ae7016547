using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>The data a page hands to its script in a JSON script element (no inline script under the CSP).</summary>
public static class PageJson
{
    // One instance for the life of the process: the serializer keeps the metadata of each type it met on its options,
    // and a new instance per request would build it again every time.
    // Accented letters written as they are (the default escapes each one as \uXXXX, the slow path of the encoder and six
    // bytes each); the characters that matter inside a script element (<, >, &, quotes) are still escaped.
    private static readonly JsonSerializerOptions _options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement),
    };

    public static string Serialize(object data) => JsonSerializer.Serialize(data, _options);
}
