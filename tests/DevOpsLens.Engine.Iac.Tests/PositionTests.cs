using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

/// <summary>Offsets must be exact UTF-16 offsets whatever the line endings, BOM or non-BMP characters.</summary>
public sealed class PositionTests
{
    private const string Manifest = "# 🚀 déploiement\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n    - name: a # ☃\n      image: \"nginx:latest\"\n      resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {memory: 2Mi}}\n";

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Finding_covers_the_value_with_bom_crlf_and_surrogates(bool bom, bool crlf)
    {
        var text = (bom ? "\uFEFF" : string.Empty) + (crlf ? Manifest.Replace("\n", "\r\n", StringComparison.Ordinal) : Manifest);
        var finding = Assert.Single(IacHarness.Analyze(("k8s/pod.yaml", text)), f => f.RuleId == "DL3004");
        Assert.Equal("\"nginx:latest\"", text.Substring(finding.Range.Start, finding.Range.Length));
        Assert.Equal(9, finding.Start.Line);
        Assert.Equal(13, finding.Start.Character);
    }

    [Fact]
    public void Block_scalar_findings_exclude_trailing_line_breaks()
    {
        var text = "name: ci\non: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: |\n          curl -fsSL https://x.example/i.sh | bash\n\n      - run: echo done\n";
        var finding = Assert.Single(IacHarness.Analyze((".github/workflows/a.yml", text)), f => f.RuleId == "DL3023");
        Assert.Equal("curl -fsSL https://x.example/i.sh | bash", text.Substring(finding.Range.Start, finding.Range.Length));
    }
}
