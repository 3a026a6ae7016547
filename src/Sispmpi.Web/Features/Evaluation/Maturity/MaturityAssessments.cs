using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Evaluation;
using Sispmpi.Core.Execution;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Maturity;

/// <summary>A cycle with the model version it answers, its answers by question and its score.</summary>
public sealed record CycleState(MaturityCycle Cycle, MaturityModel Model, IReadOnlyDictionary<string, MaturityAnswer> Answers, MaturityScore Score)
{
    public bool IsSubmitted => Cycle.Status == MaturityCycleStatus.Submitted;

    public MaturityAnswer? AnswerTo(string questionId) => Answers.GetValueOrDefault(questionId);

    /// <summary>Scores answers against the cycle's own model version (answers to questions it does not have are ignored).</summary>
    public static MaturityScore ScoreOf(MaturityModel model, IEnumerable<MaturityAnswer> answers) =>
        MaturityScoring.Score(model, answers.Select(a => new MaturityAnswerValue(a.QuestionId, a.Level)));
}

/// <summary>An evidence of a maturity answer as listed under its question.</summary>
public sealed record MaturityEvidenceRow(int Id, string QuestionId, EvidenceKind Kind, string Description, string? Url, string? ProcessNumber,
    string? FileName, long? FileSize, DateTimeOffset AddedAt, string? AddedBy);

