using Sispmpi.Core.Adoption;

namespace Sispmpi.Core.Tests.Adoption;

public class DeadlineRuleParserTests
{
    // Every text of the "Prazo/ Periodicidade" column of seed 001, as written there.
    [Theory]
    [InlineData("Durante a vigência do Acordo", DeadlineKind.DuringValidity)]
    [InlineData("Durante a vigência do acordo", DeadlineKind.DuringValidity)]
    [InlineData("Durante a vigência do ACT", DeadlineKind.DuringValidity)]
    [InlineData("Até 15 dias após o início da vigência", DeadlineKind.DaysAfterStart)]
    [InlineData("10 dias a partir do início da vigência", DeadlineKind.DaysAfterStart)]
    [InlineData("A partir do início da vigência", DeadlineKind.DaysAfterStart)]
    [InlineData("Observância à norma vigente", DeadlineKind.AsRegulated)]
    [InlineData("Quando convocadas pela Secretaria-Executiva da Rede", DeadlineKind.OnCall)]
    [InlineData("Quando solicitado pela Secretaria da Rede de Parcerias", DeadlineKind.OnCall)]
    [InlineData("Anual", DeadlineKind.Yearly)]
    [InlineData("Anual com o mínimo de 60 horas ao ano", DeadlineKind.YearlyMinimumHours)]
    [InlineData("Anual e sempre quando houver alteração nos cursos", DeadlineKind.Yearly)]
    [InlineData("Até o dia 10 do mês subsequente à celebração do Acordo de Adesão", DeadlineKind.DayOfFollowingMonth)]
    // Other ways of writing the same kinds.
    [InlineData("Até 31/12/2025", DeadlineKind.FixedDate)]
    [InlineData("  31/12/2025. ", DeadlineKind.FixedDate)]
    [InlineData("Mensal", DeadlineKind.Monthly)]
    [InlineData("mensalmente", DeadlineKind.Monthly)]
    [InlineData("ATÉ 30 (TRINTA) DIAS APÓS O INÍCIO DA VIGÊNCIA DO ACORDO", DeadlineKind.DaysAfterStart)]
    [InlineData("Sob demanda", DeadlineKind.OnCall)]
    [InlineData("Conforme a norma vigente", DeadlineKind.AsRegulated)]
    public void Seed_and_common_texts_are_understood(string text, DeadlineKind expected)
    {
        DeadlineRuleParser.TryParse(text, out var rule, out var error).ShouldBeTrue(error);
        rule.Kind.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Até 15 dias após o início da vigência", 15)]
    [InlineData("10 dias a partir do início da vigência", 10)]
    [InlineData("A partir do início da vigência", 0)]
    [InlineData("Até 30 (trinta) dias após o início da vigência", 30)]
    public void Days_after_start_keep_their_number(string text, int days)
    {
        DeadlineRuleParser.TryParse(text, out var rule, out _).ShouldBeTrue();
        rule.Days.ShouldBe(days);
    }

    [Fact]
    public void Parameters_are_read()
    {
        DeadlineRuleParser.TryParse("Anual com o mínimo de 60 horas ao ano", out var hours, out _).ShouldBeTrue();
        hours.MinimumHours.ShouldBe(60m);
        DeadlineRuleParser.TryParse("Até o dia 10 do mês subsequente à celebração do Acordo de Adesão", out var following, out _).ShouldBeTrue();
        following.DayOfMonth.ShouldBe(10);
        DeadlineRuleParser.TryParse("Até 31/12/2025", out var fixedDate, out _).ShouldBeTrue();
        fixedDate.Date.ShouldBe(new DateOnly(2025, 12, 31));
    }

    [Theory]
    [InlineData("", "Informe o prazo ou a periodicidade.")]
    [InlineData("   ", "Informe o prazo ou a periodicidade.")]
    [InlineData("Assim que possível", "Prazo não reconhecido: “Assim que possível”.")]
    [InlineData("Até 15 dias após a assinatura", "Prazo não reconhecido: “Até 15 dias após a assinatura”.")]
    [InlineData("Quinzenal", "Prazo não reconhecido: “Quinzenal”.")]
    [InlineData("Até 31/02/2026", "Data inexistente no prazo “Até 31/02/2026”: use dd/mm/aaaa.")]
    [InlineData("Até o dia 32 do mês subsequente à celebração", "Dia do mês inválido em “Até o dia 32 do mês subsequente à celebração”: informe um dia de 1 a 31.")]
    [InlineData("Até o dia 0 do mês subsequente à celebração", "Dia do mês inválido em “Até o dia 0 do mês subsequente à celebração”: informe um dia de 1 a 31.")]
    [InlineData("Anual com o mínimo de 0 horas ao ano", "Mínimo de horas inválido em “Anual com o mínimo de 0 horas ao ano”: informe de 1 a 8.784 horas por ano.")]
    [InlineData("Até 99999 dias após o início da vigência", "Prazo longo demais em “Até 99999 dias após o início da vigência”: no máximo 3.650 dias.")]
    public void Texts_not_understood_are_refused_with_the_reason(string text, string expectedStart)
    {
        DeadlineRuleParser.TryParse(text, out var rule, out var error).ShouldBeFalse();
        rule.ShouldBeNull();
        error.ShouldStartWith(expectedStart);
    }

    [Fact]
    public void An_unknown_text_lists_what_is_accepted()
    {
        DeadlineRuleParser.TryParse("Em breve", out _, out var error).ShouldBeFalse();
        error.ShouldEndWith(DeadlineRuleParser.Accepted);
    }
}
