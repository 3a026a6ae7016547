using System.Text;
using Sispmpi.Core.Documents;

namespace Sispmpi.Core.Tests.Documents;

public sealed class AuthenticityTests
{
    [Theory]
    [InlineData("", "00000000")]
    [InlineData("123456789", "CBF43926")]
    [InlineData("The quick brown fox jumps over the lazy dog", "414FA339")]
    [InlineData("Ação de integridade", "39219D78")]
    public void Crc32_matches_the_standard_check_values(string text, string expected) =>
        Authenticity.Crc32(Encoding.UTF8.GetBytes(text)).ShouldBe(expected);

    [Fact]
    public void Changing_one_byte_changes_the_crc()
    {
        var content = Encoding.UTF8.GetBytes("Plano de Integridade da SEPLAG");
        var original = Authenticity.Crc32(content);
        for (var i = 0; i < content.Length; i++)
        {
            var copy = (byte[])content.Clone();
            copy[i] ^= 0x01;
            Authenticity.Crc32(copy).ShouldNotBe(original);
        }
    }

    [Fact]
    public void Verification_codes_are_ten_digits_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => Authenticity.NewVerificationCode()).ToList();
        codes.ShouldAllBe(c => c.Length == 10 && c.All(char.IsAsciiDigit) && c[0] != '0');
        codes.Distinct().Count().ShouldBe(codes.Count);
    }

    [Theory]
    [InlineData(" 53.969.720 ", "53969720")]
    [InlineData("5396 9720", "53969720")]
    public void Typed_codes_are_normalized(string typed, string expected) => Authenticity.NormalizeCode(typed).ShouldBe(expected);

    [Theory]
    [InlineData("b93a8eb8", "B93A8EB8")]
    [InlineData(" B93A-8EB8 ", "B93A8EB8")]
    public void Typed_crcs_are_normalized(string typed, string expected) => Authenticity.NormalizeCrc(typed).ShouldBe(expected);
}
