using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3035: GitLab <c>include:</c> of a remote URL or another project without a fixed <c>ref</c> (a commit SHA or a
/// version tag), components on <c>~latest</c> or a branch; Azure Pipelines repository resources with no ref or a
/// branch ref (<c>refs/heads/…</c>). Local includes and GitLab's own templates are fine, and so are remote URLs that
/// name a commit, a version tag (<c>…/raw/v1.4.2/…</c>, <c>?ref=1.4.2</c>) or a variable, and Azure repository
/// resources that the file only checks out as source (<c>- checkout: tools</c>) and never takes a template from.
/// </summary>
internal sealed class UnpinnedPipelineIncludeRule : IacRule
{
    private static readonly Regex Fixed = new(@"^(?:[0-9a-fA-F]{40}|(?:refs/tags/)?v?\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.-]+)?)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A commit, a dotted version tag or refs/tags/… as a path segment or as ?ref=; a single number (/v4/ of the
    // GitLab API) is not a version.
    private static readonly Regex PinnedUrl = new(
        @"/[0-9a-fA-F]{40}(?:/|$)|/(?:refs/tags/[^/?#]+|v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?)/|[?&]ref=(?:[0-9a-fA-F]{40}|v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?)(?:&|$)",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    // The ref of a raw URL set by a variable (…/-/raw/$TEMPLATES_REF/…, ?ref=${REF}) is decided at run time, like a
    // project include's ref: $VAR.
    private static readonly Regex VariableRefInUrl = new(
        @"/-/raw/\$|[?&]ref=\$|raw\.githubusercontent\.com/[^/]+/[^/]+/\$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        TimeSpan.FromSeconds(1));

    private static readonly Regex CheckoutStep = new(@"^\s*-?\s*checkout:\s*['""]?([\w.-]+)", RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(1));

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
                var checkedOut = new HashSet<string>(CheckoutStep.Matches(document.Text).Cast<Match>().Select(m => m.Groups[1].Value), StringComparer.Ordinal);
                foreach (var item in root.Map("resources")?.Seq("repositories")?.Items ?? Enumerable.Empty<YNode>())
                {
                    CheckAzure(document, sink, item as YMap, checkedOut);
                }
            }
        }
    }

    private static void CheckGitLab(DocumentContext document, IReportSink sink, YNode item)
    {
        if (item is YScalar plain)
        {
            if (ShellPatterns.IsUrl(plain.Value) && !IsPinnedUrl(plain.Value))
            {
                Report(sink, document, RuleCatalog.UnpinnedPipelineInclude, plain, null, "Remote include", plain.Value);
            }

            return;
        }

        if (item is not YMap map)
        {
            return;
        }

        if (map["remote"] is YScalar remote && !IsPinnedUrl(remote.Value))
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

    private static bool IsPinnedUrl(string url) => PinnedUrl.IsMatch(url) || VariableRefInUrl.IsMatch(url);

    private static void CheckAzure(DocumentContext document, IReportSink sink, YMap? repository, HashSet<string> checkedOut)
    {
        if (repository?["repository"] is not YScalar alias || repository.Str("type") is "self")
        {
            return;
        }

        // A repository checked out as source (tools, a sibling service) is built like any dependency; the risk this
        // rule is about is a template taken from it, which runs as part of this pipeline (template: x.yml@alias).
        if (checkedOut.Contains(alias.Value) && document.Text.IndexOf("@" + alias.Value, StringComparison.Ordinal) < 0)
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
