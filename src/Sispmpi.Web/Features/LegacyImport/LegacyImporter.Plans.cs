using System.Globalization;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.LegacyImport;

public sealed partial class LegacyImporter
{
    private static PlanStatus MapPlanStatus(int legacy) => legacy switch
    {
        1 => PlanStatus.InPreparation,
        2 => PlanStatus.Published,
        3 => PlanStatus.NotStarted,
        4 => PlanStatus.Obsolete,
        _ => throw new FormatException($"Situação de plano desconhecida no original: {legacy}."),
    };

    private async Task WritePlansAsync(int legacyBody, Organization organization, string filesFolder, CancellationToken cancellationToken)
    {
        var plans = _source["plano_integridade"].Where(p => p.Int("orgao_id") == legacyBody).ToList();
        foreach (var row in plans)
        {
            var publication = _source["publicacao"].LastOrDefault(p => p.Int("plano_integridade_id") == row.Id);
            var versao = Convert.ToDouble(row["versao"] ?? 1d, CultureInfo.InvariantCulture);
            var plan = new IntegrityPlan
            {
                OrganizationId = organization.Id,
                Title = Cut($"Plano de Integridade {row.Text("edicao")}", 300)!,
                Edition = Cut(row.Text("edicao"), 40) ?? "—",
                Version = Math.Max(1, (int)Math.Round(versao)),
                Status = MapPlanStatus(row.Int("status")),
                CreatedAt = row.Moment("created_at") ?? _now,
                PublishedAt = publication?.Date("data_publicacao") is { } published ? BrasiliaDay(published) : null,
                OriginPlanId = LinkOf("plano_integridade", row.IntOrNull("plano_integridade_referencia_id")),
                ProgrammeId = await new Formulation.Lifecycle.PlanCarryOver(db, clock).ProgrammeIdAsync(organization.Id, cancellationToken),
            };
            if (Math.Abs(versao - Math.Round(versao)) > 0.001)
            {
                _report.Notes.Add($"Plano {plan.Edition} (id {row.Id}): a versão {versao.ToString(CultureInfo.InvariantCulture)} do original virou {plan.Version}.");
            }
            db.Plans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            Link("plano_integridade", row.Id, plan.Id, organization.Id);
            _report.Count(LegacyKinds.Plans);
            await WriteFormulationAsync(row.Id, plan, filesFolder, cancellationToken);
            await WriteAxesAndActionsAsync(row.Id, plan, filesFolder, cancellationToken);
        }
    }

    private async Task WriteAxesAndActionsAsync(int legacyPlan, IntegrityPlan plan, string filesFolder, CancellationToken cancellationToken)
    {
        var axisNumbers = new Dictionary<int, string>();
        var position = 0;
        foreach (var row in _source["eixo"].Where(e => e.Int("plano_integridade_id") == legacyPlan))
        {
            var axis = new PlanAxis
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, Position = ++position, Number = $"{position}",
                Title = Cut(row.Text("titulo"), 300) ?? "—", Description = row.EditorText("descricao"),
            };
            db.PlanAxes.Add(axis);
            await db.SaveChangesAsync(cancellationToken);
            Link("eixo", row.Id, axis.Id, plan.OrganizationId);
            axisNumbers[axis.Id] = axis.Number;
            _report.Count(LegacyKinds.Axes);

            var subPosition = 0;
            foreach (var subRow in _source["subeixo"].Where(s => s.Int("eixo_id") == row.Id))
            {
                var sub = new PlanAxis
                {
                    OrganizationId = plan.OrganizationId, PlanId = plan.Id, ParentId = axis.Id, Position = ++subPosition,
                    Number = $"{axis.Number}.{subPosition}", Title = Cut(subRow.Text("titulo"), 300) ?? "—", Description = subRow.EditorText("descricao"),
                };
                db.PlanAxes.Add(sub);
                await db.SaveChangesAsync(cancellationToken);
                Link("subeixo", subRow.Id, sub.Id, plan.OrganizationId);
                axisNumbers[sub.Id] = sub.Number;
                _report.Count(LegacyKinds.SubAxes);
            }
        }

