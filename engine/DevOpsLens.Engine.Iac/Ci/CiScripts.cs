using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>A shell (or PowerShell) script embedded in a pipeline definition.</summary>
internal sealed class CiScript
{
    public CiScript(YScalar node, IReadOnlyDictionary<string, string> env, YamlFlavor flavor)
    {
        Node = node;
        Env = env;
        Flavor = flavor;
    }

    public YScalar Node { get; }

    /// <summary>Environment in scope (workflow, job and step <c>env:</c> merged), GitHub only.</summary>
    public IReadOnlyDictionary<string, string> Env { get; }

    public YamlFlavor Flavor { get; }
}

/// <summary>Finds the scripts of GitHub Actions steps, GitLab jobs and Azure Pipelines steps.</summary>
internal static class CiScripts
{
    private static readonly IReadOnlyDictionary<string, string> NoEnv = new Dictionary<string, string>();

    private static readonly HashSet<string> GitLabReserved = new(StringComparer.Ordinal)
    {
        "stages", "variables", "include", "workflow", "image", "services", "cache", "before_script", "after_script", "default",
    };

    public static bool IsPipeline(YamlFlavor flavor) => flavor is YamlFlavor.GitHubWorkflow or YamlFlavor.GitLabCi or YamlFlavor.AzurePipelines;

    public static IReadOnlyList<CiScript> Get(DocumentContext document) =>
        document.GetOrAdd("iac.ciscripts", d =>
        {
            var list = new List<CiScript>();
            var flavor = YamlFlavors.GetFileFlavor(d);
            var file = YamlFile.Get(d);
            foreach (var doc in file.Documents)
            {
                if (doc.RootMap is not { } root)
                {
                    continue;
                }

                switch (flavor)
                {
                    case YamlFlavor.GitHubWorkflow:
                        foreach (var step in GitHubWorkflow.Steps(root))
                        {
                            if (step.Step["run"] is YScalar run)
                            {
                                list.Add(new CiScript(run, step.Env, flavor));
                            }
                        }

                        break;
                    case YamlFlavor.GitLabCi:
                        foreach (var pair in root.Entries)
                        {
                            if (pair.Value is not YMap job || (GitLabReserved.Contains(pair.KeyText ?? string.Empty) && pair.KeyText != "default"))
                            {
                                continue;
                            }

                            foreach (var key in new[] { "before_script", "script", "after_script" })
                            {
                                AddLines(list, job[key], flavor, 0);
                            }
                        }

                        AddLines(list, root["before_script"], flavor, 0);
                        AddLines(list, root["after_script"], flavor, 0);
                        break;
                    case YamlFlavor.AzurePipelines:
                        AddAzure(list, root, new HashSet<YNode>(ReferenceEqualityComparer.Instance), 0);
                        break;
                }
            }

            return list;
        });

    private static void AddLines(List<CiScript> list, YNode? node, YamlFlavor flavor, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (node is YScalar scalar && !scalar.IsNull)
        {
            list.Add(new CiScript(scalar, NoEnv, flavor));
        }
        else if (node is YSeq seq)
        {
            foreach (var item in seq.Items)
            {
                AddLines(list, item, flavor, depth + 1);
            }
        }
    }

    private static void AddAzure(List<CiScript> list, YNode node, HashSet<YNode> seen, int depth)
    {
        if (depth > 64 || !seen.Add(node))
        {
            return;
        }

        if (node is YSeq seq)
        {
            foreach (var item in seq.Items)
            {
                AddAzure(list, item, seen, depth + 1);
            }

            return;
        }

        if (node is not YMap map)
        {
            return;
        }

        foreach (var pair in map.Entries)
        {
            switch (pair.KeyText)
            {
                case "script" or "bash" or "pwsh" or "powershell" when pair.Value is YScalar script:
                    list.Add(new CiScript(script, NoEnv, YamlFlavor.AzurePipelines));
                    break;
                case "inputs" when map.Has("task") && pair.Value is YMap inputs:
                    foreach (var input in inputs.Entries)
                    {
                        if (input.KeyText is "script" or "inlineScript" or "Script" && input.Value is YScalar inline)
                        {
                            list.Add(new CiScript(inline, NoEnv, YamlFlavor.AzurePipelines));
                        }
                    }

                    break;
                default:
                    AddAzure(list, pair.Value, seen, depth + 1);
                    break;
            }
        }
    }
}
