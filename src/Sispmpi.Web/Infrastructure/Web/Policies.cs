using Microsoft.AspNetCore.Authorization;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// Every page and endpoint names one of these policies (or is explicitly anonymous); the authorization sweep
/// fails on any route that does neither. Each policy is the set of profiles, in the current organization,
/// that may use it; the side menu is built from the same table, so menu and access never disagree.
/// </summary>
public static class Policies
{
    public const string Account = "Conta";
    public const string Home = "Inicio";
    public const string PlansRead = "Planos.Ler";
    public const string Formulation = "Elaboracao";
    public const string Execution = "Execucao";
    public const string Monitoring = "Monitoramento";
    public const string Evaluation = "Avaliacao";
    public const string Panel = "Painel";
    public const string Organizations = "Organizacoes";
    public const string Units = "Unidades";
    public const string Users = "Usuarios";
    public const string History = "Historico";
    public const string Support = "Suporte";
    public const string Sign = "Documentos.Assinar";
    public const string FormulationEdit = "Elaboracao.Editar";
    public const string DiagnosisAcknowledge = "Elaboracao.Ciencia";
    public const string PublicationAcknowledge = "Elaboracao.CienciaPublicacao";
    public const string PlanReopen = "Planos.Reabrir";
    public const string ExecutionRecord = "Execucao.Registrar";
    public const string ExecutionAssign = "Execucao.Responsabilidade";
    public const string MonitoringWrite = "Monitoramento.Registrar";
    public const string GeneralRecommendationReply = "Recomendacoes.ResponderGerais";
    public const string EvaluationWrite = "Avaliacao.Registrar";
    public const string MaturityRead = "Maturidade.Ler";
    public const string MaturityWrite = "Maturidade.Responder";
    public const string MaturityModelEdit = "Maturidade.Modelo";
    public const string Adoption = "Adesao";
    /// <summary>Reading and signing cooperation agreements: the managing body, and each participant's linked signatory (a link, not a profile).</summary>
    public const string AgreementsRead = "Acordos.Ler";
    public const string Catalogs = "Catalogos";

    private static readonly Profile[] _everyProfile = Enum.GetValues<Profile>();

    public static readonly IReadOnlyDictionary<string, Profile[]> Profiles = new Dictionary<string, Profile[]>
    {
        [Home] = _everyProfile,
        [PlansRead] = _everyProfile.Except([Profile.TechnicalSupport]).ToArray(),
        [Formulation] = [Profile.IntegrityCommission, Profile.SeniorManagement, Profile.InternalControl, Profile.CentralAdministrator],
        [Execution] = [Profile.Executor, Profile.IntegrityCommission, Profile.MonitoringCommittee, Profile.SeniorManagement, Profile.InternalControl],
        [Monitoring] = [Profile.MonitoringCommittee, Profile.Observer, Profile.SeniorManagement, Profile.InternalControl, Profile.CentralAdministrator],
        [Evaluation] = [Profile.InternalControl, Profile.SeniorManagement],
        [Panel] = [Profile.CentralAdministrator],
        [Organizations] = [Profile.CentralAdministrator],
        [Units] = [Profile.CentralAdministrator, Profile.InternalControl],
        [Users] = [Profile.CentralAdministrator, Profile.InternalControl],
        [History] = [Profile.CentralAdministrator, Profile.InternalControl],
        [Support] = [Profile.TechnicalSupport],
        // Who signs a body's official documents: its head, the commission that wrote them, internal control.
        [Sign] = [Profile.SeniorManagement, Profile.IntegrityCommission, Profile.InternalControl],
        // The commission writes the plan; only the head acknowledges the diagnosis (SPEC §3.1, 2d); the head
        // and internal control acknowledge the publication; only the central administrator reopens a plan.
        [FormulationEdit] = [Profile.IntegrityCommission],
        [DiagnosisAcknowledge] = [Profile.SeniorManagement],
        [PublicationAcknowledge] = [Profile.SeniorManagement, Profile.InternalControl],
        [PlanReopen] = [Profile.CentralAdministrator],
        // Executors record the execution of their own actions (checked per action by ActionAccess); the
        // commission, or the action's responsible executor, says who answers for it (SPEC §1, §3.2).
        [ExecutionRecord] = [Profile.Executor],
        [ExecutionAssign] = [Profile.IntegrityCommission, Profile.Executor],
        // The monitoring committee assesses risks, recommends, holds meetings and asks for plan updates; it and
        // the commission reply to internal control's general recommendations (SPEC §3.3).
        [MonitoringWrite] = [Profile.MonitoringCommittee],
        [GeneralRecommendationReply] = [Profile.MonitoringCommittee, Profile.IntegrityCommission],
        // Internal control evaluates: recommendations, activity log, decisions on update requests, its report (SPEC §3.4).
        [EvaluationWrite] = [Profile.InternalControl],
        // The body assesses its own maturity: internal control and the commission answer, internal control submits;
        // the head reads; the central administrator keeps the model.
        [MaturityRead] = [Profile.InternalControl, Profile.IntegrityCommission, Profile.SeniorManagement, Profile.CentralAdministrator],
        [MaturityWrite] = [Profile.InternalControl, Profile.IntegrityCommission],
        [MaturityModelEdit] = [Profile.CentralAdministrator],
        // The central body manages adhesion requests, cooperation agreements and their work plans (SPEC §4).
        [Adoption] = [Profile.CentralAdministrator],
        // The managing body reads its agreements; a participant's linked signatory, from any organization, reads and signs
        // the ones it is linked to (AgreementReaderRequirement, checked on the link rather than on a profile).
        [AgreementsRead] = [Profile.CentralAdministrator],
        // The central administrator keeps the installation-wide catalogs (SPEC §3.5).
        [Catalogs] = [Profile.CentralAdministrator],
    };

    public static bool Allows(string policy, TenantContext tenant) => tenant.HasAny(Profiles[policy]);

    public static void Register(AuthorizationOptions options)
    {
        // Deny by default: a page that names no policy still requires a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Account, p => p.RequireAuthenticatedUser());
        foreach (var (name, profiles) in Profiles.Where(p => p.Key != AgreementsRead))
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new ProfileRequirement(profiles)));
        }
        options.AddPolicy(AgreementsRead, p => p.RequireAuthenticatedUser().AddRequirements(new Features.Adoption.Agreements.AgreementReaderRequirement()));
    }
}

public sealed record ProfileRequirement(IReadOnlyCollection<Profile> Profiles) : IAuthorizationRequirement;

internal sealed class ProfileRequirementHandler(TenantContext tenant) : AuthorizationHandler<ProfileRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ProfileRequirement requirement)
    {
        if (tenant.HasAny(requirement.Profiles))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