        var actionPositions = new Dictionary<int, int>();
        var planAxes = _source["eixo"].Where(e => e.Int("plano_integridade_id") == legacyPlan).Select(e => e.Id).ToHashSet();
        foreach (var row in _source["acao"].Where(a => planAxes.Contains(a.Int("eixo_id"))))
        {
            var axisId = LinkOf("subeixo", row.IntOrNull("subeixo_id")) ?? LinkOf("eixo", row.Int("eixo_id"))!.Value;
            var actionPosition = actionPositions[axisId] = actionPositions.GetValueOrDefault(axisId) + 1;
            var action = new PlanAction
            {
                OrganizationId = plan.OrganizationId, PlanId = plan.Id, AxisId = axisId, Position = actionPosition,
                Number = Cut($"{axisNumbers[axisId]}.{row.Int("numero")}", 20)!,
                Title = Cut(row.Text("titulo"), 500) ?? "—",
                Description = row.RichText("descricao"),
                ExecutingUnitId = LinkOf("unidade_administrativa", row.Int("unidade_executora")),
                Classification = row.Text("classificacao") == "Ação contínua" ? ActionClassification.Continuous : ActionClassification.OneOff,
                ActionType = ActionTypesOf(row.Id),
                PlannedStart = row.Date("previsao_inicio"),
                PlannedEnd = row.Date("previsao_conclusao"),
                PlannedBudget = row.Decimal("orcamento_previsto"),
                Objectives = row.EditorText("objetivo"),
                Benefits = row.EditorText("beneficio_instituicao"),
                OriginActionId = LinkOf("acao", row.IntOrNull("acao_referencia_id")),
                LastUpdateAt = row.Moment("created_at"),
            };
            ApplyExecution(row, action);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync(cancellationToken);
            Link("acao", row.Id, action.Id, plan.OrganizationId);
            _report.Count(LegacyKinds.Actions);

            foreach (var support in _source["acao_unidade_apoio"].Where(s => s.Int("acao_id") == row.Id))
            {
                if (LinkOf("unidade_administrativa", support.Int("unidade_administrativa_id")) is { } unitId)
                {
                    db.ActionSupportUnits.Add(new Formulation.ActionSupportUnit { OrganizationId = plan.OrganizationId, ActionId = action.Id, UnitId = unitId });
                    _report.Count(LegacyKinds.SupportUnits);
                }
            }
            await WriteActionStaffAsync(row.Id, action, cancellationToken);
            await WriteEvidenceAsync(row.Id, action, filesFolder, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void ApplyExecution(LegacyRow row, PlanAction action)
    {
        var execution = _source["acao_execucao"].LastOrDefault(e => e.Int("acao_id") == row.Id);
        var legacyStatus = row.Int("status");
        if (execution is not null)
        {
            action.StartedOn = execution.Date("data_inicio");
            action.ConcludedOn = execution.Date("data_conclusao");
            action.BudgetSpent = execution.Decimal("orcamento_executado");
            action.ExecutionNotes = Cut(execution.RichText("observacoes"), 4000);
            action.SuggestedEvidence = execution.EditorText("evidencias_sugeridas");
            var factors = _source["acao_execucao_fator_limitante"].Where(f => f.Int("acao_execucao_id") == execution.Id)
                .Select(f => _source["fator_limitante"].FirstOrDefault(x => x.Id == f.Int("fator_limitante_id"))?.Text("nome"))
                .OfType<string>().ToList();
            action.LimitingFactors = factors.Count == 0 ? null : factors;
            _report.Count(LegacyKinds.ExecutionRecords);
        }
        // Here the status follows from the dates; where the original's status says more than its dates, the
        // missing date is taken from the action's last known moment and the operator told.
        var fallback = action.LastUpdateAt is { } at ? DateOnly.FromDateTime(at.DateTime) : DateOnly.FromDateTime(_now.DateTime);
        switch (legacyStatus)
        {
            case 1:
                action.StartedOn = null;
                action.ConcludedOn = null;
                break;
            case 2:
                action.StartedOn ??= Filled(action, "início", action.PlannedStart ?? fallback);
                action.ConcludedOn = null;
                break;
            case 3:
                action.StartedOn ??= Filled(action, "início", action.PlannedStart ?? fallback);
                action.ConcludedOn ??= Filled(action, "conclusão", action.StartedOn > fallback ? action.StartedOn.Value : fallback);
                break;
            case 4:
                action.DiscontinuedOn = action.ConcludedOn ?? fallback;
                action.DiscontinuationJustification = "Ação descontinuada no SisPMPI original.";
                break;
        }
        action.RefreshStatus();
    }

    private DateOnly Filled(PlanAction action, string what, DateOnly date)
    {
        _report.Notes.Add($"Ação {action.Title}: {what} não informado no original; usada a data {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
        return date;
    }

    private async Task WriteEvidenceAsync(int legacyAction, PlanAction action, string filesFolder, CancellationToken cancellationToken)
    {
        foreach (var execution in _source["acao_execucao"].Where(e => e.Int("acao_id") == legacyAction))
        {
            var addedAt = action.LastUpdateAt ?? _now;
            if (execution.Text("evidencia_link") is { } link)
            {
                if (WebAddress.TryParse(link, out var url))
                {
                    Add(new ActionEvidence { Kind = EvidenceKind.Link, Description = "Link de evidência (SisPMPI original)", Url = Cut(url.Text, 2000) });
                    _report.Count(LegacyKinds.LinkEvidence);
                }
                else
                {
                    _report.Refusals.Add($"Ação {action.Number}: o link de evidência \"{link}\" não é um endereço web válido.");
                }
            }
            if (execution.Text("processo_sei") is { } process)
            {
                if (ProcessNumbers.TryParse(process, out var number, out var error))
                {
                    Add(new ActionEvidence
                    {
                        Kind = EvidenceKind.Process, Description = "Processo SEI (SisPMPI original)", ProcessNumber = number.Value, ProcessNumberKind = number.Kind,
                    });
                    _report.Count(LegacyKinds.ProcessEvidence);
                }
                else
                {
                    _report.Refusals.Add($"Ação {action.Number}: o processo \"{process}\" não foi importado: {error}");
                }
            }
            foreach (var attachment in _source["acao_execucao_arquivo"].Where(a => a.Int("acao_execucao_id") == execution.Id))
            {
                if (await ReadLegacyFileAsync(filesFolder, attachment.Int("arquivo_id"), $"Ação {action.Number}", cancellationToken) is not { } file)
                {
                    continue;
                }
                var (name, content) = file;
                var check = EvidenceFiles.Check(name, content, executionOptions.Value.EvidenceMaxBytes);
                if (!check.IsValid)
                {
                    _report.Refusals.Add($"Ação {action.Number}: o arquivo {name} foi recusado: {check.Error}");
                    continue;
                }
                var key = await StoreAsync(EvidenceService.FileFolder, content, cancellationToken);
                Add(new ActionEvidence
                {
                    Kind = EvidenceKind.File, Description = Cut(name, 500)!, FileName = Cut(name, 200), FileKey = key, ContentType = check.ContentType,
                    FileSize = content.LongLength, FileSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                });
                _report.Count(LegacyKinds.FileEvidence);
            }

            void Add(ActionEvidence evidence)
            {
                evidence.OrganizationId = action.OrganizationId;
                evidence.ActionId = action.Id;
                evidence.AddedAt = addedAt;
                db.ActionEvidence.Add(evidence);
            }
        }
    }

    /// <summary>
    /// The content of a file of the original (<c>arquivo</c>) with its original name, or null when it is not in the
    /// operator's folder (reported, under <paramref name="what"/>).
    /// </summary>
    private async Task<(string Name, byte[] Content)?> ReadLegacyFileAsync(string filesFolder, int? legacyFile, string what, CancellationToken cancellationToken)
    {
        var file = _source["arquivo"].FirstOrDefault(f => f.Id == legacyFile);
        if (file is null)
        {
            return null;
        }
        var name = file.Text("nome_original") ?? file.Text("nome_servidor") ?? $"arquivo-{file.Id}";
        if (ResolveFile(filesFolder, file) is not { } path)
        {
            _report.Refusals.Add($"{what}: o arquivo {name} não foi encontrado em {filesFolder}.");
            return null;
        }
        return (name, await File.ReadAllBytesAsync(path, cancellationToken));
    }

    /// <summary>Copies accepted content into the file store (not on a dry run), remembered so a rolled-back body removes it.</summary>
    private async Task<string> StoreAsync(string folder, byte[] content, CancellationToken cancellationToken)
    {
        if (_dryRun)
        {
            return "simulacao";
        }
        var key = await files.SaveAsync(folder, content, cancellationToken);
        _storedFiles.Add(key);
        return key;
    }

    /// <summary>The original keeps <c>path</c> relative to its application folder (uploads/…); the operator names its uploads folder.</summary>
    private static string? ResolveFile(string filesFolder, LegacyRow file)
    {
        var root = Path.GetFullPath(filesFolder);
        var relative = (file.Text("path") ?? "").Replace('\\', '/').TrimStart('/');
        var candidates = new List<string> { relative };
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            candidates.Add(relative[(slash + 1)..]);
        }
        if (file.Text("nome_servidor") is { } stored)
        {
            candidates.Add(stored);
        }
        foreach (var candidate in candidates.Where(c => c.Length > 0))
        {
            var full = Path.GetFullPath(Path.Combine(root, candidate));
            if (full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
            {
                return full;
            }
        }
        return null;
    }
}
