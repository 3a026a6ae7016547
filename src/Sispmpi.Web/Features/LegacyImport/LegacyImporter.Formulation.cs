using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Features.Formulation;
using Sispmpi.Web.Features.Formulation.Steps;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>
/// The formulation steps of each plan: the commission (<c>grupo</c>) with its instituting act, later acts and members,
/// the diagnosis with its parts and acknowledgement, the validation and the publication with its files. They become
/// the plan's state of the body's integrity programme, as a plan formulated here keeps it.
/// </summary>
public sealed partial class LegacyImporter
{
    // The original's grupo_instituido.tipo (migration m220803): a deadline extension, or a change of membership.
    private const int MembershipChangeAct = 2;

    [GeneratedRegex(@"^(?<name>.+?)\s*,?\s+(?:n\.?\s*[º°o]\.?|número)\s*(?<number>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActNamePattern();

    /// <summary>The original keeps an act as one "nome e número" text; here name and number are apart.</summary>
    internal static (string Name, string? Number) SplitAct(string text)
    {
        var match = ActNamePattern().Match(text);
        return match.Success ? (match.Groups["name"].Value.Trim(), match.Groups["number"].Value.Trim()) : (text, null);
    }

    private async Task WriteFormulationAsync(int legacyPlan, IntegrityPlan plan, string filesFolder, CancellationToken cancellationToken)
    {
        await WriteCommissionAsync(legacyPlan, plan, cancellationToken);
        await WriteDiagnosisAsync(legacyPlan, plan, cancellationToken);
        await WriteValidationAsync(legacyPlan, plan, cancellationToken);
        await WritePublicationAsync(legacyPlan, plan, filesFolder, cancellationToken);
    }

    private async Task WriteCommissionAsync(int legacyPlan, IntegrityPlan plan, CancellationToken cancellationToken)
    {
        var group = _source["grupo"].LastOrDefault(g => g.Int("plano_integridade_id") == legacyPlan);
        if (group is null)
        {
            return;
        }
        // Extensions and changes of membership number their "order" apart (the latter as the compositions of
        // grupo_servidor), so the acts go in the order they were published.
        var acts = _source["grupo_instituido"].Where(a => a.Int("grupo_id") == group.Id)
            .OrderBy(a => a.Int("order") == 0 && a.IntOrNull("tipo") != MembershipChangeAct ? 0 : 1).ThenBy(a => a.Date("data_publicacao")).ThenBy(a => a.Id).ToList();
        var instituting = acts.FirstOrDefault(a => a.Int("order") == 0 && a.IntOrNull("tipo") != MembershipChangeAct);
        var commission = new IntegrityCommission { OrganizationId = plan.OrganizationId, PlanId = plan.Id };
        if (instituting is not null)
        {
            commission.IsFormallyInstituted = instituting.IntOrNull("formalmente") == 1;
            if (instituting.Text("nome_numero") is { } act)
            {
                var (name, number) = SplitAct(act);
                commission.ActType = Cut(name, 100);
                commission.ActNumber = Cut(number, 60);
            }
            commission.ActDate = instituting.Date("data_publicacao");
            commission.ActLink = Cut(instituting.Text("link"), 1000);
            commission.StartDate = instituting.Date("data_inicio") ?? commission.ActDate;
            commission.PlannedDurationDays = instituting.IntOrNull("dias_conclusao")
                ?? (commission.StartDate is { } start && instituting.Date("data_prevista_conclusao") is { } end ? end.DayNumber - start.DayNumber : null);
        }

        // The original counts an extension's days from the extending act; here they add to the working period, so the
        // days added are what keeps the deadline the original showed.
        var deadline = commission.StartDate is { } from && commission.PlannedDurationDays is { } days ? from.AddDays(days) : (DateOnly?)null;
        var legacyActs = new List<(LegacyRow Row, CommissionAct Act)>();
        foreach (var row in acts.Where(a => a != instituting))
        {
            var (name, number) = SplitAct(row.Text("nome_numero") ?? "Ato");
            var act = new CommissionAct
            {
                OrganizationId = plan.OrganizationId,
                Kind = row.IntOrNull("tipo") == MembershipChangeAct ? CommissionActKind.MembershipChange : CommissionActKind.DeadlineExtension,
                ActType = Cut(name, 100)!, ActNumber = Cut(number, 60) ?? "s/nº",
                ActDate = row.Date("data_publicacao") ?? DateOnly.FromDateTime((row.Moment("created_at") ?? _now).ToOffset(TimeSpan.FromHours(-3)).DateTime),
                ActLink = Cut(row.Text("link"), 1000),
            };
            if (act.Kind == CommissionActKind.DeadlineExtension)
            {
                var newDeadline = row.Date("data_prevista_conclusao")
                    ?? (row.IntOrNull("dias_conclusao") is { } extra ? act.ActDate.AddDays(extra) : null);
                act.ExtensionDays = deadline is { } current && newDeadline is { } next ? Math.Max(0, next.DayNumber - current.DayNumber) : row.IntOrNull("dias_conclusao");
                deadline = newDeadline ?? deadline;
                if (newDeadline is { } shown)
                {
                    act.Notes = $"No SisPMPI original: prazo prorrogado até {shown.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.";
                }
            }
            commission.Acts.Add(act);
            legacyActs.Add((row, act));
        }

        var members = new List<(List<LegacyRow> Rows, CommissionMember Member)>();
        var lastOrder = _source["grupo_servidor"].Where(m => m.Int("grupo_id") == group.Id).Select(m => m.Int("order")).DefaultIfEmpty().Max();
        foreach (var rows in _source["grupo_servidor"].Where(m => m.Int("grupo_id") == group.Id).GroupBy(m => m.Int("servidor_id")))
        {
            var person = _source["servidor"].FirstOrDefault(s => s.Id == rows.Key);
            if (person?.Text("nome") is not { } personName)
            {
                continue;
            }
            var latest = rows.OrderBy(r => r.Int("order")).ThenBy(r => r.Id).Last();
            var member = new CommissionMember
            {
                OrganizationId = plan.OrganizationId, Name = Cut(personName, 200)!, Registration = Cut(person.Text("masp_matricula"), 40),
                UnitId = LinkOf("unidade_administrativa", person.IntOrNull("unidade_administrativa_id")), IsCoordinator = latest.Int("coordenador") == 1,
            };
            // Inactive (or left out of the latest composition) since the change of membership that made it so.
            if (latest.Int("status") != 1 || latest.Int("order") < lastOrder)
            {
                var since = latest.Int("status") != 1
                    ? rows.Where(r => r.Int("status") != 1).Min(r => r.Int("order"))
                    : rows.Max(r => r.Int("order")) + 1;
                member.InactiveSince = legacyActs.Where(a => a.Act.Kind == CommissionActKind.MembershipChange && a.Row.Int("order") >= since)
                    .OrderBy(a => a.Row.Int("order")).Select(a => (DateOnly?)a.Act.ActDate).FirstOrDefault() ?? DateOnly.FromDateTime(_now.DateTime);
            }
            commission.Members.Add(member);
            members.Add((rows.ToList(), member));
        }

        db.Commissions.Add(commission);
        await db.SaveChangesAsync(cancellationToken);
        Link("grupo", group.Id, commission.Id, plan.OrganizationId);
        _report.Count(LegacyKinds.Commissions);
        foreach (var (row, act) in legacyActs)
        {
            Link("grupo_instituido", row.Id, act.Id, plan.OrganizationId);
            _report.Count(LegacyKinds.CommissionActs);
        }
        foreach (var (rows, member) in members)
        {
            rows.ForEach(r => Link("grupo_servidor", r.Id, member.Id, plan.OrganizationId));
            _report.Count(LegacyKinds.CommissionMembers);
        }
    }

    private async Task WriteDiagnosisAsync(int legacyPlan, IntegrityPlan plan, CancellationToken cancellationToken)
    {
        var row = _source["diagnostico"].LastOrDefault(d => d.Int("plano_integridade_id") == legacyPlan);
        if (row is null)
        {
            return;
        }
        var diagnosis = new Diagnosis { OrganizationId = plan.OrganizationId, PlanId = plan.Id };
        if (_source["diagnostico_info_estrategica"].LastOrDefault(i => i.Int("diagnostico_id") == row.Id) is { } strategic)
        {
            diagnosis.Mission = strategic.EditorText("missao");
            diagnosis.Vision = strategic.EditorText("visao");
            diagnosis.Values = strategic.EditorText("valores");
            diagnosis.OrganizationalStructure = strategic.EditorText("estrutura_organica");
            diagnosis.Competences = strategic.EditorText("competencias");
            diagnosis.Duties = strategic.EditorText("atribuicoes");
        }
        var instruments = NamesOf("diagnostico_instrumento", "instrumento_id", "instrumento", "diagnostico_id", row.Id);
        (diagnosis.Instruments, diagnosis.OtherInstruments) = await FromCatalogAsync(CatalogKind.DiagnosisInstrument, instruments, cancellationToken);
        if (_source["diagnostico_resultado"].LastOrDefault(r => r.Int("diagnostico_id") == row.Id) is { } results)
        {
            diagnosis.MainFindings = results.RichText("descricao");
            diagnosis.DesiredFuture = results.RichText("objetivos_trabalhados");
            diagnosis.ProgramObjectives = results.RichText("objetivos_estrategicos");
            diagnosis.GovernanceStructure = results.RichText("estrutura_governanca");
            diagnosis.MonitoringPeriodicity = Cut(results.Text("periodicidade_monitoramentos"), 200);
            diagnosis.EvaluationPeriodicity = Cut(results.Text("periodicidade_avaliacoes"), 200);
            diagnosis.UpdatePeriodicity = Cut(results.Text("periodicidade_atualizacoes"), 200);
            diagnosis.CommunicationAspects = results.RichText("aspectos_comunicacao");
            diagnosis.TrainingAspects = results.RichText("aspectos_capacitacao");
        }
        var axes = NamesOf("diagnostico_eixo_tematico", "eixo_tematico_id", "eixo_tematico", "diagnostico_id", row.Id);
        (diagnosis.ThematicAxes, diagnosis.OtherThematicAxes) = await FromCatalogAsync(CatalogKind.ThematicAxis, axes, cancellationToken);
        if (_source["diagnostico_ciencia"].LastOrDefault(c => c.Int("diagnostico_id") == row.Id) is { } acknowledgement)
        {
            diagnosis.Validated = acknowledgement.Int("validado") == 1;
            diagnosis.AcknowledgementSuggestions = acknowledgement.Text("sugestoes");
            diagnosis.AcknowledgedById = LinkOf("usuario", acknowledgement.IntOrNull("usuario_id"));
            diagnosis.AcknowledgedByName = Cut(_source["usuario"].FirstOrDefault(u => u.Id == acknowledgement.IntOrNull("usuario_id"))?.Text("nome"), 200);
            diagnosis.AcknowledgedAt = acknowledgement.Moment("created_at");
        }
        db.Diagnoses.Add(diagnosis);
        await db.SaveChangesAsync(cancellationToken);
        Link("diagnostico", row.Id, diagnosis.Id, plan.OrganizationId);
        _report.Count(LegacyKinds.Diagnoses);
    }

    private async Task WriteValidationAsync(int legacyPlan, IntegrityPlan plan, CancellationToken cancellationToken)
    {
        var row = _source["validacao"].LastOrDefault(v => v.Int("plano_integridade_id") == legacyPlan);
        if (row is null)
        {
            return;
        }
        var stakeholders = NamesOf("validacao_stakeholder", "stakeholder_id", "stakeholder", "validacao_id", row.Id);
        var (chosen, others) = await FromCatalogAsync(CatalogKind.Stakeholder, stakeholders, cancellationToken);
        plan.Stakeholders = chosen;
        plan.OtherStakeholders = others;
        // The original's dates are those of the validation process, not the plan's validity, which it does not keep.
        var period = (row.Date("data_inicio"), row.Date("data_conclusao")) is ({ } start, { } end)
            ? $"Validação realizada de {start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} a {end.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} (SisPMPI original)."
            : null;
        plan.ValidationRemarks = string.Join("\n\n", new[] { period, row.RichText("info_complementar") }.OfType<string>());
        plan.ValidatedAt = row.Date("data_conclusao") is { } concluded ? BrasiliaDay(concluded) : row.Moment("created_at");
        await db.SaveChangesAsync(cancellationToken);
        Link("validacao", row.Id, plan.Id, plan.OrganizationId);
        _report.Count(LegacyKinds.Validations);
        _report.Notes.Add($"Plano {plan.Edition} (id {legacyPlan}): o SisPMPI original não registra a vigência do plano; ela ficou em branco.");
    }

    private async Task WritePublicationAsync(int legacyPlan, IntegrityPlan plan, string filesFolder, CancellationToken cancellationToken)
    {
        var row = _source["publicacao"].LastOrDefault(p => p.Int("plano_integridade_id") == legacyPlan);
        if (row is null)
        {
            return;
        }
        var (actName, actNumber) = SplitAct(row.Text("nome_numero") ?? "");
        var publication = new PlanPublication
        {
            OrganizationId = plan.OrganizationId, PlanId = plan.Id,
            ActName = Cut(actName.Length == 0 ? null : actName, 200), ActNumber = Cut(actNumber, 60), ActDate = row.Date("data_publicacao"),
            ActLink = Cut(row.Text("link"), 1000),
            HadLaunchEvent = row.Int("evento") == 1, LaunchEventDate = row.Date("data_evento"), LaunchEventJustification = Cut(row.Text("justificativa_evento"), 1000),
            HasPublicWebPage = row.Int("disponibilizado") == 1, WebPageUrl = Cut(row.Text("endereco_disponibilizado"), 1000),
            WebPageJustification = Cut(row.Text("justificativa_disponibilizado"), 1000),
        };
        var what = $"Publicação do plano {plan.Edition}";
        (publication.FinalPdfKey, publication.FinalPdfName) = await PublicationFileAsync(filesFolder, row.IntOrNull("plano_integridade_arquivo"), $"{what} (PDF final)",
            content => UploadedFiles.Detect(content) == UploadFormat.Pdf ? null : "não é um PDF.", cancellationToken);
        (publication.ActionPlanKey, publication.ActionPlanName) = await PublicationFileAsync(filesFolder, row.IntOrNull("plano_acao_arquivo"), $"{what} (plano de ação)",
            null, cancellationToken);
        (publication.CommunicationPlanKey, publication.CommunicationPlanName) = await PublicationFileAsync(filesFolder, row.IntOrNull("plano_comunicacao_arquivo"),
            $"{what} (plano de comunicação)", DocumentRefusal, cancellationToken);
        (publication.TrainingPlanKey, publication.TrainingPlanName) = await PublicationFileAsync(filesFolder, row.IntOrNull("plano_treinamento_arquivo"),
            $"{what} (plano de capacitação)", DocumentRefusal, cancellationToken);
        db.PlanPublications.Add(publication);
        await db.SaveChangesAsync(cancellationToken);
        Link("publicacao", row.Id, publication.Id, plan.OrganizationId);
        _report.Count(LegacyKinds.Publications);

        static string? DocumentRefusal(byte[] content) =>
            UploadedFiles.Detect(content) == UploadFormat.Unknown ? "não é um arquivo PDF, DOC, DOCX ou ODT." : null;
    }

    /// <summary>
    /// One file of the publication, checked as the publication page checks an upload (<paramref name="check"/>; null: as the
    /// consolidated action plan) and copied into the store; a refused or missing one is reported and left out.
    /// </summary>
    private async Task<(string? Key, string? Name)> PublicationFileAsync(string filesFolder, int? legacyFile, string what,
        Func<byte[], string?>? check, CancellationToken cancellationToken)
    {
        if (await ReadLegacyFileAsync(filesFolder, legacyFile, what, cancellationToken) is not { } file)
        {
            return (null, null);
        }
        var (name, content) = file;
        var refusal = content.LongLength > UploadedFiles.MaxBytes ? $"tem {UploadedFiles.Size(content.LongLength)}; o limite é de 10 MB."
            : check is null ? ActionPlanFile.Check(name, content) : check(content);
        if (refusal is not null)
        {
            _report.Refusals.Add($"{what}: o arquivo {name} foi recusado: {refusal}");
            return (null, null);
        }
        _report.Count(LegacyKinds.PublicationFiles);
        return (await StoreAsync(PublicationModel.Folder, content, cancellationToken), UploadedFiles.OriginalName(name, "arquivo"));
    }

    /// <summary>The names a link table points at (e.g. the instruments of a diagnosis), in the original's order.</summary>
    private List<string> NamesOf(string linkTable, string targetColumn, string targetTable, string ownerColumn, int ownerId) =>
        _source[linkTable].Where(l => l.Int(ownerColumn) == ownerId)
            .Select(l => _source[targetTable].FirstOrDefault(t => t.Id == l.Int(targetColumn))?.Text("nome"))
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Names found in this installation's catalog are chosen from it, in its spelling; the rest (the original let each body
    /// add its own) are kept in the "outros" text.
    /// </summary>
    private async Task<(List<string> Chosen, string? Others)> FromCatalogAsync(CatalogKind kind, List<string> names, CancellationToken cancellationToken)
    {
        var catalog = await db.CatalogItems.AsNoTracking().Where(c => c.Kind == kind).Select(c => c.Name).ToListAsync(cancellationToken);
        var chosen = new List<string>();
        var others = new List<string>();
        foreach (var name in names)
        {
            if (catalog.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                chosen.Add(known);
            }
            else
            {
                others.Add(name);
            }
        }
        return (chosen, others.Count == 0 ? null : string.Join("; ", others));
    }

    private static DateTimeOffset BrasiliaDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-3)).ToUniversalTime();
}
