using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

public sealed class FixTests
{
    [Fact]
    public void Resources_fix_inserts_a_skeleton_after_the_image_line()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/api:1.0.0\n      ports:\n        - containerPort: 8080\n";
        var expected = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/api:1.0.0\n"
            + "      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          memory: 256Mi\n"
            + "      ports:\n        - containerPort: 8080\n";
        var fixedText = ApplySingleFix("k8s/pod.yaml", text, "DL3001");
        Assert.Equal(expected, fixedText);
        Assert.DoesNotContain(IacHarness.Analyze(("k8s/pod.yaml", fixedText)), f => f.RuleId == "DL3001");
    }

    [Fact]
    public void Resources_fix_keeps_crlf_line_endings()
    {
        var text = "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: a\r\nspec:\r\n  containers:\r\n  - name: api\r\n    image: api:1.0.0\r\n";
        var fixedText = ApplySingleFix("k8s/pod.yaml", text, "DL3001");
        Assert.Contains("    image: api:1.0.0\r\n    resources:\r\n      requests:\r\n", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain(IacHarness.Analyze(("k8s/pod.yaml", fixedText)), f => f.RuleId == "DL3001");
    }

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:9.0", "USER app")]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:6.0", "USER 1000")]
    [InlineData("node:20.14-bookworm-slim", "USER 1000")]
    public void Dockerfile_user_fix_adds_a_non_root_user_before_the_entrypoint(string image, string user)
    {
        var text = "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN dotnet publish -o /app\n\nFROM " + image + "\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var fixedText = ApplySingleFix("Dockerfile", text, "DL3021");
        Assert.Equal(text.Replace("ENTRYPOINT", user + "\nENTRYPOINT", StringComparison.Ordinal), fixedText);
        Assert.DoesNotContain(IacHarness.Analyze(("Dockerfile", fixedText)), f => f.RuleId == "DL3021");
    }

    [Fact]
    public void Dockerfile_user_fix_appends_when_there_is_no_entrypoint()
    {
        var fixedText = ApplySingleFix("Dockerfile", "FROM debian:12.5\nRUN apt-get update", "DL3021");
        Assert.Equal("FROM debian:12.5\nRUN apt-get update\nUSER 1000\n", fixedText);
    }

    [Fact]
    public void Permissions_fix_adds_a_read_only_block_before_jobs()
    {
        var text = "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n";
        var fixedText = ApplySingleFix(".github/workflows/ci.yml", text, "DL3033");
        Assert.Equal("name: ci\non: push\npermissions:\n  contents: read\n\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n", fixedText);
        Assert.DoesNotContain(IacHarness.Analyze((".github/workflows/ci.yml", fixedText)), f => f.RuleId == "DL3033");
    }

    [Fact]
    public void Write_all_finding_gets_no_mechanical_fix()
    {
        var text = "on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: make\n";
        var document = new DocumentContext(".github/workflows/ci.yml", text, RuleOptions.Default);
        var finding = Assert.Single(IacHarness.Analyze((document.Path, text)), f => f.RuleId == "DL3033");
        Assert.Empty(IacRules.FixProviders.SelectMany(p => p.GetFixes(document, finding)));
    }

    [Fact]
    public void Every_fix_provider_names_only_rules_from_the_catalog()
    {
        foreach (var id in IacRules.FixProviders.SelectMany(p => p.FixableRuleIds))
        {
            Assert.NotNull(Catalog.RuleCatalog.Get(id));
        }
    }

    private static string ApplySingleFix(string path, string text, string ruleId)
    {
        var document = new DocumentContext(path, text, RuleOptions.Default);
        Finding finding = Assert.Single(IacHarness.Analyze((path, text)), f => f.RuleId == ruleId);
        var fix = Assert.Single(IacRules.FixProviders.Where(p => p.FixableRuleIds.Contains(ruleId)).SelectMany(p => p.GetFixes(document, finding)));
        return TextEdits.Apply(text, fix.Edits);
    }
}
