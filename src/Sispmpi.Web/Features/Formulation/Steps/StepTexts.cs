using Sispmpi.Core.Formulation;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>How the formulation steps read in Portuguese: titles, states and what each step still lacks.</summary>
public static class StepTexts
{
    public static string Title(FormulationStep step) => step switch
    {
        FormulationStep.Commission => "Comissão de integridade",
        FormulationStep.Diagnosis => "Diagnóstico",
        FormulationStep.Plan => "Plano de ação",
        FormulationStep.Validation => "Validação geral",
        FormulationStep.ProgramDraft => "Minuta do programa",
        FormulationStep.PlanDraft => "Minuta do plano",
        FormulationStep.Publication => "Publicação",
        _ => step.ToString(),
    };

    public static string Summary(FormulationStep step) => step switch
    {
        FormulationStep.Commission => "Quem elabora o plano: o ato que instituiu a comissão, o prazo dos trabalhos e os membros, com um coordenador.",
        FormulationStep.Diagnosis => "Em quatro partes, nesta ordem: informações estratégicas, instrumentos utilizados, resultados e a ciência da alta administração.",
        FormulationStep.Plan => "Eixos, subeixos e ações do plano, a partir dos eixos temáticos escolhidos no diagnóstico.",
        FormulationStep.Validation => "Vigência do plano, partes interessadas consultadas e observações finais.",
        FormulationStep.ProgramDraft => "O documento do programa de integridade, gerado a partir da comissão e do diagnóstico, em formato editável (DOCX).",
        FormulationStep.PlanDraft => "As ações do plano em planilha (XLSX), para revisão e circulação.",
        FormulationStep.Publication => "Ato de publicação, PDF final assinado, planos de comunicação e de capacitação e as ciências do dirigente e do controle interno.",
        _ => "",
    };

    /// <summary>The address of the step's page.</summary>
    public static string Url(int planId, FormulationStep step) => step switch
    {
        FormulationStep.Commission => $"/planos/{planId}/etapas/comissao",
        FormulationStep.Diagnosis => $"/planos/{planId}/etapas/diagnostico",
        FormulationStep.Plan => $"/planos/{planId}/editor",
        FormulationStep.Validation => $"/planos/{planId}/etapas/validacao",
        FormulationStep.ProgramDraft => $"/planos/{planId}/etapas/minutas#minuta-do-programa",
        FormulationStep.PlanDraft => $"/planos/{planId}/etapas/minutas#minuta-do-plano",
        FormulationStep.Publication => $"/planos/{planId}/etapas/publicacao",
        _ => $"/planos/{planId}/etapas",
    };

    /// <summary>"Concluída", "Em andamento", "Não iniciada" — or "Bloqueada" while the step is not open.</summary>
    public static string State(StepState state, bool isOpen = true) => !isOpen ? "Bloqueada" : state switch
    {
        StepState.Done => "Concluída",
        StepState.InProgress => "Em andamento",
        _ => "Não iniciada",
    };

    /// <summary>A CSS modifier for the state: done, in-progress, not-started or blocked.</summary>
    public static string StateKey(StepState state, bool isOpen = true) => !isOpen ? "blocked" : state switch
    {
        StepState.Done => "done",
        StepState.InProgress => "in-progress",
        _ => "not-started",
    };

    /// <summary>The colour of the state badge (the <c>sispmpi-status</c> modifiers).</summary>
    public static string StateClass(StepState state, bool isOpen = true) => !isOpen ? "secondary" : state switch
    {
        StepState.Done => "success",
        StepState.InProgress => "info",
        _ => "warning",
    };

    public static string StateIcon(StepState state, bool isOpen = true) => !isOpen ? "fas fa-lock" : state switch
    {
        StepState.Done => "fas fa-check",
        StepState.InProgress => "fas fa-pen",
        _ => "far fa-circle",
    };

    /// <summary>Why a step is not open yet.</summary>
    public static string BlockedReason(FormulationStep step) => step switch
    {
        FormulationStep.Diagnosis => "Abre quando a etapa 1 (comissão de integridade) estiver concluída.",
        FormulationStep.Plan => "Abre quando a comissão estiver concluída e o diagnóstico indicar ao menos um eixo temático, pois os eixos do plano vêm dele.",
        FormulationStep.Validation => "Abre quando as etapas 1 a 3 estiverem concluídas.",
        FormulationStep.ProgramDraft => "Abre quando as etapas 1 a 4 estiverem concluídas.",
        FormulationStep.PlanDraft => "Abre quando as etapas 1 a 5 estiverem concluídas.",
        FormulationStep.Publication => "Abre quando as etapas 1 a 6 estiverem concluídas.",
        _ => "",
    };

    public static string Title(DiagnosisTab tab) => tab switch
    {
        DiagnosisTab.StrategicInformation => "Informações estratégicas",
        DiagnosisTab.Instruments => "Instrumentos de diagnóstico",
        DiagnosisTab.Results => "Resultados",
        DiagnosisTab.Acknowledgement => "Ciência da alta administração",
        _ => tab.ToString(),
    };

