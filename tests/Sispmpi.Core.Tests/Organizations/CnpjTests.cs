using Sispmpi.Core.Organizations;

namespace Sispmpi.Core.Tests.Organizations;

public class CnpjTests
{
    // Known-valid references: 11.222.333/0001-81 (classic example), 00.000.000/0001-91 (Banco do Brasil),
    // 12.ABC.345/01DE-35 (alphanumeric example published by the Receita Federal).
    public static TheoryData<string> ValidValues => new()
    {
        "11222333000181",
        "00000000000191",
        "12ABC34501DE35",
    };

    [Theory]
    [InlineData("11.222.333/0001-81", "11222333000181")]
    [InlineData("11222333000181", "11222333000181")]
    [InlineData("00.000.000/0001-91", "00000000000191")]
    [InlineData("00000000000191", "00000000000191")]
    [InlineData("  11.222.333/0001-81 ", "11222333000181")]
    [InlineData("12.ABC.345/01DE-35", "12ABC34501DE35")]
    [InlineData("12ABC34501DE35", "12ABC34501DE35")]
    [InlineData("12.abc.345/01de-35", "12ABC34501DE35")]
    [InlineData("12abc34501de35", "12ABC34501DE35")]
    [InlineData("\t12.ABC.345/01DE-35\n", "12ABC34501DE35")]
    public void Valid_input_is_accepted_and_normalized(string input, string expectedValue)
    {
        Cnpj.Validate(input).ShouldBeNull();
        Cnpj.IsValid(input).ShouldBeTrue();
        Cnpj.TryParse(input, out var cnpj).ShouldBeTrue();
        cnpj.Value.ShouldBe(expectedValue);
        Cnpj.Parse(input).ShouldBe(cnpj);
    }

    [Theory]
    [InlineData(null, CnpjValidationError.Empty)]
    [InlineData("", CnpjValidationError.Empty)]
    [InlineData("   ", CnpjValidationError.Empty)]
    [InlineData("../-", CnpjValidationError.Empty)]
    [InlineData("1122233300018", CnpjValidationError.WrongLength)]
    [InlineData("112223330001811", CnpjValidationError.WrongLength)]
    [InlineData("11.222.333/0001-8", CnpjValidationError.WrongLength)]
    [InlineData("12.ABC.345/01DE-355", CnpjValidationError.WrongLength)]
    [InlineData("11.222.333/0001-8!", CnpjValidationError.InvalidCharacters)]
    [InlineData("11 222 333 0001 81", CnpjValidationError.InvalidCharacters)]
    [InlineData("11_222_333_0001_81", CnpjValidationError.InvalidCharacters)]
    [InlineData("12.ÁBC.345/01DE-35", CnpjValidationError.InvalidCharacters)]
    [InlineData("１１２２２３３３０００１８１", CnpjValidationError.InvalidCharacters)] // full-width digits
    [InlineData("12.ABC.345/01DE-3A", CnpjValidationError.InvalidCharacters)] // letter in 2nd check digit
    [InlineData("12.ABC.345/01DE-A5", CnpjValidationError.InvalidCharacters)] // letter in 1st check digit
    [InlineData("1122233300018A", CnpjValidationError.InvalidCharacters)]
    [InlineData("00000000000000", CnpjValidationError.RepeatedCharacters)]
    [InlineData("00.000.000/0000-00", CnpjValidationError.RepeatedCharacters)]
    [InlineData("11111111111111", CnpjValidationError.RepeatedCharacters)]
    [InlineData("99.999.999/9999-99", CnpjValidationError.RepeatedCharacters)]
    [InlineData("11.222.333/0001-82", CnpjValidationError.WrongCheckDigits)]
    [InlineData("11.222.333/0001-91", CnpjValidationError.WrongCheckDigits)]
    [InlineData("00.000.000/0001-90", CnpjValidationError.WrongCheckDigits)]
    [InlineData("12.ABC.345/01DE-36", CnpjValidationError.WrongCheckDigits)]
    [InlineData("12.ABC.345/01DF-35", CnpjValidationError.WrongCheckDigits)]
    [InlineData("AAAAAAAAAAAA35", CnpjValidationError.WrongCheckDigits)]
    public void Invalid_input_reports_the_specific_error(string? input, CnpjValidationError expected)
    {
        Cnpj.Validate(input).ShouldBe(expected);
        Cnpj.IsValid(input).ShouldBeFalse();
        Cnpj.TryParse(input, out var cnpj).ShouldBeFalse();
        cnpj.ShouldBe(default);
    }

