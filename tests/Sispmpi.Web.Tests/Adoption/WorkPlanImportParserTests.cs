using System.Text;
using Sispmpi.Core.Adoption;
using Sispmpi.Web.Features.Adoption;

namespace Sispmpi.Web.Tests.Adoption;

/// <summary>The work-plan import: the physical schedule of seed 001 reads completely; any bad line imports nothing.</summary>
public sealed class WorkPlanImportParserTests
{
    public const int Seges = 1;
    public const int Scc = 2;

    /// <summary>The two participants of ACT nº 160/2025 with the names its work plan uses.</summary>
    public static readonly IReadOnlyList<ImportParticipant> Participants =
    [
        new(Seges, ["SEGES", "MGI/SEGES"]),
        new(Scc, ["SCC", "Governo do Estado de Minas Gerais / SCC", "Governo do Estado de Minas Gerais"]),
    ];

    public static byte[] SeedFixture() =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Adoption", "Fixtures", "act-160-2025-cronograma-fisico.csv"));

    [Fact]
    public void The_physical_schedule_of_seed_001_imports_completely_with_every_deadline_understood()
    {
        var result = WorkPlanImportParser.Parse(SeedFixture(), Participants);

        result.Errors.ShouldBeEmpty();
        result.Axes.Select(a => (a.Number, a.Title)).ShouldBe(
        [
            ("1", "Melhoria da Gestão"), ("2", "Capacitação dos usuários do Sistema"), ("3", "Comunicação e transparéncia"), (null, "Eixos combinados"),
        ]);
        result.Axes.Select(a => a.Goals.Count).ShouldBe([7, 3, 7, 6]);
        result.GoalCount.ShouldBe(23);

        var goals = result.Axes.SelectMany(a => a.Goals).ToList();
        goals.Select(g => g.Code).ShouldBe(
        [
            "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1", "2.2", "2.3",
            "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "1 e 3", "2 e 3", "1 e 3", "1 e 3", "1 e 3", "1 e 3",
        ]);
        goals.Select(g => g.Rule.Kind).ShouldBe(
        [
            DeadlineKind.DuringValidity, DeadlineKind.DaysAfterStart, DeadlineKind.DuringValidity, DeadlineKind.DuringValidity,
            DeadlineKind.AsRegulated, DeadlineKind.AsRegulated, DeadlineKind.OnCall,
            DeadlineKind.Yearly, DeadlineKind.YearlyMinimumHours, DeadlineKind.DuringValidity,
            DeadlineKind.DaysAfterStart, DeadlineKind.Yearly, DeadlineKind.DuringValidity, DeadlineKind.Yearly, DeadlineKind.OnCall,
            DeadlineKind.AsRegulated, DeadlineKind.DuringValidity,
            DeadlineKind.DaysAfterStart, DeadlineKind.DuringValidity, DeadlineKind.DuringValidity, DeadlineKind.DayOfFollowingMonth,
            DeadlineKind.DuringValidity, DeadlineKind.DuringValidity,
        ]);
        goals[0].ResponsibleIds.ShouldBe([Seges, Scc]);
        goals[1].ResponsibleIds.ShouldBe([Scc]);
        goals[2].ResponsibleIds.ShouldBe([Seges]);
        goals[1].DeadlineText.ShouldBe("Até 15 dias após o início da vigência");
        goals[8].Rule.MinimumHours.ShouldBe(60m);
        goals[17].Rule.Days.ShouldBe(10);
        goals[20].Rule.DayOfMonth.ShouldBe(10);
        goals[0].Description.ShouldStartWith("Indicar servidores que acompanharão a execução do Acordo, informando nome, CPF");
    }

