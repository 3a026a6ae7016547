using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Tests.Execution;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Oversight;

/// <summary>
/// The summaries the network panel reads (PlanSummaries, PlanMonthConclusions) are kept by database triggers that
/// migration 0024 split by kind of change. After each step of an action's life — started, concluded, its conclusion
/// moved to another month and then within that month, reopened, late by its planned end, discontinued, moved to another
/// plan by plain SQL, deleted — every plan's summary and every month's count must equal what SQL written here computes
/// from the actions themselves.
/// </summary>
public sealed class PlanSummaryUpkeepTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    private static readonly TimeZoneInfo _brasilia = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _brasilia).DateTime);

    [Fact]
    public async Task Every_step_of_an_action_leaves_the_summaries_equal_to_a_count_of_the_actions()
    {
        await ShouldMatchAsync("before");
        var id = await app.CreateActionAsync("Ação do resumo", a => a.Classification = ActionClassification.OneOff);
        await ShouldMatchAsync("created, not started, late to start");

        await ChangeAsync(id, a => a.StartedOn = Today.AddDays(-5));
        await ShouldMatchAsync("started");
        await ChangeAsync(id, a => a.ConcludedOn = Today);
        await ShouldMatchAsync("concluded today");
        var lastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        await ChangeAsync(id, a => (a.StartedOn, a.ConcludedOn) = (lastMonth.AddDays(-5), lastMonth));
        await ShouldMatchAsync("conclusion moved to last month");
        (await QueryAsync(MonthsSql, Triple)).ShouldContain(t => t.Split(' ')[1] == lastMonth.ToString("yyyyMM", CultureInfo.InvariantCulture));
        await ChangeAsync(id, a => a.ConcludedOn = lastMonth.AddDays(1));
        await ShouldMatchAsync("conclusion moved within the month");
        await ChangeAsync(id, a => a.ConcludedOn = null);
        await ShouldMatchAsync("reopened");
        await ChangeAsync(id, a => a.PlannedEnd = Today.AddDays(-1));
        await ShouldMatchAsync("one-off past its planned end: late to conclude");
        await ChangeAsync(id, a => (a.DiscontinuedOn, a.DiscontinuationJustification) = (Today, "Substituída por outra ação."));
        await ShouldMatchAsync("discontinued");

        // An import or a correction by SQL: another plan, concluded, in one statement.
        var otherPlan = await app.WithDbAsync(db => db.Plans.IgnoreQueryFilters()
            .Where(p => p.Title != ExecutionTestData.DemoPlanTitle).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "PlanActions" SET "PlanId" = {otherPlan}, "Status" = 3, "DiscontinuedOn" = NULL, "ConcludedOn" = {Today} WHERE "Id" = {id}"""));
        await ShouldMatchAsync("moved to another plan, concluded");

        await app.WithDbAsync(async db =>
        {
            db.PlanActions.Remove(await db.PlanActions.IgnoreQueryFilters().SingleAsync(a => a.Id == id));
            await db.SaveChangesAsync();
        });
        await ShouldMatchAsync("deleted");
    }

    /// <summary>An execution record saved as the form saves it: the fields set, the status derived, one SaveChanges.</summary>
    private Task ChangeAsync(int id, Action<PlanAction> change) =>
        app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.IgnoreQueryFilters().SingleAsync(a => a.Id == id);
            change(action);
            action.RefreshStatus();
            await db.SaveChangesAsync();
        });

    private async Task ShouldMatchAsync(string step)
    {
        var summaries = await QueryAsync(SummariesSql, r => string.Join(' ', Enumerable.Range(0, r.FieldCount).Select(i => Int(r, i))));
        summaries.Count.ShouldBeGreaterThan(1, step);
        foreach (var row in summaries)
        {
            var n = row.Split(' ');
            // Plan, then the stored Actions, NotStarted, InProgress, Concluded, Discontinued, Late, then the same counted.
            string.Join(' ', n[1..7]).ShouldBe(string.Join(' ', n[7..13]), $"{step}: summary of plan {n[0]}");
        }
        var stored = await QueryAsync("""SELECT "PlanId", "Month", "Actions" FROM "PlanMonthConclusions" WHERE "Actions" <> 0""", Triple);
        var counted = await QueryAsync(MonthsSql, Triple);
        stored.Order().ShouldBe(counted.Order(), $"{step}: actions concluded per plan and month");
    }

    private const string SummariesSql = """
        SELECT s."PlanId", s."Actions", s."NotStarted", s."InProgress", s."Concluded", s."Discontinued", s."Late",
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = s."PlanId"),
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = s."PlanId" AND a."Status" = 1),
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = s."PlanId" AND a."Status" = 2),
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = s."PlanId" AND a."Status" = 3),
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = s."PlanId" AND a."Status" = 4),
               (SELECT COUNT(*) FROM "PlanActions" a WHERE a."PlanId" = s."PlanId"
                   AND ((a."Status" = 1 AND a."PlannedStart" < s."LateAsOf") OR (a."Status" = 2 AND a."Classification" = 2 AND a."PlannedEnd" < s."LateAsOf")))
        FROM "PlanSummaries" s
        """;

    private string MonthsSql => $"""
        SELECT a."PlanId", {(app.Database.Provider == DatabaseProvider.Postgres
            ? """CAST(to_char(a."ConcludedOn", 'YYYYMM') AS integer)"""
            : """CAST(strftime('%Y%m', a."ConcludedOn") AS INTEGER)""")} AS m, COUNT(*)
        FROM "PlanActions" a WHERE a."Status" = 3 AND a."ConcludedOn" IS NOT NULL GROUP BY a."PlanId", m
        """;

    private static string Triple(DbDataReader r) => $"{Int(r, 0)} {Int(r, 1)} {Int(r, 2)}";

    private static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read) =>
        app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                var result = new List<T>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    result.Add(read(reader));
                }
                return result;
            }
            finally
            {
                await connection.CloseAsync();
            }
        });
}
