namespace Sispmpi.Web.Tests.Import;

/// <summary>A test that needs a MariaDB/MySQL server: skipped unless <c>SISPMPI_TEST_MYSQL</c> names one.</summary>
public sealed class MariaDbFactAttribute : FactAttribute
{
    public const string Variable = "SISPMPI_TEST_MYSQL";

    public MariaDbFactAttribute()
    {
        if (!Configured)
        {
            Skip = $"{Variable} is not set (scripts/test.sh starts a throwaway MariaDB with scripts/mariadb-throwaway.sh and sets it).";
        }
    }

    public static bool Configured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));
}