    [Fact]
    public void A_deadline_or_a_field_that_is_not_understood_is_reported_by_line_and_nothing_is_imported()
    {
        var text = Encoding.UTF8.GetString(SeedFixture())
            .Replace("Até 15 dias após o início da vigência", "Assim que possível", StringComparison.Ordinal)
            .Replace("Elaborar cronograma de formação de multiplicadores.;Anual;SEGES e", "Elaborar cronograma de formação de multiplicadores.;Anual;SEPLAG e", StringComparison.Ordinal)
            .Replace("3.6;Elaborar o Relatório Anual da Rede de Parcerias, a partir das informações encaminhadas pelos parceiros.;", "3.6;;", StringComparison.Ordinal)
            .Replace("2 e 3;", "9 e 3;", StringComparison.Ordinal);

        var result = WorkPlanImportParser.Parse(Encoding.UTF8.GetBytes(text), Participants);

        result.Succeeded.ShouldBeFalse();
        result.Axes.ShouldBeEmpty();
        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe(
        [
            (4, "Prazo/Periodicidade"), (11, "Responsável"), (20, "Descrição"), (24, "Eixo/Meta"),
        ]);
        result.Errors[0].Problem.ShouldStartWith("Prazo não reconhecido: “Assim que possível”.");
        result.Errors[1].Problem.ShouldStartWith("Responsável não reconhecido: “SEPLAG e Governo do Estado de Minas Gerais / SCC”.");
        result.Errors[2].Problem.ShouldBe("Informe a descrição da meta.");
        result.Errors[3].Problem.ShouldBe("A meta 9 e 3 combina o eixo 9, que não está no arquivo antes dela.");
    }

    [Theory]
    [InlineData("Eixo/Meta;Descrição;Responsável\r\n1;Eixo;\r\n", "Falta a coluna “Prazo/Periodicidade” no cabeçalho (linha 1).")]
    [InlineData("Eixo/Meta;Descrição;Prazo;Responsável\r\n", "O arquivo não tem nenhuma meta.")]
    [InlineData("Eixo/Meta;Descrição;Prazo;Responsável\r\n1.1;Meta sem eixo;Anual;SEGES\r\n", "A meta 1.1 precisa vir logo abaixo da linha do eixo 1.")]
    [InlineData("Eixo/Meta;Descrição;Prazo;Responsável\r\n1;Eixo;;\r\n1.1;;Anual;SEGES\r\n", "Informe a descrição da meta.")]
    [InlineData("Eixo/Meta;Descrição;Prazo;Responsável\r\n1;Eixo;;\r\nx.1;Meta;Anual;SEGES\r\n", "Número de meta não reconhecido: “x.1”. Use 1.1, 2.3… ou, para eixos combinados, 1 e 3.")]
    [InlineData("Eixo/Meta;Descrição;Prazo;Responsável\r\n1;Eixo;;\r\n1.1;Meta;Anual;\r\n", "Informe o responsável: um ou mais partícipes do acordo, separados por “e” ou vírgula.")]
    [InlineData("Eixo/Meta;Descrição;Prazo;Responsável\r\n1;Eixo;;\r\n2;Outro eixo;;\r\n2.1;Meta;Anual;SCC\r\n", "O eixo “Eixo” não tem nenhuma meta abaixo dele.")]
    public void Malformed_tables_are_refused_with_the_reason(string csv, string problem)
    {
        var result = WorkPlanImportParser.Parse(Encoding.UTF8.GetBytes(csv), Participants);
        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Problem).ShouldContain(problem);
    }

    [Fact]
    public void The_templates_import_as_they_are()
    {
        string[] names = ["SEGES", "SCC"];
        WorkPlanImportParser.Parse(WorkPlanImportParser.TemplateCsv(names), Participants).Errors.ShouldBeEmpty();
        var xlsx = WorkPlanImportParser.Parse(WorkPlanImportParser.TemplateXlsx("ACT nº 160/2025", names), Participants);
        xlsx.Errors.ShouldBeEmpty();
        xlsx.GoalCount.ShouldBe(4);
    }

    [Fact]
    public void Responsible_names_ignore_case_and_accents_and_accept_commas()
    {
        WorkPlanImportParser.MatchParticipants("seges, governo do estado de minas gerais", Participants, out var error).ShouldBe([Seges, Scc]);
        error.ShouldBeNull();
    }
}
