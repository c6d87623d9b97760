using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3034: a secret written to the job log: <c>echo ${{ secrets.X }}</c>, <c>echo $TOKEN</c> where TOKEN comes from
/// secrets (GitHub) or has a secret name (GitLab, Azure, <c>$(System.AccessToken)</c>), and <c>set -x</c> in a script
/// that uses secrets. An echo whose output is piped (<c>| docker login --password-stdin</c>) or redirected
/// (<c>&gt;&gt; $GITHUB_ENV</c>), <c>::add-mask::</c> and Azure's <c>##vso[task.setvariable …]</c> /
/// <c>##vso[task.setsecret]</c> logging commands do not print. In GitLab CI a bare <c>env</c>, <c>printenv</c> or
/// <c>export -p</c> prints every CI/CD variable: GitLab exports them all into the job, and it cannot mask multi-line
/// values (SSH keys, kubeconfigs) or short ones.
/// </summary>
internal sealed class SecretPrintedInCiRule : IacRule
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex PrintCommand = new(@"^\s*(?:[{(]\s*)*(?:echo|printf|Write-Host|Write-Output|print|puts)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex Variable = new(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$env:([A-Za-z_][A-Za-z0-9_]*)|\$([A-Za-z_][A-Za-z0-9_]*)|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)", RegexOptions.CultureInvariant, Timeout);

    // Only a dump of the whole environment: `env VAR=x cmd` runs a command, `printenv HOME` prints one variable, and a
    // pipe into anything but sort (`env | grep CI_`) or a redirect chooses what is shown.
    private static readonly Regex EnvironmentDump = new(@"^\s*(?:sudo\s+)?(?:env|printenv|export(?:\s+-p)?|declare\s+-x)\s*(?:\|\s*sort(?:\s+-[a-z]+)*\s*)?(?:#.*)?$", RegexOptions.CultureInvariant, Timeout);

    // `{ echo …; echo …; } > file` or `( … ) | cmd` on one line: the group's output goes where the closer sends it.
    private static readonly Regex InlineGroup = new(@"(?:^|[\s;&|])(?:\{[^{}]*\}|\((?!\()[^()]*\))\s*(?:[0-9]?>|\|)", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Trace = new(@"(?<![\w-])(?:set\s+-[a-wyz]*x[a-z]*|set\s+-o\s+xtrace)\b", RegexOptions.CultureInvariant, Timeout);

    private static readonly HashSet<string> KnownSecretVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "CI_JOB_TOKEN", "CI_REGISTRY_PASSWORD", "CI_DEPLOY_PASSWORD", "CI_DEPENDENCY_PROXY_PASSWORD", "System.AccessToken", "SYSTEM_ACCESSTOKEN",
    };

    public SecretPrintedInCiRule()
        : base(RuleCatalog.SecretPrintedInCi)
    {
    }

    public override bool AppliesTo(DocumentContext document) => YamlFlavors.IsYaml(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        var text = document.Text;
        foreach (var script in CiScripts.Get(document))
        {
            var secretEnv = new HashSet<string>(script.Env.Where(e => Expressions.Find(e.Value, 0, e.Value.Length).Any(x => YieldsSecret(x.Inner))).Select(e => e.Key), StringComparer.Ordinal);
            var usesSecrets = false;
            var start = script.Node.Start;
            var end = script.Node.End;
            var lineStart = start;
            var traces = new List<(int Start, int End)>();
            var quiet = RedirectedGroups(text, start, end);
            while (lineStart < end)
            {
                var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = end;
                }

                foreach (Match t in Trace.Matches(text.Substring(lineStart, lineEnd - lineStart)))
                {
                    traces.Add((lineStart + t.Index, lineStart + t.Index + t.Length));
                }

                // Tracing prints only the commands that run, so it matters when the script itself expands a secret.
                usesSecrets |= SecretReferences(text, lineStart, lineEnd, script, secretEnv).Any();

                // An Azure Pipelines logging command is read by the agent, not written to the log; setsecret and
                // setvariable with issecret=true are how a script masks a value, the ::add-mask:: of Azure.
                if (IsAgentCommand(text, lineStart, lineEnd) || quiet.Any(q => lineStart >= q.Start && lineStart < q.End))
                {
                    lineStart = lineEnd + 1;
                    continue;
                }

                foreach (var (segStart, segEnd) in Segments(text, lineStart, lineEnd))
                {
                    var segment = text.Substring(segStart, segEnd - segStart);
                    if (script.Flavor == YamlFlavor.GitLabCi && EnvironmentDump.IsMatch(segment))
                    {
                        var command = segment.Split('#')[0].Trim();
                        var at = segStart + segment.IndexOf(command, StringComparison.Ordinal);
                        sink.Report(RuleCatalog.SecretPrintedInCi, Spans.Of(text, at, at + command.Length), $"'{command}' prints every CI/CD variable to the job log, secrets GitLab cannot mask included", command);
                        continue;
                    }

                    if (!PrintCommand.IsMatch(segment) || SendsOutputElsewhere(segment) || segment.Contains("::add-mask::"))
                    {
                        continue;
                    }

                    foreach (var (s, e, name) in SecretReferences(text, segStart, segEnd, script, secretEnv))
                    {
                        sink.Report(RuleCatalog.SecretPrintedInCi, Spans.Of(text, s, e), RuleCatalog.SecretPrintedInCi.FormatMessage(name), name);
                    }
                }

                lineStart = lineEnd + 1;
            }

            if (usesSecrets)
            {
                foreach (var (s, e) in traces)
                {
                    sink.Report(RuleCatalog.SecretPrintedInCi, Spans.Of(text, s, e), "Command tracing (set -x) prints the secrets this script uses to the job log", "set -x");
                }
            }
        }
    }

    private static IEnumerable<(int Start, int End, string Name)> SecretReferences(string text, int start, int end, CiScript script, HashSet<string> secretEnv)
    {
        if (script.Flavor == YamlFlavor.GitHubWorkflow)
        {
            foreach (var (s, e, inner) in Expressions.Find(text, start, end))
            {
                if (YieldsSecret(inner))
                {
                    yield return (s, e, inner);
                }
            }
        }

        foreach (Match m in Variable.Matches(text.Substring(start, end - start)))
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value;
            var isSecret = script.Flavor == YamlFlavor.GitHubWorkflow
                ? secretEnv.Contains(name)
                : KnownSecretVariables.Contains(name) || SecretNames.IsSecretName(name);
            if (m.Groups[4].Success && script.Flavor != YamlFlavor.AzurePipelines)
            {
                isSecret = false;
            }

            if (isSecret)
            {
                yield return (start + m.Index, start + m.Index + m.Length, name);
            }
        }
    }

    /// <summary>
    /// An expression whose value is a secret (<c>secrets.X</c>, <c>toJSON(secrets)</c>, <c>format('…', secrets.X)</c>),
    /// not a test about one (<c>secrets.X != ''</c>), which only yields true or false.
    /// </summary>
    private static bool YieldsSecret(string inner) =>
        (inner.Contains("secrets.") || inner.Contains("secrets[") || inner.Contains("(secrets)"))
        && !inner.Contains("==") && !inner.Contains("!=") && !inner.TrimStart().StartsWith("!", StringComparison.Ordinal);

    /// <summary>
    /// Lines whose output a command group sends elsewhere: the body of a multi-line <c>{ … }</c> or <c>( … )</c> whose
    /// closing line redirects or pipes it (how scripts write a whole .env file at once), and one-line groups that do.
    /// </summary>
    private static List<(int Start, int End)> RedirectedGroups(string text, int start, int end)
    {
        var quiet = new List<(int Start, int End)>();
        var open = new Stack<(int Start, char Closer)>();
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            var line = text.Substring(lineStart, lineEnd - lineStart);
            var trimmed = line.Trim();
            // A function body or an array opened at the end of a line closes with its own brace, so it is tracked
            // too; otherwise its closer would end the enclosing group early.
            if (trimmed.EndsWith('{') || trimmed.EndsWith('('))
            {
                open.Push((lineStart, trimmed[^1] == '{' ? '}' : ')'));
            }
            else if (open.Count > 0 && trimmed.Length > 0 && trimmed[0] == open.Peek().Closer)
            {
                var (groupStart, _) = open.Pop();
                if (SendsOutputElsewhere(trimmed.Substring(1)))
                {
                    quiet.Add((groupStart, lineEnd));
                }
            }
            else if (InlineGroup.Match(line) is { Success: true } inline && SendsOutputElsewhere(line.Substring(inline.Index + inline.Length - 1)))
            {
                // The match ends at the group's redirect or pipe, which decides like any other command's.
                quiet.Add((lineStart, lineEnd));
            }

            lineStart = lineEnd + 1;
        }

        return quiet;
    }

    private static bool IsAgentCommand(string text, int start, int end)
    {
        var at = text.IndexOf("##vso[task.set", start, end - start, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && (string.Compare(text, at + 14, "variable", 0, 8, StringComparison.OrdinalIgnoreCase) == 0 || string.Compare(text, at + 14, "secret", 0, 6, StringComparison.OrdinalIgnoreCase) == 0);
    }

    /// <summary>Commands of one line, split at <c>&amp;&amp;</c>, <c>||</c> and <c>;</c> (quotes are not tracked: the split only narrows where an echo ends).</summary>
    private static IEnumerable<(int Start, int End)> Segments(string text, int start, int end)
    {
        var segStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == ';' || ((c == '&' || c == '|') && i + 1 < end && text[i + 1] == c))
            {
                yield return (segStart, i);
                segStart = i + (c == ';' ? 1 : 2);
                i = segStart - 1;
            }
        }

        yield return (segStart, end);
    }

    /// <summary>
    /// Whether a command's (or a command group's) output goes somewhere other than the job log: a redirect, or a pipe
    /// into anything but <c>tee</c> or <c>cat</c>.
    /// </summary>
    private static bool SendsOutputElsewhere(string command) =>
        command.IndexOf('>') >= 0 || (command.IndexOf('|') >= 0 && !PipesToLog(command));

    /// <summary>
    /// A pipe that still shows the value: <c>| tee file</c> writes it to the file and to the log, <c>| cat</c> just
    /// passes it on. Any further pipe or redirect decides again, so <c>| tee file &gt; /dev/null</c> does not print.
    /// </summary>
    private static bool PipesToLog(string segment)
    {
        var pipe = segment.IndexOf('|');
        if (pipe < 0 || pipe + 1 < segment.Length && segment[pipe + 1] == '|' || segment.IndexOf('|', pipe + 1) >= 0)
        {
            return false;
        }

        var next = segment.Substring(pipe + 1).Trim();
        if (next.StartsWith("sudo ", StringComparison.Ordinal))
        {
            next = next.Substring("sudo ".Length).TrimStart();
        }

        return next is "tee" or "cat" || next.StartsWith("tee ", StringComparison.Ordinal);
    }
}
