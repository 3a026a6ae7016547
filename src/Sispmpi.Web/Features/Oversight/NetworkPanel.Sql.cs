using System.Globalization;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;

namespace Sispmpi.Web.Features.Oversight;

/// <summary>The panel's SQL written by hand (one text per provider) and the rows its queries read.</summary>
public sealed partial class NetworkPanel
{
    // The current plan of each organization: published first, then the highest id, never obsolete (PlanStatus: 3, 4).
    private const string CurrentPlansSelect = """
        SELECT c."OrganizationId", c."Id" AS "PlanId", c."Title" AS "PlanTitle", c."Status" AS "PlanStatus", c."Edition", c."Version",
               c."CreatedAt", c."PublishedAt", {0} AS "PublishedDays",
               COALESCE(s."Axes", 0) AS "Axes", COALESCE(s."Actions", 0) AS "Actions", COALESCE(s."Concluded", 0) AS "Concluded",
               COALESCE(s."Late", 0) AS "Late", s."LateAsOf", s."LateUntil"
        FROM (SELECT p."Id", p."OrganizationId", p."Title", p."Status", p."Edition", p."Version", p."CreatedAt", p."PublishedAt",
                     ROW_NUMBER() OVER (PARTITION BY p."OrganizationId" ORDER BY CASE WHEN p."Status" = 3 THEN 0 ELSE 1 END, p."Id" DESC) AS rn
              FROM "Plans" p WHERE p."Status" <> 4) c
        LEFT JOIN "PlanSummaries" s ON s."PlanId" = c."Id"
        WHERE c.rn = 1
        """;

    // Instants as days since 1970-01-01 (UTC), in SQL: SQLite keeps DateTimeOffset as text, which it cannot order or subtract.
    private const string DaysPostgres = """EXTRACT(EPOCH FROM {0})::double precision / 86400""";
    private const string DaysSqlite = """(julianday({0}) - 2440587.5)""";

    private static readonly string CurrentPlansPostgres = string.Format(CultureInfo.InvariantCulture, CurrentPlansSelect,
        string.Format(CultureInfo.InvariantCulture, DaysPostgres, """c."PublishedAt" """));
    private static readonly string CurrentPlansSqlite = string.Format(CultureInfo.InvariantCulture, CurrentPlansSelect,
        string.Format(CultureInfo.InvariantCulture, DaysSqlite, """c."PublishedAt" """));

    // The latest year each organization reported; the budget also in cents, which SQLite can add up exactly.
    private const string LatestFiguresSelect = """
        SELECT f."OrganizationId", f."Year", f."Budget", {0} AS "BudgetCents", f."Headcount"
        FROM "OrganizationYearFigures" f
        WHERE f."Year" = (SELECT MAX(g."Year") FROM "OrganizationYearFigures" g WHERE g."OrganizationId" = f."OrganizationId")
        """;

    private static readonly string LatestFiguresPostgres = string.Format(CultureInfo.InvariantCulture, LatestFiguresSelect,
        """ROUND(f."Budget" * 100)::bigint""");
    private static readonly string LatestFiguresSqlite = string.Format(CultureInfo.InvariantCulture, LatestFiguresSelect,
        """CAST(ROUND(f."Budget" * 100) AS INTEGER)""");

    private const string PublishedPlansSelect = """
        SELECT p."OrganizationId", p."PublishedAt", {0} - {1} AS "DraftingDays", {0} AS "PublishedDays"
        FROM "Plans" p WHERE p."PublishedAt" IS NOT NULL
        """;

    private static readonly string PublishedPlansPostgres = string.Format(CultureInfo.InvariantCulture, PublishedPlansSelect,
        string.Format(CultureInfo.InvariantCulture, DaysPostgres, """p."PublishedAt" """), string.Format(CultureInfo.InvariantCulture, DaysPostgres, """p."CreatedAt" """));
    private static readonly string PublishedPlansSqlite = string.Format(CultureInfo.InvariantCulture, PublishedPlansSelect,
        string.Format(CultureInfo.InvariantCulture, DaysSqlite, """p."PublishedAt" """), string.Format(CultureInfo.InvariantCulture, DaysSqlite, """p."CreatedAt" """));

    /// <summary>An organization of the panel with its current plan (null columns when it has none).</summary>
    private sealed class Line
    {
        public int OrganizationId { get; init; }
        public required string Acronym { get; init; }
        public required string Name { get; init; }
        public OrganizationKind Kind { get; init; }
        public byte[]? NameKey { get; init; }
        public byte[]? AcronymKey { get; init; }
        public int? PlanId { get; init; }
        public string? PlanTitle { get; init; }
        public PlanStatus? PlanStatus { get; init; }
        public string? Edition { get; init; }
        public int? Version { get; init; }
        public DateTimeOffset? CreatedAt { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
        public double? PublishedDays { get; init; }
        public int Axes { get; init; }
        public int Actions { get; init; }
        public int Concluded { get; init; }
        public int Late { get; init; }
        public DateOnly? LateAsOf { get; init; }
        public DateOnly? LateUntil { get; init; }
        public int? FiguresYear { get; init; }
        public decimal? Budget { get; init; }
        public long? BudgetCents { get; init; }
        public int? Headcount { get; init; }
    }

    private sealed class CurrentPlan
    {
        public int OrganizationId { get; init; }
        public int PlanId { get; init; }
        public required string PlanTitle { get; init; }
        public PlanStatus PlanStatus { get; init; }
        public required string Edition { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
        public double? PublishedDays { get; init; }
        public int Axes { get; init; }
        public int Actions { get; init; }
        public int Concluded { get; init; }
        public int Late { get; init; }
        public DateOnly? LateAsOf { get; init; }
        public DateOnly? LateUntil { get; init; }
    }

    private sealed class LatestFigures
    {
        public int OrganizationId { get; init; }
        public int Year { get; init; }
        public decimal Budget { get; init; }
        public long BudgetCents { get; init; }
        public int Headcount { get; init; }
    }

    private sealed class PublishedPlan
    {
        public int OrganizationId { get; init; }
        public DateTimeOffset PublishedAt { get; init; }
        public double DraftingDays { get; init; }
        public double PublishedDays { get; init; }
    }

    private sealed class KindTotals
    {
        public OrganizationKind Kind { get; init; }
        public int Organizations { get; init; }
        public int Published { get; init; }
        public int InPreparation { get; init; }
        public int NotStarted { get; init; }
        public int NoPlan { get; init; }
        public int Actions { get; init; }
        public int Late { get; init; }
        public long BudgetCents { get; init; }
        public long PublishedBudgetCents { get; init; }
        public long Headcount { get; init; }
        public long PublishedHeadcount { get; init; }
    }
}
