using DevOpsLens.Cli.Commands;
using DevOpsLens.Tests.Shared;
using Xunit;

namespace DevOpsLens.Cli.Tests;

/// <summary>The README's rules table is generated from the catalog; CI fails when it is stale.</summary>
public sealed class ReadmeRulesTableTests
{
    private const string Begin = "<!-- rules:begin";
    private const string End = "<!-- rules:end -->";

    /// <summary>The table rows of <c>devopslens rules --format markdown</c>, with links relative to the repository root.</summary>
    internal static string Table() =>
        string.Join("\n", RulesCommand.Markdown().Split('\n').Where(l => l.StartsWith('|')).Select(l => l.Replace("](DL", "](docs/rules/DL", StringComparison.Ordinal))) + "\n";

    [Fact]
    public void Readme_rules_table_matches_the_catalog()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md lacks the rules:begin/rules:end markers");
        var afterBegin = readme.IndexOf('\n', start) + 1;
        var current = readme[afterBegin..end];
        if (Environment.GetEnvironmentVariable("DEVOPSLENS_UPDATE_README") == "1")
        {
            File.WriteAllText(Path.Combine(TestPaths.RepoRoot, "README.md"), readme[..afterBegin] + Table() + readme[end..]);
            return;
        }

        Assert.True(current == Table(), "README.md's rules table is stale; regenerate it with DEVOPSLENS_UPDATE_README=1 dotnet test tests/DevOpsLens.Cli.Tests --filter ReadmeRulesTableTests");
    }
}
