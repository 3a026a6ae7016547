using System.Globalization;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;

namespace Sispmpi.Web.Features.Shared;

/// <summary>How domain values read in Portuguese. Domain code stays in English; the user sees only these.</summary>
public static class Labels
{
    private static readonly CultureInfo _ptBr = Infrastructure.Web.BrazilTime.Culture;
    private static readonly TimeZoneInfo _brasilia = Infrastructure.Web.BrazilTime.Zone;

    public static string Of(Profile profile) => profile switch
    {
        Profile.CentralAdministrator => "Administrador central",
        Profile.TechnicalSupport => "Suporte técnico",
        Profile.InternalControl => "Controle interno",
        Profile.SeniorManagement => "Alta administração",
        Profile.IntegrityCommission => "Comissão de integridade",
        Profile.MonitoringCommittee => "Monitoramento",
        Profile.Executor => "Executor",
        Profile.Observer => "Observador",
        _ => profile.ToString(),
    };

    public static string Of(OrganizationKind kind) => kind switch
    {
        OrganizationKind.DirectAdministration => "Administração direta",
        OrganizationKind.Autarchy => "Autarquia",
        OrganizationKind.Foundation => "Fundação",
        OrganizationKind.PublicCompany => "Empresa pública",
        OrganizationKind.MixedCapitalCompany => "Sociedade de economia mista",
        OrganizationKind.CityHall => "Prefeitura",
        OrganizationKind.CityCouncil => "Câmara municipal",
        _ => "Outro",
    };

    public static string Of(Sphere sphere) => sphere switch
    {
        Sphere.Municipal => "Municipal",
        Sphere.State => "Estadual",
        Sphere.Federal => "Federal",
        _ => sphere.ToString(),
    };

    public static string Of(Branch branch) => branch switch
    {
        Branch.Executive => "Executivo",
        Branch.Legislative => "Legislativo",
        Branch.Judiciary => "Judiciário",
        Branch.PublicProsecution => "Ministério Público",
        Branch.CourtOfAccounts => "Tribunal de Contas",
        _ => branch.ToString(),
    };

    public static string Of(PlanStatus status) => status switch
    {
        PlanStatus.NotStarted => "Não iniciado",
        PlanStatus.InPreparation => "Em elaboração",
        PlanStatus.Published => "Publicado",
        PlanStatus.Obsolete => "Obsoleto",
        _ => status.ToString(),
    };

    public static string Of(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Não iniciada",
        ActionStatus.InProgress => "Em andamento",
        ActionStatus.Concluded => "Concluída",
        ActionStatus.Discontinued => "Descontinuada",
        _ => status.ToString(),
    };

    public static string Of(ActionClassification classification) => classification switch
    {
        ActionClassification.Continuous => "Contínua",
        ActionClassification.OneOff => "Pontual",
        _ => classification.ToString(),
    };

    public static string Of(Core.Auditing.AuditOperation operation) => operation switch
    {
        Core.Auditing.AuditOperation.Insert => "Inclusão",
        Core.Auditing.AuditOperation.Update => "Alteração",
        Core.Auditing.AuditOperation.Delete => "Exclusão",
        _ => operation.ToString(),
    };

    /// <summary>Portuguese names of the entity types that appear in the history.</summary>
    public static string Entity(string entityType) => entityType switch
    {
        "Organization" => "Órgão/entidade",
        "OrganizationYearFigures" => "Dados anuais do órgão",
        "NetworkYearFigures" => "Informações da rede",
        "AdministrativeUnit" => "Unidade administrativa",
        "AppUser" => "Usuário",
        "ProfileGrant" => "Perfil de acesso",
        "Invitation" => "Convite",
        "IntegrityPlan" => "Plano de integridade",
        "PlanAxis" => "Eixo",
        "PlanAction" => "Ação",
        "IntegrityRisk" => "Risco de integridade",
        "RiskTreatment" => "Tratamento de risco",
        "IntegrityCommission" => "Comissão de integridade",
        "CommissionMember" => "Membro da comissão",
        "Diagnosis" => "Diagnóstico",
        "PlanPublication" => "Publicação do plano",
        "ActionSupportUnit" => "Unidade de apoio",
        "CatalogItem" => "Item de catálogo",
        "SignedDocument" => "Documento assinado",
        "DocumentSignature" => "Assinatura eletrônica",
        "ActionParticipant" => "Servidor envolvido na ação",
        "Servant" => "Servidor sem conta",
        "ActionServant" => "Servidor sem conta envolvido na ação",
        "ActionEvidence" => "Evidência de execução",
        "ActionMeasurement" => "Medição da meta",
        "RiskAssessment" => "Risco de não implementação",
        "Recommendation" => "Recomendação",
        "CommitteeMeeting" => "Reunião do comitê",
        "MeetingParticipant" => "Participante de reunião",
        "UpdateRequest" => "Solicitação de atualização do plano",
        "IntegrityActivity" => "Atividade de promoção da integridade",
        "MaturityModelVersion" => "Versão do modelo de maturidade",
        "MaturityCycle" => "Ciclo de autoavaliação",
        "MaturityAnswer" => "Resposta de maturidade",
        "MaturityEvidence" => "Evidência de maturidade",
        "AdhesionRequest" => "Pedido de adesão",
        "AdhesionStepRecord" => "Etapa do pedido de adesão",
        "CooperationAgreement" => "Acordo de cooperação técnica",
        "AgreementParticipant" => "Partícipe do acordo",
        "WorkPlanAxis" => "Eixo do plano de trabalho",
        "WorkPlanGoal" => "Meta do plano de trabalho",
        "WorkPlanGoalParticipant" => "Partícipe responsável pela meta",
        "WorkPlanGoalRecord" => "Registro da meta",
        "AdhesionAgreement" => "Acordo de adesão",
        "AdhesionAgreementGoal" => "Meta assumida no acordo de adesão",
        "AgreementReminder" => "Lembrete de obrigação do acordo",
        _ => entityType,
    };

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", _ptBr) ?? "—";

