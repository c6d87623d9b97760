using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3030: a <c>uses:</c> of a third-party action or reusable workflow that is not pinned to a 40-hex commit SHA.
/// Local actions (<c>./</c>) and digest-pinned <c>docker://</c> images are fine. Owners listed in
/// <c>trusted_owners</c> (default <c>actions,github</c>: GitHub itself, which already runs the workflow) are not reported.
/// </summary>
internal sealed class UnpinnedActionRule : IacRule
{
    private static readonly Regex Sha = new("^[0-9a-fA-F]{40}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public UnpinnedActionRule()
        : base(RuleCatalog.UnpinnedAction)
    {
    }

    public override bool AppliesTo(DocumentContext document) => YamlFlavors.IsWorkflowPath(document.Path) || document.Path.EndsWith("action.yml", StringComparison.OrdinalIgnoreCase) || document.Path.EndsWith("action.yaml", StringComparison.OrdinalIgnoreCase);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        var trusted = new HashSet<string>(document.Options.GetList(RuleCatalog.UnpinnedAction, "trusted_owners"), StringComparer.OrdinalIgnoreCase);
        foreach (var doc in YamlFile.Get(document).Documents)
        {
            if (doc.RootMap is not { } root)
            {
                continue;
            }

            foreach (var (_, _, job) in GitHubWorkflow.Jobs(root))
            {
                Check(document, sink, job["uses"], trusted);
                foreach (var item in job.Seq("steps")?.Items ?? Enumerable.Empty<YNode>())
                {
                    Check(document, sink, (item as YMap)?["uses"], trusted);
                }
            }

            // Composite actions (action.yml) list their steps under runs.
            foreach (var item in root.Map("runs")?.Seq("steps")?.Items ?? Enumerable.Empty<YNode>())
            {
                Check(document, sink, (item as YMap)?["uses"], trusted);
            }
        }
    }

    private static void Check(DocumentContext document, IReportSink sink, YNode? node, HashSet<string> trusted)
    {
        if (node is not YScalar scalar)
        {
            return;
        }

        var uses = scalar.Value.Trim();
        if (uses.Length == 0 || uses.StartsWith("./", StringComparison.Ordinal) || uses.StartsWith(".\\", StringComparison.Ordinal) || uses.Contains("${{"))
        {
            return;
        }

        string name;
        string reference;
        if (uses.StartsWith("docker://", StringComparison.OrdinalIgnoreCase))
        {
            var image = ImageReference.Parse(uses.Substring("docker://".Length));
            if (image == null || image.Digest != null)
            {
                return;
            }

            name = uses;
            reference = image.Tag ?? "latest";
        }
        else
        {
            var at = uses.LastIndexOf('@');
            name = at >= 0 ? uses.Substring(0, at) : uses;
            reference = at >= 0 ? uses.Substring(at + 1) : "(no ref)";
            var owner = name.Split('/')[0];
            if (trusted.Contains(owner) || Sha.IsMatch(reference))
            {
                return;
            }
        }

        Report(sink, document, RuleCatalog.UnpinnedAction, scalar, uses, name, reference);
    }
}
