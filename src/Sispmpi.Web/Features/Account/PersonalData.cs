using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Auditing;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Notifications;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Email;

namespace Sispmpi.Web.Features.Account;

public sealed record PersonalAccount(int Id, string FullName, string? Email, string? Position, DateTimeOffset CreatedAt, bool IsActive,
    bool TwoFactorEnabled, string? Cpf, DateTimeOffset? LastGovBrSignInAt, GovBrLevel? LastGovBrLevel)
{
    public string? FormattedCpf => Cpf is null ? null : Core.People.Cpf.TryParse(Cpf, out var cpf) ? cpf.Formatted : Cpf;
}

public sealed record PersonalGrant(string OrganizationAcronym, string OrganizationName, Profile Profile, string? Unit);

public sealed record PersonalNotification(DateTimeOffset CreatedAt, string? OrganizationAcronym, string Event, string Title, string Summary,
    string Link, DateTimeOffset? ReadAt);

public sealed record PersonalToken(string Name, string Prefix, string OrganizationAcronym, string OrganizationName, bool CanWrite,
    DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateOnly? ExpiresOn, DateTimeOffset? RevokedAt);

public sealed record PersonalMail(DateTimeOffset CreatedAt, string Subject, OutboxStatus Status);

public sealed record PersonalHistoryEntry(DateTimeOffset OccurredAt, string? OrganizationAcronym, string EntityType, string EntityId,
    AuditOperation Operation);

/// <summary>How long one kind of data is kept, as this system actually behaves.</summary>
public sealed record RetentionRule(string Kind, string Period);

