using System.Reflection;
using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Tests.Shared;

namespace DevOpsLens.Engine.Tests;

public sealed class CatalogTests
{
    private static IEnumerable<string> LedgerIds() =>
        typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_ledger_id_has_exactly_one_descriptor()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(LedgerIds().OrderBy(x => x, StringComparer.Ordinal), ids.OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void Catalog_is_in_id_order()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), ids);
    }

    public static TheoryData<string> Rules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Descriptor_follows_the_house_style(string id)
    {
        var rule = RuleCatalog.Get(id);
        Assert.Matches(new Regex("^DL[1239][0-9]{3}$"), rule.Id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Title));
        Assert.True(char.IsUpper(rule.Title[0]), "title starts upper case");
        Assert.False(rule.Title.EndsWith('.'), "title has no trailing period");
        Assert.False(string.IsNullOrWhiteSpace(rule.MessageFormat));
        Assert.False(string.IsNullOrWhiteSpace(rule.Description));
        Assert.Contains(rule.Category, new[] { "Security", "Observability", "Deployment", "Tooling" });
        Assert.NotEqual(RuleHosts.None, rule.Hosts);
        Assert.EndsWith("/docs/rules/" + rule.Id + ".md", rule.HelpUri);
        var family = rule.Id[2];
        var expected = family switch
        {
            '1' => new[] { "Security" },
            '2' => new[] { "Observability", "Security" },
            '3' => new[] { "Deployment", "Observability" },
            _ => new[] { "Tooling" },
        };
        Assert.Contains(rule.Category, expected);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_has_a_documentation_page(string id)
    {
        var page = Path.Combine(TestPaths.RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        var text = File.ReadAllText(page);
        Assert.Contains(id, text);
        Assert.Contains(RuleCatalog.Get(id).Title, text);
    }
}
