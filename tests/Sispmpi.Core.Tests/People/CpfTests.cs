using Sispmpi.Core.People;

namespace Sispmpi.Core.Tests.People;

public class CpfTests
{
    // Known-valid test CPFs (widely used in documentation; not real people): 529.982.247-25, 111.444.777-35.
    [Theory]
    [InlineData("529.982.247-25", "52998224725")]
    [InlineData("52998224725", "52998224725")]
    [InlineData("111.444.777-35", "11144477735")]
    [InlineData("11144477735", "11144477735")]
    [InlineData("123.456.789-09", "12345678909")]
    [InlineData("  529.982.247-25\t", "52998224725")]
    [InlineData("529982247-25", "52998224725")]
    public void Valid_input_is_accepted_and_normalized(string input, string expectedValue)
    {
        Cpf.Validate(input).ShouldBeNull();
        Cpf.IsValid(input).ShouldBeTrue();
        Cpf.TryParse(input, out var cpf).ShouldBeTrue();
        cpf.Value.ShouldBe(expectedValue);
        Cpf.Parse(input).ShouldBe(cpf);
    }

    [Theory]
    [InlineData(null, CpfValidationError.Empty)]
    [InlineData("", CpfValidationError.Empty)]
    [InlineData("  ", CpfValidationError.Empty)]
    [InlineData("..-", CpfValidationError.Empty)]
    [InlineData("5299822472", CpfValidationError.WrongLength)]
    [InlineData("529.982.247-2", CpfValidationError.WrongLength)]
    [InlineData("529.982.247-255", CpfValidationError.WrongLength)]
    [InlineData("529.982.247/25", CpfValidationError.InvalidCharacters)]
    [InlineData("529 982 247 25", CpfValidationError.InvalidCharacters)]
    [InlineData("529.982.247-2A", CpfValidationError.InvalidCharacters)]
    [InlineData("５２９９８２２４７２５", CpfValidationError.InvalidCharacters)] // full-width digits
    [InlineData("000.000.000-00", CpfValidationError.RepeatedDigits)]
    [InlineData("11111111111", CpfValidationError.RepeatedDigits)]
    [InlineData("999.999.999-99", CpfValidationError.RepeatedDigits)]
    [InlineData("529.982.247-26", CpfValidationError.WrongCheckDigits)]
    [InlineData("529.982.247-15", CpfValidationError.WrongCheckDigits)]
    [InlineData("123.456.789-10", CpfValidationError.WrongCheckDigits)]
    public void Invalid_input_reports_the_specific_error(string? input, CpfValidationError expected)
    {
        Cpf.Validate(input).ShouldBe(expected);
        Cpf.IsValid(input).ShouldBeFalse();
        Cpf.TryParse(input, out var cpf).ShouldBeFalse();
        cpf.ShouldBe(default);
    }

    [Fact]
    public void Every_repeated_digit_is_rejected()
    {
        for (var c = '0'; c <= '9'; c++)
        {
            var value = new string(c, Cpf.Length);
            Cpf.Validate(value).ShouldBe(CpfValidationError.RepeatedDigits, value);
        }
    }

    [Theory]
    [InlineData("52998224725")]
    [InlineData("11144477735")]
    public void Changing_any_single_digit_makes_a_valid_cpf_invalid(string valid)
    {
        for (var position = 0; position < Cpf.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position])
                {
                    continue;
                }

