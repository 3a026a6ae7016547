using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Execution;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Report;

/// <summary>
/// What a monitoring report covers. <see cref="From"/> and <see cref="To"/> (inclusive, either may be open) select
/// the dated records — evidence by the day it was added, goal measurements by the day measured, recommendations by
/// the day they were made, risk assessments by the day assessed, all in Brasília time. <see cref="ActionIds"/> are
/// the chosen actions; none chosen means every action of the plan.
/// </summary>
public sealed record ReportOptions(DateOnly? From, DateOnly? To, IReadOnlyCollection<int> ActionIds)
{
    public static readonly ReportOptions Full = new(null, null, []);

    public bool HasPeriod => From is not null || To is not null;

    public bool HasActionSelection => ActionIds.Count > 0;

    public bool IsPartial => HasPeriod || HasActionSelection;

    public bool IsReversed => From is { } from && To is { } to && to < from;

    public bool Covers(DateOnly day) => (From is not { } from || day >= from) && (To is not { } to || day <= to);

    public bool Covers(DateTimeOffset moment) => Covers(MonitoringReport.BrasiliaDate(moment));
}

/// <summary>One action in the report, with the records of the period.</summary>
public sealed record ReportAction(
    PlanAction Action,
    PlanAxis Axis,
    PlanAxis? SubAxis,
    TrafficLight Light,
    string? Responsible,
    string? ExecutingUnit,
    IReadOnlyList<ActionEvidence> Evidence,
    IReadOnlyList<ActionMeasurement> Measurements,
    IReadOnlyList<RiskAssessment> RiskAssessments,
    IReadOnlyList<Recommendation> Recommendations)
{
    public int UnansweredRecommendations => Recommendations.Count(r => !r.IsAnswered);

    /// <summary>The catalog's limiting factors and the ones typed in, in one list.</summary>
    public IReadOnlyList<string> LimitingFactors =>
        [.. Action.LimitingFactors ?? [], .. string.IsNullOrWhiteSpace(Action.OtherLimitingFactors) ? Array.Empty<string>() : [Action.OtherLimitingFactors]];
}

/// <summary>A top-level axis or a sub-axis with the report's actions placed directly in it.</summary>
public sealed record ReportAxis(PlanAxis Axis, decimal? Progress, IReadOnlyList<ReportAction> Actions, IReadOnlyList<ReportAxis> SubAxes)
{
    public IEnumerable<ReportAction> AllActions => Actions.Concat(SubAxes.SelectMany(s => s.AllActions));
}

/// <summary>Everything a monitoring report shows, loaded once and written as PDF or XLSX.</summary>
public sealed record ReportData(
    IntegrityPlan Plan,
    string OrganizationName,
    ReportOptions Options,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportAxis> Axes,
    int PlanActionCount,
    decimal? PlanProgress,
    decimal? SelectionProgress,
    IReadOnlyList<Recommendation> GeneralRecommendations,
    IReadOnlyList<int> UnknownActionIds)
{
    public IReadOnlyList<ReportAction> Actions { get; } = [.. Axes.SelectMany(a => a.AllActions)];

    public DateOnly IssuedOn => MonitoringReport.BrasiliaDate(GeneratedAt);
}

/// <summary>
/// The monitoring report of a plan (SPEC §3.3): per axis and sub-axis, each action's status, light, progress, latest
/// narrative, evidence and recommendations with their answers — the document a monitoring committee signs and
/// publishes — as a neutral document model written to PDF, and as a workbook. The query filters apply: a plan of
/// another organization is simply not found.
/// </summary>
/// <remarks>
/// Status, light, progress, narrative, limiting factors and the risk of non-implementation are those of the day of
/// issue (the system keeps no snapshot of them); the period selects only the dated records. Progress of the axes and
/// of the plan always counts every action of the plan, so a partial report does not change them.
/// </remarks>
public sealed class MonitoringReport(SispmpiDbContext db, ActionLights lights, TimeProvider clock)
{
    public const string ReversedPeriodMessage = "A data final (Até) deve ser igual ou posterior à data inicial (De).";

    public static string UnknownActionsMessage(IEnumerable<int> ids) =>
        $"Ações não encontradas neste plano: {string.Join(", ", ids)}. Escolha as ações na lista do formulário.";

