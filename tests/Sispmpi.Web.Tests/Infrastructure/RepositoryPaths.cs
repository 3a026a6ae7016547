namespace Sispmpi.Web.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding <c>Sispmpi.slnx</c>, found above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Sispmpi.Web");

    /// <summary>The build configuration of this test assembly, which the app it starts was built with too.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sispmpi.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Sispmpi.slnx above {AppContext.BaseDirectory}.");
    }
}
