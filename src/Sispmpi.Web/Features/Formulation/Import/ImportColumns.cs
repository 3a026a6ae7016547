using System.Globalization;
using System.Text;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>The fields of one imported action, one per column of the template.</summary>
public enum ImportField
{
    Axis,
    AxisTitle,
    SubAxis,
    SubAxisTitle,
    Title,
    Description,
    ExecutingUnit,
    SupportUnits,
    Objectives,
    Benefits,
    Classification,
    ActionType,
    PlannedStart,
    PlannedEnd,
    PlannedBudget,
    SuggestedEvidence,
    GoalIndicator,
    GoalUnit,
    GoalBaseline,
    GoalTarget,
    Weight,
}

/// <summary>One column of the import template: its Portuguese header, whether it is required and what it takes.</summary>
public sealed record ImportColumn(ImportField Field, string Header, string Requirement, string Help);

/// <summary>The columns of the action import template (SPEC §3.1 step 3), in the template's order.</summary>
public static class ImportColumns
{
    public const string Required = "Sim";
    public const string Optional = "Não";

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new(ImportField.Axis, "Eixo", Required,
            "Número do eixo (1, 2, 3…). Um eixo que já existe no plano é reaproveitado; um eixo novo é criado. Numere os eixos em sequência, sem saltos."),
        new(ImportField.AxisTitle, "Título do eixo", "Para eixo novo",
            "Título do eixo (até 300 caracteres). Obrigatório em pelo menos uma linha de cada eixo novo; nas demais linhas pode ficar em branco, mas, se preenchido, deve ser igual."),
        new(ImportField.SubAxis, "Subeixo", Optional,
            "Número do subeixo dentro do eixo (1 para o subeixo 1.1, 2 para o 1.2…). Em branco: a ação fica diretamente no eixo."),
        new(ImportField.SubAxisTitle, "Título do subeixo", "Para subeixo novo",
            "Título do subeixo (até 300 caracteres), com as mesmas regras do título do eixo."),
        new(ImportField.Title, "Ação", Required, "Título da ação (até 500 caracteres)."),
        new(ImportField.Description, "Descrição", Optional, "Descrição da ação (até 4.000 caracteres)."),
        new(ImportField.ExecutingUnit, "Unidade executora", Required,
            "Sigla ou nome exato de uma unidade administrativa ativa do órgão."),
        new(ImportField.SupportUnits, "Unidades de apoio", Optional,
            "Siglas ou nomes de unidades do órgão, separados por ponto e vírgula (;)."),
        new(ImportField.Objectives, "Objetivos", Optional, "Objetivos da ação (até 4.000 caracteres)."),
        new(ImportField.Benefits, "Benefícios", Optional, "Benefícios esperados (até 4.000 caracteres)."),
        new(ImportField.Classification, "Classificação", Required, "Contínua ou Pontual."),
        new(ImportField.ActionType, "Tipo", Required, "Um ou mais tipos de ação do catálogo, separados por ponto e vírgula (;)."),
        new(ImportField.PlannedStart, "Início previsto", Required, "Data no formato dd/mm/aaaa, por exemplo 01/03/2026."),
        new(ImportField.PlannedEnd, "Término previsto", Required,
            "Data no formato dd/mm/aaaa, igual ou posterior ao início previsto."),
        new(ImportField.PlannedBudget, "Orçamento previsto", Optional,
            "Valor em reais, maior ou igual a zero, com até 2 casas decimais: 1.234,56, R$ 1.234,56 ou 1234,56."),
        new(ImportField.SuggestedEvidence, "Evidência sugerida", Optional,
            "Documento ou registro que comprovará a execução (até 4.000 caracteres)."),
        new(ImportField.GoalIndicator, "Indicador da meta", "Se houver meta",
            "O que será medido (até 300 caracteres). Se qualquer campo da meta for preenchido, informe o indicador e a meta."),
        new(ImportField.GoalUnit, "Unidade da meta", Optional, "Unidade de medida da meta, por exemplo servidores ou % (até 60 caracteres)."),
        new(ImportField.GoalBaseline, "Linha de base", Optional, "Valor de partida: número com vírgula decimal, por exemplo 12,5."),
        new(ImportField.GoalTarget, "Meta", "Se houver meta", "Valor a alcançar: número com vírgula decimal, por exemplo 100."),
        new(ImportField.Weight, "Peso", Optional,
            "Peso da ação no cálculo do progresso: número maior que zero, com até 4 casas decimais. Em branco: 1."),
    ];

    public static ImportColumn Of(ImportField field) => All[(int)field];

    public static string Header(ImportField field) => Of(field).Header;

    /// <summary>
    /// Text as it is compared with what the user typed: no accents, lower case, single spaces, trimmed — so
    /// "Titulo do Eixo", "título do eixo" and "Título  do eixo" all name the same column.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