    /// <summary>The address of the report as a file ("pdf" or "xlsx"), with the period and the chosen actions as its query.</summary>
    public static string FileUrl(int planId, string extension, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = new List<KeyValuePair<string, string?>>();
        if (options.From is { } from)
        {
            query.Add(new("de", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (options.To is { } to)
        {
            query.Add(new("ate", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        query.AddRange(options.ActionIds.Select(id => new KeyValuePair<string, string?>("acoes", id.ToString(CultureInfo.InvariantCulture))));
        return $"/monitoramento/planos/{planId}/relatorio.{extension}{QueryString.Create(query)}";
    }

    /// <summary>An ASCII file name such as <c>relatorio-de-monitoramento-plano-de-integridade-2025-2027-v1-31-12-2025.pdf</c>.</summary>
    public static string FileName(ReportData data, string extension)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plan = Ascii(Documents.PlanDocuments.FileBaseName(data.Plan));
        return $"relatorio-de-monitoramento-{plan}-{data.IssuedOn.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}.{extension}";
    }

    /// <summary>Lower-case letters without accents, digits and single hyphens.</summary>
    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-') is { Length: > 0 } result ? result : "plano";
    }

    /// <summary>The day of <paramref name="moment"/> in Brasília.</summary>
    public static DateOnly BrasiliaDate(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, BrazilTime.Zone).DateTime);

    /// <summary>
    /// The report of a plan, or null when the plan is not visible. Chosen action ids that are not of the plan are
    /// returned in <see cref="ReportData.UnknownActionIds"/> (and left out); callers refuse such a request.
    /// </summary>
    public async Task<ReportData?> LoadAsync(int planId, ReportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsReversed)
        {
            throw new ArgumentException(ReversedPeriodMessage, nameof(options));
        }
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var axes = await db.PlanAxes.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var actions = await db.PlanActions.AsNoTracking().Include(a => a.ResponsibleUser).Include(a => a.ResponsibleServant).Include(a => a.ExecutingUnit)
            .Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync(cancellationToken);

        var parents = axes.ToDictionary(a => a.Id, a => a.ParentId);
        var rollup = Progress.Rollup(actions.Select(a => new ActionProgressItem(a.AxisId, parents.GetValueOrDefault(a.AxisId), a.Progress, a.Weight)));

        var chosen = options.ActionIds.ToHashSet();
        var unknown = chosen.Where(id => actions.All(a => a.Id != id)).Order().ToList();
        var included = options.HasActionSelection ? actions.Where(a => chosen.Contains(a.Id)).ToList() : actions;
        var ids = included.Select(a => a.Id).ToList();

        // The period is applied in memory, on the Brasília day of each moment: a plan has at most a few thousand rows.
        var evidence = (await db.ActionEvidence.AsNoTracking().Where(e => ids.Contains(e.ActionId)).ToListAsync(cancellationToken))
            .Where(e => options.Covers(e.AddedAt)).OrderBy(e => e.AddedAt).ThenBy(e => e.Id).ToLookup(e => e.ActionId);
        var measurements = (await db.ActionMeasurements.AsNoTracking().Where(m => ids.Contains(m.ActionId)).ToListAsync(cancellationToken))
            .Where(m => options.Covers(m.MeasuredOn)).OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).ToLookup(m => m.ActionId);
        var assessments = (await db.RiskAssessments.AsNoTracking().Where(r => ids.Contains(r.ActionId)).ToListAsync(cancellationToken))
            .Where(r => options.Covers(r.AssessedAt)).OrderBy(r => r.AssessedAt).ThenBy(r => r.Id).ToLookup(r => r.ActionId);
        var recommendations = (await db.Recommendations.AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(cancellationToken))
            .Where(r => options.Covers(r.CreatedAt)).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        var byAction = recommendations.Where(r => r.ActionId is not null).ToLookup(r => r.ActionId!.Value);

        var axisById = axes.ToDictionary(a => a.Id);
        ReportAction Row(PlanAction a)
        {
            var axis = axisById[a.AxisId];
            var (top, sub) = axis.ParentId is int parentId ? (axisById[parentId], axis) : (axis, (PlanAxis?)null);
            return new ReportAction(a, top, sub, lights.Of(a), Users.Servants.Staff.Responsible(a),
                a.ExecutingUnit is { } unit ? (unit.Acronym is null ? unit.Name : $"{unit.Acronym} — {unit.Name}") : null,
                [.. evidence[a.Id]], [.. measurements[a.Id]], [.. assessments[a.Id]], [.. byAction[a.Id]]);
        }
        var rows = included.Select(Row).ToLookup(r => r.Action.AxisId);

        // A full report shows every axis, even one without actions; a report of chosen actions only their axes.
        ReportAxis Node(PlanAxis axis) => new(axis, rollup.ByAxis.GetValueOrDefault(axis.Id), [.. rows[axis.Id]],
            [.. axes.Where(s => s.ParentId == axis.Id).Select(Node).Where(s => !options.HasActionSelection || s.AllActions.Any())]);
        var tree = axes.Where(a => a.ParentId is null).Select(Node).Where(a => !options.HasActionSelection || a.AllActions.Any()).ToList();

        var selectionProgress = Progress.WeightedMean(included.Select(a => (a.Progress, a.Weight)));
        return new ReportData(plan, plan.Organization!.Name, options, clock.GetUtcNow(), tree, actions.Count, rollup.Plan, selectionProgress,
            options.HasActionSelection ? [] : [.. recommendations.Where(r => r.ActionId is null)], unknown);
    }

    /// <summary>The report as PDF: title page, what it covers, a summary with charts, then every axis and action.</summary>
    public byte[] Pdf(ReportData data) => Infrastructure.Documents.Pdf.PdfWriter.Render(MonitoringReportDocument.Build(data));

    /// <summary>The report as a workbook: sheets "Ações", "Evidências" and "Recomendações".</summary>
    public byte[] Xlsx(ReportData data) => Infrastructure.Documents.Xlsx.XlsxWriter.Write(MonitoringReportWorkbook.Build(data));
}
