using System.Text;
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

    /// <summary>
    /// Writes the JSON into the page in pieces of a few KB. The dashboard's ~100 KB of JSON made into one string landed on
    /// the large object heap at every request, and the full collections that followed were most of its slow requests.
    /// </summary>
    public static void Write(TextWriter output, object data)
    {
        using var stream = new TextWriterStream(output);
        JsonSerializer.Serialize(stream, data, _options);
    }

    /// <summary>The UTF-8 the serializer writes, decoded into the page's writer a piece at a time.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private const int Piece = 4096;
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private readonly char[] _chars = new char[Piece];

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                var bytes = buffer[..Math.Min(Piece, buffer.Length)];
                var count = _decoder.GetChars(bytes, _chars, flush: false);
                writer.Write(_chars, 0, count);
                buffer = buffer[bytes.Length..];
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