    /// <summary>The tab's value in the <c>?aba=</c> query string.</summary>
    public static string Slug(DiagnosisTab tab) => tab switch
    {
        DiagnosisTab.StrategicInformation => "informacoes",
        DiagnosisTab.Instruments => "instrumentos",
        DiagnosisTab.Results => "resultados",
        DiagnosisTab.Acknowledgement => "ciencia",
        _ => tab.ToString(),
    };

    public static DiagnosisTab? TabFromSlug(string? slug) =>
        Enum.GetValues<DiagnosisTab>().Cast<DiagnosisTab?>().FirstOrDefault(t => Slug(t!.Value) == slug);

    /// <summary>What is missing, as a sentence telling the user what to do.</summary>
    public static string Sentence(Missing missing) => missing switch
    {
        Missing.CommissionActType => "Informe o tipo do ato que instituiu a comissão (por exemplo, portaria ou resolução).",
        Missing.CommissionActNumber => "Informe o número do ato que instituiu a comissão.",
        Missing.CommissionActDate => "Informe a data do ato que instituiu a comissão.",
        Missing.CommissionStartDate => "Informe a data de início dos trabalhos da comissão.",
        Missing.CommissionDuration => "Informe a duração prevista dos trabalhos, em dias.",
        Missing.CommissionMembers => "Cadastre os membros da comissão.",
        Missing.CommissionMemberDetails => "Há membros sem unidade administrativa ou sem e-mail: complete o cadastro deles.",
        Missing.CommissionCoordinator => "Indique um coordenador: a comissão deve ter exatamente um membro coordenador.",

        Missing.DiagnosisMission => "Descreva a missão do órgão.",
        Missing.DiagnosisVision => "Descreva a visão do órgão.",
        Missing.DiagnosisValues => "Descreva os valores do órgão.",
        Missing.DiagnosisOrganizationalStructure => "Descreva a estrutura organizacional.",
        Missing.DiagnosisCompetences => "Descreva as competências do órgão.",
        Missing.DiagnosisDuties => "Descreva as atribuições do órgão.",
        Missing.DiagnosisInstruments => "Indique ao menos um instrumento usado no diagnóstico.",
        Missing.DiagnosisMainFindings => "Registre os principais achados do diagnóstico.",
        Missing.DiagnosisDesiredFuture => "Descreva a situação futura desejada.",
        Missing.DiagnosisProgramObjectives => "Registre os objetivos do programa de integridade.",
        Missing.DiagnosisGovernanceStructure => "Descreva a estrutura de governança do programa.",
        Missing.DiagnosisMonitoringPeriodicity => "Informe a periodicidade do monitoramento.",
        Missing.DiagnosisEvaluationPeriodicity => "Informe a periodicidade da avaliação.",
        Missing.DiagnosisUpdatePeriodicity => "Informe a periodicidade da atualização.",
        Missing.DiagnosisCommunicationAspects => "Descreva os aspectos de comunicação.",
        Missing.DiagnosisTrainingAspects => "Descreva os aspectos de capacitação.",
        Missing.DiagnosisThematicAxes => "Escolha ao menos um eixo temático.",
        Missing.DiagnosisAcknowledgement => "Falta a ciência da alta administração sobre o diagnóstico.",
        Missing.DiagnosisAcknowledgementApproved =>
            "A alta administração não validou o diagnóstico: revise-o conforme as sugestões e peça nova ciência.",

        Missing.PlanAxes => "Crie os eixos do plano no editor.",
        Missing.PlanActions => "Cadastre as ações do plano.",
        Missing.AxesWithoutActions => "Há eixos sem nenhuma ação.",
        Missing.SubAxesWithoutActions => "Há subeixos sem nenhuma ação.",
        Missing.ActionFields => "Há ações sem descrição, tipo, unidade executora ou datas previstas de início e fim.",

        Missing.ValidityStart => "Informe o início da vigência do plano.",
        Missing.ValidityEnd => "Informe o fim da vigência do plano.",
        Missing.ValidityPeriodOrder => "O fim da vigência deve ser posterior ao início.",
        Missing.ValidationStakeholders => "Indique as partes interessadas consultadas.",
        Missing.ValidationConfirmation => "Conclua a validação geral.",

        Missing.ProgramDraft => "Gere a minuta do programa (DOCX).",
        Missing.PlanDraft => "Gere a minuta do plano (XLSX).",

        Missing.PublicationActName => "Informe o nome do ato de publicação.",
        Missing.PublicationActNumber => "Informe o número do ato de publicação.",
        Missing.PublicationActDate => "Informe a data do ato de publicação.",
        Missing.PublicationFinalPdf => "Envie o PDF final assinado do plano.",
        Missing.PublicationCommunicationPlan => "Envie o plano de comunicação.",
        Missing.PublicationTrainingPlan => "Envie o plano de capacitação.",
        Missing.PublicationHeadAcknowledgement => "Falta a ciência do dirigente máximo (alta administração).",
        Missing.PublicationInternalControlAcknowledgement => "Falta a ciência do controle interno.",
        Missing.Published => "Publique o plano.",
        _ => missing.ToString(),
    };

    public static IReadOnlyList<string> Sentences(IEnumerable<Missing> missing) => missing.Select(Sentence).ToList();
}
