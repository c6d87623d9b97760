namespace DevOpsLens.Tests.Shared;

/// <summary>Locates the repository from a test's output folder, so tests read vectors and samples in place.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DevOpsLens.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DevOpsLens.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string Vectors => Path.Combine(RepoRoot, "tests", "vectors");

    public static string Samples => Path.Combine(RepoRoot, "samples");
}
