using Sispmpi.Core.Execution;

namespace Sispmpi.Core.Tests.Execution;

public class ProcessNumbersTests
{
    private const string FormatError =
        "Número de processo inválido: use o formato do NUP (00000.000000/0000-00) ou do SEI!MG (0000.00.0000000/0000-00).";

    private const string CheckDigitsError = "Os dígitos verificadores do número do processo (NUP) não conferem.";

    // The seed from the SPEC: DV1 over 199730117492025 (weights 16..2 from the left) gives sum 587,
    // 587 mod 11 = 4, 11 − 4 = 7; DV2 over 1997301174920257 gives sum 661, 661 mod 11 = 1, 11 − 1 = 10 → 0.
    // The other numbers were computed with the same rule.
    public static TheoryData<string> ValidNups => new()
    {
        "19973.011749/2025-70",
        "00190.000001/2024-40",
        "48500.004567/2022-64",
        "12000.000123/1999-43",
        "99999.999999/9999-62",
    };

    [Theory]
    [InlineData("19973.011749/2025-70", "19973.011749/2025-70")]
    [InlineData("19973011749202570", "19973.011749/2025-70")]
    [InlineData("  19973.011749/2025-70  ", "19973.011749/2025-70")]
    [InlineData("\t19973011749202570\n", "19973.011749/2025-70")]
    [InlineData("00190.000001/2024-40", "00190.000001/2024-40")]
    [InlineData("48500004567202264", "48500.004567/2022-64")]
    [InlineData("12000.000123/1999-43", "12000.000123/1999-43")]
    [InlineData("99999999999999962", "99999.999999/9999-62")]
    public void Valid_nup_is_accepted_in_canonical_form(string input, string expected)
    {
        ProcessNumbers.TryParse(input, out var number, out var error).ShouldBeTrue(error);
        error.ShouldBeNull();
        number.ShouldBe(new ProcessNumber(expected, ProcessNumberKind.FederalNup));
    }

    [Theory]
    [MemberData(nameof(ValidNups))]
    public void Changing_any_single_digit_of_a_valid_nup_makes_it_invalid(string valid)
    {
        var digits = new string(valid.Where(char.IsAsciiDigit).ToArray());
        digits.Length.ShouldBe(17);
        var checkedCount = 0;
        for (var position = 0; position < digits.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == digits[position])
                {
                    continue;
                }

                var chars = digits.ToCharArray();
                chars[position] = digit;
                var mutated = new string(chars);
                ProcessNumbers.TryParse(mutated, out var number, out var error).ShouldBeFalse(mutated);
                error.ShouldBe(CheckDigitsError, mutated);
                number.ShouldBe(default);
                checkedCount++;
            }
        }

        checkedCount.ShouldBe(17 * 9);
    }

    [Fact]
    public void The_official_rule_has_a_blind_spot_where_two_remainders_give_the_same_digit()
    {
        // 11 − remainder maps both remainder 0 (11 → 1) and remainder 10 (1) to the digit 1, so for some numbers a
        // single changed digit keeps both check digits. The seed and the numbers above have no such twin.
        ProcessNumbers.TryParse("23000.012345/2023-14", out _, out _).ShouldBeTrue();
        ProcessNumbers.TryParse("23000.022345/2023-14", out _, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("19973.011749/2025-71")]
    [InlineData("19973.011749/2025-07")]
    [InlineData("19973011749202507")]
    [InlineData("91973.011749/2025-70")] // two digits swapped
    [InlineData("00000.000000/0000-00")]
    public void Nup_with_wrong_check_digits_is_rejected(string input)
    {
        ProcessNumbers.TryParse(input, out var number, out var error).ShouldBeFalse();
        error.ShouldBe(CheckDigitsError);
        number.ShouldBe(default);
    }

    [Theory]
    [InlineData("1234.56.7890123/2024-99", "1234.56.7890123/2024-99")]
    [InlineData("1234567890123202499", "1234.56.7890123/2024-99")]
    [InlineData(" 1500.01.0012345/2023-07 ", "1500.01.0012345/2023-07")]
    [InlineData("0000.00.0000000/1900-00", "0000.00.0000000/1900-00")]
    [InlineData("9999.99.9999999/2199-99", "9999.99.9999999/2199-99")]
    public void Valid_sei_mg_is_accepted_in_canonical_form(string input, string expected)
    {
        ProcessNumbers.TryParse(input, out var number, out var error).ShouldBeTrue(error);
        error.ShouldBeNull();
        number.ShouldBe(new ProcessNumber(expected, ProcessNumberKind.SeiMg));
    }

    [Theory]
    [InlineData("1234.56.7890123/1899-99")] // year before 1900
    [InlineData("1234.56.7890123/2200-99")] // year after 2199
    [InlineData("1234567890123000099")] // year 0000, digits only
    [InlineData("1234.56.7890123/24-99")]
    [InlineData("1234.567890123/2024-99")] // one dot missing
    [InlineData("1234-56-7890123/2024-99")]
    [InlineData("1234.56.7890123.2024-99")]
    [InlineData("12345.6.7890123/2024-99")]
    [InlineData("1234.56.7890123/2024-9")]
    [InlineData("123456789012320249")] // 18 digits
    [InlineData("12345678901232024999")] // 20 digits
    public void Malformed_sei_mg_is_rejected(string input)
    {
        ProcessNumbers.TryParse(input, out var number, out var error).ShouldBeFalse();
        error.ShouldBe(FormatError);
        number.ShouldBe(default);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("SEI nº 19973.011749/2025-70")]
    [InlineData("19973.011749/2025-70.")]
    [InlineData("19973.011749/2025 70")]
    [InlineData("19973.011749-2025/70")]
    [InlineData("19973.011.749/2025-70")]
    [InlineData("19973011749/2025-70")] // partial punctuation
    [InlineData("19973.011749/202570")]
    [InlineData("19 973 011 749 2025 70")]
    [InlineData("1997301174920257")] // 16 digits
    [InlineData("199730117492025700")] // 18 digits
    [InlineData("１９９７３０１１７４９２０２５７０")] // full-width digits
    [InlineData("19973.O11749/2025-70")] // letter O instead of zero
    [InlineData("-1")]
    [InlineData("../../etc/passwd")]
    public void Garbage_is_rejected_with_the_format_message(string input)
    {
        ProcessNumbers.TryParse(input, out var number, out var error).ShouldBeFalse();
        error.ShouldBe(FormatError);
        number.ShouldBe(default);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Empty_input_asks_for_the_number(string? input)
    {
        ProcessNumbers.TryParse(input, out var number, out var error).ShouldBeFalse();
        error.ShouldBe("Informe o número do processo.");
        number.ShouldBe(default);
    }

    [Fact]
    public void Kind_values_are_stable()
    {
        // Stored as integers: these must never change.
        ((int)ProcessNumberKind.FederalNup).ShouldBe(1);
        ((int)ProcessNumberKind.SeiMg).ShouldBe(2);
    }
}
