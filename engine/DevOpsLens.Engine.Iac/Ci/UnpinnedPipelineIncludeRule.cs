using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3035: GitLab <c>include:</c> of a remote URL or another project without a fixed <c>ref</c> (a commit SHA or a
/// version tag), components on <c>~latest</c> or a branch; Azure Pipelines repository resources with no ref or a
/// branch ref (<c>refs/heads/…</c>). Local includes and GitLab's own templates are fine.
/// </summary>
internal sealed class UnpinnedPipelineIncludeRule : IacRule
{
    private static readonly Regex Fixed = new(@"^(?:[0-9a-fA-F]{40}|(?:refs/tags/)?v?\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.-]+)?)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex ShaInUrl = new(@"/[0-9a-fA-F]{40}/", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public UnpinnedPipelineIncludeRule()
        : base(RuleCatalog.UnpinnedPipelineInclude)
    {
    }

    public override bool AppliesTo(DocumentContext document) => YamlFlavors.IsYaml(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        var flavor = YamlFlavors.GetFileFlavor(document);
        foreach (var doc in YamlFile.Get(document).Documents)
        {
            if (doc.RootMap is not { } root)
            {
                continue;
            }

            if (flavor == YamlFlavor.GitLabCi)
            {
                var include = root["include"];
                var items = include is YSeq seq ? seq.Items : include != null ? new List<YNode> { include } : new List<YNode>();
                foreach (var item in items)
                {
                    CheckGitLab(document, sink, item);
                }
            }
            else if (flavor == YamlFlavor.AzurePipelines)
            {
                foreach (var item in root.Map("resources")?.Seq("repositories")?.Items ?? Enumerable.Empty<YNode>())
                {
                    CheckAzure(document, sink, item as YMap);
                }
            }
        }
    }

    private static void CheckGitLab(DocumentContext document, IReportSink sink, YNode item)
    {
        if (item is YScalar plain)
        {
            if (ShellPatterns.IsUrl(plain.Value) && !ShaInUrl.IsMatch(plain.Value))
            {
                Report(sink, document, RuleCatalog.UnpinnedPipelineInclude, plain, null, "Remote include", plain.Value);
            }

            return;
        }

        if (item is not YMap map)
        {
            return;
        }

        if (map["remote"] is YScalar remote && !ShaInUrl.IsMatch(remote.Value))
        {
            Report(sink, document, RuleCatalog.UnpinnedPipelineInclude, remote, null, "Remote include", remote.Value);
        }

        if (map["project"] is YScalar project)
        {
            if (map["ref"] is YScalar reference)
            {
                if (!Fixed.IsMatch(reference.Value.Trim()) && !reference.Value.Contains('$'))
                {
                    Report(sink, document, RuleCatalog.UnpinnedPipelineInclude, reference, null, "Include of project", project.Value + "@" + reference.Value);
                }
            }
            else
            {
                Report(sink, document, RuleCatalog.UnpinnedPipelineInclude, project, null, "Include of project", project.Value);
            }
        }

        if (map["component"] is YScalar component)
        {
            var at = component.Value.LastIndexOf('@');
            var version = at >= 0 ? component.Value.Substring(at + 1) : string.Empty;
            if (!Fixed.IsMatch(version) && !version.Contains('$'))
            {
                Report(sink, document, RuleCatalog.UnpinnedPipelineInclude, component, null, "Component", component.Value);
            }
        }
    }

    private static void CheckAzure(DocumentContext document, IReportSink sink, YMap? repository)
    {
        if (repository?["repository"] is not YScalar alias || repository.Str("type") is "self")
        {
            return;
        }

        var name = repository.Str("name") ?? alias.Value;
        if (repository["ref"] is YScalar reference)
        {
            var value = reference.Value.Trim();
            if (!Fixed.IsMatch(value) && !value.StartsWith("refs/tags/", StringComparison.Ordinal) && !value.Contains("$"))
            {
                Report(sink, document, RuleCatalog.UnpinnedPipelineInclude, reference, null, "Repository resource", name + "@" + value);
            }
        }
        else
        {
            Report(sink, document, RuleCatalog.UnpinnedPipelineInclude, alias, null, "Repository resource", name + " (default branch)");
        }
    }
}
