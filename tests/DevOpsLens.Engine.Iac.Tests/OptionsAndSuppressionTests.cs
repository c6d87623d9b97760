using DevOpsLens.Engine.Configuration;
using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

public sealed class OptionsAndSuppressionTests
{
    private const string TwoReplicas = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0.0\n";

    [Fact]
    public void Min_replicas_option_raises_the_floor()
    {
        Assert.DoesNotContain(IacHarness.Analyze(("k8s/web.yaml", TwoReplicas)), f => f.RuleId == "DL3003");
        var options = new RuleOptions(new Dictionary<string, string> { ["devopslens.DL3003.min_replicas"] = "3" });
        var finding = Assert.Single(IacHarness.Analyze(new[] { ("k8s/web.yaml", TwoReplicas) }, options), f => f.RuleId == "DL3003");
        Assert.Contains("2 replica(s), fewer than 3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trusted_owners_option_controls_which_actions_need_a_sha()
    {
        var text = "on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n";
        Assert.Single(IacHarness.Analyze((".github/workflows/a.yml", text)), f => f.RuleId == "DL3030");
        var strict = new RuleOptions(new Dictionary<string, string> { ["devopslens.DL3030.trusted_owners"] = "" });
        Assert.Equal(2, IacHarness.Analyze(new[] { (".github/workflows/a.yml", text) }, strict).Count(f => f.RuleId == "DL3030"));
        var lenient = new RuleOptions(new Dictionary<string, string> { ["devopslens.DL3030.trusted_owners"] = "actions, docker" });
        Assert.DoesNotContain(IacHarness.Analyze(new[] { (".github/workflows/a.yml", text) }, lenient), f => f.RuleId == "DL3030");
    }

    [Fact]
    public void Severity_none_turns_a_rule_off()
    {
        var options = new RuleOptions(new Dictionary<string, string> { ["dotnet_diagnostic.DL3004.severity"] = "none" });
        Assert.DoesNotContain(IacHarness.Analyze(new[] { ("Dockerfile", "FROM ubuntu\nUSER 1000\n") }, options), f => f.RuleId == "DL3004");
    }

    [Fact]
    public void Inline_comment_suppresses_a_manifest_finding()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      # devopslens-ignore DL3004: throwaway debug pod\n      image: busybox\n";
        var finding = Assert.Single(IacHarness.Analyze(("k8s/debug.yaml", text)), f => f.RuleId == "DL3004");
        Assert.True(finding.IsSuppressed);
        Assert.Equal("throwaway debug pod", finding.SuppressionJustification);
    }

    [Fact]
    public void Messages_never_contain_the_full_secret()
    {
        // devopslens-ignore DL1005: planted value; the test checks it is redacted
        const string secret = "Sup3r-S3cret-2024-value!";
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: a:1.0.0\n      env:\n        - name: DB_PASSWORD\n          value: " + secret + "\n";
        var finding = Assert.Single(IacHarness.Analyze(("k8s/a.yaml", text)), f => f.RuleId == "DL3007");
        Assert.DoesNotContain(secret, finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, finding.Fingerprint ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_rule_reports_every_package_of_an_added_file_and_the_entries_of_a_deleted_one()
    {
        const string project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Polly\" Version=\"8.4.0\" />\n  </ItemGroup>\n</Project>\n";
        var added = Assert.Single(IacHarness.AnalyzeChange("src/A/A.csproj", null, project));
        Assert.Equal("DL3043", added.RuleId);
        Assert.Contains("added at 8.4.0", added.Message, StringComparison.Ordinal);
        var removed = Assert.Single(IacHarness.AnalyzeChange("src/A/A.csproj", project, null));
        Assert.Equal("Polly", project.Substring(removed.Range.Start, removed.Range.Length));
        Assert.Contains("removed", removed.Message, StringComparison.Ordinal);
    }
}
