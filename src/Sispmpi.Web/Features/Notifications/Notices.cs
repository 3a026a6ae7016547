using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Shared;

namespace Sispmpi.Web.Features.Notifications;

/// <summary>
/// Every message the system sends (SPEC §7), in Portuguese, each with a link back into the system. Invitations and
/// password resets carry a link with a one-time token, never a password.
/// </summary>
public static class Notices
{
    public static Notice Invitation(string organization, Profile profile, string invitedBy, string link, int validDays) => new(
        "convite", "convite de acesso",
        $"Convite para acessar o SisPMPI em {organization}.",
        [
            $"{invitedBy} convidou você para acessar o SisPMPI — Sistema de Programas e Planos de Integridade — em {organization}, com o perfil {Labels.Of(profile)}.",
            $"Para criar a sua conta e escolher a sua senha, use o link abaixo (válido por {validDays} dias). Nenhuma senha é enviada por e-mail.",
            "Se você não esperava este convite, ignore esta mensagem.",
        ],
        link, "Criar minha conta") { Personal = false };

    public static Notice PasswordReset(string link) => new(
        "redefinicao-senha", "redefinição de senha",
        "Pedido de redefinição de senha.",
        [
            "Recebemos um pedido para redefinir a sua senha no SisPMPI. Para escolher uma nova senha, use o link abaixo (válido por 24 horas).",
            "Se você não fez este pedido, ignore esta mensagem: a sua senha atual continua valendo.",
        ],
        link, "Redefinir minha senha") { Personal = false };

    public static Notice ProfileGranted(string organization, Profile profile, string grantedBy) => new(
        "perfil-alterado", "novo perfil de acesso",
        $"Você recebeu o perfil {Labels.Of(profile)} em {organization}.",
        [$"Você recebeu o perfil {Labels.Of(profile)} em {organization} no SisPMPI, concedido por {grantedBy}."],
        "/", "Acessar o SisPMPI");

    public static Notice ProfileRevoked(string organization, Profile profile, string revokedBy) => new(
        "perfil-alterado", "perfil de acesso retirado",
        $"O perfil {Labels.Of(profile)} em {organization} foi retirado.",
        [$"O perfil {Labels.Of(profile)} que você tinha em {organization} no SisPMPI foi retirado por {revokedBy}."],
        "/conta", "Ver minha conta");

    public static Notice AgreementSignatoryLinked(int agreementId, string agreement, string participant, string linkedBy) => new(
        "acordo-signatario", $"Assinatura do {agreement}",
        $"Você foi vinculado(a) como signatário(a) de {participant} no {agreement}.",
        [
            $"{linkedBy} vinculou a sua conta ao signatário de {participant} no {agreement}.",
            "Você pode ler o acordo e o plano de trabalho e assiná-los eletronicamente, com a sua senha, pelo link abaixo.",
        ],
        $"/acordos/{agreementId}/assinar", "Ler e assinar o acordo");

    public static Notice PlanValidated(int planId, string plan, string organization) => new(
        "plano-validado", $"{plan} validado",
        $"A comissão concluiu a validação geral do {plan}.",
        [
            $"A comissão de integridade de {organization} concluiu a validação geral do {plan}.",
            "Os próximos passos são as minutas do programa e do plano e a publicação.",
        ],
        $"/planos/{planId}", "Ver o plano");

    public static Notice PlanPublished(int planId, string plan, string organization, string edition, int version, DateTimeOffset publishedAt,
        string party, string next) => new(
        "plano-publicado", $"{plan} publicado",
        $"O {plan} ({organization}) foi publicado. {next}",
        [
            $"Aviso ao {party}.",
            $"O {plan} ({organization}), edição {edition}, versão {version}, foi publicado em {Labels.DateTime(publishedAt)}.",
            next,
        ],
        $"/planos/{planId}", "Ver o plano publicado");

    public static Notice RecommendationReceived(int actionId, string actionNumber, string actionTitle, bool fromMonitoring, string text) => new(
        "recomendacao-recebida", $"recomendação sobre a ação {actionNumber}",
        $"Recomendação {(fromMonitoring ? "do comitê de monitoramento" : "do controle interno")} sobre a ação {actionNumber}.",
        [
            $"Você recebeu uma recomendação {(fromMonitoring ? "do comitê de monitoramento" : "do controle interno")} sobre a ação {actionNumber} — {actionTitle}:",
            text,
            $"Responda na aba {(fromMonitoring ? "Monitoramento" : "Avaliação")} da ação.",
        ],
        $"/acoes/{actionId}/{(fromMonitoring ? "monitoramento" : "avaliacao")}", "Responder à recomendação");

    public static Notice GeneralRecommendation(int planId, string plan, string text) => new(
        "recomendacao-geral", $"recomendação do controle interno sobre o {plan}",
        $"O controle interno fez uma recomendação geral sobre o {plan}.",
        [$"O controle interno fez uma recomendação geral sobre o {plan}:", text],
        $"/monitoramento/planos/{planId}/recomendacoes-gerais", "Responder à recomendação");

