namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>The kinds of record the report counts, as the operator reads them.</summary>
public static class LegacyKinds
{
    public const string Organizations = "Órgãos";
    public const string YearFigures = "Orçamento e quadro de pessoal (por ano)";
    public const string Units = "Unidades administrativas";
    public const string Users = "Usuários";
    public const string Grants = "Perfis atribuídos";
    public const string Invitations = "Convites (usuários sem senha utilizável)";
    public const string Servants = "Servidores sem conta";
    public const string Plans = "Planos";
    public const string Commissions = "Comissões de integridade";
    public const string CommissionActs = "Atos posteriores da comissão (prorrogação, alteração na composição)";
    public const string CommissionMembers = "Membros da comissão";
    public const string Diagnoses = "Diagnósticos";
    public const string Validations = "Validações";
    public const string Publications = "Publicações";
    public const string PublicationFiles = "Arquivos da publicação";
    public const string Axes = "Eixos";
    public const string SubAxes = "Subeixos";
    public const string Actions = "Ações";
    public const string SupportUnits = "Unidades de apoio das ações";
    public const string ActionStaff = "Servidores sem conta nas ações (responsáveis e envolvidos)";
    public const string ExecutionRecords = "Registros de execução";
    public const string LinkEvidence = "Evidências (link)";
    public const string ProcessEvidence = "Evidências (processo)";
    public const string FileEvidence = "Evidências (arquivo)";
    public const string RiskAssessments = "Avaliações de risco de não implementação";
    public const string Recommendations = "Recomendações";
    public const string AnsweredRecommendations = "Recomendações respondidas";
    public const string Meetings = "Reuniões";
    public const string MeetingParticipants = "Participantes de reuniões";
    public const string UpdateRequests = "Solicitações de atualização do plano";
    public const string Reopenings = "Reaberturas de plano";
    public const string Activities = "Atividades de promoção da integridade";
    public const string History = "Histórico de alterações";
}

/// <summary>Which body of the original each row belongs to, following its foreign keys up to <c>orgao</c>.</summary>
public sealed class LegacyOwnership
{
    private readonly Dictionary<(string Table, int Id), int> _owner = [];

    public LegacyOwnership(LegacySource source)
    {
        void Own(string table, Func<LegacyRow, int?> owner)
        {
            foreach (var row in source[table])
            {
                if (owner(row) is { } body)
                {
                    _owner[(table, row.Id)] = body;
                }
            }
        }
        Own("orgao", r => r.Id);
        Own("unidade_administrativa", r => r.Int("orgao_id"));
        Own("usuario", r => r.Int("orgao_id"));
        Own("plano_integridade", r => r.Int("orgao_id"));
        Own("eixo", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        Own("subeixo", r => Of("eixo", r.Int("eixo_id")));
        Own("acao", r => Of("eixo", r.Int("eixo_id")));
        Own("acao_execucao", r => Of("acao", r.Int("acao_id")));
        Own("acao_monitoramento", r => Of("acao", r.Int("acao_id")));
        Own("acao_monitoramento_recomendacao", r => Of("acao_monitoramento", r.Int("acao_monitoramento_id")));
        Own("acao_avaliacao_recomendacao", r => Of("acao", r.Int("acao_id")));
        Own("plano_integridade_recomendacao", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        Own("reuniao", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        Own("plano_integridade_novo", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        Own("plano_integridade_reabertura", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        Own("promover_integridade", r => r.Int("orgao_id"));
        Own("grupo", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        Own("diagnostico", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        Own("validacao", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        Own("publicacao", r => Of("plano_integridade", r.Int("plano_integridade_id")));
        // A servant belongs to the body of its unit; one without a unit, to the body of what it takes part in.
        Own("servidor", r => r.IntOrNull("unidade_administrativa_id") is { } unit ? Of("unidade_administrativa", unit) : null);
        foreach (var (table, owner, column) in new[] { ("acao_servidor", "acao", "acao_id"), ("grupo_servidor", "grupo", "grupo_id"), ("reuniao_servidor", "reuniao", "reuniao_id") })
        {
            foreach (var row in source[table])
            {
                if (Of(owner, row.Int(column)) is { } body)
                {
                    _owner.TryAdd(("servidor", row.Int("servidor_id")), body);
                }
            }
        }
    }

    public int? Of(string table, int id) => _owner.TryGetValue((table, id), out var body) ? body : null;

    public bool Belongs(string table, LegacyRow row, int body) => Of(table, row.Id) == body;
}
