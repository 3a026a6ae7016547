using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Features.Evaluation;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Evaluation.Maturity;

/// <summary>
/// What the maturity tests share: the demo accounts, cycles of their own made straight in the database (years far
/// in the past, so they never meet the cycle a test starts for this year), the scores the page should show, and
/// posts to the questionnaire.
/// </summary>
internal static class MaturityTestData
{
    public const string InternalControl = "auditor@demo.gov.br";
    public const string Commission = "comissao@demo.gov.br";
    public const string SeniorManagement = "alta@demo.gov.br";
    public const string CentralAdministrator = "admin@demo.gov.br";
    public const string Observer = "observador@demo.gov.br";
    public const string Executor = "executor@demo.gov.br";

    public static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");
    public static readonly TimeZoneInfo Brasilia = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    /// <summary>This year in Brasília, the year of the cycle the page offers to start.</summary>
    public static int ThisYear => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Brasilia).Year;

    public static string BrasiliaDate(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Brasilia).ToString("dd/MM/yyyy", PtBr);

    /// <summary>A score as the page writes it: two decimals, decimal comma, "—" when nothing counts.</summary>
    public static string Score(decimal? score) => score?.ToString("0.00", PtBr) ?? "—";

    public static Task<int> OrganizationIdAsync(this SispmpiAppFactory app, string acronym) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync());

    public static Task<MaturityModelVersion> CurrentVersionAsync(this SispmpiAppFactory app) =>
        app.WithDbAsync(db => db.MaturityModels.AsNoTracking().Where(m => m.IsCurrent).OrderByDescending(m => m.Id).FirstAsync());

    /// <summary>
    /// Adds a cycle of <paramref name="acronym"/> for <paramref name="year"/> on the current model version, with the given
    /// levels for the first questions in model order; returns its id.
    /// </summary>
    public static Task<int> CreateCycleAsync(this SispmpiAppFactory app, string acronym, int year, params MaturityLevel[] levels) =>
        app.WithDbAsync(async db =>
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync();
            var version = await db.MaturityModels.Where(m => m.IsCurrent).OrderByDescending(m => m.Id).FirstAsync();
            var model = MaturityModel.Parse(version.Json);
            var cycle = new MaturityCycle { OrganizationId = organizationId, Year = year, ModelVersionId = version.Id, CreatedAt = DateTimeOffset.UtcNow };
            foreach (var (question, level) in model.Questions.Zip(levels))
            {
                cycle.Answers.Add(new MaturityAnswer
                {
                    OrganizationId = organizationId, QuestionId = question.Id, Level = level, Justification = $"Justificativa de {question.Id}",
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            }
            db.MaturityCycles.Add(cycle);
            await db.SaveChangesAsync();
            return cycle.Id;
        });

    /// <summary>Removes the organization's cycle of <paramref name="year"/>, if any, with its answers and evidence rows.</summary>
    public static Task RemoveCycleAsync(this SispmpiAppFactory app, string acronym, int year) =>
        app.WithDbAsync(async db =>
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync();
            var cycle = await db.MaturityCycles.Include(c => c.Answers).SingleOrDefaultAsync(c => c.OrganizationId == organizationId && c.Year == year);
            if (cycle is null)
            {
                return;
            }
            var answerIds = cycle.Answers.Select(a => a.Id).ToList();
            db.MaturityEvidence.RemoveRange(await db.MaturityEvidence.Where(e => answerIds.Contains(e.AnswerId)).ToListAsync());
            db.MaturityAnswers.RemoveRange(cycle.Answers);
            db.MaturityCycles.Remove(cycle);
            await db.SaveChangesAsync();
        });

    /// <summary>The cycle with its model and answers, read back from the database.</summary>
    public static Task<(MaturityCycle Cycle, MaturityModel Model, List<MaturityAnswer> Answers, List<MaturityEvidence> Evidence)> CycleAsync(
        this SispmpiAppFactory app, int cycleId) =>
        app.WithDbAsync(async db =>
        {
            var cycle = await db.MaturityCycles.AsNoTracking().Include(c => c.ModelVersion).SingleAsync(c => c.Id == cycleId);
            var answers = await db.MaturityAnswers.AsNoTracking().Where(a => a.CycleId == cycleId).OrderBy(a => a.Id).ToListAsync();
            var answerIds = answers.Select(a => a.Id).ToList();
            var evidence = await db.MaturityEvidence.AsNoTracking().Where(e => answerIds.Contains(e.AnswerId)).OrderBy(e => e.Id).ToListAsync();
            return (cycle, MaturityModel.Parse(cycle.ModelVersion!.Json), answers, evidence);
        });

    /// <summary>What <see cref="MaturityScoring.Score"/> gives for the answers stored for the cycle.</summary>
    public static async Task<MaturityScore> ExpectedScoreAsync(this SispmpiAppFactory app, int cycleId)
    {
        var (_, model, answers, _) = await app.CycleAsync(cycleId);
        return MaturityScoring.Score(model, answers.Select(a => new MaturityAnswerValue(a.QuestionId, a.Level)));
    }

    /// <summary>Posts an answer; the antiforgery token comes from <paramref name="formPage"/>, by default the cycle's page.</summary>
    public static Task<HttpResponseMessage> AnswerAsync(HttpClient client, int cycleId, string questionId, int? level, string justification,
        string? formPage = null) =>
        SispmpiAppFactory.PostFormAsync(client, $"/maturidade/{cycleId}?handler=Answer&questionId={questionId}",
            new Dictionary<string, string>
            {
                ["Answer.Level"] = level?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["Answer.Justification"] = justification,
            },
            formPage ?? $"/maturidade/{cycleId}");

    public static Task<HttpResponseMessage> AddLinkAsync(HttpClient client, int cycleId, string questionId, string description, string url) =>
        SispmpiAppFactory.PostFormAsync(client, $"/maturidade/{cycleId}?handler=Link&questionId={questionId}",
            new Dictionary<string, string> { ["Link.Description"] = description, ["Link.Url"] = url }, $"/maturidade/{cycleId}");

    public static Task<HttpResponseMessage> AddFileAsync(HttpClient client, int cycleId, string questionId, string description, string fileName,
        byte[] content) =>
        SispmpiAppFactory.PostMultipartAsync(client, $"/maturidade/{cycleId}?handler=File&questionId={questionId}",
            new Dictionary<string, string> { ["Upload.Description"] = description }, "Upload.File", fileName, content, "application/pdf",
            $"/maturidade/{cycleId}");

    /// <summary>Expects the redirect back to the question (the address carries it as a fragment).</summary>
    public static void ShouldRedirectToQuestion(this HttpResponseMessage response, int cycleId, string questionId)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            throw new ShouldAssertException($"Expected a redirect, got {(int)response.StatusCode}:\n{(body.Length > 3000 ? body[..3000] : body)}");
        }
        response.Headers.Location!.OriginalString.ShouldBe($"/maturidade/{cycleId}#questao-{questionId}");
    }

    /// <summary>The text of the first element matching <paramref name="selector"/>, trimmed, with runs of white space as one space.</summary>
    public static string Text(this IDocument page, string selector)
    {
        var element = page.QuerySelector(selector) ?? throw new ShouldAssertException($"Nothing matches {selector}.");
        return string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The page's message on a refused request (the error page's main content).</summary>
    public static async Task<string> BodyTextAsync(this HttpResponseMessage response)
    {
        var page = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        return string.Join(' ', (page.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
