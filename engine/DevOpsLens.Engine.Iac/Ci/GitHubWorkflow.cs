using DevOpsLens.Engine.Iac.Yaml;

namespace DevOpsLens.Engine.Iac.Ci;

internal sealed class GitHubStep
{
    public GitHubStep(YMap step, IReadOnlyDictionary<string, string> env)
    {
        Step = step;
        Env = env;
    }

    public YMap Step { get; }

    /// <summary>Workflow, job and step env merged (step wins).</summary>
    public IReadOnlyDictionary<string, string> Env { get; }
}

/// <summary>Navigation of a GitHub Actions workflow: triggers, jobs and steps.</summary>
internal static class GitHubWorkflow
{
    public static IEnumerable<(string Id, YScalar Key, YMap Job)> Jobs(YMap root)
    {
        foreach (var pair in root.Map("jobs")?.Entries ?? Enumerable.Empty<YPair>())
        {
            if (pair.Key is YScalar key && pair.Value is YMap job)
            {
                yield return (key.Value, key, job);
            }
        }
    }

    public static IEnumerable<GitHubStep> Steps(YMap root)
    {
        var workflowEnv = Env(root.Map("env"), null);
        foreach (var (_, _, job) in Jobs(root))
        {
            var jobEnv = Env(job.Map("env"), workflowEnv);
            foreach (var item in job.Seq("steps")?.Items ?? Enumerable.Empty<YNode>())
            {
                if (item is YMap step)
                {
                    yield return new GitHubStep(step, Env(step.Map("env"), jobEnv));
                }
            }
        }
    }

    /// <summary>The event names of <c>on:</c> (a name, a list of names, or a map keyed by name).</summary>
    public static IReadOnlyCollection<string> Triggers(YMap root)
    {
        var on = root["on"] ?? root["true"];
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (on)
        {
            case YScalar s:
                names.Add(s.Value);
                break;
            case YSeq seq:
                foreach (var item in seq.Items)
                {
                    if (item.Text is { } t)
                    {
                        names.Add(t);
                    }
                }

                break;
            case YMap map:
                foreach (var pair in map.Entries)
                {
                    if (pair.KeyText is { } k)
                    {
                        names.Add(k);
                    }
                }

                break;
        }

        return names;
    }

    private static IReadOnlyDictionary<string, string> Env(YMap? map, IReadOnlyDictionary<string, string>? parent)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var inherited in parent ?? result)
        {
            result[inherited.Key] = inherited.Value;
        }

        foreach (var pair in map?.Entries ?? Enumerable.Empty<YPair>())
        {
            if (pair.KeyText is { } k && pair.Value.Text is { } v)
            {
                result[k] = v;
            }
        }

        return result;
    }
}
