using Sispmpi.Web.Features.Evaluation.Report;

namespace Sispmpi.Web.Tests.Evaluation.Report;

/// <summary>The signed report's subject id: one per plan and year, never shared by two of them.</summary>
public sealed class ReportSubjectTests
{
    [Theory]
    [InlineData(42, 2026, 2026000042)]
    [InlineData(1, 2000, 2000000001)]
    [InlineData(999_999, 2146, 2146999999)]
    public void Plan_and_year_combine_into_one_subject_id(int planId, int year, int expected) =>
        InternalControlReport.SubjectId(planId, year).ShouldBe(expected);

    [Theory]
    [InlineData(0, 2026)]
    [InlineData(1_000_000, 2026)]
    [InlineData(42, 1999)]
    [InlineData(42, 2147)]
    public void Values_that_would_collide_or_overflow_have_no_subject_id(int planId, int year) =>
        InternalControlReport.SubjectId(planId, year).ShouldBeNull();
}
