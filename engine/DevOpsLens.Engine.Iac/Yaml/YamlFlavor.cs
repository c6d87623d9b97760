using System.Text.RegularExpressions;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Yaml;

/// <summary>What a YAML file configures. Kubernetes is decided per document (apiVersion + kind), the rest per file.</summary>
internal enum YamlFlavor
{
    Other = 0,
    Kubernetes,
    Compose,
    GitHubWorkflow,
    GitLabCi,
    AzurePipelines,
}

internal static class YamlFlavors
{
    private static readonly Regex ComposeName = new(@"^(docker-)?compose(\.[\w.-]+)?\.ya?ml$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static bool IsYaml(DocumentContext document) => document.Kind == DocumentKind.Yaml;

    /// <summary>Cheap path-only test used by <c>AppliesTo</c> before anything is parsed.</summary>
    public static bool IsWorkflowPath(string path)
    {
        var p = "/" + path.Replace('\\', '/');
        var i = p.LastIndexOf("/.github/workflows/", StringComparison.Ordinal);
        return i >= 0 && p.IndexOf('/', i + "/.github/workflows/".Length) < 0 && (p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsGitLabPath(string path)
    {
        var name = FileName(path);
        return name.EndsWith(".gitlab-ci.yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gitlab-ci.yaml", StringComparison.OrdinalIgnoreCase)
            || ("/" + path.Replace('\\', '/')).IndexOf("/.gitlab/ci/", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    public static bool IsAzurePath(string path) => FileName(path).StartsWith("azure-pipelines", StringComparison.OrdinalIgnoreCase);

    public static bool IsComposePath(string path) => ComposeName.IsMatch(FileName(path));

    /// <summary>The file-level flavor; Kubernetes documents are found with <see cref="IsKubernetes"/>.</summary>
    public static YamlFlavor GetFileFlavor(DocumentContext document) =>
        document.GetOrAdd("iac.flavor", d => new FlavorBox(Detect(d))).Value;

    public static bool IsKubernetes(YDocument document) =>
        document.RootMap is { } map && map.Str("apiVersion") is { Length: > 0 } && map.Str("kind") is { Length: > 0 };

    private static YamlFlavor Detect(DocumentContext document)
    {
        if (!IsYaml(document))
        {
            return YamlFlavor.Other;
        }

        if (IsWorkflowPath(document.Path))
        {
            return YamlFlavor.GitHubWorkflow;
        }

        if (IsGitLabPath(document.Path))
        {
            return YamlFlavor.GitLabCi;
        }

        var file = YamlFile.Get(document);
        var root = file.Documents.Count > 0 ? file.Documents[0].RootMap : null;
        if (IsAzurePath(document.Path) || (root != null && LooksLikeAzure(root)))
        {
            return YamlFlavor.AzurePipelines;
        }

        if (root != null && !IsKubernetes(file.Documents[0]) && root.Map("services") is { } services && (IsComposePath(document.Path) || LooksLikeComposeServices(services)))
        {
            return YamlFlavor.Compose;
        }

        return file.Documents.Any(IsKubernetes) ? YamlFlavor.Kubernetes : YamlFlavor.Other;
    }

    private static bool LooksLikeAzure(YMap root)
    {
        if (root.Has("apiVersion") || root.Has("services"))
        {
            return false;
        }

        var hasPipelineKey = root.Has("trigger") || root.Has("pr") || root.Has("pool") || root.Has("extends") || (root.Map("resources")?.Has("repositories") ?? false);
        var steps = root.Seq("steps");
        var hasTaskStep = steps?.Items.Any(i => i is YMap m && (m.Has("task") || m.Has("script") || m.Has("bash") || m.Has("pwsh") || m.Has("template"))) ?? false;
        var stagesAreMaps = root.Seq("stages")?.Items.Any(i => i is YMap m && m.Has("stage")) ?? false;
        var jobsAreMaps = root.Seq("jobs")?.Items.Any(i => i is YMap m && (m.Has("job") || m.Has("deployment"))) ?? false;
        return stagesAreMaps || jobsAreMaps || (hasTaskStep && (hasPipelineKey || steps != null));
    }

    private static bool LooksLikeComposeServices(YMap services)
    {
        var count = 0;
        foreach (var pair in services.Pairs)
        {
            if (pair.Value is not YMap service || !(service.Has("image") || service.Has("build")))
            {
                return false;
            }

            count++;
        }

        return count > 0;
    }

    private static string FileName(string path)
    {
        var p = path.Replace('\\', '/');
        var slash = p.LastIndexOf('/');
        return slash >= 0 ? p.Substring(slash + 1) : p;
    }

    private sealed class FlavorBox
    {
        public FlavorBox(YamlFlavor value) => Value = value;

        public YamlFlavor Value { get; }
    }
}
