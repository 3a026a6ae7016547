using Sispmpi.Core.Plans;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>
/// One problem of an import, as the user finds it in their spreadsheet: the line (the header is line 1; 0
/// for the file as a whole), the column's header and what is wrong, in Portuguese.
/// </summary>
public sealed record ImportError(int Line, string Column, string Problem);

/// <summary>An administrative unit of the plan's organization, as the file may name it.</summary>
public sealed record ImportUnit(int Id, string Name, string? Acronym, bool IsActive);

/// <summary>An axis ("1") or sub-axis ("1.2") the plan already has.</summary>
public sealed record ImportExistingAxis(string Number, string Title);

/// <summary>What the file is checked against: the organization's units, the action types, the plan's axes.</summary>
public sealed record ImportContext(IReadOnlyList<ImportUnit> Units, IReadOnlyList<string> ActionTypes, IReadOnlyList<ImportExistingAxis> ExistingAxes);

/// <summary>
/// One valid line of the file. <see cref="AxisTitle"/> and <see cref="SubAxisTitle"/> are the titles of the
/// axis and sub-axis as settled over the whole file (or as the plan already has them).
/// </summary>
public sealed record ActionImportRow(
    int Line,
    int AxisNumber,
    string AxisTitle,
    int? SubAxisNumber,
    string? SubAxisTitle,
    string Title,
    string? Description,
    int ExecutingUnitId,
    IReadOnlyList<int> SupportUnitIds,
    string? Objectives,
    string? Benefits,
    ActionClassification Classification,
    string ActionType,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    decimal? PlannedBudget,
    string? SuggestedEvidence,
    string? GoalIndicator,
    string? GoalUnit,
    decimal? GoalBaseline,
    decimal? GoalTarget,
    decimal Weight);

/// <summary>
/// Either the rows of a valid file or its problems: never both. <see cref="Errors"/> holds at most
/// <see cref="ActionImportParser.MaxReportedErrors"/> problems; <see cref="ErrorCount"/> counts them all.
/// </summary>
public sealed record ActionImportResult(IReadOnlyList<ActionImportRow> Rows, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;

    /// <summary>Problems found but not listed.</summary>
    public int UnreportedErrors => ErrorCount - Errors.Count;

    public static ActionImportResult Failure(string problem) => new([], [new ImportError(0, "", problem)], 1);
}
