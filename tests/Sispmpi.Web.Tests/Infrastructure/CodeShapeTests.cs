namespace Sispmpi.Web.Tests.Infrastructure;

/// <summary>
/// The shape issue 19 asked of the code, kept: files a reader takes in whole, and one way to refuse a request
/// (<c>Refusal</c>: the status and its Portuguese reason together), never a status set apart from its message.
/// </summary>
public sealed class CodeShapeTests
{
    private static IEnumerable<(string Path, string[] Lines)> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Select(f => (Path.GetRelativePath(RepositoryPaths.Root, f), File.ReadAllLines(f)));

    [Fact]
    public void No_source_file_is_over_400_lines()
    {
        var files = SourceFiles().ToList();
        files.Count.ShouldBeGreaterThan(100);
        files.Where(f => f.Lines.Length > 400).Select(f => $"{f.Path}: {f.Lines.Length}").ShouldBeEmpty();
    }

    [Fact]
    public void Requests_are_refused_only_through_Refusal()
    {
        var habits = new[] { "ErrorMessageKey", "StatusCode(403", "StatusCode(409", "StatusCode(StatusCodes.Status403", "StatusCode(StatusCodes.Status409" };
        SourceFiles()
            .SelectMany(f => f.Lines.Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => habits.Any(h => l.Text.Contains(h, StringComparison.Ordinal)))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ShouldBeEmpty();
    }
}
