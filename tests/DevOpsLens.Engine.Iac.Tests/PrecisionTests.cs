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