    public static string DateTime(DateTimeOffset? value) =>
        value is null ? "—" : TimeZoneInfo.ConvertTime(value.Value, _brasilia).ToString("dd/MM/yyyy HH:mm", _ptBr);

    public static string Money(decimal? value) => value?.ToString("C2", _ptBr) ?? "—";

    public static string Number(decimal value) => value.ToString("N0", _ptBr);

    public static string Percent(double fraction) => fraction.ToString("P0", _ptBr);

    public static string StatusClass(ActionStatus status) => status switch
    {
        ActionStatus.Concluded => "success",
        ActionStatus.InProgress => "info",
        ActionStatus.Discontinued => "warning",
        _ => "secondary",
    };

    public static string Of(TrafficLight light) => light switch
    {
        TrafficLight.White => "Branco",
        TrafficLight.Green => "Verde",
        TrafficLight.Yellow => "Amarelo",
        TrafficLight.Red => "Vermelho",
        TrafficLight.Blue => "Azul",
        TrafficLight.Grey => "Cinza",
        _ => light.ToString(),
    };

    /// <summary>What the light tells, for the text next to the colour (colour alone never carries meaning).</summary>
    public static string Meaning(TrafficLight light) => light switch
    {
        TrafficLight.White => "não iniciada",
        TrafficLight.Green => "em dia",
        TrafficLight.Yellow => "requer atenção",
        TrafficLight.Red => "atrasada",
        TrafficLight.Blue => "concluída",
        TrafficLight.Grey => "descontinuada",
        _ => "",
    };

    public static string LightClass(TrafficLight light) => light switch
    {
        TrafficLight.White => "sispmpi-light-white",
        TrafficLight.Green => "sispmpi-light-green",
        TrafficLight.Yellow => "sispmpi-light-yellow",
        TrafficLight.Red => "sispmpi-light-red",
        TrafficLight.Blue => "sispmpi-light-blue",
        TrafficLight.Grey => "sispmpi-light-grey",
        _ => "sispmpi-light-" + light.ToString().ToLowerInvariant(),
    };

    /// <summary>A fraction 0..1 as a percentage with one decimal, "—" when it does not count.</summary>
    public static string Progress(decimal? fraction) => fraction is decimal f ? (f * 100m).ToString("0.#", _ptBr) + "%" : "—";

    public static string Decimal(decimal? value) => value?.ToString("#,##0.####", _ptBr) ?? "—";

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024m).ToString("0.#", _ptBr) + " KB",
        _ => (bytes / (1024m * 1024m)).ToString("0.#", _ptBr) + " MB",
    };

    public static string Of(Monitoring.NonImplementationRisk risk) => risk switch
    {
        Monitoring.NonImplementationRisk.Low => "Baixo",
        Monitoring.NonImplementationRisk.Medium => "Médio",
        Monitoring.NonImplementationRisk.High => "Alto",
        Monitoring.NonImplementationRisk.Extreme => "Extremo",
        _ => risk.ToString(),
    };

    public static string RiskClass(Monitoring.NonImplementationRisk risk) => risk switch
    {
        Monitoring.NonImplementationRisk.Low => "success",
        Monitoring.NonImplementationRisk.Medium => "info",
        Monitoring.NonImplementationRisk.High => "warning",
        _ => "danger",
    };

    public static string Of(Monitoring.UpdateKind kind) => kind switch
    {
        Monitoring.UpdateKind.NewVersion => "Nova versão",
        Monitoring.UpdateKind.NewEdition => "Nova edição",
        _ => kind.ToString(),
    };

    public static string Of(Monitoring.UpdateRequestStatus status) => status switch
    {
        Monitoring.UpdateRequestStatus.Pending => "Aguardando o controle interno",
        Monitoring.UpdateRequestStatus.Authorized => "Autorizada",
        Monitoring.UpdateRequestStatus.Denied => "Negada",
        _ => status.ToString(),
    };
}