/// <summary>
/// The maturity self-assessment of an organization: one cycle per year, answered against the model version current
/// when the cycle started, scored by <see cref="MaturityScoring"/>; a submitted cycle is frozen. Evidence follows the
/// rules of the execution's evidence (links, process numbers, files checked by <see cref="EvidenceFiles"/>) and its
/// files go to the same store through <see cref="EvidenceService.StoreFileAsync"/>.
/// </summary>
public sealed class MaturityAssessments(SispmpiDbContext db, MaturityModels models, EvidenceService evidence, IFileStore files,
    TenantContext tenant, TimeProvider clock)
{
    public const string SubmitterOnlyMessage = "Somente o controle interno envia o ciclo de autoavaliação.";
    public const string NothingAnsweredMessage = "Responda pelo menos uma questão antes de enviar o ciclo.";
    public const string OtherOrganizationMessage =
        "Este ciclo é de outra organização. Para alterá-lo, escolha essa organização no cabeçalho, se tiver perfil nela.";

    /// <summary>The reason every write to a submitted cycle is refused, with the day of submission in Brasília.</summary>
    public static string FrozenMessage(DateTimeOffset submittedAt) =>
        $"Este ciclo foi enviado em {Shared.Labels.Date(BrasiliaDate(submittedAt))} e não pode mais ser alterado.";

    public static DateOnly BrasiliaDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, BrazilTime.Zone).DateTime);

    /// <summary>Loads a cycle (tracked, so a write can change it) with its model and answers; null when not visible.</summary>
    public async Task<CycleState?> LoadAsync(int cycleId, CancellationToken cancellationToken = default)
    {
        var cycle = await db.MaturityCycles.Include(c => c.ModelVersion).Include(c => c.Answers)
            .FirstOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null)
        {
            return null;
        }
        var model = MaturityModel.Parse(cycle.ModelVersion!.Json);
        return new CycleState(cycle, model, cycle.Answers.ToDictionary(a => a.QuestionId, StringComparer.Ordinal), CycleState.ScoreOf(model, cycle.Answers));
    }

    /// <summary>
    /// Why the current user may not change <paramref name="cycle"/>, or null when they may: never after submission, and
    /// otherwise only the profiles of <see cref="Policies.MaturityWrite"/> in the cycle's own organization.
    /// </summary>
    public string? WhyReadOnly(MaturityCycle cycle)
    {
        if (cycle.Status == MaturityCycleStatus.Submitted)
        {
            return FrozenMessage(cycle.SubmittedAt ?? cycle.CreatedAt);
        }
        if (!Policies.Allows(Policies.MaturityWrite, tenant))
        {
            return "O seu perfil pode consultar a autoavaliação, mas não respondê-la.";
        }
        // A central administrator who also answers in their own organization still only reads the ones below it.
        return cycle.OrganizationId == tenant.CurrentOrganizationId ? null : OtherOrganizationMessage;
    }

    /// <summary>Only internal control submits a cycle.</summary>
    public bool MaySubmit => tenant.Has(Profile.InternalControl);

    public async Task<IReadOnlyList<MaturityEvidenceRow>> EvidenceAsync(int cycleId, CancellationToken cancellationToken = default) =>
        await db.MaturityEvidence.AsNoTracking()
            .Join(db.MaturityAnswers.Where(a => a.CycleId == cycleId), e => e.AnswerId, a => a.Id, (e, a) => new { e, a.QuestionId })
            .OrderBy(x => x.e.Id)
            .Select(x => new MaturityEvidenceRow(x.e.Id, x.QuestionId, x.e.Kind, x.e.Description, x.e.Url, x.e.ProcessNumber, x.e.FileName,
                x.e.FileSize, x.e.AddedAt, db.Users.Where(u => u.Id == x.e.AddedById).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    /// <summary>The current organization's cycle of <paramref name="year"/>, started with the current model version if there is none.</summary>
    public async Task<(MaturityCycle Cycle, bool Created)> StartAsync(int year, CancellationToken cancellationToken = default)
    {
        var organizationId = tenant.CurrentOrganizationId ?? throw new InvalidOperationException("No current organization.");
        if (await db.MaturityCycles.FirstOrDefaultAsync(c => c.OrganizationId == organizationId && c.Year == year, cancellationToken) is { } existing)
        {
            return (existing, false);
        }
        var (version, _) = await models.CurrentAsync(cancellationToken);
        var cycle = new MaturityCycle { OrganizationId = organizationId, Year = year, ModelVersionId = version.Id, CreatedAt = clock.GetUtcNow() };
        db.MaturityCycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        cycle.ModelVersion = await db.MaturityModels.AsNoTracking().SingleAsync(m => m.Id == version.Id, cancellationToken);
        return (cycle, true);
    }

    /// <summary>Records the level and justification of one question; true when something changed.</summary>
    public async Task<bool> AnswerAsync(CycleState state, string questionId, MaturityLevel level, string justification,
        CancellationToken cancellationToken = default)
    {
        var answer = state.AnswerTo(questionId);
        if (answer is not null && answer.Level == level && answer.Justification == justification)
        {
            return false;
        }
        answer ??= NewAnswer(state, questionId);
        answer.Level = level;
        answer.Justification = justification;
        answer.UpdatedAt = clock.GetUtcNow();
        answer.UpdatedById = tenant.UserId;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task AddLinkAsync(CycleState state, string questionId, string description, Uri url, CancellationToken cancellationToken = default) =>
        AddAsync(state, questionId, new MaturityEvidence { Kind = EvidenceKind.Link, Description = description, Url = url.ToString() }, cancellationToken);

    public Task AddProcessAsync(CycleState state, string questionId, string description, ProcessNumber number, CancellationToken cancellationToken = default) =>
        AddAsync(state, questionId, new MaturityEvidence { Kind = EvidenceKind.Process, Description = description, ProcessNumber = number.Value }, cancellationToken);

    /// <summary>Stores a file already checked by <see cref="EvidenceFiles.Check"/>; if the database refuses the row, the file goes too.</summary>
    public async Task AddFileAsync(CycleState state, string questionId, string description, string fileName, byte[] content, EvidenceFileCheck check,
        CancellationToken cancellationToken = default)
    {
        var stored = await evidence.StoreFileAsync(content, check, cancellationToken);
        try
        {
            await AddAsync(state, questionId, new MaturityEvidence
            {
                Kind = EvidenceKind.File, Description = description, FileName = fileName, FileKey = stored.Key, ContentType = check.ContentType,
                FileSize = content.LongLength, FileSha256 = stored.Sha256,
            }, cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The evidence <paramref name="evidenceId"/> of a question of the cycle, or null.</summary>
    public Task<MaturityEvidence?> FindEvidenceAsync(CycleState state, int evidenceId, CancellationToken cancellationToken = default) =>
        db.MaturityEvidence
            .Where(e => e.Id == evidenceId && db.MaturityAnswers.Any(a => a.Id == e.AnswerId && a.CycleId == state.Cycle.Id))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task RemoveEvidenceAsync(MaturityEvidence item, CancellationToken cancellationToken = default)
    {
        db.MaturityEvidence.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        // The history keeps the file's name and SHA-256; the bytes go with the evidence.
        if (item.FileKey is string key)
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
    }

    /// <summary>Freezes the cycle: submitted now by the current user, with its overall score kept for lists and comparisons.</summary>
    public async Task SubmitAsync(CycleState state, CancellationToken cancellationToken = default)
    {
        state.Cycle.Status = MaturityCycleStatus.Submitted;
        state.Cycle.SubmittedAt = clock.GetUtcNow();
        state.Cycle.SubmittedById = tenant.UserId;
        state.Cycle.OverallScore = state.Score.Overall;
        await db.SaveChangesAsync(cancellationToken);
    }

    private MaturityAnswer NewAnswer(CycleState state, string questionId)
    {
        var answer = new MaturityAnswer
        {
            OrganizationId = state.Cycle.OrganizationId, CycleId = state.Cycle.Id, QuestionId = questionId, UpdatedAt = clock.GetUtcNow(),
            UpdatedById = tenant.UserId,
        };
        db.MaturityAnswers.Add(answer);
        return answer;
    }

    /// <summary>Adds evidence to a question; a question not answered yet gets an answer without level to hold it.</summary>
    private async Task AddAsync(CycleState state, string questionId, MaturityEvidence item, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var answer = state.AnswerTo(questionId);
        if (answer is null)
        {
            answer = NewAnswer(state, questionId);
            await db.SaveChangesAsync(cancellationToken);
        }
        item.OrganizationId = state.Cycle.OrganizationId;
        item.AnswerId = answer.Id;
        item.AddedAt = clock.GetUtcNow();
        item.AddedById = tenant.UserId;
        db.MaturityEvidence.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
