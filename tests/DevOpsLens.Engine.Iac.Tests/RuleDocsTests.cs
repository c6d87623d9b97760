using DevOpsLens.Engine.Catalog;
using DevOpsLens.Tests.Shared;
using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

public sealed class RuleDocsTests
{
    public static IEnumerable<object[]> DeploymentRules() =>
        RuleCatalog.All.Where(r => r.Id.StartsWith("DL3", StringComparison.Ordinal) && r.Id != "DL3100").Select(r => new object[] { r.Id });

    [Theory]
    [MemberData(nameof(DeploymentRules))]
    public void Rule_page_exists_with_the_catalog_title_and_every_section(string id)
    {
        var rule = RuleCatalog.Get(id);
        var path = Path.Combine(TestPaths.RepoRoot, rule.DocsPath);
        Assert.True(File.Exists(path), rule.DocsPath + " is missing");
        var lines = File.ReadAllLines(path);
        Assert.Equal("# " + id + ": " + rule.Title, lines[0]);
        foreach (var section in new[] { "## Why it matters", "## Noncompliant", "## Compliant", "## How to fix", "## Options", "## When to suppress" })
        {
            Assert.Contains(section, lines);
        }

        foreach (var option in rule.Options)
        {
            Assert.Contains(lines, l => l.Contains("devopslens." + id + "." + option.Name, StringComparison.Ordinal));
        }
    }
}