    [Fact]
    public void Very_long_input_is_wrong_length()
    {
        Cnpj.Validate(new string('1', 10_000)).ShouldBe(CnpjValidationError.WrongLength);
    }

    [Fact]
    public void Every_repeated_digit_is_rejected_even_when_check_digits_would_match()
    {
        for (var c = '0'; c <= '9'; c++)
        {
            var value = new string(c, Cnpj.Length);
            Cnpj.Validate(value).ShouldBe(CnpjValidationError.RepeatedCharacters, value);
        }

        // 00000000000000 is the case that actually matters: its check digits are "correct" (00).
        Cnpj.ComputeCheckDigits("000000000000").ShouldBe("00");
    }

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Changing_any_single_character_makes_a_valid_cnpj_invalid(string valid)
    {
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var checkedCount = 0;
        for (var position = 0; position < Cnpj.Length; position++)
        {
            var candidates = position < Cnpj.BaseLength ? Alphabet : Alphabet[..10];
            foreach (var replacement in candidates)
            {
                var original = valid[position];
                // Modulo 11 cannot see a change of 11, 22 or 33 in a character's value (e.g. '6' = 6 and
                // 'A' = 17); that blind spot is inherent to the official algorithm (see the test below).
                if (replacement == original || (replacement - original) % 11 == 0)
                {
                    continue;
                }

                var chars = valid.ToCharArray();
                chars[position] = replacement;
                var mutated = new string(chars);
                Cnpj.Validate(mutated).ShouldBe(CnpjValidationError.WrongCheckDigits, mutated);
                checkedCount++;
            }
        }

        checkedCount.ShouldBeGreaterThan(Cnpj.Length * 9);
    }

