using DevOpsLens.Tests.Shared;
using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

/// <summary>The deployment files planted in samples/OrderService produce exactly the findings the README promises.</summary>
public sealed class SampleTests
{
    [Fact]
    public void OrderService_deployment_files_produce_the_planted_findings()
    {
        var root = Path.Combine(TestPaths.Samples, "OrderService");
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(TestPaths.RepoRoot, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToArray();
        var actual = IacHarness.Analyze(files)
            .Where(f => f.RuleId.StartsWith("DL3", StringComparison.Ordinal) || f.RuleId.StartsWith("DL9", StringComparison.Ordinal))
            .Select(f => f.RuleId + " " + f.Path + ":" + (f.Start.Line + 1))
            .ToList();
        var expected = new[]
        {
            "DL3040 samples/OrderService/OrderService.csproj:10",
            "DL3004 samples/OrderService/Dockerfile:3",
            "DL3024 samples/OrderService/Dockerfile:4",
            "DL3021 samples/OrderService/Dockerfile:11",
            "DL3025 samples/OrderService/Dockerfile:11",
            "DL3023 samples/OrderService/Dockerfile:14",
            "DL3051 samples/OrderService/Dockerfile:18",
            "DL3033 samples/OrderService/.github/workflows/ci.yml:9",
            "DL3032 samples/OrderService/.github/workflows/ci.yml:19",
            "DL3034 samples/OrderService/.github/workflows/ci.yml:22",
            "DL3030 samples/OrderService/.github/workflows/ci.yml:24",
        };
        Same(Lines(expected), Lines(actual.Where(a => !a.Contains("/deploy/", StringComparison.Ordinal))));
        Same(
            Lines(new[]
            {
                "DL3001 samples/OrderService/deploy/k8s/deployment.yaml:22",
                "DL3002 samples/OrderService/deploy/k8s/deployment.yaml:22",
                "DL3006 samples/OrderService/deploy/k8s/deployment.yaml:22",
                "DL3008 samples/OrderService/deploy/k8s/deployment.yaml:7",
                "DL3004 samples/OrderService/deploy/k8s/deployment.yaml:23",
                "DL3007 samples/OrderService/deploy/k8s/deployment.yaml:31",
                "DL3050 samples/OrderService/deploy/k8s/deployment.yaml:36",
                "DL3051 samples/OrderService/deploy/k8s/deployment.yaml:26",
                "DL3052 samples/OrderService/deploy/k8s/deployment.yaml:22",
            }),
            Lines(actual.Where(a => a.Contains("/deploy/", StringComparison.Ordinal))));
    }

    private static void Same(string expected, string actual) => Assert.True(expected == actual, "Expected:\n" + expected + "\nActual:\n" + actual);

    private static string Lines(IEnumerable<string> items) => string.Join("\n", items.OrderBy(s => s, StringComparer.Ordinal));
}
