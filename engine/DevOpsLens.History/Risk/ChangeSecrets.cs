using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Secrets;
using LibGit2Sharp;

namespace DevOpsLens.History.Risk;

/// <summary>One secret finding on a line the change adds; holds the rule, the kind of credential and the path, never the value.</summary>
public sealed record ChangeSecretFinding(string Path, string RuleId, string Provider);

/// <summary>
/// Runs the engine's secret scanner over the lines a change adds. Reported as a factor, not used by the model:
/// neither the public training data nor most histories have enough commits with secrets to learn a weight.
/// </summary>
internal static class ChangeSecrets
{
    private const int MaxAddedCharacters = 1_000_000;

    public static List<ChangeSecretFinding> Scan(Patch patch, CancellationToken ct)
    {
        var findings = new List<ChangeSecretFinding>();
        foreach (var entry in patch)
        {
            if (entry.IsBinaryComparison || entry.LinesAdded == 0 || entry.Path.StartsWith(".devopslens/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = string.Concat(entry.AddedLines.Select(l => l.Content.EndsWith('\n') ? l.Content : l.Content + "\n"));
            if (text.Length > MaxAddedCharacters)
            {
                continue;
            }

            try
            {
                foreach (var match in SecretScanner.Scan(text, entry.Path, DocumentClassifier.Classify(entry.Path), RuleOptions.Default, ct))
                {
                    findings.Add(new ChangeSecretFinding(entry.Path, match.Rule.Id, match.Provider));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // One unscannable file must not cost the whole score; the secret rules report their own failures in `check`.
            }
        }

        return findings;
    }
}
