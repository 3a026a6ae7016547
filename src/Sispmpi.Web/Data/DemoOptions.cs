namespace Sispmpi.Web.Data;

public sealed class DemoOptions
{
    /// <summary>Seed the demo network when the database is empty. Unset: on for SQLite, off for PostgreSQL.</summary>
    public bool? Seed { get; set; }

    /// <summary>The password of every demo account (README).</summary>
    public string Password { get; set; } = "Demo@SisPMPI2026";

    public bool IsEnabled(IConfiguration configuration) =>
        Seed ?? DatabaseSetup.ReadProvider(configuration) == DatabaseProvider.Sqlite;
}