/// <summary>Everything the installation holds about one person (LGPD, art. 18), without any secret.</summary>
public sealed record PersonalDataReport(DateTimeOffset GeneratedAt, PersonalAccount Account, IReadOnlyList<PersonalGrant> Grants,
    IReadOnlyList<PersonalNotification> Notifications, NotificationDelivery Delivery, IReadOnlyList<PersonalToken> Tokens,
    IReadOnlyList<PersonalMail> Mails, IReadOnlyList<PersonalHistoryEntry> History)
{
    /// <summary>Nothing in SisPMPI deletes these automatically; what changes them is a person's action, stated per kind.</summary>
    public static readonly IReadOnlyList<RetentionRule> Retention =
    [
        new("Conta (nome, e-mail, CPF, cargo, situação)", "Mantida enquanto existir a conta. Uma conta desativada não é apagada: é conservada porque o histórico e as assinaturas eletrônicas a referenciam."),
        new("Perfis por organização", "Mantidos enquanto concedidos. A revogação apaga o perfil; o histórico conserva o registro da concessão e da revogação."),
        new("Notificações", "Conservadas sem prazo: o sistema não as apaga, nem depois de lidas."),
        new("Preferência de notificação", "Mantida enquanto existir a conta."),
        new("Tokens de acesso à API", "Conservados após a revogação ou o fim da validade, como registro de acesso. Do segredo, o sistema guarda apenas um resumo criptográfico, que não é incluído aqui."),
        new("E-mails enviados", "Conservados na fila de envio sem prazo, como registro da entrega. Aqui aparecem só o assunto, a data e a situação."),
        new("Histórico de alterações", "Permanente: o histórico é encadeado por resumos criptográficos para fins de auditoria e não pode ser alterado nem apagado."),
        new("Segundo fator de autenticação", "A chave do aplicativo autenticador e os códigos de recuperação ficam guardados enquanto existir a conta e são trocados a cada desativação ou nova geração; nunca são incluídos aqui, como a senha."),
    ];

    /// <summary>
    /// Reads the person's own rows in every organization: the tenant filter is bypassed on purpose, and every query
    /// is filtered by <paramref name="userId"/> instead.
    /// </summary>
    public static async Task<PersonalDataReport?> LoadAsync(SispmpiDbContext db, int userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new PersonalAccount(u.Id, u.FullName, u.Email, u.Position, u.CreatedAt, u.IsActive, u.TwoFactorEnabled, u.Cpf,
                u.LastGovBrSignInAt, u.LastGovBrLevel))
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }
        var grants = await db.ProfileGrants.IgnoreQueryFilters().AsNoTracking().Where(g => g.UserId == userId)
            .OrderBy(g => g.Organization!.Acronym).ThenBy(g => g.Profile)
            .Select(g => new PersonalGrant(g.Organization!.Acronym, g.Organization.Name, g.Profile, g.Unit == null ? null : g.Unit.Name))
            .ToListAsync(cancellationToken);
        var notifications = await db.Notifications.IgnoreQueryFilters().AsNoTracking().Where(n => n.UserId == userId)
            .OrderBy(n => n.Id)
            .Select(n => new { n.CreatedAt, n.OrganizationId, n.Event, n.Title, n.Summary, n.Link, n.ReadAt })
            .ToListAsync(cancellationToken);
        var delivery = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => (NotificationDelivery?)p.Delivery).SingleOrDefaultAsync(cancellationToken) ?? NotificationDelivery.Immediate;
        var tokens = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking().Where(t => t.UserId == userId)
            .OrderBy(t => t.Id)
            .Select(t => new PersonalToken(t.Name, t.Prefix, t.Organization!.Acronym, t.Organization.Name, t.CanWrite, t.CreatedAt, t.LastUsedAt,
                t.ExpiresOn, t.RevokedAt))
            .ToListAsync(cancellationToken);
        var mails = await db.Outbox.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.Id)
            .Select(m => new PersonalMail(m.CreatedAt, m.Subject, m.Status))
            .ToListAsync(cancellationToken);
        var history = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.UserId == userId)
            .OrderBy(e => e.Id)
            .Select(e => new { e.OccurredAt, e.OrganizationId, e.EntityType, e.EntityId, e.Operation })
            .ToListAsync(cancellationToken);

        var organizationIds = notifications.Select(n => n.OrganizationId).Concat(history.Select(h => h.OrganizationId))
            .OfType<int>().Distinct().ToList();
        var acronyms = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Acronym, cancellationToken);
        string? Acronym(int? id) => id is int key && acronyms.TryGetValue(key, out var acronym) ? acronym : null;

        return new PersonalDataReport(now, account, grants,
            notifications.Select(n => new PersonalNotification(n.CreatedAt, Acronym(n.OrganizationId), n.Event, n.Title, n.Summary, n.Link, n.ReadAt)).ToList(),
            delivery, tokens, mails,
            history.Select(h => new PersonalHistoryEntry(h.OccurredAt, Acronym(h.OrganizationId), h.EntityType, h.EntityId, h.Operation)).ToList());
    }

    public static string Entity(string entityType) => entityType switch
    {
        "ApiToken" => "Token de acesso à API",
        "NotificationPreference" => "Preferência de notificação",
        _ => Labels.Entity(entityType),
    };

    public static string Of(NotificationDelivery delivery) =>
        delivery == NotificationDelivery.DailyDigest ? "Um resumo diário por e-mail" : "Um e-mail por notificação, no momento em que ocorre";

    public static string Of(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "Enviado",
        OutboxStatus.Failed => "Falhou",
        _ => "Aguardando envio",
    };

    private static readonly JsonSerializerOptions _json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Machine-readable: ISO 8601 instants, keys in Portuguese like every word the person reads.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(new
    {
        sistema = "SisPMPI",
        geradoEm = GeneratedAt,
        conta = new
        {
            id = Account.Id,
            nomeCompleto = Account.FullName,
            email = Account.Email,
            cargo = Account.Position,
            criadaEm = Account.CreatedAt,
            ativa = Account.IsActive,
            segundoFatorAtivado = Account.TwoFactorEnabled,
            cpf = Account.FormattedCpf,
            ultimaEntradaComGovBr = Account.LastGovBrSignInAt,
            nivelGovBrNaUltimaEntrada = Account.LastGovBrLevel is { } level ? GovBrLevels.Name(level) : null,
        },
        perfis = Grants.Select(g => new { sigla = g.OrganizationAcronym, organizacao = g.OrganizationName, perfil = Labels.Of(g.Profile), unidade = g.Unit }),
        notificacoes = Notifications.Select(n => new
        {
            criadaEm = n.CreatedAt, organizacao = n.OrganizationAcronym, evento = n.Event, titulo = n.Title, resumo = n.Summary, link = n.Link, lidaEm = n.ReadAt,
        }),
        preferenciaDeNotificacao = Of(Delivery),
        tokensDeAcesso = Tokens.Select(t => new
        {
            nome = t.Name, identificacao = t.Prefix, sigla = t.OrganizationAcronym, organizacao = t.OrganizationName,
            acesso = t.CanWrite ? "Leitura e escrita" : "Somente leitura", criadoEm = t.CreatedAt, ultimoUso = t.LastUsedAt,
            validoAte = t.ExpiresOn, revogadoEm = t.RevokedAt,
        }),
        emailsEnviados = Mails.Select(m => new { criadoEm = m.CreatedAt, assunto = m.Subject, situacao = Of(m.Status) }),
        historico = History.Select(h => new
        {
            quando = h.OccurredAt, organizacao = h.OrganizationAcronym, entidade = Entity(h.EntityType), identificador = h.EntityId,
            operacao = Labels.Of(h.Operation),
        }),
        retencao = Retention.Select(r => new { tipo = r.Kind, prazo = r.Period }),
    }, _json);

    /// <summary>The same content, readable: a PDF of the system's official-document kind.</summary>
    public byte[] ToPdf() => Infrastructure.Documents.Pdf.PdfWriter.Render(new OfficialDocument(
        new DocumentInfo("Meus dados", "SisPMPI", GeneratedAt, Account.FullName),
        new TitlePage("Meus dados", Account.FullName, [$"Gerado em {Labels.DateTime(GeneratedAt)}", "Dados pessoais mantidos pelo SisPMPI (LGPD, art. 18)"]),
        [
            new Heading(1, "Conta"),
            new FieldList(
            [
                new Field("Nome completo", Account.FullName),
                new Field("E-mail", Account.Email ?? "—"),
                new Field("Cargo", Account.Position ?? "—"),
                new Field("Criada em", Labels.DateTime(Account.CreatedAt)),
                new Field("Situação", Account.IsActive ? "Ativa" : "Desativada"),
                new Field("Segundo fator", Account.TwoFactorEnabled ? "Ativado" : "Desativado"),
                new Field("CPF", Account.FormattedCpf ?? "Não vinculado"),
                new Field("Última entrada com gov.br", Account.LastGovBrSignInAt is null ? "Nunca" : Labels.DateTime(Account.LastGovBrSignInAt)),
                new Field("Nível gov.br na última entrada", Account.LastGovBrLevel is { } govBrLevel ? GovBrLevels.Name(govBrLevel) : "—"),
            ]),
            new Heading(1, "Perfis por organização"),
            Grants.Count == 0
                ? (Block)new Paragraph("Nenhum perfil.")
                : new Table([new("Organização", 3), new("Perfil", 2), new("Unidade", 2)],
                    Grants.Select(g => (IReadOnlyList<string>)[$"{g.OrganizationAcronym} — {g.OrganizationName}", Labels.Of(g.Profile), g.Unit ?? "—"]).ToList()),
            new Heading(1, "Notificações"),
            new Paragraph($"Preferência de e-mail: {Of(Delivery)}."),
            Notifications.Count == 0
                ? (Block)new Paragraph("Nenhuma notificação.")
                : new Table([new("Data", 1.3), new("Organização", 1), new("Título", 3), new("Lida em", 1.3)],
                    Notifications.Select(n => (IReadOnlyList<string>)[Labels.DateTime(n.CreatedAt), n.OrganizationAcronym ?? "—", n.Title,
                        n.ReadAt is null ? "Não lida" : Labels.DateTime(n.ReadAt)]).ToList()),
            new Heading(1, "Tokens de acesso à API"),
            Tokens.Count == 0
                ? (Block)new Paragraph("Nenhum token.")
                : new Table([new("Nome", 2), new("Identificação", 1.5), new("Organização", 1), new("Acesso", 1.3), new("Criado em", 1.3),
                        new("Último uso", 1.3), new("Validade", 1), new("Revogado em", 1.3)],
                    Tokens.Select(t => (IReadOnlyList<string>)[t.Name, t.Prefix, t.OrganizationAcronym, t.CanWrite ? "Leitura e escrita" : "Somente leitura",
                        Labels.DateTime(t.CreatedAt), t.LastUsedAt is null ? "Nunca usado" : Labels.DateTime(t.LastUsedAt),
                        t.ExpiresOn is null ? "Sem validade" : Labels.Date(t.ExpiresOn), t.RevokedAt is null ? "—" : Labels.DateTime(t.RevokedAt)]).ToList()),
            new Heading(1, "E-mails enviados"),
            Mails.Count == 0
                ? (Block)new Paragraph("Nenhum e-mail.")
                : new Table([new("Data", 1), new("Assunto", 3), new("Situação", 1)],
                    Mails.Select(m => (IReadOnlyList<string>)[Labels.DateTime(m.CreatedAt), m.Subject, Of(m.Status)]).ToList()),
            new Heading(1, "Alterações feitas por você (histórico)"),
            History.Count == 0
                ? (Block)new Paragraph("Nenhuma alteração registrada.")
                : new Table([new("Quando", 1.3), new("Organização", 1), new("Registro", 2.5), new("Identificador", 1), new("Operação", 1)],
                    History.Select(h => (IReadOnlyList<string>)[Labels.DateTime(h.OccurredAt), h.OrganizationAcronym ?? "—", Entity(h.EntityType), h.EntityId,
                        Labels.Of(h.Operation)]).ToList()),
            new Heading(1, "Por quanto tempo cada dado é mantido"),
            new Table([new("Dado", 1), new("Prazo", 3)], Retention.Select(r => (IReadOnlyList<string>)[r.Kind, r.Period]).ToList()),
            new Paragraph("Nunca constam deste relatório: a senha (nem o seu resumo criptográfico), o carimbo de segurança da conta, a chave do aplicativo autenticador, os códigos de recuperação e os segredos dos tokens.", TextStyle.Small),
        ]));
}
