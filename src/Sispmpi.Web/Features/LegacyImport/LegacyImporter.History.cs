using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Auditing;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Auditing;

namespace Sispmpi.Web.Features.LegacyImport;

public sealed partial class LegacyImporter
{
    public const string ImportedMark = "Importado do SisPMPI original";

    // The original's model classes, the table each keeps its rows in, and what that row became here.
    private static readonly Dictionary<string, (string Table, string EntityType)> _models = new(StringComparer.Ordinal)
    {
        ["Orgao"] = ("orgao", "Organization"),
        ["UnidadeAdministrativa"] = ("unidade_administrativa", "AdministrativeUnit"),
        ["User"] = ("usuario", "AppUser"),
        ["Usuario"] = ("usuario", "AppUser"),
        ["PlanoIntegridade"] = ("plano_integridade", "IntegrityPlan"),
        ["Eixo"] = ("eixo", "PlanAxis"),
        ["Subeixo"] = ("subeixo", "PlanAxis"),
        ["Acao"] = ("acao", "PlanAction"),
        ["AcaoMonitoramento"] = ("acao_monitoramento", "RiskAssessment"),
        ["AcaoMonitoramentoRecomendacao"] = ("acao_monitoramento_recomendacao", "Recommendation"),
        ["AcaoAvaliacaoRecomendacao"] = ("acao_avaliacao_recomendacao", "Recommendation"),
        ["PlanoIntegridadeRecomendacao"] = ("plano_integridade_recomendacao", "Recommendation"),
        ["Reuniao"] = ("reuniao", "CommitteeMeeting"),
        ["PlanoIntegridadeNovo"] = ("plano_integridade_novo", "UpdateRequest"),
        ["PromoverIntegridade"] = ("promover_integridade", "IntegrityActivity"),
        ["Servidor"] = ("servidor", "Servant"),
        ["Grupo"] = ("grupo", "IntegrityCommission"),
        ["Diagnostico"] = ("diagnostico", "Diagnosis"),
        ["Validacao"] = ("validacao", "IntegrityPlan"),
        ["Publicacao"] = ("publicacao", "PlanPublication"),
    };

    /// <summary>
    /// The original's history (and its reopenings, which it kept only as rows) become history entries of this
    /// system, in their original order, appended to the hash chain after the records of the import itself. Each
    /// keeps its moment, author and profile, and says in its justification that it was imported.
    /// </summary>
    private async Task WriteHistoryAsync(int legacyBody, Organization organization, CancellationToken cancellationToken)
    {
        var users = _source["usuario"].ToDictionary(u => u.Id);
        var entries = new List<(DateTimeOffset At, int Order, AuditRecord Record)>();
        foreach (var row in _source["historico"])
        {
            var model = row.Text("model") ?? "";
            var shortModel = model[(model.LastIndexOf('\\') + 1)..];
            var known = _models.TryGetValue(shortModel, out var target);
            var table = known ? target.Table : Snake(shortModel);
            var legacyId = row.Int("id_registro");
            var author = users.GetValueOrDefault(row.Int("usuario_id"));
            var owner = _owners.Of(table, legacyId) ?? author?.Int("orgao_id");
            if (owner != legacyBody)
            {
                continue;
            }
            var newId = known ? LinkOf(table, legacyId) : null;
            var at = row.Moment("created_at") ?? _now;
            var justification = row.Text("justificativa") is { } why ? $"{ImportedMark} (histórico nº {row.Id}): {why}" : $"{ImportedMark} (histórico nº {row.Id})";
            var operation = row.Text("action") == "Delete" ? AuditOperation.Delete
                : row["antigo_valor"] is null ? AuditOperation.Insert : AuditOperation.Update;
            entries.Add((at, row.Id, new AuditRecord(at, LinkOf("usuario", row.Int("usuario_id")), Cut(author?.Text("nome"), 200) ?? $"Usuário {row.Int("usuario_id")} do original",
                Cut(row.Text("usuario_perfil"), 60), organization.Id,
                newId is null ? Cut($"SisPMPI:{shortModel}", 100)! : target.EntityType,
                (newId ?? legacyId).ToString(CultureInfo.InvariantCulture), operation, Cut(row.Text("campo"), 100),
                row["antigo_valor"] as string, row["novo_valor"] as string, justification)));
        }
        foreach (var row in Owned("plano_integridade_reabertura", legacyBody))
        {
            var author = users.GetValueOrDefault(row.Int("usuario_id"));
            var at = row.Moment("created_at") ?? _now;
            var planId = LinkOf("plano_integridade", row.Int("plano_integridade_id"))!.Value;
            entries.Add((at, int.MaxValue, new AuditRecord(at, LinkOf("usuario", row.Int("usuario_id")), Cut(author?.Text("nome"), 200) ?? "Usuário do original",
                null, organization.Id, "IntegrityPlan", planId.ToString(CultureInfo.InvariantCulture), AuditOperation.Update, "Reabertura",
                null, "Plano reaberto", $"{ImportedMark}: reabertura nº {row.Id}")));
            _report.Count(LegacyKinds.Reopenings);
        }
        var ordered = entries.OrderBy(e => e.At).ThenBy(e => e.Order).Select(e => e.Record).ToList();
        await AppendHistoryAsync(ordered, cancellationToken);
        _report.Count(LegacyKinds.History, ordered.Count(r => !r.Justification!.StartsWith(ImportedMark + ": reabertura", StringComparison.Ordinal)));
    }

    private async Task AppendHistoryAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }
        await using var chain = await AuditChainWriter.OpenAsync(db.Database, cancellationToken);
        foreach (var given in records)
        {
            var record = given with { OccurredAt = AuditChain.Normalize(given.OccurredAt) };
            await chain.AppendAsync(record, cancellationToken);
        }
    }

    private static string Snake(string model)
    {
        var text = new StringBuilder();
        foreach (var c in model)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
