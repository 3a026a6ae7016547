namespace Sispmpi.Web.Tests.Infrastructure;

/// <summary>
/// A test that needs a PostgreSQL server (<c>SISPMPI_TEST_PG</c>). Without one it is skipped on a developer's
/// machine, but runs — and fails, saying what is missing — in CI (<c>CI=true</c>), where skipping would hide it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.PostgresConfigured && !IsCi)
        {
            Skip = $"{TestDatabase.PostgresVariable} is not set (scripts/test.sh starts a throwaway PostgreSQL and sets it).";
        }
    }

    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");
}
