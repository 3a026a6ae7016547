using Sispmpi.Core.Identity;

namespace Sispmpi.Core.Tests.Identity;

public class GovBrLevelTests
{
    [Theory]
    [InlineData(new[] { "bronze" }, GovBrLevel.Bronze)]
    [InlineData(new[] { "bronze", "prata" }, GovBrLevel.Silver)]
    [InlineData(new[] { "passwd", "OURO" }, GovBrLevel.Gold)]
    [InlineData(new[] { "{\"id\":\"prata\",\"dataAtualizacao\":\"2026-01-01\"}" }, GovBrLevel.Silver)]
    [InlineData(new[] { "govbr_bronze" }, GovBrLevel.Bronze)]
    public void The_highest_named_level_wins(string[] values, GovBrLevel expected) =>
        GovBrLevels.Highest(values).ShouldBe(expected);

    [Theory]
    [InlineData]
    [InlineData("passwd", "x509")]
    [InlineData("prateado", "bronzeado")]
    public void Values_naming_no_level_give_none(params string[] values) => GovBrLevels.Highest(values).ShouldBeNull();

    [Theory]
    [InlineData("", null, true)]
    [InlineData(null, null, true)]
    [InlineData("Prata", GovBrLevel.Silver, true)]
    [InlineData(" ouro ", GovBrLevel.Gold, true)]
    [InlineData("platina", null, false)]
    public void Settings_name_levels_in_portuguese(string? text, GovBrLevel? expected, bool valid)
    {
        GovBrLevels.TryParse(text, out var level).ShouldBe(valid);
        level.ShouldBe(expected);
    }
}