                var chars = valid.ToCharArray();
                chars[position] = digit;
                var mutated = new string(chars);
                Cpf.Validate(mutated).ShouldBe(CpfValidationError.WrongCheckDigits, mutated);
            }
        }
    }

    [Fact]
    public void Mod_11_does_not_catch_every_single_digit_error()
    {
        // The first digit has weight 10 in the first check digit and 11 (≡ 0) in the second, and remainders 0 and
        // 1 both give check digit 0, so 123.456.789-09 and 223.456.789-09 are both valid. That is why the
        // single-digit test above uses specific values rather than arbitrary ones.
        Cpf.IsValid("123.456.789-09").ShouldBeTrue();
        Cpf.IsValid("223.456.789-09").ShouldBeTrue();
    }

    [Theory]
    [InlineData("529982247", "25")]
    [InlineData("111444777", "35")]
    [InlineData("123456789", "09")]
    public void ComputeCheckDigits_matches_known_values(string nineDigits, string expected)
    {
        Cpf.ComputeCheckDigits(nineDigits).ShouldBe(expected);
    }

    [Theory]
    [InlineData("52998224")]
    [InlineData("5299822472")]
    [InlineData("52998224A")]
    [InlineData("529.982.2")]
    public void ComputeCheckDigits_rejects_bad_input(string nineDigits)
    {
        Should.Throw<ArgumentException>(() => Cpf.ComputeCheckDigits(nineDigits));
    }

    [Theory]
    [InlineData("52998224725", "529.982.247-25")]
    [InlineData("111.444.777-35", "111.444.777-35")]
    public void Formatted_and_ToString_use_the_official_mask(string input, string expected)
    {
        var cpf = Cpf.Parse(input);
        cpf.Formatted.ShouldBe(expected);
        cpf.ToString().ShouldBe(expected);
    }

    [Fact]
    public void Default_instance_is_empty()
    {
        default(Cpf).Value.ShouldBe(string.Empty);
        default(Cpf).Formatted.ShouldBe(string.Empty);
        default(Cpf).ToString().ShouldBe(string.Empty);
    }

    [Theory]
    [InlineData("", "Informe o CPF.")]
    [InlineData("123", "O CPF deve ter 11 dígitos.")]
    [InlineData("529.982.247-2X", "O CPF contém caracteres inválidos: use apenas números.")]
    [InlineData("22222222222", "CPF inválido: todos os dígitos são iguais.")]
    [InlineData("529.982.247-24", "CPF inválido: os dígitos verificadores não conferem.")]
    public void Parse_throws_FormatException_with_the_Portuguese_message(string input, string expectedMessage)
    {
        Cpf.PortugueseMessage(Cpf.Validate(input)!.Value).ShouldBe(expectedMessage);
        Should.Throw<FormatException>(() => Cpf.Parse(input)).Message.ShouldBe(expectedMessage);
    }

    [Fact]
    public void FindAll_finds_valid_cpfs_in_html_and_ignores_everything_else()
    {
        const string Html = """
            <html lang="pt-BR"><body>
              <h1>Portaria nº 123/2026</h1>
              <p>Nomear Fulano de Tal, CPF 529.982.247-25, para o cargo em comissão.</p>
              <table><tr><td>Beltrana</td><td>11144477735</td></tr></table>
              <p>Dígitos errados: 123.456.789-10 e 52998224726; repetidos: 000.000.000-00, 11111111111.</p>
              <p>Processo SEI nº 10052998224725123 (17 dígitos);
                 processo judicial 0801234-56.2024.8.18.0140; protocolo 152998224725.</p>
              <p>CNPJ 11.222.333/0001-81 / 11222333000181; telefone (86) 3216-1234.</p>
              <p>Novamente: <b>529.982.247-25</b>.</p>
            </body></html>
            """;

        Cpf.FindAll(Html).ShouldBe(["52998224725", "11144477735"]);
    }

    [Theory]
    [InlineData("CPF:529.982.247-25.", "52998224725")]
    [InlineData("<td>52998224725</td>", "52998224725")]
    [InlineData("cpf=529982247-25&x=1", "52998224725")]
    [InlineData("a 111.444.777-35 b 529.982.247-25", "11144477735,52998224725")]
    [InlineData("152998224725", "")]
    [InlineData("529982247251", "")]
    [InlineData("1529.982.247-25", "")]
    [InlineData("529.982.247-251", "")]
    [InlineData("12345678909876543", "")]
    [InlineData("529.982.247-26", "")]
    [InlineData("", "")]
    public void FindAll_cases(string text, string expectedCsv)
    {
        var expected = expectedCsv.Length == 0 ? [] : expectedCsv.Split(',');
        Cpf.FindAll(text).ShouldBe(expected);
    }

    [Fact]
    public void Works_through_IParsable()
    {
        ParseVia<Cpf>("529.982.247-25").Value.ShouldBe("52998224725");
        Should.Throw<FormatException>(() => ParseVia<Cpf>("529.982.247-26"));
    }

    private static T ParseVia<T>(string s)
        where T : IParsable<T> => T.Parse(s, provider: null);
}
