using System.Security.Cryptography;

namespace Sispmpi.Core.Documents;

/// <summary>The two values printed on a signed document and typed on the public verification page.</summary>
public static class Authenticity
{
    public const int VerificationCodeLength = 10;

    private static readonly uint[] _table = BuildTable();

    /// <summary>CRC-32 (IEEE 802.3, the one of zip and PNG) of the content, as 8 uppercase hexadecimal digits.</summary>
    public static string Crc32(ReadOnlySpan<byte> content)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in content)
        {
            crc = _table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return (crc ^ 0xFFFFFFFFu).ToString("X8");
    }

    /// <summary>
    /// A numeric code from a cryptographic random source: knowing any number of codes says nothing about
    /// another. Ten digits, never starting with 0, so it reads the same when typed as a number.
    /// </summary>
    public static string NewVerificationCode()
    {
        var first = RandomNumberGenerator.GetInt32(1, 10);
        var rest = RandomNumberGenerator.GetInt32(0, 1_000_000_000);
        return $"{first}{rest:D9}";
    }

    /// <summary>Accepts what a person types: spaces, dots and lowercase hexadecimal are forgiven.</summary>
    public static string NormalizeCode(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());

    public static string NormalizeCrc(string? crc) => new((crc ?? "").Where(char.IsAsciiHexDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