    public static Notice RecommendationAnswered(string subject, string answeredBy, string recommendation, string answer, string link) => new(
        "recomendacao-respondida", $"recomendação respondida — {subject}",
        $"{answeredBy} respondeu à sua recomendação sobre {subject}.",
        [$"{answeredBy} respondeu à recomendação sobre {subject}.", $"Recomendação: {recommendation}", $"Resposta: {answer}"],
        link, "Ver a resposta");

    public static Notice UpdateRequested(int planId, string plan, string kind, string justification) => new(
        "atualizacao-solicitada", $"solicitação de {kind} do {plan}",
        $"O comitê de monitoramento solicita {kind} do {plan}.",
        [$"O comitê de monitoramento solicita {kind} do {plan}.", $"Justificativa: {justification}", "Decida no módulo Avaliação."],
        "/avaliacao/solicitacoes", "Decidir a solicitação");

    public static Notice UpdateDecided(int planId, string plan, bool authorized, string body) => new(
        authorized ? "atualizacao-autorizada" : "atualizacao-negada",
        $"solicitação de atualização do {plan} {(authorized ? "autorizada" : "negada")}",
        $"O controle interno {(authorized ? "autorizou" : "negou")} a solicitação de atualização do {plan}.",
        [body],
        $"/monitoramento/planos/{planId}/solicitacoes", "Ver a decisão");

    public static Notice DeadlineApproaching(int actionId, string actionNumber, string actionTitle, string plan, DateOnly plannedEnd, int daysLeft) => new(
        "prazo-proximo", $"prazo da ação {actionNumber} em {Labels.Date(plannedEnd)}",
        daysLeft == 0
            ? $"A ação {actionNumber} termina hoje ({Labels.Date(plannedEnd)})."
            : $"Faltam {daysLeft} {(daysLeft == 1 ? "dia" : "dias")} para o término previsto da ação {actionNumber} ({Labels.Date(plannedEnd)}).",
        [
            $"A ação {actionNumber} — {actionTitle}, do {plan}, tem término previsto em {Labels.Date(plannedEnd)}"
                + (daysLeft == 0 ? ", hoje." : $", daqui a {daysLeft} {(daysLeft == 1 ? "dia" : "dias")}."),
            "Registre a execução e as evidências antes do prazo, ou comunique ao comitê de monitoramento o que impede a conclusão.",
        ],
        $"/acoes/{actionId}/execucao", "Registrar a execução");

    public static Notice Overdue(int actionId, string actionNumber, string actionTitle, string plan, DateOnly plannedEnd, int daysLate) => new(
        "acao-atrasada", $"ação {actionNumber} atrasada",
        $"A ação {actionNumber} está atrasada há {daysLate} {(daysLate == 1 ? "dia" : "dias")} (término previsto em {Labels.Date(plannedEnd)}).",
        [
            $"A ação {actionNumber} — {actionTitle}, do {plan}, tinha término previsto em {Labels.Date(plannedEnd)} e não foi concluída: {daysLate} {(daysLate == 1 ? "dia" : "dias")} de atraso.",
            "Este aviso se repete toda semana enquanto a ação estiver atrasada.",
        ],
        $"/acoes/{actionId}/execucao", "Ver a ação");

    public static Notice AgreementObligation(int agreementId, string agreement, int goalId, string goal, string description, string deadline,
        string responsible, string situation, DateOnly due, bool late) => new(
        "obrigacao-acordo",
        late ? $"obrigação em atraso — {agreement}, meta {goal}" : $"obrigação a vencer em {Labels.Date(due)} — {agreement}, meta {goal}",
        late ? $"A meta {goal} do {agreement} venceu em {Labels.Date(due)}." : $"A meta {goal} do {agreement} vence em {Labels.Date(due)}.",
        [
            "Prezados partícipes,",
            late
                ? $"A meta {goal} do plano de trabalho do {agreement} venceu em {Labels.Date(due)} e ainda não foi registrada como cumprida."
                : $"A meta {goal} do plano de trabalho do {agreement} vence em {Labels.Date(due)}.",
            $"Meta: {description}\nPrazo/periodicidade: {deadline}\nResponsável: {responsible}\nSituação: {situation}",
        ],
        $"/acordos/{agreementId}/metas/{goalId}", "Registrar o cumprimento") { Personal = false };

    public static Notice Digest(IReadOnlyList<Notification> items, DateOnly day, Func<string, string> absolute) => new(
        "resumo-diario", $"resumo de {Labels.Date(day)} ({items.Count} {(items.Count == 1 ? "aviso" : "avisos")})",
        $"Resumo diário com {items.Count} {(items.Count == 1 ? "aviso" : "avisos")}.",
        [
            $"Estes são os avisos do SisPMPI para você desde o último resumo ({items.Count}):",
            .. items.Select(n => $"• {n.Title}: {n.Summary}\n  {absolute(n.Link)}"),
        ],
        "/notificacoes", "Ver todos os avisos");
}
