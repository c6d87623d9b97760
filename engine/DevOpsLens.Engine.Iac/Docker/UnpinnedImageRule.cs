using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Ci;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Compose;
using DevOpsLens.Engine.Iac.Kubernetes;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Docker;

/// <summary>
/// DL3004: an image with no tag or :latest in compose services, Dockerfile FROM, and the
/// images CI jobs run in: GitHub Actions job containers and service containers, GitLab CI <c>image:</c> and
/// <c>services:</c> (top level, <c>default:</c> and per job, string or <c>name:</c> map), Azure Pipelines container
/// resources and inline job containers. Templated references (<c>$IMAGE</c>, <c>${{ }}</c>, <c>$(var)</c>,
/// <c>{{ }}</c>) and FROM of an earlier stage or scratch are skipped; FROM arguments are resolved with the defaults
/// of ARGs declared before the first FROM. A compose service with <c>build:</c> only names the image it builds, so
/// its <c>image:</c> is not judged. Kubernetes containers are judged by <see cref="UnpinnedManifestImageRule"/>, which
/// also reads the kustomizations and skaffold files that set their tags.
/// </summary>
internal sealed class UnpinnedImageRule : IacRule
{
    // GitLab CI top-level keywords that are not jobs (image/services/default are read on their own).
    private static readonly HashSet<string> GitLabGlobalKeys = new(StringComparer.Ordinal)
    {
        "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec",
    };

    public UnpinnedImageRule()
        : base(RuleCatalog.UnpinnedImage)
    {
    }

    public override bool AppliesTo(DocumentContext document) => Dockerfile.AppliesTo(document) || YamlFlavors.IsYaml(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        if (Dockerfile.AppliesTo(document))
        {
            AnalyzeDockerfile(document, sink);
            return;
        }

        // With build:, image: names the image compose builds and tags, not one it pulls.
        foreach (var service in ComposeFile.Services(document).Where(s => !s.Map.Has("build")))
        {
            Check(document, sink, service.Map["image"]);
        }

        // CI files share images through anchors and merge keys (one .defaults for every job): each image node is
        // reported once, where it is written.
        var ci = new CiSink(document, sink);
        switch (YamlFlavors.GetFileFlavor(document))
        {
            case YamlFlavor.GitHubWorkflow:
                AnalyzeGitHub(document, ci);
                break;
            case YamlFlavor.GitLabCi:
                AnalyzeGitLab(document, ci);
                break;
            case YamlFlavor.AzurePipelines:
                AnalyzeAzure(document, ci);
                break;
        }
    }

    /// <summary>
    /// <c>jobs.&lt;id&gt;.container</c> (an image, or a map with <c>image:</c>) and <c>jobs.&lt;id&gt;.services.&lt;name&gt;.image</c>.
    /// <c>docker://</c> steps are DL3030's (an action reference).
    /// </summary>
    private static void AnalyzeGitHub(DocumentContext document, CiSink sink)
    {
        foreach (var root in Roots(document))
        {
            foreach (var (_, _, job) in GitHubWorkflow.Jobs(root))
            {
                sink.Check(job["container"] is YMap container ? container["image"] : job["container"]);
                foreach (var service in job.Map("services")?.Entries ?? Enumerable.Empty<YPair>())
                {
                    sink.Check((service.Value as YMap)?["image"]);
                }
            }
        }
    }

    /// <summary>
    /// <c>image:</c> and <c>services:</c> at the top level, under <c>default:</c> and in every job (hidden
    /// <c>.template</c> jobs too: <c>extends:</c> hands their image to real jobs). Each is a string or a map whose
    /// <c>name:</c> is the image.
    /// </summary>
    private static void AnalyzeGitLab(DocumentContext document, CiSink sink)
    {
        foreach (var root in Roots(document))
        {
            CheckGitLabImages(sink, root);
            if (root.Map("default") is { } defaults)
            {
                CheckGitLabImages(sink, defaults);
            }

            foreach (var pair in root.Entries)
            {
                if (pair.KeyText is { } key && !GitLabGlobalKeys.Contains(key) && pair.Value is YMap job)
                {
                    CheckGitLabImages(sink, job);
                }
            }
        }
    }

    private static void CheckGitLabImages(CiSink sink, YMap owner)
    {
        sink.Check(GitLabImageName(owner["image"]));
        foreach (var service in owner.Seq("services")?.Items ?? Enumerable.Empty<YNode>())
        {
            sink.Check(GitLabImageName(service));
        }
    }

