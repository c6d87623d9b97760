using DevOpsLens.Tests.Shared;
using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

/// <summary>
/// The precision corpus (tests/vectors/_precision) holds well-written manifests, Dockerfiles, pipelines, compose
/// and project files plus the service they deploy. Analysed as one repository, no DL3xxx rule may report.
/// </summary>
public sealed class PrecisionTests
{
    [Fact]
    public void Well_written_files_produce_no_deployment_findings()
    {
        var root = Path.Combine(TestPaths.Vectors, "_precision");
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToArray();
        Assert.True(files.Length >= 15);
        var findings = IacHarness.Analyze(files);
        Assert.Empty(findings.Select(f => f.ToString()));
    }

    [Fact]
    public void Precision_corpus_exercises_every_file_family()
    {
        var root = Path.Combine(TestPaths.Vectors, "_precision");
        var names = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();
        Assert.Contains(names, n => n.StartsWith(".github/workflows/", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("Dockerfile", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("deploy/k8s/", StringComparison.Ordinal));
        Assert.Contains(".gitlab-ci.yml", names);
        Assert.Contains("azure-pipelines.yml", names);
        Assert.Contains("docker-compose.yml", names);
    }
}

public sealed class RealWorldShapeTests
{
    [Fact]
    public void Kustomize_patches_are_not_judged_for_what_they_leave_out()
    {
        var patch = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-api\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: orders-api\n          env:\n            - name: LOG_LEVEL\n              value: Debug\n";
        Assert.Empty(IacHarness.Analyze(("deploy/overlays/dev/replicas-patch.yaml", patch)));
    }

    [Fact]
    public void Compose_image_next_to_build_names_the_built_image()
    {
        var compose = "services:\n  api:\n    build: .\n    image: orders-api\n  cache:\n    image: redis\n";
        var finding = Assert.Single(IacHarness.Analyze(("docker-compose.yml", compose)), f => f.RuleId == "DL3004");
        Assert.Equal("redis", compose.Substring(finding.Range.Start, finding.Range.Length));
    }

    [Fact]
    public void Set_x_is_only_reported_when_the_script_expands_a_secret()
    {
        var workflow = "on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    env:\n      TOKEN: ${{ secrets.TOKEN }}\n    steps:\n      - run: |\n          set -x\n          make build\n      - run: |\n          set -eux\n          curl -H \"Authorization: Bearer $TOKEN\" https://api.example.com\n";
        var finding = Assert.Single(IacHarness.Analyze((".github/workflows/a.yml", workflow)), f => f.RuleId == "DL3034");
        Assert.Equal("set -eux", workflow.Substring(finding.Range.Start, finding.Range.Length));
    }
}

public sealed class DisruptionBudgetMessageTests
{
    [Theory]
    [InlineData("apps/v1", "StatefulSet")]
    [InlineData("apps/v1", "Deployment")]
    public void Message_names_the_workload_kind(string apiVersion, string kind)
    {
        var manifest = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: orders\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n        - name: orders\n          image: registry.example/orders:1.4.2\n";
        var finding = Assert.Single(IacHarness.Analyze(("deploy/k8s/orders.yaml", manifest)), f => f.RuleId == "DL3008");
        Assert.StartsWith(kind + " 'orders' has 3 replicas", finding.Message, StringComparison.Ordinal);
    }
}