    [Fact]
    public void Changing_any_single_digit_of_a_numeric_cnpj_makes_it_invalid()
    {
        foreach (var valid in new[] { "11222333000181", "00000000000191" })
        {
            for (var position = 0; position < Cnpj.Length; position++)
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
                    Cnpj.IsValid(mutated).ShouldBeFalse(mutated);
                }
            }
        }
    }

    [Theory]
    [InlineData("12ABC34501DE35", "126BC34501DE35")] // 'A' = 17 ≡ 6 (mod 11)
    [InlineData("12ABC34501DE35", "12A7C34501DE35")] // 'B' = 18 ≡ 7
    [InlineData("11222333000181", "G1222333000181")] // 'G' = 23 ≡ 1
    public void Substitutions_congruent_mod_11_are_not_detected_by_the_official_algorithm(string valid, string twin)
    {
        Cnpj.IsValid(valid).ShouldBeTrue();
        Cnpj.IsValid(twin).ShouldBeTrue();
    }

    [Theory]
    [InlineData("12ABC34501DE", "35")]
    [InlineData("12abc34501de", "35")]
    [InlineData("112223330001", "81")]
    [InlineData("000000000001", "91")]
    public void ComputeCheckDigits_matches_known_values(string twelveChars, string expected)
    {
        Cnpj.ComputeCheckDigits(twelveChars).ShouldBe(expected);
    }

    [Fact]
    public void ComputeCheckDigits_produces_values_that_validate()
    {
        foreach (var baseChars in new[] { "ZZZZZZZZZZZZ", "A1B2C3D4E5F6", "123456780001", "ABCDEFGHIJKL" })
        {
            var value = baseChars + Cnpj.ComputeCheckDigits(baseChars);
            Cnpj.Validate(value).ShouldBeNull(value);
        }
    }

    [Theory]
    [InlineData("12ABC34501D")]
    [InlineData("12ABC34501DE3")]
    [InlineData("12ABC34501D-")]
    [InlineData("12ABC34501DÉ")]
    public void ComputeCheckDigits_rejects_bad_input(string twelveChars)
    {
        Should.Throw<ArgumentException>(() => Cnpj.ComputeCheckDigits(twelveChars));
    }

    [Theory]
    [InlineData("11222333000181", "11.222.333/0001-81")]
    [InlineData("00000000000191", "00.000.000/0001-91")]
    [InlineData("12abc34501de35", "12.ABC.345/01DE-35")]
    [InlineData("12.ABC.345/01DE-35", "12.ABC.345/01DE-35")]
    public void Formatted_and_ToString_use_the_official_mask(string input, string expected)
    {
        var cnpj = Cnpj.Parse(input);
        cnpj.Formatted.ShouldBe(expected);
        cnpj.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("11.222.333/0001-81", false)]
    [InlineData("00.000.000/0001-91", false)]
    [InlineData("12.ABC.345/01DE-35", true)]
    [InlineData("12abc34501de35", true)]
    public void IsAlphanumeric_reports_letters_in_the_base(string input, bool expected)
    {
        Cnpj.Parse(input).IsAlphanumeric.ShouldBe(expected);
    }

    [Fact]
    public void Masked_unmasked_and_lowercase_forms_are_equal()
    {
        Cnpj.Parse("12.ABC.345/01DE-35").ShouldBe(Cnpj.Parse("12abc34501de35"));
        Cnpj.Parse("11.222.333/0001-81").ShouldBe(Cnpj.Parse("11222333000181"));
        Cnpj.Parse("11.222.333/0001-81").ShouldNotBe(Cnpj.Parse("00.000.000/0001-91"));
    }

    [Fact]
    public void Default_instance_is_empty()
    {
        default(Cnpj).Value.ShouldBe(string.Empty);
        default(Cnpj).Formatted.ShouldBe(string.Empty);
        default(Cnpj).ToString().ShouldBe(string.Empty);
        default(Cnpj).IsAlphanumeric.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "Informe o CNPJ.")]
    [InlineData("123", "O CNPJ deve ter 14 caracteres.")]
    [InlineData("11.222.333/0001-8A", "O CNPJ contém caracteres inválidos: use apenas números e letras maiúsculas nas 12 primeiras posições e números nos dígitos verificadores.")]
    [InlineData("11111111111111", "CNPJ inválido: todos os caracteres são iguais.")]
    [InlineData("11.222.333/0001-80", "CNPJ inválido: os dígitos verificadores não conferem.")]
    public void Parse_throws_FormatException_with_the_Portuguese_message(string input, string expectedMessage)
    {
        Cnpj.PortugueseMessage(Cnpj.Validate(input)!.Value).ShouldBe(expectedMessage);
        Should.Throw<FormatException>(() => Cnpj.Parse(input)).Message.ShouldBe(expectedMessage);
    }

    [Fact]
    public void Every_error_has_a_Portuguese_message()
    {
        foreach (var error in Enum.GetValues<CnpjValidationError>())
        {
            Cnpj.PortugueseMessage(error).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Works_through_IParsable()
    {
        ParseVia<Cnpj>("12.abc.345/01de-35").Value.ShouldBe("12ABC34501DE35");
        Should.Throw<FormatException>(() => ParseVia<Cnpj>("12.ABC.345/01DE-36"));
    }

    private static T ParseVia<T>(string s)
        where T : IParsable<T> => T.Parse(s, provider: null);
}