    private static YNode? GitLabImageName(YNode? node) => node is YMap map ? map["name"] : node;

    /// <summary>
    /// <c>resources.containers[].image</c>, and a job's (or the pipeline's) <c>container:</c> or service given inline
    /// as a map with <c>image:</c>. A plain <c>container: name</c> is usually the alias of a container resource,
    /// possibly declared in the pipeline that extends this template: it is judged as an image only when it cannot be
    /// an alias (it has a registry path or a tag) and no container resource of this file carries that name.
    /// </summary>
    private static void AnalyzeAzure(DocumentContext document, CiSink sink)
    {
        foreach (var root in Roots(document))
        {
            var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in root.Map("resources")?.Seq("containers")?.Items ?? Enumerable.Empty<YNode>())
            {
                if (item is YMap resource)
                {
                    if (resource.Str("container") is { } alias)
                    {
                        aliases.Add(alias.Trim());
                    }

                    sink.Check(resource["image"]);
                }
            }

            CheckAzureJob(sink, root, aliases);
            foreach (var job in AzureJobs(root))
            {
                CheckAzureJob(sink, job, aliases);
            }
        }
    }

    private static void CheckAzureJob(CiSink sink, YMap job, HashSet<string> aliases)
    {
        switch (job["container"])
        {
            case YMap inline:
                sink.Check(inline["image"]);
                break;
            case YScalar named when !aliases.Contains(named.Value.Trim()) && (named.Value.IndexOf('/') >= 0 || named.Value.IndexOf(':') >= 0):
                sink.Check(named);
                break;
        }

        foreach (var service in job.Map("services")?.Entries ?? Enumerable.Empty<YPair>())
        {
            if (service.Value is YMap inline)
            {
                sink.Check(inline["image"]);
            }
        }
    }

    /// <summary>Jobs and deployment jobs at the top level and inside stages.</summary>
    private static IEnumerable<YMap> AzureJobs(YMap root)
    {
        var lists = new List<YSeq>();
        if (root.Seq("jobs") is { } jobs)
        {
            lists.Add(jobs);
        }

        foreach (var stage in root.Seq("stages")?.Items ?? Enumerable.Empty<YNode>())
        {
            if ((stage as YMap)?.Seq("jobs") is { } stageJobs)
            {
                lists.Add(stageJobs);
            }
        }

        foreach (var item in lists.SelectMany(l => l.Items))
        {
            if (item is YMap job && (job.Has("job") || job.Has("deployment")))
            {
                yield return job;
            }
        }
    }

    private static IEnumerable<YMap> Roots(DocumentContext document) =>
        YamlFile.Get(document).Documents.Select(d => d.RootMap).Where(m => m != null).Select(m => m!);

    private sealed class CiSink(DocumentContext document, IReportSink sink)
    {
        private readonly HashSet<(int, int)> _seen = new();

        public void Check(YNode? node)
        {
            if (node != null && _seen.Add((node.Start, node.End)))
            {
                UnpinnedImageRule.Check(document, sink, node);
            }
        }
    }

    private static void Check(DocumentContext document, IReportSink sink, YNode? node)
    {
        if (node is YScalar scalar && ImageReference.Parse(scalar.Value) is { } image && image.UnpinnedReason() is { } reason)
        {
            Report(sink, document, RuleCatalog.UnpinnedImage, scalar, null, scalar.Value.Trim(), reason);
        }
    }

    private static void AnalyzeDockerfile(DocumentContext document, IReportSink sink)
    {
        var file = Dockerfile.Get(document);
        foreach (var stage in file.Stages)
        {
            if (stage.ImageToken is not { } token || token.Image.Equals("scratch", StringComparison.OrdinalIgnoreCase) || file.StageNamed(token.Image, stage.Index) != null)
            {
                continue;
            }

            var resolved = file.ResolveGlobal(token.Image);
            if (resolved != null && file.StageNamed(resolved, stage.Index) == null && ImageReference.Parse(resolved) is { } image && image.UnpinnedReason() is { } reason)
            {
                sink.Report(RuleCatalog.UnpinnedImage, DockerfileFacts.Span(document, stage.From, token.Start, token.End), RuleCatalog.UnpinnedImage.FormatMessage(resolved, reason));
            }
        }
    }
}
