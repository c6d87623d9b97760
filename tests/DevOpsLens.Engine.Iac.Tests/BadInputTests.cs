using System.Text;
using DevOpsLens.Engine.Iac.Yaml;
using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

public sealed class BadInputTests
{
    [Fact]
    public void Malformed_yaml_gives_one_DL9005_at_the_parser_position_and_no_structural_findings()
    {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n    labels: [oops\nspec:\n  replicas: 1\n";
        var findings = IacHarness.Analyze(("deploy/web.yaml", text));
        var malformed = Assert.Single(findings, f => f.RuleId == "DL9005");
        Assert.Contains("YAML", malformed.Message, StringComparison.Ordinal);
        Assert.Equal(4, malformed.Start.Line);
        Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("DL3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(".gitlab-ci.yml", "image: docker:latest\nbuild:\n  image: node\n    script: [oops\n")]
    [InlineData("azure-pipelines.yml", "resources:\n  containers:\n    - container: build\n      image: mcr.microsoft.com/dotnet/sdk:latest\n   jobs: {\n")]
    public void Broken_pipeline_gives_DL9005_and_no_crash_and_no_image_findings(string path, string text)
    {
        var findings = IacHarness.Analyze((path, text));
        var malformed = Assert.Single(findings, f => f.RuleId == "DL9005");
        Assert.Contains("YAML", malformed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.RuleId is "DL3004" or "DL9003");
    }

    [Fact]
    public void GitLab_image_shared_through_an_anchor_is_reported_once_at_the_anchor()
    {
        var text = ".defaults: &defaults\n  image: node:latest\ntest:\n  <<: *defaults\n  script: [npm test]\nlint:\n  <<: *defaults\n  script: [npm run lint]\n";
        var finding = Assert.Single(IacHarness.Analyze((".gitlab-ci.yml", text)), f => f.RuleId == "DL3004");
        Assert.Equal("node:latest", text.Substring(finding.Range.Start, finding.Range.Length));
    }

    [Fact]
    public void Undefined_alias_is_reported_as_malformed()
    {
        var findings = IacHarness.Analyze(("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers: *missing\n"));
        var malformed = Assert.Single(findings, f => f.RuleId == "DL9005");
        Assert.Contains("undefined anchor", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_keys_and_aliases_are_resolved_and_findings_point_at_the_anchor()
    {
        var text = """
            x-defaults: &defaults
              image: registry.example.com/api:latest
              resources:
                requests: {cpu: 100m, memory: 128Mi}
                limits: {memory: 256Mi}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: &img registry.example.com/api:latest
                  resources: &res
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {memory: 256Mi}
                - name: api-copy
                  image: *img
                  resources: *res
            """;
        var findings = IacHarness.Analyze(("k8s/pod.yaml", text));
        Assert.DoesNotContain(findings, f => f.RuleId is "DL3001" or "DL9005" or "DL9003");
        var images = findings.Where(f => f.RuleId == "DL3004").ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, f => Assert.Equal("registry.example.com/api:latest", text.Substring(f.Range.Start, f.Range.Length)));
        Assert.Single(images.Select(f => f.Range).Distinct());
    }

    [Fact]
    public void Billion_laughs_is_stopped_by_the_node_limit()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            sb.Append("a").Append(i).Append(": &a").Append(i).Append(" [");
            sb.Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10)));
            sb.Append("]\n");
        }

        var findings = IacHarness.Analyze(("k8s/lol.yaml", sb.ToString()));
        var malformed = Assert.Single(findings, f => f.RuleId == "DL9005");
        Assert.Contains("expands to more than", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_rejected_without_overflowing_the_stack()
    {
        var text = "a: " + new string('[', 20_000) + new string(']', 20_000) + "\n";
        var findings = IacHarness.Analyze(("k8s/deep.yaml", text));
        Assert.Contains(findings, f => f.RuleId == "DL9005" && f.Message.Contains("nests deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void A_50k_line_manifest_is_checked_completely()
    {
        var sb = new StringBuilder();
        const int count = 2_500;
        for (var i = 0; i < count; i++)
        {
            // 20 lines per document: 50,000 lines in all.
            sb.Append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-").Append(i).Append('\n')
              .Append("spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: svc\n  template:\n    metadata:\n      labels:\n        app: svc\n")
              .Append("    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: app\n          image: registry.example.com/svc:latest\n");
        }

        var text = sb.ToString();
        Assert.True(text.Split('\n').Length >= 50_000);
        var findings = IacHarness.Analyze(("k8s/all.yaml", text));
        Assert.Equal(count, findings.Count(f => f.RuleId == "DL3004"));
        Assert.Equal(count, findings.Count(f => f.RuleId == "DL3001"));
        Assert.DoesNotContain(findings, f => f.RuleId is "DL9003" or "DL9005");
    }

    [Fact]
    public void Unrendered_helm_template_is_skipped_with_a_note()
    {
        var text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "orders.fullname" . }}
            spec:
              {{- if not .Values.autoscaling.enabled }}
              replicas: {{ .Values.replicaCount }}
              {{- end }}
              template:
                spec:
                  containers:
                    - name: {{ .Chart.Name }}
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
            """;
        var findings = IacHarness.Analyze(("charts/orders/templates/deployment.yaml", text));
        var skipped = Assert.Single(findings);
        Assert.Equal("DL9004", skipped.RuleId);
        Assert.Contains("Helm", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_expressions_are_not_mistaken_for_templates()
    {
        Assert.False(HelmTemplates.IsUnrenderedTemplate(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ${{ matrix.os }}\n"));
    }

    [Theory]
    [InlineData("k8s/bad.yaml")]
    [InlineData("Dockerfile")]
    [InlineData(".github/workflows/bad.yml")]
    [InlineData(".gitlab-ci.yml")]
    [InlineData("src/App/App.csproj")]
    [InlineData("docker-compose.yml")]
    [InlineData("scripts/install.sh")]
    public void Invalid_utf8_and_binary_content_never_crash_a_rule(string path)
    {
        var bytes = new byte[] { 0x61, 0x3A, 0x20, 0xC3, 0x28, 0xFF, 0xFE, 0x00, 0x0A, 0x2D, 0x20, 0xE2, 0x82, 0x0A, 0x7B, 0x7B, 0x5B, 0x0A };
        var text = Encoding.UTF8.GetString(bytes) + "\ud800 lone surrogate\n" + new string('\0', 50);
        var findings = IacHarness.Analyze((path, text));
        Assert.DoesNotContain(findings, f => f.RuleId == "DL9003");
        var random = new Random(42);
        for (var i = 0; i < 50; i++)
        {
            var noise = new char[random.Next(1, 400)];
            for (var k = 0; k < noise.Length; k++)
            {
                noise[k] = (char)random.Next(0, 0x3000);
            }

            Assert.DoesNotContain(IacHarness.Analyze((path, new string(noise))), f => f.RuleId == "DL9003");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n---\n...\n")]
    [InlineData("just a scalar")]
    public void Empty_and_trivial_yaml_documents_give_no_findings(string text)
    {
        Assert.Empty(IacHarness.Analyze(("k8s/empty.yaml", text)));
        Assert.Empty(IacHarness.Analyze((".github/workflows/empty.yml", text)));
    }

    [Fact]
    public void Malformed_project_file_gives_DL9005_and_no_dependency_findings()
    {
        var findings = IacHarness.Analyze(("src/App/App.csproj", "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"A\" Version=\"*\">\n</Project>\n"));
        Assert.Single(findings, f => f.RuleId == "DL9005");
        Assert.DoesNotContain(findings, f => f.RuleId == "DL3040");
    }
}
